"""One Finding type for every check (issue 9 §1): legal checks, stoppage, contract compliance, labour cost."""

import ast
from datetime import date
from pathlib import Path

import pytest

from hr_contract_risk.engine import contract_compliance as cc
from hr_contract_risk.engine import findings as fd
from hr_contract_risk.engine import legal_checks as lc
from hr_contract_risk.engine import org_insights
from hr_contract_risk.engine import social_insurance as si
from hr_contract_risk.engine.i18n import Msg

ENGINE = Path(__file__).resolve().parent.parent / "hr_contract_risk" / "engine"


def test_one_finding_class_in_the_engine():
    defined = [
        path.name for path in ENGINE.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ClassDef) and node.name == "Finding"
    ]
    assert defined == ["findings.py"]
    assert lc.Finding is si.Finding is cc.Finding is org_insights.Finding is fd.Finding
    assert (lc.BLOCK, lc.WARN, lc.INFO) == (si.BLOCK, si.WARN, si.INFO) == fd.SEVERITIES


def test_a_misplaced_argument_fails_loudly():
    with pytest.raises(ValueError, match="severity"):
        fd.Finding("x", fd.BLOCK, "LCL 42", Msg("text"))  # old stoppage order: severity before article
    with pytest.raises(TypeError, match="Msg"):
        fd.Finding("x", "LCL 42", fd.BLOCK, "plain text")
    with pytest.raises(ValueError, match="only a blocking"):
        fd.Finding("x", "LCL 14", fd.WARN, Msg("t"), frozenset({lc.NOT_RENEW}))


def test_order_and_worst_severity():
    info = fd.Finding("i", "", fd.INFO, Msg("i"))
    warn = fd.Finding("w", "LCL 40(2)", fd.WARN, Msg("w"))
    block = fd.Finding("b", "LCL 42(4)", fd.BLOCK, Msg("b"))
    assert [f.code for f in fd.most_severe_first([info, warn, block])] == ["b", "w", "i"]
    assert fd.worst_severity([info, warn]) == fd.WARN
    assert fd.worst_severity([]) is None
    assert fd.is_blocked([info, block]) and not fd.is_blocked([info, warn])
    assert block.blocking and not warn.blocking


def test_as_data_is_json_rows_with_translated_text_and_blocked_actions():
    block = fd.Finding("art42_pregnancy", "LCL 42(4), 45", fd.BLOCK,
                       Msg("Pregnant until %(date)s", {"date": date(2025, 3, 1)}), frozenset({lc.NOT_RENEW}))
    warn = fd.Finding("w", "LCL 40(2)", fd.WARN, Msg("w"))
    table = {"Pregnant until %(date)s": "孕期至 %(date)s", "w": "警告"}
    rows = fd.as_data([warn, block], lambda m: m.render(table.get),
                      {lc.RENEW_SAME: "Renew", lc.NOT_RENEW: "Do not renew"})
    assert rows == [
        {"code": "art42_pregnancy", "severity": "block", "article": "LCL 42(4), 45",
         "text": "孕期至 2025-03-01", "blocks": ["Do not renew"]},
        {"code": "w", "severity": "warn", "article": "LCL 40(2)", "text": "警告", "blocks": []},
    ]


def test_each_module_builds_the_shared_type():
    # contract compliance (LCL 19): a 12-month probation on a 1-year contract is too long
    found = cc.check_probation(cc.ProbationInput(
        term_kind=cc.FIXED, start=date(2024, 1, 1), end=date(2024, 12, 31), probation_end=date(2024, 12, 31),
        contract_wage=10000))
    assert [(f.code, f.article, f.severity) for f in found] == [("probation_too_long", "LCL 19", fd.BLOCK)]
    # stoppage (SIL 45, 50): a resignation recorded for a layoff loses the benefit
    found = si.check_reason("layoff", "resignation")
    assert found[0].code == "loses_benefit" and found[0].severity == fd.BLOCK and found[0].article
    # labour cost: an analytical warning without article, with subject, value and threshold
    span = org_insights.span_finding("招商部", "王伟", 13)
    assert (span.severity, span.article, span.subject, span.value, span.threshold) == (fd.WARN, "", "招商部", 13, 12)
