"""Engine tests of the written labour contract's clauses (LCL Art. 17 ¶1 mandatory, ¶2 optional:
probation LCL 19/20, training service period LCL 22, non-compete LCL 23/24). Fixed dates only."""

from datetime import date
from decimal import Decimal

import pytest

from hr_contract_risk.engine import labour_contract as lc
from hr_contract_risk.engine.contract_compliance import InputError

COMPLETE = {
    "employer_name": "上海示例科技有限公司",
    "employer_address": "上海市浦东新区世纪大道 100 号",
    "employer_representative": "李明",
    "employee_name": "王伟",
    "employee_id_number": "310101199001011234",
    "employee_address": "上海市徐汇区漕溪北路 1 号",
    "term_kind": "fixed",
    "date_start": date(2025, 1, 1),
    "date_end": date(2027, 12, 31),
    "job": "Sales Manager",
    "work_place": "Shanghai",
    "working_hours": "Standard 40 Hours/Week (8.0 h/day)",
    "wage": 12000,
    "currency": "CNY",
    "social_insurance_place": "上海",
    "labour_protection": "The Employer provides labour protection equipment.",
}


def render(msg):
    return msg if isinstance(msg, str) else msg.render()


def test_complete_contract_fills_every_mandatory_clause_in_article_17_order():
    clauses = lc.fill_clauses(COMPLETE)
    assert [c.key for c in clauses] == list(lc.MANDATORY_KEYS)
    assert all(c.mandatory for c in clauses)
    assert [c.article for c in clauses] == [f"LCL Art. 17({i})" for i in range(1, 9)]
    text = " ".join(render(line) for c in clauses for line in c.lines)
    for value in ("上海示例科技有限公司", "李明", "310101199001011234", "Sales Manager", "Shanghai",
                  "Standard 40 Hours/Week", "12000 CNY", "上海", "labour protection equipment"):
        assert value in text
    assert "2025-01-01" in text and "2027-12-31" in text


@pytest.mark.parametrize("key, clause, article", [
    ("employer_name", "employer", "LCL Art. 17(1)"),
    ("employer_address", "employer", "LCL Art. 17(1)"),
    ("employer_representative", "employer", "LCL Art. 17(1)"),
    ("employee_name", "employee", "LCL Art. 17(2)"),
    ("employee_id_number", "employee", "LCL Art. 17(2)"),
    ("employee_address", "employee", "LCL Art. 17(2)"),
    ("date_start", "term", "LCL Art. 17(3)"),
    ("date_end", "term", "LCL Art. 17(3)"),
    ("job", "job", "LCL Art. 17(4)"),
    ("work_place", "job", "LCL Art. 17(4)"),
    ("working_hours", "hours", "LCL Art. 17(5)"),
    ("wage", "pay", "LCL Art. 17(6)"),
    ("social_insurance_place", "social_insurance", "LCL Art. 17(7)"),
    ("labour_protection", "protection", "LCL Art. 17(8)"),
])
def test_each_missing_mandatory_clause_refused_with_its_article(key, clause, article):
    values = dict(COMPLETE, **{key: None})
    with pytest.raises(lc.MissingClausesError) as exc:
        lc.fill_clauses(values)
    assert exc.value.missing == (clause,)
    text = exc.value.msg.render()
    assert "LCL Art. 17" in text and article in text
    assert isinstance(exc.value, InputError)


def test_blank_strings_and_zero_wage_count_as_missing_and_all_are_listed():
    values = dict(COMPLETE, employee_id_number="  ", wage=0, work_place="")
    with pytest.raises(lc.MissingClausesError) as exc:
        lc.fill_clauses(values)
    assert exc.value.missing == ("employee", "job", "pay")
    text = exc.value.msg.render()
    for article in ("LCL Art. 17(2)", "LCL Art. 17(4)", "LCL Art. 17(6)"):
        assert article in text
    assert "place of work" in text and "monthly wage" in text


def test_refusal_is_translated_piece_by_piece():
    values = dict(COMPLETE, employer_representative="")
    with pytest.raises(lc.MissingClausesError) as exc:
        lc.fill_clauses(values)
    text = exc.value.msg.render(lambda s: f"<{s}>")
    assert "<Party A: the Employer>" in text and "<LCL Art. 17(1)>" in text and "<legal representative" in text


def test_open_ended_needs_no_end_date_and_task_needs_the_task():
    values = dict(COMPLETE, term_kind="open_ended", date_end=None)
    term = lc.fill_clauses(values)[2]
    assert "Open-ended" in render(term.lines[0])
    with pytest.raises(lc.MissingClausesError) as exc:
        lc.fill_clauses(dict(values, term_kind="task"))
    assert exc.value.missing == ("term",)
    term = lc.fill_clauses(dict(values, term_kind="task", task_description="Build the Pudong store"))[2]
    assert "Build the Pudong store" in render(term.lines[0])


def test_occupational_hazards_alone_fill_the_protection_clause():
    values = dict(COMPLETE, labour_protection="", occupational_hazards="Noise; hearing protection provided")
    protection = lc.fill_clauses(values)[7]
    assert protection.key == "protection"
    assert "Noise" in render(protection.lines[0])


def test_optional_clauses_appear_only_when_set():
    assert not [c for c in lc.fill_clauses(COMPLETE) if not c.mandatory]
    values = dict(COMPLETE, probation_end=date(2025, 2, 28), probation_wage=Decimal("9600"),
                  training_service_months=24, training_cost=Decimal("30000"),
                  non_compete_months=12, non_compete_compensation=Decimal("3600"),
                  non_compete_category="Senior manager")
    optional = [c for c in lc.fill_clauses(values) if not c.mandatory]
    assert [c.key for c in optional] == ["probation", "training", "non_compete"]
    assert [c.article for c in optional] == ["LCL Art. 19, 20", "LCL Art. 22", "LCL Art. 23, 24"]
    text = " ".join(render(line) for c in optional for line in c.lines)
    for value in ("2025-02-28", "9600 CNY", "24 months", "30000 CNY", "12 months", "3600 CNY", "Senior manager"):
        assert value in text
    # each one alone
    for key, extra in (("probation", {"probation_end": date(2025, 2, 28)}),
                       ("training", {"training_service_months": 12}),
                       ("non_compete", {"non_compete_months": 6})):
        assert [c.key for c in lc.fill_clauses(dict(COMPLETE, **extra)) if not c.mandatory] == [key]
    # zero months = not agreed
    assert not [c for c in lc.fill_clauses(dict(COMPLETE, training_service_months=0, non_compete_months=0))
                if not c.mandatory]


def test_probation_wage_defaults_to_contract_wage_and_non_compete_default_compensation_cited():
    values = dict(COMPLETE, probation_end=date(2025, 1, 31), non_compete_months=24)
    clauses = {c.key: c for c in lc.fill_clauses(values)}
    assert "12000 CNY" in render(clauses["probation"].lines[1])
    assert "30 percent" in render(clauses["non_compete"].lines[-1])
    assert "Art. 36" in render(clauses["non_compete"].lines[-1])


def test_inconsistent_dates_refused():
    with pytest.raises(InputError) as exc:
        lc.fill_clauses(dict(COMPLETE, date_end=date(2024, 12, 31)))
    assert "before its start date" in exc.value.msg.render()
    with pytest.raises(InputError) as exc:
        lc.fill_clauses(dict(COMPLETE, probation_end=date(2024, 12, 1)))
    assert "probation end date" in exc.value.msg.render()
    with pytest.raises(InputError):
        lc.fill_clauses(dict(COMPLETE, term_kind="daily"))
