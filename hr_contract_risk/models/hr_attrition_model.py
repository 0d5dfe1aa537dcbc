"""Attrition-risk model card: one trained (or rule-based) model per company.

The trained estimator is pickled by the engine and stored in ``model_data`` (a
Binary field kept as an attachment, readable and writable by administrators
only).  Pickle executes code when loaded, so the bytes are signed with an HMAC
keyed by the database secret when they are stored, and the signature is checked
before they are ever unpickled.
"""

import base64
import hashlib
import hmac
import logging
import threading
import time
from datetime import timedelta

import numpy as np

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import attrition_fairness as fair
from ..engine import attrition_features as af
from ..engine import attrition_model as am
from .hrcr_batch import CronBatches

_logger = logging.getLogger(__name__)

ALGORITHM_SELECTION = [
    (am.LOGISTIC_REGRESSION, "Logistic regression"),
    (am.RANDOM_FOREST, "Random forest"),
    (am.RULE_BASED, "Rule-based score"),
]
#: how far back training snapshots go, and how much history each snapshot looks at
TRAINING_MONTHS = 36
LOOKBACK_DAYS = 366
BATCH_SIZE = 1000

# unpickled models, per database and signature (a model never changes once stored)
_MODEL_CACHE = {}
_MODEL_CACHE_LOCK = threading.Lock()


