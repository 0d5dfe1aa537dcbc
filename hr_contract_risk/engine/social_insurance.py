"""Social-insurance stoppage, unemployment benefit and the leaver's deadlines.

Pure Python (no Odoo).  Implements the domain reference
(``prc-labour-rules.md``) exactly:

* §1.5 / §1.12 -- the internal stoppage reasons (停保原因), one per row of the
  decision table, each saying whether the job loss is involuntary
  (非因本人意愿) under Order 13 (人社部令第13号) Art. 13 and which sub-item says
  so; the derivation of the reason from the termination ground (issue-3 ground
  keys) and from Odoo's departure reason; the guard rail that blocks a reason
  contradicting the ground.
* §1.11 -- unemployment-benefit eligibility (SIL Art. 45) and maximum months
  (SIL Art. 46: 12 / 18 / 24 by cumulative contribution years, plus earlier
  unclaimed entitlement, capped at 24).
* §1.10 -- the deadlines: termination certificate on the departure date
  (LCL Art. 50 ¶1, Reg. Art. 24), report to the social-insurance agency within
  7 days (UIR Art. 16) or 15 days (SIL Art. 50) -- Unconfirmed which prevails,
  so a setting with 7 as the safe default --, personnel file and
  social-insurance transfer within 15 days (LCL Art. 50 ¶1), compensation paid
  at handover (LCL Art. 50 ¶2), retention of terminated contracts for 2 years
  (LCL Art. 50 ¶3).

Abbreviations: LCL = 劳动合同法, Reg = 劳动合同法实施条例, SIL = 社会保险法,
UIR = 失业保险条例, Order 13 = 实施《社会保险法》若干规定.
"""

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import findings as _findings
from . import labour_law
from . import service as _service
from .findings import BLOCK, INFO, WARN, Finding  # noqa: F401 (re-exported: si.BLOCK, si.Finding)
from .i18n import Msg, _lt

