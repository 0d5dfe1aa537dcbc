"""Legal checks for a fixed-term contract reaching its end (renewal review).

Pure Python (no Odoo).  Implements /work/shared/domain/prc-labour-rules.md:

* LCL Art. 14 open-ended entitlement (§1.7): 10 years' continuous service
  counted from hire including pre-2008 years (Reg 9), or 2 consecutive
  fixed-term contracts concluded from 2008-01-01 (Art. 97) with no Art. 39 /
  40(1) / 40(2) situation; binding when the employee proposes or agrees to
  renew and did not ask for a fixed term.  Whether the employer may simply let
  the *second* fixed-term contract expire is a company setting
  (``employer_may_refuse_second_renewal``); the default follows the SPC's 2025
  position (Interpretation II, 法释〔2025〕12号): it may not.
* LCL Art. 42 protections and Art. 45 automatic extension (§1.6).
* LCL Art. 40(2): incompetence must be proven and followed by training or
  reassignment before it counts; the evidence checklist says what is missing.
* The 479号 medical-period table (§1.6).
* Work injury (工伤保险条例 Arts. 35-37, §1.9b): disability grades 1-4 keep the relationship, 5-6 end only at
  the employee's request, 7-10 may end at expiry (with the one-time disability employment subsidy, money in
  ``labour_law.disability_employment_subsidy``); an occupational disease under assessment still blocks.
* Other extensions (§1.9c): trade-union chair, vice-chair and committee members (Trade Union Law Art. 19),
  collective-negotiation representatives (集体合同规定 Art. 28).
* LCL 83 exposure for a probation beyond the LCL 19 limit (``contract_compliance.excess_probation_exposure``).

Each check returns ``Finding`` objects: ``code``, ``article``, ``severity``
(``block`` / ``warn`` / ``info``), a translatable ``Msg`` and the decisions it
blocks.  A decision is forbidden when a finding blocks it.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from . import contract_compliance as _cc
from . import findings as _findings
from . import service as _service
from .findings import BLOCK, INFO, SEVERITIES, WARN, Finding  # noqa: F401 (re-exported: lc.BLOCK, lc.Finding)
from .i18n import Msg, _lt

RENEW_SAME = "renew_same"
RENEW_OPEN_ENDED = "renew_open_ended"
RENEW_WORSE = "renew_worse"
NOT_RENEW = "not_renew"
DECISIONS = (RENEW_SAME, RENEW_OPEN_ENDED, RENEW_WORSE, NOT_RENEW)
FIXED_TERM_DECISIONS = frozenset({RENEW_SAME, RENEW_WORSE})

WISH_RENEW = "renew"  # proposes or agrees to renew (any term)
WISH_FIXED_TERM = "renew_fixed"  # asks for a fixed-term contract (Art. 14 exception)
WISH_LEAVE = "not_renew"  # does not want to renew
WISH_UNKNOWN = "unknown"
WISHES = (WISH_RENEW, WISH_FIXED_TERM, WISH_LEAVE, WISH_UNKNOWN)

REASON_INCOMPETENCE = "incompetence"
REASON_ATTITUDE = "attitude"

LCL_IN_FORCE = date(2008, 1, 1)
DEFAULT_MAX_GAP_DAYS = 31

GROUND_TEN_YEARS = "ten_years"
GROUND_TWO_FIXED = "two_fixed_terms"
GROUND_DEEMED = "deemed_open_ended"


@dataclass(frozen=True)
class Contract:
    """A labour contract with this employer; ``end`` None means open-ended."""

    start: date
    end: date = None
    signed: date = None  # signing date when recorded (the written form may precede the start)

    @property
    def written_from(self):
        """First day a written contract existed (signing date when recorded, else the start)."""
        return min(self.signed, self.start) if self.signed else self.start

    @property
    def fixed_term(self):
        return self.end is not None


@dataclass(frozen=True)
class Facts:
    """What the renewal review knows about the employee at the contract's end."""

    contracts: tuple
    end_date: date
    hire_date: date = None
    employee_wish: str = WISH_UNKNOWN
    pregnancy_nursing: bool = False
    medical_period_until: date = None
    occupational_injury: bool = False
    statutory_retirement_date: date = None
    art39: bool = False
    art40_1: bool = False
    art40_2: bool = False
    reason: str = None
    employer_may_refuse_second_renewal: bool = False
    max_gap_days: int = DEFAULT_MAX_GAP_DAYS
    probation_end: date = None  # last day of probation (hr.contract trial_date_end), LCL 21
    no_fault_reason: str = None  # Art. 40 item of a no-fault dismissal: illness / incompetence / objective_change
    disability_grade: int = None  # work-injury disability grade 1-10 (工伤保险条例 Arts. 35-37), None: none assessed
    disease_under_assessment: bool = False  # occupational disease suspected, under diagnosis or assessment
    union_office_until: date = None  # end of the term as trade-union chair, vice-chair or committee member
    union_office_full_time: bool = False  # full-time officer: extended by the length of the term (TUL Art. 19)
    union_office_start: date = None  # start of that term (full-time officers)
    negotiation_rep_until: date = None  # end of the mandate as collective-negotiation representative
    contract_wage: object = None  # monthly wage of the contract after probation (LCL 83 exposure)


