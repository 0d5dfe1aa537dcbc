"""Severance: the company's accounting of severances and the conventions the law leaves open."""

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..engine import labour_law


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    # accounting of confirmed severances
    hrcr_severance_journal_id = fields.Many2one(
        "account.journal", string="Severance Journal", check_company=True,
        domain="[('type', '=', 'general')]",
        help="Miscellaneous journal of the draft entry created when a severance is confirmed. "
        "Empty: the company's first miscellaneous journal.",
    )
    hrcr_severance_expense_account_id = fields.Many2one(
        "account.account", string="Severance Expense Account", check_company=True,
        help="Debited with the severance cost. Empty: the account whose code starts with 6602 "
        "(管理费用, administrative expenses) when present, else the first expense account.",
    )
    hrcr_severance_payable_account_id = fields.Many2one(
        "account.account", string="Severance Payable Account", check_company=True,
        help="Credited with the amount owed to the employee. Empty: the account whose code starts "
        "with 2211 (应付职工薪酬, payroll payable) when present, else a current-liability account.",
    )
    # Conventions the law reference leaves open ("Unconfirmed")
    hrcr_service_inclusive_end = fields.Boolean(
        string="Count the Termination Date as Service", default=True,
        help="Unconfirmed convention (LCL 47): service runs from the hire date to the "
        "termination date; when set, the termination date itself is counted (the published examples do).",
    )
    hrcr_service_clamp_month_end = fields.Boolean(
        string="Clamp Month Ends", default=False,
        help="Alternative reading (LCL 47). Not set (default, Civil Code Art. 202): for a hire on the 29th-31st, a "
        "month that has no such day ends on its last day (hired 2020-02-29: one year on 2021-02-28). Set: it ends "
        "one day earlier.",
    )
    hrcr_wage_include_overtime = fields.Boolean(
        string="Overtime Pay in the Average Wage", default=True,
        help="Unconfirmed, varies by locality (LCL 47 ¶3, Reg 27): include overtime pay in the 12-month average "
        "wage W. The annual-leave wage always excludes it.",
    )
    hrcr_region_year_rule = fields.Selection(
        [
            ("previous_year", "Calendar year before the termination"),
            ("published", "Year before, once published (else two years before)"),
            ("latest_available", "Latest configured year (warn when older)"),
        ],
        string="Average-Wage Year", default="previous_year", required=True,
        help="Unconfirmed (LCL 47 ¶2 上年度): which previous-year average wage applies, in particular "
        "before the new figure is published.",
    )
    hrcr_region_publish_month = fields.Integer(
        string="Average Wage Published In Month", default=7,
        help="With 'once published': month of the termination year from which the previous year's figure applies.",
    )
    hrcr_pre2008_other_rule = fields.Selection(
        [
            ("zero", "No pre-2008 compensation"),
            ("one_per_year_cap12", "1 month per year, at most 12"),
            ("one_per_year", "1 month per year, no cap"),
        ],
        string="Pre-2008 Service, Other Grounds", default="one_per_year_cap12", required=True,
        help="Unconfirmed (LCL 97 ¶3, Circular 481): rule for service before 2008 when the ground is not listed in "
        "Circular 481 (resignation for employer fault, closure). A part-year counts as a full year.",
    )
    hrcr_pre2008_medical_subsidy_months = fields.Float(
        string="Pre-2008 Medical Subsidy (Months)", default=6.0,
        help="Circular 481 Art. 6: medical subsidy of at least 6 months' wages when an employee with pre-2008 service "
        "is dismissed after illness (LCL 40(1)). Unconfirmed whether it still applies: 0 omits it.",
    )
    hrcr_leave_elapsed_inclusive = fields.Boolean(
        string="Leave: Count the Termination Day", default=True,
        help="Unconfirmed (Annual Leave Implementing Measures Art. 12): the days elapsed this year include "
        "the termination date.",
    )
    hrcr_leave_floor_mode = fields.Selection(
        [
            ("after_taken", "Round down after subtracting the days taken"),
            ("before_taken", "Round the pro-rata entitlement down first"),
        ],
        string="Leave Rounding", default="after_taken", required=True,
        help="Unconfirmed (Annual Leave Implementing Measures Art. 12): how to round when half days were taken. Fractions of a day are never paid.",
    )

    hrcr_unlawful_literal_reg25 = fields.Boolean(
        string="Unlawful Termination: Literal Reg 25 Reading",
        help="Not set (default): 2N for an unlawful termination is the higher of 2N from the hire date (Reg 25) and "
        "twice the lawful N with the pre-2008 part under Circular 481 (LCL 87, 97), so it never costs less than a "
        "lawful ending. Set: always 2N from the hire date with the LCL 47 caps (Reg 25).",
    )

    def _hrcr_law_config(self):
        """The engine's LawConfig from this company's settings."""
        self.ensure_one()
        return labour_law.LawConfig(
            inclusive_end_date=self.hrcr_service_inclusive_end,
            clamp_month_end=self.hrcr_service_clamp_month_end,
            include_overtime_in_wage=self.hrcr_wage_include_overtime,
            pre2008_other_rule=self.hrcr_pre2008_other_rule or "one_per_year_cap12",
            pre2008_medical_subsidy_months=labour_law.to_decimal(self.hrcr_pre2008_medical_subsidy_months or 0),
            leave_elapsed_inclusive=self.hrcr_leave_elapsed_inclusive,
            leave_floor_mode=self.hrcr_leave_floor_mode or "after_taken",
            unlawful_reading="reg25" if self.hrcr_unlawful_literal_reg25 else "higher",
        )

    def _hrcr_find_account(self, code_prefix, account_types):
        """First account of this company whose code starts with ``code_prefix``, else of the given types."""
        self.ensure_one()
        # sudo: HR officers confirming a severance have no accounting rights; this only reads the chart
        Account = self.env["account.account"].sudo().with_company(self)
        domain = [*Account._check_company_domain(self), ("deprecated", "=", False)]
        account = Account.search([*domain, ("code", "=like", f"{code_prefix}%")], order="code", limit=1)
        for account_type in account_types:
            if account:
                break
            account = Account.search([*domain, ("account_type", "=", account_type)], order="code", limit=1)
        return account

    def _hrcr_severance_accounting(self):
        """(journal, expense account, payable account) for severance entries, defaults applied.

        Raises a UserError naming the missing setting when nothing fits.
        """
        self.ensure_one()
        # sudo: read-only lookups in the chart for HR officers (see _hrcr_find_account)
        journal = self.sudo().hrcr_severance_journal_id or self.env["account.journal"].sudo().search(
            [*self.env["account.journal"]._check_company_domain(self), ("type", "=", "general")], limit=1)
        # sudo: same read-only chart lookup as above
        expense = self.sudo().hrcr_severance_expense_account_id or self._hrcr_find_account("6602", ("expense",))
        # sudo: same read-only chart lookup as above
        payable = self.sudo().hrcr_severance_payable_account_id or self._hrcr_find_account(
            "2211", ("liability_current", "liability_payable"))
        missing = [
            label for label, record in (
                (_("a miscellaneous journal"), journal),
                (_("a severance expense account"), expense),
                (_("a severance payable account"), payable),
            ) if not record
        ]
        if missing:
            raise UserError(_(
                "Company %(company)s has no %(missing)s for severance entries: install a chart of accounts or set "
                "them in Settings > Employees > Severance (PRC).",
                company=self.name, missing=", ".join(missing),
            ))
        return journal, expense, payable

    def _hrcr_demo_prepare_accounting(self):
        """Demo data: give the demo company a chart and the Chinese severance accounts.

        Loads the Chinese chart when l10n_cn is installed, else the generic one, then creates
        6602 管理费用-辞退福利 and 2211 应付职工薪酬 when absent and selects them in the settings.
        """
        for company in self:
            if not company.chart_template:
                currency = company.currency_id
                cn = self.env["ir.module.module"].search([("name", "=", "l10n_cn"), ("state", "=", "installed")])
                self.env["account.chart.template"].try_loading("cn" if cn else "generic_coa", company, False)
                if company.currency_id != currency:
                    # the generic chart sets USD: the demo company keeps its own currency (CNY)
                    company.currency_id = currency
            Account = self.env["account.account"].with_company(company)
            domain = Account._check_company_domain(company)
            expense = Account.search([*domain, ("code", "=like", "6602%")], order="code", limit=1)
            if not expense:
                expense = Account.create({
                    "name": "管理费用-辞退福利", "code": "6602", "account_type": "expense",
                    "company_ids": [fields.Command.set(company.ids)],
                })
            payable = Account.search([*domain, ("code", "=like", "2211%")], order="code", limit=1)
            if not payable:
                payable = Account.create({
                    "name": "应付职工薪酬", "code": "2211", "account_type": "liability_current", "reconcile": True,
                    "company_ids": [fields.Command.set(company.ids)],
                })
            company.write({
                "hrcr_severance_expense_account_id": expense.id,
                "hrcr_severance_payable_account_id": payable.id,
            })
        return True
