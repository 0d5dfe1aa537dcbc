"""Attrition risk: batched gathering of the history the score reads (no table: an AbstractModel).

Every ``_gather_*`` method reads one source for a whole batch of employees in
one query (``search_read`` / ``_read_group`` / one SQL join for the change log)
and returns plain data for ``engine.attrition_features``.  The data of the
addon's other features is read through a named method of the model that owns
it (``hr.kpi.appraisal._hrcr_confirmed_scores``,
``hr.talk.log._hrcr_warning_and_training_dates``,
``hr.wage.history._hrcr_monthly_wages``), never by guessing its fields.

The gatherers read as superuser (``sudo``): they are only called by the crons
and by HR officers' actions (checked by the callers), leaves and the change log
of other people are not readable by HR officers through record rules, and
only aggregated features leave this class.  The fields read are exactly
``GATHERED_FIELDS`` of the engine, which a test screens for protected
attributes.
"""

from collections import defaultdict
from datetime import date, datetime, timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..engine import attrition_features as af

SICK_NAME_HINTS = ("sick", "病")
#: employees who opted out (PIPL Art. 44) are never read for training or scoring
NOT_EXCLUDED = ("hrcr_attrition_excluded", "=", False)


def _as_date(value):
    if not value:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return fields.Date.to_date(value)


