"""The written labour contract (劳动合同): its clauses, as a pure function (no Odoo).

LCL Art. 17 ¶1 lists the clauses every labour contract must contain; ¶2 lets the
parties agree others (probation LCL 19, training service period LCL 22,
confidentiality and non-compete LCL 23/24, ...).  ``fill_clauses(values)`` takes a
plain dict of the contract's values and returns the clauses to print, in order,
or raises ``MissingClausesError`` naming each missing mandatory clause, its
article and the missing items.

Values (keys of the dict; empty string / None = missing):

=========================  ======================================================
employer_name               company name                       LCL 17(1)
employer_address            company address (住所)             LCL 17(1)
employer_representative     legal representative or principal  LCL 17(1)
employee_name               employee name                      LCL 17(2)
employee_id_number          resident ID (or passport) number   LCL 17(2)
employee_address            employee address                   LCL 17(2)
term_kind                   ``fixed`` / ``open_ended`` / ``task``  LCL 17(3), 12
date_start, date_end        ``date``; ``date_end`` for a fixed term
task_description            for a task-based contract (LCL 15)
job                         job content (工作内容)             LCL 17(4)
work_place                  place of work (工作地点)           LCL 17(4)
working_hours               working-time schedule, text        LCL 17(5)
wage, currency              monthly pay (> 0), currency code   LCL 17(6)
social_insurance_place      city where contributions are paid  LCL 17(7)
labour_protection           labour protection/conditions text  LCL 17(8)
occupational_hazards        the job's occupational hazards     LCL 17(8)
probation_end               optional: last day of probation    LCL 19
probation_wage              optional: probation monthly wage   LCL 20
non_compete_months          optional: restriction after leaving LCL 23, 24
non_compete_compensation    optional: monthly compensation     LCL 23
non_compete_category        optional: role category label      LCL 24
training_service_months     optional: service period           LCL 22
training_cost               optional: training cost paid       LCL 22
=========================  ======================================================

Clause 17(8) is present when either ``labour_protection`` or
``occupational_hazards`` is given.  Each returned ``Clause`` has lines: a ``Msg``
(parameters raw: ``date``, ``Decimal``, ``str``, for the adapter to format in the
document's language) or a ``str`` printed verbatim (the company's own text).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .contract_compliance import FIXED, OPEN_ENDED, TASK, InputError
from .i18n import Msg, _lt

# ---------------------------------------------------------------- the clause catalogue

#: (key, title, article, ((input key, label), ...)): the mandatory clauses of LCL Art. 17 ¶1
MANDATORY = (
    ("employer", _lt("Party A: the Employer"), _lt("LCL Art. 17(1)"), (
        ("employer_name", _lt("name")),
        ("employer_address", _lt("address")),
        ("employer_representative", _lt("legal representative or principal person")),
    )),
    ("employee", _lt("Party B: the Employee"), _lt("LCL Art. 17(2)"), (
        ("employee_name", _lt("name")),
        ("employee_id_number", _lt("resident ID or other valid identity document number")),
        ("employee_address", _lt("address")),
    )),
    ("term", _lt("Term of the contract"), _lt("LCL Art. 17(3)"), (
        ("date_start", _lt("start date")),
    )),
    ("job", _lt("Job content and place of work"), _lt("LCL Art. 17(4)"), (
        ("job", _lt("job content")),
        ("work_place", _lt("place of work")),
    )),
    ("hours", _lt("Working hours, rest and leave"), _lt("LCL Art. 17(5)"), (
        ("working_hours", _lt("working hours")),
    )),
    ("pay", _lt("Labour remuneration"), _lt("LCL Art. 17(6)"), (
        ("wage", _lt("monthly wage")),
    )),
    ("social_insurance", _lt("Social insurance"), _lt("LCL Art. 17(7)"), (
        ("social_insurance_place", _lt("place of social insurance contributions")),
    )),
    ("protection", _lt("Labour protection, working conditions and occupational hazard protection"),
     _lt("LCL Art. 17(8)"), (
        ("labour_protection", _lt("labour protection and working conditions or the job's occupational hazards")),
    )),
)
MANDATORY_KEYS = tuple(row[0] for row in MANDATORY)

#: the optional clauses this document knows (LCL Art. 17 ¶2)
OPTIONAL = (
    ("probation", _lt("Probation"), _lt("LCL Art. 19, 20")),
    ("training", _lt("Training service period"), _lt("LCL Art. 22")),
    ("non_compete", _lt("Non-compete"), _lt("LCL Art. 23, 24")),
)
OPTIONAL_KEYS = tuple(row[0] for row in OPTIONAL)


@dataclass(frozen=True)
class Clause:
    key: str
    title: str          # _lt source text
    article: str        # _lt source text, e.g. "LCL Art. 17(3)"
    mandatory: bool
    lines: tuple = ()   # Msg (parameters raw) or str (verbatim)


class MissingClausesMsg(Msg):
    """The refusal message: ``params['clauses']`` holds (title, article, (labels...)) rows.

    ``render(translate)`` translates the header, every clause title, article and label."""

    def render(self, translate=None):
        tr = translate or (lambda text: text)
        parts = [tr(_lt("%(clause)s (%(article)s): %(missing)s missing")) % {
            "clause": tr(title), "article": tr(article), "missing": ", ".join(tr(label) for label in labels),
        } for title, article, labels in self.params["clauses"]]
        return tr(self.text) % {"clauses": "; ".join(parts)}


class MissingClausesError(InputError):
    """Mandatory clauses of LCL Art. 17 are missing; ``missing`` = their keys, in order."""

    def __init__(self, rows):
        self.missing = tuple(row[0] for row in rows)
        super().__init__(MissingClausesMsg(
            _lt("The labour contract cannot be printed: mandatory clauses of LCL Art. 17 are missing. %(clauses)s"),
            {"clauses": tuple(row[1:] for row in rows)},
        ))


# ---------------------------------------------------------------- helpers

def _present(value):
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


def _amount(value):
    if not _present(value):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _positive(value):
    amount = _amount(value)
    return amount if amount is not None and amount > 0 else None


def _missing(values):
    """[(key, title, article, (labels...))] of the mandatory clauses lacking an input."""
    rows = []
    kind = values.get("term_kind") or FIXED
    for key, title, article, inputs in MANDATORY:
        labels = [label for name, label in inputs if not _present(values.get(name))]
        if key == "term":
            if kind == FIXED and not isinstance(values.get("date_end"), date):
                labels.append(_lt("end date (fixed term)"))
            if kind == TASK and not _present(values.get("task_description")):
                labels.append(_lt("task whose completion ends the contract"))
        elif key == "pay" and not labels and _positive(values.get("wage")) is None:
            labels.append(_lt("monthly wage"))
        elif key == "protection" and labels and _present(values.get("occupational_hazards")):
            labels = []
        if labels:
            rows.append((key, title, article, tuple(labels)))
    return rows


# ---------------------------------------------------------------- the clauses

def _mandatory_lines(values):
    kind = values.get("term_kind") or FIXED
    currency = values.get("currency") or ""
    if kind == FIXED:
        term = (Msg(_lt("Fixed term from %(start)s to %(end)s."),
                    {"start": values["date_start"], "end": values["date_end"]}),)
    elif kind == OPEN_ENDED:
        term = (Msg(_lt("Open-ended term starting on %(start)s."), {"start": values["date_start"]}),)
    else:
        term = (Msg(_lt("From %(start)s until the completion of this task: %(task)s."),
                    {"start": values["date_start"], "task": values["task_description"]}),)
    protection = []
    if _present(values.get("labour_protection")):
        protection.append(values["labour_protection"].strip())  # verbatim: the company's own text
    if _present(values.get("occupational_hazards")):
        protection.append(Msg(_lt("Occupational hazards of the job and their protection: %(hazards)s"),
                              {"hazards": values["occupational_hazards"].strip()}))
    return {
        "employer": (
            Msg(_lt("Name: %(name)s"), {"name": values["employer_name"]}),
            Msg(_lt("Address: %(address)s"), {"address": values["employer_address"]}),
            Msg(_lt("Legal representative or principal person: %(person)s"),
                {"person": values["employer_representative"]}),
        ),
        "employee": (
            Msg(_lt("Name: %(name)s"), {"name": values["employee_name"]}),
            Msg(_lt("Identity document number: %(number)s"), {"number": values["employee_id_number"]}),
            Msg(_lt("Address: %(address)s"), {"address": values["employee_address"]}),
        ),
        "term": term,
        "job": (
            Msg(_lt("Job: %(job)s"), {"job": values["job"]}),
            Msg(_lt("Place of work: %(place)s"), {"place": values["work_place"]}),
        ),
        "hours": (
            Msg(_lt("Working hours: %(hours)s"), {"hours": values["working_hours"]}),
            Msg(_lt("The Employee enjoys at least one day of rest a week, the statutory public holidays and "
                    "paid annual leave as the law provides (Labour Law Arts. 38, 40, 45).")),
        ),
        "pay": (
            Msg(_lt("Monthly wage: %(wage)s %(currency)s, paid in money at least once a month (Labour Law Art. 50)."),
                {"wage": _positive(values["wage"]), "currency": currency}),
        ),
        "social_insurance": (
            Msg(_lt("The Employer registers the Employee for basic pension, medical, work-injury, unemployment "
                    "and maternity insurance and pays the contributions the law requires, in %(place)s "
                    "(Social Insurance Law Arts. 58, 60)."), {"place": values["social_insurance_place"]}),
        ),
        "protection": tuple(protection),
    }


def _optional_clauses(values):
    currency = values.get("currency") or ""
    out = []
    if isinstance(values.get("probation_end"), date):
        lines = [Msg(_lt("Probation from %(start)s to %(end)s."),
                     {"start": values.get("date_start"), "end": values["probation_end"]})]
        wage = _positive(values.get("probation_wage")) or _positive(values.get("wage"))
        if wage is not None:
            lines.append(Msg(_lt("Probation monthly wage: %(wage)s %(currency)s."),
                             {"wage": wage, "currency": currency}))
        out.append(("probation", tuple(lines)))
    months = values.get("training_service_months")
    if months and int(months) > 0:
        lines = [Msg(_lt("After professional training paid by the Employer, the Employee serves %(months)s "
                         "months; leaving earlier, the Employee pays liquidated damages of at most the "
                         "training cost not yet covered by the served part of the period."),
                     {"months": int(months)})]
        cost = _positive(values.get("training_cost"))
        if cost is not None:
            lines.append(Msg(_lt("Training cost: %(cost)s %(currency)s."), {"cost": cost, "currency": currency}))
        out.append(("training", tuple(lines)))
    months = values.get("non_compete_months")
    if months and int(months) > 0:
        lines = []
        if _present(values.get("non_compete_category")):
            lines.append(Msg(_lt("Role category: %(category)s"), {"category": values["non_compete_category"]}))
        lines.append(Msg(_lt("After the contract ends, the Employee does not work for a competitor nor run a "
                             "competing business for %(months)s months (at most 2 years)."),
                         {"months": int(months)}))
        compensation = _positive(values.get("non_compete_compensation"))
        if compensation is not None:
            lines.append(Msg(_lt("Monthly compensation during the restriction: %(amount)s %(currency)s."),
                             {"amount": compensation, "currency": currency}))
        else:
            lines.append(Msg(_lt("No compensation agreed: 30 percent of the average monthly wage of the last 12 months, "
                                 "not below the local minimum wage (SPC Interpretation (I) 2020 Art. 36).")))
        out.append(("non_compete", tuple(lines)))
    return out


def fill_clauses(values):
    """The contract's clauses, mandatory first (LCL 17 ¶1 order), then the optional ones agreed.

    Raises ``MissingClausesError`` (an ``InputError``) naming every missing mandatory
    clause with its LCL Art. 17 item; ``InputError`` for inconsistent dates.
    """
    kind = values.get("term_kind") or FIXED
    if kind not in (FIXED, OPEN_ENDED, TASK):
        raise InputError(Msg(_lt("Unknown contract term kind %(kind)s."), {"kind": kind}))
    rows = _missing(values)
    if rows:
        raise MissingClausesError(rows)
    start, end = values["date_start"], values.get("date_end")
    if kind == FIXED and end < start:
        raise InputError(Msg(_lt("The contract end date %(end)s is before its start date %(start)s."),
                             {"end": end, "start": start}))
    probation_end = values.get("probation_end")
    if isinstance(probation_end, date) and probation_end < start:
        raise InputError(Msg(_lt("The probation end date %(end)s is before the contract start date %(start)s."),
                             {"end": probation_end, "start": start}))
    lines = _mandatory_lines(values)
    clauses = [Clause(key, title, article, True, lines[key]) for key, title, article, _inputs in MANDATORY]
    optional = {key: (title, article) for key, title, article in OPTIONAL}
    clauses += [Clause(key, *optional[key], False, body) for key, body in _optional_clauses(values)]
    return clauses
