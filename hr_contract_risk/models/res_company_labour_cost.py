"""Labour cost analytics: the company's recruiting and training cost accounts."""
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import org_insights
from .rendering import render_msg

#: organisation-insight thresholds (res.company field -> engine Thresholds attribute)
ORG_INSIGHT_FIELDS = {
    "hrcr_oi_span_threshold": "span_of_control",
    "hrcr_oi_cost_ratio_points": "cost_ratio_points",
    "hrcr_oi_high_risk_share": "high_risk_share",
    "hrcr_oi_decline_min_reports": "decline_min_reports",
    "hrcr_oi_decline_team_share": "decline_team_share",
}


class ResCompany(models.Model):
    """Accounts whose posted journal items are recruiting or training costs in the labour cost analysis."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

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

    # organisation insights (hr.org.insight): thresholds of the findings, advice only
    hrcr_oi_span_threshold = fields.Integer(
        string="Span of Control Threshold", default=12,
        help="A manager with more direct reports than this gets the finding \"consider a team lead\" (1 or more).")
    hrcr_oi_cost_ratio_points = fields.Float(
        string="Cost Ratio Points Above the Median", default=5.0,
        help="A department whose labour cost ratio is above the company median by more than these percentage "
        "points gets the finding \"review pay structure or process\" (0-100).")
    hrcr_oi_high_risk_share = fields.Float(
        string="High-Risk Share Threshold (%)", default=30.0,
        help="A team with at least this share of employees at high attrition risk gets the finding \"talk to the "
        "manager\" (0-100).")
    hrcr_oi_decline_min_reports = fields.Integer(
        string="Declining Reports, Minimum", default=3,
        help="A manager with at least this many reports on a falling KPI trend, who are also at least the Declining "
        "Team Share of the team, gets the finding \"look at the team, not only the people\" (1 or more).")
    hrcr_oi_decline_team_share = fields.Float(
        string="Declining Team Share (%)", default=50.0,
        help="The share of a manager's team on a falling KPI trend from which, with the Declining Reports Minimum, the "
        "team gets the finding \"look at the team, not only the people\" (0-100).")

    @api.constrains(*ORG_INSIGHT_FIELDS)
    def _check_hrcr_org_insight_thresholds(self):
        for company in self:
            thresholds = org_insights.Thresholds(**{key: company[fname] for fname, key in ORG_INSIGHT_FIELDS.items()})
            try:
                org_insights.validate_thresholds(thresholds)
            except org_insights.InputError as err:
                raise ValidationError(render_msg(self.env, err.msg)) from None

    @api.constrains("hrcr_recruiting_account_ids", "hrcr_training_account_ids")
    def _check_hrcr_cost_accounts_disjoint(self):
        for company in self:
            both = company.hrcr_recruiting_account_ids & company.hrcr_training_account_ids
            if both:
                raise ValidationError(self.env._(
                    "Recruiting Cost Accounts and Training Cost Accounts: %(accounts)s cannot be in both lists, its "
                    "amounts would be counted twice in the labour cost.",
                    accounts=", ".join(both.mapped("display_name"))))

    # ------------------------------------------------------------------ demo data
    def _hrcr_demo_labour_cost_invoices(self, sales_dept_id, other_dept_id, target_ratio=0.15):
        """Demo: posted customer invoices over the last 12 complete months, dated relative to today.

        招商部 (``sales_dept_id``) invoices its month's labour cost divided by ``target_ratio``
        (rounded to the hundred), so that its 人力成本占比 is about 15 %, "招商部门人力成本占比过高（占销售额15%）"
        as in the seed case; ``other_dept_id`` invoices a fixed amount. One batch create and post.
        """
        Report = self.env["hr.labour.cost.report"]
        sales_dept, other_dept = (self.env["hr.department"].browse(dept) for dept in (sales_dept_id, other_dept_id))
        for company in self:
            journal = self.env["account.journal"].search(
                [*self.env["account.journal"]._check_company_domain(company), ("type", "=", "sale")], limit=1)
            if not journal or not sales_dept.hrcr_analytic_account_id or not other_dept.hrcr_analytic_account_id:
                continue
            first = fields.Date.context_today(self).replace(day=1)
            months = [first - relativedelta(months=k) for k in range(12, 0, -1)]
            self.env.flush_all()
            costs = dict(Report._read_group(
                [("department_id", "=", sales_dept.id), ("month", "in", months)], ["month:month"],
                ["total_cost:sum"]))
            partner = self.env["res.partner"].create({"name": "上海合作商户（演示）", "company_id": company.id})
            vals = []
            for month in months:
                for dept, amount in ((sales_dept, round((costs.get(month) or 0.0) / target_ratio, -2)),
                                     (other_dept, 180000.0)):
                    if amount <= 0:
                        continue
                    vals.append({
                        "move_type": "out_invoice", "company_id": company.id, "journal_id": journal.id,
                        "partner_id": partner.id, "invoice_date": month + relativedelta(days=14),
                        "invoice_line_ids": [fields.Command.create({
                            "name": dept.name, "quantity": 1, "price_unit": amount, "tax_ids": [],
                            "analytic_distribution": {str(dept.hrcr_analytic_account_id.id): 100}})],
                    })
            moves = self.env["account.move"].with_company(company).create(vals)
            moves.action_post()
