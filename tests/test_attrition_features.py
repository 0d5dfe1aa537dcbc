"""Attrition features on small hand-built histories, leakage and the protected-attribute allowlist."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hr_contract_risk.engine import attrition_features as af

D = date


def wang_wei():
    """Hired 2022-01-01 on a 2-year contract, renewed for 2 years (ends 2026-01-31);
    falling appraisals, some sick leave, one warning, one manager change."""
    return af.EmployeeHistory(
        employee_id=1,
        department_id=10,
        contracts=(
            af.Contract(D(2022, 1, 1), D(2023, 12, 31), 10000.0),
            af.Contract(D(2024, 1, 1), D(2026, 1, 31), 11000.0),
        ),
        appraisals=(
            af.Appraisal(D(2024, 12, 31), 85),
            af.Appraisal(D(2025, 3, 31), 80),
            af.Appraisal(D(2025, 6, 30), 72),
            af.Appraisal(D(2025, 9, 30), 67),
        ),
        leaves=(
            af.Leave(D(2025, 10, 6), D(2025, 10, 8), 3.0, sick=True),
            af.Leave(D(2025, 11, 3), D(2025, 11, 3), 1.0, sick=True),
            af.Leave(D(2025, 5, 5), D(2025, 5, 9), 5.0),
            af.Leave(D(2025, 12, 20), D(2025, 12, 22), 3.0),  # after the as-of date
        ),
        warnings=(D(2025, 8, 1),),
        trainings=(D(2024, 6, 1),),
        manager_changes=(D(2025, 9, 1), D(2024, 1, 1)),
    )


AS_OF = D(2025, 11, 30)


def test_tenure_and_contract_features():
    f = af.compute_features(wang_wei(), AS_OF, {10: 0.25})
    # 2022-01-01 .. 2025-11-30, both counted: 3 years 11 months (service.service_years, Civil Code Art. 202)
    assert f["tenure_years"] == pytest.approx(3 + 11 / 12, abs=1e-4)
    assert f["days_to_contract_end"] == 62
    assert f["fixed_term_count"] == 2
    assert f["dept_attrition_12m"] == 0.25


def test_appraisal_features():
    f = af.compute_features(wang_wei(), AS_OF)
    assert f["appraisal_score"] == 67
    assert f["appraisal_decline_streak"] == 3
    # 6-month window (from 2025-05-31): 72 and 67, plus the latest before it (80 on 2025-03-31)
    assert f["appraisal_trend_6m"] < -10
    assert f["appraisal_trend_6m"] == pytest.approx(-13.0, abs=1.5)


def test_leave_features_split_sick_and_window():
    f = af.compute_features(wang_wei(), AS_OF)
    assert f["sick_days_90"] == 4.0
    assert f["sick_requests_90"] == 2
    assert f["sick_days_365"] == 4.0
    assert f["leave_days_90"] == 0.0  # the December leave is after the as-of date
    assert f["leave_days_365"] == 5.0
    assert f["leave_requests_365"] == 1


def test_leave_days_prorated_at_window_edge():
    h = af.EmployeeHistory(1, contracts=(af.Contract(D(2020, 1, 1)),),
                           leaves=(af.Leave(D(2025, 1, 1), D(2025, 1, 10), 10.0),))
    days, requests = af.leave_stats(h, D(2025, 1, 5), 90, sick=False)
    assert days == 5.0 and requests == 1
    # window of 3 days ending 2025-01-12 covers 01-10 only (01-10..01-12)
    days, requests = af.leave_stats(h, D(2025, 1, 12), 3, sick=False)
    assert days == 1.0 and requests == 0


def test_warnings_trainings_manager_changes():
    f = af.compute_features(wang_wei(), AS_OF)
    assert f["warnings_365"] == 1
    assert f["trainings_365"] == 0
    assert f["manager_changes_180"] == 1


def test_wage_change_over_12_months():
    f = af.compute_features(wang_wei(), AS_OF)
    assert f["wage_change_12m"] == 0.0  # renewal raise was in 2024
    f = af.compute_features(wang_wei(), D(2024, 6, 30))
    assert f["wage_change_12m"] == pytest.approx(0.1)


def test_wage_change_inside_contract_uses_change_log():
    c = af.Contract(D(2023, 1, 1), None, 12000.0, wage_changes=((D(2025, 3, 1), 10000.0, 12000.0),))
    h = af.EmployeeHistory(1, contracts=(c,))
    assert af.wage_change_12m(h, D(2025, 6, 30)) == pytest.approx(0.2)
    # before the raise was decided the wage was 10000 and had not changed
    assert af.wage_change_12m(h, D(2025, 2, 28)) == 0.0


def test_open_ended_contract_and_gap_breaks_chain():
    h = af.EmployeeHistory(1, contracts=(
        af.Contract(D(2018, 1, 1), D(2019, 12, 31)),
        af.Contract(D(2021, 1, 1), D(2022, 12, 31)),  # 1 year gap: a new chain
        af.Contract(D(2023, 1, 1), D(2025, 12, 31)),
    ))
    assert af.fixed_term_count(h, D(2024, 1, 1)) == 2
    h2 = af.EmployeeHistory(1, contracts=(af.Contract(D(2020, 1, 1), D(2021, 12, 31)),
                                          af.Contract(D(2022, 1, 1), None)))
    assert af.fixed_term_count(h2, D(2024, 1, 1)) == 0
    assert af.days_to_contract_end(h2, D(2024, 1, 1)) == af.CONTRACT_END_CAP_DAYS
    assert af.days_to_contract_end(af.EmployeeHistory(1), D(2024, 1, 1)) is None


def test_missing_appraisal_is_none_and_single_one_is_flat():
    h = af.EmployeeHistory(1, contracts=(af.Contract(D(2020, 1, 1)),))
    f = af.compute_features(h, D(2024, 1, 1))
    assert f["appraisal_score"] is None
    assert f["appraisal_trend_6m"] is None
    assert f["appraisal_decline_streak"] is None
    h.appraisals = (af.Appraisal(D(2023, 6, 30), 70),)
    h._cache.clear()
    f = af.compute_features(h, D(2024, 1, 1))
    assert (f["appraisal_score"], f["appraisal_trend_6m"], f["appraisal_decline_streak"]) == (70, 0.0, 0.0)


def test_department_rates():
    hs = [
        af.EmployeeHistory(1, 10, contracts=(af.Contract(D(2020, 1, 1)),)),
        af.EmployeeHistory(2, 10, contracts=(af.Contract(D(2020, 1, 1)),), departure_date=D(2024, 6, 1)),
        af.EmployeeHistory(3, 10, contracts=(af.Contract(D(2020, 1, 1)),), departure_date=D(2022, 6, 1)),
        af.EmployeeHistory(4, 20, contracts=(af.Contract(D(2020, 1, 1)),)),
        af.EmployeeHistory(5, 10, contracts=(af.Contract(D(2020, 1, 1)),), departure_date=D(2025, 6, 1)),
    ]
    rates = af.department_rates(hs, D(2024, 12, 31))
    # dept 10: one leaver in the window (2), in post: 1 and 5 (5 leaves later) -> 1/3
    assert rates[10] == pytest.approx(1 / 3, abs=1e-4)
    assert rates[20] == 0.0
    assert af.department_rates_from_counts({10: 1}, {10: 2}) == {10: pytest.approx(1 / 3, abs=1e-4)}


# ---------------------------------------------------------------------------
# Leakage: nothing after the as-of date changes the features
# ---------------------------------------------------------------------------
def _with_future(history, as_of):
    """The same history plus everything that could happen after ``as_of``."""
    later = as_of + timedelta(days=1)
    contracts = []
    for c in history.contracts:
        # the end date is later edited to the departure date, the wage raised
        contracts.append(af.Contract(
            c.date_start, later, c.wage * 2,
            end_changes=(*c.end_changes, (later, c.date_end, later)),
            wage_changes=(*c.wage_changes, (later, c.wage, c.wage * 2)),
        ))
    contracts.append(af.Contract(later + timedelta(days=10), None, 99999.0))
    return af.EmployeeHistory(
        employee_id=history.employee_id,
        department_id=history.department_id,
        contracts=tuple(contracts),
        appraisals=(*history.appraisals, af.Appraisal(later, 5.0)),
        leaves=(*history.leaves, af.Leave(later, later + timedelta(days=20), 21.0, sick=True),
                af.Leave(later, later + timedelta(days=3), 4.0)),
        warnings=(*history.warnings, later),
        trainings=(*history.trainings, later),
        manager_changes=(*history.manager_changes, later),
        wage_points=(*history.wage_points, (later, 1.0)),
        departure_date=later + timedelta(days=30),
        departure_reason="resigned",
    )


def test_no_leakage_from_future_records():
    h = wang_wei()
    before = af.compute_features(h, AS_OF, {10: 0.1})
    after = af.compute_features(_with_future(h, AS_OF), AS_OF, {10: 0.1})
    assert before == after


def test_department_rate_ignores_future_departures():
    hs = [af.EmployeeHistory(i, 10, contracts=(af.Contract(D(2020, 1, 1)),)) for i in range(4)]
    base = af.department_rates(hs, AS_OF)
    hs[0].departure_date = AS_OF + timedelta(days=1)
    assert af.department_rates(hs, AS_OF) == base


@settings(max_examples=40, deadline=None)
@given(
    as_of_offset=st.integers(min_value=0, max_value=1500),
    scores=st.lists(st.integers(min_value=0, max_value=100), min_size=0, max_size=8),
    leave_offsets=st.lists(st.integers(min_value=0, max_value=1500), max_size=8),
)
def test_no_leakage_property(as_of_offset, scores, leave_offsets):
    start = D(2021, 1, 1)
    as_of = start + timedelta(days=as_of_offset)
    h = af.EmployeeHistory(
        7, 3,
        contracts=(af.Contract(start, start + timedelta(days=730), 8000.0),
                   af.Contract(start + timedelta(days=731), start + timedelta(days=1500), 9000.0)),
        appraisals=tuple(af.Appraisal(start + timedelta(days=90 * (i + 1)), s) for i, s in enumerate(scores)),
        leaves=tuple(af.Leave(start + timedelta(days=o), start + timedelta(days=o + 2), 3.0, sick=o % 2 == 0)
                     for o in leave_offsets),
    )
    past_only = af.EmployeeHistory(
        7, 3,
        contracts=h.contracts,
        appraisals=tuple(a for a in h.appraisals if a.date <= as_of),
        leaves=tuple(lv for lv in h.leaves if lv.date_from <= as_of),
    )
    assert af.compute_features(h, as_of) == af.compute_features(past_only, as_of)
    assert af.compute_features(_with_future(h, as_of), as_of) == af.compute_features(h, as_of)


# ---------------------------------------------------------------------------
# Protected attributes
# ---------------------------------------------------------------------------
PROTECTED_EXAMPLES = [
    "gender", "birthday", "age", "Age", "marital", "MaritalStatus", "children", "country_id",
    "country_of_birth", "place_of_birth", "nationality", "religion", "spouse_birthdate",
    "pregnancy_nursing", "Gender", "ethnicity",
]


@pytest.mark.parametrize("name", PROTECTED_EXAMPLES)
def test_protected_names_are_detected(name):
    assert af.is_protected(name)


def test_features_are_an_allowlist_without_protected_attributes():
    assert not [f for f in af.FEATURES if af.is_protected(f)]
    assert set(af.FEATURE_LABELS) == set(af.FEATURES)
    assert not af.is_protected("wage_change_12m")  # "age" is a word, not a substring


def test_gathered_odoo_fields_are_not_protected():
    hr_employee_protected = {"gender", "birthday", "marital", "children", "country_id", "country_of_birth",
                             "place_of_birth", "spouse_complete_name", "spouse_birthdate", "ssnid",
                             "identification_id", "passport_id"}
    for model, fields in af.GATHERED_FIELDS.items():
        assert not [f for f in fields if af.is_protected(f)], model
    assert not hr_employee_protected & set(af.GATHERED_FIELDS["hr.employee"])


def test_features_ignore_any_extra_attribute():
    """An EmployeeHistory has no slot for a protected attribute, and the feature
    dict only holds allowlisted keys."""
    f = af.compute_features(wang_wei(), AS_OF)
    assert tuple(f) == af.FEATURES
    with pytest.raises(TypeError):
        af.EmployeeHistory(1, gender="female")  # pylint: disable=unexpected-keyword-arg


def test_what_if():
    f = af.compute_features(wang_wei(), AS_OF)
    g = af.apply_what_if(f, wage_change_pct=10, training_done=True, manager_unchanged=True,
                         open_ended_contract=True)
    assert g["wage_change_12m"] == pytest.approx(0.1)
    assert g["trainings_365"] == 1
    assert g["manager_changes_180"] == 0
    assert g["days_to_contract_end"] == af.CONTRACT_END_CAP_DAYS and g["fixed_term_count"] == 0
    assert f["manager_changes_180"] == 1  # the input is untouched


def test_month_helpers():
    assert af.month_end(D(2024, 2, 10)) == D(2024, 2, 29)
    assert af.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert af.add_months(D(2024, 12, 31), -6) == D(2024, 6, 30)
