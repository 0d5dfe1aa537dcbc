"""PRC rules for ending a labour contract: service length, N, caps, money per ground.

Implements ``shared/domain/prc-labour-rules.md`` (the "domain reference", §
numbers below refer to it).  Pure Python: no Odoo import.  Money is
``Decimal`` rounded half-up to 2 decimals; N is a ``Decimal`` in half months.

Abbreviations (as in the reference): LCL = 劳动合同法, Reg = 劳动合同法实施条例,
481号 = 劳部发〔1994〕481号, Order 13 = 人社部令第13号.

Every point the reference marks **Unconfirmed** is a field of ``LawConfig``
(the Odoo layer fills it from company settings) or an explicit input, and the
result says which convention was used (``notes``), so the UI can show it.

Public API
----------
- ``service_length(start, end, inclusive_end=True, clamp_month_end=False)`` (from ``service.py``)
- ``n_from_service(service)`` (LCL 47), ``old_n_from_service(service)`` (481号)
- ``compute_severance(SeveranceInput, LawConfig) -> SeveranceResult``
- ``average_wage(lines, termination_date, hire_date, include_overtime)``
- ``annual_leave_days_due(...)``, ``annual_leave_pay(days, leave_wage)`` (§1.13)
- ``region_year(termination_date, rule, publish_month, available_years)``
- ``GROUNDS``: the §1.5 decision table, one ``GroundRule`` per ground key.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from . import service as _service
from .i18n import Msg, _lt

ZERO = Decimal(0)
HALF = Decimal("0.5")
ONE = Decimal(1)
TWELVE = Decimal(12)
CENT = Decimal("0.01")
#: LCL in force (LCL 97 ¶3): service before this date follows the old rules.
LCL_START = date(2008, 1, 1)
#: Monthly working days used for a daily wage (企业职工带薪年休假实施办法 Art. 11).
WORKING_DAYS_PER_MONTH = Decimal("21.75")


class LabourLawError(ValueError):
    """Bad input for the engine; ``msg`` is a translatable ``Msg``."""

    def __init__(self, msg):
        super().__init__(msg.render())
        self.msg = msg


def to_decimal(value):
    """Decimal from int/float/str/Decimal (floats through ``str`` to avoid binary noise)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def money(value):
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def fmt_money(value):
    return f"{money(value):,.2f}"


def fmt_n(value):
    value = to_decimal(value)
    return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}".rstrip("0")


# --------------------------------------------------------------------------- articles

LAWS = {
    "LCL": _lt("LCL Art. %(number)s"),
    "REG": _lt("LCL Implementing Regulations Art. %(number)s"),
    "481": _lt("Circular 481 (1994) Art. %(number)s"),
    "ORDER13": _lt("MOHRSS Order 13 Art. %(number)s"),
    "ORDER8": _lt("MOLSS Order 8 Art. %(number)s"),
    "LEAVE_REG": _lt("Paid Annual Leave Regulations Art. %(number)s"),
    "LEAVE_MEASURES": _lt("Annual Leave Implementing Measures Art. %(number)s"),
    "CIVIL": _lt("Civil Code Art. %(number)s"),
    "SIL": _lt("Social Insurance Law Art. %(number)s"),
    "WIIR": _lt("Work-Related Injury Insurance Regulations Art. %(number)s"),
}


@dataclass(frozen=True)
class Article:
    law: str
    number: str

    @property
    def code(self):
        return f"{self.law} {self.number}"

    @property
    def msg(self):
        return Msg(LAWS[self.law], {"number": self.number})


def _arts(*codes):
    out = []
    for code in codes:
        law, number = code.split(" ", 1)
        out.append(Article(law, number))
    return tuple(out)


# --------------------------------------------------------------------------- configuration


PRE2008_OTHER_RULES = ("zero", "one_per_year_cap12", "one_per_year")
REGION_YEAR_RULES = ("previous_year", "published", "latest_available")
LEAVE_FLOOR_MODES = ("after_taken", "before_taken")
#: Unlawful termination (LCL 87): ``higher`` of the Reg 25 reading and twice the lawful N with the Art. 97
#: split; ``reg25``: the literal Reg 25 reading (2N from hire, LCL 47 caps over the whole service).
UNLAWFUL_READINGS = ("higher", "reg25")


@dataclass(frozen=True)
class LawConfig:
    """The conventions the reference leaves open (its "Unconfirmed" points).

    - ``inclusive_end_date`` / ``clamp_month_end``: §1.1 calendar conventions.
    - ``include_overtime_in_wage``: §1.2, whether overtime pay is part of W.
    - ``pre2008_other_rule``: §1.4, grounds that 481号 does not list
      (employer-fault resignation, closure): ``zero`` | ``one_per_year_cap12`` |
      ``one_per_year`` months per pre-2008 year.
    - ``pre2008_medical_subsidy_months``: §1.4, 481号 Art. 6 medical subsidy
      (illness dismissals with pre-2008 service); 0 omits it.
    - ``leave_elapsed_inclusive`` / ``leave_floor_mode``: §1.13.
    """

    inclusive_end_date: bool = True
    clamp_month_end: bool = False  # Civil Code Art. 202 (True: the alternative clamped reading)
    include_overtime_in_wage: bool = True
    pre2008_other_rule: str = "one_per_year_cap12"
    pre2008_medical_subsidy_months: Decimal = Decimal(6)
    leave_elapsed_inclusive: bool = True
    leave_floor_mode: str = "after_taken"
    unlawful_reading: str = "higher"
    #: Reg 27 "months actually worked": a partial first or last month counts as its fraction (False: as a full month)
    wage_partial_months: bool = True

    def __post_init__(self):
        if self.unlawful_reading not in UNLAWFUL_READINGS:
            raise ValueError(f"unlawful_reading must be one of {UNLAWFUL_READINGS}")
        if self.pre2008_other_rule not in PRE2008_OTHER_RULES:
            raise ValueError(f"pre2008_other_rule must be one of {PRE2008_OTHER_RULES}")
        if self.leave_floor_mode not in LEAVE_FLOOR_MODES:
            raise ValueError(f"leave_floor_mode must be one of {LEAVE_FLOOR_MODES}")
        object.__setattr__(self, "pre2008_medical_subsidy_months", to_decimal(self.pre2008_medical_subsidy_months))


DEFAULT_CONFIG = LawConfig()


# --------------------------------------------------------------------------- service length (§1.1)


# One implementation in ``service.py`` (Civil Code Arts. 201-202).
ServiceLength = _service.ServiceLength


def _service_between(start, stop, clamp=False):
    return _service.service_until(start, stop, clamp)


def _stop_date(end, inclusive_end):
    return end + timedelta(days=1) if inclusive_end else end


def service_length(start, end, inclusive_end=True, clamp_month_end=False):
    """Service from ``start`` (hire, 用工之日) to ``end`` (LCL 47, §1.1; Civil Code Arts. 201-202)."""
    return _service.service_length(start, end, inclusive_end, clamp_month_end)


