from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import appraisal as ap
from ..engine import contract_compliance as cc
from ..engine import expiry, labour_law
from ..engine.attrition_model import DEFAULT_MIN_DEPARTURES


class ResCompany(models.Model):
    _inherit = "res.company"

    # Unconfirmed (domain reference §1.10): UIR Art. 16 says 7 days, SIL Art. 50 says 15 days.
    hrcr_si_report_days = fields.Selection(
        [("7", "7 days (UIR Art. 16)"), ("15", "15 days (SIL Art. 50)")],
        string="Leaver report deadline",
        default="7",
        required=True,
        help="Days after the departure within which the leaver is reported to the social-insurance agency. "
        "UIR Art. 16 says 7 days, SIL Art. 50 says 15 days; no source confirms which prevails "
        "(Unconfirmed), so 7 days is the safe default.",
    )

    # ------------------------------------------------------------------ severance (feat/severance)
    # Accounting of confirmed severances
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

    # --- appraisals (feat/appraisal) ---
    hrcr_appraisal_periodicity = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")],
        string="Appraisal Periodicity", default="monthly", required=True,
        help="Default period of new KPI templates and of the appraisals generated from them.")
    hrcr_kpi_share = fields.Float(
        string="KPI Share of the Total Score (%)", default=70.0,
        help="Total score = KPI share x KPI score + (100 - KPI share) x 360 score. "
        "Without 360 feedback the KPI score is the total.")
    hrcr_kpi_cap = fields.Float(
        string="KPI Completion Cap (%)", default=120.0,
        help="Default cap of a KPI line's completion ratio (e.g. 120 % of target).")
    hrcr_weight_manager = fields.Float(string="360 Weight: Manager", default=50.0)
    hrcr_weight_peer = fields.Float(string="360 Weight: Peers", default=25.0)
    hrcr_weight_subordinate = fields.Float(string="360 Weight: Subordinates", default=15.0)
    hrcr_weight_self = fields.Float(string="360 Weight: Self", default=10.0)
    hrcr_grade_a = fields.Float(string="Grade A from", default=90.0)
    hrcr_grade_b = fields.Float(string="Grade B from", default=75.0)
    hrcr_grade_c = fields.Float(string="Grade C from", default=60.0)
    hrcr_decline_periods = fields.Integer(
        string="Decline Alert after N Periods", default=3,
        help="Number of consecutive confirmed appraisal periods below the threshold that raise one decline alert.")
    hrcr_decline_mode = fields.Selection(
        [("score", "Total score below the threshold"), ("kpi", "A watched KPI below its target")],
        string="Decline Criterion", default="score", required=True)
    hrcr_decline_threshold = fields.Float(
        string="Decline Threshold (score)", default=60.0,
        help="A period counts as below when its total score is under this value (also the "
        "threshold of the incompetence evidence checklist).")
    hrcr_decline_hr_user_id = fields.Many2one(
        "res.users", string="HR Contact for Decline Alerts",
        help="Receives the decline-alert activity when the employee's contract has no HR responsible.")
    # --- renewal review (feat/appraisal) ---
    hrcr_refuse_second_renewal = fields.Boolean(
        string="Employer May Refuse a Second-Contract Renewal Request", default=False,
        help="Off (default, national position since 2025-09-01, SPC Interpretation II 法释〔2025〕12号): "
        "after two consecutive fixed-term contracts the employer may not refuse an employee who asks to renew "
        "(LCL Art. 14(3)) unless an Art. 39/40(1)/40(2) situation exists. On: the former Shanghai 2009 "
        "opinion (Art. 4), under which the employer may let the second contract expire; the review then warns "
        "instead of blocking. Unconfirmed point of law: choose per region with legal advice.")
    hrcr_contract_gap_days = fields.Integer(
        string="Contract Gap Breaking Continuity (days)", default=31,
        help="Two contracts separated by more than this many days are not consecutive (Art. 14 count, "
        "continuous service). The law sets no number: this is an implementation choice.")

    def _hrcr_appraisal_settings(self):
        """The appraisal settings of one company as plain data for the engine."""
        self.ensure_one()
        return {
            "kpi_share": self.hrcr_kpi_share,
            "cap": self.hrcr_kpi_cap,
            "weights": {
                "manager": self.hrcr_weight_manager,
                "peer": self.hrcr_weight_peer,
                "subordinate": self.hrcr_weight_subordinate,
                "self": self.hrcr_weight_self,
            },
            "thresholds": {"A": self.hrcr_grade_a, "B": self.hrcr_grade_b, "C": self.hrcr_grade_c},
            "decline_periods": self.hrcr_decline_periods,
            "decline_threshold": self.hrcr_decline_threshold,
            "decline_mode": self.hrcr_decline_mode,
        }

    @api.constrains("hrcr_kpi_share", "hrcr_kpi_cap", "hrcr_weight_manager", "hrcr_weight_peer",
                    "hrcr_weight_subordinate", "hrcr_weight_self", "hrcr_grade_a", "hrcr_grade_b",
                    "hrcr_grade_c", "hrcr_decline_periods", "hrcr_decline_threshold", "hrcr_contract_gap_days")
    def _check_hrcr_appraisal_settings(self):
        for company in self:
            if not 0 <= company.hrcr_kpi_share <= 100:
                raise ValidationError(_("The KPI share must lie between 0 and 100 %."))
            if company.hrcr_kpi_cap < 100:
                raise ValidationError(_("The KPI completion cap must be at least 100 %."))
            weights = [company.hrcr_weight_manager, company.hrcr_weight_peer,
                       company.hrcr_weight_subordinate, company.hrcr_weight_self]
            if any(w < 0 for w in weights) or not sum(weights):
                raise ValidationError(_("360 relationship weights must not be negative and must not all be zero."))
            try:
                ap.check_thresholds({"A": company.hrcr_grade_a, "B": company.hrcr_grade_b, "C": company.hrcr_grade_c})
            except ValueError as exc:
                raise ValidationError(_("Grade thresholds must satisfy 100 >= A > B > C >= 0.")) from exc
            if company.hrcr_decline_periods < 1:
                raise ValidationError(_("A decline alert needs at least one period."))
            if not 0 < company.hrcr_decline_threshold <= 100:
                raise ValidationError(_("The decline threshold must lie between 0 and 100."))
            if company.hrcr_contract_gap_days < 0:
                raise ValidationError(_("The contract gap must not be negative."))

    # -- Attrition risk ---------------------------------------------------
    hrcr_attrition_min_departures = fields.Integer(
        string="Departures needed to train",
        default=DEFAULT_MIN_DEPARTURES,
        help="While the company has fewer voluntary departures than this, attrition risk is a "
        "transparent rule-based score (weighted indicators) instead of a trained model.",
    )
    hrcr_attrition_band_medium = fields.Float(
        string="Medium risk from (%)", default=30.0,
        help="Risk percentage from which an employee is in the medium band.",
    )
    hrcr_attrition_band_high = fields.Float(
        string="High risk from (%)", default=60.0,
        help="Risk percentage from which an employee is in the high band; entering it notifies HR once.",
    )
    hrcr_attrition_stale_days = fields.Integer(
        string="Model stale after (days)", default=90,
        help="A trained model older than this is replaced by the next trained model even if the "
        "new one is not better on the holdout months.",
    )
    hrcr_attrition_voluntary_reason_ids = fields.Many2many(
        "hr.departure.reason", "hrcr_company_voluntary_reason_rel", "company_id", "reason_id",
        string="Voluntary departure reasons",
        help="Departure reasons counted as voluntary departures (the event the model predicts). "
        "Empty: the standard 'Resigned' reason.",
    )
    hrcr_attrition_sick_leave_type_ids = fields.Many2many(
        "hr.leave.type", "hrcr_company_sick_leave_type_rel", "company_id", "leave_type_id",
        string="Sick-leave types",
        help="Time-off types counted as sick leave. Empty: the standard 'Sick Time Off' type and "
        "every type whose English or Chinese name contains 'sick' or '病'.",
    )
    hrcr_attrition_alert_user_id = fields.Many2one(
        "res.users", string="Attrition alerts to",
        help="HR officer who receives the 'risk became high' activity when the employee's contract "
        "has no HR responsible.",
    )

    @api.constrains("hrcr_attrition_band_medium", "hrcr_attrition_band_high", "hrcr_attrition_min_departures",
                    "hrcr_attrition_stale_days")
    def _check_hrcr_attrition_settings(self):
        for company in self:
            if not 0 < company.hrcr_attrition_band_medium < company.hrcr_attrition_band_high <= 100:
                raise ValidationError(self.env._(
                    "Attrition risk bands: 0 < medium threshold < high threshold <= 100 (got %(medium)s and %(high)s).",
                    medium=company.hrcr_attrition_band_medium, high=company.hrcr_attrition_band_high,
                ))
            if company.hrcr_attrition_min_departures < 2 or company.hrcr_attrition_stale_days < 1:
                raise ValidationError(self.env._(
                    "Attrition risk: at least 2 departures are needed to train, and a model is stale "
                    "after at least 1 day."
                ))

    hrcr_expiry_stages = fields.Char(
        string="Contract Expiry Alert Stages",
        default=expiry.format_stages(expiry.DEFAULT_STAGES),
        help="Days before a fixed-term contract's end date (LCL Art. 44(1)) at which HR is "
        "alerted, separated by commas, e.g. 60,30,7. Each stage fires once per contract and "
        "end date; positive whole days, at most 366, no duplicates.",
    )
    hrcr_expiry_notify_manager = fields.Boolean(
        string="Also Alert the Employee's Manager",
        help="Expiry alerts also schedule a to-do for the user of the employee's manager.",
    )
    hrcr_escalation_user_id = fields.Many2one(
        "res.users",
        string="Expiry Escalation Responsible",
        domain="[('share', '=', False), ('company_ids', 'in', id)]",
        help="Receives the escalation when a contract has expired while running with no renewal "
        "decision recorded and no new contract (risk of LCL Art. 82 double wages). Empty: the "
        "first HR manager (Employees / Administrator) of the company, by user id.",
    )

    @api.constrains("hrcr_expiry_stages")
    def _check_hrcr_expiry_stages(self):
        for company in self:
            try:
                expiry.parse_stages(company.hrcr_expiry_stages)
            except expiry.StageError as err:
                raise ValidationError(
                    self.env._("Contract expiry alert stages of %(company)s: %(error)s",
                               company=company.name,
                               error=self.env._(err.msg.text, **err.msg.params))
                ) from err

    def _hrcr_expiry_stages(self):
        """The company's stages as a tuple, largest first (defaults if unreadable)."""
        self.ensure_one()
        try:
            return expiry.parse_stages(self.hrcr_expiry_stages)
        except expiry.StageError:
            return expiry.DEFAULT_STAGES

    def _hrcr_escalation_users(self):
        """{company_id: res.users} who receive escalations (and unassigned stage alerts).

        The configured user, else the company's HR manager with the lowest id
        (OdooBot excluded), else an empty recordset (callers fall back further).
        One query for all companies.
        """
        manager_group = self.env.ref("hr.group_hr_manager")
        # sudo: the cron reads group membership to route alerts; no data is shown to anyone here
        managers = self.env["res.users"].sudo().search(
            [("groups_id", "in", manager_group.ids), ("share", "=", False),
             ("id", "!=", self.env.ref("base.user_root").id)],
            order="id",
        )
        result = {}
        for company in self:
            user = company.hrcr_escalation_user_id
            if not user:
                user = next((u for u in managers if company in u.company_ids), self.env["res.users"])
            result[company.id] = user
        return result

    # ---- contract compliance from day one (issue 11): LCL 10, 19, 20, 21, 82
    hrcr_probation_policy = fields.Selection(
        [("block", "Block"), ("warn", "Warn")], string="Probation Check", default="block", required=True,
        help="When a contract is set running with a probation breaking LCL 19/20: block it (an HR manager "
        "may override with a note) or only post a warning in the chatter.",
    )
    hrcr_unsigned_alert_days = fields.Char(
        string="Unsigned Contract Alert Days", default="15,25", required=True,
        help="Days after hire when HR is alerted that no written contract is signed (LCL 10: within one month).",
    )
    hrcr_unsigned_escalation_day = fields.Integer(
        string="Unsigned Contract Escalation Day", default=30,
        help="Day after hire of the escalation; double wages run from month 2 (LCL 82, Reg 6).",
    )
    hrcr_probation_alert_days = fields.Integer(
        string="Probation Ending Alert Days", default=15,
        help="Days before the end of probation when HR is asked to confirm or end it (LCL 21).",
    )

    @api.constrains("hrcr_unsigned_alert_days", "hrcr_unsigned_escalation_day", "hrcr_probation_alert_days")
    def _check_hrcr_unsigned_days(self):
        for company in self:
            try:
                cc.parse_days(company.hrcr_unsigned_alert_days, self.env._("Unsigned contract alert days"))
            except cc.InputError as err:
                raise ValidationError(err.msg.render(self.env._)) from None
            if not 1 <= company.hrcr_unsigned_escalation_day <= 366:
                raise ValidationError(self.env._(
                    "Unsigned contract escalation day must be between 1 and 366 (got %(value)s).",
                    value=company.hrcr_unsigned_escalation_day))
            if not 0 <= company.hrcr_probation_alert_days <= 180:
                raise ValidationError(self.env._(
                    "Probation ending alert days must be between 0 and 180 (got %(value)s).",
                    value=company.hrcr_probation_alert_days))
