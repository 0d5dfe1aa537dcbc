from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..engine import labour_cost

#: aliases of the sums a group's ratios are computed from (read_group)
RATIO_SUMS = {"hrcr_sum_cost": "total_cost", "hrcr_sum_revenue": "revenue", "hrcr_sum_fte": "fte"}


def view_sql(table):
    """The view's statement (also run by bench/labour_cost_bench.py).

    Shaped for speed (bench: 10,000 employees x 36 months, docs/labour-cost.md):

    * the month grid is an integer ``generate_series(0, 35)``, so the planner knows it has 36
      rows (a timestamp series is estimated at 1,000, which inflated every later estimate and
      pushed the plan into JIT compilation, about a second of the old run);
    * the employer rates are turned into exact ``numeric`` fractions once per region, and the
      base bounds precomputed, so the contract x month rows do ``numeric x numeric`` and a
      ``ROUND`` only: the old per-row ``double -> numeric`` casts (4 per row, formatted through
      text by PostgreSQL) were half of the CPU time.  The result is the same to the cent: the
      rates are decimals with few digits, so the cast of the rate and the old cast of the
      product give the same decimal (checked on the bench's 290,000 contract-months);
    * a full month of a contract without wage history takes the contract wage as is (the
      prorated formula gives the same number), so only hire and leave months are divided;
    * headcount is counted on a pre-aggregation per employee and month (a second, small
      GROUP BY) instead of ``COUNT(DISTINCT)``.
    """
    return SQL("""
CREATE OR REPLACE VIEW %(table)s AS (
WITH months AS (
    SELECT g.m::date AS m, (g.m + interval '1 month' - interval '1 day')::date AS m_end,
           EXTRACT(DAY FROM g.m + interval '1 month' - interval '1 day')::float AS days
      FROM (SELECT date_trunc('month', (now() AT TIME ZONE 'UTC')) - i * interval '1 month' AS m
              FROM generate_series(0, 35) i) g
),
first_month AS (
    SELECT (date_trunc('month', (now() AT TIME ZONE 'UTC')) - interval '35 months')::date AS m
),
region AS (
    SELECT DISTINCT ON (company_id) company_id,
           COALESCE(hrcr_pension_rate, 0)::numeric / 100 AS pension,
           COALESCE(hrcr_medical_rate, 0)::numeric / 100 AS medical,
           COALESCE(hrcr_unemployment_rate, 0)::numeric / 100 AS unemployment,
           COALESCE(hrcr_work_injury_rate, 0)::numeric / 100 AS work_injury,
           COALESCE(hrcr_housing_fund_rate, 0)::numeric / 100 AS hf_rate,
           average_monthly_wage * COALESCE(hrcr_base_floor_pct, %(floor)s)::numeric / 100 AS base_floor,
           average_monthly_wage * COALESCE(hrcr_base_ceiling_pct, %(ceiling)s)::numeric / 100 AS base_ceiling
      FROM hr_labour_region WHERE active ORDER BY company_id, year DESC
),
contract_month AS (
    SELECT c.company_id, COALESCE(c.department_id, e.department_id) AS department_id, mo.m AS month,
           c.employee_id, mo.days, c.wage, wh.amount AS wh_amount,
           LEAST(COALESCE(c.date_end, mo.m_end), mo.m_end) - GREATEST(c.date_start, mo.m) + 1 AS ndays
      FROM hr_contract c
      JOIN hr_employee e ON e.id = c.employee_id
      JOIN months mo ON c.date_start <= mo.m_end AND (c.date_end IS NULL OR c.date_end >= mo.m)
      LEFT JOIN hr_wage_history wh ON wh.employee_id = c.employee_id AND wh.month = mo.m
     WHERE c.state IN ('open', 'close')
),
contract_cost AS (
    SELECT cm.company_id, cm.department_id, cm.month, cm.employee_id, cm.ndays / cm.days AS frac,
           CASE WHEN cm.wh_amount IS NOT NULL THEN cm.wh_amount
                WHEN cm.ndays = cm.days THEN cm.wage
                ELSE ROUND((cm.wage * cm.ndays / cm.days)::numeric, 2) END AS gross,
           -- a company without regional parameters pays no employer contribution here (0, not NULL,
           -- which would blank the whole cost)
           COALESCE(r.pension, 0) AS pension, COALESCE(r.medical, 0) AS medical,
           COALESCE(r.unemployment, 0) AS unemployment, COALESCE(r.work_injury, 0) AS work_injury,
           COALESCE(r.hf_rate, 0) AS hf_rate,
           CASE WHEN r.company_id IS NULL THEN 0
                ELSE GREATEST(r.base_floor, LEAST(r.base_ceiling, COALESCE(cm.wh_amount, cm.wage))) END AS base
      FROM contract_month cm LEFT JOIN region r ON r.company_id = cm.company_id
),
employee_month AS (
    SELECT company_id, department_id, month, employee_id, SUM(frac) AS fte, SUM(gross) AS wage,
           SUM(ROUND(base * pension, 2) + ROUND(base * medical, 2) + ROUND(base * unemployment, 2)
               + ROUND(base * work_injury, 2)) AS employer_si,
           SUM(ROUND(base * hf_rate, 2)) AS housing_fund
      FROM contract_cost GROUP BY company_id, department_id, month, employee_id
),
cost AS (
    SELECT company_id, department_id, month, COUNT(*) AS headcount, SUM(fte) AS fte, SUM(wage) AS wage,
           SUM(employer_si) AS employer_si, SUM(housing_fund) AS housing_fund
      FROM employee_month GROUP BY company_id, department_id, month
),
sev AS (
    SELECT s.company_id, s.department_id, date_trunc('month', s.termination_date)::date AS month,
           SUM(s.total_amount) AS severance
      FROM hr_severance s WHERE s.state IN ('posted', 'paid') GROUP BY 1, 2, 3
),
booked AS (
    SELECT aml.company_id, date_trunc('month', aml.date)::date AS month, aml.balance, aml.analytic_distribution,
           k.kind
      FROM account_move_line aml
      JOIN (SELECT company_id, account_id, 'recruiting' AS kind FROM hrcr_company_recruiting_account_rel
            UNION ALL
            SELECT company_id, account_id, 'training' FROM hrcr_company_training_account_rel) k
        ON k.company_id = aml.company_id AND k.account_id = aml.account_id
     WHERE aml.parent_state = 'posted' AND aml.date >= (SELECT m FROM first_month)
),
booked_dept AS (
    SELECT d.company_id, d.id AS department_id, b.month, b.kind,
           SUM(b.balance * kv.value::numeric / 100.0) AS amount
      FROM booked b
      CROSS JOIN LATERAL jsonb_each_text(b.analytic_distribution) kv
      JOIN hr_department d ON d.company_id = b.company_id AND d.hrcr_analytic_account_id IS NOT NULL
                          AND d.hrcr_analytic_account_id::text = ANY (string_to_array(kv.key, ','))
     WHERE b.analytic_distribution IS NOT NULL
     GROUP BY 1, 2, 3, 4
),
booked_company AS (
    SELECT company_id, month, kind, SUM(amount) AS amount
      FROM (SELECT company_id, month, kind, balance AS amount FROM booked
            UNION ALL
            SELECT company_id, month, kind, -amount FROM booked_dept) u
     GROUP BY 1, 2, 3
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
           SUM(recruiting) AS recruiting, SUM(training) AS training, SUM(revenue) AS revenue
      FROM (SELECT company_id, department_id, month, headcount, fte, wage, employer_si, housing_fund,
                   0 AS severance, 0 AS recruiting, 0 AS training, 0 AS revenue FROM cost
            UNION ALL
            SELECT company_id, department_id, month, 0, 0, 0, 0, 0, severance, 0, 0, 0 FROM sev
            UNION ALL
            SELECT company_id, department_id, month, 0, 0, 0, 0, 0, 0,
                   CASE WHEN kind = 'recruiting' THEN amount ELSE 0 END,
                   CASE WHEN kind = 'training' THEN amount ELSE 0 END, 0 FROM booked_dept
            UNION ALL
            SELECT company_id, department_id, month, 0, 0, 0, 0, 0, 0, 0, 0, revenue FROM dept_rev) u
     GROUP BY company_id, department_id, month
),
company_rows AS (
    SELECT company_id, month, SUM(recruiting) AS recruiting, SUM(training) AS training, SUM(revenue) AS revenue
      FROM (SELECT company_id, month, CASE WHEN kind = 'recruiting' THEN amount ELSE 0 END AS recruiting,
                   CASE WHEN kind = 'training' THEN amount ELSE 0 END AS training, 0 AS revenue
              FROM booked_company WHERE amount <> 0
            UNION ALL
            SELECT company_id, month, 0, 0, revenue FROM company_rev) u
     GROUP BY company_id, month
),
all_rows AS (
    SELECT company_id, department_id, 'department' AS scope, month, headcount, fte, wage, employer_si,
           housing_fund, severance, recruiting, training, revenue
      FROM dept_rows WHERE month >= (SELECT m FROM first_month)
    UNION ALL
    SELECT company_id, NULL, 'company', month, 0, 0, 0, 0, 0, 0, recruiting, training, revenue
      FROM company_rows WHERE month >= (SELECT m FROM first_month)
)
SELECT row_number() OVER (ORDER BY month, company_id, scope, department_id) AS id,
       company_id, department_id, scope, month, headcount, fte, wage, employer_si, housing_fund, severance,
       recruiting, training,
       wage + employer_si + housing_fund + severance + recruiting + training AS total_cost, revenue,
       CASE WHEN revenue <> 0
            THEN 100.0 * (wage + employer_si + housing_fund + severance + recruiting + training) / revenue END
           AS cost_ratio,
       CASE WHEN fte <> 0 THEN revenue / fte END AS revenue_per_fte
  FROM all_rows
)""", table=SQL.identifier(table), floor=labour_cost.DEFAULT_FLOOR_PCT, ceiling=labour_cost.DEFAULT_CEILING_PCT)


