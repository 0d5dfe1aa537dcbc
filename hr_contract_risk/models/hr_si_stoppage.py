from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..engine import social_insurance as si
from .override import check_override_rights, note_error
from .rendering import render_findings, render_msg


def raise_input_error(env, err):
    raise UserError(render_msg(env, err.msg)) from err


class HrSiStoppage(models.Model):
    """The leaver checklist: social-insurance stoppage and the deadlines of LCL Art. 50."""

    _name = "hr.si.stoppage"
    _description = "Leaver checklist (social-insurance stoppage)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "departure_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    state = fields.Selection(
        [("open", "In progress"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
        context={"active_test": False},
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        index=True,
    )
    contract_id = fields.Many2one("hr.contract", check_company=True, ondelete="set null")
    department_id = fields.Many2one("hr.department", check_company=True)
    position = fields.Char(help="Position held at the departure, printed on the termination certificate (Reg. Art. 24).")
    hire_date = fields.Date(help="Start of the continuous employment at this company (用工之日).")
    contract_date_start = fields.Date(string="Contract start")
    contract_date_end = fields.Date(
        string="Agreed contract end",
        help="End date agreed in the contract, before the departure; empty for an open-ended contract.",
    )
    departure_date = fields.Date(required=True, tracking=True, index=True)
    departure_reason_id = fields.Many2one("hr.departure.reason", string="Odoo departure reason")
    termination_ground = fields.Selection(
        si.ground_selection(),
        tracking=True,
        help="The legal ground on which the contract ended (domain reference §1.5).",
    )
    stoppage_reason = fields.Selection(
        si.reason_selection(),
        required=True,
        tracking=True,
        help="Internal stoppage reason (停保原因) reported to the social-insurance agency; it must be true "
        "(domain reference §1.12).",
    )
    involuntary = fields.Selection(
        [("yes", "Yes"), ("no", "No"), ("na", "Not applicable")],
        string="Involuntary job loss",
        compute="_compute_assessment",
        store=True,
        help="非因本人意愿中断就业 under Order 13 Art. 13 (SIL Art. 45(2)).",
    )
    order13_article = fields.Char(string="Order 13 basis", compute="_compute_assessment", store=True)
    reason_unconfirmed = fields.Text(string="Unconfirmed point", compute="_compute_unconfirmed")
    city = fields.Char(required=True, tracking=True)
    mapping_id = fields.Many2one("hr.si.city.mapping", string="City code mapping", ondelete="set null")
    local_code = fields.Char(string="Local code", tracking=True)
    local_label = fields.Char(string="Local label")
    verify_with_bureau = fields.Boolean(string="Verify with the local bureau")
    ui_contribution_months = fields.Integer(
        string="Unemployment-insurance contribution months",
        help="Cumulative months of unemployment-insurance contributions (all employers) since the last benefit "
        "claim (SIL Art. 45-46).",
    )
    unclaimed_benefit_months = fields.Integer(
        string="Earlier unclaimed benefit months",
        help="Benefit months from an earlier unemployment period not yet drawn; added and capped at 24 (SIL Art. 46).",
    )
    last_contribution_month = fields.Date(help="Any day of the last month for which contributions are paid.")
    statutory_retirement_date = fields.Date(
        string="Statutory retirement date",
        help="A claimant less than one year from the statutory retirement age draws unemployment benefit until "
        "that age (State Council Measures on the gradual raise of the statutory retirement age, Art. 7).")
    benefit_eligible = fields.Boolean(
        string="Eligible for unemployment benefit",
        compute="_compute_assessment",
        store=True,
        help="At least 12 months of contributions and an involuntary job loss (SIL Art. 45). The employee must "
        "also register as unemployed and seek work.",
    )
    max_benefit_months = fields.Integer(
        string="Maximum benefit months",
        compute="_compute_assessment",
        store=True,
        help="12 / 18 / 24 months for 1-5 / 5-10 / 10+ years of contributions, plus earlier unclaimed months, "
        "at most 24 (SIL Art. 46); longer, until the statutory retirement date, when the benefit would end less "
        "than one year before it (State Council Measures on the gradual raise of the retirement age, Art. 7).",
    )
    report_days = fields.Integer(
        string="Agency report deadline (days)",
        default=si.DEFAULT_REPORT_DAYS,
        help="7 days (UIR Art. 16) or 15 days (SIL Art. 50); which prevails is unconfirmed (company setting).",
    )
    handover_date = fields.Date(help="Work handover completed: compensation is paid then (LCL Art. 50 ¶2).")
    item_ids = fields.One2many("hr.si.stoppage.item", "stoppage_id", string="Checklist")
    overdue = fields.Boolean(compute="_compute_overdue", store=True, index=True)
    next_due_date = fields.Date(compute="_compute_overdue", store=True, string="Next deadline")
    service_years = fields.Integer(compute="_compute_service", store=True)
    service_months = fields.Integer(compute="_compute_service", store=True)
    findings_html = fields.Html(string="Checks", compute="_compute_findings", sanitize=False)
    blocked = fields.Boolean(compute="_compute_findings")
    override_used = fields.Boolean(
        string="Guard rail overridden",
        tracking=True,
        copy=False,
        help="An HR manager accepted a stoppage reason that contradicts the termination ground.",
    )
    override_note = fields.Text(tracking=True, copy=False)
    override_user_id = fields.Many2one("res.users", string="Overridden by", tracking=True, copy=False, readonly=True)
    override_date = fields.Datetime(string="Overridden on", copy=False, readonly=True)

    @api.depends("employee_id.name", "departure_date")
    def _compute_name(self):
        for rec in self:
            rec.name = "%s (%s)" % (rec.employee_id.name or "", rec.departure_date or "")

    @api.depends("employee_id")
    def _compute_company_id(self):
        for rec in self:
            rec.company_id = rec.employee_id.company_id or rec.company_id or self.env.company

    @api.depends("stoppage_reason", "ui_contribution_months", "unclaimed_benefit_months", "departure_date",
                 "statutory_retirement_date")
    def _compute_assessment(self):
        for rec in self:
            if not rec.stoppage_reason:
                rec.update({"involuntary": False, "order13_article": False, "benefit_eligible": False,
                            "max_benefit_months": 0})
                continue
            reason = si.REASONS[rec.stoppage_reason]
            try:
                benefit = si.benefit(
                    rec.ui_contribution_months, rec.unclaimed_benefit_months, reason.involuntary,
                    start=rec.departure_date and rec.departure_date + timedelta(days=1),
                    retirement_date=rec.statutory_retirement_date or None)
            except si.InputError:
                benefit = si.Benefit(False, 0, 0, 0, False)  # refused by _check_months on save
            rec.involuntary = {True: "yes", False: "no", None: "na"}[reason.involuntary]
            rec.order13_article = reason.order13
            rec.benefit_eligible = benefit.eligible
            rec.max_benefit_months = benefit.months

    @api.depends("stoppage_reason")
    def _compute_unconfirmed(self):
        for rec in self:
            text = rec.stoppage_reason and si.REASONS[rec.stoppage_reason].unconfirmed
            rec.reason_unconfirmed = self.env._(text) if text else False

    @api.depends("item_ids.overdue", "item_ids.done_date", "item_ids.due_date")
    def _compute_overdue(self):
        for rec in self:
            pending = rec.item_ids.filtered(lambda i: not i.done_date)
            rec.overdue = any(rec.item_ids.mapped("overdue"))
            rec.next_due_date = min(pending.mapped("due_date")) if pending else False

    @api.depends("hire_date", "departure_date")
    def _compute_service(self):
        for rec in self:
            years = months = 0
            if rec.hire_date and rec.departure_date and rec.hire_date <= rec.departure_date:
                years, months, _days = si.service_length(rec.hire_date, rec.departure_date)
            rec.service_years, rec.service_months = years, months

    @api.depends("termination_ground", "stoppage_reason", "departure_reason_id", "departure_date",
                 "contract_date_end", "last_contribution_month")
    def _compute_findings(self):
        for rec in self:
            findings = rec._hrcr_findings()
            rec.findings_html = render_findings(self.env, findings)
            rec.blocked = si.is_blocked(findings)

    def _hrcr_findings(self):
        self.ensure_one()
        if not self.stoppage_reason:
            return []
        departure_reason = self.departure_reason_id._hrcr_get_stoppage_reason() if self.departure_reason_id else None
        findings = si.check_reason(
            self.termination_ground or None,
            self.stoppage_reason,
            departure_reason or None,
            self.contract_date_end,
            self.departure_date,
        )
        return findings + si.check_last_contribution(self.departure_date, self.last_contribution_month)

    # ------------------------------------------------------------------ constraints

    @api.constrains("ui_contribution_months", "unclaimed_benefit_months")
    def _check_months(self):
        for rec in self:
            try:
                si.benefit(rec.ui_contribution_months, rec.unclaimed_benefit_months, True)
            except si.InputError as err:
                raise ValidationError(render_msg(self.env, err.msg)) from err

    @api.constrains("hire_date", "departure_date")
    def _check_dates(self):
        for rec in self:
            try:
                si.validate_departure(rec.hire_date, rec.departure_date)
            except si.InputError as err:
                raise ValidationError(render_msg(self.env, err.msg)) from err

    @api.constrains("report_days")
    def _check_report_days(self):
        for rec in self:
            if rec.report_days not in si.REPORT_DAYS_CHOICES:
                raise ValidationError(_("The agency report deadline must be 7 or 15 days."))

    @api.constrains("stoppage_reason", "termination_ground", "override_used", "override_note")
    def _check_guard_rail(self):
        for rec in self:
            findings = rec._hrcr_findings()
            if not si.is_blocked(findings):
                continue
            # the override policy (engine.override): an HR manager's note of at least MIN_NOTE_CHARS characters
            problem = note_error(self.env, rec.override_note) if rec.override_used else ""
            if problem is not None:
                raise ValidationError("\n".join(
                    [render_msg(self.env, f.msg) for f in findings if f.severity == si.BLOCK] + [problem or ""]
                ).strip())

    @api.constrains("employee_id", "departure_date", "state")
    def _check_one_per_departure(self):
        for rec in self.filtered(lambda r: r.state != "cancelled"):
            if self.search_count(
                [
                    ("employee_id", "=", rec.employee_id.id),
                    ("departure_date", "=", rec.departure_date),
                    ("state", "!=", "cancelled"),
                    ("id", "!=", rec.id),
                ]
            ):
                raise ValidationError(
                    _(
                        "%(employee)s already has a leaver checklist for the departure of %(date)s.",
                        employee=rec.employee_id.name,
                        date=rec.departure_date,
                    )
                )

    # ------------------------------------------------------------------ CRUD

    def _hrcr_check_override_rights(self, vals_list):
        """The override policy's rights (models/override.py): an HR manager, whatever the env or context."""
        if any(vals.get("override_used") or vals.get("override_note") for vals in vals_list):
            check_override_rights(self.env)

    @staticmethod
    def _hrcr_stamp_override(vals, env):
        if vals.get("override_used"):
            vals.setdefault("override_user_id", env.user.id)
            vals.setdefault("override_date", fields.Datetime.now())

    @api.model_create_multi
    def create(self, vals_list):
        self._hrcr_check_override_rights(vals_list)
        for vals in vals_list:
            self._hrcr_stamp_override(vals, self.env)
        records = super().create(vals_list)
        records.filtered(lambda r: not r.item_ids)._hrcr_create_checklist()
        records._hrcr_sync_paid_severance()
        return records

    # LCL Art. 50 ¶3: the retention of a leaver record runs from these dates; once the checklist is closed
    # they cannot move (back-dating them would open the record to deletion).
    _HRCR_RETENTION_FIELDS = frozenset({"hire_date", "departure_date", "employee_id", "company_id"})

    def write(self, vals):
        if "state" in vals and not self.env.su:
            raise UserError(_("A leaver checklist is closed, cancelled or reopened only through its buttons."))
        if self._HRCR_RETENTION_FIELDS & set(vals) and self.filtered(lambda r: r.state != "open"):
            raise UserError(_(
                "The leaver checklist is closed: its hire and departure dates are kept as they were for the "
                "retention of the record (LCL Art. 50 ¶3)."))
        self._hrcr_check_override_rights([vals])
        self._hrcr_stamp_override(vals, self.env)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_retention(self):
        """LCL Art. 50 ¶3: the leaver record goes with the terminated contract, kept at least 2 years."""
        today = fields.Date.context_today(self)
        for rec in self:
            if not si.may_delete(rec.departure_date, today):
                raise UserError(
                    _(
                        "The leaver checklist %(name)s must be kept until %(until)s: terminated contracts and "
                        "their records are kept for at least 2 years after the end date (LCL Art. 50 ¶3).",
                        name=rec.display_name,
                        until=si.retention_end(rec.departure_date),
                    )
                )

    # ------------------------------------------------------------------ checklist

    def _hrcr_compensation_due(self):
        self.ensure_one()
        return si.compensation_due(self.stoppage_reason, self.termination_ground or None)

    def _hrcr_create_checklist(self):
        """One checklist item and one activity per deadline (LCL Art. 50, UIR Art. 16, SIL Art. 50)."""
        item_vals = []
        for rec in self:
            try:
                items = si.deadlines(
                    rec.departure_date, rec.report_days, rec.handover_date, rec._hrcr_compensation_due()
                )
            except si.InputError as err:
                raise_input_error(self.env, err)
            item_vals += [
                {"stoppage_id": rec.id, "kind": d.key, "due_date": d.due, "article": d.article, "sequence": seq}
                for seq, d in enumerate(items)
            ]
        items = self.env["hr.si.stoppage.item"].create(item_vals)
        items._hrcr_schedule_activities()
        return items

    # ------------------------------------------------------------------ actions

    def action_cancel(self):
        for rec in self:
            rec.item_ids.activity_id.unlink()
        self.check_access("write")
        self.sudo().write({"state": "cancelled"})  # sudo: the workflow field, after the access check

    def action_reopen(self):
        self.check_access("write")
        self.sudo().write({"state": "open"})  # sudo: the workflow field, after the access check
        self.item_ids.filtered(lambda i: not i.done_date and not i.activity_id)._hrcr_schedule_activities()

    def action_print_certificate(self):
        return self.env.ref("hr_contract_risk.action_report_termination_certificate").report_action(self)

    def _hrcr_mark_items_done(self, kinds):
        """Mark the checklist items of these kinds done (demo data; integrations, e.g. a paid severance)."""
        self.item_ids.filtered(lambda i: i.kind in kinds).action_mark_done()
        return True

    def _hrcr_sync_paid_severance(self):
        """A checklist opened after the severance was paid starts with its compensation item done
        (LCL Art. 50 ¶2); hr.severance.action_mark_paid covers the other order."""
        if not self:
            return
        severances = self.env["hr.severance"].search(expression.AND([
            [("state", "=", "paid")],
            expression.OR([
                [("employee_id", "=", rec.employee_id.id), ("termination_date", "=", rec.departure_date)]
                for rec in self
            ]),
        ]))
        paid = {(sev.employee_id.id, sev.termination_date) for sev in severances}
        self.filtered(lambda r: (r.employee_id.id, r.departure_date) in paid)._hrcr_mark_items_done(["severance"])

    def _hrcr_update_state(self):
        for rec in self.filtered(lambda r: r.state == "open"):
            if rec.item_ids and all(rec.item_ids.mapped("done_date")):
                rec.sudo().state = "done"  # sudo: checked transition (every item done)

    # ------------------------------------------------------------------ certificate helpers

    def _hrcr_certificate_values(self):
        """Facts of the termination certificate (LCL Art. 50 ¶1, Reg. Art. 24); nothing evaluative."""
        self.ensure_one()
        employee = self.employee_id
        return {
            "employee_name": employee.legal_name or employee.name,
            "identification": employee.identification_id or "",
            "position": self.position or "",
            "contract_date_start": self.contract_date_start,
            "contract_date_end": self.contract_date_end,
            "open_ended": bool(self.contract_date_start and not self.contract_date_end),
            "end_date": self.departure_date,
            "ending": si.REASONS[self.stoppage_reason].ending,
            "service_years": self.service_years,
            "service_months": self.service_months,
            "involuntary": self.involuntary == "yes",
            "company": self.company_id,
            "issue_date": fields.Date.context_today(self),
        }
