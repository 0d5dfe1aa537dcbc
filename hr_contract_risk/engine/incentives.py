"""Incentive recommendation (issue 12): ranked levers for what the employee said motivates them.

HR (or the manager) records the employee's *stated* drivers (career growth, pay, recognition, flexibility /
work-life balance, learning, the team / manager relationship), each with its date and source (a talk log or
a stay interview). For each driver this module ranks the levers that answer it, each with its estimated
yearly cost and, where the attrition what-if can tell, the risk after it:

- a raise of X %: cost per year = monthly wage x months of pay a year x X % (the wage cost only, unless the
  caller gives a flat employer contribution rate), and the risk after it from the what-if;
- a promotion path: the next job position, costed as the same raise (a promotion comes with one);
- a bonus (its amount) and a training budget (its amount; the what-if with a training done);
- recognition, flexibility and a talk with the manager: no cost.

Suggestions, not decisions (PIPL Art. 24): nothing here changes a wage or a contract.

No protected attribute is used: the inputs are the stated drivers, the wage, the months of pay, the next
position's name and the what-if's risk; never gender, age, ethnicity, marital or pregnancy status, health,
household registration (hukou) or union membership.

Pure Python, no Odoo import.
"""

import math
from dataclasses import dataclass, field, replace
from datetime import date

from . import bounds
from .i18n import Msg, _lt

DRIVERS = ("career_growth", "pay", "recognition", "flexibility", "learning", "team_manager")
DRIVER_LABELS = {
    "career_growth": _lt("Career growth"),
    "pay": _lt("Pay"),
    "recognition": _lt("Recognition"),
    "flexibility": _lt("Flexibility / work-life balance"),
    "learning": _lt("Learning"),
    "team_manager": _lt("Team / manager relationship"),
}

LEVERS = ("raise", "promotion", "bonus", "training_budget", "recognition", "flexibility", "manager_talk")
LEVER_LABELS = {
    "raise": _lt("Raise"),
    "promotion": _lt("Promotion path"),
    "bonus": _lt("Bonus"),
    "training_budget": _lt("Training budget"),
    "recognition": _lt("Recognition"),
    "flexibility": _lt("Flexible arrangement"),
    "manager_talk": _lt("Talk with the manager"),
}

# the levers that answer each driver, best first
LEVERS_BY_DRIVER = {
    "career_growth": ("promotion", "training_budget", "raise"),
    "pay": ("raise", "bonus", "promotion"),
    "recognition": ("recognition", "bonus"),
    "flexibility": ("flexibility", "manager_talk"),
    "learning": ("training_budget", "promotion"),
    "team_manager": ("manager_talk", "recognition"),
}

# how the yearly cost was estimated
WAGE_ONLY = "wage_only"  # the wage increase only, employer contributions not included
WAGE_AND_EMPLOYER = "wage_and_employer"  # plus a flat employer contribution rate
AMOUNT = "amount"  # the amount entered
HR_ONLY = "hr_only"  # a cost derived from the wage, withheld from whoever may not see the wage
NO_COST = "none"
COST_BASIS_LABELS = {
    WAGE_ONLY: _lt("wage cost only"),
    WAGE_AND_EMPLOYER: _lt("wage and employer contributions"),
    AMOUNT: _lt("amount entered"),
    NO_COST: _lt("no cost"),
    HR_ONLY: _lt("seen by HR only (it would reveal the wage)"),
}
WAGE_BASED = (WAGE_ONLY, WAGE_AND_EMPLOYER)

MAX_AMOUNT = bounds.BOUNDS["incentive_amount"].high

# the protected attributes this module never takes (documented, and tested against the signature)
PROTECTED_ATTRIBUTES = ("gender", "sex", "age", "birthday", "ethnicity", "nationality", "marital", "pregnancy",
                        "health", "disability", "religion", "hukou", "union")


class InputError(ValueError):
    """A stated driver the engine does not know; ``msg`` is a translatable Msg."""

    def __init__(self, msg):
        super().__init__(msg.render())
        self.msg = msg


@dataclass(frozen=True)
class StatedDriver:
    driver: str  # one of DRIVERS
    date: date
    source: str | None = None  # e.g. the talk log's subject


@dataclass(frozen=True)
class Lever:
    driver: str
    kind: str  # one of LEVERS
    rank: int  # 1 = best for this driver
    yearly_cost: float
    cost_basis: str  # WAGE_ONLY, WAGE_AND_EMPLOYER, AMOUNT or NO_COST
    text: Msg
    risk_after: float | None = None  # attrition risk (%) after the lever, from the what-if; None = not known


@dataclass(frozen=True)
class DriverLevers:
    driver: str
    date: date
    source: str | None
    levers: tuple = field(default_factory=tuple)


def raise_cost(monthly_wage, raise_pct, months_per_year=12, employer_rate_pct=None):
    """(cost per year, basis) of a raise: wage x months x X % (x (1 + employer rate) when a rate is given)."""
    cost = monthly_wage * months_per_year * raise_pct / 100.0
    if employer_rate_pct:
        return round(cost * (1.0 + employer_rate_pct / 100.0), 2), WAGE_AND_EMPLOYER
    return round(cost, 2), WAGE_ONLY