@dataclass(frozen=True)
class Entitlement:
    entitled: bool
    grounds: tuple
    service_start: date
    service_years: float
    fixed_term_count: int
    exception_applies: bool
    must_offer_open_ended: bool


@dataclass(frozen=True)
class CheckItem:
    code: str
    done: bool
    msg: Msg


# ---------------------------------------------------------------------------
# Service and contract chain
# ---------------------------------------------------------------------------


# One implementation in ``service.py`` (Civil Code Arts. 201-202).
service_years = _service.service_years
served_at_least = _service.served_at_least


def _sorted_contracts(contracts):
    return sorted(contracts, key=lambda c: (c.start, c.end or date.max))


def continuous_chain(contracts, end_date, max_gap_days=DEFAULT_MAX_GAP_DAYS):
    """The contracts forming the continuous employment that ends with the
    contract ending on ``end_date`` (or the latest contract starting before it),
    oldest first.  A gap of more than ``max_gap_days`` between two contracts
    breaks the chain (an implementation choice: the law does not set a number).
    """
    ordered = [c for c in _sorted_contracts(contracts) if c.start <= end_date]
    if not ordered:
        return []
    idx = next((i for i in range(len(ordered) - 1, -1, -1) if ordered[i].end == end_date), len(ordered) - 1)
    chain = [ordered[idx]]
    for prev in reversed(ordered[:idx]):
        current = chain[0]
        if prev.end is None:
            # an earlier open-ended contract that was followed by another one:
            # it ended somehow; treat it as adjacent (it is continuous service)
            chain.insert(0, prev)
            continue
        gap = (current.start - prev.end).days - 1
        if gap > max_gap_days:
            break
        chain.insert(0, prev)
    return chain


def consecutive_fixed_terms_since_2008(chain):
    """Fixed-term contracts concluded from 2008-01-01 (Art. 97 ¶1) at the end of
    the chain, counted backwards until an open-ended contract or a pre-2008 one."""
    count = 0
    for contract in reversed(chain):
        if not contract.fixed_term or contract.start < LCL_IN_FORCE:
            break
        count += 1
    return count


def deemed_open_ended(hire_date, contracts):
    """Reg 7 / LCL 14 ¶3: no written contract when one year from hire is complete.

    Uses the FIRST written contract of the employment (signing date when recorded),
    not the start of a chain cut at a gap: a gap later on does not erase a written
    contract that existed from the first day.  The year ends per Civil Code Art. 202.
    """
    if not hire_date or not contracts:
        return False
    first_written = min(c.written_from for c in contracts)
    return first_written > _service.period_end(hire_date, 12)


def open_ended_entitlement(facts):
    """Art. 14 ¶2 entitlement at the end of the reviewed contract."""
    chain = continuous_chain(facts.contracts, facts.end_date, facts.max_gap_days)
    chain_start = chain[0].start if chain else facts.end_date
    service_start = min(facts.hire_date, chain_start) if facts.hire_date else chain_start
    fixed = consecutive_fixed_terms_since_2008(chain)
    grounds = []
    if deemed_open_ended(facts.hire_date, facts.contracts):
        grounds.append(GROUND_DEEMED)
    if served_at_least(service_start, facts.end_date, 10):
        grounds.append(GROUND_TEN_YEARS)
    exception = bool(facts.art39 or facts.art40_1 or facts.art40_2)
    if fixed >= 2 and not exception:
        grounds.append(GROUND_TWO_FIXED)
    entitled = bool(grounds)
    must = GROUND_DEEMED in grounds or (entitled and facts.employee_wish == WISH_RENEW)
    return Entitlement(
        entitled=entitled,
        grounds=tuple(grounds),
        service_start=service_start,
        service_years=service_years(service_start, facts.end_date),
        fixed_term_count=fixed,
        exception_applies=exception and fixed >= 2,
        must_offer_open_ended=must,
    )


# ---------------------------------------------------------------------------
# Medical period (劳部发〔1994〕479号 Art. 3)
# ---------------------------------------------------------------------------