def n_from_service(service):
    """N under LCL 47 ¶1: whole years; a part-year of 6 months or more (以上 includes 6,
    Civil Code 1259) counts as 1, a shorter one as 0.5."""
    years = Decimal(service.years)
    if service.months == 0 and service.days == 0:
        return years
    if service.months >= 6:
        return years + ONE
    return years + HALF


def old_n_from_service(service):
    """N under 481号 (pre-2008 segment): whole years, any part-year counts as a full year."""
    years = Decimal(service.years)
    return years + ONE if (service.months or service.days) else years


# --------------------------------------------------------------------------- §1.5 decision table

MONEY_ZERO = "zero"
MONEY_N = "n"
MONEY_N_PLUS_1 = "n_plus_1"
MONEY_2N = "2n"

# pre-2008 handling of a ground (§1.4)
PRE_ART5 = "art5"
PRE_ART6 = "art6"
PRE_ART7 = "art7"
PRE_ART8 = "art8"
PRE_ART9 = "art9"
PRE_NONE = "none"  # expiry: no compensation under the old national rules
PRE_OTHER = "other"  # no 481号 rule listed: LawConfig.pre2008_other_rule
PRE_BY_REASON = "by_reason"  # Art. 40: 481号 Art. 6/7/8 by no_fault_reason
PRE_NOT_SPLIT = "not_split"  # 2N: Reg 25 counts from hire under the new rules
PRE_NA = "n/a"  # zero-money grounds


@dataclass(frozen=True)
class Pre2008Rule:
    key: str
    months_cap: int | None
    enterprise_average_raise: bool
    medical_subsidy: bool
    articles: tuple


PRE2008_RULES = {
    PRE_ART5: Pre2008Rule(PRE_ART5, 12, False, False, _arts("481 5", "481 11")),
    PRE_ART6: Pre2008Rule(PRE_ART6, None, True, True, _arts("481 6", "481 11")),
    PRE_ART7: Pre2008Rule(PRE_ART7, 12, False, False, _arts("481 7", "481 11")),
    PRE_ART8: Pre2008Rule(PRE_ART8, None, True, False, _arts("481 8", "481 11")),
    PRE_ART9: Pre2008Rule(PRE_ART9, None, True, False, _arts("481 9", "481 11")),
    PRE_NONE: Pre2008Rule(PRE_NONE, 0, False, False, ()),
    "zero": Pre2008Rule("zero", 0, False, False, ()),
    "one_per_year_cap12": Pre2008Rule("one_per_year_cap12", 12, False, False, _arts("481 11")),
    "one_per_year": Pre2008Rule("one_per_year", None, False, False, _arts("481 11")),
}

NO_FAULT_REASONS = {
    # LCL 40 paragraph -> 481号 article for the pre-2008 segment
    "illness": (PRE_ART6, Article("LCL", "40(1)")),
    "incompetence": (PRE_ART7, Article("LCL", "40(2)")),
    "objective_change": (PRE_ART8, Article("LCL", "40(3)")),
}

BENEFIT_YES = "yes"
BENEFIT_NO = "no"
BENEFIT_NA = "n/a"
BENEFIT_UNKNOWN = "unknown"


@dataclass(frozen=True)
class GroundRule:
    """One row of the §1.5 decision table."""

    key: str
    label: str
    articles: tuple
    money: str
    pre2008: str
    benefit: str  # 非本人意愿 under Order 13 Art. 13: yes / no / n/a / unknown
    benefit_unconfirmed: bool
    benefit_articles: tuple
    unilateral_dismissal: bool = False  # LCL 43: union notified beforehand


GROUNDS = {
    g.key: g
    for g in (
        GroundRule(
            "mutual_employer", _lt("Mutual termination proposed by the employer"),
            _arts("LCL 36", "LCL 46(2)", "LCL 47"), MONEY_N, PRE_ART5,
            BENEFIT_YES, False, _arts("ORDER13 13(3)"),
        ),
        GroundRule(
            "mutual_employee", _lt("Mutual termination proposed by the employee"),
            _arts("LCL 36"), MONEY_ZERO, PRE_NA, BENEFIT_NO, False, (),
        ),
        GroundRule(
            "resignation", _lt("Resignation with notice"),
            _arts("LCL 37"), MONEY_ZERO, PRE_NA, BENEFIT_NO, False, (),
        ),
        GroundRule(
            "employer_fault_resignation", _lt("Resignation for employer fault (unpaid wages or social insurance, etc.)"),
            _arts("LCL 38", "LCL 46(1)", "LCL 47"), MONEY_N, PRE_OTHER,
            BENEFIT_YES, False, _arts("ORDER13 13(5)"),
        ),
        GroundRule(
            "dismissal_cause", _lt("Dismissal for cause"),
            _arts("LCL 39"), MONEY_ZERO, PRE_NA, BENEFIT_YES, False, _arts("ORDER13 13(2)"),
            unilateral_dismissal=True,
        ),
        GroundRule(
            "no_fault_dismissal", _lt("No-fault dismissal (illness, incompetence, objective change)"),
            _arts("LCL 40", "LCL 46(3)", "LCL 47"), MONEY_N_PLUS_1, PRE_BY_REASON,
            BENEFIT_YES, False, _arts("ORDER13 13(2)"), unilateral_dismissal=True,
        ),
        GroundRule(
            "layoff", _lt("Mass layoff"),
            _arts("LCL 41", "LCL 46(4)", "LCL 47"), MONEY_N, PRE_ART9,
            BENEFIT_YES, False, _arts("ORDER13 13(2)"), unilateral_dismissal=True,
        ),
        GroundRule(
            "expiry_not_renewed", _lt("Fixed-term expiry: employer does not renew"),
            _arts("LCL 44(1)", "LCL 46(5)", "LCL 47", "LCL 97"), MONEY_N, PRE_NONE,
            BENEFIT_YES, False, _arts("ORDER13 13(1)"),
        ),
        GroundRule(
            "expiry_worse_terms_declined",
            _lt("Fixed-term expiry: employer offered worse terms, employee refused"),
            _arts("LCL 44(1)", "LCL 46(5)", "LCL 47", "LCL 97"), MONEY_N, PRE_NONE,
            BENEFIT_YES, False, _arts("ORDER13 13(1)"),
        ),
        GroundRule(
            "expiry_employee_declined",
            _lt("Fixed-term expiry: employee refused the same or better terms"),
            _arts("LCL 44(1)", "LCL 46(5)"), MONEY_ZERO, PRE_NA,
            BENEFIT_YES, True, _arts("ORDER13 13(1)"),
        ),
        GroundRule(
            "task_completed", _lt("Task-based contract completed"),
            _arts("REG 22", "LCL 47"), MONEY_N, PRE_NONE, BENEFIT_YES, False, _arts("ORDER13 13(1)", "ORDER8 4"),
        ),
        GroundRule(
            "retirement", _lt("Pension starts or statutory retirement age reached"),
            _arts("LCL 44(2)", "REG 21"), MONEY_ZERO, PRE_NA, BENEFIT_NO, False, (),
        ),
        GroundRule(
            "death", _lt("Death or declared missing"),
            _arts("LCL 44(3)"), MONEY_ZERO, PRE_NA, BENEFIT_NA, False, (),
        ),
        GroundRule(
            "employer_closure", _lt("Bankruptcy, licence revoked, closure or early dissolution"),
            _arts("LCL 44(4)", "LCL 44(5)", "LCL 46(6)", "LCL 47"), MONEY_N, PRE_OTHER,
            BENEFIT_YES, False, _arts("ORDER13 13(1)"),
        ),
        GroundRule(
            "unlawful", _lt("Unlawful termination or non-renewal"),
            _arts("LCL 48", "LCL 87", "REG 25", "LCL 47"), MONEY_2N, PRE_NOT_SPLIT,
            BENEFIT_YES, False, _arts("ORDER13 13(1)", "ORDER13 13(2)"), unilateral_dismissal=True,
        ),
    )
}

