"""Attrition-risk model: training snapshots, model selection, calibration,
prediction, explanations and the cold-start rule-based score.

Pure Python + numpy + scikit-learn, no Odoo.  The flow:

1. ``build_snapshots``: one row per employee in post at each month end, with the
   features of ``attrition_features`` as of that month end and the label
   "left voluntarily within the next ``horizon_months``" (departure reasons
   mapped to voluntary are configurable).  Month ends whose label window is not
   over yet are left out (their label is unknown).
2. ``train_from_snapshots``: time-based holdout (train on older months, validate
   on the most recent ones), logistic regression (default; StandardScaler,
   balanced class weights; ``LR_SETTINGS`` are also tried on the holdout) and
   random forest (balanced class weights); the better holdout AUC wins,
   ties (within ``TIE_TOLERANCE``) go to logistic regression.  The winner is
   calibrated (``CalibratedClassifierCV``: isotonic with enough data, sigmoid
   otherwise), evaluated on the holdout (AUC, PR-AUC, Brier), then refitted on
   every row.  ``random_state`` makes all of it deterministic.
3. ``AttritionModel``: ``predict_proba`` (probabilities in [0, 1]), ``explain``
   (top factors per employee with their direction: for logistic regression
   coefficient x standardised deviation, for random forest the change in
   probability when the feature is reset to its training median),
   ``global_factors``, ``to_bytes``/``from_bytes`` (pickle; the Odoo side signs
   the bytes and checks the signature before loading).
4. ``rule_based_score``: the transparent score used while a company has fewer
   than ``DEFAULT_MIN_DEPARTURES`` departures; every indicator is shown as
   low / some / at risk.  It is a weighted index, not a probability, and is
   labelled as such.
"""

import pickle
from dataclasses import dataclass, field

import numpy as np

from .attrition_features import (
    CONTRACT_END_CAP_DAYS,
    FEATURE_LABELS,
    FEATURES,
    add_months,
    compute_features,
    department_rates,
    is_protected,
    month_end,
)
from .i18n import Msg, _lt

LOGISTIC_REGRESSION = "logistic_regression"
RANDOM_FOREST = "random_forest"
RULE_BASED = "rule_based"
ALGORITHMS = (LOGISTIC_REGRESSION, RANDOM_FOREST)

DEFAULT_MIN_DEPARTURES = 20
DEFAULT_HORIZON_MONTHS = 6
TIE_TOLERANCE = 0.005
#: isotonic calibration needs data (with few positives its steps tie many
#: employees and cost ranking quality): below these, sigmoid (Platt) is used
ISOTONIC_MIN_ROWS = 5000
ISOTONIC_MIN_POSITIVES = 500
FORMAT_VERSION = 1
#: above this many rows the fits use every leaver and a deterministic sample of
#: stayers (``fit_sample``), weighted back to their true share; metrics and the
#: calibrator still see the true class balance.  Keeps weekly training on a
#: large company (240,000 employee-months) within seconds without losing AUC.
MAX_FIT_ROWS = 60000
#: folds of the out-of-fold predictions the calibrator is fitted on
CALIBRATION_FOLDS = 3


class InsufficientData(ValueError):
    """Not enough labelled history to train (no positives, one class...)."""


# ---------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------
DIRECTION_TEXT = {
    "up": _lt("raises risk"),
    "down": _lt("lowers risk"),
}
FACTOR_TEMPLATE = _lt("%(factor)s (%(direction)s)")
LEVEL_TEXT = {
    "low": _lt("low"),
    "some": _lt("some"),
    "at_risk": _lt("at risk"),
}
INDICATOR_TEMPLATE = _lt("%(label)s: %(level)s (%(factor)s)")
ALGORITHM_TEXT = {
    LOGISTIC_REGRESSION: _lt("Logistic regression"),
    RANDOM_FOREST: _lt("Random forest"),
    RULE_BASED: _lt("Rule-based score"),
}


def _num(value, digits=0):
    value = round(float(value), digits)
    return int(value) if digits == 0 or value == int(value) else value