def medical_period_months(total_work_years, years_at_employer):
    """Medical period in months from the 479号 Art. 3 table.

    ======================  ======================  ======
    total work years        years at this employer  months
    ======================  ======================  ======
    < 10                    < 5                     3
    < 10                    >= 5                    6
    >= 10                   < 5                     6
    >= 10                   5 - < 10                9
    >= 10                   10 - < 15               12
    >= 10                   15 - < 20               18
    >= 10                   >= 20                   24
    ======================  ======================  ======
    """
    if total_work_years < 0 or years_at_employer < 0:
        raise ValueError("work years must not be negative")
    total = max(total_work_years, years_at_employer)
    if total < 10:
        return 3 if years_at_employer < 5 else 6
    for limit, months in ((5, 6), (10, 9), (15, 12), (20, 18)):
        if years_at_employer < limit:
            return months
    return 24


# ---------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------


def _iso(d):
    return d.isoformat() if d else ""


def protection_findings(facts):
    """Art. 42 conditions holding at the contract's end, with Art. 45 extension."""
    found = []
    end = facts.end_date
    stop = frozenset({NOT_RENEW})
    if facts.disease_under_assessment or (facts.occupational_injury and not facts.disability_grade):
        found.append(Finding(
            "art42_occupational", "LCL 42(1)(2), 45", BLOCK,
            Msg(_lt("Occupational disease (suspected or confirmed) or work injury (Art. 42(1)(2)): the contract "
                    "may not be ended at expiry; it is extended until the condition ends, and for a confirmed "
                    "loss of working capacity the work-injury insurance rules decide (Art. 45).")),
            stop))
    if facts.medical_period_until and facts.medical_period_until >= end:
        found.append(Finding(
            "art42_medical_period", "LCL 42(3), 45", BLOCK,
            Msg(_lt("Within the medical period until %(until)s (Art. 42(3)): the contract is extended "
                    "automatically until the medical period ends (Art. 45)."), {"until": _iso(facts.medical_period_until)}),
            stop))
    if facts.pregnancy_nursing:
        found.append(Finding(
            "art42_pregnancy", "LCL 42(4), 45", BLOCK,
            Msg(_lt("Pregnant, on maternity leave or nursing (Art. 42(4)): the contract is extended "
                    "automatically until the nursing period ends (Art. 45).")),
            stop))
    retirement = facts.statutory_retirement_date
    if retirement:
        chain = continuous_chain(facts.contracts, end, facts.max_gap_days)
        start = chain[0].start if chain else end
        if facts.hire_date:
            start = min(start, facts.hire_date)
        if retirement <= end:
            found.append(Finding(
                "art44_retirement", "LCL 44(2), Reg 21", INFO,
                Msg(_lt("The employee reaches the statutory retirement age on %(date)s: the contract ends "
                        "(Art. 44(2), Reg 21)."), {"date": _iso(retirement)})))
        elif served_at_least(start, end, 15) and end > retirement - relativedelta(years=5):
            found.append(Finding(
                "art42_long_service", "LCL 42(5), 45", BLOCK,
                Msg(_lt("At least 15 consecutive years with this employer and fewer than 5 years to the "
                        "statutory retirement age (%(date)s) (Art. 42(5)): the contract is extended "
                        "automatically (Art. 45)."), {"date": _iso(retirement)}),
                stop))
    return found


