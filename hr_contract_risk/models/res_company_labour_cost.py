# Kept apart from models/res_company.py while parallel branches split it (the lead may merge the classes):
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Accounts whose posted journal items are recruiting or training costs in the labour cost analysis."""

    _inherit = "res.company"

    hrcr_recruiting_account_ids = fields.Many2many(
        "account.account", "hrcr_company_recruiting_account_rel", "company_id", "account_id",
        string="Recruiting Cost Accounts",
        help="Posted journal items on these accounts are recruiting costs in the labour cost analysis: charged to the "
        "department whose analytic account their analytic distribution uses, else to the company level.")
    hrcr_training_account_ids = fields.Many2many(
        "account.account", "hrcr_company_training_account_rel", "company_id", "account_id",
        string="Training Cost Accounts",
        help="Posted journal items on these accounts are training costs in the labour cost analysis: charged to the "
        "department whose analytic account their analytic distribution uses, else to the company level.")

    @api.constrains("hrcr_recruiting_account_ids", "hrcr_training_account_ids")
    def _check_hrcr_cost_accounts_disjoint(self):
        for company in self:
            both = company.hrcr_recruiting_account_ids & company.hrcr_training_account_ids
            if both:
                raise ValidationError(self.env._(
                    "Recruiting Cost Accounts and Training Cost Accounts: %(accounts)s cannot be in both lists, its "
                    "amounts would be counted twice in the labour cost.",
                    accounts=", ".join(both.mapped("display_name"))))