#: The ground keys of issue 3 plus the two this engine adds (stable identifiers).
GROUND_KEYS = tuple(GROUNDS)


def ground_selection():
    """[(key, English label)] for an Odoo Selection field (labels are ``_lt`` literals)."""
    return [(g.key, g.label) for g in GROUNDS.values()]


# --------------------------------------------------------------------------- inputs and results


@dataclass(frozen=True)
class SeveranceInput:
    ground: str
    hire_date: date
    termination_date: date
    average_wage: Decimal  # W: 12-month average gross, incl. bonuses/commissions/allowances
    local_average_wage: Decimal = ZERO  # A: previous-year average monthly wage
    local_minimum_wage: Decimal = ZERO  # Min
    notice_given: bool | None = None  # LCL 40: 30 days' written notice
    previous_month_wage: Decimal | None = None  # Reg 20
    no_fault_reason: str | None = None  # illness / incompetence / objective_change
    enterprise_average_wage: Decimal | None = None  # 481号 Art. 11, Arts. 6/8/9
    untaken_leave_days: Decimal = ZERO
    leave_wage: Decimal | None = None  # W_leave (excl. overtime); default W
    pre2008_local_amount: Decimal = ZERO  # local pre-2008 additions (Unconfirmed)
    medical_subsidy_months: Decimal | None = None  # override of LawConfig
    disability_grade: int | None = None  # work-injury disability grade 1-10 (工伤保险条例 Arts. 35-37)
    disability_subsidy_months: Decimal = ZERO  # 一次性伤残就业补助金: months for the grade (set by the province)
    disability_subsidy_base: str = "wage"  # "wage": W; "local_average": A (the province decides)
    carried_leave_days: Decimal = ZERO  # untaken statutory leave carried from the previous year (实施办法 Art. 9)

    def __post_init__(self):
        for name in (
            "average_wage", "local_average_wage", "local_minimum_wage", "previous_month_wage",
            "enterprise_average_wage", "untaken_leave_days", "leave_wage", "pre2008_local_amount",
            "medical_subsidy_months", "disability_subsidy_months", "carried_leave_days",
        ):
            object.__setattr__(self, name, to_decimal(getattr(self, name)))


@dataclass(frozen=True)
class Segment:
    """One separately rounded part of the compensation (§1.4)."""

    key: str  # pre2008 | post2008 | from_hire
    start: date
    end: date  # inclusive
    years: int
    months: int
    days: int
    rule: Msg
    n_before_cap: Decimal
    n: Decimal
    base: Decimal
    amount: Decimal
    cap_applied: bool = False  # base capped at 3A (LCL 47 ¶2)
    year_cap_applied: bool = False  # N limited to 12
    floor_applied: bool = False  # minimum wage floor (Reg 27)
    enterprise_average_applied: bool = False  # 481号 Art. 11
    multiplier: Decimal = ONE  # 2 for 2N
    articles: tuple = ()


@dataclass(frozen=True)
class SeveranceResult:
    ground: str
    money_rule: str
    hire_date: date
    termination_date: date
    service: ServiceLength
    average_wage: Decimal
    local_average_wage: Decimal
    cap_3a: Decimal
    local_minimum_wage: Decimal
    segments: tuple
    compensation_months: Decimal
    compensation_amount: Decimal
    notice_pay_amount: Decimal
    leave_pay_amount: Decimal
    other_amount: Decimal  # 481号 Art. 6 medical subsidy + local pre-2008 additions
    total_amount: Decimal
    cap_applied: bool
    floor_applied: bool
    articles: tuple
    warnings: tuple
    notes: tuple
    benefit: str
    benefit_unconfirmed: bool
    benefit_articles: tuple
    disability_subsidy_amount: Decimal = ZERO  # 一次性伤残就业补助金 (工伤保险条例 Arts. 36-37)

    def as_dict(self):
        """JSON-safe form (amounts as strings, messages as text + params) for storage."""

        def msg(m):
            return {"text": m.text, "params": dict(m.params)}

        def art(a):
            return {"code": a.code, "text": a.msg.text, "params": dict(a.msg.params)}

        return {
            "ground": self.ground,
            "money_rule": self.money_rule,
            "hire_date": self.hire_date.isoformat(),
            "termination_date": self.termination_date.isoformat(),
            "service": {
                "years": self.service.years, "months": self.service.months,
                "days": self.service.days, "total_months": self.service.total_months,
            },
            "average_wage": str(self.average_wage),
            "local_average_wage": str(self.local_average_wage),
            "cap_3a": str(self.cap_3a),
            "local_minimum_wage": str(self.local_minimum_wage),
            "segments": [
                {
                    "key": s.key, "start": s.start.isoformat(), "end": s.end.isoformat(),
                    "years": s.years, "months": s.months, "days": s.days,
                    "rule": msg(s.rule), "n_before_cap": str(s.n_before_cap), "n": str(s.n),
                    "base": str(s.base), "amount": str(s.amount), "multiplier": str(s.multiplier),
                    "cap_applied": s.cap_applied, "year_cap_applied": s.year_cap_applied,
                    "floor_applied": s.floor_applied,
                    "enterprise_average_applied": s.enterprise_average_applied,
                    "articles": [art(a) for a in s.articles],
                }
                for s in self.segments
            ],
            "compensation_months": str(self.compensation_months),
            "compensation_amount": str(self.compensation_amount),
            "notice_pay_amount": str(self.notice_pay_amount),
            "leave_pay_amount": str(self.leave_pay_amount),
            "other_amount": str(self.other_amount),
            "total_amount": str(self.total_amount),
            "cap_applied": self.cap_applied,
            "floor_applied": self.floor_applied,
            "articles": [art(a) for a in self.articles],
            "warnings": [msg(m) for m in self.warnings],
            "notes": [msg(m) for m in self.notes],
            "benefit": self.benefit,
            "benefit_unconfirmed": self.benefit_unconfirmed,
            "benefit_articles": [art(a) for a in self.benefit_articles],
            "disability_subsidy_amount": str(self.disability_subsidy_amount),
        }


def _err(text, **params):
    return LabourLawError(Msg(text, params))


