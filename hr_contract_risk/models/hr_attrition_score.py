"""Current attrition-risk score per employee (HR officers only).

Scores live in their own model rather than as stored fields on ``hr.employee``:
the daily recompute then writes a small table in batches without touching
employees (no tracking, no write_date churn, no recomputation of employee
fields), access is enforced by the model's ACL and record rules (employees and
department managers have no access at all), the alert bookkeeping (band and
"alert sent") sits next to the score, and the activity for HR is attached to
the score, which only HR can open.  ``hr.employee`` shows the values through
computed fields restricted with ``groups="hr.group_hr_user"``.
"""

import logging
from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import attrition_features as af
from ..engine import attrition_model as am
from .hr_attrition_model import ALGORITHM_SELECTION
from .hrcr_batch import CronBatches
from .rendering import render_template

_logger = logging.getLogger(__name__)

BAND_SELECTION = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
BAND_RANK = {"low": 0, "medium": 1, "high": 2}
BATCH_SIZE = 500
LOOKBACK_DAYS = 366
ALERT_DEADLINE_DAYS = 7


def msg_to_json(msg):
    return {"text": msg.text, "params": dict(msg.params)}


class HrAttritionScore(models.Model):
    _name = "hr.attrition.score"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Attrition risk score"
    _order = "risk desc, id"
    _rec_name = "employee_id"
    # HR officers may close the high-risk activity on a score they can only read
    _mail_post_access = "read"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, readonly=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    department_id = fields.Many2one("hr.department", index=True, readonly=True)
    job_title = fields.Char(related="employee_id.job_title")
    risk = fields.Float(string="Risk (%)", digits=(5, 1), readonly=True, aggregator="avg",
                        help="Probability of a voluntary departure within 6 months, in percent; for the "
                        "rule-based score, the weighted share of indicators at risk.")
    band = fields.Selection(BAND_SELECTION, string="Risk band", readonly=True, index=True)
    method = fields.Selection(ALGORITHM_SELECTION, readonly=True)
    model_id = fields.Many2one("hr.attrition.model", string="Model card", readonly=True, ondelete="set null",
                               groups="hr.group_hr_manager")
    model_label = fields.Char(string="Model used", compute="_compute_model_label")
    factors_json = fields.Json(readonly=True)
    factors = fields.Text(string="Top factors", compute="_compute_texts")
    indicators_json = fields.Json(readonly=True)
    indicators = fields.Text(compute="_compute_texts",
                             help="Rule-based score: every indicator with its level (low / some / at risk).")
    computed_on = fields.Date(string="Computed on", readonly=True, index=True)
    alerted = fields.Boolean(string="High-risk alert sent", readonly=True,
                             help="Set when HR was notified that the band rose to high; cleared when it falls.")

    _sql_constraints = [
        ("employee_unique", "unique(employee_id)", "An employee has one current attrition score."),
    ]

    # ------------------------------------------------------------------
    # Display (rendered in the reader's language)
    # ------------------------------------------------------------------
    def _render_msg(self, data):
        _ = self.env._
        params = {k: _(v) if isinstance(v, str) else v for k, v in (data.get("params") or {}).items()}
        source = data.get("text") or ""
        text = _(source)
        return text % params if params else text

    @api.depends("factors_json", "indicators_json")
    def _compute_texts(self):
        _ = self.env._
        for score in self:
            lines = []
            for f in score.factors_json or []:
                direction = am.DIRECTION_TEXT[f.get("direction")]
                lines.append(_(am.FACTOR_TEMPLATE, factor=score._render_msg(f), direction=_(direction)))
            score.factors = "\n".join(lines)
            lines = []
            for ind in score.indicators_json or []:
                label = af.FEATURE_LABELS[ind.get("feature")]
                level = am.LEVEL_TEXT[ind.get("level")]
                lines.append(_(am.INDICATOR_TEMPLATE, label=_(label), level=_(level), factor=score._render_msg(ind)))
            score.indicators = "\n".join(lines)

    @api.depends("method", "computed_on")
    def _compute_model_label(self):
        _ = self.env._
        # sudo: the card is HR-manager only; officers see its label, not the card
        cards = self.sudo().model_id
        cards.fetch(["trained_at", "holdout_auc", "min_departures"])
        for score in self:
            # sudo: see above, the card's label only
            card = score.sudo().model_id
            if score.method == am.RULE_BASED or not score.method:
                score.model_label = _(
                    "Rule-based score (weighted indicators, not a probability): fewer than %(count)s "
                    "voluntary departures to train a model", count=card.min_departures or am.DEFAULT_MIN_DEPARTURES)
            else:
                score.model_label = _("%(algorithm)s trained on %(date)s (holdout AUC %(auc)s)",
                                      algorithm=_(am.ALGORITHM_TEXT[score.method]),
                                      date=fields.Date.to_string(card.trained_at) or "",
                                      auc="%.2f" % card.holdout_auc)

    # ------------------------------------------------------------------
    # Recompute (daily cron, "Recompute now")
    # ------------------------------------------------------------------
    def action_recompute(self):
        """Recompute every score of the user's companies now (HR officers)."""
        if not self.env.user.has_group("hr.group_hr_user"):
            raise AccessError(self.env._("Only HR officers can recompute attrition risk."))
        # sudo: scores are written by the system; limited to the user's companies
        self.sudo()._recompute(companies=self.env.companies, force=True)
        return {"type": "ir.actions.client", "tag": "reload"}

    @api.model
    def _cron_attrition_recompute(self):
        self._recompute()

    @api.model
    def _recompute(self, companies=None, force=False, batch_size=BATCH_SIZE, today=None):
        """Score the employees of ``companies`` not yet scored ``today`` (all with
        ``force``), batch by batch; safe to run twice.  Returns how many were scored."""
        today = today or fields.Date.context_today(self)
        companies = companies if companies is not None else self.env["res.company"].search([])
        self._unlink_departed()
        todo = [(c, self._pending_employee_ids(c, today, force)) for c in companies]
        # resumable: the employees scored today are skipped by the next call
        run = CronBatches(self.env, total=sum(len(ids) for _c, ids in todo), resumable=True,
                          name="Attrition recompute")
        for company, emp_ids in todo:
            if not emp_ids or run.stopped:
                continue
            ctx = self._scoring_context(company, today)
            for batch in run.batches(emp_ids, batch_size):
                self._recompute_batch_once(ctx, batch)
        return run.done

    @api.model
    def _unlink_departed(self):
        """Scores of departed employees, and of those who opted out (PIPL Art. 44), are removed."""
        # sudo: the opt-out flag is HR-manager only; scores are written by the system
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        gone = Employee.search(["|", ("active", "=", False), ("hrcr_attrition_excluded", "=", True)])
        self.sudo().search([("employee_id", "in", gone.ids)]).unlink()

    @api.model
    def _pending_employee_ids(self, company, today, force=False):
        employee_ids = self.env["hr.attrition.data"]._scorable_employee_ids(company)
        if force:
            return employee_ids
        fresh = set(self.search([("company_id", "=", company.id), ("computed_on", ">=", today)]).employee_id.ids)
        return [eid for eid in employee_ids if eid not in fresh]

    @api.model
    def _scoring_context(self, company, today, create_card=True):
        """Everything a batch needs that is the same for the whole company (queried
        once).  Without a model card yet, the first one is made (``create_card``) or
        the rule-based score is used."""
        Model = self.env["hr.attrition.model"]
        Data = self.env["hr.attrition.data"]
        card = Model._current(company)
        if not card and create_card:
            card = Model._retrain_company(company, today)
        return {
            "company": company,
            "today": today,
            "since": today - timedelta(days=LOOKBACK_DAYS),
            "card": card,
            "model": card._load() if card else None,
            "dept_rates": Data._department_rates(company, today),
            "sick": Data._sick_leave_type_ids(company),
            "medium": company.hrcr_attrition_band_medium,
            "high": company.hrcr_attrition_band_high,
        }

    @api.model
    def _features_for(self, ctx, emp_ids):
        """([employee row], {id: features}, {id: current contract's HR responsible user id})."""
        Data = self.env["hr.attrition.data"]
        rows = Data._employee_rows(emp_ids)
        histories, responsible = Data._histories(rows, ctx["today"], ctx["since"], ctx["sick"],
                                                 with_responsible=True)
        features = {eid: af.compute_features(h, ctx["today"], ctx["dept_rates"]) for eid, h in histories.items()}
        return rows, features, responsible

    @api.model
    def _recompute_batch_once(self, ctx, emp_ids):
        """One batch in a savepoint. Two runs at once (two cron threads, or a cron beside HR's "Recompute") may
        score the same employees: the second to write meets the first one's scores (unique employee) or rows it
        updated (serialization failure). That batch is already scored today by the other run: drop it, keep
        going, and never create a second score or a second alert (seen in bench/load_bench.py)."""
        try:
            with self.env.cr.savepoint():
                self._recompute_batch(ctx, emp_ids)
        except (pg_errors.UniqueViolation, pg_errors.SerializationFailure) as err:
            self.env.invalidate_all()
            _logger.info("attrition: batch of %s employees of company %s scored by a concurrent run (%s): dropped",
                         len(emp_ids), ctx["company"].id, type(err).__name__)

    @api.model
    def _recompute_batch(self, ctx, emp_ids):
        """Score one batch: a fixed number of queries whatever its size."""
        rows, features, responsible = self._features_for(ctx, emp_ids)
        order = [r["id"] for r in rows]
        results = dict(zip(order, am.score([features[eid] for eid in order], ctx["model"])))
        existing = {s.employee_id.id: s for s in self.search([("employee_id", "in", order)])}
        card = ctx["card"]
        to_create, rises = [], []
        for row in rows:
            eid = row["id"]
            res = results[eid]
            band = am.band_for(res.risk, ctx["medium"], ctx["high"])
            vals = {
                "company_id": ctx["company"].id,
                "department_id": row["department_id"][0] if row["department_id"] else False,
                "risk": res.risk,
                "band": band,
                "method": am.RULE_BASED if res.rule_based else card.algorithm,
                "model_id": card.id or False,
                "factors_json": [dict(msg_to_json(f.msg), feature=f.feature, direction=f.direction,
                                      contribution=round(f.contribution, 4)) for f in res.factors],
                "indicators_json": [dict(msg_to_json(i.msg), feature=i.feature, level=i.level, weight=i.weight)
                                    for i in res.indicators],
                "computed_on": ctx["today"],
            }
            score = existing.get(eid)
            if band != "high":
                vals["alerted"] = False
            elif not (score and score.alerted):
                vals["alerted"] = True
                rises.append(eid)
            if score:
                score.write(vals)
            else:
                to_create.append(dict(vals, employee_id=eid))
        if to_create:
            quiet = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True)
            for score in quiet.create(to_create):
                existing[score.employee_id.id] = score
        if rises:
            self._alert_high([existing[eid] for eid in rises], rows, responsible, ctx)
        self.env.flush_all()

    @api.model
    def _hrcr_demo_compute(self):
        """Demo data: model cards and scores for every company, right after loading."""
        companies = self.env["res.company"].search([])
        for company in companies:
            self.env["hr.attrition.model"]._retrain_company(company)
        self._recompute(companies=companies, force=True)

    # ------------------------------------------------------------------
    # Alerts
    # ------------------------------------------------------------------
    @api.model
    def _alert_high(self, scores, rows, responsible, ctx):
        """One activity per HR recipient (the employee's HR responsible or the
        configured user, and the manager's HR responsible) when the band rises to high."""
        parent = {r["id"]: r["parent_id"][0] for r in rows if r.get("parent_id")}
        manager_hr = {}
        if parent:
            # sudo: HR officers lack hr_contract read rights; reads only the managers' HR responsible to route the alert
            contracts = self.env["hr.contract"].sudo().search_read(
                [("employee_id", "in", list(set(parent.values()))), ("state", "=", "open"),
                 ("hr_responsible_id", "!=", False)], ["employee_id", "hr_responsible_id"], order="date_start")
            manager_hr = {c["employee_id"][0]: c["hr_responsible_id"][0] for c in contracts}
        fallback = ctx["company"].hrcr_attrition_alert_user_id.id
        wanted = {}
        for score in scores:
            eid = score.employee_id.id
            users = [responsible.get(eid) or fallback, manager_hr.get(parent.get(eid))]
            wanted[score.id] = [u for i, u in enumerate(users) if u and u not in users[:i]]
        user_ids = {u for us in wanted.values() for u in us}
        hr_group = self.env.ref("hr.group_hr_user")
        # sudo: group membership of the recipients only, to keep alerts to HR officers
        hr_users = self.env["res.users"].sudo().search([("id", "in", list(user_ids)),
                                                        ("groups_id", "in", hr_group.id)])
        allowed = {u.id: u for u in hr_users}
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for score in scores:
            for uid in wanted[score.id]:
                user = allowed.get(uid)
                if not user:
                    continue
                lang_self = self.with_context(lang=user.lang or "en_US")
                _ = lang_self.env._
                factors = lang_self.browse(score.id).factors or ""
                vals_list.append({
                    "res_model_id": model_id,
                    "res_id": score.id,
                    "activity_type_id": activity_type.id,
                    "user_id": uid,
                    "date_deadline": ctx["today"] + timedelta(days=ALERT_DEADLINE_DAYS),
                    "summary": _("Attrition risk high: %(employee)s (%(risk)s%%)",
                                 employee=score.employee_id.name, risk=round(score.risk)),
                    "note": render_template(lang_self.env, "hr_contract_risk.chatter_check_note", {
                        "title": _("Consider a talk, training or a pay review."), "lines": factors.splitlines()}),
                })
        if vals_list:
            # sudo: system alert assigned to other HR users on a score HR officers can only read
            self.env["mail.activity"].sudo().create(vals_list)
        elif scores:
            _logger.info("attrition: no HR officer to notify for %s high-risk employees of company %s",
                         len(scores), ctx["company"].id)

    # ------------------------------------------------------------------
    # What-if
    # ------------------------------------------------------------------
    @api.model
    def _what_if(self, employee, **changes):
        """Current and scenario risk for one employee, nothing stored."""
        if not self.env.user.has_group("hr.group_hr_user"):
            raise AccessError(self.env._("Only HR officers can run attrition what-if scenarios."))
        # sudo: scoring reads history of the employee for aggregated features only
        this = self.sudo()
        if employee.sudo().hrcr_attrition_excluded:
            raise UserError(self.env._(
                "%(employee)s is excluded from attrition scoring at their request (PIPL Art. 44): no "
                "score, not even a what-if, is computed.", employee=employee.name))
        today = fields.Date.context_today(self)
        ctx = this._scoring_context(employee.company_id, today, create_card=False)
        _rows, features, _resp = this._features_for(ctx, [employee.id])
        base = features[employee.id]
        scenario = af.apply_what_if(base, **changes)
        now, then = am.score([base, scenario], ctx["model"])
        out = {}
        for key, res in (("current", now), ("new", then)):
            out[key] = {
                "risk": res.risk,
                "band": am.band_for(res.risk, ctx["medium"], ctx["high"]),
                "factors": [dict(msg_to_json(f.msg), direction=f.direction) for f in res.factors],
                "rule_based": res.rule_based,
            }
        return out
