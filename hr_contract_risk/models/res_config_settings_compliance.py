"""Contract compliance: probation policy and unsigned-contract alert settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_probation_policy = fields.Selection(related="company_id.hrcr_probation_policy", readonly=False)
    hrcr_unsigned_alert_days = fields.Char(related="company_id.hrcr_unsigned_alert_days", readonly=False)
    hrcr_unsigned_escalation_day = fields.Integer(
        related="company_id.hrcr_unsigned_escalation_day", readonly=False)
    hrcr_probation_alert_days = fields.Integer(related="company_id.hrcr_probation_alert_days", readonly=False)