def entitlement_findings(facts, ent=None):
    ent = ent or open_ended_entitlement(facts)
    found = []
    params = {"years": "%.1f" % ent.service_years, "count": ent.fixed_term_count}
    if GROUND_DEEMED in ent.grounds:
        found.append(Finding(
            "art14_deemed", "LCL 14 ¶3, Reg 7", BLOCK,
            Msg(_lt("No written contract within one year of hire: an open-ended contract is deemed concluded "
                    "(Art. 14 last paragraph, Reg 7); the fixed-term expiry does not apply.")),
            frozenset({NOT_RENEW, RENEW_SAME, RENEW_WORSE})))
        return found
    if ent.exception_applies:
        found.append(Finding(
            "art14_exception", "LCL 14(3), 39, 40(1), 40(2)", INFO,
            Msg(_lt("%(count)s consecutive fixed-term contracts since 2008, but an Art. 39, 40(1) or 40(2) "
                    "situation is documented: the second-contract entitlement (Art. 14(3)) does not apply."),
                params)))
    if not ent.entitled:
        if not ent.exception_applies:
            found.append(Finding(
                "art14_not_entitled", "LCL 14, 44(1)", INFO,
                Msg(_lt("No open-ended entitlement: %(years)s years of continuous service, %(count)s consecutive "
                        "fixed-term contract(s) since 2008. The contract may end at expiry (Art. 44(1)); "
                        "economic compensation is owed unless the employee refuses same or better terms "
                        "(Art. 46(5))."), params)))
        return found
    ten = GROUND_TEN_YEARS in ent.grounds
    wish = facts.employee_wish
    if ten:
        text = _lt("Entitled to an open-ended contract: %(years)s years of continuous service, counted from hire "
                   "including years before 2008 (Art. 14(1), Reg 9).")
        article = "LCL 14(1), Reg 9"
    else:
        text = _lt("Entitled to an open-ended contract: %(count)s consecutive fixed-term contracts concluded "
                   "since 2008-01-01 and no Art. 39, 40(1) or 40(2) situation (Art. 14(3), Art. 97).")
        article = "LCL 14(3), 97"
    if wish == WISH_RENEW:
        blocks = {RENEW_SAME, RENEW_WORSE}
        may_refuse = facts.employer_may_refuse_second_renewal and not ten
        if not may_refuse:
            blocks.add(NOT_RENEW)
        found.append(Finding("art14_entitled", article + ", 82, 87", BLOCK, Msg(text, params), frozenset(blocks)))
        if may_refuse:
            found.append(Finding(
                "art14_regional_refusal", "LCL 14(3); SPC Interpretation II (2025)", WARN,
                Msg(_lt("Company setting: the employer may refuse to renew after a second fixed-term contract "
                        "(former Shanghai 2009 opinion). The national position since 2025-09-01 (SPC "
                        "Interpretation II) is that it may not; a refusal risks 2N (Art. 87)."))))
        found.append(Finding(
            "art14_request", "LCL 14, 82 ¶2, 87", INFO,
            Msg(_lt("The employee asks to renew: only an open-ended contract is lawful. Refusing costs double "
                    "wages from when it should have been signed (Art. 82 ¶2) or 2N for unlawful "
                    "termination (Art. 87)."))))
    elif wish == WISH_FIXED_TERM:
        found.append(Finding("art14_entitled", article, INFO, Msg(text, params)))
        found.append(Finding(
            "art14_fixed_term_requested", "LCL 14 ¶2", INFO,
            Msg(_lt("The employee asked for a fixed-term contract (Art. 14 ¶2 exception): keep the written "
                    "request as evidence."))))
    elif wish == WISH_LEAVE:
        found.append(Finding("art14_entitled", article, INFO, Msg(text, params)))
        found.append(Finding(
            "art14_employee_declines", "LCL 44(1), 46(5)", INFO,
            Msg(_lt("The employee does not wish to renew: the contract ends at expiry (Art. 44(1)). Keep the "
                    "written statement; no compensation is owed only if the employer offered same or better "
                    "terms (Art. 46(5))."))))
    else:
        found.append(Finding("art14_entitled", article, WARN, Msg(text, params)))
        found.append(Finding(
            "art14_wish_unknown", "LCL 14", WARN,
            Msg(_lt("Record whether the employee asks to renew: if they do, only an open-ended contract is "
                    "lawful."))))
    return found


def reason_findings(facts, evidence_complete=None):
    found = []
    if facts.reason == REASON_ATTITUDE:
        found.append(Finding(
            "attitude_not_a_ground", "LCL 39, 40", WARN,
            Msg(_lt("\"Attitude\" is not a statutory ground: only Art. 39 misconduct or Art. 40 situations "
                    "count, proven by evidence."))))
    if facts.reason == REASON_INCOMPETENCE and not (facts.art40_2 or evidence_complete):
        found.append(Finding(
            "art40_2_training_first", "LCL 40(2)", WARN,
            Msg(_lt("Incompetence counts only when proven and still present after training or "
                    "reassignment (Art. 40(2)): the evidence checklist is incomplete."))))
    return found


def evaluate(facts, evidence_complete=None):
    """All findings for the renewal review, most severe first (stable order)."""
    ent = open_ended_entitlement(facts)
    found = (protection_findings(facts) + work_injury_findings(facts) + extension_findings(facts)
             + entitlement_findings(facts, ent) + reason_findings(facts, evidence_complete)
             + probation_exposure_findings(facts))
    if any(f.code.startswith("art42_") for f in found):
        found.append(Finding(
            "art45_extension", "LCL 45", INFO,
            Msg(_lt("Art. 45: a fixed-term contract expiring while an Art. 42 condition holds is extended "
                    "until the condition ends; ending it at the nominal expiry date is unlawful (2N, Art. 87)."))))
    return _findings.most_severe_first(found)


# ---------------------------------------------------------------------------
# Ending the contract on a termination ground (severance wizard)
# ---------------------------------------------------------------------------

#: labour_law ground keys of an employer-driven expiry: the checks of a non-renewal apply (§1.5 row 8)
EXPIRY_GROUNDS = frozenset({"expiry_not_renewed", "expiry_worse_terms_declined"})
#: dismissals that LCL 42 forbids while a protection holds (Art. 40 and 41; Art. 39 remains possible)
DISMISSAL_GROUNDS = frozenset({"no_fault_dismissal", "layoff"})
UNLAWFUL_GROUND = "unlawful"
TERMINATION_UNLAWFUL = "termination_unlawful"


