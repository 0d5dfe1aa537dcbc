"""Leaver formalities: a terminated contract is kept for two years (LCL Art. 50 ¶3)."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..engine import social_insurance as si


class HrContract(models.Model):
    _inherit = "hr.contract"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    @api.ondelete(at_uninstall=False)
    def _unlink_except_retained_terminated(self):
        """LCL Art. 50 ¶3: terminated contracts are kept for at least 2 years."""
        today = fields.Date.context_today(self)
        for contract in self.filtered(lambda c: c.state == "close"):
            if not contract.date_end:
                raise UserError(
                    _(
                        "The terminated contract %(contract)s has no end date, so its 2-year retention period "
                        "(LCL Art. 50 ¶3) cannot be checked: it cannot be deleted.",
                        contract=contract.display_name,
                    )
                )
            if not si.may_delete(contract.date_end, today):
                raise UserError(
                    _(
                        "The terminated contract %(contract)s ended on %(end)s and must be kept until %(until)s: "
                        "terminated contracts are kept for at least 2 years (LCL Art. 50 ¶3).",
                        contract=contract.display_name,
                        end=contract.date_end,
                        until=si.retention_end(contract.date_end),
                    )
                )
