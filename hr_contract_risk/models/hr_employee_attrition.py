"""Attrition risk: the employee's current score, its factors and the what-if simulator."""

from odoo import fields, models

from .hr_attrition_score import BAND_SELECTION


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    # manager changes are a model feature, read from the change log: core hr does not
    # track the manager, so this addon does (from installation on)
    parent_id = fields.Many2one(tracking=True)

    # HR officers only; the values live in hr.attrition.score
    attrition_score_id = fields.Many2one("hr.attrition.score", string="Attrition score",
                                         compute="_compute_attrition", groups="hr.group_hr_user")
    attrition_risk = fields.Float(string="Attrition risk (%)", digits=(5, 1), compute="_compute_attrition",
                                  search="_search_attrition_risk", groups="hr.group_hr_user")
    attrition_band = fields.Selection(BAND_SELECTION, string="Attrition risk band", compute="_compute_attrition",
                                      search="_search_attrition_band", groups="hr.group_hr_user")
    attrition_factors = fields.Text(string="Attrition risk factors", compute="_compute_attrition",
                                    groups="hr.group_hr_user")
    attrition_computed_on = fields.Date(string="Attrition risk computed on", compute="_compute_attrition",
                                        groups="hr.group_hr_user")
    attrition_model_label = fields.Char(string="Attrition model used", compute="_compute_attrition",
                                        groups="hr.group_hr_user")

    def _hrcr_search_score(self, fname, operator, value):
        """Employees whose current attrition score matches (one subquery, the user's rules on scores apply)."""
        scores = self.env["hr.attrition.score"]._search([(fname, operator, value)])
        return [("id", "in", scores.subselect("employee_id"))]

    def _search_attrition_risk(self, operator, value):
        return self._hrcr_search_score("risk", operator, value)

    def _search_attrition_band(self, operator, value):
        return self._hrcr_search_score("band", operator, value)

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
