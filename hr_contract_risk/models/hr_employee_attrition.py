"""Attrition risk: the employee's current score, its factors, the what-if simulator and the opt-out."""

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .hr_attrition_score import BAND_SELECTION


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    # manager changes are a model feature, read from the change log: core hr does not
    # track the manager, so this addon does (from installation on)
    parent_id = fields.Many2one(tracking=True)

    # PIPL Art. 44: the employee may refuse the processing of their data for the score; HR managers
    # record the request (tracked in the chatter), the data is then left out of training and scoring
    hrcr_attrition_excluded = fields.Boolean(
        string="Excluded from attrition scoring", groups="hr.group_hr_manager", tracking=True, copy=False,
        help="At the employee's request (PIPL Art. 44), their data is left out of the attrition model's "
        "training and they get no attrition score; an existing score is removed. Only HR managers can "
        "change it, and every change is logged in the chatter.")

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

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("hrcr_attrition_excluded") for vals in vals_list):
            self._hrcr_check_attrition_opt_out_rights()
        employees = super().create(vals_list)
        employees.filtered_domain([("hrcr_attrition_excluded", "=", True)])._hrcr_drop_attrition_scores()
        return employees

    def write(self, vals):
        if "hrcr_attrition_excluded" in vals:
            self._hrcr_check_attrition_opt_out_rights()
        res = super().write(vals)
        if vals.get("hrcr_attrition_excluded"):
            self._hrcr_drop_attrition_scores()
        return res

    def _hrcr_check_attrition_opt_out_rights(self):
        """The opt-out is an HR-manager decision (PIPL Art. 44), whatever the caller's field access."""
        if not self.env.su and not self.env.user.has_group("hr.group_hr_manager"):
            raise AccessError(self.env._(
                "Only HR managers can change the field %(field)s (PIPL Art. 44 opt-out).",
                field=self._fields["hrcr_attrition_excluded"].get_description(self.env)["string"]))

    def _hrcr_drop_attrition_scores(self):
        # sudo: scores are written by the system only; an excluded employee keeps no score
        self.env["hr.attrition.score"].sudo().search([("employee_id", "in", self.ids)]).unlink()

    def _hrcr_search_score(self, fname, operator, value):
        """Employees whose current attrition score matches (one subquery, the user's rules on scores apply)."""
        scores = self.env["hr.attrition.score"]._search([(fname, operator, value)])
        return [("id", "in", scores.subselect("employee_id"))]

    def _search_attrition_risk(self, operator, value):
        return self._hrcr_search_score("risk", operator, value)

    def _search_attrition_band(self, operator, value):
        return self._hrcr_search_score("band", operator, value)

    def _compute_attrition(self):
        # sudo: the opt-out flag is HR-manager only; an excluded employee shows no score to anyone
        excluded = set(self.sudo().filtered("hrcr_attrition_excluded").ids)
        scores = self.env["hr.attrition.score"].search([("employee_id", "in", [i for i in self.ids
                                                                                if i not in excluded])])
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
