"""KPI appraisals: the employee's appraisals and their history."""

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    kpi_appraisal_ids = fields.One2many("hr.kpi.appraisal", "employee_id", string="KPI Appraisals",
                                        groups="hr.group_hr_user")
    kpi_appraisal_count = fields.Integer(compute="_compute_kpi_appraisal_count", string="Appraisal Count",
                                         groups="hr.group_hr_user")

    def _compute_kpi_appraisal_count(self):
        counts = dict(self.env["hr.kpi.appraisal"]._read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]))
        for employee in self:
            employee.kpi_appraisal_count = counts.get(employee, 0)

    def action_open_kpi_appraisals(self):
        self.ensure_one()
        return self.env["hr.kpi.appraisal"]._hrcr_employee_history_action(self.id)
