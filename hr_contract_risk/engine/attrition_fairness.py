"""Fairness audit of attrition scores, after scoring, never as features.

The model never sees gender, age or any other protected attribute
(``attrition_features.is_protected``).  PIPL Art. 24 (个人信息保护法) requires
automated decision-making to be transparent with fair and just results;
Labour Law Art. 12 (劳动法) and Employment Promotion Law Art. 3 (就业促进法)
forbid discrimination in employment by sex, ethnicity, race or religion.  To check that the scores are nevertheless not
skewed against a group, HR-only code reads the attribute *after* scoring and
hands it here with the labels and probabilities:

* per group: rows, observed rate, mean predicted probability (calibration in
  the large: predicted - observed), AUC within the group, and the share
  flagged at the threshold (positive rate);
* across groups: the largest AUC gap and calibration gap, and the disparate
  impact ratio (lowest positive rate / highest; the "four-fifths rule" reads
  below 0.8 as adverse impact).  The same ratio of the *observed* rates is
  given beside it: when groups really leave at different rates, a calibrated
  score flags them at different rates too, and the two ratios should be read
  together.

A group too small to judge (fewer than ``min_rows`` rows, or a single class
for the AUC) is reported but does not take part in the gaps.
"""

from dataclasses import dataclass, field

import numpy as np

#: defaults of the audit's flags
DEFAULT_MAX_AUC_GAP = 0.05
DEFAULT_MAX_CALIBRATION_GAP = 0.05
DEFAULT_MIN_DISPARATE_IMPACT = 0.8
DEFAULT_MIN_ROWS = 30

AGE_BANDS = ((0, 30, "<30"), (30, 40, "30-39"), (40, 50, "40-49"), (50, 200, "50+"))


def age_band(age):
    """Band label of an age in years (None: unknown)."""
    if age is None or (isinstance(age, float) and np.isnan(age)):
        return None
    for low, high, label in AGE_BANDS:
        if low <= age < high:
            return label
    return None


@dataclass(frozen=True)
class GroupStats:
    group: str
    n: int
    positives: int
    observed_rate: float
    mean_predicted: float
    calibration_gap: float  # mean predicted - observed rate
    auc: float | None  # None: one class only in the group
    positive_rate: float  # share of the group at or above the threshold
    judged: bool  # large enough to take part in the gaps


@dataclass
class FairnessAudit:
    attribute: str
    threshold: float
    groups: list
    auc_gap: float | None
    calibration_gap: float | None
    disparate_impact: float | None
    base_rate_ratio: float | None  # lowest observed rate / highest, for context
    flags: list = field(default_factory=list)  # "auc_gap", "calibration_gap", "disparate_impact"

    @property
    def flagged(self):
        return bool(self.flags)

    def as_dict(self):
        return {
            "attribute": self.attribute,
            "threshold": self.threshold,
            "auc_gap": self.auc_gap,
            "calibration_gap": self.calibration_gap,
            "disparate_impact": self.disparate_impact,
            "base_rate_ratio": self.base_rate_ratio,
            "flags": list(self.flags),
            "groups": [g.__dict__.copy() for g in self.groups],
        }


def audit(attribute, groups, y_true, proba, threshold, min_rows=DEFAULT_MIN_ROWS,
          max_auc_gap=DEFAULT_MAX_AUC_GAP, max_calibration_gap=DEFAULT_MAX_CALIBRATION_GAP,
          min_disparate_impact=DEFAULT_MIN_DISPARATE_IMPACT, order=None):
    """Per-group metrics of scores already computed; rows whose group is None are left out.

    ``threshold``: a probability, or one per row (e.g. each fold's own).
    ``order``: group labels in display order (others follow, sorted)."""
    from sklearn.metrics import roc_auc_score

    y_true = np.asarray(y_true, dtype=int)
    proba = np.asarray(proba, dtype=float)
    groups = np.array([None if g is None else str(g) for g in groups], dtype=object)
    if not (len(groups) == len(y_true) == len(proba)):
        raise ValueError("groups, labels and probabilities must have the same length")
    thresholds = np.broadcast_to(np.asarray(threshold, dtype=float), proba.shape)
    present = {g for g in groups.tolist() if g is not None}
    ranked = [g for g in (order or ()) if g in present] + sorted(present - set(order or ()))
    stats = []
    for g in ranked:
        sel = groups == g
        y, p = y_true[sel], proba[sel]
        n = int(sel.sum())
        auc = float(roc_auc_score(y, p)) if len(set(y.tolist())) == 2 else None
        observed, predicted = float(y.mean()), float(p.mean())
        stats.append(GroupStats(
            group=g, n=n, positives=int(y.sum()), observed_rate=observed, mean_predicted=predicted,
            calibration_gap=predicted - observed, auc=auc,
            positive_rate=float(np.mean(p >= thresholds[sel])), judged=n >= min_rows,
        ))
    judged = [s for s in stats if s.judged]
    aucs = [s.auc for s in judged if s.auc is not None]
    auc_gap = max(aucs) - min(aucs) if len(aucs) >= 2 else None
    cal = [s.calibration_gap for s in judged]
    calibration_gap = max(abs(c) for c in cal) if len(cal) >= 2 else None
    rates = [s.positive_rate for s in judged]
    disparate_impact = None
    if len(rates) >= 2 and max(rates) > 0:
        disparate_impact = min(rates) / max(rates)
    observed = [s.observed_rate for s in judged]
    base_rate_ratio = min(observed) / max(observed) if len(observed) >= 2 and max(observed) > 0 else None
    flags = []
    if auc_gap is not None and auc_gap > max_auc_gap:
        flags.append("auc_gap")
    if calibration_gap is not None and calibration_gap > max_calibration_gap:
        flags.append("calibration_gap")
    if disparate_impact is not None and disparate_impact < min_disparate_impact:
        flags.append("disparate_impact")
    mean_threshold = float(np.mean(thresholds)) if len(thresholds) else float(np.mean(threshold))
    return FairnessAudit(attribute, mean_threshold, stats, auc_gap, calibration_gap, disparate_impact,
                         base_rate_ratio, flags)
