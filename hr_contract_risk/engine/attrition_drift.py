"""Drift of the attrition model: has the weekly retrain's holdout AUC dropped?

Pure functions, no Odoo import.  Every training run stores its holdout metrics
(``hr.attrition.model.run``); a run is flagged when its holdout AUC is more than
``max_drop`` below the previous run's (default 0.05, a company setting).  A drop
means the recent months are harder to predict than before: the history changed
(a reorganisation, a new contract policy, a data-entry gap), and HR should review
the scores before relying on them (advisory by design, PIPL Art. 24).
"""

from dataclasses import dataclass

DEFAULT_MAX_AUC_DROP = 0.05


@dataclass(frozen=True)
class DriftCheck:
    auc: float | None
    previous_auc: float | None
    drop: float | None  # previous - current; positive when the AUC fell
    flagged: bool


def check_bound(max_drop):
    """``max_drop`` must be a fraction of AUC strictly between 0 and 1."""
    if max_drop is None or not 0 < float(max_drop) < 1:
        raise ValueError("max_drop must be strictly between 0 and 1, got %r" % (max_drop,))
    return float(max_drop)


def check(auc, previous_auc, max_drop=DEFAULT_MAX_AUC_DROP):
    """Compare one run with the run before it; without both AUCs nothing is flagged."""
    max_drop = check_bound(max_drop)
    if auc is None or previous_auc is None:
        return DriftCheck(auc, previous_auc, None, False)
    drop = round(float(previous_auc) - float(auc), 6)
    return DriftCheck(float(auc), float(previous_auc), drop, drop > max_drop)


def history(aucs, max_drop=DEFAULT_MAX_AUC_DROP):
    """One ``DriftCheck`` per run, oldest first; each run against the run before it."""
    out, previous = [], None
    for auc in aucs:
        out.append(check(auc, previous, max_drop))
        if auc is not None:
            previous = auc
    return out
