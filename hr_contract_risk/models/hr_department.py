from odoo import fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    # feat/severance: analytic distribution of the severance expense
    hrcr_analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Severance Analytic Account", check_company=True,
        groups="hr.group_hr_user,account.group_account_invoice",
        help="Analytic account charged with the severance expense of this department's employees.",
    )