def describe(feature, value):
    """A short sentence for a feature value, as ``Msg``."""
    if value is None:
        if feature.startswith("appraisal"):
            return Msg(_lt("no appraisal yet"))
        if feature == "days_to_contract_end":
            return Msg(_lt("no contract in force"))
        return Msg(_lt("%(label)s unknown"), {"label": FEATURE_LABELS[feature]})
    v = float(value)
    if feature == "tenure_years":
        return Msg(_lt("%(years)s years of service"), {"years": _num(v, 1)})
    if feature == "days_to_contract_end":
        if v >= CONTRACT_END_CAP_DAYS:
            return Msg(_lt("no contract end within 2 years"))
        return Msg(_lt("contract ends in %(days)s days"), {"days": _num(v)})
    if feature == "fixed_term_count":
        if v <= 0:
            return Msg(_lt("open-ended contract"))
        return Msg(_lt("%(count)s consecutive fixed-term contracts"), {"count": _num(v)})
    if feature == "appraisal_score":
        return Msg(_lt("latest appraisal score %(score)s"), {"score": _num(v)})
    if feature == "appraisal_trend_6m":
        if v < -0.5:
            return Msg(_lt("scores fell %(points)s points in 6 months"), {"points": _num(-v)})
        if v > 0.5:
            return Msg(_lt("scores rose %(points)s points in 6 months"), {"points": _num(v)})
        return Msg(_lt("scores stable over 6 months"))
    if feature == "appraisal_decline_streak":
        if v <= 0:
            return Msg(_lt("last appraisal not lower than the one before"))
        return Msg(_lt("%(count)s appraisals in a row lower than the one before"), {"count": _num(v)})
    if feature in ("leave_days_90", "leave_days_365", "sick_days_90", "sick_days_365"):
        msgs = {
            "leave_days_90": _lt("%(days)s days of leave in the last 90 days"),
            "leave_days_365": _lt("%(days)s days of leave in the last 12 months"),
            "sick_days_90": _lt("%(days)s sick days in the last 90 days"),
            "sick_days_365": _lt("%(days)s sick days in the last 12 months"),
        }
        return Msg(msgs[feature], {"days": _num(v, 1)})
    if feature in ("leave_requests_90", "leave_requests_365", "sick_requests_90", "sick_requests_365"):
        msgs = {
            "leave_requests_90": _lt("%(count)s leave requests in the last 90 days"),
            "leave_requests_365": _lt("%(count)s leave requests in the last 12 months"),
            "sick_requests_90": _lt("%(count)s sick-leave requests in the last 90 days"),
            "sick_requests_365": _lt("%(count)s sick-leave requests in the last 12 months"),
        }
        return Msg(msgs[feature], {"count": _num(v)})
    if feature == "warnings_365":
        if v <= 0:
            return Msg(_lt("no warning in talk logs in the last 12 months"))
        return Msg(_lt("%(count)s warnings in talk logs in the last 12 months"), {"count": _num(v)})
    if feature == "trainings_365":
        if v <= 0:
            return Msg(_lt("no training in the last 12 months"))
        return Msg(_lt("%(count)s trainings in the last 12 months"), {"count": _num(v)})
    if feature == "manager_changes_180":
        if v <= 0:
            return Msg(_lt("same manager for 6 months"))
        return Msg(_lt("manager changed %(count)s times in the last 6 months"), {"count": _num(v)})
    if feature == "wage_change_12m":
        pct = v * 100.0
        if pct > 0.05:
            return Msg(_lt("pay rose %(pct)s%% in 12 months"), {"pct": _num(pct, 1)})
        if pct < -0.05:
            return Msg(_lt("pay fell %(pct)s%% in 12 months"), {"pct": _num(-pct, 1)})
        return Msg(_lt("no pay rise in 12 months"))
    if feature == "dept_attrition_12m":
        return Msg(_lt("department lost %(pct)s%% of its staff in 12 months"), {"pct": _num(v * 100.0)})
    return Msg(_lt("%(label)s: %(value)s"), {"label": FEATURE_LABELS.get(feature, feature), "value": _num(v, 2)})


@dataclass(frozen=True)
class Factor:
    feature: str
    value: object
    contribution: float
    direction: str  # "up" raises risk, "down" lowers it
    msg: Msg

    def render(self, translate=None):
        tr = translate or (lambda s: s)
        return tr(FACTOR_TEMPLATE) % {
            "factor": self.msg.render(translate),
            "direction": tr(DIRECTION_TEXT[self.direction]),
        }


# ---------------------------------------------------------------------------
# Training snapshots
# ---------------------------------------------------------------------------
@dataclass
class Dataset:
    feature_names: tuple
    rows: list  # feature dicts (None = missing)
    y: list
    months: list
    employee_ids: list

    def matrix(self):
        return rows_to_array(self.rows, self.feature_names)


