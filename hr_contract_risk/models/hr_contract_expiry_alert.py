from odoo import api, fields, models


class HrContractExpiryAlert(models.Model):
    """One row per contract x end date x stage fired (or escalation).

    The rows are the memory of the daily expiry run: the unique constraint makes
    a stage fire at most once per contract and end date, even when two runs
    overlap; a new end date (an extension) has no rows yet, so the stages fire
    again for it.
    """

    _name = "hr.contract.expiry.alert"
    _description = "Contract Expiry Alert"
    _order = "fired_on desc, id desc"
    _rec_name = "contract_id"

    contract_id = fields.Many2one(
        "hr.contract", required=True, ondelete="cascade", index=True, readonly=True,
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True, readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True,
    )
    department_id = fields.Many2one(
        related="contract_id.department_id", string="Department",
    )
    end_date = fields.Date(
        string="Contract End Date", required=True, readonly=True,
        help="The end date the alert was fired for (LCL Art. 44(1): a fixed-term contract ends at "
        "expiry). When the contract is extended, the stages fire again for the new end date.",
    )
    kind = fields.Selection(
        [("stage", "Stage alert"), ("escalation", "Escalation")],
        required=True, default="stage", readonly=True,
    )
    stage_days = fields.Integer(
        string="Stage (days before end)", readonly=True,
        help="The alert stage that fired; 0 for an escalation.",
    )
    days_left = fields.Integer(
        string="Days Left When Fired", readonly=True,
        help="Days between the run and the end date; negative for an escalation (days overdue).",
    )
    covered_stages = fields.Char(
        readonly=True,
        help="Larger stages that were due at the same time (the run had not seen the contract "
        "earlier, e.g. after an outage): only the most urgent stage fires and these never fire "
        "for this end date.",
    )
    fired_on = fields.Date(required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Alerted User", readonly=True)
    activity_id = fields.Many2one(
        "mail.activity", string="To-Do", ondelete="set null", readonly=True,
        help="The to-do scheduled for the alerted user; empty once it is done.",
    )
    activity_done = fields.Boolean(string="To-Do Done", compute="_compute_activity_done")

    _sql_constraints = [
        (
            "contract_end_stage_kind_uniq",
            "unique(contract_id, end_date, stage_days, kind)",
            "An expiry alert stage fires only once per contract and end date.",
        ),
    ]

    @api.depends("activity_id")
    def _compute_activity_done(self):
        for alert in self:
            alert.activity_done = not alert.activity_id

    def action_open_contract(self):
        self.ensure_one()
        return self.contract_id.action_open_contract_form()