def termination_findings(facts, ground, evidence_complete=None):
    """Findings that bear on ending the contract on ``ground`` (a labour_law ground key), most severe first.

    * Expiry grounds: the renewal review's checks of a non-renewal (Art. 14, 42/45, the reason given).
    * No-fault dismissal and layoff: the Art. 42 protections, which forbid an Art. 40 or 41 dismissal, and
      for incompetence (``facts.reason``) the Art. 40(2) training-first check.
    * Other grounds: the work-injury rules only (Arts. 35-36: grades 1-4 keep the relationship, grades 5-6 end
      only at the employee's request); Art. 39 dismissal and mutual termination remain possible under Art. 42.
    * Every ground but expiry (where ``evaluate`` has it): the LCL 83 exposure of a probation beyond the limit.

    When a finding forbids the termination, a ``termination_unlawful`` finding comes first: ending the
    contract on this ground would be unlawful, so unless the facts change the employee may claim
    continuation or 2N (LCL 48, 87; ground ``unlawful``).  The ground is never changed here: HR chooses.
    """
    if ground in EXPIRY_GROUNDS:
        found = evaluate(facts, evidence_complete)
        blockers = blocking(found, NOT_RENEW)
        text = _lt("The law forbids ending this contract at its expiry (%(articles)s): the non-renewal would be "
                   "unlawful. Unless the facts change, the employee may ask to continue the contract, otherwise "
                   "2N is owed (LCL Art. 48, 87): the ground is \u201cUnlawful termination or non-renewal\u201d.")
    elif ground in DISMISSAL_GROUNDS:
        found = (protection_findings(facts) + work_injury_findings(facts, ground) + extension_findings(facts, ground)
                 + reason_findings(facts, evidence_complete))
        probation = probation_findings(facts, ground)
        found += probation
        blockers = [f for f in found if f.severity == BLOCK]
        text = _lt("An Art. 42 protection holds (%(articles)s): the employer may not dismiss under Art. 40 or 41, "
                   "so this dismissal would be unlawful. Unless the facts change, the employee may ask to continue "
                   "the contract, otherwise 2N is owed (LCL Art. 48, 87): the ground is \u201cUnlawful termination "
                   "or non-renewal\u201d.")
        if probation and len(blockers) == len(probation):
            text = _lt("This dismissal during probation is not allowed (%(articles)s), so it would be unlawful. "
                       "Unless the facts change, the employee may ask to continue the contract, otherwise 2N is "
                       "owed (LCL Art. 48, 87): the ground is \u201cUnlawful termination or non-renewal\u201d.")
    else:
        # grounds the work-injury rules restrict (Arts. 35-36); for the others nothing is found
        found = work_injury_findings(facts, ground)
        blockers = [f for f in found if f.severity == BLOCK] if ground in EMPLOYER_OTHER_GROUNDS else []
        text = _lt("The work-injury rules forbid ending the employment this way (%(articles)s), so it would be "
                   "unlawful. Unless the facts change, the employee may ask to continue the contract, otherwise 2N "
                   "is owed (LCL Art. 48, 87): the ground is \u201cUnlawful termination or non-renewal\u201d.")
    if ground not in EXPIRY_GROUNDS:
        found += probation_exposure_findings(facts)  # expiry: already in ``evaluate``
    if blockers:
        articles = "; ".join(dict.fromkeys(f.article for f in blockers))
        found.append(Finding(TERMINATION_UNLAWFUL, "LCL 48, 87", BLOCK, Msg(text, {"articles": articles})))
    order = {BLOCK: 0, WARN: 1, INFO: 2}
    return sorted(found, key=lambda f: (order[f.severity], f.code != TERMINATION_UNLAWFUL))


# ---------------------------------------------------------------------------
# Work injury (工伤保险条例 Arts. 35-37) and other extensions (Trade Union Law 19, 集体合同规定 28)
# ---------------------------------------------------------------------------

#: grounds initiated by the employee (工伤保险条例 Art. 36: "经工伤职工本人提出")
EMPLOYEE_REQUEST_GROUNDS = frozenset({"resignation", "mutual_employee", "employer_fault_resignation",
                                      "expiry_employee_declined"})
#: other employer-side endings the work-injury rules restrict
EMPLOYER_OTHER_GROUNDS = frozenset({"mutual_employer", "task_completed"})
WORK_INJURY_OTHER_GROUNDS = EMPLOYEE_REQUEST_GROUNDS | EMPLOYER_OTHER_GROUNDS
WIIR = "Work-Related Injury Insurance Regulations"


