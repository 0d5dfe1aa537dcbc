from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    # feat/severance: the severance's state follows its journal entry (posted <-> confirmed)

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
        res = super().button_cancel()
        self.env["hr.severance"]._hrcr_sync_from_moves(self)
        return res
