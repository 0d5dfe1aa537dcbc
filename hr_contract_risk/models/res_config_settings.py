from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hrcr_si_report_days = fields.Selection(related="company_id.hrcr_si_report_days", readonly=False)
