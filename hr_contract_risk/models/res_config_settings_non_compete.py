"""Non-compete: entry mode and Art. 38 alert settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_nc_accounting = fields.Selection(related="company_id.hrcr_nc_accounting", readonly=False)
    hrcr_nc_alert_days = fields.Integer(related="company_id.hrcr_nc_alert_days", readonly=False)
