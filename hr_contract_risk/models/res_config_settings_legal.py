"""Settings of the severance legal readings of issue 9 (Reg 27 partial months)."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_wage_partial_months = fields.Boolean(related="company_id.hrcr_wage_partial_months", readonly=False)
