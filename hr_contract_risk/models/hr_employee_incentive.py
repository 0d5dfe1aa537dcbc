"""Incentive recommendation: the employee's stated drivers and the wizard of suggested levers."""

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    # HR officers on the employee form; managers reach their team's drivers from the Stated Drivers menu
    hrcr_driver_ids = fields.One2many("hr.employee.driver", "employee_id", string="Stated Drivers",
                                      groups="hr.group_hr_user")

    def action_hrcr_incentives(self):
        """The suggested levers of one employee (HR, or the employee's manager: cost only, no risk)."""
        self.ensure_one()
        self.env["hr.incentive.wizard"]._hrcr_check_audience(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Incentives: suggested levers"),
            "res_model": "hr.incentive.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self.id},
        }