def work_injury_findings(facts, ground=None):
    """工伤保险条例 Arts. 35-37 for a confirmed disability grade (``facts.disability_grade``).

    ``ground`` None or an expiry ground: the renewal decision; a dismissal ground: LCL 42(2) forbids an Art. 40
    or 41 dismissal for any grade; another ground: grades 1-4 keep the relationship (Art. 35), grades 5-6 end
    only when the employee asks (Art. 36), grades 7-10 may end (Art. 37).  The subsidy owed at the end
    is computed by ``labour_law.disability_employment_subsidy``.
    Example: grade 8 at expiry: allowed, the employer pays the one-time disability employment subsidy.
    """
    grade = facts.disability_grade
    if not grade:
        return []
    params = {"grade": grade}
    stop = frozenset({NOT_RENEW})
    if ground in DISMISSAL_GROUNDS:
        return [Finding("wiir_dismissal", "LCL 42(2); WIIR 35-37", BLOCK, Msg(_lt(
            "Work-injury disability grade %(grade)s (confirmed loss of working capacity, LCL 42(2)): no dismissal "
            "under Art. 40 or 41."), params), stop)]
    if grade <= 4:
        if ground in ("death", "retirement", "dismissal_cause", "employer_closure", "unlawful"):
            return []
        return [Finding("wiir35_kept", "WIIR 35; LCL 42(2), 45", BLOCK, Msg(_lt(
            "Work-injury disability grade %(grade)s: the employment relationship is kept and the employee leaves "
            "the post (Work-Related Injury Insurance Regulations Art. 35); the contract may not be ended."),
            params), stop)]
    if grade <= 6:
        asked = ground in EMPLOYEE_REQUEST_GROUNDS or (ground is None or ground in EXPIRY_GROUNDS) and (
            facts.employee_wish == WISH_LEAVE)
        if asked:
            return [Finding("wiir36_employee_request", "WIIR 36", INFO, Msg(_lt(
                "Work-injury disability grade %(grade)s: the employment may end because the employee asks; the "
                "employer pays the one-time disability employment subsidy (Work-Related Injury Insurance "
                "Regulations Art. 36)."), params))]
        if ground in ("death", "retirement", "dismissal_cause", "employer_closure", "unlawful"):
            return []
        return [Finding("wiir36_employee_only", "WIIR 36; LCL 42(2), 45", BLOCK, Msg(_lt(
            "Work-injury disability grade %(grade)s: the employment ends only at the employee's request (Work-"
            "Related Injury Insurance Regulations Art. 36); the employer may not end it, the contract is "
            "extended."), params), stop)]
    if ground in ("death", "retirement", "dismissal_cause", "unlawful"):
        return []
    return [Finding("wiir37_subsidy", "WIIR 37", INFO, Msg(_lt(
        "Work-injury disability grade %(grade)s: the contract may end at expiry or at the employee's request; the "
        "employer pays the one-time disability employment subsidy (Work-Related Injury Insurance Regulations "
        "Art. 37), added to the severance."), params))]


def extension_findings(facts, ground=None):
    """Extensions like Art. 42/45 set by other laws (§1.9c), not while an Art. 39 situation is documented.

    * Trade Union Law Art. 19: the contract of a trade-union chair, vice-chair or committee member is extended
      to the end of the term of office (a full-time officer's by the length of the term); not for serious
      personal fault or once the statutory retirement age is reached.
    * 集体合同规定 Art. 28: a collective-negotiation representative's contract expiring during the mandate is
      extended to its end, and the employer may not end it meanwhile (only for serious misconduct).
    ``ground``: None or an expiry ground (renewal decision) or a dismissal ground (Art. 28 also forbids it).
    Example: contract ending 2025-06-30, union chair until 2026-03-31: extended to 2026-03-31.
    """
    if facts.art39:
        return []
    end = facts.end_date
    found = []
    stop = frozenset({NOT_RENEW})
    retired = facts.statutory_retirement_date and facts.statutory_retirement_date <= end
    union = facts.union_office_until
    if union and union >= end and not retired and ground not in DISMISSAL_GROUNDS:
        until = union
        if facts.union_office_full_time and facts.union_office_start:
            # full-time officer: extended by a period equal to the term of office
            term = relativedelta(union + timedelta(days=1), facts.union_office_start)
            until = max(union, end + term)
        found.append(Finding("tul19_union_officer", "Trade Union Law 19", BLOCK, Msg(_lt(
            "Trade-union chair, vice-chair or committee member until %(office)s: the contract is extended "
            "automatically, to %(until)s (Trade Union Law Art. 19), except for serious personal fault or the "
            "statutory retirement age."), {"office": _iso(union), "until": _iso(until)}), stop))
    rep = facts.negotiation_rep_until
    if rep and rep >= end:
        found.append(Finding("cc28_negotiation_rep", "Collective Contract Provisions 28", BLOCK, Msg(_lt(
            "Collective-negotiation representative until %(until)s: the contract is extended automatically to the "
            "end of the mandate and the employer may not end it meanwhile except for serious misconduct "
            "(Collective Contract Provisions Art. 28)."), {"until": _iso(rep)}), stop))
    return found


