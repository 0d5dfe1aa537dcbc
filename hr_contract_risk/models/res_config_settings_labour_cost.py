"""Labour cost analytics: the recruiting and training cost accounts in Settings."""
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_recruiting_account_ids = fields.Many2many(
        related="company_id.hrcr_recruiting_account_ids", readonly=False)
    hrcr_training_account_ids = fields.Many2many(
        related="company_id.hrcr_training_account_ids", readonly=False)
    hrcr_oi_span_threshold = fields.Integer(related="company_id.hrcr_oi_span_threshold", readonly=False)
    hrcr_oi_cost_ratio_points = fields.Float(related="company_id.hrcr_oi_cost_ratio_points", readonly=False)
    hrcr_oi_high_risk_share = fields.Float(related="company_id.hrcr_oi_high_risk_share", readonly=False)
    hrcr_oi_decline_min_reports = fields.Integer(related="company_id.hrcr_oi_decline_min_reports", readonly=False)
    hrcr_oi_decline_team_share = fields.Float(related="company_id.hrcr_oi_decline_team_share", readonly=False)
