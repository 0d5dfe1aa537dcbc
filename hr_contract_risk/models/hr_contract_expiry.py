"""Contract expiry alerts: the contract's alert state, the overdue flag and core's daily hook."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..engine import expiry


class HrContract(models.Model):
    _inherit = "hr.contract"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    expiry_alert_ids = fields.One2many(
        "hr.contract.expiry.alert", "contract_id", string="Expiry Alerts", groups="hr.group_hr_user",
    )
    expiry_alert_count = fields.Integer(
        compute="_compute_expiry_alert_count", groups="hr.group_hr_user",
    )
    expiry_stage_days = fields.Integer(
        aggregator=None,
        string="Expiry Stage Fired",
        compute="_compute_expiry_state", store=True, groups="hr.group_hr_user",
        help="Smallest alert stage (days before the end date) fired for the current end date; "
        "0 when none has fired yet.",
    )
    expiry_escalated = fields.Boolean(
        compute="_compute_expiry_state", store=True, groups="hr.group_hr_user",
        help="The contract expired while running with no renewal decision recorded and no new "
        "contract, and the HR manager was alerted (risk of double wages, LCL Art. 82).",
    )
    renewal_decision_date = fields.Date(
        string="Renewal Decision Recorded On", tracking=True, copy=False, groups="hr.group_hr_user",
        help="Date on which the renewal decision for this contract's end date was recorded "
        "(renew, renew open-ended under LCL Art. 14, or not renew under Art. 44(1)). "
        "An expired contract with a recorded decision is not escalated.",
    )
    expiry_has_successor = fields.Boolean(
        string="Has a Later Contract",
        compute="_compute_expiry_has_successor", store=True, groups="hr.group_hr_user",
        help="The employee has a later contract (any status but cancelled).",
    )
    expiry_days_left = fields.Integer(
        string="Days to End", compute="_compute_expiry_overdue", groups="hr.group_hr_user",
    )
    expiry_overdue = fields.Boolean(
        string="Expired Without Decision",
        compute="_compute_expiry_overdue", search="_search_expiry_overdue", groups="hr.group_hr_user",
        help="The end date has passed, the contract is running or expired, no renewal decision is "
        "recorded, no later contract exists and the employee is still active: the employee may be "
        "working without a written contract (LCL Art. 82 double wages after one month, Art. 14 "
        "deemed open-ended after one year). Expiries more than a year old are not flagged.",
    )

    @api.depends("date_end", "expiry_alert_ids.end_date", "expiry_alert_ids.stage_days", "expiry_alert_ids.kind")
    def _compute_expiry_state(self):
        for contract in self:
            current = contract.expiry_alert_ids.filtered(
                lambda a, end=contract.date_end: end and a.end_date == end
            )
            stages = [a.stage_days for a in current if a.kind == "stage"]
            contract.expiry_stage_days = min(stages) if stages else 0
            contract.expiry_escalated = any(a.kind == "escalation" for a in current)

    @api.depends(
        "employee_id", "date_start",
        "employee_id.contract_ids.date_start", "employee_id.contract_ids.state",
        "employee_id.contract_ids.active",
    )
    def _compute_expiry_has_successor(self):
        employees = self.employee_id
        latest = {}
        if employees.ids:
            # sudo: the flag must see all the employee's contracts whatever the current
            # user's record rules; it only stores a Boolean on the contract
            latest = dict(self.env["hr.contract"].sudo()._read_group(
                [("employee_id", "in", employees.ids), ("state", "!=", "cancel")],
                ["employee_id"], ["date_start:max"],
            ))
        for contract in self:
            last_start = latest.get(contract.employee_id)
            contract.expiry_has_successor = bool(
                contract.date_start and last_start and last_start > contract.date_start
            )

    def _compute_expiry_alert_count(self):
        counts = dict(self.env["hr.contract.expiry.alert"]._read_group(
            [("contract_id", "in", self.ids)], ["contract_id"], ["__count"],
        ))
        for contract in self:
            contract.expiry_alert_count = counts.get(contract, 0)

    @api.depends_context("tz")
    @api.depends("date_end", "state", "renewal_decision_date", "expiry_has_successor", "employee_id.active")
    def _compute_expiry_overdue(self):
        today = fields.Date.context_today(self)
        for contract in self:
            contract.expiry_days_left = expiry.days_left(today, contract.date_end) if contract.date_end else 0
            contract.expiry_overdue = expiry.needs_escalation(
                today, contract.date_end,
                running_or_closed=contract.state in ("open", "close"),
                decision_recorded=bool(contract.renewal_decision_date),
                has_successor=contract.expiry_has_successor,
                employee_active=bool(contract.employee_id.active),
                already_escalated=False,
            )

    def _search_expiry_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("The filter \"Expired Without Decision\" only supports = and != with True or False."))
        domain = expression.normalize_domain(self._hrcr_overdue_domain(fields.Date.context_today(self)))
        return domain if (operator == "=") == value else ["!", *domain]

    # ------------------------------------------------------------------ actions
    def action_open_expiry_alerts(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("hr_contract_risk.action_hr_contract_expiry_alert")
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------ business methods
    @api.model
    def update_state(self):
        """Core's daily state update, with the expiry alerts first (``hr.contract.expiry.alert``).

        Core puts running contracts within the company's single notice period in 'blocked'
        (to renew) with one to-do, skipping contracts already blocked. The alert run blocks
        every contract it alerts, so core's search skips them and never creates a second
        to-do for the same expiry. Core then closes expired contracts as before. This is the
        only trigger of the alert run: it has no scheduled action of its own.
        """
        self.env["hr.contract.expiry.alert"]._hrcr_run_expiry_alerts()
        return super().update_state()

    @api.model
    def _hrcr_overdue_domain(self, today):
        """Contracts expired without decision: the SQL twin of ``expiry.needs_escalation``."""
        oldest = today - timedelta(days=expiry.MAX_ESCALATION_OVERDUE_DAYS)
        return [
            ("date_end", "!=", False),
            ("date_end", "<", fields.Date.to_string(today)),
            ("date_end", ">=", fields.Date.to_string(oldest)),
            ("state", "in", ("open", "close")),
            ("renewal_decision_date", "=", False),
            ("expiry_has_successor", "=", False),
            ("employee_id.active", "=", True),
        ]

    def _hrcr_on_expiry_stages_fired(self, fired):
        """Extension point, called once per batch of the alert run after stage alerts are created.

        ``fired`` is a list of ``{'contract_id': int, 'stage_days': int, 'end_date': date}``,
        one per alert created in the batch. Overrides (e.g. the renewal review) call super and
        must stay batched (no query per contract).
        """
        return True

    def _hrcr_mark_to_renew(self):
        """kanban_state = 'blocked' ("to renew"), as core's update_state does.

        Low-level write: hr.contract.write would re-run the overlap constraint (one
        search per contract) and tracking for a value that changes neither; the
        batch note in the chatter records the alert instead. Caches and stored
        dependents (employee contract warning) are refreshed as the ORM would.
        """
        if not self:
            return
        self.flush_recordset(["kanban_state"])
        self._write({"kanban_state": "blocked"})
        self.invalidate_recordset(["kanban_state"])
        self.modified(["kanban_state"])
