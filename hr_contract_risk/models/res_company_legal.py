"""Severance legal readings of issue 9 (Reg 27 partial months) as company settings."""

import dataclasses

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_wage_partial_months = fields.Boolean(
        string="Partial Months Count as Their Fraction", default=True,
        help="Reg 27: employed fewer than 12 months, W is the average over the months actually worked. On: a "
        "partial first or last month counts as its fraction of days, so half a month's pay does not lower W. "
        "Off: every paid month counts as a whole month.")

    def _hrcr_law_config(self):
        return dataclasses.replace(super()._hrcr_law_config(), wage_partial_months=self.hrcr_wage_partial_months)
