"""Leaver formalities (social-insurance stoppage): departure reasons mapped to stoppage reasons."""

from odoo import fields, models

from ..engine import social_insurance as si


class HrDepartureReason(models.Model):
    _inherit = "hr.departure.reason"

    hrcr_stoppage_reason = fields.Selection(
        si.reason_selection(),
        string="Social-insurance stoppage reason",
        groups="hr.group_hr_user",
        help="Internal stoppage reason (停保原因) proposed when a departure is registered with this reason "
        "(domain reference §1.12). Left empty on Odoo's standard reasons, which map as: "
        "Fired -> dismissal for cause (LCL Art. 39), Resigned -> resignation (LCL Art. 37), "
        "Retired -> retirement (LCL Art. 44(2)).",
    )

    def _hrcr_get_stoppage_reason(self):
        """Internal reason key for this departure reason, or False."""
        self.ensure_one()
        if self.hrcr_stoppage_reason:
            return self.hrcr_stoppage_reason
        by_code = {code: key for key, code in self._get_default_departure_reasons().items()}
        return si.reason_from_departure(by_code.get(self.reason_code)) or False
