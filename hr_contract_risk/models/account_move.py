"""Severance: a severance follows the state of its journal entry (posted, reset to draft)."""

from odoo import _, api, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    # the severance's state follows its journal entry (posted <-> confirmed)

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        if posted:
            self.env["hr.severance"]._hrcr_sync_from_moves(posted)
        return posted

    def button_draft(self):
        res = super().button_draft()
        self.env["hr.severance"]._hrcr_sync_from_moves(self)
        return res

    def button_cancel(self):
        self._hrcr_check_no_live_severance()
        res = super().button_cancel()
        self.env["hr.severance"]._hrcr_sync_from_moves(self)
        return res

    def _hrcr_check_no_live_severance(self):
        """The entry of a live severance is cancelled through the severance (which cancels a draft entry or
        reverses a posted one, as superuser after its own checks), never from Accounting: a cancelled entry
        under a confirmed severance would say nothing is owed while the severance says it is."""
        if self.env.su or not self.ids:
            return
        # sudo: finance users may not read HR records; only the existence of a live severance is checked
        if self.env["hr.severance"].sudo().search_count(
                [("move_id", "in", self.ids), ("state", "!=", "cancelled")], limit=1):
            raise UserError(_("This journal entry belongs to a severance: cancel the severance instead, which "
                              "cancels or reverses its entry."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_live_severance(self):
        """The entry of a live severance is never deleted (it would leave a confirmed severance without it)."""
        self._hrcr_check_no_live_severance()
