"""KPI appraisals: the company's scoring, grading and decline-alert settings."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..engine import appraisal as ap


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_appraisal_periodicity = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly")],
        string="Appraisal Periodicity", default="monthly", required=True,
        help="Default period of new KPI templates and of the appraisals generated from them.")
    hrcr_kpi_share = fields.Float(
        string="KPI Share of the Total Score (%)", default=70.0,
        help="Total score = KPI share x KPI score + (100 - KPI share) x 360 score. "
        "Without 360 feedback the KPI score is the total.")
    hrcr_kpi_cap = fields.Float(
        string="KPI Completion Cap (%)", default=120.0,
        help="Default cap of a KPI line's completion ratio (e.g. 120 % of target).")
    hrcr_weight_manager = fields.Float(string="360 Weight: Manager", default=50.0)
    hrcr_weight_peer = fields.Float(string="360 Weight: Peers", default=25.0)
    hrcr_weight_subordinate = fields.Float(string="360 Weight: Subordinates", default=15.0)
    hrcr_weight_self = fields.Float(string="360 Weight: Self", default=10.0)
    hrcr_grade_a = fields.Float(string="Grade A from", default=90.0)
    hrcr_grade_b = fields.Float(string="Grade B from", default=75.0)
    hrcr_grade_c = fields.Float(string="Grade C from", default=60.0)
    hrcr_decline_periods = fields.Integer(
        string="Decline Alert after N Periods", default=3,
        help="Number of consecutive confirmed appraisal periods below the threshold that raise one decline alert.")
    hrcr_decline_mode = fields.Selection(
        [("score", "Total score below the threshold"), ("kpi", "A watched KPI below its target")],
        string="Decline Criterion", default="score", required=True)
    hrcr_decline_threshold = fields.Float(
        string="Decline Threshold (score)", default=60.0,
        help="A period counts as below when its total score is under this value (also the "
        "threshold of the incompetence evidence checklist).")
    hrcr_decline_hr_user_id = fields.Many2one(
        "res.users", string="HR Contact for Decline Alerts",
        help="Receives the decline-alert activity when the employee's contract has no HR responsible.")

    @api.constrains("hrcr_kpi_share", "hrcr_kpi_cap", "hrcr_weight_manager", "hrcr_weight_peer",
                    "hrcr_weight_subordinate", "hrcr_weight_self", "hrcr_grade_a", "hrcr_grade_b",
                    "hrcr_grade_c", "hrcr_decline_periods", "hrcr_decline_threshold")
    def _check_hrcr_appraisal_settings(self):
        for company in self:
            if not 0 <= company.hrcr_kpi_share <= 100:
                raise ValidationError(_("The KPI share must lie between 0 and 100 %."))
            if company.hrcr_kpi_cap < 100:
                raise ValidationError(_("The KPI completion cap must be at least 100 %."))
            weights = [company.hrcr_weight_manager, company.hrcr_weight_peer,
                       company.hrcr_weight_subordinate, company.hrcr_weight_self]
            if any(w < 0 for w in weights) or not sum(weights):
                raise ValidationError(_("360 relationship weights must not be negative and must not all be zero."))
            try:
                ap.check_thresholds({"A": company.hrcr_grade_a, "B": company.hrcr_grade_b, "C": company.hrcr_grade_c})
            except ValueError as exc:
                raise ValidationError(_("Grade thresholds must satisfy 100 >= A > B > C >= 0.")) from exc
            if company.hrcr_decline_periods < 1:
                raise ValidationError(_("A decline alert needs at least one period."))
            if not 0 < company.hrcr_decline_threshold <= 100:
                raise ValidationError(_("The decline threshold must lie between 0 and 100."))

    def _hrcr_appraisal_settings(self):
        """The appraisal settings of one company as plain data for the engine."""
        self.ensure_one()
        return {
            "kpi_share": self.hrcr_kpi_share,
            "cap": self.hrcr_kpi_cap,
            "weights": {
                "manager": self.hrcr_weight_manager,
                "peer": self.hrcr_weight_peer,
                "subordinate": self.hrcr_weight_subordinate,
                "self": self.hrcr_weight_self,
            },
            "thresholds": {"A": self.hrcr_grade_a, "B": self.hrcr_grade_b, "C": self.hrcr_grade_c},
            "decline_periods": self.hrcr_decline_periods,
            "decline_threshold": self.hrcr_decline_threshold,
            "decline_mode": self.hrcr_decline_mode,
        }
