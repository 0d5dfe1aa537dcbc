"""KPI appraisals: scoring, grading and decline-alert settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_appraisal_periodicity = fields.Selection(related="company_id.hrcr_appraisal_periodicity", readonly=False)
    hrcr_kpi_share = fields.Float(related="company_id.hrcr_kpi_share", readonly=False)
    hrcr_kpi_cap = fields.Float(related="company_id.hrcr_kpi_cap", readonly=False)
    hrcr_weight_manager = fields.Float(related="company_id.hrcr_weight_manager", readonly=False)
    hrcr_weight_peer = fields.Float(related="company_id.hrcr_weight_peer", readonly=False)
    hrcr_weight_subordinate = fields.Float(related="company_id.hrcr_weight_subordinate", readonly=False)
    hrcr_weight_self = fields.Float(related="company_id.hrcr_weight_self", readonly=False)
    hrcr_grade_a = fields.Float(related="company_id.hrcr_grade_a", readonly=False)
    hrcr_grade_b = fields.Float(related="company_id.hrcr_grade_b", readonly=False)
    hrcr_grade_c = fields.Float(related="company_id.hrcr_grade_c", readonly=False)
    hrcr_decline_periods = fields.Integer(related="company_id.hrcr_decline_periods", readonly=False)
    hrcr_decline_mode = fields.Selection(related="company_id.hrcr_decline_mode", readonly=False)
    hrcr_decline_threshold = fields.Float(related="company_id.hrcr_decline_threshold", readonly=False)
    hrcr_decline_hr_user_id = fields.Many2one(related="company_id.hrcr_decline_hr_user_id", readonly=False)
