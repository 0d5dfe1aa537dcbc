from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..engine import labour_cost


def view_sql(table):
    """The view's statement (also run by bench/labour_cost_bench.py)."""
    return SQL("""
CREATE OR REPLACE VIEW %(table)s AS (
WITH months AS (
    SELECT gs::date AS m, (gs + interval '1 month' - interval '1 day')::date AS m_end,
           EXTRACT(DAY FROM gs + interval '1 month' - interval '1 day')::float AS days
      FROM generate_series(date_trunc('month', (now() AT TIME ZONE 'UTC')) - interval '35 months',
                           date_trunc('month', (now() AT TIME ZONE 'UTC')), interval '1 month') gs
),
region AS (
    SELECT DISTINCT ON (company_id) company_id, average_monthly_wage AS a,
           COALESCE(hrcr_pension_rate, 0) + COALESCE(hrcr_medical_rate, 0) + COALESCE(hrcr_unemployment_rate, 0)
               + COALESCE(hrcr_work_injury_rate, 0) AS si_rate,
           COALESCE(hrcr_pension_rate, 0) AS pension, COALESCE(hrcr_medical_rate, 0) AS medical,
           COALESCE(hrcr_unemployment_rate, 0) AS unemployment, COALESCE(hrcr_work_injury_rate, 0) AS work_injury,
           COALESCE(hrcr_housing_fund_rate, 0) AS hf_rate,
           COALESCE(hrcr_base_floor_pct, %(floor)s) AS floor_pct,
           COALESCE(hrcr_base_ceiling_pct, %(ceiling)s) AS ceiling_pct
      FROM hr_labour_region WHERE active ORDER BY company_id, year DESC
),
emp_month AS (
    SELECT c.company_id, COALESCE(c.department_id, e.department_id) AS department_id, mo.m AS month,
           c.employee_id,
           ((LEAST(COALESCE(c.date_end, mo.m_end), mo.m_end) - GREATEST(c.date_start, mo.m) + 1) / mo.days) AS frac,
           COALESCE(wh.amount, c.wage) AS monthly_wage,
           CASE WHEN wh.id IS NOT NULL THEN wh.amount
                ELSE ROUND((c.wage * (LEAST(COALESCE(c.date_end, mo.m_end), mo.m_end)
                            - GREATEST(c.date_start, mo.m) + 1) / mo.days)::numeric, 2) END AS gross
      FROM hr_contract c
      JOIN hr_employee e ON e.id = c.employee_id
      JOIN months mo ON c.date_start <= mo.m_end AND (c.date_end IS NULL OR c.date_end >= mo.m)
      LEFT JOIN hr_wage_history wh ON wh.employee_id = c.employee_id AND wh.month = mo.m
     WHERE c.state IN ('open', 'close')
),
emp_cost AS (
    SELECT em.*, r.pension, r.medical, r.unemployment, r.work_injury, r.hf_rate,
           CASE WHEN r.company_id IS NULL THEN 0
                ELSE GREATEST(r.a * r.floor_pct / 100.0, LEAST(r.a * r.ceiling_pct / 100.0, em.monthly_wage)) END
               AS base
      FROM emp_month em LEFT JOIN region r ON r.company_id = em.company_id
),
cost AS (
    SELECT company_id, department_id, month, COUNT(DISTINCT employee_id) AS headcount, SUM(frac) AS fte,
           SUM(gross) AS wage,
           SUM(ROUND((base * pension / 100.0)::numeric, 2) + ROUND((base * medical / 100.0)::numeric, 2)
               + ROUND((base * unemployment / 100.0)::numeric, 2) + ROUND((base * work_injury / 100.0)::numeric, 2))
               AS employer_si,
           SUM(ROUND((base * hf_rate / 100.0)::numeric, 2)) AS housing_fund
      FROM emp_cost GROUP BY company_id, department_id, month
),
sev AS (
    SELECT s.company_id, s.department_id, date_trunc('month', s.termination_date)::date AS month,
           SUM(s.total_amount) AS severance
      FROM hr_severance s WHERE s.state IN ('posted', 'paid') GROUP BY 1, 2, 3
),
dept_rev AS (
    SELECT d.company_id, d.id AS department_id, date_trunc('month', aml.date)::date AS month,
           SUM(-aml.balance * kv.value::numeric / 100.0) AS revenue
      FROM hr_department d
      JOIN account_move_line aml ON aml.analytic_distribution IS NOT NULL AND aml.company_id = d.company_id
      JOIN account_move am ON am.id = aml.move_id
      CROSS JOIN LATERAL jsonb_each_text(aml.analytic_distribution) kv
     WHERE d.hrcr_analytic_account_id IS NOT NULL
       AND d.hrcr_analytic_account_id::text = ANY (string_to_array(kv.key, ','))
       AND am.state = 'posted' AND am.move_type IN ('out_invoice', 'out_refund') AND aml.display_type = 'product'
     GROUP BY 1, 2, 3
),
company_rev AS (
    SELECT aml.company_id, date_trunc('month', aml.date)::date AS month, SUM(-aml.balance) AS revenue
      FROM account_move_line aml JOIN account_move am ON am.id = aml.move_id
     WHERE am.state = 'posted' AND am.move_type IN ('out_invoice', 'out_refund') AND aml.display_type = 'product'
       AND NOT EXISTS (SELECT 1 FROM hr_department d2
                        WHERE d2.company_id = aml.company_id AND d2.hrcr_analytic_account_id IS NOT NULL)
     GROUP BY 1, 2
),
dept_rows AS (
    SELECT company_id, department_id, month, SUM(headcount)::int AS headcount, SUM(fte) AS fte, SUM(wage) AS wage,
           SUM(employer_si) AS employer_si, SUM(housing_fund) AS housing_fund, SUM(severance) AS severance,
           SUM(revenue) AS revenue
      FROM (SELECT company_id, department_id, month, headcount, fte, wage, employer_si, housing_fund,
                   0 AS severance, 0 AS revenue FROM cost
            UNION ALL
            SELECT company_id, department_id, month, 0, 0, 0, 0, 0, severance, 0 FROM sev
            UNION ALL
            SELECT company_id, department_id, month, 0, 0, 0, 0, 0, 0, revenue FROM dept_rev) u
     GROUP BY company_id, department_id, month
),
all_rows AS (
    SELECT company_id, department_id, 'department' AS scope, month, headcount, fte, wage, employer_si,
           housing_fund, severance, revenue
      FROM dept_rows WHERE month >= (SELECT MIN(m) FROM months)
    UNION ALL
    SELECT company_id, NULL, 'company', month, 0, 0, 0, 0, 0, 0, revenue
      FROM company_rev WHERE month >= (SELECT MIN(m) FROM months)
)
SELECT row_number() OVER (ORDER BY month, company_id, scope, department_id) AS id,
       company_id, department_id, scope, month, headcount, fte, wage, employer_si, housing_fund, severance,
       wage + employer_si + housing_fund + severance AS total_cost, revenue,
       CASE WHEN revenue <> 0 THEN 100.0 * (wage + employer_si + housing_fund + severance) / revenue END
           AS cost_ratio,
       CASE WHEN fte <> 0 THEN revenue / fte END AS revenue_per_fte
  FROM all_rows
)""", table=SQL.identifier(table), floor=labour_cost.DEFAULT_FLOOR_PCT, ceiling=labour_cost.DEFAULT_CEILING_PCT)