class HrAttritionData(models.AbstractModel):
    _name = "hr.attrition.data"
    _description = "Attrition risk: history gathering"

    # ------------------------------------------------------------------
    # Company settings
    # ------------------------------------------------------------------
    @api.model
    def _voluntary_reason_ids(self, company):
        # sudo: see module docstring (company setting read by the gatherers)
        reasons = company.sudo().hrcr_attrition_voluntary_reason_ids
        if reasons:
            return set(reasons.ids)
        resigned = self.env.ref("hr.departure_resigned", raise_if_not_found=False)
        return {resigned.id} if resigned else set()

    @api.model
    def _sick_leave_type_ids(self, company):
        """Configured sick-leave types, else 'Sick Time Off' and names with 'sick'/'病'."""
        # sudo: see module docstring (company setting read by the gatherers)
        configured = company.sudo().hrcr_attrition_sick_leave_type_ids
        if configured:
            return set(configured.ids)
        ids = set()
        standard = self.env.ref("hr_holidays.holiday_status_sl", raise_if_not_found=False)
        if standard:
            ids.add(standard.id)
        # every translation of the name at once (installed languages or not)
        self.env["hr.leave.type"].flush_model(["name"])
        self.env.cr.execute(SQL(
            "SELECT id FROM hr_leave_type WHERE name::text ILIKE ANY(%s) AND (company_id IS NULL OR company_id = %s)",
            ["%%%s%%" % hint for hint in SICK_NAME_HINTS], company.id,
        ))
        ids.update(row[0] for row in self.env.cr.fetchall())
        return ids

    @api.model
    def _departure_count(self, company):
        """Voluntary departures with a date: the positives the model would learn from
        (opted-out employees left out, PIPL Art. 44)."""
        # sudo: see module docstring (archived employees of the company, a count only)
        return self.env["hr.employee"].sudo().with_context(active_test=False).search_count([
            ("company_id", "=", company.id), NOT_EXCLUDED,
            ("active", "=", False),
            ("departure_date", "!=", False),
            ("departure_reason_id", "in", list(self._voluntary_reason_ids(company))),
        ])

    @api.model
    def _department_rates(self, company, as_of):
        """Department attrition over the 12 months before ``as_of``: two grouped counts."""
        # sudo: see module docstring (grouped counts only)
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        left = Employee._read_group([
            ("company_id", "=", company.id), ("active", "=", False), NOT_EXCLUDED,
            ("departure_date", ">", as_of - timedelta(days=365)), ("departure_date", "<=", as_of),
        ], ["department_id"], ["__count"])
        stayed = Employee._read_group([
            ("company_id", "=", company.id), ("active", "=", True), NOT_EXCLUDED,
        ], ["department_id"], ["__count"])
        return af.department_rates_from_counts(
            {dept.id or None: n for dept, n in left}, {dept.id or None: n for dept, n in stayed})

    # ------------------------------------------------------------------
    # Employees
    # ------------------------------------------------------------------
    @api.model
    def _scorable_employee_ids(self, company, archived=False):
        """Ids of the company's employees whose data may be used (not opted out,
        PIPL Art. 44), in id order; with ``archived`` also the departed ones (training)."""
        # sudo: see module docstring (ids only; the opt-out flag is HR-manager only)
        return self.env["hr.employee"].sudo().with_context(active_test=not archived).search(
            [("company_id", "=", company.id), NOT_EXCLUDED], order="id").ids

    @api.model
    def _employee_rows(self, employee_ids):
        # sudo: see module docstring (GATHERED_FIELDS only)
        return self.env["hr.employee"].sudo().with_context(active_test=False).search_read(
            [("id", "in", list(employee_ids))], list(af.GATHERED_FIELDS["hr.employee"]), order="id")

    @api.model
    def _histories(self, employee_rows, as_of, since, sick_type_ids, with_responsible=False):
        """{employee_id: EmployeeHistory} for a batch, one query per source.
        With ``with_responsible``: also {employee_id: HR responsible user id of the
        latest contract}."""
        emp_ids = [r["id"] for r in employee_rows]
        contracts = self._gather_contracts(emp_ids, as_of)
        leaves = self._gather_leaves(emp_ids, since, as_of, sick_type_ids)
        managers = self._gather_manager_changes(emp_ids, since)
        appraisals = self._gather_appraisals(emp_ids, since, as_of)
        talks = self._gather_talk_logs(emp_ids, since, as_of)
        wages = self._gather_wage_history(emp_ids, since, as_of)
        out, responsible = {}, {}
        for row in employee_rows:
            eid = row["id"]
            if contracts.get(eid):
                responsible[eid] = contracts[eid][-1]["hr_responsible_id"]
            contract_list = tuple(c["contract"] for c in contracts.get(eid, ()))
            hire = None
            if not contract_list and row.get("create_date"):
                hire = _as_date(row["create_date"])
            departure = _as_date(row.get("departure_date")) if not row.get("active", True) else None
            reason = row.get("departure_reason_id")
            out[eid] = af.EmployeeHistory(
                employee_id=eid,
                department_id=row["department_id"][0] if row.get("department_id") else None,
                contracts=contract_list,
                appraisals=tuple(appraisals.get(eid, ())),
                leaves=tuple(leaves.get(eid, ())),
                warnings=tuple(talks.get(eid, {}).get("warnings", ())),
                trainings=tuple(talks.get(eid, {}).get("trainings", ())),
                manager_changes=tuple(managers.get(eid, ())),
                wage_points=tuple(wages.get(eid, ())),
                hire_date=hire,
                departure_date=departure,
                departure_reason=reason[0] if reason else None,
            )
        return (out, responsible) if with_responsible else out

    # ------------------------------------------------------------------
    # Sources (one query each per batch)
    # ------------------------------------------------------------------
    @api.model
    def _gather_contracts(self, emp_ids, as_of):
        """{employee_id: [{'id', 'contract': Contract, 'hr_responsible_id'}]} (cancelled ones left out)."""
        # sudo: see module docstring; HR officers lack hr_contract read rights
        rows = self.env["hr.contract"].sudo().search_read(
            [("employee_id", "in", emp_ids), ("state", "!=", "cancel"), ("date_start", "<=", as_of)],
            list(af.GATHERED_FIELDS["hr.contract"]), order="date_start, id")
        changes = self._gather_changes("hr.contract", [r["id"] for r in rows], ("date_end", "wage"))
        out = defaultdict(list)
        for r in rows:
            ch = changes.get(r["id"], {})
            contract = af.Contract(
                date_start=_as_date(r["date_start"]),
                date_end=_as_date(r["date_end"]),
                wage=r["wage"] or 0.0,
                end_changes=tuple((d, _as_date(old), _as_date(new)) for d, old, new in ch.get("date_end", ())),
                wage_changes=tuple(ch.get("wage", ())),
            )
            out[r["employee_id"][0]].append({
                "id": r["id"], "contract": contract,
                "hr_responsible_id": r["hr_responsible_id"][0] if r["hr_responsible_id"] else False,
            })
        return out

    @api.model
    def _gather_changes(self, model, res_ids, field_names):
        """Field change log from mail tracking, one SQL join for the batch:
        {res_id: {field: [(changed_on, old, new)]}}.  (Mail does not track the
        values a record is created with, only later changes.)"""
        if not res_ids:
            return {}
        # One join over the tracking tables (mail.tracking.value is system-only
        # and would need a second query to reach mail.message.res_id).
        self.env.cr.execute(SQL(
            """SELECT m.res_id, m.date, f.name, f.ttype,
                      v.old_value_integer, v.new_value_integer, v.old_value_float, v.new_value_float,
                      v.old_value_datetime, v.new_value_datetime
                 FROM mail_tracking_value v
                 JOIN mail_message m ON m.id = v.mail_message_id
                 JOIN ir_model_fields f ON f.id = v.field_id
                WHERE m.model = %s AND m.res_id = ANY(%s) AND f.model = %s AND f.name = ANY(%s)
             ORDER BY m.date, v.id""",
            model, list(res_ids), model, list(field_names),
        ))
        out = defaultdict(lambda: defaultdict(list))
        for res_id, when, fname, ttype, oi, ni, of, nf, od, nd in self.env.cr.fetchall():
            if ttype in ("date", "datetime"):
                old, new = od, nd
            elif ttype in ("float", "monetary"):
                old, new = of, nf
            else:
                old, new = oi, ni
            out[res_id][fname].append((_as_date(when), old, new))
        return out

    @api.model
    def _gather_manager_changes(self, emp_ids, since):
        """{employee_id: [dates the manager changed]} from the tracked ``parent_id``
        (the first assignment of a manager is not a change)."""
        changes = self._gather_changes("hr.employee", emp_ids, ("parent_id",))
        out = {}
        for eid, by_field in changes.items():
            out[eid] = [d for d, old, new in by_field.get("parent_id", ()) if old and old != new and d >= since]
        return out

    @api.model
    def _gather_leaves(self, emp_ids, since, as_of, sick_type_ids):
        # sudo: see module docstring; leaves of all employees, only aggregated features leave this class
        rows = self.env["hr.leave"].sudo().with_context(active_test=False).search_read([
            ("employee_id", "in", emp_ids), ("state", "=", "validate"),
            ("date_to", ">=", datetime.combine(since, datetime.min.time())),
            ("date_from", "<=", datetime.combine(as_of, datetime.max.time())),
        ], list(af.GATHERED_FIELDS["hr.leave"]))
        out = defaultdict(list)
        for r in rows:
            out[r["employee_id"][0]].append(af.Leave(
                date_from=_as_date(r["date_from"]),
                date_to=_as_date(r["date_to"]),
                days=r["number_of_days"] or 0.0,
                sick=bool(r["holiday_status_id"] and r["holiday_status_id"][0] in sick_type_ids),
            ))
        return out

    @api.model
    def _gather_appraisals(self, emp_ids, since, as_of):
        """Confirmed appraisals (feature appraisal, ``hr.kpi.appraisal``), dated by period end."""
        # sudo: see module docstring (total score of confirmed appraisals only)
        scores = self.env["hr.kpi.appraisal"].sudo()._hrcr_confirmed_scores(
            emp_ids, since - timedelta(days=365), as_of)
        out = defaultdict(list)
        for emp_id, rows in scores.items():
            out[emp_id] = [af.Appraisal(_as_date(end), score) for end, score in rows]
        return out

    @api.model
    def _gather_talk_logs(self, emp_ids, since, as_of):
        """Warnings and training offers from talk logs (feature renewal review, ``hr.talk.log``)."""
        # sudo: see module docstring (kind and date only)
        dates = self.env["hr.talk.log"].sudo()._hrcr_warning_and_training_dates(emp_ids, since, as_of)
        out = defaultdict(lambda: {"warnings": [], "trainings": []})
        for emp_id, entry in dates.items():
            out[emp_id] = {key: [_as_date(d) for d in values] for key, values in entry.items()}
        return out

    @api.model
    def _gather_wage_history(self, emp_ids, since, as_of):
        """Monthly gross pay (feature severance, ``hr.wage.history``)."""
        # sudo: see module docstring (monthly gross amounts only)
        wages = self.env["hr.wage.history"].sudo()._hrcr_monthly_wages(emp_ids, since - timedelta(days=365), as_of)
        out = defaultdict(list)
        for emp_id, rows in wages.items():
            out[emp_id] = [(_as_date(month), amount) for month, amount in rows]
        return out
