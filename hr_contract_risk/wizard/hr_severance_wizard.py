import dataclasses

import psycopg2.errors

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..engine import bounds, labour_law
from ..engine import legal_checks as lc
from ..engine.service import worked_12_continuous_months
from ..models.hrcr_bounds import bounds_error
from ..models.override import may_override, override_vals, validated_override
from ..models.rendering import render_findings

# key of the advisory lock taken while a severance is created for an employee
_LOCK_NAMESPACE = 740_312


class HrSeveranceWizard(models.TransientModel):
    """Compute a severance from the contract or the employee, then confirm it.

    Accepts the context defaults ``default_employee_id``, ``default_contract_id``,
    ``default_termination_ground`` and ``default_termination_date`` (used by the renewal
    review and the departure flows).  Prefills W from the wage history (else the contract
    wage, and says so), A and the minimum wage from the regional parameters.
    """

    _name = "hr.severance.wizard"
    _inherit = ["hr.severance.mixin"]
    _description = "Compute Severance"

    company_id = fields.Many2one(compute="_compute_company_id", store=True, readonly=False, precompute=True)
    contract_id = fields.Many2one(compute="_compute_contract_id", store=True, readonly=False, precompute=True)
    hire_date = fields.Date(compute="_compute_hire_date", store=True, readonly=False, precompute=True)
    termination_date = fields.Date(compute="_compute_termination_date", store=True, readonly=False, precompute=True)
    # wage history
    wage_history_average = fields.Monetary(
        string="W from History", compute="_compute_wage_history", store=True,
        help="Average of the wage lines, or the contract wage when there are none.")
    wage_source = fields.Selection(compute="_compute_wage_history", store=True)
    wage_months = fields.Integer(compute="_compute_wage_history", store=True)
    wage_window_start = fields.Date(compute="_compute_wage_history", store=True)
    wage_window_end = fields.Date(compute="_compute_wage_history", store=True)
    wage_history_warning = fields.Char(compute="_compute_wage_history", store=True)
    wage_months_worked = fields.Float(compute="_compute_wage_history", store=True)
    history_previous_month_wage = fields.Monetary(compute="_compute_wage_history", store=True)
    history_leave_wage = fields.Monetary(compute="_compute_wage_history", store=True)
    # One compute method per editable field: Odoo protects every field of a shared compute method when one of
    # them is given, so a shared method left the untouched ones at 0.
    average_monthly_wage = fields.Monetary(compute="_compute_average_monthly_wage", store=True, readonly=False)
    previous_month_wage = fields.Monetary(compute="_compute_previous_month_wage", store=True, readonly=False)
    leave_wage = fields.Monetary(compute="_compute_leave_wage", store=True, readonly=False)
    wage_changed = fields.Boolean(compute="_compute_wage_changed")
    wage_override_reason = fields.Text(
        string="Reason for Changing W", help="Required when W differs from the wage history.")
    wage_info = fields.Char(compute="_compute_wage_info")
    # regional parameters
    work_city = fields.Char(compute="_compute_region", store=True)
    region_id = fields.Many2one(compute="_compute_region", store=True)
    region_fallback = fields.Boolean(compute="_compute_region", store=True)
    region_message = fields.Char(compute="_compute_region", store=True)
    local_average_wage = fields.Monetary(compute="_compute_local_average_wage", store=True, readonly=False)
    local_minimum_wage = fields.Monetary(compute="_compute_local_minimum_wage", store=True, readonly=False)
    # annual leave
    cumulative_work_years = fields.Float(
        digits=(16, 1), compute="_compute_cumulative_work_years", store=True,
        readonly=False, help="Work years with all employers: 5, 10 or 15 days of annual leave (Paid Annual Leave "
        "Regulations Art. 3). Prefilled with the service at this employer.")
    leave_days_taken = fields.Float(
        string="Leave Days Taken This Year", digits=(16, 1), compute="_compute_leave_days_taken", store=True,
        readonly=False, help="Prefilled with the validated time off of allocation-based types (such as annual leave) "
        "taken this calendar year up to the termination date; correct it if other types are included.")
    untaken_leave_days = fields.Float(compute="_compute_untaken_leave_days", store=True, readonly=False)
    # Paid Annual Leave Regulations Art. 4: no annual leave this year when one of these holds
    school_vacation_longer = fields.Boolean(
        string="Winter/Summer Vacation Longer than the Leave",
        help="The employee enjoys statutory winter and summer vacations longer than the annual leave (Paid Annual "
        "Leave Regulations Art. 4(1)).")
    personal_leave_days = fields.Float(
        string="Personal Leave Days This Year", digits=(16, 1),
        help="Personal leave (事假) this year: 20 days or more without wage deduction removes the year's leave "
        "(Paid Annual Leave Regulations Art. 4(2)).")
    personal_leave_paid = fields.Boolean(
        string="Personal Leave Without Wage Deduction",
        help="The employer did not deduct wages for the personal leave (Paid Annual Leave Regulations Art. 4(2)).")
    sick_leave_months = fields.Float(
        string="Sick Leave Months This Year", digits=(16, 1),
        help="Sick leave this year: 2 months or more (1-10 work years), 3 (10-20) or 4 (20 or more) remove the "
        "year's leave (Paid Annual Leave Regulations Art. 4(3)-(5)).")
    leave_exclusion_note = fields.Char(compute="_compute_untaken_leave_days", store=True)
    disability_grade = fields.Integer(compute="_compute_disability_grade", store=True, readonly=False)
    disability_subsidy_months = fields.Float(compute="_compute_disability_subsidy_months", store=True, readonly=False)
    disability_subsidy_base = fields.Selection(compute="_compute_disability_subsidy_base", store=True, readonly=False)
    medical_subsidy_months = fields.Float(compute="_compute_medical_subsidy_months", store=True, readonly=False)
    money_rule = fields.Char(compute="_compute_money_rule")
    has_pre2008_service = fields.Boolean(compute="_compute_money_rule")
    severance_id = fields.Many2one("hr.severance", readonly=True)
    # legal checks of the termination (LCL 14, 42, 45, 40(2)): shown here, never on the employee's statement
    legal_findings_html = fields.Html(string="Legal Checks", compute="_compute_legal_findings", sanitize=False)
    legal_unlawful = fields.Boolean(
        string="Termination Unlawful", compute="_compute_legal_findings",
        help="A legal check forbids ending the contract on this ground: unless the facts change, the ground is "
        "unlawful termination (2N, LCL 48, 87). The ground is not changed automatically.")
    is_hr_manager = fields.Boolean(compute="_compute_is_hr_manager")
    override_note = fields.Text(
        string="Legal Note (override)",
        help="HR managers only: the written legal justification for confirming a ground the legal checks find "
        "unlawful. Kept on the severance and in its history.")

    # ------------------------------------------------------------------ prefill

    @api.depends("employee_id")
    def _compute_company_id(self):
        for wiz in self:
            wiz.company_id = wiz.employee_id.company_id or wiz.company_id or self.env.company

    @api.depends("employee_id")
    def _compute_contract_id(self):
        for wiz in self:
            if wiz.contract_id.employee_id != wiz.employee_id:
                wiz.contract_id = wiz.employee_id.contract_id

    @api.depends("employee_id", "contract_id")
    def _compute_hire_date(self):
        for wiz in self:
            wiz.hire_date = wiz.employee_id.first_contract_date or wiz.contract_id.date_start or wiz.hire_date

    @api.depends("contract_id")
    def _compute_termination_date(self):
        for wiz in self:
            wiz.termination_date = (
                wiz.contract_id.date_end or wiz.termination_date or fields.Date.context_today(self))

    @api.depends("employee_id", "contract_id", "termination_date", "hire_date", "company_id")
    def _compute_wage_history(self):
        empty = {
            "wage_history_average": 0.0, "wage_source": False, "wage_months": 0, "wage_window_start": False,
            "wage_window_end": False, "wage_history_warning": False, "history_previous_month_wage": 0.0,
            "history_leave_wage": 0.0, "wage_months_worked": 0.0,
        }
        History = self.env["hr.wage.history"]
        for wiz in self:
            employee = wiz.employee_id
            if not (employee and wiz.termination_date):
                wiz.update(empty)
                continue
            avg = History._hrcr_averages(
                employee, {employee.id: wiz.termination_date}, {employee.id: wiz.hire_date},
                wiz.company_id.hrcr_wage_include_overtime, partial_months=wiz.company_id.hrcr_wage_partial_months,
            )[employee.id]
            if avg.average is not None:
                wiz.update({
                    "wage_history_average": float(avg.average),
                    "wage_source": "history",
                    "wage_months": avg.months_used,
                    "wage_window_start": avg.window_start,
                    "wage_window_end": avg.window_end,
                    "wage_history_warning": " ".join(wiz._hrcr_tr(m.text, m.params) for m in avg.warnings) or False,
                    "history_previous_month_wage": float(avg.previous_month_wage or avg.average),
                    "history_leave_wage": float(avg.leave_average),
                    "wage_months_worked": float(avg.months_worked if avg.months_worked is not None else avg.months_used),
                })
            else:
                contract_wage = (wiz.contract_id or employee.contract_id).wage
                wiz.update(dict(
                    empty, wage_history_average=contract_wage, wage_source="contract",
                    wage_window_start=avg.window_start, wage_window_end=avg.window_end,
                    history_previous_month_wage=contract_wage, history_leave_wage=contract_wage,
                ))

    @api.depends("wage_history_average")
    def _compute_average_monthly_wage(self):
        for wiz in self:
            wiz.average_monthly_wage = wiz.wage_history_average

    @api.depends("history_previous_month_wage")
    def _compute_previous_month_wage(self):
        for wiz in self:
            wiz.previous_month_wage = wiz.history_previous_month_wage

    @api.depends("history_leave_wage")
    def _compute_leave_wage(self):
        for wiz in self:
            wiz.leave_wage = wiz.history_leave_wage

    @api.depends("average_monthly_wage", "wage_history_average")
    def _compute_wage_changed(self):
        for wiz in self:
            wiz.wage_changed = bool(wiz.wage_source) and wiz.currency_id.compare_amounts(
                wiz.average_monthly_wage, wiz.wage_history_average) != 0

    @api.depends("wage_source", "wage_months", "wage_window_start", "wage_window_end", "wage_history_warning")
    def _compute_wage_info(self):
        for wiz in self:
            text = wiz._hrcr_wage_source_text()
            if wiz.wage_history_warning:
                text = f"{text} {wiz.wage_history_warning}"
            wiz.wage_info = text

    @api.depends("employee_id", "contract_id", "termination_date", "company_id")
    def _compute_region(self):
        Region = self.env["hr.labour.region"]
        for wiz in self:
            if not (wiz.employee_id and wiz.termination_date):
                wiz.update({"work_city": False, "region_id": False, "region_fallback": False,
                            "region_message": False})
                continue
            city = Region._hrcr_city_of(wiz.employee_id, wiz.contract_id)
            row, _minimum, fallback, message = Region._hrcr_lookup(wiz.company_id, city, wiz.termination_date)
            wiz.update({
                "work_city": city,
                "region_id": row.id,
                "region_fallback": fallback,
                "region_message": message or False,
            })

    def _hrcr_region_wages(self):
        """(local average wage, local minimum wage) of the work city at the termination date, 0 when unknown."""
        self.ensure_one()
        if not (self.employee_id and self.termination_date):
            return 0.0, 0.0
        Region = self.env["hr.labour.region"]
        city = Region._hrcr_city_of(self.employee_id, self.contract_id)
        row, minimum, _fallback, _message = Region._hrcr_lookup(self.company_id, city, self.termination_date)
        return (row.average_monthly_wage, minimum) if row else (0.0, 0.0)

    @api.depends("employee_id", "contract_id", "termination_date", "company_id")
    def _compute_local_average_wage(self):
        for wiz in self:
            wiz.local_average_wage = wiz._hrcr_region_wages()[0]

    @api.depends("employee_id", "contract_id", "termination_date", "company_id")
    def _compute_local_minimum_wage(self):
        for wiz in self:
            wiz.local_minimum_wage = wiz._hrcr_region_wages()[1]

    @api.depends("hire_date", "termination_date")
    def _compute_cumulative_work_years(self):
        for wiz in self:
            if wiz.hire_date and wiz.termination_date and wiz.hire_date <= wiz.termination_date:
                service = labour_law.service_length(wiz.hire_date, wiz.termination_date)
                wiz.cumulative_work_years = service.total_months / 12.0
            else:
                wiz.cumulative_work_years = 0.0

    @api.depends("employee_id", "termination_date")
    def _compute_leave_days_taken(self):
        for wiz in self:
            if not (wiz.employee_id and wiz.termination_date):
                wiz.leave_days_taken = 0.0
                continue
            # sudo: only the total of validated days is read, HR officers may lack Time Off rights
            groups = self.env["hr.leave"].sudo()._read_group(
                [
                    ("employee_id", "=", wiz.employee_id.id),
                    ("state", "=", "validate"),
                    ("holiday_status_id.requires_allocation", "=", "yes"),
                    ("request_date_from", ">=", wiz.termination_date.replace(month=1, day=1)),
                    ("request_date_from", "<=", wiz.termination_date),
                ],
                [], ["number_of_days:sum"],
            )
            wiz.leave_days_taken = (groups[0][0] or 0.0) if groups else 0.0

    @api.depends("cumulative_work_years", "leave_days_taken", "termination_date", "hire_date", "company_id",
                 "school_vacation_longer", "personal_leave_days", "personal_leave_paid", "sick_leave_months")
    @api.depends_context("lang")
    def _compute_untaken_leave_days(self):
        for wiz in self:
            wiz.leave_exclusion_note = False
            if not wiz.termination_date:
                wiz.untaken_leave_days = 0.0
                continue
            due = labour_law.annual_leave_days_due(
                wiz.termination_date, labour_law.to_decimal(wiz.cumulative_work_years or 0.0),
                labour_law.to_decimal(wiz.leave_days_taken or 0.0), hire_date=wiz.hire_date or None,
                continuous_12_months=worked_12_continuous_months(
                    wiz.hire_date, wiz.termination_date, wiz.cumulative_work_years),
                config=wiz.company_id._hrcr_law_config(),
                exclusions=labour_law.LeaveExclusions(
                    school_vacation_longer=wiz.school_vacation_longer,
                    personal_leave_days=labour_law.to_decimal(wiz.personal_leave_days or 0.0),
                    personal_leave_paid=wiz.personal_leave_paid,
                    sick_leave_months=labour_law.to_decimal(wiz.sick_leave_months or 0.0)),
            )
            wiz.untaken_leave_days = due.days_due
            if due.excluded is not None:
                wiz.leave_exclusion_note = wiz._hrcr_tr(due.excluded.text, due.excluded.params)

    @api.constrains("personal_leave_days", "sick_leave_months", "carried_leave_days", "disability_grade",
                    "disability_subsidy_months")
    def _check_hrcr_legal_inputs(self):
        """engine/bounds.py ranges of the work-injury and annual-leave inputs, with the field's label."""
        for wiz in self:
            for name in ("personal_leave_days", "sick_leave_months", "carried_leave_days", "disability_grade",
                         "disability_subsidy_months"):
                try:
                    bounds.check_number(name, wiz[name], self._fields[name]._description_string(self.env))
                except bounds.BoundsError as err:
                    raise bounds_error(self.env, err) from None

    @api.depends("employee_id")
    def _compute_disability_grade(self):
        for wiz in self:
            # sudo: HR-only field, read for the HR officer running the wizard
            wiz.disability_grade = wiz.employee_id.sudo().hrcr_disability_grade

    @api.depends("region_id", "disability_grade")
    def _compute_disability_subsidy_months(self):
        for wiz in self:
            wiz.disability_subsidy_months = (
                wiz.region_id._hrcr_disability_subsidy(wiz.disability_grade)[0] if wiz.region_id else 0.0)

    @api.depends("region_id")
    def _compute_disability_subsidy_base(self):
        for wiz in self:
            wiz.disability_subsidy_base = wiz.region_id.disability_subsidy_base or "wage"

    @api.depends("company_id")
    def _compute_medical_subsidy_months(self):
        for wiz in self:
            wiz.medical_subsidy_months = wiz.company_id.hrcr_pre2008_medical_subsidy_months

    @api.depends("termination_ground", "hire_date")
    def _compute_money_rule(self):
        for wiz in self:
            rule = labour_law.GROUNDS.get(wiz.termination_ground)
            wiz.money_rule = rule.money if rule else False
            wiz.has_pre2008_service = bool(wiz.hire_date and wiz.hire_date < labour_law.LCL_START)

    # ------------------------------------------------------------------ legal checks

    def _hrcr_renewal_review(self):
        """The contract's latest renewal review, whose record adds to the legal facts."""
        self.ensure_one()
        if not self.contract_id:
            return self.env["hr.contract.renewal.review"]
        return self.env["hr.contract.renewal.review"].search(
            [("contract_id", "=", self.contract_id.id)], order="end_date desc, id desc", limit=1)

    def _hrcr_legal_findings(self):
        """``legal_checks.termination_findings`` for the chosen ground, from the facts the renewal review uses
        (``hr.employee._hrcr_legal_facts``) plus what the contract's review recorded, if it has one: the
        employee's wish, documented Art. 39 / 40(1) situations, the reason and the Art. 40(2) evidence."""
        self.ensure_one()
        ground = self.termination_ground
        if not (self.employee_id and self.termination_date and ground):
            return []
        values = {
            "hire_date": self.hire_date or None,
            # work injury (WIIR Arts. 35-37) as entered here; LCL 83 exposure of a probation beyond the limit
            "disability_grade": self.disability_grade or None,
            "probation_end": self.contract_id.trial_date_end or None,
            "contract_wage": self.contract_id.wage or None,
        }
        evidence_complete = None
        review = self._hrcr_renewal_review()
        if review:
            evidence_complete = review.evidence_complete
            values.update(review._hrcr_fact_values(evidence_complete))
        if ground in lc.DISMISSAL_GROUNDS:
            # LCL 21, 40: the Art. 40 item and the contract's probation end (core hr_contract)
            values.update(lc.dismissal_fact_values(ground, self.no_fault_reason, self.contract_id.trial_date_end))
        facts = self.employee_id._hrcr_legal_facts(self.company_id, self.termination_date, **values)
        return lc.termination_findings(facts, ground, evidence_complete)

    @api.depends("employee_id", "contract_id", "contract_id.trial_date_end", "company_id", "hire_date",
                 "termination_date", "termination_ground", "no_fault_reason", "disability_grade")
    @api.depends_context("lang")
    def _compute_legal_findings(self):
        for wiz in self:
            findings = wiz._hrcr_legal_findings()
            wiz.legal_findings_html = render_findings(self.env, findings)
            wiz.legal_unlawful = lc.termination_unlawful(findings)

    def _compute_is_hr_manager(self):
        self.is_hr_manager = may_override(self.env)

    # ------------------------------------------------------------------ confirm

    def _hrcr_check_inputs(self):
        self.ensure_one()
        rule = labour_law.GROUNDS.get(self.termination_ground)
        if not self.employee_id:
            raise UserError(_("Choose the employee."))
        if self.wage_changed and not (self.wage_override_reason or "").strip():
            raise UserError(_(
                "W was changed from %(history)s to %(wage)s: write the reason in 'Reason for Changing W'.",
                history=self._hrcr_money(self.wage_history_average), wage=self._hrcr_money(self.average_monthly_wage)))
        if self.currency_id.compare_amounts(self.total_amount, 0.0) > 0:
            # the journal entry will be needed: fail now, before anything is created
            self.company_id._hrcr_severance_accounting()
            if not self.employee_id.work_contact_id:
                raise UserError(_(
                    "Employee %(employee)s has no work contact: the journal entry needs a partner.",
                    employee=self.employee_id.name))
        needs_region = rule is not None and rule.money != labour_law.MONEY_ZERO
        if needs_region and (self.local_average_wage <= 0 or self.local_minimum_wage <= 0):
            # report any other bad input first (dates, W, notice), then what to configure
            if self.hire_date and self.termination_date:
                try:
                    labour_law.compute_severance(
                        dataclasses.replace(self._hrcr_engine_input(), local_average_wage=1, local_minimum_wage=1),
                        self.company_id._hrcr_law_config())
                except labour_law.LabourLawError as exc:
                    raise UserError(self._hrcr_tr(exc.msg.text, exc.msg.params)) from None
            raise UserError(self.region_message or _(
                "Enter the local average wage and minimum wage, or configure them in Employees > Configuration > "
                "Contract Risk > Regional Parameters."))

    def _hrcr_severance_vals(self):
        self.ensure_one()
        vals = {name: self[name] for name in (
            "hire_date", "termination_date", "termination_ground", "notice_given", "no_fault_reason",
            "average_monthly_wage", "previous_month_wage", "leave_wage", "local_average_wage", "local_minimum_wage",
            "untaken_leave_days", "enterprise_average_wage", "pre2008_local_amount", "medical_subsidy_months",
            "wage_source", "wage_months", "wage_window_start", "wage_window_end", "region_fallback",
            "disability_grade", "disability_subsidy_months", "disability_subsidy_base", "carried_leave_days",
            "wage_months_worked",
        )}
        vals.update({
            "company_id": self.company_id.id,
            "employee_id": self.employee_id.id,
            "contract_id": self.contract_id.id,
            "department_id": (self.contract_id.department_id or self.employee_id.department_id).id,
            "region_id": self.region_id.id,
            "wage_override_reason": self.wage_override_reason if self.wage_changed else False,
        })
        return vals

    def _hrcr_create_severance(self):
        """Create the hr.severance once, even when two users confirm at the same moment:
        an advisory lock per employee fails fast, and a partial unique index on
        (employee, termination date) of live severances backs it in the database."""
        self.ensure_one()
        if self.severance_id:
            raise UserError(_("This computation was already confirmed as %(name)s.", name=self.severance_id.name))
        self._hrcr_check_inputs()
        self._hrcr_run_engine(strict=True)
        findings = self._hrcr_legal_findings()
        # a ground the checks find unlawful is kept only as an override (engine/override.py): HR manager, note
        blockers = [f for f in findings if f.severity == lc.BLOCK] if lc.termination_unlawful(findings) else []
        override = validated_override(self.env, blockers, self.override_note)
        self.env.cr.execute(SQL("SELECT pg_try_advisory_xact_lock(%s, %s)", _LOCK_NAMESPACE, self.employee_id.id))
        if not self.env.cr.fetchone()[0]:
            raise UserError(_(
                "A severance for %(employee)s is being confirmed by another user. Try again in a moment.",
                employee=self.employee_id.name))
        existing = self.env["hr.severance"].search([
            ("employee_id", "=", self.employee_id.id), ("termination_date", "=", self.termination_date),
            ("state", "!=", "cancelled"),
        ], limit=1)
        if existing:
            raise UserError(_(
                "Severance %(name)s already exists for %(employee)s ending on %(date)s: cancel it first to compute "
                "a new one.", name=existing.name, employee=self.employee_id.name, date=self.termination_date))
        try:
            with self.env.cr.savepoint():
                vals = self._hrcr_severance_vals()
                if override:
                    vals.update(override_vals(self.env, override))
                severance = self.env["hr.severance"].create(vals)
                severance.flush_recordset()
        except psycopg2.errors.UniqueViolation:
            raise UserError(_(
                "A severance for %(employee)s ending on %(date)s was just created by another user.",
                employee=self.employee_id.name, date=self.termination_date)) from None
        self.severance_id = severance
        if override:
            # HR chose the ground knowingly: keep what the checks said at that moment, with the legal note
            severance.message_post(body=render_findings(self.env, blockers, intro=_(
                "The legal checks found this termination unlawful when it was computed; the ground was kept by "
                "%(user)s. Legal note: %(note)s", user=self.env.user.name, note=override.note)))
        return severance

    def _hrcr_open(self, severance):
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.severance",
            "res_id": severance.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_confirm(self):
        """Create the hr.severance, confirm it (draft entry + statement) and open it."""
        severance = self._hrcr_create_severance()
        severance.action_confirm()
        return self._hrcr_open(severance)

    def action_save_draft(self):
        """Keep the computation as a draft severance, without accounting, to confirm later."""
        return self._hrcr_open(self._hrcr_create_severance())
