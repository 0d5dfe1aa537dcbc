"""Feature expansion in front of the attrition logistic regression.

A logistic regression is linear in its inputs; two generic shapes of HR data
are not:

* counts and amounts with a long right tail (leave days, wages, years): the
  first units matter more than the later ones, so a ``log1p`` copy is added for
  every non-negative column whose mean exceeds its median markedly or whose
  spread exceeds its mean (decided on the training rows only);
* small integer scales (0-3 warnings, 1-4 satisfaction, 0-3 consecutive
  fixed-term contracts): the risk is often not a straight line across the
  levels (the first warning matters, "very low" and "low" differ), so every
  column with 3 to ``max_levels`` distinct training values also gets one
  indicator per level (the first level dropped; an unseen level scores 0).

The original columns are kept, so the model can only gain expressiveness; the
regularisation chosen on the holdout keeps it from overfitting.  Nothing in
here knows a column's name or meaning: the same rules apply to the Odoo
features and to any benchmark table.  ``sources_`` maps every output column to
its input column, so explanations stay per original feature.

Imports scikit-learn at module level: the attrition model imports this module
only when it builds or loads an estimator.
"""

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

#: a column is "long-tailed" when mean > SKEW_RATIO x median or sd > mean
SKEW_RATIO = 1.25
MIN_LOG_LEVELS = 6


class FeatureExpansion(TransformerMixin, BaseEstimator):
    """Original columns + log1p of long-tailed non-negative columns + level indicators."""

    def __init__(self, max_levels=5, log=True, levels=True):
        self.max_levels = max_levels
        self.log = log
        self.levels = levels

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        n_cols = X.shape[1]
        log_cols, level_cols, level_values = [], [], []
        for j in range(n_cols):
            col = X[:, j]
            col = col[~np.isnan(col)]
            if not len(col):
                continue
            values = np.unique(col)
            if self.log and len(values) >= MIN_LOG_LEVELS and col.min() >= 0:
                mean, median, sd = col.mean(), np.median(col), col.std()
                if mean > 0 and (mean > SKEW_RATIO * median or sd > mean):
                    log_cols.append(j)
            if self.levels and 3 <= len(values) <= self.max_levels:
                level_cols.append(j)
                level_values.append(values[1:])
        self.n_features_in_ = n_cols
        self.log_cols_ = np.array(log_cols, dtype=int)
        self.level_cols_ = np.array(level_cols, dtype=int)
        self.level_values_ = level_values
        sources = list(range(n_cols)) + log_cols
        for j, values in zip(level_cols, level_values):
            sources += [j] * len(values)
        self.sources_ = np.array(sources, dtype=int)
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=float)
        parts = [X]
        if len(self.log_cols_):
            parts.append(np.log1p(np.maximum(X[:, self.log_cols_], 0.0)))
        for j, values in zip(self.level_cols_, self.level_values_):
            parts.append((X[:, [j]] == values[np.newaxis, :]).astype(float))
        return np.hstack(parts)

    def source_matrix(self):
        """0/1 matrix (output columns x input columns): sums derived columns back to their source."""
        out = np.zeros((len(self.sources_), self.n_features_in_))
        out[np.arange(len(self.sources_)), self.sources_] = 1.0
        return out