def _validate(inp, rule):
    if inp.hire_date is None or inp.termination_date is None:
        raise _err(_lt("The hire date and the termination date are required."))
    if inp.termination_date < inp.hire_date:
        raise _err(
            _lt("The termination date %(end)s is before the hire date %(hire)s."),
            end=inp.termination_date.isoformat(), hire=inp.hire_date.isoformat(),
        )
    if inp.termination_date < LCL_START:
        raise _err(_lt("Terminations before 2008-01-01 are governed by the old rules only and are not supported."))
    if inp.average_wage is None or inp.average_wage <= 0:
        raise _err(_lt("The average monthly wage W must be greater than zero (LCL 47 ¶3, Reg 27)."))
    if rule.money != MONEY_ZERO:
        if inp.local_average_wage is None or inp.local_average_wage <= 0:
            raise _err(_lt("The local previous-year average monthly wage A must be greater than zero (LCL 47 ¶2)."))
        if inp.local_minimum_wage is None or inp.local_minimum_wage <= 0:
            raise _err(_lt("The local monthly minimum wage must be greater than zero (Reg 27)."))
    if rule.money == MONEY_N_PLUS_1:
        if inp.notice_given is None:
            raise _err(_lt(
                "Say whether 30 days' written notice was given: without it one extra month's wage is owed (LCL 40)."
            ))
        if inp.notice_given is False and (inp.previous_month_wage is None or inp.previous_month_wage <= 0):
            raise _err(_lt(
                "Notice was not given: enter the previous month's wage, which is the extra month owed (Reg 20)."
            ))
        if inp.no_fault_reason not in NO_FAULT_REASONS:
            raise _err(_lt(
                "Choose the Art. 40 situation: illness after the medical period, incompetence after training "
                "or reassignment, or objective change (LCL 40(1)-(3))."
            ))
    for name, value in (
        ("enterprise_average_wage", inp.enterprise_average_wage),
        ("leave_wage", inp.leave_wage),
        ("previous_month_wage", inp.previous_month_wage),
    ):
        if value is not None and value < 0:
            raise _err(_lt("The amount %(field)s cannot be negative."), field=name)
    if inp.untaken_leave_days is not None and inp.untaken_leave_days < 0:
        raise _err(_lt("Untaken annual leave days cannot be negative."))
    if inp.pre2008_local_amount is not None and inp.pre2008_local_amount < 0:
        raise _err(_lt("The local pre-2008 addition cannot be negative."))
    if inp.medical_subsidy_months is not None and inp.medical_subsidy_months < 0:
        raise _err(_lt("The medical subsidy months cannot be negative."))
    if inp.disability_grade is not None and inp.disability_grade not in DISABILITY_GRADES:
        raise _err(_lt("The disability grade must be a whole number from 1 to 10 (Work-Related Injury Insurance "
                       "Regulations Arts. 35-37); got %(grade)s."), grade=str(inp.disability_grade))
    if inp.disability_subsidy_months is not None and inp.disability_subsidy_months < 0:
        raise _err(_lt("The months of the disability employment subsidy cannot be negative."))
    if inp.disability_subsidy_base not in DISABILITY_SUBSIDY_BASES:
        raise _err(_lt("Unknown base of the disability employment subsidy %(base)s."),
                   base=str(inp.disability_subsidy_base))
    if inp.carried_leave_days is not None and inp.carried_leave_days < 0:
        raise _err(_lt("Untaken annual leave days carried from the previous year cannot be negative."))


RULE_LCL47 = _lt("LCL 47: whole years; a part-year of 6 months or more counts as 1, less as 0.5")
RULE_LCL47_2N = _lt("LCL 87 and Reg 25: N counted from the hire date under LCL 47, paid twice")
RULE_481 = _lt("Circular 481: 1 month per year, a part-year counts as a full year, at most %(cap)s months")
RULE_481_NOCAP = _lt("Circular 481: 1 month per year, a part-year counts as a full year, no cap")
RULE_481_NONE = _lt("No compensation for this ground under the pre-2008 national rules")


def _lcl47_segment(key, start, stop, inp, config, multiplier=ONE):
    """Post-2008 (or 2N from hire) segment under LCL 47 (§1.3)."""
    service = _service_between(start, stop, config.clamp_month_end)
    n_raw = n_from_service(service)
    w, cap = inp.average_wage, inp.local_average_wage * 3
    cap_applied = year_cap = floor_applied = False
    if w > cap:  # "高于" is strict: W == 3A is not capped
        base, cap_applied = cap, True
        n = min(n_raw, TWELVE)
        year_cap = n < n_raw
    else:
        base = max(w, inp.local_minimum_wage)
        floor_applied = inp.local_minimum_wage > w
        n = n_raw
    base = money(base)
    amount = money(n * base * multiplier)
    articles = _arts("LCL 47") + (_arts("REG 27") if floor_applied else ())
    if multiplier != ONE:
        articles = _arts("LCL 87", "REG 25") + articles
    return Segment(
        key=key, start=start, end=service.end, years=service.years, months=service.months, days=service.days,
        rule=Msg(RULE_LCL47_2N if multiplier != ONE else RULE_LCL47), n_before_cap=n_raw, n=n, base=base,
        amount=amount, cap_applied=cap_applied, year_cap_applied=year_cap, floor_applied=floor_applied,
        multiplier=multiplier, articles=articles,
    )


def _pre2008_rule(rule, inp, config):
    if rule.pre2008 == PRE_BY_REASON:
        return PRE2008_RULES[NO_FAULT_REASONS[inp.no_fault_reason][0]]
    if rule.pre2008 == PRE_OTHER:
        return PRE2008_RULES[config.pre2008_other_rule]
    return PRE2008_RULES[rule.pre2008]


def _pre2008_segment(start, stop, pre_rule, inp, config):
    """Pre-2008 segment under 481号 (§1.4): no 3A cap, part-year = full year."""
    service = _service_between(start, stop, config.clamp_month_end)
    n_raw = old_n_from_service(service)
    base = inp.average_wage
    raised = False
    if pre_rule.enterprise_average_raise and inp.enterprise_average_wage and inp.enterprise_average_wage > base:
        base, raised = inp.enterprise_average_wage, True
    if pre_rule.months_cap == 0:
        n, msg = ZERO, Msg(RULE_481_NONE)
    elif pre_rule.months_cap is None:
        n, msg = n_raw, Msg(RULE_481_NOCAP)
    else:
        n, msg = min(n_raw, Decimal(pre_rule.months_cap)), Msg(RULE_481, {"cap": str(pre_rule.months_cap)})
    base = money(base)
    return Segment(
        key="pre2008", start=start, end=service.end, years=service.years, months=service.months,
        days=service.days, rule=msg, n_before_cap=n_raw, n=n, base=base, amount=money(n * base),
        year_cap_applied=n < n_raw and pre_rule.months_cap != 0, enterprise_average_applied=raised,
        articles=_arts("LCL 97") + pre_rule.articles,
    )


