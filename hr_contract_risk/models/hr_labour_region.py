"""Severance: regional average and minimum wages (LCL 47 ¶2 caps)."""

import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import bounds, labour_law
from ..engine.i18n import Msg


def normalize_city(name):
    """'上海市' / ' Shanghai ' / 'shanghai shi' -> comparable key."""
    key = re.sub(r"\s+", " ", (name or "").strip().lower())
    key = re.sub(r"(市| city| shi)$", "", key).strip()
    return key


class HrLabourRegion(models.Model):
    """Regional parameters of severance: A (previous-year average wage) and the minimum wage.

    One row per company, city and statistical year of the average wage.  LCL 47 ¶2
    caps the base at 3x the average monthly wage of the previous year published by the
    municipality or districted city where the work is performed (Reg 14); Reg 27 floors
    it at the local minimum wage.
    """

    _name = "hr.labour.region"
    _description = "Labour Regional Parameters"
    _order = "city, year desc"
    _rec_names_search = ["city", "city_aliases"]

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    city = fields.Char(
        required=True, help="Municipality or districted city where the work is performed (LCL 47 ¶2, Reg 14).")
    city_aliases = fields.Char(
        string="Other Spellings", help="Comma-separated other names of the city, e.g. 'Shanghai, 上海市'.")
    city_key = fields.Char(compute="_compute_city_key", store=True, index=True)
    year = fields.Integer(
        string="Average Wage Year", required=True,
        help="Statistical year of the average wage (the 'previous year' of LCL 47 ¶2): the 2023 row serves "
        "terminations in 2024 under the default rule.")
    average_monthly_wage = fields.Monetary(
        string="Average Monthly Wage (A)", required=True,
        help="Average monthly wage of employees in the city for that year, as published (LCL 47 ¶2). "
        "Compensation is capped at 3A for earners above it.")
    minimum_wage = fields.Monetary(
        string="Monthly Minimum Wage", required=True,
        help="Local monthly minimum wage (Reg 27 floor), in force from the date below.")
    minimum_wage_from = fields.Date(
        string="Minimum Wage in Force From",
        help="Date from which the minimum wage applies. The lookup takes the latest minimum wage in force at the "
        "termination date among the city's rows; empty: the minimum wage of the row used for A.")
    source_url = fields.Char(string="Source", help="Where the figures were published (government site).")
    note = fields.Char(help="E.g. 'demo value, verify against the source'.")
    active = fields.Boolean(default=True)
    # 一次性伤残就业补助金 (工伤保险条例 Arts. 36-37): months per grade and base, set by the province
    disability_subsidy_base = fields.Selection(
        [("wage", "Employee's average wage (W)"), ("local_average", "Local average wage (A)")],
        string="Disability Employment Subsidy Base", default="wage", required=True,
        help="The monthly amount the province multiplies by the months of the grade for the one-time disability "
        "employment subsidy (Work-Related Injury Insurance Regulations Arts. 36-37).")
    disability_subsidy_months_5 = fields.Float(string="Subsidy Months, Grade 5", digits=(16, 1))
    disability_subsidy_months_6 = fields.Float(string="Subsidy Months, Grade 6", digits=(16, 1))
    disability_subsidy_months_7 = fields.Float(string="Subsidy Months, Grade 7", digits=(16, 1))
    disability_subsidy_months_8 = fields.Float(string="Subsidy Months, Grade 8", digits=(16, 1))
    disability_subsidy_months_9 = fields.Float(string="Subsidy Months, Grade 9", digits=(16, 1))
    disability_subsidy_months_10 = fields.Float(string="Subsidy Months, Grade 10", digits=(16, 1))

    _sql_constraints = [
        ("company_city_year_uniq", "unique(company_id, city_key, year)",
         "Regional parameters already exist for this city and year in this company."),
    ]

    @api.depends("city", "year")
    def _compute_name(self):
        for rec in self:
            rec.name = f"{rec.city or ''} {rec.year or ''}".strip()

    @api.depends("city")
    def _compute_city_key(self):
        for rec in self:
            rec.city_key = normalize_city(rec.city)

    @api.constrains("average_monthly_wage", "minimum_wage", "year", "source_url")
    def _check_values(self):
        for rec in self:
            if rec.average_monthly_wage <= 0 or rec.minimum_wage <= 0:
                raise ValidationError(_("The average wage and the minimum wage must be greater than zero."))
            if not 1990 <= rec.year <= 2100:
                raise ValidationError(_("The year %(year)s is not plausible.", year=rec.year))
            if rec.source_url and not re.match(r"^https?://", rec.source_url):
                raise ValidationError(_("The source must be a web address starting with http:// or https://."))

    @api.constrains("disability_subsidy_months_5", "disability_subsidy_months_6", "disability_subsidy_months_7",
                    "disability_subsidy_months_8", "disability_subsidy_months_9", "disability_subsidy_months_10")
    def _check_disability_subsidy_months(self):
        for rec in self:
            for grade in range(5, 11):
                name = f"disability_subsidy_months_{grade}"
                try:
                    bounds.check_number("disability_subsidy_months", rec[name],
                                        self._fields[name]._description_string(self.env))
                except bounds.BoundsError as err:
                    params = dict(err.msg.params, rule=self.env._(err.msg.params["rule"]))  # an _lt of bounds
                    raise ValidationError(Msg(err.msg.text, params).render(self.env._)) from None

    def _hrcr_disability_subsidy(self, grade):
        """(months, base key) of the one-time disability employment subsidy for ``grade`` (5-10), else (0, base)."""
        self.ensure_one()
        if grade and 5 <= grade <= 10:
            return self[f"disability_subsidy_months_{grade}"], self.disability_subsidy_base or "wage"
        return 0.0, self.disability_subsidy_base or "wage"

    def _matches_city(self, key):
        self.ensure_one()
        keys = {self.city_key} | {normalize_city(x) for x in (self.city_aliases or "").split(",") if x.strip()}
        return key in keys

    @api.model
    def _hrcr_city_of(self, employee, contract=None):
        """City where the work is performed: the work location's address, the employee's work
        address, else the company's city (Reg 14)."""
        employee = employee.sudo()  # sudo: address fields of the employee, read for HR officers only
        for partner in (employee.work_location_id.address_id, employee.address_id):
            if partner and partner.city:
                return partner.city
        company = (contract and contract.company_id) or employee.company_id
        return company.city or ""

    @api.model
    def _hrcr_lookup(self, company, city, termination_date):
        """(row for A, minimum wage, fallback flag, message) for a termination.

        ``message`` is a translated explanation when no row fits (then row is empty).
        """
        key = normalize_city(city)
        if not key:
            return self.browse(), 0.0, False, _(
                "No work city is known: set the work location's address or the company's city, then the regional "
                "parameters in Employees > Configuration > Contract Risk > Regional Parameters.")
        rows = self.search([("company_id", "=", company.id)]).filtered(lambda r: r._matches_city(key))
        years = sorted(set(rows.mapped("year")))
        year, fallback = labour_law.region_year(
            termination_date, company.hrcr_region_year_rule or "previous_year",
            company.hrcr_region_publish_month or 7, years)
        row = rows.filtered(lambda r: r.year == year)[:1] if year else self.browse()
        if not row:
            wanted = year or (termination_date.year - 1)
            return self.browse(), 0.0, False, _(
                "No regional parameters for %(city)s, average-wage year %(year)s, in company %(company)s: add them in "
                "Employees > Configuration > Contract Risk > Regional Parameters.",
                city=city, year=wanted, company=company.name)
        in_force = rows.filtered(lambda r: r.minimum_wage_from and r.minimum_wage_from <= termination_date)
        minimum = (in_force.sorted("minimum_wage_from")[-1:] or row).minimum_wage
        return row, minimum, fallback, ""

    @api.model
    def _hrcr_require(self, company, city, termination_date):
        row, minimum, fallback, message = self._hrcr_lookup(company, city, termination_date)
        if not row:
            raise UserError(message)
        return row, minimum, fallback