# --------------------------------------------------------------------------
# Reasons (§1.5 rows, §1.12 design: an internal enum mapped per city)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One internal stoppage reason.

    ``involuntary``: True / False per Order 13 Art. 13; None where the question
    does not arise (death).  ``order13``: the sub-item that makes it
    involuntary ("" when none).  ``compensation_due``: whether economic
    compensation (LCL Art. 46) is owed, which decides whether the checklist
    carries a "compensation paid at handover" item.  ``unconfirmed``: the text
    of an Unconfirmed point of the domain reference, to show in the UI.
    ``ending``: "end" (终止, LCL Art. 44) or "rescind" (解除, LCL Arts. 36-41),
    for the wording of the termination certificate.
    """

    key: str
    label: str
    basis: str
    involuntary: bool | None
    order13: str = ""
    compensation_due: bool = False
    unconfirmed: str = ""
    ending: str = "rescind"


REASONS = {
    r.key: r
    for r in (
        Reason(
            "expiry_not_renewed",
            _lt("Contract expired, not renewed by the employer (LCL Art. 44(1))"),
            "LCL Art. 44(1), 46(5)",
            True,
            "Order 13 Art. 13(1)",
            compensation_due=True,
            ending="end",
        ),
        Reason(
            "expiry_employee_declined",
            _lt("Contract expired, employee declined renewal on the same or better terms (LCL Art. 44(1))"),
            "LCL Art. 44(1), 46(5)",
            True,
            "Order 13 Art. 13(1)",
            unconfirmed=_lt(
                "Order 13 Art. 13(1) literally covers every Art. 44(1) expiry, so the employee keeps "
                "unemployment benefit; local practice may differ (Unconfirmed): verify with the local bureau."
            ),
            ending="end",
        ),
        Reason(
            "task_completed",
            _lt("Task-based contract ended on completion of the task (Reg. Art. 22)"),
            "Reg. Art. 22; LCL Art. 47",
            True,
            "Order 13 Art. 13(1); Order 8 Art. 4",  # the contract ends without the employee's will
            compensation_due=True,
            ending="end",
        ),
        Reason(
            "mutual_employer",
            _lt("Mutual termination proposed by the employer (LCL Art. 36)"),
            "LCL Art. 36, 46(2)",
            True,
            "Order 13 Art. 13(3)",
            compensation_due=True,
        ),
        Reason(
            "mutual_employee",
            _lt("Mutual termination proposed by the employee (LCL Art. 36)"),
            "LCL Art. 36",
            False,
        ),
        Reason(
            "resignation",
            _lt("Resignation with notice (LCL Art. 37)"),
            "LCL Art. 37",
            False,
        ),
        Reason(
            "employer_fault_resignation",
            _lt("Resignation for employer fault (LCL Art. 38)"),
            "LCL Art. 38, 46(1)",
            True,
            "Order 13 Art. 13(5)",
            compensation_due=True,
        ),
        Reason(
            "dismissal_cause",
            _lt("Dismissal for cause (LCL Art. 39)"),
            "LCL Art. 39",
            True,
            "Order 13 Art. 13(2)",
        ),
        Reason(
            "no_fault_dismissal",
            _lt("No-fault dismissal (LCL Art. 40)"),
            "LCL Art. 40, 46(3)",
            True,
            "Order 13 Art. 13(2)",
            compensation_due=True,
        ),
        Reason(
            "layoff",
            _lt("Mass layoff (LCL Art. 41)"),
            "LCL Art. 41, 46(4)",
            True,
            "Order 13 Art. 13(2)",
            compensation_due=True,
        ),
        Reason(
            "retirement",
            _lt("Retirement or pension starts (LCL Art. 44(2), Reg. Art. 21)"),
            "LCL Art. 44(2), Reg. Art. 21",
            False,
            ending="end",
        ),
        Reason(
            "death",
            _lt("Death or declared missing (LCL Art. 44(3))"),
            "LCL Art. 44(3)",
            None,
            ending="end",
        ),
        Reason(
            "employer_closure",
            _lt("Bankruptcy, licence revoked, closure or early dissolution (LCL Art. 44(4)(5))"),
            "LCL Art. 44(4)(5), 46(6)",
            True,
            "Order 13 Art. 13(1)",
            compensation_due=True,
            ending="end",
        ),
        Reason(
            "unlawful_termination",
            _lt("Unlawful termination or non-renewal (LCL Art. 48, 87)"),
            "LCL Art. 48, 87",
            True,
            "Order 13 Art. 13(1); Order 13 Art. 13(2)",  # the employer ended or refused to renew the contract
            compensation_due=True,
        ),
    )
}

# Termination grounds: labour_law owns the keys and labels (the §1.5 decision table, issue 3).
# Each ground maps to the stoppage reason of the same key, except these.
GROUND_REASON_ALIASES = {
    # same §1.5 row as a non-renewal: employer-driven expiry, Order 13 Art. 13(1)
    "expiry_worse_terms_declined": "expiry_not_renewed",
    "unlawful": "unlawful_termination",
}
GROUND_TO_REASON = {g: GROUND_REASON_ALIASES.get(g, g) for g in labour_law.GROUND_KEYS}
# the ground a reason stands for (departure reason -> ground); aliases of a reason of another key excluded
REASON_TO_GROUND = {r: g for g, r in GROUND_TO_REASON.items() if r == g or r not in labour_law.GROUNDS}
GROUND_LABELS = {key: rule.label for key, rule in labour_law.GROUNDS.items()}

# Odoo's standard departure reasons (hr/data/hr_data.xml, identified by their
# reason_code in hr.departure.reason._get_default_departure_reasons()).
# "Fired" is a dismissal: for cause (Art. 39) unless HR says otherwise; both
# dismissal reasons are involuntary under Order 13 Art. 13(2).
DEPARTURE_TO_REASON = {
    "fired": "dismissal_cause",
    "resigned": "resignation",
    "retired": "retirement",
}


def reason_selection():
    """(key, English label) pairs in table order, for an Odoo Selection."""
    return [(k, r.label) for k, r in REASONS.items()]


def ground_selection():
    """(key, English label) pairs of labour_law's termination grounds, for an Odoo Selection."""
    return labour_law.ground_selection()