def _unlawful_segments(inp, stop, config, notes):
    """LCL 87: 2N for an unlawful termination, read two ways (notes show both with their articles).

    * Reg 25: 2N counted from the hire date, the LCL 47 caps over the whole service.
    * LCL 87 with LCL 97 ¶3: twice the N a lawful employer-proposed ending would pay for the same
      service, the pre-2008 part under Circular 481 Art. 5 (1 month per year, at most 12, no 3A cap).
      An unlawful ending can never cost less than a lawful one.
    Default (``unlawful_reading="higher"``): the higher; ``"reg25"``: the literal Reg 25 reading.
    """
    two = Decimal(2)
    reg25 = [_lcl47_segment("from_hire", inp.hire_date, stop, inp, config, multiplier=two)]
    split = []
    if inp.hire_date < LCL_START:
        pre = _pre2008_segment(inp.hire_date, min(LCL_START, stop), PRE2008_RULES[PRE_ART5], inp, config)
        split.append(replace(pre, multiplier=two, amount=money(pre.amount * two)))
    if stop > LCL_START:
        split.append(_lcl47_segment("post2008", max(inp.hire_date, LCL_START), stop, inp, config, multiplier=two))
    reg25_amount = sum((s.amount for s in reg25), ZERO)
    split_amount = sum((s.amount for s in split), ZERO)
    use_split = config.unlawful_reading == "higher" and split_amount > reg25_amount
    notes.append(Msg(_lt(
        "Unlawful termination read two ways: 2N from the hire date (Reg 25) = %(reg25)s; twice the lawful N "
        "with the pre-2008 part under Circular 481 (LCL 87, 97 ¶3) = %(split)s. Applied: %(applied)s "
        "(company setting: the higher of the two, or the literal Reg 25 reading)."
    ), {"reg25": fmt_money(reg25_amount), "split": fmt_money(split_amount),
        "applied": fmt_money(split_amount if use_split else reg25_amount)}))
    return split if use_split else reg25


def annual_leave_pay(days, leave_wage):
    """§1.13: days × (W_leave / 21.75) × 200% (Art. 10: 300% incl. the normal wage already paid)."""
    days = to_decimal(days)
    return money(days * to_decimal(leave_wage) * 2 / WORKING_DAYS_PER_MONTH)


DISABILITY_GRADES = range(1, 11)
DISABILITY_SUBSIDY_BASES = ("wage", "local_average")
#: grades whose relationship is kept (工伤保险条例 Art. 35): no subsidy, the ending itself is not allowed
GRADES_KEPT = range(1, 5)
#: grades 5-6 end only at the employee's request (Art. 36); 7-10 also at expiry (Art. 37)
GRADES_EMPLOYEE_REQUEST = range(5, 7)
#: endings after which no one-time disability employment subsidy is owed: death, retirement (pension instead)
#: and, on the literal reading of Arts. 36-37, dismissal for cause (Art. 39)
NO_SUBSIDY_GROUNDS = frozenset({"death", "retirement", "dismissal_cause"})


def disability_employment_subsidy(inp):
    """(amount, warnings, notes) of the one-time disability employment subsidy (一次性伤残就业补助金).

    工伤保险条例 Art. 36 (grades 5-6, the employee asks to end) and Art. 37 (grades 7-10, expiry or the
    employee asks to end): the employer pays it; its months per grade and its base (the employee's wage or
    the local average wage) are set by the province.  Grades 1-4 keep the relationship (Art. 35): nothing is
    owed because the employment may not end.
    Example: grade 8, 6 months for the grade, W 8,000: 48,000.
    """
    grade = inp.disability_grade
    warnings, notes = [], []
    if not grade:
        return ZERO, warnings, notes
    if grade in GRADES_KEPT:
        warnings.append(Msg(_lt(
            "Work-injury disability grade %(grade)s: the employment relationship is kept and the employee leaves "
            "the post (Work-Related Injury Insurance Regulations Art. 35); ending it is unlawful."),
            {"grade": str(grade)}))
        return ZERO, warnings, notes
    if inp.ground in NO_SUBSIDY_GROUNDS:
        notes.append(Msg(_lt(
            "Work-injury disability grade %(grade)s: no one-time disability employment subsidy for this ground "
            "(Work-Related Injury Insurance Regulations Arts. 36-37, literal reading; local rules may differ)."),
            {"grade": str(grade)}))
        return ZERO, warnings, notes
    months = inp.disability_subsidy_months or ZERO
    base = inp.local_average_wage if inp.disability_subsidy_base == "local_average" else inp.average_wage
    article = "36" if grade in GRADES_EMPLOYEE_REQUEST else "37"
    if months <= 0:
        warnings.append(Msg(_lt(
            "Work-injury disability grade %(grade)s: the employer owes the one-time disability employment subsidy "
            "(Work-Related Injury Insurance Regulations Art. %(article)s), but no months are configured for this "
            "grade in the regional parameters."), {"grade": str(grade), "article": article}))
        return ZERO, warnings, notes
    amount = money(months * (base or ZERO))
    notes.append(Msg(_lt(
        "One-time disability employment subsidy, grade %(grade)s: %(months)s months × %(base)s = %(amount)s "
        "(Work-Related Injury Insurance Regulations Art. %(article)s; months and base set by the province)."),
        {"grade": str(grade), "months": fmt_n(months), "base": fmt_money(base or ZERO), "amount": fmt_money(amount),
         "article": article}))
    return amount, warnings, notes