def rows_to_array(rows, feature_names=FEATURES):
    """Feature dicts -> float array, NaN for missing values."""
    out = np.full((len(rows), len(feature_names)), np.nan)
    for i, row in enumerate(rows):
        for j, name in enumerate(feature_names):
            v = row.get(name)
            if v is not None:
                out[i, j] = v
    return out


def snapshot_months(end_date, months=36, horizon_months=DEFAULT_HORIZON_MONTHS, first_day=None):
    """Month ends whose full label window ends on or before ``end_date``."""
    last = add_months(end_date, -horizon_months)
    first = add_months(end_date, -months)
    if first_day and first_day > first:
        first = first_day
    out = []
    m = month_end(first)
    if m <= first:  # strictly after the window start
        m = month_end(add_months(m.replace(day=1), 1))
    while m <= last:
        out.append(m)
        m = month_end(add_months(m.replace(day=1), 1))
    return out


def is_voluntary(history, voluntary_reasons):
    return voluntary_reasons is None or history.departure_reason in voluntary_reasons


def build_snapshots(histories, end_date, months=36, horizon_months=DEFAULT_HORIZON_MONTHS,
                    voluntary_reasons=None):
    """Monthly training rows; label = voluntary departure in (month end, month end + horizon].

    ``voluntary_reasons``: the departure-reason keys that count as voluntary
    (``None``: every departure).  No row uses information from after its month
    end: features are computed with ``as_of=month end`` and the department
    rates from departures up to it.
    """
    histories = list(histories)
    starts = [h.start() for h in histories if h.start()]
    rows, y, month_list, emp_ids = [], [], [], []
    for m in snapshot_months(end_date, months, horizon_months, min(starts) if starts else None):
        horizon_end = add_months(m, horizon_months)
        rates = department_rates(histories, m)
        for h in histories:
            if not h.active_at(m):
                continue
            rows.append(compute_features(h, m, rates))
            left = h.departure_date is not None and m < h.departure_date <= horizon_end
            y.append(int(left and is_voluntary(h, voluntary_reasons)))
            month_list.append(m)
            emp_ids.append(h.employee_id)
    return Dataset(FEATURES, rows, y, month_list, emp_ids)


def time_holdout_mask(months, holdout_fraction=0.25, max_holdout_months=6):
    """True for rows of the most recent distinct months (the validation set)."""
    distinct = sorted(set(months))
    if len(distinct) < 2:
        raise InsufficientData("need at least two snapshot months for a time-based holdout")
    n_hold = min(max(1, round(len(distinct) * holdout_fraction)), max_holdout_months, len(distinct) - 1)
    cut = distinct[-n_hold]
    return np.array([m >= cut for m in months])


# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------
#: logistic-regression settings tried on the holdout; the first is the default
#: and wins ties (balanced class weights handle the imbalance; on some data the
#: unweighted or more regularised fit ranks better, and the holdout decides)
#: ``expand``: the generic feature expansion of ``attrition_transform`` (log
#: copies of long-tailed columns, indicators of small integer scales) in front
#: of the scaler; with it, stronger regularisation (smaller C) is also tried
LR_SETTINGS = (
    {"class_weight": "balanced", "C": 1.0},
    {"class_weight": "balanced", "C": 0.1},
    {"class_weight": None, "C": 1.0},
    {"class_weight": None, "C": 0.1},
    {"class_weight": "balanced", "C": 0.1, "expand": True},
    {"class_weight": "balanced", "C": 0.03, "expand": True},
    {"class_weight": None, "C": 0.1, "expand": True},
    {"class_weight": None, "C": 0.03, "expand": True},
)


def make_estimator(algorithm, n_rows, random_state=0, params=None):
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    if algorithm == LOGISTIC_REGRESSION:
        settings = dict(LR_SETTINGS[0], **(params or {}))
        steps = []
        if settings.pop("expand", False):
            from .attrition_transform import FeatureExpansion

            steps.append(("expand", FeatureExpansion()))
        return Pipeline(steps + [
            ("scale", StandardScaler()),
            ("clf", LogisticRegression(max_iter=2000, random_state=random_state, **settings)),
        ])
    if algorithm == RANDOM_FOREST:
        return RandomForestClassifier(
            n_estimators=100 if n_rows >= 5000 else 80,
            max_depth=10,
            min_samples_leaf=10 if n_rows >= 5000 else 3,
            max_samples=min(1.0, 15000 / n_rows) if n_rows > 15000 else None,
            class_weight="balanced_subsample",
            oob_score=True,  # out-of-bag scores: what the calibrator is fitted on
            n_jobs=1,
            random_state=random_state,
        )
    raise ValueError(f"unknown algorithm {algorithm!r}")


