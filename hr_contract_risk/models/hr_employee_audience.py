"""Recommendations (incentives, training): who may see what is suggested for an employee, and who follows up."""

from odoo import api, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _hrcr_managed_by(self, user):
        """The employees below ``user`` in the org chart (anyone above them manages them), never the user's own
        employee. sudo: the org chart only, to decide whether the user manages an employee."""
        if not user.employee_ids:
            return self.browse()
        return self.sudo().search([("id", "child_of", user.employee_ids.ids), ("user_id", "!=", user.id)])

    def _hrcr_is_recommendation_audience(self):
        """HR officers, or the employee's manager (anyone above them); never the employee themselves."""
        self.ensure_one()
        user = self.env.user
        return self.env.su or user.has_group("hr.group_hr_user") or self in self._hrcr_managed_by(user)

    def _hrcr_follow_up_user(self):
        """Who follows a recommendation up: the HR responsible of the running contract, else the employee's
        manager, else the current user. sudo: both are out of a manager's reach."""
        self.ensure_one()
        employee = self.sudo()
        return employee.contract_id.hr_responsible_id or employee.parent_id.user_id or self.env.user