def compute_severance(inp, config=DEFAULT_CONFIG):
    """Money owed when the contract ends on ``inp.ground`` (§1.3–§1.5, §1.13)."""
    rule = GROUNDS.get(inp.ground)
    if rule is None:
        raise _err(_lt("Unknown termination ground %(ground)s."), ground=str(inp.ground))
    _validate(inp, rule)
    a = inp.local_average_wage or ZERO
    mini = inp.local_minimum_wage or ZERO
    w = inp.average_wage
    stop = _stop_date(inp.termination_date, config.inclusive_end_date)
    service = _service_between(inp.hire_date, stop, config.clamp_month_end)
    warnings, notes = [], []
    segments = []
    other = ZERO

    notes.append(Msg(
        _lt("Service counted from the hire date to the termination date, end date included "
            "(Unconfirmed convention, company setting).")
        if config.inclusive_end_date else
        _lt("Service counted from the hire date to the termination date, end date excluded "
            "(Unconfirmed convention, company setting).")
    ))
    if inp.hire_date.day > 28:
        notes.append(Msg(_lt(
            "Hire day %(day)s: in a month without that day, a month of service ends on the month's last day "
            "(Civil Code Art. 202)."
        ) if not config.clamp_month_end else _lt(
            "Hire day %(day)s: in a month without that day, a month of service ends the day before its last day "
            "(clamped reading, company setting; Civil Code Art. 202 would end it on the last day)."
        ), {"day": str(inp.hire_date.day)}))

    if rule.money == MONEY_ZERO:
        if inp.ground == "expiry_employee_declined":
            notes.append(Msg(_lt(
                "The employee refused renewal on the same or better terms: no economic compensation (LCL 46(5))."
            )))
        else:
            notes.append(Msg(_lt("No economic compensation is owed for this ground.")))
    elif rule.money == MONEY_2N:
        segments.extend(_unlawful_segments(inp, stop, config, notes))
        warnings.append(Msg(_lt(
            "Unlawful termination: 2N, without a separate economic compensation "
            "(LCL 87, Reg 25). The employee may instead demand that the contract continue (LCL 48)."
        )))
    else:
        if inp.hire_date < LCL_START:
            pre_rule = _pre2008_rule(rule, inp, config)
            pre = _pre2008_segment(inp.hire_date, min(LCL_START, stop), pre_rule, inp, config)
            segments.append(pre)
            if rule.pre2008 == PRE_NONE:
                notes.append(Msg(_lt(
                    "Service before 2008 earned no compensation for this ground under the old national rules: "
                    "only service from 2008-01-01 counts (LCL 97 ¶3)."
                )))
            else:
                notes.append(Msg(_lt(
                    "Service before 2008 is compensated under the rules then in force (LCL 97 ¶3, Circular 481): "
                    "no 3A cap, a part-year counts as a full year."
                )))
            if rule.pre2008 == PRE_OTHER:
                warnings.append(Msg({
                    "zero": _lt("Circular 481 lists no rule for this ground: pre-2008 service counted as 0 "
                                "(company setting; Unconfirmed)."),
                    "one_per_year_cap12": _lt("Circular 481 lists no rule for this ground: pre-2008 service counted "
                                              "at 1 month per year, at most 12 (company setting; Unconfirmed)."),
                    "one_per_year": _lt("Circular 481 lists no rule for this ground: pre-2008 service counted at "
                                        "1 month per year, no cap (company setting; Unconfirmed)."),
                }[config.pre2008_other_rule]))
            if inp.ground == "task_completed":
                warnings.append(Msg(_lt(
                    "Task-based contracts are treated like fixed-term expiry before 2008 (no compensation; "
                    "Unconfirmed)."
                )))
            if pre.enterprise_average_applied:
                notes.append(Msg(_lt(
                    "Circular 481 Art. 11: W raised to the enterprise average wage %(avg)s for the pre-2008 segment."
                ), {"avg": fmt_money(pre.base)}))
            if pre_rule.medical_subsidy:
                months = (
                    inp.medical_subsidy_months if inp.medical_subsidy_months is not None
                    else config.pre2008_medical_subsidy_months
                )
                if months > 0 and pre.n_before_cap > 0:
                    subsidy = money(months * w)
                    other += subsidy
                    warnings.append(Msg(_lt(
                        "Circular 481 Art. 6: medical subsidy of %(months)s months' wages (%(amount)s) for an "
                        "illness dismissal with pre-2008 service. Unconfirmed whether it still applies: set the "
                        "months to 0 to omit it."
                    ), {"months": fmt_n(months), "amount": fmt_money(subsidy)}))
            if inp.pre2008_local_amount and inp.pre2008_local_amount > 0:
                other += money(inp.pre2008_local_amount)
                warnings.append(Msg(_lt(
                    "Local pre-2008 addition entered by the user: %(amount)s (local rules; Unconfirmed)."
                ), {"amount": fmt_money(inp.pre2008_local_amount)}))
        if stop > LCL_START:
            segments.append(_lcl47_segment("post2008", max(inp.hire_date, LCL_START), stop, inp, config))

    compensation_months = sum((s.n * s.multiplier for s in segments), ZERO)
    compensation = sum((s.amount for s in segments), ZERO)
    cap_applied = any(s.cap_applied for s in segments)
    floor_applied = any(s.floor_applied for s in segments)
    for s in segments:
        if s.cap_applied:
            warnings.append(Msg(_lt(
                "W %(w)s is above 3 × the local average wage (3A = %(cap)s): the monthly base is capped at 3A "
                "and N at 12 years (LCL 47 ¶2)."
            ), {"w": fmt_money(w), "cap": fmt_money(a * 3)}))
        if s.year_cap_applied and s.key != "pre2008":
            warnings.append(Msg(_lt("N limited from %(raw)s to 12 months for a high earner (LCL 47 ¶2)."),
                                {"raw": fmt_n(s.n_before_cap)}))
        if s.year_cap_applied and s.key == "pre2008":
            warnings.append(Msg(_lt("Pre-2008 months limited from %(raw)s to %(n)s (Circular 481)."),
                                {"raw": fmt_n(s.n_before_cap), "n": fmt_n(s.n)}))
        if s.floor_applied:
            warnings.append(Msg(_lt(
                "W %(w)s is below the local minimum wage %(min)s: the minimum wage is the base (Reg 27)."
            ), {"w": fmt_money(w), "min": fmt_money(mini)}))

    notice_pay = ZERO
    if rule.money == MONEY_N_PLUS_1 and inp.notice_given is False:
        notice_pay = money(inp.previous_month_wage)
        warnings.append(Msg(_lt(
            "30 days' written notice was not given: one extra month's wage, the previous month's wage %(amount)s, "
            "is owed in lieu of notice (LCL 40, Reg 20); it is not capped at 3A."
        ), {"amount": fmt_money(notice_pay)}))

    leave_pay = ZERO
    carried = inp.carried_leave_days or ZERO
    days = (inp.untaken_leave_days or ZERO) + carried
    if carried > 0:
        notes.append(Msg(_lt(
            "Untaken leave includes %(days)s days carried from the previous year (Annual Leave Implementing "
            "Measures Art. 9: leave may be arranged across one year; still owed at termination)."),
            {"days": fmt_n(carried)}))
    if days > 0:
        whole = days.to_integral_value(rounding=ROUND_FLOOR)
        leave_wage = inp.leave_wage if inp.leave_wage is not None else w
        if inp.leave_wage is None:
            warnings.append(Msg(_lt(
                "No annual-leave wage given: W is used. The base of untaken leave pay excludes overtime (Annual "
                "Leave Implementing Measures Art. 11): enter it if W includes overtime.")))
        leave_pay = annual_leave_pay(whole, leave_wage)
        notes.append(Msg(_lt(
            "Untaken annual leave: %(days)s days × (%(wage)s / 21.75) × 200%% = %(amount)s "
            "(Annual Leave Implementing Measures Arts. 10-12; W excludes overtime)."
        ), {"days": fmt_n(whole), "wage": fmt_money(leave_wage), "amount": fmt_money(leave_pay)}))
        if whole != days:
            warnings.append(Msg(_lt("Fractions of a leave day are not paid: %(days)s days rounded down to %(whole)s."),
                                {"days": fmt_n(days), "whole": fmt_n(whole)}))

    subsidy, subsidy_warnings, subsidy_notes = disability_employment_subsidy(inp)
    warnings += subsidy_warnings
    notes += subsidy_notes

    if rule.unilateral_dismissal:
        notes.append(Msg(_lt("Unilateral termination: notify the trade union of the reasons beforehand (LCL 43).")))
    if compensation + notice_pay + other + subsidy > 0:
        notes.append(Msg(_lt(
            "Pay when the work handover is completed (LCL 50); compensation still unpaid after an order of the "
            "labour authority costs an extra 50-100% (LCL 85)."
        )))
    if rule.benefit_unconfirmed:
        warnings.append(Msg(_lt(
            "Whether this ground counts as involuntary unemployment (Order 13 Art. 13) is Unconfirmed: local "
            "practice may differ."
        )))

    total = money(compensation + notice_pay + leave_pay + other + subsidy)
    articles = list(rule.articles)
    if inp.ground == "no_fault_dismissal":
        articles.insert(1, NO_FAULT_REASONS[inp.no_fault_reason][1])
        if inp.notice_given is False:
            articles += _arts("REG 20")
    for s in segments:
        articles += [x for x in s.articles if x not in articles]
    if w > 0 and rule.money != MONEY_ZERO:
        articles += [x for x in _arts("REG 27") if x not in articles]
    if leave_pay:
        articles += _arts("LEAVE_REG 5", "LEAVE_MEASURES 10", "LEAVE_MEASURES 11", "LEAVE_MEASURES 12")
        if carried > 0:
            articles += _arts("LEAVE_MEASURES 9")
    if subsidy:
        articles += _arts("WIIR 36" if inp.disability_grade in GRADES_EMPLOYEE_REQUEST else "WIIR 37")
    return SeveranceResult(
        ground=inp.ground, money_rule=rule.money, hire_date=inp.hire_date, termination_date=inp.termination_date,
        service=service, average_wage=money(w), local_average_wage=money(a), cap_3a=money(a * 3),
        local_minimum_wage=money(mini), segments=tuple(segments), compensation_months=compensation_months,
        compensation_amount=money(compensation), notice_pay_amount=notice_pay, leave_pay_amount=leave_pay,
        other_amount=money(other), total_amount=total, cap_applied=cap_applied, floor_applied=floor_applied,
        articles=tuple(dict.fromkeys(articles)), warnings=tuple(warnings), notes=tuple(notes),
        benefit=rule.benefit, benefit_unconfirmed=rule.benefit_unconfirmed, benefit_articles=rule.benefit_articles,
        disability_subsidy_amount=subsidy,
    )


