from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hrcr_si_report_days = fields.Selection(related="company_id.hrcr_si_report_days", readonly=False)

    # ------------------------------------------------------------------ severance (feat/severance)
    hrcr_severance_journal_id = fields.Many2one(
        related="company_id.hrcr_severance_journal_id", readonly=False, check_company=True,
        domain="[('type', '=', 'general')]",
    )
    hrcr_severance_expense_account_id = fields.Many2one(
        related="company_id.hrcr_severance_expense_account_id", readonly=False, check_company=True,
        domain="[('deprecated', '=', False), ('internal_group', '=', 'expense')]",
    )
    hrcr_severance_payable_account_id = fields.Many2one(
        related="company_id.hrcr_severance_payable_account_id", readonly=False, check_company=True,
        domain="[('deprecated', '=', False), ('internal_group', '=', 'liability')]",
    )
    hrcr_service_inclusive_end = fields.Boolean(related="company_id.hrcr_service_inclusive_end", readonly=False)
    hrcr_service_clamp_month_end = fields.Boolean(related="company_id.hrcr_service_clamp_month_end", readonly=False)
    hrcr_unlawful_literal_reg25 = fields.Boolean(related="company_id.hrcr_unlawful_literal_reg25", readonly=False)
    hrcr_wage_include_overtime = fields.Boolean(related="company_id.hrcr_wage_include_overtime", readonly=False)
    hrcr_region_year_rule = fields.Selection(related="company_id.hrcr_region_year_rule", readonly=False)
    hrcr_region_publish_month = fields.Integer(related="company_id.hrcr_region_publish_month", readonly=False)
    hrcr_pre2008_other_rule = fields.Selection(related="company_id.hrcr_pre2008_other_rule", readonly=False)
    hrcr_pre2008_medical_subsidy_months = fields.Float(
        related="company_id.hrcr_pre2008_medical_subsidy_months", readonly=False)
    hrcr_leave_elapsed_inclusive = fields.Boolean(related="company_id.hrcr_leave_elapsed_inclusive", readonly=False)
    hrcr_leave_floor_mode = fields.Selection(related="company_id.hrcr_leave_floor_mode", readonly=False)

    # --- appraisals and renewal review (feat/appraisal) ---
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
    hrcr_refuse_second_renewal = fields.Boolean(related="company_id.hrcr_refuse_second_renewal", readonly=False)
    hrcr_contract_gap_days = fields.Integer(related="company_id.hrcr_contract_gap_days", readonly=False)

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

    # contract compliance (issue 11)
    hrcr_probation_policy = fields.Selection(related="company_id.hrcr_probation_policy", readonly=False)
    hrcr_unsigned_alert_days = fields.Char(related="company_id.hrcr_unsigned_alert_days", readonly=False)
    hrcr_unsigned_escalation_day = fields.Integer(
        related="company_id.hrcr_unsigned_escalation_day", readonly=False)
    hrcr_probation_alert_days = fields.Integer(related="company_id.hrcr_probation_alert_days", readonly=False)