class InputError(ValueError):
    """Bad input; ``msg`` is a translatable Msg for the user."""

    def __init__(self, msg):
        super().__init__(msg.render())
        self.msg = msg


def get_reason(key):
    try:
        return REASONS[key]
    except KeyError:
        raise InputError(Msg(_lt("Unknown stoppage reason %(reason)s."), {"reason": key})) from None


def reason_from_ground(ground):
    if not ground:
        return None
    try:
        return GROUND_TO_REASON[ground]
    except KeyError:
        raise InputError(Msg(_lt("Unknown termination ground %(ground)s."), {"ground": ground})) from None


def compensation_due(reason_key, ground=None):
    """Whether economic compensation is due at handover (LCL Art. 46, 50 ¶2): when the stoppage reason
    owes it, or when the termination ground does (the ground is the legal fact; a reason recorded over
    an override cannot take the compensation away)."""
    due = get_reason(reason_key).compensation_due
    if ground:
        due = due or get_reason(reason_from_ground(ground)).compensation_due
    return due


def reason_from_departure(departure_key):
    """Internal reason for a standard Odoo departure reason key, or None."""
    return DEPARTURE_TO_REASON.get(departure_key or "")


def derive_reason(ground=None, departure_reason=None):
    """The stoppage reason that follows from the facts.

    The termination ground wins (it is the legal fact); otherwise the internal
    reason attached to Odoo's departure reason.  Returns (reason_key, source)
    with source "ground", "departure" or None.
    """
    if ground:
        return reason_from_ground(ground), "ground"
    if departure_reason:
        get_reason(departure_reason)
        return departure_reason, "departure"
    return None, None


def is_involuntary(reason_key):
    """True, False, or None (not applicable: death)."""
    return get_reason(reason_key).involuntary


# --------------------------------------------------------------------------
# Guard rail (§1.12: the reason must be true)
# --------------------------------------------------------------------------

LIABILITY_REF = "SIL Art. 45, 50; UIR Art. 16; 津人社局发〔2014〕27号"


