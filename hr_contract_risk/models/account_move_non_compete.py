"""Non-compete: a payment line follows the state of its journal entry (posted, reset to draft)."""

from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        if posted:
            self.env["hr.non.compete.line"]._hrcr_sync_from_moves(posted)
        return posted

    def button_draft(self):
        res = super().button_draft()
        self.env["hr.non.compete.line"]._hrcr_sync_from_moves(self)
        return res
