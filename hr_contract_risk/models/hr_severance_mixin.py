from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date, formatLang

from ..engine import labour_law

NOTICE_SELECTION = [
    ("yes", "Given (30 days' written notice)"),
    ("no", "Not given: one extra month's wage (N+1)"),
]
NO_FAULT_SELECTION = [
    ("illness", "Illness or non-work injury after the medical period (LCL 40(1))"),
    ("incompetence", "Incompetent after training or reassignment (LCL 40(2))"),
    ("objective_change", "Major change of objective circumstances (LCL 40(3))"),
]
WAGE_SOURCE_SELECTION = [
    ("history", "Wage history"),
    ("contract", "Contract wage (no wage history)"),
]

#: inputs of the engine (the record is frozen once confirmed)
INPUT_FIELDS = (
    "employee_id", "contract_id", "company_id", "hire_date", "termination_date", "termination_ground",
    "notice_given", "no_fault_reason", "average_monthly_wage", "previous_month_wage", "leave_wage",
    "local_average_wage", "local_minimum_wage", "untaken_leave_days", "enterprise_average_wage",
    "pre2008_local_amount", "medical_subsidy_months",
    "disability_grade", "disability_subsidy_months", "disability_subsidy_base", "carried_leave_days",
)
OUTPUT_FIELDS = (
    "compensation_months", "compensation_amount", "notice_pay_amount", "leave_pay_amount", "other_amount",
    "total_amount", "breakdown_data", "breakdown_error",
    "disability_subsidy_amount",
)
DISABILITY_SUBSIDY_BASE_SELECTION = [
    ("wage", "Employee's average wage (W)"),
    ("local_average", "Local average wage (A)"),
]


