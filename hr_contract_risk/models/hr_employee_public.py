"""KPI appraisals: the appraisal count on the public employee profile."""

from odoo import fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    kpi_appraisal_count = fields.Integer(compute="_compute_kpi_appraisal_count", string="Appraisal Count")

    def _compute_kpi_appraisal_count(self):
        # counted with the reader's record rules: own confirmed ones, or the team's for a manager
        counts = dict(self.env["hr.kpi.appraisal"]._read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]))
        for employee in self:
            employee.kpi_appraisal_count = counts.get(self.env["hr.employee"].browse(employee.id), 0)

    def action_open_kpi_appraisals(self):
        self.ensure_one()
        return self.env["hr.kpi.appraisal"]._hrcr_employee_history_action(self.id)
