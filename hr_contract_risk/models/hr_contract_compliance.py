"""Contract compliance: the contract's written form (LCL 10, 82; Reg 6, 7) and probation (LCL 19, 20, 83).

The rules live in ``engine/contract_compliance.py``."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import contract_compliance as cc
from .override import may_override, note_error
from .rendering import render_msg, render_template

HR = "hr.group_hr_user"


def _term_kind(contract):
    """LCL 12: fixed term, open-ended, or until a task is completed."""
    if contract.hrcr_task_based:
        return cc.TASK
    return cc.FIXED if contract.date_end else cc.OPEN_ENDED


class HrContract(models.Model):
    _inherit = "hr.contract"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_signing_date = fields.Date(
        string="Signing Date", groups=HR, tracking=True, copy=False,
        help="Date the written contract was signed by both parties. Empty = unsigned: double wages run from "
        "month 2 after hire (LCL 10, 82; Reg 6).",
    )
    hrcr_task_based = fields.Boolean(
        string="Task-Based Contract", groups=HR, tracking=True,
        help="以完成一定工作任务为期限的劳动合同 (LCL 12, 15): the contract ends when the task is completed; "
        "no probation may be agreed (LCL 19 para. 3).",
    )
    hrcr_task_description = fields.Text(
        string="Task", groups=HR,
        help="The task whose completion ends the contract (LCL 15), printed in the labour contract (LCL 17(3)).",
    )
    hrcr_signed_attachment_ids = fields.Many2many(
        "ir.attachment", "hrcr_contract_signed_attachment_rel", "contract_id", "attachment_id",
        string="Signed Copy", groups=HR, copy=False,
    )
    hrcr_is_signed = fields.Boolean(
        string="Signed", compute="_compute_hrcr_is_signed", store=True, groups=HR,
    )
    hrcr_probation_wage = fields.Monetary(
        string="Probation Wage", groups=HR, tracking=True,
        help="Monthly wage during probation; at least 80 % of the contract wage and the local minimum wage (LCL 20). "
        "Empty = the contract wage.",
    )
    hrcr_probation_override_note = fields.Text(
        string="Probation Override Note", groups="hr.group_hr_manager", tracking=True, copy=False,
        help="An HR manager's reason to confirm a contract whose probation breaks LCL 19/20.",
    )
    hrcr_probation_exposure = fields.Monetary(
        string="Excess Probation Exposure", compute="_compute_hrcr_probation_exposure", groups=HR,
        help="LCL 83: the contract wage for each month of probation served beyond the lawful maximum.",
    )

    @api.depends("hrcr_signing_date")
    def _compute_hrcr_is_signed(self):
        for contract in self:
            contract.hrcr_is_signed = bool(contract.hrcr_signing_date)

    def _hrcr_probation_input(self, previous=0):
        self.ensure_one()
        return cc.ProbationInput(
            term_kind=_term_kind(self), start=self.date_start, end=self.date_end or None,
            probation_end=self.trial_date_end or None, contract_wage=self.wage,
            probation_wage=self.hrcr_probation_wage or None, previous_probations=previous,
        )

    @api.depends("trial_date_end", "date_start", "date_end", "wage")
    def _compute_hrcr_probation_exposure(self):
        today = fields.Date.context_today(self)
        for contract in self:
            amount = 0.0
            if contract.trial_date_end and contract.date_start and contract.trial_date_end >= contract.date_start:
                _months, value = cc.excess_probation_exposure(contract._hrcr_probation_input(), today)
                amount = float(value)
            contract.hrcr_probation_exposure = amount

    @api.constrains("hrcr_signing_date", "date_start", "trial_date_end", "date_end")
    def _check_hrcr_compliance_dates(self):
        for contract in self:
            try:
                cc.check_signing_date(contract.date_start, contract.hrcr_signing_date)
                if contract.trial_date_end:
                    cc.check_probation(contract._hrcr_probation_input())
            except cc.InputError as err:
                raise ValidationError(err.msg.render(self.env._)) from None

    def _hrcr_previous_probations(self):
        """{contract id: number of other contracts of the same employee with a probation} (LCL 19 ¶2)."""
        groups = self.env["hr.contract"].sudo()._read_group(
            [("employee_id", "in", self.employee_id.ids), ("trial_date_end", "!=", False),
             ("state", "!=", "cancel")],
            ["employee_id"], ["id:array_agg"],
        )
        by_employee = {employee.id: set(ids) for employee, ids in groups}
        return {c.id: len(by_employee.get(c.employee_id.id, set()) - {c.id}) for c in self}

    def _hrcr_probation_findings(self):
        previous = self._hrcr_previous_probations()
        result = {}
        for contract in self:
            if not contract.trial_date_end:
                continue
            findings = cc.check_probation(contract._hrcr_probation_input(previous[contract.id]))
            if findings:
                result[contract] = findings
        return result

    def _hrcr_close_unsigned_alerts(self):
        """A signed contract closes the employee's open unsigned-contract to-dos (LCL 10)."""
        employees = self.filtered("hrcr_signing_date").employee_id
        if not employees:
            return
        alerts = self.env["hr.contract.unsigned.alert"].sudo().search(
            [("employee_id", "in", employees.ids), ("kind", "!=", "probation"), ("activity_id", "!=", False)])
        alerts.activity_id.action_feedback(feedback=self.env._("Written contract signed."))

    @api.model_create_multi
    def create(self, vals_list):
        contracts = super().create(vals_list)
        # a contract created already running is confirmed by its creation: the same probation check as
        # "set running" (LCL 19, 20), with nothing written when it is blocked (the create is rolled back)
        running = contracts.filtered(lambda c: c.state == "open" and c.sudo().trial_date_end)
        if running:
            running._hrcr_check_probation_on_confirm({}, created=True)
        contracts._hrcr_close_unsigned_alerts()
        return contracts

    def write(self, vals):
        if vals.get("state") == "open":
            self._hrcr_check_probation_on_confirm(vals)
        result = super().write(vals)
        if vals.get("hrcr_signing_date"):
            self._hrcr_close_unsigned_alerts()
        return result

    def _hrcr_check_probation_on_confirm(self, vals, created=False):
        to_check = self if created else self.filtered(lambda c: c.state != "open")
        if not to_check:
            return
        findings = to_check.sudo()._hrcr_probation_findings()
        is_manager = may_override(self.env)
        blocked = []
        for contract, items in findings.items():
            text = "\n".join(render_msg(self.env, f.msg) for f in items)
            note = vals.get("hrcr_probation_override_note") or contract.sudo().hrcr_probation_override_note
            # the one override policy (engine/override.py): an HR manager and a legal note
            problem = note_error(self.env, note) if is_manager and note else None
            if contract.company_id.hrcr_probation_policy == "block" and not (is_manager and note and not problem):
                blocked.append("\n".join(filter(None, [f"{contract.display_name}:", text, problem])))
                continue
            contract.sudo().message_post(body=render_template(self.env, "hr_contract_risk.chatter_check_note", {
                "title": self.env._("Probation check (LCL 19, 20)") if not note else
                self.env._("Probation check overridden by %(user)s: %(note)s", user=self.env.user.name, note=note),
                "lines": [render_msg(self.env, f.msg) for f in items]}))
        if blocked:
            raise UserError(self.env._(
                "The contract cannot be set running; an HR manager may confirm it with a probation override "
                "note.\n%(details)s", details="\n".join(blocked)))


