"""Training recommendation: the manager reaches it from the public employee profile of their team."""

from odoo import api, fields, models


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"  # pylint: disable=consider-merging-classes-inherited

    hrcr_training_audience = fields.Boolean(string="Can Recommend Training", compute="_compute_hrcr_training_audience")

    @api.depends_context("uid")
    def _compute_hrcr_training_audience(self):
        user = self.env.user
        # sudo: the org chart below the user (who they manage), nothing else
        team = self.env["hr.employee"].sudo().search([("id", "child_of", user.employee_ids.ids),
                                                      ("user_id", "!=", user.id)]) if user.employee_ids else []
        team_ids = set(team.ids) if team else set()
        for employee in self:
            employee.hrcr_training_audience = employee.id in team_ids

    def action_hrcr_training(self):
        self.ensure_one()
        return self.env["hr.employee"].browse(self.id).action_hrcr_training()