def probation_exposure_findings(facts):
    """LCL 83 for a probation longer than the LCL 19 limit, served up to the end date (or the probation end):
    the post-probation wage for each month beyond the limit, from ``contract_compliance.excess_probation_exposure``.
    Example: 3-year contract from 2024-01-01, probation to 2024-08-31 (limit 6 months, to 2024-06-30), wage
    10,000: 2 months, 20,000."""
    if not (facts.probation_end and facts.contract_wage):
        return []
    chain = continuous_chain(facts.contracts, facts.end_date, facts.max_gap_days)
    if not chain:
        return []
    contract = chain[-1]
    if facts.probation_end < contract.start or (contract.end and facts.probation_end > contract.end):
        return []  # the probation of another contract, or bad data reported by the compliance check
    inp = _cc.ProbationInput(
        _cc.FIXED if contract.end else _cc.OPEN_ENDED, contract.start, contract.end, facts.probation_end,
        contract_wage=facts.contract_wage)
    months, amount = _cc.excess_probation_exposure(inp, min(facts.end_date, facts.probation_end))
    if not months:
        return []
    allowed = _cc.probation_allowed_end(inp)
    return [Finding("lcl83_probation_excess", "LCL 19, 83", WARN, Msg(_lt(
        "The probation to %(end)s exceeds the LCL 19 limit (%(allowed)s): %(months)s month(s) beyond it were served, "
        "owed as compensation at the post-probation wage, %(amount)s (LCL 83)."),
        {"end": _iso(facts.probation_end), "allowed": _iso(allowed) or "-", "months": f"{months:.2f}",
         "amount": f"{amount:,.2f}"}))]


PROBATION_DISMISSAL = "lcl21_probation_dismissal"
#: LCL 21: during probation only Art. 39 or Art. 40(1)(2) grounds; these (ground, Art. 40 item) are not among them.
_PROBATION_FORBIDDEN = {
    ("no_fault_dismissal", "objective_change"): "LCL 21, 40(3)",
    ("layoff", None): "LCL 21, 41",
}


def probation_findings(facts, ground):
    """LCL 21: a dismissal on or before the last day of probation may rest only on Art. 39 or Art. 40(1)(2),
    with the reasons explained to the employee.  An Art. 40(3) (objective change) or Art. 41 (layoff)
    dismissal during probation is unlawful."""
    if not (facts.probation_end and facts.end_date and facts.end_date <= facts.probation_end):
        return []
    item = facts.no_fault_reason if ground == "no_fault_dismissal" else None
    article = _PROBATION_FORBIDDEN.get((ground, item))
    if not article:
        return []
    return [Finding(PROBATION_DISMISSAL, article, BLOCK, Msg(
        _lt("The employee is on probation until %(until)s: during probation the employer may dismiss only under "
            "Art. 39 or Art. 40(1)(2), with reasons (%(articles)s)."),
        {"until": facts.probation_end.isoformat(), "articles": article}))]


def termination_unlawful(findings):
    """Whether ``termination_findings`` found the termination unlawful."""
    return any(f.code == TERMINATION_UNLAWFUL for f in findings)


def blocking(findings, decision):
    """The findings that forbid ``decision``."""
    if decision not in DECISIONS:
        raise ValueError("unknown decision %r" % (decision,))
    return [f for f in findings if f.severity == BLOCK and decision in f.blocks]


def is_allowed(findings, decision):
    return not blocking(findings, decision)


def allowed_decisions(findings):
    return tuple(d for d in DECISIONS if is_allowed(findings, d))


# ---------------------------------------------------------------------------
# Evidence completeness for a non-renewal citing incompetence
# ---------------------------------------------------------------------------


#: recorded talks that evidence incompetence (LCL 40(2)): a performance talk or a written warning
EVIDENCE_TALK_KINDS = frozenset({"performance", "warning"})


@dataclass(frozen=True)
class Evidence:
    below_threshold_appraisals: int = 0
    talk_logs: int = 0
    training_or_reassignment_offered: bool = False
    below_after_training: bool = False
    notes: tuple = field(default_factory=tuple)
    training_provided: tuple = ()  # names of the completed trainings (hr.training.record, done)
    below_after_count: int = 0


