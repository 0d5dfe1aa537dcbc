from odoo import fields, models

from .hr_attrition_score import BAND_SELECTION


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Attrition risk: manager changes are a feature, read from the change log.
    # Core hr does not track the manager, so we do (from installation on).
    parent_id = fields.Many2one(tracking=True)

    # Attrition risk, HR officers only (values live in hr.attrition.score).
    attrition_score_id = fields.Many2one("hr.attrition.score", string="Attrition score",
                                         compute="_compute_attrition", groups="hr.group_hr_user")
    attrition_risk = fields.Float(string="Attrition risk (%)", digits=(5, 1), compute="_compute_attrition",
                                  groups="hr.group_hr_user")
    attrition_band = fields.Selection(BAND_SELECTION, string="Attrition risk band", compute="_compute_attrition",
                                      groups="hr.group_hr_user")
    attrition_factors = fields.Text(string="Attrition risk factors", compute="_compute_attrition",
                                    groups="hr.group_hr_user")
    attrition_computed_on = fields.Date(string="Attrition risk computed on", compute="_compute_attrition",
                                        groups="hr.group_hr_user")
    attrition_model_label = fields.Char(string="Attrition model used", compute="_compute_attrition",
                                        groups="hr.group_hr_user")

    def _compute_attrition(self):
        scores = self.env["hr.attrition.score"].search([("employee_id", "in", self.ids)])
        by_employee = {s.employee_id.id: s for s in scores}
        for employee in self:
            score = by_employee.get(employee.id, self.env["hr.attrition.score"])
            employee.attrition_score_id = score
            employee.attrition_risk = score.risk
            employee.attrition_band = score.band
            employee.attrition_factors = score.factors
            employee.attrition_computed_on = score.computed_on
            employee.attrition_model_label = score.model_label if score else False

    def action_attrition_what_if(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Attrition risk: what if"),
            "res_model": "hr.attrition.whatif",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self.id},
        }