def check_reason(
    ground,
    reason_key,
    departure_reason=None,
    planned_end_date=None,
    departure_date=None,
):
    """Findings about the chosen stoppage reason.

    * ``block`` when the reason contradicts the ground on involuntariness: a
      voluntary reason for an involuntary ground (the employee loses
      unemployment benefit and the employer may owe it), or the reverse (a
      false reason filed with the agency).
    * ``warn`` when the reason differs from the ground without changing the
      benefit, when Odoo's departure reason tells another story, or when a
      fixed-term contract ends on its agreed end date but is recorded as a
      resignation.
    * ``info`` for the Unconfirmed points of the chosen reason.
    """
    findings = []
    reason = get_reason(reason_key)
    if ground:
        expected = get_reason(reason_from_ground(ground))
        params = {
            "ground": GROUND_LABELS[ground],
            "reason": reason.label,
            "order13": expected.order13 or expected.basis,
        }
        if expected.key != reason.key:
            if expected.involuntary is True and reason.involuntary is not True:
                findings.append(
                    Finding(
                        "loses_benefit",
                        LIABILITY_REF,
                        BLOCK,
                        Msg(
                            _lt(
                                "The termination ground \u201c%(ground)s\u201d is an involuntary job loss "
                                "(%(order13)s), but the stoppage reason \u201c%(reason)s\u201d is not: the employee "
                                "loses unemployment benefit (SIL Art. 45) and the employer may owe it "
                                "(SIL Art. 50, UIR Art. 16; e.g. 津人社局发〔2014〕27号). Choose the reason that "
                                "follows from the ground, or have an HR manager override with a written note."
                            ),
                            params,
                        ),
                    )
                )
            elif expected.involuntary is not True and reason.involuntary is True:
                findings.append(
                    Finding(
                        "false_involuntary",
                        "SIL Art. 88",
                        BLOCK,
                        Msg(
                            _lt(
                                "The stoppage reason \u201c%(reason)s\u201d declares an involuntary job loss that the "
                                "termination ground \u201c%(ground)s\u201d does not support: the reason filed with "
                                "the social-insurance agency must be true, and benefit obtained on a false reason "
                                "must be repaid with a fine (SIL Art. 88). Choose the reason that follows from the "
                                "ground, or have an HR manager override with a written note."
                            ),
                            params,
                        ),
                    )
                )
            else:
                findings.append(
                    Finding(
                        "reason_differs",
                        reason.basis,
                        WARN,
                        Msg(
                            _lt(
                                "The stoppage reason \u201c%(reason)s\u201d differs from the termination ground "
                                "\u201c%(ground)s\u201d. Unemployment benefit is not affected, but the reason filed "
                                "with the social-insurance agency must be true."
                            ),
                            params,
                        ),
                    )
                )
        if departure_reason and departure_reason in REASONS and departure_reason != expected.key:
            dep = REASONS[departure_reason]
            if dep.involuntary != expected.involuntary:
                findings.append(
                    Finding(
                        "departure_reason_differs",
                        expected.basis,
                        WARN,
                        Msg(
                            _lt(
                                "The employee's departure reason suggests \u201c%(departure)s\u201d but the "
                                "termination ground is \u201c%(ground)s\u201d: correct the departure reason so "
                                "that the employee file tells the same story."
                            ),
                            {"departure": dep.label, "ground": GROUND_LABELS[ground]},
                        ),
                    )
                )
    if (
        planned_end_date
        and departure_date
        and planned_end_date == departure_date
        and reason.key in ("resignation", "mutual_employee")
        # also when the ground says resignation: in the departure flow it is derived from the same
        # departure reason, so it is no independent evidence
        and ground in (None, "resignation", "mutual_employee")
    ):
        findings.append(
            Finding(
                "expiry_recorded_as_resignation",
                "LCL Art. 44(1); Order 13 Art. 13(1)",
                WARN,
                Msg(
                    _lt(
                        "The contract ends on its agreed end date (%(end)s). If the company did not renew it, this "
                        "is a contract expiry (LCL Art. 44(1)), an involuntary job loss under Order 13 Art. 13(1), "
                        "not \u201c%(reason)s\u201d: recording it that way removes the employee's unemployment benefit."
                    ),
                    {"end": planned_end_date.isoformat(), "reason": reason.label},
                ),
            )
        )
    if reason.unconfirmed:
        findings.append(Finding("unconfirmed", reason.order13 or reason.basis, INFO, Msg(reason.unconfirmed)))
    return findings


# one definition in ``findings.py``
is_blocked = _findings.is_blocked


def check_last_contribution(departure_date, last_contribution_month):
    """Warnings about the last month contributions were paid for.

    Contributions are owed for the whole employment; the usual stoppage month
    is the month of departure.  Not a legal rule of the domain reference, so
    only warnings.
    """
    if not (departure_date and last_contribution_month):
        return []
    dep = (departure_date.year, departure_date.month)
    last = (last_contribution_month.year, last_contribution_month.month)
    params = {"last": "%04d-%02d" % last, "departure": "%04d-%02d" % dep}
    if last < dep:
        return [
            Finding(
                "contribution_gap",
                "",
                WARN,
                Msg(
                    _lt(
                        "Contributions were last paid for %(last)s, before the departure month %(departure)s: "
                        "check for unpaid months before stopping the insurance."
                    ),
                    params,
                ),
            )
        ]
    if last > dep:
        return [
            Finding(
                "contribution_after_departure",
                "",
                WARN,
                Msg(
                    _lt(
                        "Contributions are paid until %(last)s, after the departure month %(departure)s: "
                        "stop the insurance from the month after the departure."
                    ),
                    params,
                ),
            )
        ]
    return []


# --------------------------------------------------------------------------
# Unemployment benefit (§1.11; SIL Art. 45-46)
# --------------------------------------------------------------------------

MIN_CONTRIBUTION_MONTHS = 12  # SIL Art. 45(1): 满一年
BENEFIT_CAP_MONTHS = 24  # SIL Art. 46


