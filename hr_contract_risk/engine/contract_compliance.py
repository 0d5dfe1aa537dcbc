"""Contract compliance from day one: the rules, as pure functions (no Odoo).

Every rule cites its article; the Odoo layer only feeds values and renders the
``Msg`` results. Abbreviations: LCL = Labour Contract Law (2012), Reg = its
Implementing Regulations (2008), Interp. = SPC Interpretation (I) on labour
disputes (2020).

Month arithmetic
----------------
``add_months(d, n)`` keeps the day of month, clamped to the month's last day
(31 Jan + 1 month = 28/29 Feb). A span of months is counted by
``months_span(start, end_exclusive)``: whole calendar months from ``start``, then
the remaining days as a fraction of the days of the (anchored) month in which they
fall. Example: 1 Feb .. 15 Mar (exclusive) = 1 month + 14/31.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from .findings import BLOCK, Finding
from .i18n import Msg, _lt

CENT = Decimal("0.01")
FRACTION = Decimal("0.0001")

# Term kinds
FIXED = "fixed"
OPEN_ENDED = "open_ended"
TASK = "task"
TERM_KINDS = (FIXED, OPEN_ENDED, TASK)

PROBATION_WAGE_RATIO = Decimal("0.8")  # LCL 20
NON_COMPETE_MAX_MONTHS = 24  # LCL 24
NON_COMPETE_DEFAULT_RATIO = Decimal("0.3")  # Interp. Art. 36
NON_COMPETE_WAIVER_EXTRA_MONTHS = 3  # Interp. Art. 39
NON_COMPETE_UNPAID_MONTHS = 3  # Interp. Art. 38
DOUBLE_WAGE_FIRST_MONTH = 2  # LCL 82 / Reg 6: from the 2nd month ...
DOUBLE_WAGE_LAST_MONTH = 12  # ... up to the 12th month (Reg 7)
MAX_SIGNING_BEFORE_HIRE_DAYS = 366

SAME = "same"
BETTER = "better"
WORSE = "worse"
# the employee's written answer to a renewal offer (LCL 46(5))
ACCEPT = "accept"
DECLINE = "decline"


class InputError(ValueError):
    """Bad input; ``msg`` is a translatable Msg naming the field and the bound."""

    def __init__(self, msg):
        super().__init__(msg.render())
        self.msg = msg


# ---------------------------------------------------------------- helpers

def _dec(value, name):
    if value is None:
        raise InputError(Msg(_lt("%(field)s is required."), {"field": name}))
    try:
        result = Decimal(str(value))
    except ArithmeticError:
        raise InputError(Msg(_lt("%(field)s is not a number."), {"field": name})) from None
    if result < 0:
        raise InputError(Msg(_lt("%(field)s must be zero or more (got %(value)s)."),
                              {"field": name, "value": value}))
    return result


def _money(value):
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def add_months(d, months):
    """``d`` plus whole months, the day clamped to the target month's length."""
    month_index = d.month - 1 + months
    year, month = d.year + month_index // 12, month_index % 12 + 1
    next_first = date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_first - timedelta(days=1)).day
    return date(year, month, min(d.day, last_day))


def months_span(start, end_exclusive):
    """Months from ``start`` to ``end_exclusive`` (Decimal, 4 places, >= 0).

    Whole months anchored on ``start``, the rest pro rata by the calendar days of
    the anchored month it falls in.
    """
    if end_exclusive <= start:
        return Decimal(0)
    whole = 0
    while add_months(start, whole + 1) <= end_exclusive:
        whole += 1
    rest_start = add_months(start, whole)
    rest_days = (end_exclusive - rest_start).days
    if not rest_days:
        return Decimal(whole)
    month_days = (add_months(start, whole + 1) - rest_start).days
    return (Decimal(whole) + Decimal(rest_days) / Decimal(month_days)).quantize(FRACTION)


# ---------------------------------------------------------------- probation (LCL 19, 20, 83)

def term_months(start, end):
    """Length of a fixed term in months; ``end`` is the last day (inclusive)."""
    if start is None or end is None:
        raise InputError(Msg(_lt("A fixed-term contract needs a start and an end date.")))
    if end < start:
        raise InputError(Msg(_lt("The contract end date %(end)s is before its start date %(start)s."),
                              {"end": end, "start": start}))
    return months_span(start, end + timedelta(days=1))


