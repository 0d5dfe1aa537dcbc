"""Organisation insights (issue 13): one stored row per company x department and company x manager.

Figures and findings come from ``engine/org_insights.py``; this file gathers the numbers
set-wise (a fixed number of ``search_fetch`` / ``_read_group`` per company, never a query per
employee) and stores them. Findings are advice, never actions: no activity is created.
"""
from types import SimpleNamespace

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..engine import labour_cost, org_insights
from ..engine.i18n import Msg
from .hrcr_batch import CronBatches
from .rendering import render_msg

RISK_GROUP = "hr.group_hr_user"


class HrOrgInsight(models.Model):
    """Per department and per manager: span, layers, KPI, turnover, risk, alerts, and findings.

    Department rows: the department's active employees (its own, not its sub-departments');
    span and layers are those of the department's manager. Manager rows: an employee with at
    least one active direct report; the team is the direct reports. Refreshed by the button
    (HR officers) and a daily cron; a refresh replaces the company's rows (idempotent).
    Findings are stored as JSON rows (the English source and its parameters) and rendered in
    the reader's language at display time; the attrition-risk findings and figures are for
    HR only (``groups=``).
    """

    _name = "hr.org.insight"
    _description = "Organisation Insight"
    _order = "company_id, kind, name"

    name = fields.Char(required=True, readonly=True)
    kind = fields.Selection([("department", "Department"), ("manager", "Manager")], required=True,
                            readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True, ondelete="cascade")
    currency_id = fields.Many2one(related="company_id.currency_id")
    department_id = fields.Many2one("hr.department", readonly=True, index=True, ondelete="cascade")
    manager_id = fields.Many2one(
        "hr.employee", readonly=True, index=True, ondelete="cascade",
        help="The manager of the row; on a department row, the department's manager.")
    headcount = fields.Integer(readonly=True, help="Active employees of the department, or direct reports.")
    span = fields.Integer(string="Span of Control", readonly=True, aggregator="max",
                          help="Direct reports of the manager (of the department's manager on a department row).")
    layers = fields.Integer(string="Reporting Layers", readonly=True, aggregator="max",
                            help="Depth of the reporting tree below the manager: 1 when only direct reports.")
    kpi_average = fields.Float(string="Average KPI Score", readonly=True, digits=(5, 1), aggregator="avg",
                               help="Average KPI score of the confirmed appraisals of the last 12 months.")
    kpi_trend = fields.Float(string="KPI Trend (points / period)", readonly=True, digits=(5, 2), aggregator="avg",
                             help="Least-squares slope of the team's average KPI score per month, last 12 months.")
    declining_count = fields.Integer(string="Falling KPI Trend", readonly=True,
                                     help="Team members whose own KPI scores of the last 12 months are falling.")
    departures = fields.Integer(readonly=True, help="Employees archived with a departure date in the last 12 months.")
    turnover = fields.Float(string="Turnover (%)", readonly=True, digits=(5, 1), aggregator="avg",
                            help="Departures of the last 12 months / average headcount (a year ago and now).")
    high_risk_count = fields.Integer(string="High Risk", readonly=True, groups=RISK_GROUP,
                                     help="Employees in attrition risk band High.")
    high_risk_share = fields.Float(string="High Risk (%)", readonly=True, digits=(5, 1), aggregator="avg",
                                   groups=RISK_GROUP)
    open_alerts = fields.Integer(string="Open Expiry Alerts", readonly=True,
                                 help="Contract expiry alerts whose to-do is not done.")
    overdue_decisions = fields.Integer(
        readonly=True,
        help="Contracts expired without a renewal decision (LCL Art. 82: double wages after one month without a "
        "written contract) and renewal reviews still open after the contract's end date (LCL Art. 44(1)).")
    labour_cost = fields.Monetary(readonly=True, help="Fully loaded labour cost of the last 12 complete months.")
    revenue = fields.Monetary(readonly=True, help="Department revenue of the last 12 complete months.")
    cost_ratio = fields.Float(string="Labour Cost Ratio (%)", readonly=True, digits=(12, 2), aggregator="avg",
                              help="人力成本占比 = labour cost / revenue of the last 12 complete months.")
    findings_json = fields.Json(readonly=True)
    risk_findings_json = fields.Json(readonly=True, groups=RISK_GROUP)
    finding_count = fields.Integer(string="Findings", readonly=True)
    risk_finding_count = fields.Integer(string="Risk Findings", readonly=True, groups=RISK_GROUP)
    has_findings = fields.Boolean(readonly=True, index=True)
    findings_text = fields.Text(string="Findings (advice)", compute="_compute_findings_text")
    refreshed_at = fields.Datetime(readonly=True)

    # ------------------------------------------------------------------ computes
    @api.depends_context("lang", "uid")
    def _compute_findings_text(self):
        hr = self.env.user.has_group(RISK_GROUP)
        for row in self:
            rows = list(row.findings_json or [])
            if hr:
                rows += row.sudo().risk_findings_json or []
            row.findings_text = "\n".join(
                "• " + render_msg(self.env, Msg(item["text"], item.get("params") or {})) for item in rows) or False

    # ------------------------------------------------------------------ actions
    @api.model
    def action_refresh(self):
        """Refresh the rows of the current companies (HR officers): figures only, no activity."""
        if not self.env.user.has_group(RISK_GROUP):
            raise AccessError(self.env._("Only HR officers can refresh the organisation insights."))
        self.sudo()._hrcr_refresh(self.env.companies)
        return {"type": "ir.actions.client", "tag": "reload"}

    @api.model
    def _cron_refresh(self):
        companies = self.env["res.company"].sudo().search([])
        run = CronBatches(self.env, total=len(companies), name="Organisation insights")
        for batch in run.batches(companies, 1):
            self.sudo()._hrcr_refresh(batch)

    @api.model
    def _hrcr_demo_refresh(self):
        """Demo: the insights of every company, right after the demo data (no commit)."""
        self.sudo()._hrcr_refresh(self.env["res.company"].sudo().search([]))

    # ------------------------------------------------------------------ refresh
    @api.model
    def _hrcr_refresh(self, companies):
        """Replace the rows of ``companies`` (sudo): idempotent, a fixed number of queries per company."""
        for company in companies:
            vals = self._hrcr_insight_vals(company)
            self.search([("company_id", "=", company.id)]).unlink()
            self.create(vals)

    def _hrcr_thresholds(self, company):
        return org_insights.Thresholds(
            span_of_control=company.hrcr_oi_span_threshold,
            cost_ratio_points=company.hrcr_oi_cost_ratio_points,
            high_risk_share=company.hrcr_oi_high_risk_share,
            decline_min_reports=company.hrcr_oi_decline_min_reports,
            decline_team_share=company.hrcr_oi_decline_team_share,
        )

    def _hrcr_gather(self, company, today):
        """Per-employee facts of ``company``: a fixed number of queries whatever its size."""
        env = self.env
        since = today - relativedelta(months=12)
        employees = env["hr.employee"].with_context(active_test=False).search_fetch(
            [("company_id", "=", company.id)], ["name", "active", "parent_id", "department_id", "departure_date"])
        active = employees.filtered("active")
        departed = employees.filtered(
            lambda e: not e.active and e.departure_date and since <= e.departure_date <= today)
        ids = active.ids
        first_start = dict(env["hr.contract"]._read_group(
            [("employee_id", "in", ids), ("state", "!=", "cancel")], ["employee_id"], ["date_start:min"]))
        hires = {emp.id for emp, start in first_start.items() if start and start >= since}
        kpi = {}
        for emp, month, score in env["hr.kpi.appraisal"]._read_group(
                [("employee_id", "in", ids), ("state", "=", "confirmed"), ("date_start", ">=", since)],
                ["employee_id", "date_start:month"], ["kpi_score:avg"]):
            kpi.setdefault(emp.id, []).append((month, score))
        high_risk = {emp.id for (emp,) in env["hr.attrition.score"]._read_group(
            [("employee_id", "in", ids), ("band", "=", "high")], ["employee_id"])}
        alerts = {emp.id: count for emp, count in env["hr.contract.expiry.alert"]._read_group(
            [("company_id", "=", company.id), ("activity_id", "!=", False)], ["employee_id"], ["__count"])}
        overdue = {}
        Contract = env["hr.contract"]
        for emp, contract_ids in Contract._read_group(
                [("company_id", "=", company.id), *Contract._hrcr_overdue_domain(today)],
                ["employee_id"], ["id:array_agg"]):
            overdue.setdefault(emp.id, set()).update(contract_ids)
        for emp, contract_ids in env["hr.contract.renewal.review"]._read_group(
                [("company_id", "=", company.id), ("state", "!=", "done"), ("end_date", "<", today)],
                ["employee_id"], ["contract_id:array_agg"]):
            overdue.setdefault(emp.id, set()).update(contract_ids)
        first = today.replace(day=1)
        costs = {dept.id: (cost or 0.0, revenue or 0.0) for dept, cost, revenue in env["hr.labour.cost.report"]._read_group(
            [("company_id", "=", company.id), ("scope", "=", "department"), ("department_id", "!=", False),
             ("month", ">=", first - relativedelta(months=12)), ("month", "<", first)],
            ["department_id"], ["total_cost:sum", "revenue:sum"])}
        departments = env["hr.department"].search_fetch(
            [("company_id", "=", company.id)], ["complete_name", "manager_id"])
        return SimpleNamespace(active=active, departed=departed, hires=hires, kpi=kpi, high_risk=high_risk,
                               alerts=alerts, overdue=overdue, costs=costs, departments=departments)

    def _hrcr_insight_vals(self, company):
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        thresholds = self._hrcr_thresholds(company)
        facts = self._hrcr_gather(company, today)
        children = org_insights.children_map({e.id: e.parent_id.id or None for e in facts.active})
        names = {e.id: e.name for e in facts.active}
        by_dept, by_parent, left_dept, left_parent = {}, {}, {}, {}
        for emp in facts.active:
            by_dept.setdefault(emp.department_id.id, []).append(emp.id)
            if emp.parent_id and emp.parent_id != emp:
                by_parent.setdefault(emp.parent_id.id, []).append(emp.id)
        for emp in facts.departed:
            left_dept.setdefault(emp.department_id.id, []).append(emp.id)
            left_parent.setdefault(emp.parent_id.id, []).append(emp.id)

        def figures(members, departed):
            return org_insights.unit_figures(
                members, kpi=facts.kpi, departed=departed, hires=facts.hires, high_risk=facts.high_risk,
                alerts=facts.alerts, overdue=facts.overdue)

        def row(kind, name, fig, findings, **extra):
            normal = org_insights.as_rows([f for f in findings if f and f.code not in org_insights.RISK_CODES])
            risk = org_insights.as_rows([f for f in findings if f and f.code in org_insights.RISK_CODES])
            return {
                "kind": kind, "name": name, "company_id": company.id,
                "headcount": fig.headcount, "kpi_average": fig.kpi_average or 0.0,
                "kpi_trend": fig.kpi_trend or 0.0, "declining_count": fig.declining,
                "departures": fig.departures, "turnover": fig.turnover or 0.0,
                "high_risk_count": fig.high_risk, "high_risk_share": fig.high_risk_share or 0.0,
                "open_alerts": fig.open_alerts, "overdue_decisions": fig.overdue_decisions,
                "findings_json": normal, "risk_findings_json": risk, "finding_count": len(normal),
                "risk_finding_count": len(risk), "has_findings": bool(normal or risk), "refreshed_at": now,
                **extra,
            }

        vals = []
        # departments: the cost-ratio rule compares each department with the company median
        cost_figs = [SimpleNamespace(key=dept.complete_name, dept=dept.id,
                                     cost_ratio=labour_cost.safe_ratio(*facts.costs[dept.id])
                                     if dept.id in facts.costs else None)
                     for dept in facts.departments]
        by_subject = {}
        for finding in org_insights.cost_ratio_findings(cost_figs, thresholds):
            by_subject.setdefault(finding.subject, []).append(finding)
        for dept, cost_fig in zip(facts.departments, cost_figs):
            manager = dept.manager_id
            cost, revenue = facts.costs.get(dept.id, (0.0, 0.0))
            fig = figures(by_dept.get(dept.id, []), left_dept.get(dept.id, []))
            vals.append(row(
                "department", dept.complete_name, fig, by_subject.get(dept.complete_name, []),
                department_id=dept.id, manager_id=manager.id or False,
                span=len(by_parent.get(manager.id, [])) if manager else 0,
                layers=org_insights.reporting_layers(children, manager.id) if manager else 0,
                labour_cost=cost, revenue=revenue,
                cost_ratio=cost_fig.cost_ratio * 100.0 if cost_fig.cost_ratio is not None else 0.0))
        # managers: an active employee with at least one active direct report
        for manager in facts.active:
            team = by_parent.get(manager.id)
            if not team:
                continue
            fig = figures(team, left_parent.get(manager.id, []))
            name = names[manager.id]
            findings = [
                org_insights.span_finding(name, name, len(team), thresholds),
                org_insights.high_risk_finding(name, name, fig.headcount, fig.high_risk, thresholds),
                org_insights.team_decline_finding(name, name, fig.headcount, fig.declining, thresholds),
            ]
            vals.append(row(
                "manager", name, fig, findings, manager_id=manager.id,
                department_id=manager.department_id.id or False, span=len(team),
                layers=org_insights.reporting_layers(children, manager.id)))
        return vals