@dataclass(frozen=True)
class Benefit:
    eligible: bool
    months: int  # maximum benefit months, carry-over included and capped
    new_months: int  # from the current contribution period alone
    carried_months: int  # earlier unclaimed entitlement actually added
    capped: bool
    reasons: list = field(default_factory=list)  # Msg explaining a refusal
    until_retirement: date | None = None  # extended to the statutory retirement age (延迟退休办法 Art. 7)
    notes: list = field(default_factory=list)  # Msg explaining an extension


def _validate_months(contribution_months, unclaimed_months):
    for value, label in (
        (contribution_months, _lt("Cumulative contribution months")),
        (unclaimed_months, _lt("Earlier unclaimed benefit months")),
    ):
        if value is None:
            continue
        if int(value) != value or value < 0:
            raise InputError(
                Msg(_lt("%(field)s must be a whole number of months, 0 or more (got %(value)s)."),
                    {"field": label, "value": value})
            )
    if unclaimed_months and unclaimed_months > BENEFIT_CAP_MONTHS:
        raise InputError(
            Msg(
                _lt("Earlier unclaimed benefit months cannot exceed %(cap)s (SIL Art. 46), got %(value)s."),
                {"cap": BENEFIT_CAP_MONTHS, "value": unclaimed_months},
            )
        )


def months_for_contribution(contribution_months):
    """SIL Art. 46: 12 if 1y <= c < 5y; 18 if 5y <= c < 10y; 24 if c >= 10y; else 0."""
    _validate_months(contribution_months, 0)
    if contribution_months < MIN_CONTRIBUTION_MONTHS:
        return 0
    if contribution_months < 60:
        return 12
    if contribution_months < 120:
        return 18
    return 24


#: 国务院关于渐进式延迟法定退休年龄的办法 (in force 2025-01-01), Art. 7: a claimant less than one year from the
#: statutory retirement age draws unemployment benefit until that age.
RETIREMENT_EXTENSION_FROM = date(2025, 1, 1)


