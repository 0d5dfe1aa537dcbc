"""Renewal review: talk logs (warnings, training offers, performance talks) kept as evidence."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class HrTalkLog(models.Model):
    """A recorded conversation with an employee: evidence for the renewal review.

    Editable until the renewal review that relies on it is decided; then
    locked (no edit, no delete).  Managers log talks for their team.
    """

    _name = "hr.talk.log"
    _description = "Talk Log"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Subject", required=True, tracking=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, tracking=True,
                                  domain="[('company_id', '=', company_id)]")
    company_id = fields.Many2one("res.company", compute="_compute_company", store=True, readonly=False,
                                 precompute=True, required=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True, string="Department")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True, index=True)
    kind = fields.Selection(
        [("performance", "Performance Talk"), ("warning", "Warning"), ("training_offer", "Training Offer"),
         ("other", "Other")], required=True, default="performance", tracking=True, index=True)
    participant_ids = fields.Many2many("hr.employee", "hr_talk_log_participant_rel", "talk_log_id", "employee_id",
                                       string="Participants")
    author_id = fields.Many2one("res.users", string="Recorded by", default=lambda self: self.env.user,
                                readonly=True)
    content = fields.Text(required=True, tracking=True)
    employee_response = fields.Text(tracking=True)
    course_id = fields.Many2one("hr.training.course", string="Training Offered", tracking=True,
                                help="For a training offer (LCL Art. 40(2): training or reassignment before "
                                "incompetence can be relied on).")
    attachment_ids = fields.Many2many("ir.attachment", "hr_talk_log_attachment_rel", "talk_log_id", "attachment_id",
                                      string="Attachments")
    review_id = fields.Many2one("hr.contract.renewal.review", string="Renewal Review", index=True, tracking=True,
                                readonly=True, ondelete="restrict")
    locked = fields.Boolean(compute="_compute_locked", store=True,
                            help="Locked once the renewal review relying on it is decided.")

    @api.depends("employee_id")
    def _compute_company(self):
        for log in self:
            log.company_id = log.employee_id.company_id or log.company_id or self.env.company

    @api.depends("review_id.decision_date")
    def _compute_locked(self):
        for log in self:
            log.locked = bool(log.review_id.decision_date)

    def _hrcr_check_unlocked(self):
        # the lock follows the decided review in the database (sudo: the review may be out of the user's reach),
        # not the stored flag alone, which a client could try to clear
        locked = self.filtered(lambda log: log.locked or log.review_id.sudo().decision_date)
        if locked:
            raise UserError(_("Talk log %(name)s is evidence of a decided renewal review: it can no longer be "
                              "changed or deleted.", name=locked[0].display_name))

    @api.model_create_multi
    def create(self, vals_list):
        logs = super().create(vals_list)
        if logs.filtered("review_id.decision_date"):
            raise UserError(_("The renewal review is decided: add no more talk logs to it."))
        return logs

    def write(self, vals):
        if "locked" in vals and not self.env.su:
            raise UserError(_("The lock of a talk log follows its renewal review: it cannot be set by hand."))
        if not all(f.startswith(("message_", "activity_")) or f == "has_message" for f in vals):
            self._hrcr_check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unlocked(self):
        self._hrcr_check_unlocked()

    # ------------------------------------------------------------------ business methods
    @api.model
    def _hrcr_warning_and_training_dates(self, employee_ids, date_from, date_to):
        """{employee id: {"warnings": [date], "trainings": [date]}} of the written warnings and training
        offers logged from ``date_from`` to ``date_to``: one query, kind and date only (other features,
        e.g. the attrition risk, read them)."""
        rows = self.search_read([
            ("employee_id", "in", list(employee_ids)), ("kind", "in", ("warning", "training_offer")),
            ("date", ">=", date_from), ("date", "<=", date_to),
        ], ["employee_id", "date", "kind"])
        out = {}
        for row in rows:
            entry = out.setdefault(row["employee_id"][0], {"warnings": [], "trainings": []})
            entry["warnings" if row["kind"] == "warning" else "trainings"].append(row["date"])
        return out

    @api.model
    def get_import_templates(self):
        return [{
            "label": _("Import Template for Talk Logs"),
            "template": "/hr_contract_risk/static/xls/hr_talk_log.xlsx",
        }]