def calibration_method(n_rows, n_positives):
    if n_rows >= ISOTONIC_MIN_ROWS and n_positives >= ISOTONIC_MIN_POSITIVES:
        return "isotonic"
    return "sigmoid"


def fit_sample(y, max_rows=MAX_FIT_ROWS, random_state=0):
    """(row indices, weights) of the rows the estimators are fitted on.

    Up to ``max_rows`` rows: all of them, weight 1.  Above: every leaver and a
    deterministic random sample of stayers (never fewer stayers than leavers),
    each sampled stayer weighted by the inverse of the sampling rate so that
    weighted counts equal the true ones.
    """
    y = np.asarray(y)
    n = len(y)
    if n <= max_rows:
        return np.arange(n), np.ones(n)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y != 1)
    n_neg = min(len(neg), max(max_rows - len(pos), len(pos)))
    pick = np.random.RandomState(random_state).choice(neg, n_neg, replace=False)
    idx = np.sort(np.concatenate([pos, pick]))
    weights = np.where(y[idx] == 1, 1.0, len(neg) / n_neg)
    return idx, weights


def _needs_weights(algorithm, params):
    """Balanced class weights (LR "balanced", RF "balanced_subsample") equalise
    the classes whatever the stayer sampling, so only unweighted fits need the
    sampling weights to see the true class balance."""
    if algorithm != LOGISTIC_REGRESSION:
        return False
    return dict(LR_SETTINGS[0], **(params or {})).get("class_weight") is None


def _fit(algorithm, X, y, weights, random_state, params=None):
    est = make_estimator(algorithm, len(y), random_state, params)
    if _needs_weights(algorithm, params) and not np.all(weights == 1.0):
        est.fit(X, y, clf__sample_weight=weights)
    else:
        est.fit(X, y)
    return est


def _raw_score(est, X):
    """What the calibrator maps: the decision function when there is one
    (logistic regression: log-odds), else the positive-class probability."""
    if hasattr(est, "decision_function"):
        return np.asarray(est.decision_function(X), dtype=float)
    return est.predict_proba(X)[:, 1]


def _oof_scores(algorithm, X, y, weights, random_state, params=None, fitted=None):
    """Out-of-sample raw scores of the rows ``fitted`` was trained on: each row
    scored by a fit that did not see it.  A random forest gives them for free
    (out-of-bag: the trees whose sample left the row out); otherwise
    ``CALIBRATION_FOLDS`` stratified folds are refitted."""
    from sklearn.model_selection import StratifiedKFold

    n_pos = int(np.sum(y))
    folds = min(CALIBRATION_FOLDS, n_pos, len(y) - n_pos)
    if folds < 2:
        raise InsufficientData("need at least two positive and two negative rows to calibrate")
    oob = getattr(fitted, "oob_decision_function_", None)
    if oob is not None and not np.isnan(oob).any():
        return np.asarray(oob[:, 1], dtype=float)
    out = np.empty(len(y))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=random_state).split(X, y):
        out[te] = _raw_score(_fit(algorithm, X[tr], y[tr], weights[tr], random_state, params), X[te])
    return out


def fit_calibrator(method, scores, y, weights=None):
    """Monotone map raw score -> probability: isotonic, or sigmoid (Platt: a
    logistic regression on the score alone, practically unpenalised)."""
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression

    scores = np.asarray(scores, dtype=float)
    if method == "isotonic":
        cal = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
        cal.fit(scores, y, sample_weight=weights)
    else:
        cal = LogisticRegression(C=1e6, max_iter=1000)
        cal.fit(scores.reshape(-1, 1), y, sample_weight=weights)
    return cal


@dataclass
class CalibratedEstimator:
    """A fitted estimator and the calibrator of its raw scores."""

    estimator: object
    method: str
    calibrator: object

    def predict_proba(self, X):
        s = _raw_score(self.estimator, X)
        if self.method == "isotonic":
            p = self.calibrator.predict(s)
        else:
            p = self.calibrator.predict_proba(s.reshape(-1, 1))[:, 1]
        p = np.clip(np.asarray(p, dtype=float), 0.0, 1.0)
        return np.column_stack([1.0 - p, p])


