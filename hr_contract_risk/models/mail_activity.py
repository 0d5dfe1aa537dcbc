"""Leaver formalities (social-insurance stoppage): a done checklist activity ticks its item."""

from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking a leaver-checklist activity done marks its checklist item done."""
        if any(activity.res_model == "hr.si.stoppage" for activity in self):
            # sudo: the activity's assignee may mark it done (mail's own rules checked that); we only
            # stamp the done date of the checklist item linked to this very activity.
            items = self.env["hr.si.stoppage.item"].sudo().search(
                [("activity_id", "in", self.ids), ("done_date", "=", False)]
            )
            if items:
                items.write({"done_date": fields.Date.context_today(self)})
                items.stoppage_id._hrcr_update_state()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