def _risk(what_if, kind, raise_pct):
    """The risk after a lever: ``what_if`` is a callable (``what_if(**changes) -> risk or None``) or a
    precomputed mapping {lever kind: risk}; None when it cannot tell."""
    if what_if is None:
        return None
    if callable(what_if):
        if kind in ("raise", "promotion"):
            risk = what_if(wage_change_pct=raise_pct)
        elif kind == "training_budget":
            risk = what_if(training_done=True)
        else:
            return None
    else:
        risk = what_if.get(kind)
    if risk is None:
        return None
    risk = float(risk)
    return risk if math.isfinite(risk) else None


def recommend(drivers, monthly_wage, raise_pct, months_per_year=12, next_job=None, bonus_amount=None,
              training_budget=0.0, what_if=None, employer_rate_pct=None, labels=None):
    """Ranked levers per stated driver, the newest statement first.

    ``drivers``: StatedDriver items (several allowed; a driver stated twice is listed once, at its latest
    date). ``monthly_wage``: the current monthly wage. ``raise_pct``: the raise to cost, 0-50 %.
    ``months_per_year``: the company's months of pay a year (12; 13 with a 13th month). ``next_job``: the
    next position's name, or None (then no promotion lever). ``bonus_amount``: None = one month's wage.
    ``what_if``: a callable or a precomputed {lever kind: risk} (see ``_risk``), or None.
    ``labels`` maps the bounds keys (raise_pct, incentive_amount, pay_months_per_year, monthly_gross_pay)
    to the user's field labels for the BoundsError.
    Raises bounds.BoundsError for a value out of range (NaN included) and InputError for an unknown driver.
    """
    labels = labels or {}
    bounds.check_number("raise_pct", raise_pct, labels.get("raise_pct"))
    bounds.check_number("pay_months_per_year", months_per_year, labels.get("pay_months_per_year"))
    bounds.check_number("monthly_gross_pay", monthly_wage, labels.get("monthly_gross_pay"))
    if bonus_amount is None:
        bonus_amount = monthly_wage or 0.0
    bounds.check_number("incentive_amount", bonus_amount, labels.get("bonus_amount", labels.get("incentive_amount")))
    bounds.check_number("incentive_amount", training_budget,
                        labels.get("training_budget", labels.get("incentive_amount")))
    monthly_wage = float(monthly_wage or 0.0)
    raise_pct = float(raise_pct or 0.0)
    latest = {}
    for stated in drivers:
        if stated.driver not in DRIVERS:
            raise InputError(Msg(_lt("Unknown driver %(driver)s."), {"driver": stated.driver}))
        known = latest.get(stated.driver)
        if known is None or stated.date > known.date:
            latest[stated.driver] = stated
    out = []
    for stated in sorted(latest.values(), key=lambda s: (s.date, DRIVERS.index(s.driver)), reverse=True):
        levers = []
        for kind in LEVERS_BY_DRIVER[stated.driver]:
            lever = _lever(stated.driver, kind, monthly_wage, raise_pct, months_per_year, next_job,
                           float(bonus_amount), float(training_budget or 0.0), what_if, employer_rate_pct)
            if lever is not None:
                levers.append(lever)
        ranked = tuple(replace(lever, rank=i) for i, lever in enumerate(levers, 1))
        out.append(DriverLevers(stated.driver, stated.date, stated.source, ranked))
    return out


def _lever(driver, kind, wage, raise_pct, months, next_job, bonus, training, what_if, employer_rate_pct):
    if kind == "raise":
        cost, basis = raise_cost(wage, raise_pct, months, employer_rate_pct)
        text = Msg(_lt("A raise of %(pct)s %%: %(cost)s a year."), {"pct": _pct(raise_pct), "cost": _money(cost)})
    elif kind == "promotion":
        if not next_job:
            return None
        cost, basis = raise_cost(wage, raise_pct, months, employer_rate_pct)
        text = Msg(_lt("A promotion path to %(job)s, with a raise of %(pct)s %%: %(cost)s a year."),
                   {"job": next_job, "pct": _pct(raise_pct), "cost": _money(cost)})
    elif kind == "bonus":
        cost, basis = round(bonus, 2), AMOUNT
        text = Msg(_lt("A one-off bonus of %(cost)s."), {"cost": _money(cost)})
    elif kind == "training_budget":
        cost, basis = round(training, 2), AMOUNT
        text = Msg(_lt("A training budget of %(cost)s."), {"cost": _money(cost)})
    elif kind == "recognition":
        cost, basis = 0.0, NO_COST
        text = Msg(_lt("Recognise the employee's work in front of the team (no cost)."))
    elif kind == "flexibility":
        cost, basis = 0.0, NO_COST
        text = Msg(_lt("Agree a flexible arrangement of hours or place of work (no cost)."))
    else:  # manager_talk
        cost, basis = 0.0, NO_COST
        text = Msg(_lt("A talk between the employee and their manager about how they work together (no cost)."))
    return Lever(driver, kind, 0, cost, basis, text, _risk(what_if, kind, raise_pct))


def _pct(value):
    return f"{value:g}"


def _money(value):
    return f"{value:,.2f}"


def withheld_text(kind, raise_pct, next_job=None):
    """The lever's text without its amount, for a reader who may not see the wage (a department manager):
    a raise's or a promotion's cost, or a bonus of one month's wage, would reveal it."""
    if kind == "raise":
        return Msg(_lt("A raise of %(pct)s %% (its cost: ask HR)."), {"pct": _pct(raise_pct)})
    if kind == "promotion":
        return Msg(_lt("A promotion path to %(job)s, with a raise of %(pct)s %% (its cost: ask HR)."),
                   {"job": next_job or "", "pct": _pct(raise_pct)})
    return Msg(_lt("A one-off bonus (its amount: ask HR)."))