def metrics(y_true, proba):
    from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

    y_true = np.asarray(y_true)
    if len(set(y_true.tolist())) < 2:
        return {"auc": None, "pr_auc": None, "brier": float(brier_score_loss(y_true, proba, labels=[0, 1]))}
    return {
        "auc": float(roc_auc_score(y_true, proba)),
        "pr_auc": float(average_precision_score(y_true, proba)),
        "brier": float(brier_score_loss(y_true, proba)),
    }


def calibration_bins(y_true, proba, n_bins=5):
    """Calibration curve: rows split into ``n_bins`` groups of equal size by
    predicted probability; per group (mean predicted, observed rate, rows).
    A calibrated model has the two rates close in every group."""
    y_true = np.asarray(y_true, dtype=float)
    proba = np.asarray(proba, dtype=float)
    if not len(proba):
        return []
    order = np.argsort(proba, kind="stable")
    out = []
    for part in np.array_split(order, min(n_bins, len(order))):
        out.append((float(proba[part].mean()), float(y_true[part].mean()), int(len(part))))
    return out


def best_f1_threshold(y_true, proba):
    from sklearn.metrics import precision_recall_curve

    precision, recall, thresholds = precision_recall_curve(y_true, proba)
    if not len(thresholds):
        return 0.5
    f1 = 2 * precision[:-1] * recall[:-1] / np.maximum(precision[:-1] + recall[:-1], 1e-12)
    return float(thresholds[int(np.argmax(f1))])


@dataclass
class AttritionModel:
    algorithm: str
    feature_names: tuple
    medians: np.ndarray
    calibrated: object  # CalibratedEstimator (models pickled before: CalibratedClassifierCV)
    calibration: str
    metrics: dict = field(default_factory=dict)
    candidate_aucs: dict = field(default_factory=dict)
    threshold: float = 0.5
    n_rows: int = 0
    n_positives: int = 0
    window: tuple = (None, None)
    random_state: int = 0
    params: dict = field(default_factory=dict)  # settings chosen on the holdout

    # -- data -----------------------------------------------------------
    def _impute(self, X):
        return _fill(X, self.medians)

    def _array(self, rows):
        if isinstance(rows, np.ndarray):
            return rows
        return rows_to_array(rows, self.feature_names)

    @property
    def base(self):
        """The estimator fitted on all rows (what the calibrator maps)."""
        if isinstance(self.calibrated, CalibratedEstimator):
            return self.calibrated.estimator
        return self.calibrated.calibrated_classifiers_[0].estimator  # CalibratedClassifierCV

    # -- prediction -----------------------------------------------------
    def predict_proba(self, rows):
        X = self._impute(self._array(rows))
        if not len(X):
            return np.zeros(0)
        return np.clip(self.calibrated.predict_proba(X)[:, 1], 0.0, 1.0)

    def evaluate(self, rows, y):
        return metrics(y, self.predict_proba(rows))

    def contributions(self, rows):
        """Per row and feature: how much the feature pushes the risk up (+) or down (-).

        Logistic regression: coefficient x standardised deviation from the
        training mean (log-odds), the columns derived from a feature by the
        expansion (its log copy, its level indicators) summed back into it.
        Random forest: probability minus the probability with the feature
        reset to its training median.
        """
        X = self._impute(self._array(rows))
        if not len(X):
            return np.zeros((0, len(self.feature_names)))
        base = self.base
        if self.algorithm == LOGISTIC_REGRESSION:
            scaler, clf = base.named_steps["scale"], base.named_steps["clf"]
            expand = base.named_steps.get("expand")
            Xe = expand.transform(X) if expand is not None else X
            z = (Xe - scaler.mean_) / np.where(scaler.scale_ == 0, 1.0, scaler.scale_)
            contrib = z * clf.coef_[0]
            return contrib @ expand.source_matrix() if expand is not None else contrib
        n, k = X.shape
        p0 = base.predict_proba(X)[:, 1]
        stacked = np.repeat(X[np.newaxis, :, :], k, axis=0)  # k x n x k
        for j in range(k):
            stacked[j, :, j] = self.medians[j]
        p = base.predict_proba(stacked.reshape(k * n, k))[:, 1].reshape(k, n)
        return (p0[np.newaxis, :] - p).T

    def explain(self, rows, top=3):
        """Top ``top`` factors per row: risk-raising ones first, then the strongest lowering ones."""
        raw = self._array(rows)
        contrib = self.contributions(raw)
        # a missing value was imputed: it is no reason to show
        contrib[np.isnan(raw)] = 0.0
        out = []
        for i in range(len(raw)):
            out.append(_top_factors(self.feature_names, raw[i], contrib[i], top))
        return out

    def global_factors(self, rows, top=5):
        """[(feature, share of total influence, direction of a higher value)]."""
        raw = self._array(rows)
        if len(raw) > 2000:
            raw = raw[np.random.RandomState(self.random_state).choice(len(raw), 2000, replace=False)]
        contrib = self.contributions(raw)
        weight = np.abs(contrib).mean(axis=0)
        total = weight.sum() or 1.0
        X = self._impute(raw)
        out = []
        for j in np.argsort(-weight)[:top]:
            if weight[j] <= 0:
                continue
            if self.algorithm == LOGISTIC_REGRESSION and "expand" not in self.base.named_steps:
                sign = float(self.base.named_steps["clf"].coef_[0][j])
            else:  # the covariance of the value with its contribution
                xs = X[:, j] - X[:, j].mean()
                sign = float(np.dot(xs, contrib[:, j]))
            out.append((self.feature_names[j], float(weight[j] / total), "up" if sign >= 0 else "down"))
        return out

    # -- storage --------------------------------------------------------
    def to_bytes(self):
        import sklearn

        return pickle.dumps({"format": FORMAT_VERSION, "sklearn": sklearn.__version__, "model": self},
                            protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def from_bytes(data):
        """Load a model saved by ``to_bytes``.  Only call it on trusted bytes
        (pickle runs code): the Odoo side checks an HMAC signature first."""
        payload = pickle.loads(data)  # noqa: S301 - trusted, signed by the caller
        if not isinstance(payload, dict) or payload.get("format") != FORMAT_VERSION:
            raise ValueError("not an attrition model of a supported format")
        return payload["model"]


def _top_factors(feature_names, raw_row, contrib_row, top):
    order = np.argsort(-contrib_row)
    ups = [j for j in order if contrib_row[j] > 1e-9]
    downs = sorted((j for j in range(len(contrib_row)) if contrib_row[j] < -1e-9), key=lambda j: contrib_row[j])
    chosen = (ups + downs)[:top]
    out = []
    for j in chosen:
        value = raw_row[j]
        value = None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)
        name = feature_names[j]
        out.append(Factor(name, value, float(contrib_row[j]), "up" if contrib_row[j] > 0 else "down",
                          describe(name, value)))
    return out