def max_probation_months(term_kind, start=None, end=None):
    """LCL 19 ¶1/¶3: the longest probation for the term, in whole months.

    Fixed term under 3 months: none; 3 months to under 1 year: 1; 1 year to under
    3 years: 2; 3 years or more, or open-ended: 6. Task-based: none. A term of
    exactly 3 months (1 Jan - 31 Mar) is "3 months to 1 year".
    """
    if term_kind not in TERM_KINDS:
        raise InputError(Msg(_lt("Unknown contract term kind %(kind)s."), {"kind": term_kind}))
    if term_kind == TASK:
        return 0
    if term_kind == OPEN_ENDED:
        return 6
    months = term_months(start, end)
    if months < 3:
        return 0
    if months < 12:
        return 1
    if months < 36:
        return 2
    return 6


@dataclass(frozen=True)
class ProbationInput:
    term_kind: str
    start: date
    end: date = None  # contract end (fixed term), inclusive
    probation_end: date = None  # last day of probation, inclusive; None = no probation
    contract_wage: object = 0
    probation_wage: object = None  # None = paid the contract wage
    min_wage: object = None  # local minimum monthly wage, None = unknown
    previous_probations: int = 0  # earlier probations of this employee with this employer


def probation_allowed_end(inp):
    """Last lawful day of probation (inclusive), or None when none is allowed."""
    months = max_probation_months(inp.term_kind, inp.start, inp.end)
    if not months:
        return None
    return add_months(inp.start, months) - timedelta(days=1)


def check_probation(inp):
    """Findings for a contract's probation: LCL 19 (length, once), LCL 20 (wage)."""
    if inp.start is None:
        raise InputError(Msg(_lt("The contract start date is required.")))
    findings = []
    if inp.probation_end is None:
        return findings
    if inp.probation_end < inp.start:
        raise InputError(Msg(_lt(
            "The probation end date %(end)s is before the contract start date %(start)s (LCL 19)."),
            {"end": inp.probation_end, "start": inp.start}))
    if inp.term_kind == FIXED and inp.end and inp.probation_end > inp.end:
        raise InputError(Msg(_lt(
            "The probation end date %(end)s is after the contract end date %(contract_end)s: "
            "probation counts inside the term (LCL 19 para. 4)."),
            {"end": inp.probation_end, "contract_end": inp.end}))
    max_months = max_probation_months(inp.term_kind, inp.start, inp.end)
    allowed_end = probation_allowed_end(inp)
    if allowed_end is None:
        findings.append(Finding("probation_not_allowed", "LCL 19", BLOCK, Msg(_lt(
            "No probation is allowed for this contract (task-based or a term under 3 months, LCL 19)."))))
    elif inp.probation_end > allowed_end:
        findings.append(Finding("probation_too_long", "LCL 19", BLOCK, Msg(_lt(
            "The probation ends %(end)s, after the maximum of %(months)s month(s) for this term, "
            "which ends %(allowed)s (LCL 19)."),
            {"end": inp.probation_end, "months": max_months, "allowed": allowed_end})))
    if inp.previous_probations:
        findings.append(Finding("probation_repeated", "LCL 19", BLOCK, Msg(_lt(
            "This employee already had a probation with this employer: only one probation is "
            "allowed (LCL 19 para. 2)."))))
    wage = _dec(inp.contract_wage, "Contract wage")
    if inp.probation_wage is not None:
        pwage = _dec(inp.probation_wage, "Probation wage")
        floor = _money(wage * PROBATION_WAGE_RATIO)
        if pwage < floor:
            findings.append(Finding("probation_wage_low", "LCL 20", BLOCK, Msg(_lt(
                "The probation wage %(wage)s is below 80%% of the contract wage (%(floor)s, LCL 20)."),
                {"wage": pwage, "floor": floor})))
        if inp.min_wage is not None:
            min_wage = _dec(inp.min_wage, "Local minimum wage")
            if pwage < min_wage:
                findings.append(Finding("probation_below_min_wage", "LCL 20", BLOCK, Msg(_lt(
                    "The probation wage %(wage)s is below the local minimum wage %(min)s (LCL 20)."),
                    {"wage": pwage, "min": min_wage})))
    return findings