def _months_until(start, end):
    """Benefit months from ``start`` to ``end``: whole months, a started month counts (paid monthly)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if _service.add_months(start, months) < end:
        months += 1
    return max(0, months)


def extend_to_retirement(result, start, retirement_date):
    """延迟退休办法 Art. 7: while drawing benefit, a claimant less than one year ("不足一年") from the statutory
    retirement age draws it until that age, beyond the 24-month cap of SIL Art. 46.  ``start``: the first day
    of the benefit (the registration, at the earliest the day after the job loss); the benefit of an
    eligible claimant otherwise ends ``result.months`` later.  Retirement before that end stops it (SIL 51:
    drawing a pension)."""
    if not (result.eligible and start and retirement_date) or start < RETIREMENT_EXTENSION_FROM:
        return result
    normal_end = _service.add_months(start, result.months)
    if retirement_date <= start:
        return result
    one_year_before = add_years(retirement_date, -1)
    if normal_end <= one_year_before:
        return result  # the benefit ends while the claimant is still a year or more from retirement
    months = _months_until(start, retirement_date)
    if months <= result.months:
        return result
    note = Msg(_lt(
        "Less than one year from the statutory retirement age (%(date)s) while drawing benefit: the benefit runs "
        "until that age, %(months)s months instead of %(normal)s (State Council Measures on the gradual raise of "
        "the statutory retirement age, Art. 7)."), {"date": retirement_date.isoformat(), "months": months,
                                                   "normal": result.months})
    return replace(result, months=months, capped=False, until_retirement=retirement_date,
                   notes=[*result.notes, note])


def benefit(contribution_months, unclaimed_months, involuntary, start=None, retirement_date=None):
    """Eligibility and maximum months of unemployment benefit.

    ``contribution_months``: cumulative unemployment-insurance contribution
    months (employer + employee, across employers) since the last benefit
    claim -- SIL Art. 46: contribution time restarts after a benefit period.
    ``unclaimed_months``: earlier entitlement not yet drawn, added and capped
    at 24.  Registration as unemployed and seeking work (SIL Art. 45(3)) are
    up to the employee and not checked here.
    """
    _validate_months(contribution_months, unclaimed_months)
    reasons = []
    if contribution_months < MIN_CONTRIBUTION_MONTHS:
        reasons.append(
            Msg(
                _lt("Fewer than 12 months of contributions (%(months)s) before the job loss (SIL Art. 45(1))."),
                {"months": contribution_months},
            )
        )
    if involuntary is not True:
        reasons.append(
            Msg(_lt("The job loss is not involuntary (SIL Art. 45(2), Order 13 Art. 13)."))
        )
    if reasons:
        return Benefit(False, 0, 0, 0, False, reasons)
    new = months_for_contribution(contribution_months)
    total = new + (unclaimed_months or 0)
    months = min(total, BENEFIT_CAP_MONTHS)
    result = Benefit(True, months, new, months - new, total > BENEFIT_CAP_MONTHS, [])
    return extend_to_retirement(result, start, retirement_date)


# --------------------------------------------------------------------------
# Deadlines (§1.10) and retention
# --------------------------------------------------------------------------

REPORT_DAYS_CHOICES = (7, 15)
DEFAULT_REPORT_DAYS = 7
TRANSFER_DAYS = 15
RETENTION_YEARS = 2


@dataclass(frozen=True)
class Deadline:
    key: str
    label: str
    due: date
    article: str
    note: str


DEADLINE_LABELS = {
    "certificate": _lt("Issue the termination certificate (离职证明)"),
    "si_report": _lt("Report the leaver to the social-insurance agency"),
    "transfer": _lt("Transfer the personnel file and the social-insurance relationship"),
    "severance": _lt("Pay economic compensation at handover"),
}


def deadlines(departure_date, report_days=DEFAULT_REPORT_DAYS, handover_date=None, compensation_due=True):
    """The leaver's checklist with due dates, in order.

    * certificate: on the departure date (LCL Art. 50 ¶1, Reg. Art. 24);
    * si_report: departure + 7 days (UIR Art. 16) or + 15 days (SIL Art. 50);
      which prevails is Unconfirmed: a company setting, default 7;
    * transfer: departure + 15 days (LCL Art. 50 ¶1);
    * severance (only when compensation may be owed): at handover
      (LCL Art. 50 ¶2), the departure date when no handover date is known.
    """
    if not departure_date:
        raise InputError(Msg(_lt("The departure date is required.")))
    if report_days not in REPORT_DAYS_CHOICES:
        raise InputError(
            Msg(_lt("The agency report deadline must be 7 or 15 days (got %(days)s)."), {"days": report_days})
        )
    if handover_date and handover_date < departure_date - timedelta(days=366):
        raise InputError(Msg(_lt("The handover date is more than a year before the departure date.")))
    result = [
        Deadline(
            "certificate",
            DEADLINE_LABELS["certificate"],
            departure_date,
            "LCL Art. 50 ¶1; Reg. Art. 24",
            _lt("State the contract term, the end date, the position and the years of service; no evaluation."),
        ),
        Deadline(
            "si_report",
            DEADLINE_LABELS["si_report"],
            departure_date + timedelta(days=report_days),
            "UIR Art. 16" if report_days == 7 else "SIL Art. 50",
            _lt(
                "File the stoppage (减员) with the true reason and, for an involuntary job loss, tell the employee "
                "of the right to unemployment benefit (UIR Art. 16). 7 days (UIR Art. 16) or 15 days (SIL Art. 50): "
                "which prevails is unconfirmed."
            ),
        ),
        Deadline(
            "transfer",
            DEADLINE_LABELS["transfer"],
            departure_date + timedelta(days=TRANSFER_DAYS),
            "LCL Art. 50 ¶1",
            _lt("Transfer the personnel file (档案) and the social-insurance relationship within 15 days."),
        ),
    ]
    if compensation_due:
        result.append(
            Deadline(
                "severance",
                DEADLINE_LABELS["severance"],
                handover_date or departure_date,
                "LCL Art. 50 ¶2",
                _lt("Economic compensation is paid when the work handover is completed."),
            )
        )
    return result


def add_years(day, years):
    """Same day ``years`` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retention_end(end_date):
    """First day on which a terminated contract may be deleted (LCL Art. 50 ¶3: kept at least 2 years).

    The 2 years run from the day after the end date (Civil Code Arts. 201-202) and include their last
    day, the anniversary: deletion is allowed from the day AFTER it.
    """
    return _service.period_end(end_date + timedelta(days=1), 12 * RETENTION_YEARS) + timedelta(days=1)


