"""Input ranges: a contract's start and end dates within engine/bounds.py's plausible range."""
from odoo import api, fields, models

from ..engine import bounds
from .hrcr_bounds import bounds_error


class HrContract(models.Model):
    _inherit = "hr.contract"

    @api.constrains("date_start", "date_end")
    def _check_hrcr_plausible_dates(self):
        """A start in 1900 or an end in 2200 is a typing error: refused with the field and the bound
        (issue 10 point 8), before any alert, review or severance reads it."""
        today = fields.Date.context_today(self)
        start_label = self._fields["date_start"]._description_string(self.env)
        end_label = self._fields["date_end"]._description_string(self.env)
        for contract in self:
            try:
                bounds.check_contract_dates(contract.date_start, contract.date_end, today, start_label, end_label)
            except bounds.BoundsError as err:
                raise bounds_error(self.env, err) from None