def excess_probation_exposure(inp, served_until):
    """LCL 83: the contract wage for each month of unlawful probation served.

    Returns ``(months, amount)``; partial months pro rata (``months_span``).
    ``served_until`` is the last day worked in probation (inclusive).
    """
    wage = _dec(inp.contract_wage, "Contract wage")
    if inp.probation_end is None or served_until is None:
        return Decimal(0), Decimal("0.00")
    allowed_end = probation_allowed_end(inp) or (inp.start - timedelta(days=1))
    last = min(inp.probation_end, served_until)
    if last <= allowed_end:
        return Decimal(0), Decimal("0.00")
    months = months_span(allowed_end + timedelta(days=1), last + timedelta(days=1))
    return months, _money(months * wage)


# ---------------------------------------------------------------- written contract (LCL 10, 82; Reg 6, 7)

def check_signing_date(hire_date, signing_date):
    """A signing date more than a year before the hire date is a typing error."""
    if hire_date and signing_date and (hire_date - signing_date).days > MAX_SIGNING_BEFORE_HIRE_DAYS:
        raise InputError(Msg(_lt(
            "The signing date %(signed)s is more than %(days)s days before the hire date %(hire)s."),
            {"signed": signing_date, "days": MAX_SIGNING_BEFORE_HIRE_DAYS, "hire": hire_date}))


def double_wage_window(hire_date):
    """The days that owe double wages if no contract is signed (LCL 82 ¶1, Reg 6, 7).

    From the first day of month 2 after hire (hire + 1 month) to the last day of
    month 12 (hire + 12 months - 1 day): at most 11 months. Returns (first, last).
    """
    return (add_months(hire_date, DOUBLE_WAGE_FIRST_MONTH - 1),
            add_months(hire_date, DOUBLE_WAGE_LAST_MONTH) - timedelta(days=1))


def deemed_open_ended_date(hire_date):
    """Reg 7 / LCL 14 ¶3: unsigned on the first anniversary -> open-ended from that day."""
    return add_months(hire_date, 12)


@dataclass(frozen=True)
class DoubleWage:
    months: Decimal
    amount: Decimal
    first_day: date
    last_day: date  # last day counted so far (inclusive); None when nothing is owed
    deemed_open_ended: bool


def double_wage_exposure(hire_date, monthly_wage, as_of, signing_date=None):
    """LCL 82 ¶1 / Reg 6: the extra wage owed for the unsigned period so far.

    Counted from month 2 to the day before signing (or ``as_of``), capped at the
    end of month 12; partial months pro rata by calendar days (``months_span``).
    Signed in month 1 -> nothing. ``deemed_open_ended`` (Reg 7) when unsigned on
    the first anniversary.
    """
    if hire_date is None or as_of is None:
        raise InputError(Msg(_lt("The hire date is required.")))
    wage = _dec(monthly_wage, "Monthly wage")
    check_signing_date(hire_date, signing_date)
    first, cap = double_wage_window(hire_date)
    last = min(as_of, cap)
    if signing_date is not None:
        last = min(last, signing_date - timedelta(days=1))
    anniversary = deemed_open_ended_date(hire_date)
    deemed = as_of >= anniversary and (signing_date is None or signing_date > anniversary)
    if last < first:
        return DoubleWage(Decimal(0), Decimal("0.00"), first, None, deemed)
    months = months_span(first, last + timedelta(days=1))
    return DoubleWage(months, _money(months * wage), first, last, deemed)


def unsigned_alert_due(hire_date, today, stages, escalation_day, signed):
    """Which unsigned-contract alerts are due today (LCL 10: sign within one month).

    ``stages`` are days after hire (e.g. (15, 25)); returns ``(due_stages,
    escalate)``: the stages reached (days since hire >= stage) and whether the
    escalation day is reached. Nothing when signed. The caller keeps which it has
    already sent (idempotence).
    """
    if signed or hire_date is None or today < hire_date:
        return (), False
    days = (today - hire_date).days
    return tuple(s for s in sorted(stages) if days >= s), days >= escalation_day


def parse_days(text, field_name):
    """``"15,25"`` -> ``(15, 25)``; each a whole day between 1 and 366."""
    values = []
    for token in (text or "").replace("\uff0c", ",").replace(";", ",").split(","):
        token = token.strip()
        if not token:
            continue
        if not token.isdigit() or not 1 <= int(token) <= 366:
            raise InputError(Msg(_lt("%(field)s: %(value)s is not a whole number of days from 1 to 366."),
                                  {"field": field_name, "value": token}))
        values.append(int(token))
    if not values:
        raise InputError(Msg(_lt("%(field)s: enter at least one day, e.g. 15,25."), {"field": field_name}))
    return tuple(sorted(set(values)))