# --------------------------------------------------------------------------- wage history (§1.2)


@dataclass(frozen=True)
class WageLine:
    month: date  # any day of the month
    amount: Decimal  # gross incl. bonuses, commissions, allowances (and overtime)
    overtime: Decimal = ZERO  # part of amount that is overtime pay

    def __post_init__(self):
        object.__setattr__(self, "month", self.month.replace(day=1))
        object.__setattr__(self, "amount", to_decimal(self.amount))
        object.__setattr__(self, "overtime", to_decimal(self.overtime or 0))


@dataclass(frozen=True)
class WageAverage:
    average: Decimal | None  # W, None when there are no lines in the window
    leave_average: Decimal | None  # W_leave: same months, overtime excluded
    previous_month_wage: Decimal | None  # Reg 20: the month before the termination month
    months_used: int
    months_expected: int
    window_start: date  # first month of the window
    window_end: date  # last month of the window (first day)
    warnings: tuple = ()
    #: Reg 27 months actually worked: the sum of each month's fraction (None: every month counted whole)
    months_worked: Decimal | None = None
    #: ((month, days worked, days in the month), ...) of the partial months counted as a fraction
    partial_months: tuple = ()


_add_months = _service.add_months


def wage_window(termination_date, hire_date=None):
    """(first month, last month) of the 12 months before the termination date.

    A month counts only when it ends on or before the termination date, so a
    termination on the last day of a month includes that month.  The window
    starts no earlier than the hire month ("fewer if employed less", LCL 47 ¶3).
    """
    last_day = calendar.monthrange(termination_date.year, termination_date.month)[1]
    this_month = termination_date.replace(day=1)
    last = this_month if termination_date.day == last_day else _add_months(this_month, -1)
    first = _add_months(last, -11)
    if hire_date is not None and hire_date.replace(day=1) > first:
        first = hire_date.replace(day=1)
    return first, last


def _month_fraction(month, hire_date, termination_date):
    """(days worked, days in the month) of ``month`` between the hire and the termination date, both included."""
    month_days = calendar.monthrange(month.year, month.month)[1]
    start = max(month, hire_date) if hire_date else month
    stop = min(month.replace(day=month_days), termination_date)
    return max(0, (stop - start).days + 1), month_days


def average_wage(lines, termination_date, hire_date=None, include_overtime=True, partial_months=True):
    """W and W_leave from monthly gross lines (LCL 47 ¶3, Reg 27; §1.13 and 实施办法 Art. 11 for W_leave).

    Employed fewer than 12 months, W is the average over the months actually worked (Reg 27).  With
    ``partial_months`` (default) a partial first month (hire after the 1st) or last month (termination before
    the month's end, counted only then) counts as its fraction of days, so half a month's pay does not lower
    W.  Example: hire 2024-01-17, end 2024-06-30, January paid 7,500 (15 of 31 days), Feb-Jun 15,500 each:
    (7,500 + 5 × 15,500) / (15/31 + 5) = 15,500, where counting January whole gives 14,166.67.
    """
    first, last = wage_window(termination_date, hire_date)
    short = hire_date is not None and hire_date.replace(day=1) >= first
    lines = list(lines)
    end_month = termination_date.replace(day=1)
    if partial_months and short and end_month > last and any(x.month == end_month for x in lines):
        # fewer than 12 months and the termination month was paid: count its fraction (Reg 27)
        last = end_month
    expected = 0 if last < first else (last.year - first.year) * 12 + last.month - first.month + 1
    by_month = {}
    for line in lines:
        if first <= line.month <= last:
            prev = by_month.get(line.month)
            by_month[line.month] = line if prev is None else WageLine(
                line.month, prev.amount + line.amount, prev.overtime + line.overtime)
    warnings = []
    prev_month = _add_months(termination_date.replace(day=1), -1)
    prev_line = by_month.get(prev_month)
    if not by_month:
        return WageAverage(None, None, prev_line and money(prev_line.amount), 0, expected, first, last, ())
    used = len(by_month)
    total = sum((x.amount - (ZERO if include_overtime else x.overtime) for x in by_month.values()), ZERO)
    total_leave = sum((x.amount - x.overtime for x in by_month.values()), ZERO)
    divisor = Decimal(used)
    partial = []
    if partial_months and short:
        divisor = ZERO
        for month in sorted(by_month):
            worked, month_days = _month_fraction(month, hire_date, termination_date)
            if worked < month_days:
                partial.append((month, worked, month_days))
                warnings.append(Msg(_lt(
                    "Partial month %(month)s: %(days)s of %(month_days)s days worked, counted as %(fraction)s of a "
                    "month (Reg 27: months actually worked)."),
                    {"month": month.strftime("%Y-%m"), "days": str(worked), "month_days": str(month_days),
                     "fraction": f"{Decimal(worked) / Decimal(month_days):.2f}"}))
            divisor += Decimal(worked) / Decimal(month_days)
        if divisor <= 0:
            divisor = Decimal(used)
    if used < expected:
        warnings.append(Msg(_lt(
            "Only %(used)s of the %(expected)s months from %(first)s to %(last)s have wage lines: W is their average."
        ), {"used": str(used), "expected": str(expected), "first": first.strftime("%Y-%m"),
            "last": last.strftime("%Y-%m")}))
    if not include_overtime and any(x.overtime for x in by_month.values()):
        warnings.append(Msg(_lt("Overtime pay excluded from W (company setting; Unconfirmed, varies by locality).")))
    if prev_line is None:
        latest = by_month[max(by_month)]
        prev_amount = money(latest.amount)
    else:
        prev_amount = money(prev_line.amount)
    return WageAverage(
        money(total / divisor), money(total_leave / divisor), prev_amount, used, expected, first, last,
        tuple(warnings), months_worked=divisor.quantize(Decimal("0.0001")) if partial else None,
        partial_months=tuple(partial),
    )


