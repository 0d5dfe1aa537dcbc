"""Attrition model drift: the holdout metrics of every training run, per company.

Each (weekly) retrain that trains a model stores one run, adopted or not, so the
card can show the quality over time.  A run whose holdout AUC is more than the
company's bound below the previous run's is flagged (``engine.attrition_drift``):
the recent history predicts worse than before, HR should review the scores
(advisory by design, PIPL Art. 24).  HR officers read the runs, HR managers
manage them; the card itself stays HR-manager only.
"""

from odoo import api, fields, models

from ..engine import attrition_drift as drift
from .hr_attrition_model import ALGORITHM_SELECTION


class HrAttritionModelRun(models.Model):
    _name = "hr.attrition.model.run"
    _description = "Attrition model training run"
    _order = "run_on desc, id desc"
    _rec_name = "run_on"

    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True,
                                 default=lambda self: self.env.company)
    run_on = fields.Datetime(string="Trained on", required=True, readonly=True, default=fields.Datetime.now)
    algorithm = fields.Selection(ALGORITHM_SELECTION, string="Model kind", required=True, readonly=True)
    model_id = fields.Many2one("hr.attrition.model", string="Model card", readonly=True, index=True,
                               ondelete="cascade", groups="hr.group_hr_manager")
    holdout_auc = fields.Float(aggregator=None, string="Holdout AUC", digits=(4, 3), readonly=True)
    holdout_pr_auc = fields.Float(aggregator=None, string="Holdout PR-AUC", digits=(4, 3), readonly=True)
    holdout_brier = fields.Float(aggregator=None, string="Holdout Brier score", digits=(4, 3), readonly=True)
    n_rows = fields.Integer(aggregator=None, string="Training rows", readonly=True)
    n_positives = fields.Integer(aggregator=None, string="Positive rows", readonly=True)
    previous_auc = fields.Float(aggregator=None, string="Previous run's AUC", digits=(4, 3), readonly=True)
    auc_drop = fields.Float(aggregator=None, string="AUC drop", digits=(4, 3), readonly=True,
                            help="Previous run's holdout AUC minus this run's (positive: the AUC fell).")
    max_auc_drop = fields.Float(aggregator=None, string="Allowed AUC drop", digits=(4, 3), readonly=True,
                                help="The company's drift bound when the run was stored.")
    drift_flagged = fields.Boolean(
        string="Drift", readonly=True,
        help="The holdout AUC fell by more than the allowed drop since the previous run: review the "
        "scores before relying on them.")

    @api.model
    def _record(self, company, card):
        """Store the run of a freshly trained ``card`` and flag a drop against the company's previous run."""
        previous = self.search([("company_id", "=", company.id)], limit=1)
        max_drop = company.hrcr_attrition_max_auc_drop or drift.DEFAULT_MAX_AUC_DROP
        res = drift.check(card.holdout_auc, previous.holdout_auc if previous else None, max_drop)
        return self.create({
            "company_id": company.id,
            "run_on": card.trained_at,
            "algorithm": card.algorithm,
            "model_id": card.id,
            "holdout_auc": card.holdout_auc,
            "holdout_pr_auc": card.holdout_pr_auc,
            "holdout_brier": card.holdout_brier,
            "n_rows": card.n_rows,
            "n_positives": card.n_positives,
            "previous_auc": res.previous_auc or 0.0,
            "auc_drop": res.drop or 0.0,
            "max_auc_drop": max_drop,
            "drift_flagged": res.flagged,
        })
