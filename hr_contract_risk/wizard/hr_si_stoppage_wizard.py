from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..engine import social_insurance as si
from ..models.hr_si_stoppage import raise_input_error
from ..models.override import may_override, validated_override
from ..models.rendering import render_findings, render_msg


class HrSiStoppageWizard(models.TransientModel):
    """Stop social insurance with a true reason and open the leaver checklist.

    Opened by the departure wizard (prefilled), from the employee's Action menu, and from a
    confirmed severance (``hr.severance.action_open_si_stoppage``) with ``default_employee_id``,
    ``default_departure_date`` and ``default_termination_ground`` (labour_law's ground keys).
    """

    _name = "hr.si.stoppage.wizard"
    _description = "Social-insurance stoppage"

    employee_id = fields.Many2one("hr.employee", required=True, context={"active_test": False})
    company_id = fields.Many2one(related="employee_id.company_id")
    contract_id = fields.Many2one(
        "hr.contract",
        compute="_compute_contract_id",
        store=True,
        readonly=False,
        domain="[('employee_id', '=', employee_id)]",
    )
    hire_date = fields.Date(compute="_compute_hire_date", store=True, readonly=False)
    planned_end_date = fields.Date(
        string="Agreed contract end",
        compute="_compute_planned_end_date",
        store=True,
        readonly=False,
        help="End date agreed in the contract before the departure (empty: open-ended).",
    )
    departure_date = fields.Date(required=True, default=fields.Date.context_today)
    departure_reason_id = fields.Many2one("hr.departure.reason", string="Odoo departure reason")
    termination_ground = fields.Selection(
        si.ground_selection(),
        compute="_compute_termination_ground",
        store=True,
        readonly=False,
        help="The legal ground on which the contract ended (domain reference §1.5). The stoppage reason follows "
        "from it.",
    )
    stoppage_reason = fields.Selection(
        si.reason_selection(),
        compute="_compute_stoppage_reason",
        store=True,
        readonly=False,
        help="Internal stoppage reason (停保原因) reported to the social-insurance agency; it must be true "
        "(domain reference §1.12).",
    )
    city = fields.Char(
        compute="_compute_city",
        store=True,
        readonly=False,
        help="City of the social-insurance agency: the work location's city, else the work address's, else the "
        "company's.",
    )
    ui_contribution_months = fields.Integer(
        string="Unemployment-insurance contribution months",
        compute="_compute_ui_contribution_months",
        store=True,
        readonly=False,
        help="Cumulative months of unemployment-insurance contributions (all employers) since the last benefit "
        "claim (SIL Art. 45-46). Prefilled with the whole months of service here; add the months contributed "
        "with earlier employers.",
    )
    unclaimed_benefit_months = fields.Integer(
        string="Earlier unclaimed benefit months",
        help="Benefit months from an earlier unemployment period not yet drawn (SIL Art. 46).",
    )
    last_contribution_month = fields.Date(help="Any day of the last month for which contributions are paid.")
    statutory_retirement_date = fields.Date(
        string="Statutory retirement date", compute="_compute_statutory_retirement_date", store=True,
        readonly=False,
        help="Prefilled from the employee. A claimant less than one year from the statutory retirement age draws "
        "unemployment benefit until that age (State Council Measures on the gradual raise of the statutory "
        "retirement age, Art. 7).")
    handover_date = fields.Date(help="Work handover completed: compensation is paid then (LCL Art. 50 ¶2).")
    report_days = fields.Integer(compute="_compute_report_days", string="Agency report deadline (days)")

    involuntary = fields.Selection(
        [("yes", "Yes"), ("no", "No"), ("na", "Not applicable")],
        string="Involuntary job loss",
        compute="_compute_results",
    )
    order13_article = fields.Char(string="Order 13 basis", compute="_compute_results")
    benefit_eligible = fields.Boolean(string="Eligible for unemployment benefit", compute="_compute_results")
    max_benefit_months = fields.Integer(string="Maximum benefit months", compute="_compute_results")
    benefit_explanation = fields.Text(compute="_compute_results")
    mapping_id = fields.Many2one("hr.si.city.mapping", compute="_compute_results")
    local_code = fields.Char(compute="_compute_results")
    local_label = fields.Char(compute="_compute_results")
    verify_with_bureau = fields.Boolean(compute="_compute_results")
    certificate_due = fields.Date(string="Termination certificate", compute="_compute_results")
    si_report_due = fields.Date(string="Report to the agency", compute="_compute_results")
    transfer_due = fields.Date(string="File and social-insurance transfer", compute="_compute_results")
    severance_due = fields.Date(string="Compensation at handover", compute="_compute_results")
    findings_html = fields.Html(string="Checks", compute="_compute_results", sanitize=False)
    blocked = fields.Boolean(compute="_compute_results")
    input_error = fields.Char(compute="_compute_results")
    is_hr_manager = fields.Boolean(compute="_compute_is_hr_manager")
    override = fields.Boolean(
        string="Override the guard rail",
        help="HR managers only: accept a stoppage reason that contradicts the termination ground. The note is "
        "kept in the checklist's history.",
    )
    override_note = fields.Text()

    @api.model
    def _hrcr_action_open(self, defaults):
        """Window action opening this wizard with ``defaults`` (``default_*`` keys) as context.

        The one way in for the departure wizard and the confirmed severance."""
        return {
            "type": "ir.actions.act_window",
            "name": _("Social-Insurance Stoppage"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": defaults,
        }

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        ctx = self.env.context
        if not values.get("employee_id") and ctx.get("active_model") == "hr.employee" and ctx.get("active_id"):
            values["employee_id"] = ctx["active_id"]
        return values

    @api.depends("employee_id")
    def _compute_contract_id(self):
        for wizard in self:
            # sudo: HR officers without the Contracts right still handle the leaver's social insurance; only
            # the contract's dates and position are read (they are printed on the certificate anyway)
            employee = wizard.employee_id.sudo()
            contracts = employee.contract_ids.filtered(lambda c: c.state != "cancel")
            wizard.contract_id = employee.contract_id or contracts.sorted("date_start", reverse=True)[:1]

    @api.depends("employee_id", "contract_id")
    def _compute_hire_date(self):
        for wizard in self:
            # sudo: see _compute_contract_id
            wizard.hire_date = wizard.employee_id.sudo().first_contract_date or wizard.contract_id.sudo().date_start

    @api.depends("contract_id")
    def _compute_planned_end_date(self):
        for wizard in self:
            # the departure wizard passes the agreed end read before hr_contract overwrote it
            if "default_planned_end_date" in self.env.context:
                wizard.planned_end_date = self.env.context["default_planned_end_date"] or False
            else:
                wizard.planned_end_date = wizard.contract_id.sudo().date_end  # sudo: see _compute_contract_id

    @api.depends("hire_date", "departure_date")
    def _compute_ui_contribution_months(self):
        for wizard in self:
            months = 0
            if wizard.hire_date and wizard.departure_date and wizard.hire_date <= wizard.departure_date:
                years, rest, _days = si.service_length(wizard.hire_date, wizard.departure_date)
                months = years * 12 + rest
            wizard.ui_contribution_months = months

    @api.depends("departure_reason_id")
    def _compute_termination_ground(self):
        for wizard in self:
            if wizard.termination_ground:
                wizard.termination_ground = wizard.termination_ground
                continue
            reason = wizard.departure_reason_id and wizard.departure_reason_id._hrcr_get_stoppage_reason()
            wizard.termination_ground = si.REASON_TO_GROUND.get(reason) if reason else False

    @api.depends("termination_ground", "departure_reason_id")
    def _compute_stoppage_reason(self):
        for wizard in self:
            departure = wizard.departure_reason_id and wizard.departure_reason_id._hrcr_get_stoppage_reason()
            reason, _source = si.derive_reason(wizard.termination_ground or None, departure or None)
            wizard.stoppage_reason = reason or wizard.stoppage_reason

    @api.depends("employee_id")
    def _compute_city(self):
        for wizard in self:
            employee = wizard.employee_id
            wizard.city = (
                employee.work_location_id.address_id.city or employee.address_id.city or employee.company_id.city
            )

    @api.depends("employee_id")
    def _compute_report_days(self):
        for wizard in self:
            company = wizard.employee_id.company_id or self.env.company
            wizard.report_days = int(company.hrcr_si_report_days or si.DEFAULT_REPORT_DAYS)

    @api.depends("employee_id")
    def _compute_statutory_retirement_date(self):
        for wizard in self:
            # sudo: the field is for HR officers, who run this wizard; only the date is read
            wizard.statutory_retirement_date = wizard.employee_id.sudo().statutory_retirement_date

    def _compute_is_hr_manager(self):
        self.is_hr_manager = may_override(self.env)

    def _hrcr_departure_reason_key(self):
        return (self.departure_reason_id and self.departure_reason_id._hrcr_get_stoppage_reason()) or None

    def _hrcr_assess(self):
        self.ensure_one()
        return si.assess(
            self.stoppage_reason,
            self.departure_date,
            contribution_months=self.ui_contribution_months,
            unclaimed_months=self.unclaimed_benefit_months,
            ground=self.termination_ground or None,
            departure_reason=self._hrcr_departure_reason_key(),
            planned_end_date=self.planned_end_date,
            last_contribution_month=self.last_contribution_month,
            report_days=self.report_days,
            handover_date=self.handover_date,
            hire_date=self.hire_date,
            retirement_date=self.statutory_retirement_date or None,
        )

    @api.depends(
        "stoppage_reason", "termination_ground", "departure_date", "departure_reason_id", "city",
        "ui_contribution_months", "unclaimed_benefit_months", "last_contribution_month", "handover_date",
        "hire_date", "planned_end_date", "report_days", "statutory_retirement_date",
    )
    def _compute_results(self):
        for wizard in self:
            values = dict.fromkeys(
                ["involuntary", "order13_article", "benefit_explanation", "local_code", "local_label",
                 "certificate_due", "si_report_due", "transfer_due", "severance_due", "input_error"],
                False,
            )
            values.update(benefit_eligible=False, max_benefit_months=0, blocked=False, findings_html=False,
                          verify_with_bureau=False, mapping_id=False)
            if wizard.stoppage_reason and wizard.departure_date:
                try:
                    result = wizard._hrcr_assess()
                except si.InputError as err:
                    values["input_error"] = render_msg(self.env, err.msg)
                else:
                    mapping = self.env["hr.si.city.mapping"]._hrcr_find(
                        wizard.employee_id.company_id or self.env.company, wizard.city, wizard.stoppage_reason
                    )
                    due = {d.key: d.due for d in result.deadlines}
                    values.update(
                        involuntary={True: "yes", False: "no", None: "na"}[result.involuntary],
                        order13_article=result.reason.order13,
                        benefit_eligible=result.benefit.eligible,
                        max_benefit_months=result.benefit.months,
                        benefit_explanation="\n".join(
                            render_msg(self.env, m) for m in [*result.benefit.reasons, *result.benefit.notes]),
                        findings_html=render_findings(self.env, result.findings),
                        blocked=result.blocked,
                        mapping_id=mapping.id,
                        local_code=mapping.local_code,
                        local_label=mapping.local_label,
                        verify_with_bureau=mapping.verify_with_bureau,
                        certificate_due=due.get("certificate"),
                        si_report_due=due.get("si_report"),
                        transfer_due=due.get("transfer"),
                        severance_due=due.get("severance", False),
                    )
            wizard.update(values)

    def _hrcr_position(self):
        # sudo: see _compute_contract_id
        return self.contract_id.sudo().job_id.name or self.employee_id.job_title or self.employee_id.job_id.name or ""

    def action_confirm(self):
        """Validate everything first, then create the leaver checklist: nothing is written on bad input."""
        self.ensure_one()
        if not self.stoppage_reason:
            raise UserError(_("Choose the stoppage reason (or the termination ground it follows from)."))
        try:
            result = self._hrcr_assess()
        except si.InputError as err:
            raise_input_error(self.env, err)
        if not (self.city or "").strip():
            raise UserError(
                _("Set the city of the social-insurance agency: the employee has no work location, work address "
                  "or company city.")
            )
        company = self.employee_id.company_id or self.env.company
        mapping = self.env["hr.si.city.mapping"]._hrcr_find(company, self.city, self.stoppage_reason)
        if not mapping:
            labels = dict(self._fields["stoppage_reason"]._description_selection(self.env))
            raise UserError(
                _(
                    "No local stoppage code is configured for \u201c%(reason)s\u201d in %(city)s. Add it under "
                    "Employees \u25b8 Configuration \u25b8 Contract Risk \u25b8 Stoppage codes by city.",
                    reason=labels[self.stoppage_reason],
                    city=self.city,
                )
            )
        override = None
        if result.blocked:
            if not self.override:
                raise UserError(
                    "\n".join(render_msg(self.env, f.msg) for f in result.findings if f.severity == si.BLOCK)
                )
            # the one override policy: an HR manager, a legal note (models/override.py, engine/override.py)
            override = validated_override(self.env, result.findings, self.override_note)
        stoppage = self.env["hr.si.stoppage"].create(
            {
                "employee_id": self.employee_id.id,
                "company_id": company.id,
                "contract_id": self.contract_id.id,
                "department_id": self.employee_id.department_id.id,
                "position": self._hrcr_position(),
                "hire_date": self.hire_date,
                "contract_date_start": self.contract_id.sudo().date_start,  # sudo: see _compute_contract_id
                "contract_date_end": self.planned_end_date,
                "departure_date": self.departure_date,
                "departure_reason_id": self.departure_reason_id.id,
                "termination_ground": self.termination_ground,
                "stoppage_reason": self.stoppage_reason,
                "city": self.city.strip(),
                "mapping_id": mapping.id,
                "local_code": mapping.local_code,
                "local_label": mapping.local_label,
                "verify_with_bureau": mapping.verify_with_bureau,
                "ui_contribution_months": self.ui_contribution_months,
                "unclaimed_benefit_months": self.unclaimed_benefit_months,
                "statutory_retirement_date": self.statutory_retirement_date,
                "last_contribution_month": self.last_contribution_month,
                "report_days": self.report_days,
                "handover_date": self.handover_date,
                "override_used": bool(override),
                "override_note": override.note if override else False,
            }
        )
        if override:
            stoppage.message_post(
                body=_(
                    "Guard rail overridden by %(user)s (%(articles)s): %(note)s",
                    user=self.env.user.name,
                    articles=", ".join(override.articles),
                    note=override.note,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": _("Leaver checklist"),
            "res_model": "hr.si.stoppage",
            "res_id": stoppage.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
