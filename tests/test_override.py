"""The one override policy of a legal block (engine/override.py), shared by review, severance and stoppage."""

import pytest

from hr_contract_risk.engine import findings as fd
from hr_contract_risk.engine import override as ov
from hr_contract_risk.engine.i18n import Msg

PREGNANT = fd.Finding("art42_pregnancy", "LCL 42(4), 45", fd.BLOCK, Msg("pregnant"))
ENTITLED = fd.Finding("art14_entitled", "LCL 14(3), 82, 87", fd.BLOCK, Msg("entitled"))
WARNING = fd.Finding("attitude_not_a_ground", "LCL 39, 40", fd.WARN, Msg("attitude"))
NOTE = "Legal advice of 3 May: position abolished; accepted risk of 2N (Art. 87)."


def test_note_needs_twenty_characters_without_blanks():
    assert ov.MIN_NOTE_CHARS == 20
    with pytest.raises(ov.OverrideError) as err:
        ov.validate_note("  x  " * 19)  # 19 characters padded with blanks
    assert err.value.msg.params == {"min": 20, "count": 19}
    assert "at least 20 characters" in err.value.msg.render()
    assert ov.validate_note("  " + "x" * 20 + "\n") == "x" * 20
    # Chinese: characters, not bytes
    assert ov.validate_note("员工书面同意延期离职并由法务确认，公司承担第八十七条风险。")
    for empty in (None, "", "   "):
        with pytest.raises(ov.OverrideError):
            ov.validate_note(empty)


def test_decide_records_the_overridden_articles_once():
    record = ov.decide([PREGNANT, WARNING, ENTITLED, PREGNANT], NOTE)
    assert record == ov.Override(NOTE, ("LCL 42(4), 45", "LCL 14(3), 82, 87"), ("art42_pregnancy", "art14_entitled"))


def test_nothing_to_override_without_a_block():
    assert ov.decide([WARNING], "") is None
    assert ov.decide([], None) is None


def test_a_block_with_a_short_note_is_refused():
    with pytest.raises(ov.OverrideError):
        ov.decide([PREGNANT], "ok, HR agrees")