@dataclass
class TrainResult:
    model: AttritionModel
    candidate_aucs: dict
    holdout_metrics: dict
    holdout_rows: int
    holdout_proba: np.ndarray = None  # calibrated winner trained on the older rows, on the holdout rows


def _holdout_auc(algorithm, X_tr, y_tr, w_tr, X_ho, y_ho, random_state):
    """(holdout AUC, settings, fitted estimator) of the algorithm's best settings on the holdout."""
    from sklearn.metrics import roc_auc_score

    best = None
    for params in (LR_SETTINGS if algorithm == LOGISTIC_REGRESSION else (None,)):
        est = _fit(algorithm, X_tr, y_tr, w_tr, random_state, params)
        auc = float(roc_auc_score(y_ho, est.predict_proba(X_ho)[:, 1]))
        if best is None or auc > best[0] + 1e-9:
            best = (auc, params, est)
    return best


def select_algorithm(candidate_aucs, tie_tolerance=TIE_TOLERANCE):
    """Best holdout AUC; a tie (within ``tie_tolerance``) goes to logistic regression."""
    best = max(candidate_aucs.values())
    if LOGISTIC_REGRESSION in candidate_aucs and candidate_aucs[LOGISTIC_REGRESSION] >= best - tie_tolerance:
        return LOGISTIC_REGRESSION
    return max(candidate_aucs, key=lambda a: (candidate_aucs[a], a == LOGISTIC_REGRESSION))


