"""Performance forecast per employee and KPI template (engine/forecast.py).

Recomputed by a daily cron, batch by batch: one search_read reads every
confirmed appraisal up to the as-of date (the department and template context
needs them all anyway), then each batch of employees costs a fixed number of
queries: one search+unlink of that batch's rows for the as-of date, one create,
then the below-target episodes of the batch (models/hr_kpi_forecast_alert.py).
Running it twice on the same day replaces the rows, it never duplicates them,
and raises no second activity.
"""

import statistics

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..engine import appraisal as ap
from ..engine import forecast as fc
from .hrcr_batch import CronBatches

BATCH_SIZE = 200


def _period_label(day, periodicity):
    if periodicity == "quarterly":
        return "%d Q%d" % (day.year, (day.month - 1) // 3 + 1)
    return "%d-%02d" % (day.year, day.month)


class HrKpiTemplate(models.Model):
    _inherit = "hr.kpi.template"

    forecast_below_periods = fields.Integer(
        string="Forecast: periods below target", default=fc.DEFAULT_BELOW_PERIODS,
        help="A forecast under the target for this many next periods is 'predicted below target'.")
    forecast_target = fields.Float(
        string="Forecast: target score", default=0.0,
        help="Total score the forecast must reach; 0 uses the company's grade C threshold.")

    @api.constrains("forecast_below_periods", "forecast_target")
    def _check_forecast_settings(self):
        for template in self:
            if not 1 <= template.forecast_below_periods <= fc.DEFAULT_HORIZON:
                raise ValidationError(_(
                    "Forecast: periods below target must be between 1 and %(max)s.", max=fc.DEFAULT_HORIZON))
            if not 0.0 <= template.forecast_target <= 100.0:
                raise ValidationError(_("Forecast: target score must be between 0 and 100."))


class HrKpiForecast(models.Model):
    _name = "hr.kpi.forecast"
    _description = "Performance Forecast"
    _order = "as_of desc, employee_id, template_id, step"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True)
    department_id = fields.Many2one("hr.department")
    template_id = fields.Many2one("hr.kpi.template", string="KPI Template", required=True, ondelete="cascade")
    as_of = fields.Date(string="As of", required=True, index=True)
    step = fields.Integer(string="Periods Ahead", required=True)
    date_start = fields.Date(string="Period Start", required=True)
    period_label = fields.Char(string="Period", required=True)
    point = fields.Float(string="Forecast", digits=(5, 1), aggregator="avg")
    low = fields.Float(string="Low (80 %)", digits=(5, 1), aggregator="avg")
    high = fields.Float(string="High (80 %)", digits=(5, 1), aggregator="avg")
    model = fields.Selection(
        [(fc.DAMPED, "Damped trend"), (fc.COLD_START, "Cold start: department and template average")],
        required=True)
    history_length = fields.Integer(string="Periods of History")
    target = fields.Float(digits=(5, 1))
    below_target = fields.Boolean(
        string="Predicted Below Target",
        help="The forecast stays under the template's target for the template's number of next periods.")

    # ------------------------------------------------------------------
    # Daily recompute
    # ------------------------------------------------------------------

    @api.model
    def _cron_forecast_recompute(self):
        self._recompute()

    @api.model
    def _recompute(self, as_of=None, batch_size=BATCH_SIZE):
        """Forecast every employee with confirmed appraisals; returns the rows written."""
        as_of = as_of or fields.Date.context_today(self)
        Appraisal = self.env["hr.kpi.appraisal"].sudo()
        rows = Appraisal.search_read(
            [("state", "=", "confirmed"), ("date_start", "<=", as_of), ("template_id", "!=", False),
             ("employee_id.active", "=", True)],
            ["employee_id", "template_id", "department_id", "company_id", "date_start", "total_score",
             "periodicity"],
            order="date_start, id")
        series, by_employee = {}, {}
        for row in rows:
            key = (row["employee_id"][0], row["template_id"][0])
            if key not in series:
                by_employee.setdefault(key[0], []).append(key)
            series.setdefault(key, []).append(row)
        templates = {t.id: t for t in self.env["hr.kpi.template"].sudo().browse({k[1] for k in series})}
        companies = {}
        context = self._forecast_context(series)
        emp_ids = sorted(by_employee)
        written = 0
        run = CronBatches(self.env, total=len(emp_ids), name="Performance forecast")
        for batch in run.batches(emp_ids, batch_size):
            vals_list = []
            for emp_id in batch:
                for key in by_employee[emp_id]:
                    vals_list += self._forecast_vals(series[key], templates[key[1]], companies, context, as_of)
            self.sudo().search([("employee_id", "in", batch), ("as_of", "=", as_of)]).unlink()
            self.sudo().create(vals_list)
            self.env["hr.kpi.forecast.alert"].sudo()._hrcr_sync_batch(batch, self._below_episodes(vals_list, templates),
                                                                      as_of)
            written += len(vals_list)
        return written

    @api.model
    def _below_episodes(self, vals_list, templates):
        """{(employee, template): alert values} for the series of ``vals_list`` predicted below target."""
        below = {}
        for vals in vals_list:
            key = (vals["employee_id"], vals["template_id"])
            periods = templates[key[1]].forecast_below_periods or fc.DEFAULT_BELOW_PERIODS
            if not vals["below_target"] or vals["step"] > periods:
                continue
            entry = below.setdefault(key, {
                "company_id": vals["company_id"], "department_id": vals["department_id"], "periods": periods,
                "target": vals["target"], "lowest_point": vals["point"], "highest_high": vals["high"]})
            entry["lowest_point"] = min(entry["lowest_point"], vals["point"])
            entry["highest_high"] = max(entry["highest_high"], vals["high"])
        return below

    @api.model
    def _forecast_context(self, series):
        """Per (department, template) and per template: last scores and recent slopes of every member."""
        dept, tmpl = {}, {}
        for (emp_id, t_id), history in series.items():
            last = history[-1]
            dept_id = last["department_id"] and last["department_id"][0]
            scores = [r["total_score"] for r in history]
            entry = (emp_id, scores[-1], ap.trend_slope(scores[-6:]))
            dept.setdefault((dept_id, t_id), []).append(entry)
            tmpl.setdefault(t_id, []).append(scores[-1])
        return {"dept": dept, "template": tmpl}

    @api.model
    def _forecast_vals(self, history, template, companies, context, as_of):
        last = history[-1]
        emp_id = last["employee_id"][0]
        company_id = last["company_id"][0]
        if company_id not in companies:
            companies[company_id] = self.env["res.company"].browse(company_id).sudo()._hrcr_appraisal_settings()
        settings = companies[company_id]
        dept_id = last["department_id"] and last["department_id"][0]
        peers = [p for p in context["dept"].get((dept_id, template.id), []) if p[0] != emp_id]
        slopes = [p[2] for p in peers if p[2] is not None]
        lasts = [p[1] for p in peers]
        everyone = context["template"].get(template.id, [])
        result = fc.forecast(
            [r["total_score"] for r in history],
            fc.DEFAULT_HORIZON,
            dept_trend=statistics.fmean(slopes) if slopes else None,
            dept_mean=statistics.fmean(lasts) if lasts else None,
            template_mean=statistics.fmean(everyone) if everyone else None,
            population_sigma=statistics.pstdev(lasts) if len(lasts) > 1 else None,
        )
        target = template.forecast_target or float(settings["thresholds"]["C"])
        below = fc.predicted_below(result, target, template.forecast_below_periods or fc.DEFAULT_BELOW_PERIODS)
        months = 3 if last["periodicity"] == "quarterly" else 1
        vals = []
        for pt in result.points:
            start = last["date_start"] + relativedelta(months=months * pt.step)
            vals.append({
                "employee_id": emp_id, "company_id": company_id, "department_id": dept_id or False,
                "template_id": template.id, "as_of": as_of, "step": pt.step, "date_start": start,
                "period_label": _period_label(start, last["periodicity"]),
                "point": pt.point, "low": pt.low, "high": pt.high, "model": result.model,
                "history_length": result.history_length, "target": target, "below_target": below,
            })
        return vals

