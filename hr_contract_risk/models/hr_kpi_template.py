"""KPI appraisals: KPI templates per job position and the cron generating each period's appraisals."""

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import appraisal as ap
from .hrcr_batch import CronBatches


class HrKpiTemplate(models.Model):
    _name = "hr.kpi.template"
    _description = "KPI Template"
    _inherit = ["mail.thread"]
    _order = "company_id, job_id, name"

    name = fields.Char(required=True, tracking=True)
    job_id = fields.Many2one("hr.job", string="Job Position", required=True, tracking=True,
                             domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)
    periodicity = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")], required=True, tracking=True,
        default=lambda self: self.env.company.hrcr_appraisal_periodicity or "monthly")
    line_ids = fields.One2many("hr.kpi.template.line", "template_id", string="KPIs", copy=True)
    competency_ids = fields.Many2many(
        "hr.kpi.competency", string="360 Competencies",
        help="Competencies rated 1-5 by the 360 reviewers of the appraisals generated from this template.")
    weight_total = fields.Float(compute="_compute_weight_total", string="Total Weight")
    appraisal_ids = fields.One2many("hr.kpi.appraisal", "template_id")
    appraisal_count = fields.Integer(compute="_compute_appraisal_count")
    note = fields.Html()

    @api.depends("line_ids.weight")
    def _compute_weight_total(self):
        for template in self:
            template.weight_total = sum(template.line_ids.mapped("weight"))

    def _compute_appraisal_count(self):
        counts = dict(self.env["hr.kpi.appraisal"]._read_group(
            [("template_id", "in", self.ids)], ["template_id"], ["__count"]))
        for template in self:
            template.appraisal_count = counts.get(template, 0)

    @api.constrains("line_ids", "active")
    def _check_weights(self):
        for template in self.filtered("active"):
            if not template.line_ids:
                raise ValidationError(_("KPI template %(name)s needs at least one KPI line.", name=template.name))
            try:
                ap.check_weights(template.line_ids.mapped("weight"))
            except ValueError as exc:
                raise ValidationError(_(
                    "The KPI weights of template %(name)s must sum to 100 (they sum to %(total)s).",
                    name=template.name, total=round(sum(template.line_ids.mapped("weight")), 2))) from exc

    @api.constrains("job_id", "company_id", "active")
    def _check_one_per_job(self):
        for template in self.filtered("active"):
            if self.search_count([("id", "!=", template.id), ("active", "=", True),
                                  ("job_id", "=", template.job_id.id),
                                  ("company_id", "=", template.company_id.id)]):
                raise ValidationError(_("Job position %(job)s already has an active KPI template.",
                                        job=template.job_id.display_name))

    # ------------------------------------------------------------------
    # Generation
    # ------------------------------------------------------------------

    def _appraisal_line_vals(self):
        self.ensure_one()
        return [
            Command.create({
                "sequence": line.sequence, "name": line.name, "unit": line.unit, "target": line.target,
                "weight": line.weight, "direction": line.direction, "cap": line.cap,
                "watch_decline": line.watch_decline, "template_line_id": line.id,
            })
            for line in self.line_ids
        ]

    def _generate_appraisals(self, day=None):
        """Create the appraisals of the period containing ``day`` (default today)
        for every active employee holding the template's job, skipping the ones
        that exist already (safe to run twice).  One search per template for
        employees, one grouped read for existing appraisals, one create."""
        day = day or fields.Date.context_today(self)
        Appraisal = self.env["hr.kpi.appraisal"]
        created = Appraisal
        for template in self.filtered("active"):
            start, end = ap.period_bounds(day, template.periodicity)
            employees = self.env["hr.employee"].search([
                ("job_id", "=", template.job_id.id), ("company_id", "=", template.company_id.id),
            ])
            if not employees:
                continue
            existing = {emp.id for [emp] in Appraisal._read_group(
                [("employee_id", "in", employees.ids), ("date_start", "=", start)], ["employee_id"])}
            lines = template._appraisal_line_vals()
            vals_list = [{
                "employee_id": emp.id, "template_id": template.id, "company_id": template.company_id.id,
                "periodicity": template.periodicity, "date_start": start, "date_end": end,
                "line_ids": lines,
            } for emp in employees if emp.id not in existing]
            if vals_list:
                created |= Appraisal.with_context(mail_create_nolog=True).create(vals_list)
        return created

    def action_generate_appraisals(self):
        created = self._generate_appraisals()
        if not created:
            raise UserError(_("Every employee of these job positions already has an appraisal for the current period."))
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_contract_risk.action_hr_kpi_appraisal")
        action["domain"] = [("id", "in", created.ids)]
        action["context"] = {}
        return action

    def action_view_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_contract_risk.action_hr_kpi_appraisal")
        action["domain"] = [("template_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.model
    def _cron_generate_appraisals(self, batch_size=100):
        """Daily: create the current period's appraisals from every active template.
        Batched by template; commits after each batch outside tests."""
        templates = self.search([("active", "=", True)])
        run = CronBatches(self.env, total=len(templates), name="Appraisal generation")
        for batch in run.batches(templates, batch_size):
            batch._generate_appraisals()