def single_threaded(func):
    """Run ``func`` with BLAS on one thread.  Our matrices are tall and thin
    (19 columns): threads gain nothing, and on a busy server (Odoo workers, the
    cron) OpenBLAS threads fighting for cores made a logistic-regression fit
    8x slower (1.7 s -> 0.2 s on 45,000 rows)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=1, user_api="blas"):
            return func(*args, **kwargs)
    return wrapper


@single_threaded
def train(X, y, holdout_mask, feature_names=FEATURES, algorithms=ALGORITHMS, random_state=0,
          tie_tolerance=TIE_TOLERANCE, window=(None, None), max_fit_rows=MAX_FIT_ROWS):
    """Select, calibrate, evaluate and refit.  ``X`` may contain NaN (imputed
    with training medians).  Raises ``InsufficientData`` when a side of the
    split has a single class."""
    for name in feature_names:
        if is_protected(name):
            raise ValueError(f"protected attribute {name!r} cannot be a feature")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    mask = np.asarray(holdout_mask, dtype=bool)
    y_tr, y_ho = y[~mask], y[mask]
    if len(set(y_tr.tolist())) < 2 or len(set(y_ho.tolist())) < 2:
        raise InsufficientData("training and holdout rows must both contain leavers and stayers")

    medians_tr = _medians(X[~mask])
    X_tr, X_ho = _fill(X[~mask], medians_tr), _fill(X[mask], medians_tr)
    # fits see every leaver and a weighted sample of stayers; the holdout is never sampled
    idx, w_fit = fit_sample(y_tr, max_fit_rows, random_state)
    X_fit, y_fit = X_tr[idx], y_tr[idx]
    found = {a: _holdout_auc(a, X_fit, y_fit, w_fit, X_ho, y_ho, random_state) for a in algorithms}
    aucs = {a: auc for a, (auc, _params, _est) in found.items()}
    chosen = select_algorithm(aucs, tie_tolerance)
    _auc, params, est_tr = found[chosen]

    # honest numbers: the winner fitted on the older months (reused from the
    # selection), calibrated on out-of-fold scores of those months only
    method = calibration_method(len(y_tr), int(y_tr.sum()))
    oof = _oof_scores(chosen, X_fit, y_fit, w_fit, random_state, params, fitted=est_tr)
    cal_tr = CalibratedEstimator(est_tr, method, fit_calibrator(method, oof, y_fit, w_fit))
    proba_ho = cal_tr.predict_proba(X_ho)[:, 1]
    ho_metrics = metrics(y_ho, proba_ho)
    threshold = best_f1_threshold(y_ho, proba_ho)

    # the model kept: refitted on every row; its calibrator maps out-of-sample
    # scores (the out-of-fold ones above and the holdout scored by the older fit)
    medians = _medians(X)
    X_all = _fill(X, medians)
    idx_all, w_all = fit_sample(y, max_fit_rows, random_state)
    est_all = _fit(chosen, X_all[idx_all], y[idx_all], w_all, random_state, params)
    method = calibration_method(len(y), int(y.sum()))
    cal_scores = np.concatenate([oof, _raw_score(est_tr, X_ho)])
    cal_y = np.concatenate([y_fit, y_ho])
    cal_w = np.concatenate([w_fit, np.ones(len(y_ho))])
    cal_all = CalibratedEstimator(est_all, method, fit_calibrator(method, cal_scores, cal_y, cal_w))
    model = AttritionModel(
        algorithm=chosen, feature_names=tuple(feature_names), medians=medians, calibrated=cal_all,
        calibration=method, metrics=ho_metrics, candidate_aucs=aucs, threshold=threshold,
        n_rows=int(len(y)), n_positives=int(y.sum()), window=window, random_state=random_state,
        params=params or {},
    )
    return TrainResult(model, aucs, ho_metrics, int(mask.sum()), proba_ho)


def train_from_snapshots(dataset, holdout_fraction=0.25, max_holdout_months=6, **kwargs):
    mask = time_holdout_mask(dataset.months, holdout_fraction, max_holdout_months)
    window = (min(dataset.months), max(dataset.months)) if dataset.months else (None, None)
    return train(dataset.matrix(), dataset.y, mask, dataset.feature_names, window=window, **kwargs)


def _medians(X):
    """Column medians ignoring NaN; 0 for a column without any value."""
    X = np.asarray(X, dtype=float)
    med = np.zeros(X.shape[1])
    for j in range(X.shape[1]):
        col = X[:, j][~np.isnan(X[:, j])]
        if len(col):
            med[j] = float(np.median(col))
    return med


def _fill(X, medians):
    X = np.array(X, dtype=float, copy=True)
    nan = np.isnan(X)
    if nan.any():
        X[nan] = np.take(medians, np.nonzero(nan)[1])
    return X


# ---------------------------------------------------------------------------
# Cold start: transparent rule-based score
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    feature: str
    weight: float
    some: float | None  # threshold for "some"
    at_risk: float  # threshold for "at risk"
    higher_is_riskier: bool = True
    min_tenure_years: float = 0.0  # indicator applies only from this tenure on


RULES = (
    Rule("days_to_contract_end", 20, 180, 90, higher_is_riskier=False),
    Rule("fixed_term_count", 10, None, 2),
    Rule("appraisal_trend_6m", 15, -3, -10, higher_is_riskier=False),
    Rule("appraisal_score", 10, 70, 60, higher_is_riskier=False),
    Rule("appraisal_decline_streak", 10, 1, 2),
    Rule("sick_days_90", 10, 2, 5),
    Rule("leave_requests_90", 5, 2, 4),
    Rule("warnings_365", 10, 1, 2),
    Rule("manager_changes_180", 5, 1, 2),
    Rule("wage_change_12m", 10, 0.0, -0.0001, higher_is_riskier=False, min_tenure_years=1.0),
    Rule("dept_attrition_12m", 5, 0.10, 0.20),
)
LEVEL_POINTS = {"low": 0.0, "some": 0.5, "at_risk": 1.0}


@dataclass(frozen=True)
class Indicator:
    feature: str
    level: str  # low / some / at_risk
    weight: float
    value: object
    msg: Msg

    def render(self, translate=None):
        tr = translate or (lambda s: s)
        return tr(INDICATOR_TEMPLATE) % {
            "label": tr(FEATURE_LABELS[self.feature]),
            "level": tr(LEVEL_TEXT[self.level]),
            "factor": self.msg.render(translate),
        }


def _level(rule, value):
    def hit(threshold):
        if threshold is None:
            return False
        if rule.higher_is_riskier:
            return value >= threshold
        return value <= threshold

    if hit(rule.at_risk):
        return "at_risk"
    if hit(rule.some):
        return "some"
    return "low"


@dataclass
class RuleResult:
    score: float  # 0..1 weighted index (not a probability)
    indicators: list
    factors: list


def rule_based_score(features, rules=RULES, top=3):
    """Weighted share of indicators at risk (some = half), over the indicators
    that have data for this employee.  Returns the index and every indicator."""
    indicators = []
    for rule in rules:
        value = features.get(rule.feature)
        if value is None or (features.get("tenure_years") or 0.0) < rule.min_tenure_years:
            continue
        level = _level(rule, float(value))
        indicators.append(Indicator(rule.feature, level, rule.weight, value, describe(rule.feature, value)))
    total = sum(i.weight for i in indicators)
    points = sum(i.weight * LEVEL_POINTS[i.level] for i in indicators)
    score = points / total if total else 0.0
    ranked = sorted((i for i in indicators if i.level != "low"),
                    key=lambda i: -i.weight * LEVEL_POINTS[i.level])
    factors = [Factor(i.feature, i.value, i.weight * LEVEL_POINTS[i.level], "up", i.msg) for i in ranked[:top]]
    return RuleResult(round(score, 4), indicators, factors)


# ---------------------------------------------------------------------------
# Scoring entry point used by Odoo
# ---------------------------------------------------------------------------
@dataclass
class Score:
    risk: float  # 0..100
    factors: list
    indicators: list  # rule-based only
    rule_based: bool


def use_rule_based(n_departures, min_departures=DEFAULT_MIN_DEPARTURES):
    """Cold start: fewer departures than the threshold -> the rule-based score."""
    return n_departures < min_departures


@single_threaded
def score(feature_rows, model=None, top=3):
    """Scores for a batch of feature dicts, with the model or (None) the rules."""
    if model is None:
        out = []
        for row in feature_rows:
            res = rule_based_score(row, top=top)
            out.append(Score(round(res.score * 100.0, 2), res.factors, res.indicators, True))
        return out
    if not feature_rows:
        return []
    raw = rows_to_array(feature_rows, model.feature_names)
    proba = model.predict_proba(raw)
    explanations = model.explain(raw, top=top)
    return [Score(round(float(p) * 100.0, 2), f, [], False) for p, f in zip(proba, explanations)]


def band_for(risk_pct, medium=30.0, high=60.0):
    if risk_pct >= high:
        return "high"
    if risk_pct >= medium:
        return "medium"
    return "low"
