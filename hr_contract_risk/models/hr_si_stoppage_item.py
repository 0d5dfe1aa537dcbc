"""Leaver formalities (social-insurance stoppage): checklist items and their daily overdue cron."""


from odoo import _, api, fields, models

from ..engine import social_insurance as si
from .hrcr_batch import CronBatches


class HrSiStoppageItem(models.Model):
    """One deadline of the leaver checklist, with its activity and done date."""

    _name = "hr.si.stoppage.item"
    _description = "Leaver checklist item"
    _order = "stoppage_id, sequence, id"
    _rec_name = "kind"

    stoppage_id = fields.Many2one("hr.si.stoppage", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="stoppage_id.company_id", store=True, index=True)
    employee_id = fields.Many2one(related="stoppage_id.employee_id", store=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("certificate", "Issue the termination certificate (离职证明)"),
            ("si_report", "Report the leaver to the social-insurance agency"),
            ("transfer", "Transfer the personnel file and the social-insurance relationship"),
            ("severance", "Pay economic compensation at handover"),
        ],
        string="Task",
        required=True,
    )
    article = fields.Char(string="Legal basis")
    due_date = fields.Date(required=True)
    done_date = fields.Date()
    overdue = fields.Boolean(compute="_compute_overdue", store=True, index=True)
    activity_id = fields.Many2one("mail.activity", ondelete="set null", readonly=True)

    @api.depends("due_date", "done_date", "stoppage_id.state")
    def _compute_overdue(self):
        # Depends on today as well: the daily cron _cron_flag_overdue recomputes pending items.
        today = fields.Date.context_today(self)
        for item in self:
            item.overdue = bool(
                not item.done_date and item.due_date and item.due_date < today and item.stoppage_id.state == "open"
            )

    def _hrcr_note(self):
        self.ensure_one()
        for deadline in si.deadlines(self.due_date, compensation_due=True):
            if deadline.key == self.kind:
                return self.env._(deadline.note)
        return ""

    def _hrcr_schedule_activities(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for item in self:
            activity = item.stoppage_id.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=item.due_date,
                summary=labels[item.kind],
                note=_("%(note)s (%(article)s)", note=item._hrcr_note(), article=item.article),
                user_id=self.env.user.id,
            )
            item.activity_id = activity[:1]

    def action_mark_done(self):
        todo = self.filtered(lambda i: not i.done_date)
        todo.write({"done_date": fields.Date.context_today(self)})
        activities = todo.activity_id
        if activities:
            activities.action_feedback(feedback=_("Done from the leaver checklist."))
        todo.stoppage_id._hrcr_update_state()
        return True

    def action_reset(self):
        self.write({"done_date": False})
        # sudo: an item reset reopens its checklist (the workflow field is server-written)
        self.stoppage_id.filtered(lambda s: s.state == "done").sudo().write({"state": "open"})
        self.filtered(lambda i: not i.activity_id)._hrcr_schedule_activities()
        return True

    @api.model
    def _hrcr_overdue_domains(self):
        """(domain, value): pending items past their due date that are not flagged yet, and flagged
        items that are no longer overdue (done, moved, or their checklist closed)."""
        today = fields.Date.context_today(self)
        late = [
            ("overdue", "=", False),
            ("done_date", "=", False),
            ("due_date", "<", today),
            ("stoppage_id.state", "=", "open"),
        ]
        stale = [
            ("overdue", "=", True),
            "|",
            "|",
            ("done_date", "!=", False),
            ("due_date", ">=", today),
            ("stoppage_id.state", "!=", "open"),
        ]
        return [(late, True), (stale, False)]

    @api.model
    def _cron_flag_overdue(self, batch_size=1000):
        """Daily: set / clear the stored overdue flag of checklist items whose status changed with the date.

        Only items whose flag is wrong today are touched, one batch at a time (one search and one
        UPDATE per batch, the checklists' flags recomputed in batch), so a second run changes nothing.
        """
        run = CronBatches(self.env, resumable=True, name="Leaver checklist overdue flags")
        for domain, value in self._hrcr_overdue_domains():
            while True:
                batch = self.search(domain, limit=batch_size, order="id")
                if not batch:
                    break
                batch.write({"overdue": value})
                self.env.flush_all()
                remaining = self.search_count(domain) if len(batch) == batch_size else 0
                if not run.step(len(batch), remaining=remaining):
                    return run.done
                if not remaining:
                    break
        return run.done
