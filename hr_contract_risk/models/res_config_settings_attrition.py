"""Attrition risk: training threshold, bands and alert routing settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_attrition_min_departures = fields.Integer(
        related="company_id.hrcr_attrition_min_departures", readonly=False)
    hrcr_attrition_band_medium = fields.Float(related="company_id.hrcr_attrition_band_medium", readonly=False)
    hrcr_attrition_band_high = fields.Float(related="company_id.hrcr_attrition_band_high", readonly=False)
    hrcr_attrition_stale_days = fields.Integer(related="company_id.hrcr_attrition_stale_days", readonly=False)
    hrcr_attrition_voluntary_reason_ids = fields.Many2many(
        related="company_id.hrcr_attrition_voluntary_reason_ids", readonly=False)
    hrcr_attrition_sick_leave_type_ids = fields.Many2many(
        related="company_id.hrcr_attrition_sick_leave_type_ids", readonly=False)
    hrcr_attrition_alert_user_id = fields.Many2one(
        related="company_id.hrcr_attrition_alert_user_id", readonly=False)
    hrcr_attrition_max_auc_drop = fields.Float(related="company_id.hrcr_attrition_max_auc_drop", readonly=False)
    hrcr_attrition_max_auc_gap = fields.Float(related="company_id.hrcr_attrition_max_auc_gap", readonly=False)
    hrcr_attrition_max_calibration_gap = fields.Float(
        related="company_id.hrcr_attrition_max_calibration_gap", readonly=False)