def may_delete(end_date, today):
    return end_date is not None and today >= retention_end(end_date)


# --------------------------------------------------------------------------
# Facts for the termination certificate and input checks
# --------------------------------------------------------------------------


def service_length(hire_date, end_date):
    """(years, months, days) from the hire date to the end date, both counted.

    Input checks here; the counting is ``service.service_length`` (Civil Code
    Arts. 201-202, end date inclusive, domain reference §1.1).
    """
    if not hire_date or not end_date:
        raise InputError(Msg(_lt("The hire date and the end date are required.")))
    if end_date < hire_date:
        raise InputError(
            Msg(
                _lt("The departure date %(end)s is before the hire date %(hire)s."),
                {"end": end_date.isoformat(), "hire": hire_date.isoformat()},
            )
        )
    service = _service.service_length(hire_date, end_date)  # Civil Code Arts. 201-202
    return service.years, service.months, service.days


def validate_departure(hire_date, departure_date):
    """Raise InputError when the departure date is missing or before the hire date."""
    if not departure_date:
        raise InputError(Msg(_lt("The departure date is required.")))
    if hire_date and departure_date < hire_date:
        raise InputError(
            Msg(
                _lt("The departure date %(end)s is before the hire date %(hire)s."),
                {"end": departure_date.isoformat(), "hire": hire_date.isoformat()},
            )
        )


def normalize_city(name):
    """Comparable form of a city name: '上海市' == '上海', ' Shanghai City ' == 'shanghai'."""
    text = "".join((name or "").split()).casefold()
    for suffix in ("市", "city"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return text


def city_matches(city, mapping_city, aliases=""):
    wanted = normalize_city(city)
    if not wanted:
        return False
    names = [mapping_city, *(aliases or "").replace("，", ",").split(",")]
    return any(normalize_city(n) == wanted for n in names if n and n.strip())


# --------------------------------------------------------------------------
# One call for the wizard and the leaver record
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    reason: Reason
    involuntary: bool | None
    benefit: Benefit
    findings: list
    deadlines: list
    blocked: bool


def assess(
    reason_key,
    departure_date,
    contribution_months=0,
    unclaimed_months=0,
    ground=None,
    departure_reason=None,
    planned_end_date=None,
    last_contribution_month=None,
    report_days=DEFAULT_REPORT_DAYS,
    handover_date=None,
    hire_date=None,
    retirement_date=None,
):
    """Everything the stoppage wizard shows, in one pure call.

    ``retirement_date``: the statutory retirement date; the benefit is taken to start the day after the
    departure (registration can be no earlier) for the Art. 7 extension of ``extend_to_retirement``."""
    validate_departure(hire_date, departure_date)
    reason = get_reason(reason_key)
    result_benefit = benefit(contribution_months or 0, unclaimed_months or 0, reason.involuntary,
                             start=departure_date + timedelta(days=1) if departure_date else None,
                             retirement_date=retirement_date)
    findings = check_reason(ground, reason_key, departure_reason, planned_end_date, departure_date)
    findings += check_last_contribution(departure_date, last_contribution_month)
    compensation = reason.compensation_due
    if ground:
        compensation = compensation or get_reason(reason_from_ground(ground)).compensation_due
    return Assessment(
        reason=reason,
        involuntary=reason.involuntary,
        benefit=result_benefit,
        findings=findings,
        deadlines=deadlines(departure_date, report_days, handover_date, compensation),
        blocked=is_blocked(findings),
    )
