"""Severance: accounting and legal-reading settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

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