class HrAttritionModel(models.Model):
    _name = "hr.attrition.model"
    _description = "Attrition risk model card"
    _order = "company_id, is_current desc, trained_at desc, id desc"

    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True,
                                 default=lambda self: self.env.company)
    algorithm = fields.Selection(ALGORITHM_SELECTION, required=True, readonly=True)
    is_current = fields.Boolean(
        string="Current", readonly=True, index=True,
        help="The model used for the company's scores. A new model replaces it only when it is "
        "better on the most recent months, or when this one is stale.")
    active = fields.Boolean(default=True)
    trained_at = fields.Datetime(readonly=True, default=fields.Datetime.now)
    window_start = fields.Date(string="Training window from", readonly=True)
    window_end = fields.Date(string="Training window to", readonly=True)
    n_rows = fields.Integer(aggregator=None, string="Training rows", readonly=True,
                            help="Monthly snapshots (employee x month end) used for training.")
    n_positives = fields.Integer(aggregator=None, string="Positive rows", readonly=True,
                                 help="Snapshots followed by a voluntary departure within 6 months.")
    n_departures = fields.Integer(aggregator=None, string="Voluntary departures", readonly=True)
    min_departures = fields.Integer(string="Departures needed", readonly=True)
    holdout_auc = fields.Float(aggregator=None, string="Holdout AUC", digits=(4, 3), readonly=True,
                               help="Area under the ROC curve on the most recent months, not used for training.")
    holdout_pr_auc = fields.Float(aggregator=None, string="Holdout PR-AUC", digits=(4, 3), readonly=True)
    holdout_brier = fields.Float(aggregator=None, string="Holdout Brier score", digits=(4, 3), readonly=True,
                                 help="Mean squared error of the calibrated probabilities (lower is better).")
    auc_logistic = fields.Float(string="AUC logistic regression", digits=(4, 3), readonly=True)
    auc_forest = fields.Float(string="AUC random forest", digits=(4, 3), readonly=True)
    previous_auc = fields.Float(string="Previous model's AUC on the same months", digits=(4, 3), readonly=True)
    calibration = fields.Selection([("isotonic", "Isotonic"), ("sigmoid", "Sigmoid (Platt)")], readonly=True)
    threshold = fields.Float(aggregator=None, string="Best-F1 threshold", digits=(4, 3), readonly=True,
                             help="Probability that maximised F1 on the holdout months (for information; "
                             "the bands use the company thresholds).")
    decision = fields.Selection([
        ("rule_based", "Rule-based: not enough departures yet"),
        ("first", "Adopted: first trained model"),
        ("better", "Adopted: better than the previous model"),
        ("stale", "Adopted: previous model was stale"),
        ("kept_previous", "Not adopted: previous model still better"),
        ("insufficient", "Not trained: history too thin"),
    ], readonly=True)
    top_factors_json = fields.Json(readonly=True)
    top_factors = fields.Text(string="Top factors", compute="_compute_top_factors")
    params_json = fields.Json(readonly=True)
    selection_reason = fields.Text(string="Why this model", compute="_compute_selection_reason")
    calibration_json = fields.Json(readonly=True)
    calibration_table = fields.Text(
        string="Calibration on the holdout", compute="_compute_calibration_table",
        help="Holdout rows in five equal groups by predicted probability: a calibrated model predicts "
        "about the share that actually left in every group.")
    fairness_json = fields.Json(readonly=True)
    fairness_table = fields.Text(
        string="Fairness audit", compute="_compute_fairness_table",
        help="AUC, calibration and share flagged at the best-F1 threshold per gender and age band on the "
        "holdout. These attributes are read after scoring, never given to the model.")
    fairness_flagged = fields.Boolean(
        string="Fairness gap", readonly=True,
        help="Set when the AUC or calibration of a group differs by more than the company's fairness-gap "
        "settings (default 0.05), or the share flagged in a group is below four fifths of another's "
        "(PIPL Art. 24: fair and just results).")
    run_ids = fields.Many2many(
        "hr.attrition.model.run", string="Training runs", compute="_compute_runs",
        help="Holdout metrics of every training run of the company up to this card, newest first.")
    drift_flagged = fields.Boolean(
        string="AUC drift", compute="_compute_runs",
        help="The latest training run's holdout AUC fell by more than the company's allowed drop "
        "against the run before it.")
    drift_message = fields.Char(string="Drift", compute="_compute_runs")
    model_data = fields.Binary(string="Serialized model", attachment=True, readonly=True,
                               groups="base.group_system")
    model_signature = fields.Char(readonly=True, groups="base.group_system")

    @api.depends("company_id", "trained_at", "is_current")
    def _compute_runs(self):
        """The current card shows every run of its company (the latest may be a model it kept out);
        an older card the runs up to its own."""
        Run = self.env["hr.attrition.model.run"]
        for card in self:
            domain = [("company_id", "=", card.company_id.id)]
            if not card.is_current:
                domain.append(("run_on", "<=", card.trained_at))
            runs = Run.search(domain) if card.company_id and card.trained_at else Run
            latest = runs[:1]
            card.run_ids = runs
            card.drift_flagged = latest.drift_flagged
            card.drift_message = self.env._(
                "Holdout AUC fell from %(previous)s to %(auc)s (more than %(bound)s): review the scores "
                "before relying on them.", previous="%.3f" % latest.previous_auc, auc="%.3f" % latest.holdout_auc,
                bound="%.2f" % latest.max_auc_drop) if latest.drift_flagged else False

    @api.depends("algorithm", "trained_at")
    def _compute_name(self):
        labels = dict(self._fields["algorithm"]._description_selection(self.env))
        for card in self:
            card.name = "%s %s" % (labels.get(card.algorithm, ""), fields.Date.to_string(card.trained_at) or "")

    @api.depends("top_factors_json", "algorithm")
    def _compute_top_factors(self):
        _ = self.env._
        for card in self:
            if card.algorithm == am.RULE_BASED:
                lines = [_("Weighted indicators (weight: indicator):")]
                lines += ["%s: %s" % (_num(rule.weight), _(af.FEATURE_LABELS[rule.feature])) for rule in am.RULES]
                card.top_factors = "\n".join(lines)
                continue
            lines = []
            for feature, share, direction in card.top_factors_json or []:
                lines.append(_("%(feature)s: %(share)s%% of the influence, a higher value %(direction)s",
                               feature=_(af.FEATURE_LABELS.get(feature, feature)),
                               share=round(share * 100),
                               direction=_(am.DIRECTION_TEXT[direction])))
            card.top_factors = "\n".join(lines)

    @api.depends("algorithm", "auc_logistic", "auc_forest", "params_json")
    def _compute_selection_reason(self):
        _ = self.env._
        for card in self:
            if card.algorithm == am.RULE_BASED or not card.algorithm:
                card.selection_reason = _(
                    "Rule-based score: fewer voluntary departures than needed to train a model.")
                continue
            lr, rf = card.auc_logistic, card.auc_forest
            if card.algorithm == am.LOGISTIC_REGRESSION and lr >= rf:
                text = _("Logistic regression: holdout AUC %(lr)s against %(rf)s for the random forest.",
                         lr="%.3f" % lr, rf="%.3f" % rf)
            elif card.algorithm == am.LOGISTIC_REGRESSION:
                text = _("Logistic regression: holdout AUC %(lr)s, within %(tol)s of the random forest's "
                         "%(rf)s; on a tie the logistic regression wins, its factors add up exactly per "
                         "employee.", lr="%.3f" % lr, rf="%.3f" % rf, tol=am.TIE_TOLERANCE)
            else:
                text = _("Random forest: holdout AUC %(rf)s, more than %(tol)s above the logistic "
                         "regression's %(lr)s.", lr="%.3f" % lr, rf="%.3f" % rf, tol=am.TIE_TOLERANCE)
            params = card.params_json or {}
            if card.algorithm == am.LOGISTIC_REGRESSION and params:
                text += "\n" + _(
                    "Settings chosen on the holdout: regularisation C = %(c)s, %(weights)s, %(expand)s.",
                    c=params.get("C", 1.0),
                    weights=_("balanced class weights") if params.get("class_weight") else _("unweighted"),
                    expand=_("with log copies and level indicators of the features") if params.get("expand")
                    else _("features as they are"))
            card.selection_reason = text

    @api.depends("calibration_json")
    def _compute_calibration_table(self):
        _ = self.env._
        for card in self:
            lines = []
            for predicted, observed, n in card.calibration_json or []:
                lines.append(_("predicted %(p)s%%, left %(o)s%% (%(n)s rows)",
                               p=round(predicted * 100, 1), o=round(observed * 100, 1), n=n))
            card.calibration_table = "\n".join(lines)

    @api.depends("fairness_json")
    def _compute_fairness_table(self):
        _ = self.env._
        names = {"gender": _("Gender"), "age_band": _("Age band")}
        flag_text = {"auc_gap": _("AUC gap"), "calibration_gap": _("calibration gap"),
                     "disparate_impact": _("flagged share below four fifths")}
        for card in self:
            lines = []
            for res in card.fairness_json or []:
                lines.append("%s:" % names.get(res["attribute"], res["attribute"]))
                for g in res["groups"]:
                    lines.append(_("  %(group)s: %(n)s rows, left %(o)s%%, predicted %(p)s%%, AUC %(auc)s, "
                                   "flagged %(f)s%%", group=g["group"], n=g["n"],
                                   o=round(g["observed_rate"] * 100, 1), p=round(g["mean_predicted"] * 100, 1),
                                   auc="%.3f" % g["auc"] if g["auc"] is not None else "-",
                                   f=round(g["positive_rate"] * 100, 1)))
                di = res.get("disparate_impact")
                lines.append(_("  disparate impact %(di)s (observed-rate ratio %(br)s); %(flags)s",
                               di="%.2f" % di if di is not None else "-",
                               br="%.2f" % res["base_rate_ratio"] if res.get("base_rate_ratio") is not None
                               else "-",
                               flags=", ".join(flag_text[f] for f in res["flags"]) or _("no gap flagged")))
            card.fairness_table = "\n".join(lines)

    # ------------------------------------------------------------------
    # Signing and loading
    # ------------------------------------------------------------------
    def _signature(self, data):
        # sudo: database.secret is system-only; used as the HMAC key of the model bytes, never shown
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(secret.encode(), data, hashlib.sha256).hexdigest()

    def _load(self):
        """The engine model of this card (None for the rule-based card)."""
        self.ensure_one()
        if self.algorithm == am.RULE_BASED:
            return None
        # sudo: the bytes are system-only; callers are crons and HR actions
        card = self.sudo()
        raw = card.with_context(bin_size=False).model_data
        if not raw:
            return None
        data = raw if isinstance(raw, bytes) else raw.encode()
        blob = base64.b64decode(data)
        signature = card.model_signature or ""
        if not hmac.compare_digest(signature, self._signature(blob)):
            raise UserError(self.env._(
                "The stored attrition model %(name)s failed its integrity check and was not loaded; "
                "retrain the model.", name=self.name))
        key = (self.env.cr.dbname, signature)
        with _MODEL_CACHE_LOCK:
            model = _MODEL_CACHE.get(key)
        if model is None:
            model = am.AttritionModel.from_bytes(blob)
            with _MODEL_CACHE_LOCK:
                if len(_MODEL_CACHE) > 16:
                    _MODEL_CACHE.clear()
                _MODEL_CACHE[key] = model
        return model

    @api.model
    def _current(self, company):
        # sudo: cards are HR-manager only; HR officers' scoring (recompute, what-if) needs the current card
        return self.sudo().search([("company_id", "=", company.id), ("is_current", "=", True)],
                                  limit=1, order="trained_at desc, id desc")

    # ------------------------------------------------------------------
    # Training
    # ------------------------------------------------------------------
    def action_retrain(self):
        """Button on the card list/form: retrain the companies now (HR managers)."""
        if not self.env.user.has_group("hr.group_hr_manager"):
            raise AccessError(self.env._("Only HR managers can retrain the attrition model."))
        companies = self.company_id or self.env.companies
        # sudo: cards and their serialized models are written by the system only
        self.sudo()._retrain_companies(companies.filtered(lambda c: c in self.env.companies))
        return {"type": "ir.actions.client", "tag": "reload"}

    @api.model
    def _cron_attrition_retrain(self):
        companies = self.env["res.company"].search([])
        self._retrain_companies(companies)

    @api.model
    def _retrain_companies(self, companies):
        # one company per batch: a long training must not be lost by a later failure
        run = CronBatches(self.env, total=len(companies), name="Attrition retrain")
        for batch in run.batches(companies, 1):
            self._retrain_company(batch)

    @api.model
    def _retrain_company(self, company, today=None, random_state=0):
        """Train (or fall back to the rule-based score) for one company; returns the new card."""
        today = today or fields.Date.context_today(self)
        Data = self.env["hr.attrition.data"]
        n_departures = Data._departure_count(company)
        min_departures = company.hrcr_attrition_min_departures or am.DEFAULT_MIN_DEPARTURES
        current = self._current(company)
        base_vals = {"company_id": company.id, "n_departures": n_departures, "min_departures": min_departures}
        if am.use_rule_based(n_departures, min_departures):
            if current and current.algorithm == am.RULE_BASED:
                current.write({"n_departures": n_departures, "min_departures": min_departures})
                return current
            card = self.create({**base_vals, "algorithm": am.RULE_BASED, "decision": "rule_based"})
            self._make_current(card)
            return card

        started = time.time()
        dataset = self._training_dataset(company, today)
        try:
            mask = am.time_holdout_mask(dataset.months)
            window = (min(dataset.months), max(dataset.months))
            result = am.train(dataset.matrix(), dataset.y, mask, dataset.feature_names,
                              random_state=random_state, window=window)
        except am.InsufficientData as exc:
            _logger.info("attrition: company %s not trained: %s", company.id, exc)
            if not current:
                card = self.create({**base_vals, "algorithm": am.RULE_BASED, "decision": "insufficient"})
                self._make_current(card)
                return card
            return current
        model = result.model
        blob = model.to_bytes()
        vals = {
            **base_vals,
            "algorithm": model.algorithm,
            "window_start": window[0],
            "window_end": window[1],
            "n_rows": model.n_rows,
            "n_positives": model.n_positives,
            "holdout_auc": result.holdout_metrics["auc"] or 0.0,
            "holdout_pr_auc": result.holdout_metrics["pr_auc"] or 0.0,
            "holdout_brier": result.holdout_metrics["brier"] or 0.0,
            "auc_logistic": result.candidate_aucs.get(am.LOGISTIC_REGRESSION, 0.0),
            "auc_forest": result.candidate_aucs.get(am.RANDOM_FOREST, 0.0),
            "calibration": model.calibration,
            "threshold": model.threshold,
            "top_factors_json": model.global_factors(dataset.matrix()),
            "params_json": model.params or {},
            "calibration_json": am.calibration_bins(np.asarray(dataset.y)[mask], result.holdout_proba),
            "model_data": base64.b64encode(blob),
            "model_signature": self._signature(blob),
        }
        audits = self._fairness_audit(dataset, mask, result.holdout_proba, model.threshold, company=company)
        vals.update(fairness_json=[a.as_dict() for a in audits], fairness_flagged=any(a.flagged for a in audits))
        decision, previous_auc = self._adoption(current, company, dataset, mask, result)
        vals.update(decision=decision, previous_auc=previous_auc or 0.0)
        card = self.create(vals)
        # sudo: runs are written by the system (HR officers read them)
        self.env["hr.attrition.model.run"].sudo()._record(company, card)
        if decision != "kept_previous":
            self._make_current(card)
        _logger.info("attrition: company %s trained %s on %s rows in %.1fs (AUC %.3f, %s)", company.id,
                     model.algorithm, model.n_rows, time.time() - started, vals["holdout_auc"], decision)
        return card

    @api.model
    def _adoption(self, current, company, dataset, mask, result):
        """(decision, previous model's AUC) for a freshly trained model.

        Both models are compared on the holdout months after the current model's
        training window, which neither has seen (the new one's holdout numbers
        come from its fit on the older months).  Without such months there is no
        evidence that the new model is better: the current one is kept, unless stale.
        """
        if not current or current.algorithm == am.RULE_BASED:
            return "first", None
        stale_days = company.hrcr_attrition_stale_days or 90
        if current.trained_at < fields.Datetime.now() - timedelta(days=stale_days):
            return "stale", None
        try:
            old = current._load()
        except UserError:
            return "stale", None
        if old is None:
            return "first", None
        months = [m for m, h in zip(dataset.months, mask) if h]
        unseen = np.array([not current.window_end or m > current.window_end for m in months], dtype=bool)
        y = np.array([v for v, h in zip(dataset.y, mask) if h])[unseen]
        if len(set(y.tolist())) < 2:
            return "kept_previous", None
        X = dataset.matrix()[mask][unseen]
        previous_auc = old.evaluate(X, y)["auc"] or 0.0
        new_auc = am.metrics(y, result.holdout_proba[unseen])["auc"] or 0.0
        return ("better" if new_auc > previous_auc else "kept_previous"), previous_auc

    @api.model
    def _fairness_audit(self, dataset, mask, proba, threshold, company=None):
        """Per gender and age band on the holdout rows, after scoring.

        HR-only audit code: gender and birthday are read here, for the employees
        of the holdout rows, in one query, and only compared with scores already
        computed; they never reach the features (``GATHERED_FIELDS``)."""
        mask = np.asarray(mask, dtype=bool)
        emp_ids = [e for e, h in zip(dataset.employee_ids, mask) if h]
        months = [m for m, h in zip(dataset.months, mask) if h]
        # sudo: audit of the company's own holdout rows, aggregated per group on the HR-manager card
        rows = self.env["hr.employee"].sudo().with_context(active_test=False).search_read(
            [("id", "in", list(set(emp_ids)))], ["gender", "birthday"])
        by_id = {r["id"]: r for r in rows}
        genders, bands = [], []
        for eid, month in zip(emp_ids, months):
            row = by_id.get(eid) or {}
            genders.append(row.get("gender") or None)
            birthday = row.get("birthday")
            bands.append(fair.age_band((month - birthday).days / 365.25) if birthday else None)
        y = np.asarray(dataset.y)[mask]
        order = [label for _low, _high, label in fair.AGE_BANDS]
        company = company or self.env.company
        bounds = {"max_auc_gap": company.hrcr_attrition_max_auc_gap or fair.DEFAULT_MAX_AUC_GAP,
                  "max_calibration_gap": company.hrcr_attrition_max_calibration_gap
                  or fair.DEFAULT_MAX_CALIBRATION_GAP}
        return [fair.audit("gender", genders, y, proba, threshold, **bounds),
                fair.audit("age_band", bands, y, proba, threshold, order=order, **bounds)]

    @api.model
    def _make_current(self, card):
        self.search([("company_id", "=", card.company_id.id), ("is_current", "=", True),
                     ("id", "!=", card.id)]).write({"is_current": False})
        card.is_current = True

    @api.model
    def _training_dataset(self, company, today):
        """Monthly snapshots over ``TRAINING_MONTHS`` for every employee of the company
        (archived ones included, opted-out ones left out: PIPL Art. 44), histories
        gathered in batches."""
        Data = self.env["hr.attrition.data"]
        since = af.add_months(today, -TRAINING_MONTHS) - timedelta(days=LOOKBACK_DAYS)
        employee_ids = Data._scorable_employee_ids(company, archived=True)
        sick = Data._sick_leave_type_ids(company)
        histories = []
        for start in range(0, len(employee_ids), BATCH_SIZE):
            rows = Data._employee_rows(employee_ids[start:start + BATCH_SIZE])
            histories.extend(Data._histories(rows, today, since, sick).values())
        return am.build_snapshots(histories, today, months=TRAINING_MONTHS,
                                  voluntary_reasons=Data._voluntary_reason_ids(company))


def _num(value):
    return int(value) if float(value).is_integer() else value
