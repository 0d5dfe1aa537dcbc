"""Attrition risk: the what-if simulator of one employee's score."""

from odoo import api, fields, models

from ..engine import attrition_model as am
from ..engine import bounds
from ..models.hr_attrition_score import BAND_SELECTION
from ..models.hrcr_bounds import bounds_error


class HrAttritionWhatIf(models.TransientModel):
    """Change a few features and see the new risk of one employee; nothing is stored."""

    _name = "hr.attrition.whatif"
    _description = "Attrition risk: what if"

    employee_id = fields.Many2one("hr.employee", required=True, domain="[('company_id', 'in', allowed_company_ids)]")
    wage_change_pct = fields.Float(string="Wage change (%)", help="Raise (or cut) the wage now by this percentage.")
    training_done = fields.Boolean(string="Training done", help="At least one training in the last 12 months.")
    manager_unchanged = fields.Boolean(string="Manager unchanged",
                                       help="No manager change in the last 6 months.")
    open_ended_contract = fields.Boolean(string="Open-ended contract offered",
                                         help="The employee signs an open-ended contract (LCL Art. 14): "
                                         "no end date, no fixed-term chain.")
    current_risk = fields.Float(string="Current risk (%)", digits=(5, 1), compute="_compute_scenario")
    current_band = fields.Selection(BAND_SELECTION, string="Current band", compute="_compute_scenario")
    new_risk = fields.Float(string="New risk (%)", digits=(5, 1), compute="_compute_scenario")
    new_band = fields.Selection(BAND_SELECTION, string="New band", compute="_compute_scenario")
    new_factors = fields.Text(string="Top factors in this scenario", compute="_compute_scenario")
    rule_based = fields.Boolean(compute="_compute_scenario")

    def _check_wage_change(self):
        """engine/bounds.py: a finite change from -90 % to +200 % (NaN, +-1e308 or -1000 % are typing errors)."""
        for wizard in self:
            try:
                bounds.check_number("wage_change_pct", wizard.wage_change_pct,
                                    self._fields["wage_change_pct"]._description_string(self.env))
            except bounds.BoundsError as err:
                raise bounds_error(self.env, err) from None

    @api.constrains("wage_change_pct")
    def _constrain_wage_change(self):
        self._check_wage_change()

    @api.depends("employee_id", "wage_change_pct", "training_done", "manager_unchanged", "open_ended_contract")
    def _compute_scenario(self):
        Score = self.env["hr.attrition.score"]
        _ = self.env._
        for wizard in self:
            if not wizard.employee_id:
                wizard.update({"current_risk": 0.0, "current_band": False, "new_risk": 0.0, "new_band": False,
                               "new_factors": False, "rule_based": False})
                continue
            wizard._check_wage_change()
            res = Score._what_if(
                wizard.employee_id,
                wage_change_pct=wizard.wage_change_pct,
                training_done=wizard.training_done,
                manager_unchanged=wizard.manager_unchanged,
                open_ended_contract=wizard.open_ended_contract,
            )
            lines = []
            for f in res["new"]["factors"]:
                direction = am.DIRECTION_TEXT[f.get("direction")]
                lines.append(_(am.FACTOR_TEMPLATE, factor=Score._render_msg(f), direction=_(direction)))
            wizard.update({
                "current_risk": res["current"]["risk"],
                "current_band": res["current"]["band"],
                "new_risk": res["new"]["risk"],
                "new_band": res["new"]["band"],
                "new_factors": "\n".join(lines),
                "rule_based": res["new"]["rule_based"],
            })
