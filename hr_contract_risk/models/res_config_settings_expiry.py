"""Contract expiry alerts: stages and escalation settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_expiry_stages = fields.Char(
        related="company_id.hrcr_expiry_stages", readonly=False,
    )
    hrcr_expiry_notify_manager = fields.Boolean(
        related="company_id.hrcr_expiry_notify_manager", readonly=False,
    )
    hrcr_escalation_user_id = fields.Many2one(
        related="company_id.hrcr_escalation_user_id", readonly=False,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