class HrLabourCostReport(models.Model):
    """Fully loaded labour cost per department and month, with revenue (issue 13).

    An SQL view, not a stored table: the figures are always current (no refresh cron to
    forget), and PostgreSQL computes them set-wise over a 36-month grid -- contracts x months,
    never a loop per employee (10,000 employees x 36 months: about 1.7 s of CPU per read,
    see ``view_sql`` and docs/labour-cost.md).  Rules (engine/labour_cost.py, where they are tested):

    * gross wage: the wage history amount of the month, else the contract wage prorated by
      the calendar-day fraction employed;
    * employer social insurance and housing fund: the monthly wage clamped to the region's
      floor/ceiling (% of the average wage), times each employer rate, for the full month
      (the ``full_month`` rule); region = the company's latest active regional parameters;
    * severance: posted or paid ``hr.severance`` of the department, in the termination month;
    * recruiting and training: posted journal items on the accounts chosen in Settings
      (``res.company.hrcr_recruiting_account_ids`` / ``hrcr_training_account_ids``), debit
      positive, shared out by the analytic distribution to the departments whose analytic
      account it uses; the rest (no or another analytic account) on the company-level row;
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
        [("department", "Department"), ("company", "Company level")], readonly=True,
        help="Company level: what no department's analytic account carries. Recruiting and training costs without a "
        "department analytic distribution; and, when the company has no department analytic account at all, its "
        "whole revenue, so that the cost ratio exists only at company level.")
    month = fields.Date(readonly=True)
    headcount = fields.Integer(readonly=True, aggregator="sum")
    fte = fields.Float(string="FTE", readonly=True, digits=(12, 2), aggregator="sum")
    wage = fields.Monetary(string="Gross Wage", readonly=True)
    employer_si = fields.Monetary(string="Employer Social Insurance", readonly=True)
    housing_fund = fields.Monetary(string="Employer Housing Fund", readonly=True)
    severance = fields.Monetary(readonly=True)
    recruiting = fields.Monetary(
        readonly=True,
        help="Posted journal items on the Recruiting Cost Accounts of the Settings, through the analytic distribution.")
    training = fields.Monetary(
        readonly=True,
        help="Posted journal items on the Training Cost Accounts of the Settings, through the analytic distribution.")
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
        """Ratios of a group are ratios of its sums (labour_cost.safe_ratio), not a max or an average.

        The sums ride along in the same query (aliased aggregates, removed from the result):
        every read of the view recomputes it, so a second query would double the cost.
        """
        wanted = {f.split(":")[0] for f in fields}
        if not wanted & {"cost_ratio", "revenue_per_fte"}:
            return super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby,
                                      lazy=lazy)
        extra = [f"{alias}:sum({fname})" for alias, fname in RATIO_SUMS.items()]
        result = super().read_group(domain, list(fields) + extra, groupby, offset=offset, limit=limit,
                                    orderby=orderby, lazy=lazy)
        for row in result:
            cost, revenue, fte = (row.pop(alias, 0.0) or 0.0 for alias in RATIO_SUMS)
            ratio = labour_cost.safe_ratio(cost, revenue)
            row["cost_ratio"] = ratio * 100.0 if ratio is not None else False
            per_fte = labour_cost.safe_ratio(revenue, fte)
            row["revenue_per_fte"] = per_fte if per_fte is not None else False
        return result