class HrContractUnsignedAlert(models.Model):
    """Memory of the daily unsigned-contract run: one row per employee x stage (unique)."""

    _name = "hr.contract.unsigned.alert"
    _description = "Unsigned Contract Alert"
    _order = "fired_on desc, id desc"
    _rec_name = "employee_id"

    employee_id = fields.Many2one("hr.employee", required=True, ondelete="cascade", index=True, readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    stage_days = fields.Integer(string="Day After Hire", readonly=True)
    kind = fields.Selection([("stage", "Stage alert"), ("escalation", "Escalation"),
                             ("probation", "Probation ending")],
                            required=True, default="stage", readonly=True)
    contract_id = fields.Many2one("hr.contract", ondelete="cascade", index=True, readonly=True)
    reference_date = fields.Date(
        readonly=True, help="Hire date for unsigned-contract alerts, probation end date for probation alerts: "
        "a new probation end date fires again.")
    covered = fields.Boolean(readonly=True, help="Due at the same time as a later stage, which fired instead.")
    fired_on = fields.Date(required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Alerted User", readonly=True)
    activity_id = fields.Many2one("mail.activity", string="To-Do", ondelete="set null", readonly=True)

    _sql_constraints = [
        ("employee_stage_unique", "unique(employee_id, kind, stage_days, reference_date)",
         "An unsigned-contract alert stage fires only once per employee."),
    ]