class HrSeveranceMixin(models.AbstractModel):
    """Inputs, engine call and breakdown shared by the severance wizard and record.

    The amounts are computed by ``engine.labour_law.compute_severance`` from the fields of
    ``INPUT_FIELDS`` and the company's conventions (``res.company._hrcr_law_config``).
    """

    _name = "hr.severance.mixin"
    _description = "Severance Computation"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    employee_id = fields.Many2one("hr.employee", required=True, check_company=True)
    contract_id = fields.Many2one(
        "hr.contract", check_company=True, domain="[('employee_id', '=', employee_id)]")
    hire_date = fields.Date(
        help="Start of employment (用工之日): service counts from here (LCL 47, Reg 25).")
    termination_date = fields.Date(help="Last day of the contract.")
    termination_ground = fields.Selection(
        labour_law.ground_selection(), help="Why the contract ends; decides the money (LCL 36-48, 87).")
    notice_given = fields.Selection(
        NOTICE_SELECTION, string="Notice",
        help="No-fault dismissal (LCL 40): without 30 days' written notice one extra month's wage is owed, "
        "at the previous month's wage (Reg 20).")
    no_fault_reason = fields.Selection(
        NO_FAULT_SELECTION, string="Art. 40 Situation",
        help="Which LCL 40 situation applies; for service before 2008 it selects Circular 481 Art. 6, 7 or 8.")
    average_monthly_wage = fields.Monetary(
        string="Average Monthly Wage (W)",
        help="Average gross pay of the 12 months before the termination (fewer if employed less), including "
        "bonuses, commissions, allowances and subsidies (LCL 47 ¶3, Reg 27).")
    previous_month_wage = fields.Monetary(
        string="Previous Month's Wage", help="Wage of the month before the termination: the '+1' of N+1 (Reg 20).")
    leave_wage = fields.Monetary(
        string="Annual-Leave Wage", help="12-month average excluding overtime, the base of untaken leave pay "
        "(Annual Leave Implementing Measures Art. 11).")
    local_average_wage = fields.Monetary(
        string="Local Average Monthly Wage (A)",
        help="Previous-year average monthly wage of the city where the work is performed (LCL 47 ¶2, Reg 14).")
    local_minimum_wage = fields.Monetary(
        help="Monthly minimum wage: the floor of the base (Reg 27).")
    untaken_leave_days = fields.Float(
        string="Untaken Annual Leave Days", digits=(16, 1),
        help="Days of statutory annual leave due and not taken; fractions are not paid (Annual Leave Implementing "
        "Measures Arts. 10-12).")
    enterprise_average_wage = fields.Monetary(
        help="Optional. For service before 2008 after illness, objective change or layoff, W is raised to the "
        "enterprise's average wage when lower (Circular 481 Art. 11).")
    pre2008_local_amount = fields.Monetary(
        string="Local Pre-2008 Addition",
        help="Unconfirmed: local rules before 2008 (e.g. local termination subsidies) may add an amount; "
        "enter it here.")
    medical_subsidy_months = fields.Float(
        string="Medical Subsidy (Months)", digits=(16, 1),
        help="Circular 481 Art. 6: illness dismissal with pre-2008 service earns a medical subsidy of at least "
        "6 months' wages. Unconfirmed whether it still applies: 0 omits it.")
    # work injury (工伤保险条例 Arts. 35-37) and leave carried over (实施办法 Art. 9)
    disability_grade = fields.Integer(
        string="Work-Injury Disability Grade",
        help="Confirmed disability grade 1-10, 0 when none. Grades 1-4 keep the relationship, 5-6 end only at the "
        "employee's request, 7-10 may end at expiry; from grade 5 the employer pays the one-time disability "
        "employment subsidy (Work-Related Injury Insurance Regulations Arts. 35-37).")
    disability_subsidy_months = fields.Float(
        string="Disability Subsidy (Months)", digits=(16, 1),
        help="Months of the one-time disability employment subsidy for the grade, set by the province "
        "(regional parameters).")
    disability_subsidy_base = fields.Selection(
        DISABILITY_SUBSIDY_BASE_SELECTION,
        help="Monthly amount of the subsidy, as the province sets it: the employee's W or the local average A.")
    carried_leave_days = fields.Float(
        string="Leave Days Carried from Last Year", digits=(16, 1),
        help="Untaken statutory annual leave of the previous year, arranged across the year and still not taken: "
        "paid with this year's days (Annual Leave Implementing Measures Art. 9).")
    wage_months_worked = fields.Float(
        string="Months Actually Worked", digits=(16, 2),
        help="Reg 27: the months W is averaged over, a partial first or last month counted as its fraction.")
    wage_source = fields.Selection(WAGE_SOURCE_SELECTION)
    wage_months = fields.Integer(string="Months Averaged")
    wage_window_start = fields.Date(string="Wage Window From")
    wage_window_end = fields.Date(string="Wage Window To")
    region_id = fields.Many2one("hr.labour.region", string="Regional Parameters", check_company=True)
    region_fallback = fields.Boolean(
        string="Older Average Wage", help="The average wage of the year wanted is not configured: the latest "
        "configured year is used (company setting).")

    # outputs
    compensation_months = fields.Float(
        string="Months of Compensation", digits=(16, 1), compute="_compute_severance", store=True,
        help="N (2N for an unlawful termination), after the 12-year cap.")
    compensation_amount = fields.Monetary(string="Compensation", compute="_compute_severance", store=True)
    notice_pay_amount = fields.Monetary(
        string="Pay in Lieu of Notice", compute="_compute_severance", store=True, help="The '+1' of N+1 (LCL 40).")
    leave_pay_amount = fields.Monetary(string="Untaken Leave Pay", compute="_compute_severance", store=True)
    other_amount = fields.Monetary(
        string="Other (Pre-2008)", compute="_compute_severance", store=True,
        help="Circular 481 Art. 6 medical subsidy and local pre-2008 additions.")
    disability_subsidy_amount = fields.Monetary(
        string="Disability Employment Subsidy", compute="_compute_severance", store=True,
        help="One-time disability employment subsidy (Work-Related Injury Insurance Regulations Arts. 36-37).")
    total_amount = fields.Monetary(string="Total", compute="_compute_severance", store=True)
    breakdown_data = fields.Json(compute="_compute_severance", store=True)
    breakdown_error = fields.Char(compute="_compute_severance", store=True)
    breakdown_html = fields.Html(string="Breakdown", compute="_compute_breakdown_html", sanitize=False)

    # ------------------------------------------------------------------ engine

    def _hrcr_tr(self, text, params=None):
        """Translate an engine message (English source + params) in this env's language."""
        params = params or {}
        return self.env._(text, **params) if params else self.env._(text)

    def _hrcr_engine_input(self):
        self.ensure_one()
        D = labour_law.to_decimal
        return labour_law.SeveranceInput(
            ground=self.termination_ground,
            hire_date=self.hire_date or None,
            termination_date=self.termination_date,
            average_wage=D(self.average_monthly_wage or 0.0),
            local_average_wage=D(self.local_average_wage or 0.0),
            local_minimum_wage=D(self.local_minimum_wage or 0.0),
            notice_given={"yes": True, "no": False}.get(self.notice_given),
            previous_month_wage=D(self.previous_month_wage) if self.previous_month_wage else None,
            no_fault_reason=self.no_fault_reason or None,
            enterprise_average_wage=D(self.enterprise_average_wage) if self.enterprise_average_wage else None,
            untaken_leave_days=D(self.untaken_leave_days or 0.0),
            leave_wage=D(self.leave_wage) if self.leave_wage else None,
            pre2008_local_amount=D(self.pre2008_local_amount or 0.0),
            medical_subsidy_months=D(self.medical_subsidy_months or 0.0),
            disability_grade=self.disability_grade or None,
            disability_subsidy_months=D(self.disability_subsidy_months or 0.0),
            disability_subsidy_base=self.disability_subsidy_base or "wage",
            carried_leave_days=D(self.carried_leave_days or 0.0),
        )

    def _hrcr_run_engine(self, strict=False):
        """Engine result, or None with an error text (strict: raise a translated UserError)."""
        self.ensure_one()
        if not (self.termination_ground and self.hire_date and self.termination_date):
            error = _("Fill in the hire date, the termination date and the termination ground.")
            if strict:
                raise UserError(error)
            return None, error
        try:
            result = labour_law.compute_severance(self._hrcr_engine_input(), self.company_id._hrcr_law_config())
        except labour_law.LabourLawError as exc:
            error = self._hrcr_tr(exc.msg.text, exc.msg.params)
            if strict:
                raise UserError(error) from None
            return None, error
        return result, False

    @api.depends(*INPUT_FIELDS)
    def _compute_severance(self):
        for rec in self:
            result, error = rec._hrcr_run_engine()
            if result is None:
                rec.update({
                    "compensation_months": 0.0, "compensation_amount": 0.0, "notice_pay_amount": 0.0,
                    "leave_pay_amount": 0.0, "other_amount": 0.0, "total_amount": 0.0,
                    "breakdown_data": False, "breakdown_error": error, "disability_subsidy_amount": 0.0,
                })
                continue
            rec.update({
                "compensation_months": float(result.compensation_months),
                "compensation_amount": float(result.compensation_amount),
                "notice_pay_amount": float(result.notice_pay_amount),
                "leave_pay_amount": float(result.leave_pay_amount),
                "other_amount": float(result.other_amount),
                "total_amount": float(result.total_amount),
                "disability_subsidy_amount": float(result.disability_subsidy_amount),
                "breakdown_data": result.as_dict(),
                "breakdown_error": False,
            })

    # ------------------------------------------------------------------ breakdown rendering

    @api.depends_context("lang")
    @api.depends("breakdown_data", "breakdown_error", "wage_source", "wage_months", "region_id", "region_fallback",
                 "wage_months_worked")
    def _compute_breakdown_html(self):
        for rec in self:
            rec.breakdown_html = self.env["ir.qweb"]._render(
                "hr_contract_risk.severance_breakdown", {"b": rec._hrcr_breakdown_values()})

    def _hrcr_money(self, value):
        return formatLang(self.env, float(value or 0.0), currency_obj=self.currency_id)

    def _hrcr_service_text(self, years, months, days):
        return _("%(years)s years %(months)s months %(days)s days", years=years, months=months, days=days)

    def _hrcr_wage_source_text(self):
        if self.wage_source == "history":
            text = _(
                "W is the average of %(count)s monthly wage lines from %(start)s to %(end)s.",
                count=self.wage_months,
                start=format_date(self.env, self.wage_window_start, date_format="yyyy-MM"),
                end=format_date(self.env, self.wage_window_end, date_format="yyyy-MM"),
            )
            if self.wage_months_worked and round(self.wage_months_worked, 2) != self.wage_months:
                text = "%s %s" % (text, _(
                    "They are divided by %(worked)s months actually worked: a partial first or last month counts as "
                    "its fraction (Reg 27).", worked="%.2f" % self.wage_months_worked))
            return text
        if self.wage_source == "contract":
            return _("No wage history: W is the contract wage. Import monthly wage lines for an exact average.")
        return ""

    def _hrcr_breakdown_values(self):
        """Plain strings for the ``severance_breakdown`` template, in this env's language."""
        self.ensure_one()
        data = self.breakdown_data
        if not data:
            return {"error": self.breakdown_error or _("Nothing computed yet.")}
        tr = self._hrcr_tr
        money = self._hrcr_money

        def art_list(items):
            return ", ".join(tr(a["text"], a["params"]) for a in items)

        def n_text(value):
            return labour_law.fmt_n(labour_law.to_decimal(value))

        grounds = dict(self._fields["termination_ground"]._description_selection(self.env))
        rules = {
            labour_law.MONEY_ZERO: _("No economic compensation"),
            labour_law.MONEY_N: _("N: economic compensation (LCL 47)"),
            labour_law.MONEY_N_PLUS_1: _("N, plus one month's wage without 30 days' notice (LCL 40, 47)"),
            labour_law.MONEY_2N: _("2N: damages for unlawful termination (LCL 87)"),
        }
        segment_labels = {
            "pre2008": _("Before 2008 (old rules)"),
            "post2008": _("From 2008 (LCL)"),
            "from_hire": _("From hire (2N)"),
        }
        segments = []
        for seg in data["segments"]:
            flags = []
            if seg["cap_applied"]:
                flags.append(_("base capped at 3A"))
            if seg["year_cap_applied"]:
                flags.append(_("months capped"))
            if seg["floor_applied"]:
                flags.append(_("minimum-wage floor"))
            if seg["enterprise_average_applied"]:
                flags.append(_("enterprise average"))
            n = n_text(seg["n"])
            if seg["n"] != seg["n_before_cap"]:
                n = f"{n_text(seg['n_before_cap'])} → {n}"
            if seg["multiplier"] not in ("1", "1.0"):
                n = f"{n} × {n_text(seg['multiplier'])}"
            segments.append({
                "label": segment_labels.get(seg["key"], seg["key"]),
                "period": "%s – %s" % (format_date(self.env, seg["start"]), format_date(self.env, seg["end"])),
                "service": self._hrcr_service_text(seg["years"], seg["months"], seg["days"]),
                "rule": tr(seg["rule"]["text"], seg["rule"]["params"]),
                "n": n,
                "base": money(seg["base"]),
                "amount": money(seg["amount"]),
                "flags": ", ".join(flags),
                "articles": art_list(seg["articles"]),
            })
        benefit = {
            labour_law.BENEFIT_YES: _("Yes: involuntary unemployment"),
            labour_law.BENEFIT_NO: _("No: leaving is the employee's choice"),
            labour_law.BENEFIT_NA: _("Not applicable"),
            labour_law.BENEFIT_UNKNOWN: _("Unconfirmed"),
        }.get(data["benefit"], "")
        if data["benefit_unconfirmed"] and data["benefit"] != labour_law.BENEFIT_UNKNOWN:
            benefit = _("%(benefit)s (Unconfirmed: local practice may differ)", benefit=benefit)
        if data["benefit_articles"]:
            benefit = f"{benefit} — {art_list(data['benefit_articles'])}"
        info = [x for x in (self._hrcr_wage_source_text(),) if x]
        if self.region_id:
            # sudo: finance users read the severance but not the regional parameters; only the name is shown
            info.append(_(
                "A and the minimum wage from the regional parameters %(region)s.",
                region=self.region_id.sudo().display_name))  # sudo: see comment above
        if self.region_fallback:
            info.append(_(
                "The average wage of the year before the termination is not configured: the latest configured year "
                "is used (company setting; Unconfirmed which figure applies before publication)."))
        service = data["service"]
        return {
            "error": False,
            "ground": grounds.get(data["ground"], data["ground"]),
            "money_rule": rules.get(data["money_rule"], data["money_rule"]),
            "hire_date": format_date(self.env, data["hire_date"]),
            "termination_date": format_date(self.env, data["termination_date"]),
            "service": self._hrcr_service_text(service["years"], service["months"], service["days"]),
            "wage": money(data["average_wage"]),
            "local_average_wage": money(data["local_average_wage"]),
            "cap_3a": money(data["cap_3a"]),
            "minimum_wage": money(data["local_minimum_wage"]),
            "segments": segments,
            "compensation_months": n_text(data["compensation_months"]),
            "compensation": money(data["compensation_amount"]),
            "notice": money(data["notice_pay_amount"]),
            "leave": money(data["leave_pay_amount"]),
            "other": money(data["other_amount"]),
            "total": money(data["total_amount"]),
            "show_notice": data["notice_pay_amount"] not in ("0", "0.00"),
            "show_leave": data["leave_pay_amount"] not in ("0", "0.00"),
            "show_other": data["other_amount"] not in ("0", "0.00"),
            "disability_subsidy": money(data.get("disability_subsidy_amount") or 0),
            "show_disability_subsidy": (data.get("disability_subsidy_amount") or "0") not in ("0", "0.00"),
            "articles": [tr(a["text"], a["params"]) for a in data["articles"]],
            "warnings": [tr(m["text"], m["params"]) for m in data["warnings"]],
            "notes": [tr(m["text"], m["params"]) for m in data["notes"]],
            "info": info,
            "benefit": benefit,
        }