class HrLabourCostReport(models.Model):
    """Fully loaded labour cost per department and month, with revenue (issue 13).

    An SQL view, not a stored table: the figures are always current (no refresh cron to
    forget), and PostgreSQL computes them set-wise over a 36-month grid -- contracts x months,
    never a loop per employee.  Rules (engine/labour_cost.py, where they are tested):

    * gross wage: the wage history amount of the month, else the contract wage prorated by
      the calendar-day fraction employed;
    * employer social insurance and housing fund: the monthly wage clamped to the region's
      floor/ceiling (% of the average wage), times each employer rate, for the full month
      (the ``full_month`` rule); region = the company's latest active regional parameters;
    * severance: posted or paid ``hr.severance`` of the department, in the termination month;
    * revenue: posted customer invoice/refund product lines whose analytic distribution
      uses the department's analytic account, weighted by its percentage.  A company with
      no department analytic account gets one company-level row per month carrying the
      company revenue, so that only the company-level ratio is meaningful.

    ``cost_ratio`` (人力成本占比) and ``revenue_per_fte`` (人均产出) are recomputed from the
    sums of each group in ``read_group``, so pivot totals are ratios of totals.
    """

    _name = "hr.labour.cost.report"
    _description = "Labour Cost Analysis"
    _auto = False
    _order = "month desc, department_id"

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", readonly=True)
    scope = fields.Selection(
        [("department", "Department"), ("company", "Company (no analytic accounts)")], readonly=True,
        help="Company: the company has no department analytic account, so revenue and the cost ratio exist only "
        "at company level.")
    month = fields.Date(readonly=True)
    headcount = fields.Integer(readonly=True, aggregator="sum")
    fte = fields.Float(string="FTE", readonly=True, digits=(12, 2), aggregator="sum")
    wage = fields.Monetary(string="Gross Wage", readonly=True)
    employer_si = fields.Monetary(string="Employer Social Insurance", readonly=True)
    housing_fund = fields.Monetary(string="Employer Housing Fund", readonly=True)
    severance = fields.Monetary(readonly=True)
    total_cost = fields.Monetary(string="Labour Cost", readonly=True)
    revenue = fields.Monetary(readonly=True)
    cost_ratio = fields.Float(
        string="Labour Cost Ratio (%)", readonly=True, digits=(12, 2), aggregator="max",
        help="人力成本占比 = labour cost / revenue, in percent; empty when there is no revenue.")
    revenue_per_fte = fields.Monetary(
        string="Revenue per FTE", readonly=True, aggregator="max", help="人均产出 = revenue / FTE.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(view_sql(self._table))

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """Ratios of a group are ratios of its sums (labour_cost.safe_ratio), not a max or an average."""
        result = super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        wanted = {f.split(":")[0] for f in fields}
        if wanted & {"cost_ratio", "revenue_per_fte"}:
            needed = ["total_cost:sum", "revenue:sum", "fte:sum"]
            sums = super().read_group(domain, needed, groupby, offset=offset, limit=limit, orderby=orderby,
                                      lazy=lazy)
            for row, tot in zip(result, sums, strict=True):
                ratio = labour_cost.safe_ratio(tot.get("total_cost") or 0.0, tot.get("revenue") or 0.0)
                row["cost_ratio"] = ratio * 100.0 if ratio is not None else False
                per_fte = labour_cost.safe_ratio(tot.get("revenue") or 0.0, tot.get("fte") or 0.0)
                row["revenue_per_fte"] = per_fte if per_fte is not None else False
        return result
