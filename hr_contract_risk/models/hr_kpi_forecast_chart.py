from odoo import fields, models, tools

# One row per point of the chart.  Row ids never collide: an appraisal row is
# 4 * appraisal id, a forecast row 4 * forecast id + 1 (point), + 2 (low) or + 3 (high).
CHART_SQL = """
CREATE OR REPLACE VIEW %(table)s AS (
    SELECT a.id * 4 AS id, a.employee_id, a.company_id, a.department_id, a.template_id, a.date_start,
           'history' AS series, a.total_score AS score
      FROM hr_kpi_appraisal a
     WHERE a.state = 'confirmed' AND a.template_id IS NOT NULL
    UNION ALL
    SELECT f.id * 4 + s.offset_id, f.employee_id, f.company_id, f.department_id, f.template_id, f.date_start,
           s.series, CASE s.series WHEN 'point' THEN f.point WHEN 'low' THEN f.low ELSE f.high END
      FROM hr_kpi_forecast f
      JOIN (SELECT employee_id, template_id, max(as_of) AS as_of
              FROM hr_kpi_forecast GROUP BY employee_id, template_id) latest
        ON latest.employee_id = f.employee_id AND latest.template_id = f.template_id AND latest.as_of = f.as_of
     CROSS JOIN (VALUES (1, 'point'), (2, 'low'), (3, 'high')) AS s(offset_id, series)
)
"""


class HrKpiForecastChart(models.Model):
    """Score history plus the latest forecast band, for a line graph (employee form, appraisal analysis).

    A read-only SQL view: the confirmed appraisals' total scores (series
    ``history``) and, per employee and template, the rows of the latest as-of
    date of ``hr.kpi.forecast`` (series ``point``, ``low``, ``high``).  Same
    audience as the forecasts (security/hr_kpi_forecast_security.xml): HR all,
    a manager the team below them, the employee nothing about themselves.
    """

    _name = "hr.kpi.forecast.chart"
    _description = "Score History and Forecast"
    _auto = False
    _order = "date_start, series"

    employee_id = fields.Many2one("hr.employee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    template_id = fields.Many2one("hr.kpi.template", string="KPI Template", readonly=True)
    date_start = fields.Date(string="Period Start", readonly=True)
    series = fields.Selection(
        [("history", "Appraisal Score"), ("point", "Forecast"), ("low", "Forecast Low (80 %)"),
         ("high", "Forecast High (80 %)")], readonly=True)
    score = fields.Float(readonly=True, digits=(5, 1), aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(CHART_SQL % {"table": self._table})
