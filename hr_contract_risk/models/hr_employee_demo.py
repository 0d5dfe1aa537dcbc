"""Demo data: employees' resume lines start when the story says they were hired."""

from odoo import api, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    @api.model
    def _hrcr_demo_align_resume_lines(self):
        """Start each employee's first resume line on the first contract's start date.

        hr_skills (auto-installed with hr, not a dependency of this addon) gives every new
        employee a resume line starting on the day the record is created, i.e. the day the
        demo is loaded; the demo employees were hired months or years before (their contracts
        say when). Only that automatic line is moved, and only when it starts after the
        first contract.
        """
        if "hr.resume.line" not in self.env:  # hr_skills not installed: no resume lines
            return True
        # sudo: demo loading; first_contract_date is an HR-manager field
        employees = self.sudo().search([])
        hired = {e.id: e.first_contract_date for e in employees if e.first_contract_date}
        lines = self.env["hr.resume.line"].sudo().search(
            [("employee_id", "in", list(hired))], order="employee_id, date_start, id")
        first_line = {}
        for line in lines:
            first_line.setdefault(line.employee_id.id, line)
        for employee_id, line in first_line.items():
            employee = line.employee_id
            automatic = line.date_start == employee.create_date.date() and line.name == (employee.company_id.name or "")
            if automatic and line.date_start > hired[employee_id]:
                line.date_start = hired[employee_id]
        return True
