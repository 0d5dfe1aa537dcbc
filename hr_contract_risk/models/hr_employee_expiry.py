"""Contract expiry alerts: the employee's alert count and list."""

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    expiry_alert_count = fields.Integer(
        string="Contract Expiry Alerts", compute="_compute_expiry_alert_count", groups="hr.group_hr_user",
    )

    def _compute_expiry_alert_count(self):
        counts = dict(self.env["hr.contract.expiry.alert"]._read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["__count"],
        ))
        for employee in self:
            employee.expiry_alert_count = counts.get(employee, 0)

    def action_open_expiry_alerts(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("hr_contract_risk.action_hr_contract_expiry_alert")
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
