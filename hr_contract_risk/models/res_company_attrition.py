"""Attrition risk: the company's training threshold, risk bands and alert routing."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine.attrition_drift import DEFAULT_MAX_AUC_DROP
from ..engine.attrition_fairness import DEFAULT_MAX_AUC_GAP, DEFAULT_MAX_CALIBRATION_GAP
from ..engine.attrition_model import DEFAULT_MIN_DEPARTURES

#: fractions of AUC or probability: each must lie strictly between 0 and 1
FRACTION_FIELDS = ("hrcr_attrition_max_auc_drop", "hrcr_attrition_max_auc_gap", "hrcr_attrition_max_calibration_gap")


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_attrition_min_departures = fields.Integer(
        string="Departures needed to train",
        default=DEFAULT_MIN_DEPARTURES,
        help="While the company has fewer voluntary departures than this, attrition risk is a "
        "transparent rule-based score (weighted indicators) instead of a trained model.",
    )
    hrcr_attrition_band_medium = fields.Float(
        string="Medium risk from (%)", default=30.0,
        help="Risk percentage from which an employee is in the medium band.",
    )
    hrcr_attrition_band_high = fields.Float(
        string="High risk from (%)", default=60.0,
        help="Risk percentage from which an employee is in the high band; entering it notifies HR once.",
    )
    hrcr_attrition_stale_days = fields.Integer(
        string="Model stale after (days)", default=90,
        help="A trained model older than this is replaced by the next trained model even if the "
        "new one is not better on the holdout months.",
    )
    hrcr_attrition_voluntary_reason_ids = fields.Many2many(
        "hr.departure.reason", "hrcr_company_voluntary_reason_rel", "company_id", "reason_id",
        string="Voluntary departure reasons",
        help="Departure reasons counted as voluntary departures (the event the model predicts). "
        "Empty: the standard 'Resigned' reason.",
    )
    hrcr_attrition_sick_leave_type_ids = fields.Many2many(
        "hr.leave.type", "hrcr_company_sick_leave_type_rel", "company_id", "leave_type_id",
        string="Sick-leave types",
        help="Time-off types counted as sick leave. Empty: the standard 'Sick Time Off' type and "
        "every type whose English or Chinese name contains 'sick' or '病'.",
    )
    hrcr_attrition_alert_user_id = fields.Many2one(
        "res.users", string="Attrition alerts to",
        help="HR officer who receives the 'risk became high' activity when the employee's contract "
        "has no HR responsible.",
    )
    hrcr_attrition_max_auc_drop = fields.Float(
        string="Allowed AUC drop between runs", default=DEFAULT_MAX_AUC_DROP, digits=(4, 3),
        help="A training run whose holdout AUC is more than this below the previous run's is flagged as "
        "drift on the model card (between 0 and 1).")
    hrcr_attrition_max_auc_gap = fields.Float(
        string="Allowed AUC gap between groups", default=DEFAULT_MAX_AUC_GAP, digits=(4, 3),
        help="Fairness audit: the card flags a gap when the holdout AUC of two genders or age bands "
        "differs by more than this (between 0 and 1; PIPL Art. 24).")
    hrcr_attrition_max_calibration_gap = fields.Float(
        string="Allowed calibration gap", default=DEFAULT_MAX_CALIBRATION_GAP, digits=(4, 3),
        help="Fairness audit: the card flags a gap when, in a gender or age band, the mean predicted "
        "probability differs from the share that left by more than this (between 0 and 1; PIPL Art. 24).")

    @api.constrains("hrcr_attrition_band_medium", "hrcr_attrition_band_high", "hrcr_attrition_min_departures",
                    "hrcr_attrition_stale_days")
    def _check_hrcr_attrition_settings(self):
        for company in self:
            if not 0 < company.hrcr_attrition_band_medium < company.hrcr_attrition_band_high <= 100:
                raise ValidationError(self.env._(
                    "Attrition risk bands: 0 < medium threshold < high threshold <= 100 (got %(medium)s and %(high)s).",
                    medium=company.hrcr_attrition_band_medium, high=company.hrcr_attrition_band_high,
                ))
            if company.hrcr_attrition_min_departures < 2 or company.hrcr_attrition_stale_days < 1:
                raise ValidationError(self.env._(
                    "Attrition risk: at least 2 departures are needed to train, and a model is stale "
                    "after at least 1 day."
                ))

    @api.constrains(*FRACTION_FIELDS)
    def _check_hrcr_attrition_fractions(self):
        for company in self:
            for fname in FRACTION_FIELDS:
                value = company[fname]
                if not 0 < value < 1:
                    raise ValidationError(self.env._(
                        "%(field)s must be strictly between 0 and 1 (got %(value)s).",
                        field=self._fields[fname].get_description(self.env)["string"], value=value))