def incompetence_checklist(evidence):
    """Checklist of the evidence needed before incompetence can be relied on."""
    return [
        CheckItem("appraisal_below", evidence.below_threshold_appraisals > 0,
                  Msg(_lt("At least one confirmed appraisal below the threshold (%(count)s found)"),
                      {"count": evidence.below_threshold_appraisals})),
        CheckItem("talk_log", evidence.talk_logs > 0,
                  Msg(_lt("At least one recorded performance talk or warning (%(count)s found)"),
                      {"count": evidence.talk_logs})),
        CheckItem("training_offered", bool(evidence.training_or_reassignment_offered),
                  Msg(_lt("Training provided: %(courses)s (Art. 40(2))"),
                      {"courses": ", ".join(evidence.training_provided)})
                  if evidence.training_provided else Msg(_lt("Training or reassignment offered (Art. 40(2))"))),
        CheckItem("below_after_training", bool(evidence.below_after_training),
                  Msg(_lt("Still below the threshold after the training: %(count)s confirmed appraisal(s) "
                          "after it (Art. 40(2))"), {"count": evidence.below_after_count})
                  if evidence.training_provided else
                  Msg(_lt("Still below the threshold in a confirmed appraisal after the training or "
                          "reassignment (Art. 40(2))"))),
    ]


def incompetence_evidence(appraisals, threshold, talks, training_offers, reassignment_offered=False,
                          reassignment_date=None, trainings_done=(), from_offer=False):
    """The Art. 40(2) evidence (LCL 40(2): incompetence counts only when proven, and still proven
    after training or reassignment) from the records of the evaluation window.

    ``appraisals``: (period start, total score) of the confirmed appraisals; ``talks``: kinds of the
    recorded talks (``performance`` and ``warning`` count); ``training_offers``: dates of the
    recorded training offers.  A reassignment counts as an offer, from its date when recorded.
    ``trainings_done``: (done date, course name) of the completed training records.
    Still below the threshold *after* the training means an appraisal period starting on or after the
    first completed training (once one is recorded as done: the training was provided, not only offered),
    else on or after the first offer; ``from_offer`` (company setting ``hrcr_art40_2_from_offer``): always
    from the first offer.
    """
    below = [start for start, score in appraisals if score < threshold]
    done = sorted(trainings_done)
    offers = list(training_offers) + [day for day, _name in done]
    if reassignment_offered and reassignment_date:
        offers.append(reassignment_date)
    anchor = done[0][0] if done and not from_offer else (min(offers) if offers else None)
    after = [start for start in below if anchor and start >= anchor]
    return Evidence(
        below_threshold_appraisals=len(below),
        talk_logs=sum(1 for kind in talks if kind in EVIDENCE_TALK_KINDS),
        training_or_reassignment_offered=bool(offers) or bool(reassignment_offered),
        below_after_training=bool(after),
        training_provided=tuple(dict.fromkeys(name for _day, name in done)),
        below_after_count=len(after),
    )


def dismissal_fact_values(ground, no_fault_reason=None, probation_end=None):
    """What the ground of a dismissal adds to the ``Facts`` (LCL 21, 40).

    Only a no-fault dismissal (Art. 40) has an Art. 40 item: ``incompetence`` is the Art. 40(2)
    reason whose evidence must be complete; the item and the probation end feed the LCL 21 check.
    Other grounds carry no reason and no item.
    """
    no_fault = ground == "no_fault_dismissal"
    return {
        "reason": REASON_INCOMPETENCE if no_fault and no_fault_reason == REASON_INCOMPETENCE else None,
        "probation_end": probation_end or None,
        "no_fault_reason": (no_fault_reason or None) if no_fault else None,
    }


def severance_ground_after_decision(override_used):
    """The severance ground of a recorded non-renewal: a lawful one is an expiry the employer does not
    renew (LCL 44(1), 46(5): N); one recorded over a legal block is an unlawful termination
    (LCL 48, 87: 2N)."""
    return "unlawful" if override_used else "expiry_not_renewed"


def renewal_offer_checklist(offered, answer, answer_date, has_scan):
    """Evidence of the renewal offer and of the employee's written answer (LCL 46(5): declining the same or
    better terms owes no N, and the employer proves the offer and the refusal)."""
    return [
        CheckItem("renewal_offer", bool(offered),
                  Msg(_lt("Renewal offer made in writing (续订劳动合同意向书, LCL 46(5))"))),
        CheckItem("renewal_answer", bool(answer and answer_date and has_scan),
                  Msg(_lt("The employee's written answer, with its date and a scan (LCL 46(5))"))),
    ]


def checklist_complete(items):
    return all(item.done for item in items)


def checklist_missing(items):
    return [item for item in items if not item.done]
