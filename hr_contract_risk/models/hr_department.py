"""Severance and labour cost: the department's analytic account."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrDepartment(models.Model):
    """The department's analytic account: severance expense and revenue for the labour cost analysis."""

    _inherit = "hr.department"

    hrcr_analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Analytic Account", check_company=True, index="btree_not_null",
        groups="hr.group_hr_user,account.group_account_invoice",
        help="Charged with the severance expense of this department's employees; posted customer invoice lines whose "
        "analytic distribution uses it are the department's revenue in the labour cost analysis. One account per department.",
    )

    @api.constrains("hrcr_analytic_account_id", "company_id")
    def _check_analytic_account_unique(self):
        depts = self.filtered("hrcr_analytic_account_id")
        if not depts:
            return
        others = self.sudo().search([  # sudo: the clash may be in a department the user cannot read
            ("hrcr_analytic_account_id", "in", depts.hrcr_analytic_account_id.ids), ("id", "not in", depts.ids)])
        for dept in depts:
            clash = (others | depts).filtered(
                lambda d, dept=dept: d != dept and d.hrcr_analytic_account_id == dept.hrcr_analytic_account_id
                and d.company_id == dept.company_id)
            if clash:
                raise ValidationError(self.env._(
                    "Analytic Account: %(account)s is already used by department %(other)s; one analytic account "
                    "belongs to one department of a company.",
                    account=dept.hrcr_analytic_account_id.display_name, other=clash[0].display_name))