# ---------------------------------------------------------------- non-compete (LCL 23, 24; Interp. 36-40)

def non_compete_default_compensation(avg_monthly_wage_12m, min_wage=None):
    """Interp. Art. 36: none agreed -> 30 % of the last 12 months' average wage,
    and not below the local minimum wage."""
    avg = _dec(avg_monthly_wage_12m, "Average monthly wage of the last 12 months")
    amount = _money(avg * NON_COMPETE_DEFAULT_RATIO)
    if min_wage is not None:
        amount = max(amount, _money(_dec(min_wage, "Local minimum wage")))
    return amount


def check_non_compete(duration_months, agreed_compensation=None, min_wage=None):
    """LCL 24: at most 2 years. An agreed compensation below the local minimum wage
    is refused (it would fall under the Art. 36 floor). Returns the monthly amount
    to pay: the agreed one, else ``None`` (the caller uses the Art. 36 default)."""
    if duration_months is None or not 0 < int(duration_months) <= NON_COMPETE_MAX_MONTHS:
        raise InputError(Msg(_lt(
            "Non-compete duration: %(value)s months is outside 1 to %(max)s months (LCL 24)."),
            {"value": duration_months, "max": NON_COMPETE_MAX_MONTHS}))
    if agreed_compensation in (None, 0):
        return None
    agreed = _dec(agreed_compensation, "Non-compete compensation")
    if min_wage is not None and agreed < _dec(min_wage, "Local minimum wage"):
        raise InputError(Msg(_lt(
            "Non-compete compensation %(value)s is below the local minimum wage %(min)s "
            "(SPC Interpretation (I) Art. 36)."), {"value": agreed, "min": min_wage}))
    return _money(agreed)


def non_compete_schedule(restriction_start, duration_months, monthly_compensation):
    """Monthly payments over the restriction (LCL 23 ¶2: paid monthly).

    Returns a list of ``(period_start, period_end_inclusive, amount)``.
    """
    check_non_compete(duration_months)
    amount = _money(_dec(monthly_compensation, "Non-compete compensation"))
    return [(add_months(restriction_start, i), add_months(restriction_start, i + 1) - timedelta(days=1), amount)
            for i in range(int(duration_months))]


def non_compete_waiver_cost(restriction_start, duration_months, waiver_date, monthly_compensation):
    """Interp. Art. 39: a release during the restriction costs 3 extra months.

    Released before the restriction starts (at the latest on leaving): nothing
    extra. After the restriction ended there is nothing to release (refused).
    """
    amount = _dec(monthly_compensation, "Non-compete compensation")
    restriction_end = add_months(restriction_start, int(duration_months)) - timedelta(days=1)
    if waiver_date > restriction_end:
        raise InputError(Msg(_lt(
            "Waiver date %(date)s is after the end of the restriction %(end)s: nothing left to waive."),
            {"date": waiver_date, "end": restriction_end}))
    if waiver_date < restriction_start:
        return Decimal("0.00")
    return _money(amount * NON_COMPETE_WAIVER_EXTRA_MONTHS)


def non_compete_employee_exit_date(restriction_start, paid_through=None, alert_days=15):
    """Interp. Art. 38: 3 months unpaid (employer's side) -> the employee may end it.

    ``paid_through`` is the last day covered by payments (None = nothing paid).
    Returns ``(exit_right_date, alert_date)``.
    """
    unpaid_from = restriction_start if paid_through is None else max(
        restriction_start, paid_through + timedelta(days=1))
    exit_date = add_months(unpaid_from, NON_COMPETE_UNPAID_MONTHS)
    return exit_date, exit_date - timedelta(days=int(alert_days))


# ---------------------------------------------------------------- renewal offer (LCL 46(5))

@dataclass(frozen=True)
class Terms:
    wage: object
    term_months: object = None  # None = open-ended
    job: str = ""
    place: str = ""


@dataclass(frozen=True)
class OfferResult:
    classification: str
    differences: list = field(default_factory=list)  # list of (aspect, direction, Msg)


