"""Synthetic HR history with a planted attrition signal (benchmarks only).

``generate(n, end_date, years=3, seed=0)`` returns ``n`` employee histories
(``attrition_features.EmployeeHistory``) over ``years`` years before
``end_date``: departments, fixed-term contracts with renewals (and open-ended
ones after two fixed terms), quarterly appraisal scores, annual and sick
leave, manager changes, wage raises, talk-log warnings, and departures.

The planted signal (what a good model should find):
- monthly hazard of a voluntary departure ~1 %, doubled in the last 3 months
  of a fixed-term contract, x1.6 without a raise for 12 months, x1.5 after a
  manager change in the last 6 months, x1.4 in departments with high churn;
- in the 5-10 months before a voluntary departure the employee disengages:
  appraisal scores fall, sick days and short leave requests rise, a warning
  may appear in the talk log;
- stayers get the same kinds of events at base rates (noise), so every
  feature is informative only statistically.
About 20 % of departures are involuntary ("fired"/"retired"), with no signal.
"""

import os
import random
import sys
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from conftest import install_engine_alias  # noqa: E402  (engine import without Odoo)

install_engine_alias()

from hr_contract_risk.engine.attrition_features import (  # noqa: E402
    Appraisal,
    Contract,
    EmployeeHistory,
    Leave,
    add_months,
)

VOLUNTARY = "resigned"


def generate(n, end_date=date(2025, 12, 31), years=3, seed=0, dept_size=25):
    rng = random.Random(seed)
    start = add_months(end_date, -12 * years)
    n_dept = max(1, n // dept_size)
    dept_churn = {d: rng.choice((1.0, 1.0, 1.0, 1.4)) for d in range(1, n_dept + 1)}
    out = []
    for i in range(1, n + 1):
        dept = rng.randint(1, n_dept)
        # a third were hired during the window, the others up to 8 years before it
        if rng.random() < 0.33:
            hire = start + timedelta(days=rng.randint(0, 365 * years - 200))
        else:
            hire = start - timedelta(days=rng.randint(30, 365 * 8))
        out.append(_employee(rng, i, dept, dept_churn[dept], hire, start, end_date))
    return out


def _employee(rng, emp_id, dept, churn, hire, start, end_date):
    # --- contracts: fixed terms of 1-3 years, open-ended after two -------------
    contracts = []
    c_start = hire
    fixed = 0
    wage = rng.choice((6000, 8000, 10000, 12000, 15000)) * rng.uniform(0.9, 1.1)
    while c_start <= end_date:
        if fixed >= 2 and rng.random() < 0.7:
            contracts.append([c_start, None, wage])
            break
        years = rng.choice((1, 2, 3))
        c_end = add_months(c_start, 12 * years) - timedelta(days=1)
        contracts.append([c_start, c_end, wage])
        fixed += 1
        c_start = c_end + timedelta(days=1)
    # --- raises: most years, at the anniversary --------------------------------
    raises = []
    day = add_months(hire, 12)
    while day <= end_date:
        if rng.random() < 0.7:
            raises.append(day)
        day = add_months(day, 12)
    # --- manager changes ---------------------------------------------------------
    manager_changes = []
    day = max(hire, start - timedelta(days=365))
    while day <= end_date:
        if rng.random() < 0.025:
            manager_changes.append(day)
        day += timedelta(days=30)

    # --- monthly departure hazard -------------------------------------------
    departure, reason = None, None
    month = max(hire + timedelta(days=60), start - timedelta(days=180))
    while month <= end_date and departure is None:
        hazard = 0.010 * churn
        current = next((c for c in contracts if c[0] <= month and (c[1] is None or c[1] >= month)), None)
        if current and current[1] and (current[1] - month).days <= 90:
            hazard *= 2.0
        if (month - hire).days > 365 and not [r for r in raises if month - timedelta(days=365) < r <= month]:
            hazard *= 1.6
        if [m for m in manager_changes if month - timedelta(days=180) < m <= month]:
            hazard *= 1.5
        if rng.random() < hazard:
            departure, reason = month + timedelta(days=rng.randint(0, 27)), VOLUNTARY
        elif rng.random() < 0.0025:
            departure, reason = month + timedelta(days=rng.randint(0, 27)), rng.choice(("fired", "retired"))
        month = add_months(month, 1)
    onset = None
    if departure and reason == VOLUNTARY and rng.random() < 0.9:
        onset = departure - timedelta(days=rng.randint(150, 300))

    last_day = departure or end_date
    # close the contract in force at the departure (its end was edited then)
    real_contracts = []
    for c_start, c_end, c_wage in contracts:
        if c_start > last_day:
            break
        end_changes = ()
        if departure and (c_end is None or c_end > departure):
            end_changes = ((departure, c_end, departure),)
            c_end = departure
        real_contracts.append(Contract(c_start, c_end, round(c_wage, 2), end_changes=end_changes))
    wage_points = []
    w = contracts[0][2]
    for r in raises:
        if r > last_day:
            break
        w *= rng.uniform(1.03, 1.10)
        wage_points.append((r, round(w, 2)))

    # --- appraisals: quarterly, falling after the onset -----------------------
    level = rng.gauss(76, 7)
    appraisals = []
    q = add_months(max(hire, start - timedelta(days=365)), 3)
    while q <= last_day:
        score = level + rng.gauss(0, 4)
        if onset and q > onset:
            score -= (q - onset).days / 30.0 * rng.uniform(2.0, 4.0)
        appraisals.append(Appraisal(q, max(0.0, min(100.0, round(score, 1)))))
        q = add_months(q, 3)

    # --- leaves: annual leave and sick leave, more after the onset ------------
    leaves = []
    day = max(hire, start - timedelta(days=365))
    while day <= last_day:
        disengaged = onset is not None and day > onset
        if rng.random() < (0.10 if disengaged else 0.045):  # short leave ("interviews")
            leaves.append(Leave(day, day, 1.0))
        if rng.random() < 0.01:  # holiday week
            end = day + timedelta(days=4)
            leaves.append(Leave(day, end, 5.0))
        if rng.random() < (0.08 if disengaged else 0.012):
            length = rng.choice((1, 1, 2, 3))
            leaves.append(Leave(day, day + timedelta(days=length - 1), float(length), sick=True))
        day += timedelta(days=7)
    warnings = []
    if onset and rng.random() < 0.4:
        warnings.append(onset + timedelta(days=rng.randint(20, 80)))
    if rng.random() < 0.03:
        warnings.append(start + timedelta(days=rng.randint(0, 900)))
    trainings = [start + timedelta(days=rng.randint(0, 1000)) for _ in range(rng.choice((0, 0, 1, 2)))]
    return EmployeeHistory(
        employee_id=emp_id,
        department_id=dept,
        contracts=tuple(real_contracts),
        appraisals=tuple(appraisals),
        leaves=tuple(lv for lv in leaves if lv.date_from <= last_day),
        warnings=tuple(w for w in warnings if w <= last_day),
        trainings=tuple(t for t in trainings if hire <= t <= last_day),
        manager_changes=tuple(m for m in manager_changes if hire <= m <= last_day),
        wage_points=tuple(wage_points),
        hire_date=hire,
        departure_date=departure if departure and departure <= end_date else None,
        departure_reason=reason if departure and departure <= end_date else None,
    )