# --------------------------------------------------------------------------- regional parameters


def region_year(termination_date, rule="previous_year", publish_month=7, available_years=()):
    """Statistical year of the average wage A to use, and whether it is a fallback.

    - ``previous_year``: the calendar year before the termination (LCL 47 ¶2 上年度).
    - ``published``: the year before, once published (from ``publish_month``
      of the termination year); before that, two years before.
    - ``latest_available``: the latest configured year not after the year before
      the termination (fallback = True when older than that).
    Which figure applies before the new one is published is Unconfirmed (§1.2).
    Returns ``(year, fallback)``; ``year`` is None when nothing fits.
    """
    target = termination_date.year - 1
    if rule == "previous_year":
        return target, False
    if rule == "published":
        return (target if termination_date.month >= publish_month else target - 1), False
    if rule == "latest_available":
        candidates = [y for y in available_years if y <= target]
        if not candidates:
            return None, False
        best = max(candidates)
        return best, best != target
    raise ValueError(f"unknown region year rule {rule!r}")


# --------------------------------------------------------------------------- annual leave (§1.13)


@dataclass(frozen=True)
class LeaveDue:
    entitlement: int
    days_elapsed: int
    pro_rata: Decimal
    days_due: int
    excluded: Msg | None = None  # why no annual leave is due this year (带薪年休假条例 Art. 4)


@dataclass(frozen=True)
class LeaveExclusions:
    """The facts of 带薪年休假条例 Art. 4 for the current year (no annual leave that year when one holds)."""

    school_vacation_longer: bool = False  # (1) statutory winter/summer vacation longer than the annual leave
    personal_leave_days: Decimal = ZERO  # (2) personal leave (事假) this year ...
    personal_leave_paid: bool = False  # ... and the employer did not deduct wages for it
    sick_leave_months: Decimal = ZERO  # (3)-(5) sick leave this year, in months

    def __post_init__(self):
        object.__setattr__(self, "personal_leave_days", to_decimal(self.personal_leave_days or 0))
        object.__setattr__(self, "sick_leave_months", to_decimal(self.sick_leave_months or 0))


#: 带薪年休假条例 Art. 4(3)-(5): months of sick leave that remove the year's leave, by cumulative work years
SICK_LEAVE_MONTHS_LIMITS = ((20, 4), (10, 3), (1, 2))


def annual_leave_exclusion(cumulative_work_years, exclusions):
    """The 带薪年休假条例 Art. 4 reason why no annual leave is due this year, as a Msg, or None.

    (1) a statutory winter/summer vacation longer than the leave; (2) 20 days or more of personal leave
    without wage deduction; sick leave of 2 months or more (1-10 work years), 3 or more (10-20), 4 or more
    (20+).  "以上" includes the number itself (Civil Code Art. 1259).
    Example: 12 work years, 3 months of sick leave: no leave this year (Art. 4(4)).
    """
    if exclusions is None:
        return None
    if exclusions.school_vacation_longer:
        return Msg(_lt("The employee's statutory winter and summer vacation is longer than the annual leave: no "
                       "annual leave this year (Paid Annual Leave Regulations Art. 4(1))."))
    if exclusions.personal_leave_paid and exclusions.personal_leave_days >= 20:
        return Msg(_lt("%(days)s days of personal leave this year without wage deduction (20 or more): no annual "
                       "leave this year (Paid Annual Leave Regulations Art. 4(2))."),
                   {"days": fmt_n(exclusions.personal_leave_days)})
    years = to_decimal(cumulative_work_years or 0)
    for (min_years, months), item in zip(SICK_LEAVE_MONTHS_LIMITS, ("5", "4", "3")):
        if years >= min_years:
            if exclusions.sick_leave_months >= months:
                return Msg(_lt("%(sick)s months of sick leave this year (%(limit)s or more with %(years)s work "
                               "years): no annual leave this year (Paid Annual Leave Regulations Art. 4(%(item)s))."),
                           {"sick": fmt_n(exclusions.sick_leave_months), "limit": str(months),
                            "years": fmt_n(years), "item": item})
            break
    return None


def annual_leave_entitlement(cumulative_work_years, continuous_12_months=True):
    """带薪年休假条例 Art. 3: 5 / 10 / 15 days by cumulative work years (needs 12+ months' work)."""
    if not continuous_12_months:
        return 0
    years = to_decimal(cumulative_work_years)
    if years >= 20:
        return 15
    if years >= 10:
        return 10
    if years >= 1:
        return 5
    return 0


def annual_leave_days_due(termination_date, cumulative_work_years, days_taken=0, hire_date=None,
                          continuous_12_months=True, config=DEFAULT_CONFIG, exclusions=None):
    """Untaken days owed at termination (实施办法 Art. 12): pro-rata entitlement minus days taken.

    days_elapsed runs from 1 January (or the hire date if later) to the termination date,
    inclusive when ``config.leave_elapsed_inclusive`` (the examples include it; Unconfirmed).
    Fractions are not paid; ``config.leave_floor_mode`` chooses whether the pro-rata figure is
    floored after subtracting the days taken (default, T20) or before (Unconfirmed for half days).
    Leave taken beyond the pro-rata figure is not clawed back (result >= 0).
    """
    entitlement = annual_leave_entitlement(cumulative_work_years, continuous_12_months)
    excluded = annual_leave_exclusion(cumulative_work_years, exclusions) if entitlement else None
    if excluded is not None:
        entitlement = 0
    year_start = date(termination_date.year, 1, 1)
    if hire_date is not None and hire_date > year_start:
        year_start = hire_date
    elapsed = (termination_date - year_start).days + (1 if config.leave_elapsed_inclusive else 0)
    elapsed = max(0, min(elapsed, 365))
    pro_rata = Decimal(elapsed) / Decimal(365) * entitlement
    taken = to_decimal(days_taken or 0)
    if config.leave_floor_mode == "before_taken":
        due = pro_rata.to_integral_value(rounding=ROUND_FLOOR) - taken
    else:
        due = pro_rata - taken
    due = max(ZERO, due).to_integral_value(rounding=ROUND_FLOOR)
    return LeaveDue(entitlement, elapsed, pro_rata, int(due), excluded)


def with_config(config, **changes):
    """A copy of ``config`` with ``changes`` (handy for callers building it from settings)."""
    return replace(config, **changes)


__all__ = [
    "CENT", "DEFAULT_CONFIG", "GROUNDS", "GROUND_KEYS", "LCL_START", "Article", "GroundRule", "LabourLawError",
    "LawConfig", "LeaveDue", "LeaveExclusions", "Segment", "ServiceLength", "SeveranceInput", "SeveranceResult", "WageAverage",
    "WageLine", "annual_leave_days_due", "annual_leave_entitlement", "annual_leave_exclusion",
    "disability_employment_subsidy", "annual_leave_pay", "average_wage",
    "compute_severance", "fmt_money", "fmt_n", "ground_selection", "money", "n_from_service",
    "old_n_from_service", "region_year", "service_length", "wage_window",
    "with_config",
]
