"""Leaver formalities (social-insurance stoppage): the reporting deadline in the settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_si_report_days = fields.Selection(related="company_id.hrcr_si_report_days", readonly=False)