def classify_offer(current, offered):
    """Same / better / worse terms (LCL 46(5): "maintain or improve the conditions").

    Wage: higher is better. Term: longer is better, open-ended best. Job or
    place: any change counts as worse (the employer must prove the new post is
    not worse; we do not guess). Worse wins over better.
    """
    diffs = []
    cur_w, off_w = _dec(current.wage, "Current wage"), _dec(offered.wage, "Offered wage")
    if off_w != cur_w:
        direction = BETTER if off_w > cur_w else WORSE
        diffs.append(("wage", direction, Msg(_lt("Wage %(current)s -> %(offered)s"),
                                              {"current": _money(cur_w), "offered": _money(off_w)})))
    cur_t, off_t = current.term_months, offered.term_months
    if cur_t != off_t:
        if off_t is None:
            direction = BETTER
            text = _lt("Term %(current)s months -> open-ended")
        elif cur_t is None:
            direction = WORSE
            text = _lt("Term open-ended -> %(offered)s months")
        else:
            direction = BETTER if off_t > cur_t else WORSE
            text = _lt("Term %(current)s -> %(offered)s months")
        diffs.append(("term", direction, Msg(text, {"current": cur_t, "offered": off_t})))
    for aspect, label in (("job", _lt("Job %(current)s -> %(offered)s")),
                          ("place", _lt("Place of work %(current)s -> %(offered)s"))):
        cur_v = (getattr(current, aspect) or "").strip()
        off_v = (getattr(offered, aspect) or "").strip()
        if cur_v != off_v:
            diffs.append((aspect, WORSE, Msg(label, {"current": cur_v, "offered": off_v})))
    directions = {d for _a, d, _m in diffs}
    classification = WORSE if WORSE in directions else BETTER if BETTER in directions else SAME
    return OfferResult(classification, diffs)


def expiry_ground_from_offer(offered, classification=None, accepted=None):
    """LCL 46(5): the expiry ground once the employee answered.

    Not offered -> ``expiry_not_renewed`` (N). Declined on same/better terms ->
    ``expiry_employee_declined`` (no N). Declined on worse terms ->
    ``expiry_worse_terms_declined`` (N). Accepted -> ``None`` (renewed).
    """
    if not offered:
        return "expiry_not_renewed"
    if classification not in (SAME, BETTER, WORSE):
        raise InputError(Msg(_lt("Unknown offer classification %(value)s."), {"value": classification}))
    if accepted:
        return None
    return "expiry_employee_declined" if classification in (SAME, BETTER) else "expiry_worse_terms_declined"


def expiry_ground_for_review(offered, classification=None, answer=None):
    """The expiry ground a renewal review gives the severance (LCL 44(1), 46(5)).

    ``answer`` is the employee's recorded written answer: ``ACCEPT``, ``DECLINE`` or
    None (none recorded). Without a written refusal the employer cannot prove the
    employee declined, so an offer still unanswered counts as not renewed (N), like
    no offer at all. Accepted -> ``None`` (the contract is renewed, no severance).
    """
    if not offered or answer not in (ACCEPT, DECLINE):
        return "expiry_not_renewed"
    return expiry_ground_from_offer(True, classification, accepted=answer == ACCEPT)


def check_offer_answer(answer, answer_date, offer_date=None, today=None):
    """The employee's written answer to a renewal offer must carry its date (LCL 46(5): the employer
    proves the refusal), not before the offer and not in the future."""
    if not answer:
        return
    if answer not in (ACCEPT, DECLINE):
        raise InputError(Msg(_lt("Unknown answer %(value)s."), {"value": answer}))
    if not answer_date:
        raise InputError(Msg(_lt("%(field)s is required with the employee's answer (LCL 46(5))."),
                              {"field": _lt("Answer Date")}))
    if offer_date and answer_date < offer_date:
        raise InputError(Msg(_lt("%(field)s %(answer)s is before the offer date %(offer)s."),
                              {"field": _lt("Answer Date"), "answer": answer_date, "offer": offer_date}))
    if today and answer_date > today:
        raise InputError(Msg(_lt("%(field)s %(answer)s is in the future (today is %(today)s)."),
                              {"field": _lt("Answer Date"), "answer": answer_date, "today": today}))


def declined_claim_unsupported(ground, answer, classification):
    """True when ``ground`` claims the employee refused the same or better terms (no N, LCL 46(5)) but
    no written refusal of such an offer is recorded."""
    return ground == "expiry_employee_declined" and not (answer == DECLINE and classification in (SAME, BETTER))
