from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrDepartmentLabourCost(models.Model):  # own file so parallel branches merge cleanly
    """The department's analytic account for revenue and labour cost (issue 13)."""

    _inherit = "hr.department"  # pylint: disable=consider-merging-classes-inherited

    analytic_account_id = fields.Many2one(
        "account.analytic.account", check_company=True, index="btree_not_null",
        groups="hr.group_hr_user,account.group_account_invoice",
        help="Posted customer invoice lines whose analytic distribution uses this account are this department's "
        "revenue in the labour cost analysis. One account per department.")

    @api.constrains("analytic_account_id", "company_id")
    def _check_analytic_account_unique(self):
        depts = self.filtered("analytic_account_id")
        if not depts:
            return
        others = self.sudo().search([  # sudo: the clash may be in a department the user cannot read
            ("analytic_account_id", "in", depts.analytic_account_id.ids), ("id", "not in", depts.ids)])
        for dept in depts:
            clash = (others | depts).filtered(
                lambda d, dept=dept: d != dept and d.analytic_account_id == dept.analytic_account_id
                and d.company_id == dept.company_id)
            if clash:
                raise ValidationError(self.env._(
                    "Analytic Account: %(account)s is already used by department %(other)s; one analytic account "
                    "belongs to one department of a company.",
                    account=dept.analytic_account_id.display_name, other=clash[0].display_name))
