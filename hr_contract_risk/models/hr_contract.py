import logging
import threading
import time
from collections import defaultdict
from datetime import timedelta

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import config, format_date, split_every

from ..engine import expiry
from ..engine import social_insurance as si

_logger = logging.getLogger(__name__)

EXPIRY_BATCH_SIZE = 1000
# A cron worker is killed after limit_time_real_cron (else limit_time_real) seconds and
# the cron framework calls a job that reports remaining work up to 10 times in a row:
# spend at most 1/12 of that limit per call (10 s with the defaults), between 5 and 60 s.
MAX_CALLS_PER_JOB = 12


def _expiry_time_budget():
    limit = config.get("limit_time_real_cron") or 0
    if limit <= 0:
        limit = config.get("limit_time_real") or 0
    if limit <= 0:
        return 60.0
    return float(min(60, max(5, limit / MAX_CALLS_PER_JOB)))


class HrContract(models.Model):
    _inherit = "hr.contract"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_retained_terminated(self):
        """LCL Art. 50 ¶3: terminated contracts are kept for at least 2 years."""
        today = fields.Date.context_today(self)
        for contract in self.filtered(lambda c: c.state == "close"):
            if not contract.date_end:
                raise UserError(
                    _(
                        "The terminated contract %(contract)s has no end date, so its 2-year retention period "
                        "(LCL Art. 50 ¶3) cannot be checked: it cannot be deleted.",
                        contract=contract.display_name,
                    )
                )
            if not si.may_delete(contract.date_end, today):
                raise UserError(
                    _(
                        "The terminated contract %(contract)s ended on %(end)s and must be kept until %(until)s: "
                        "terminated contracts are kept for at least 2 years (LCL Art. 50 ¶3).",
                        contract=contract.display_name,
                        end=contract.date_end,
                        until=si.retention_end(contract.date_end),
                    )
                )

    renewal_review_ids = fields.One2many("hr.contract.renewal.review", "contract_id", string="Renewal Reviews")
    renewal_review_count = fields.Integer(compute="_compute_renewal_review_count")

    def _compute_renewal_review_count(self):
        counts = dict(self.env["hr.contract.renewal.review"]._read_group(
            [("contract_id", "in", self.ids)], ["contract_id"], ["__count"]))
        for contract in self:
            contract.renewal_review_count = counts.get(contract, 0)

    @api.model
    def _hrcr_open_renewal_reviews(self, fired, batch_size=500):
        """Open one renewal review per contract and end date that has none.

        ``fired``: list of ``{'contract_id', 'stage_days', 'end_date'}`` from the
        expiry cron (``_hrcr_on_expiry_stages_fired``).  Batched: one
        read of the existing reviews and one create per batch; safe to run twice.
        """
        Review = self.env["hr.contract.renewal.review"]
        wanted = {}
        for item in fired or []:
            if item.get("contract_id") and item.get("end_date"):
                key = (item["contract_id"], fields.Date.to_date(item["end_date"]))
                stage = item.get("stage_days") or 0
                wanted[key] = max(wanted.get(key, 0), stage)  # the first stage fired is the largest
        created = Review
        keys = sorted(wanted)
        for start in range(0, len(keys), batch_size):
            batch = keys[start:start + batch_size]
            contract_ids = list({cid for cid, _end in batch})
            existing = {(row["contract_id"][0], row["end_date"]) for row in Review.search_read(
                [("contract_id", "in", contract_ids)], ["contract_id", "end_date"])}
            contracts = self.browse(contract_ids).exists()
            valid = set(contracts.filtered(lambda c: c.employee_id and c.date_end).ids)
            vals_list = [
                {"contract_id": cid, "end_date": end, "expiry_stage_days": wanted[(cid, end)]}
                for cid, end in batch if cid in valid and (cid, end) not in existing
            ]
            if vals_list:
                reviews = Review.with_context(mail_create_nolog=True).create(vals_list)
                reviews._hrcr_schedule_todo()
                created |= reviews
        return created

    def action_open_renewal_review(self):
        """Open (or create) the renewal review of this contract's current end date."""
        self.ensure_one()
        if not self.date_end:
            raise UserError(_("Contract %(name)s is open-ended: there is no expiry to review.", name=self.name))
        review = self.env["hr.contract.renewal.review"].search(
            [("contract_id", "=", self.id), ("end_date", "=", self.date_end)], limit=1)
        if not review:
            review = self.env["hr.contract.renewal.review"].create({"contract_id": self.id, "end_date": self.date_end})
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.contract.renewal.review",
            "res_id": review.id,
            "view_mode": "form",
            "name": review.display_name,
        }

    def action_view_renewal_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_contract_risk.action_hr_contract_renewal_review")
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id}
        return action

    # ------------------------------------------------------------------ expiry alerts
    expiry_alert_ids = fields.One2many(
        "hr.contract.expiry.alert", "contract_id", string="Expiry Alerts", groups="hr.group_hr_user",
    )
    expiry_alert_count = fields.Integer(
        compute="_compute_expiry_alert_count", groups="hr.group_hr_user",
    )
    expiry_stage_days = fields.Integer(
        string="Expiry Stage Fired",
        compute="_compute_expiry_state", store=True, groups="hr.group_hr_user",
        help="Smallest alert stage (days before the end date) fired for the current end date; "
        "0 when none has fired yet.",
    )
    expiry_escalated = fields.Boolean(
        compute="_compute_expiry_state", store=True, groups="hr.group_hr_user",
        help="The contract expired while running with no renewal decision recorded and no new "
        "contract, and the HR manager was alerted (risk of double wages, LCL Art. 82).",
    )
    renewal_decision_date = fields.Date(
        string="Renewal Decision Recorded On", tracking=True, copy=False, groups="hr.group_hr_user",
        help="Date on which the renewal decision for this contract's end date was recorded "
        "(renew, renew open-ended under LCL Art. 14, or not renew under Art. 44(1)). "
        "An expired contract with a recorded decision is not escalated.",
    )
    expiry_has_successor = fields.Boolean(
        string="Has a Later Contract",
        compute="_compute_expiry_has_successor", store=True, groups="hr.group_hr_user",
        help="The employee has a later contract (any status but cancelled).",
    )
    expiry_days_left = fields.Integer(
        string="Days to End", compute="_compute_expiry_overdue", groups="hr.group_hr_user",
    )
    expiry_overdue = fields.Boolean(
        string="Expired Without Decision",
        compute="_compute_expiry_overdue", search="_search_expiry_overdue", groups="hr.group_hr_user",
        help="The end date has passed, the contract is running or expired, no renewal decision is "
        "recorded, no later contract exists and the employee is still active: the employee may be "
        "working without a written contract (LCL Art. 82 double wages after one month, Art. 14 "
        "deemed open-ended after one year). Expiries more than a year old are not flagged.",
    )

    @api.depends("date_end", "expiry_alert_ids.end_date", "expiry_alert_ids.stage_days", "expiry_alert_ids.kind")
    def _compute_expiry_state(self):
        for contract in self:
            current = contract.expiry_alert_ids.filtered(
                lambda a, end=contract.date_end: end and a.end_date == end
            )
            stages = [a.stage_days for a in current if a.kind == "stage"]
            contract.expiry_stage_days = min(stages) if stages else 0
            contract.expiry_escalated = any(a.kind == "escalation" for a in current)

    @api.depends(
        "employee_id", "date_start",
        "employee_id.contract_ids.date_start", "employee_id.contract_ids.state",
        "employee_id.contract_ids.active",
    )
    def _compute_expiry_has_successor(self):
        employees = self.employee_id
        latest = {}
        if employees.ids:
            # sudo: the flag must see all the employee's contracts whatever the current
            # user's record rules; it only stores a Boolean on the contract
            latest = dict(self.env["hr.contract"].sudo()._read_group(
                [("employee_id", "in", employees.ids), ("state", "!=", "cancel")],
                ["employee_id"], ["date_start:max"],
            ))
        for contract in self:
            last_start = latest.get(contract.employee_id)
            contract.expiry_has_successor = bool(
                contract.date_start and last_start and last_start > contract.date_start
            )

    def _compute_expiry_alert_count(self):
        counts = dict(self.env["hr.contract.expiry.alert"]._read_group(
            [("contract_id", "in", self.ids)], ["contract_id"], ["__count"],
        ))
        for contract in self:
            contract.expiry_alert_count = counts.get(contract, 0)

    @api.depends_context("tz")
    @api.depends("date_end", "state", "renewal_decision_date", "expiry_has_successor", "employee_id.active")
    def _compute_expiry_overdue(self):
        today = fields.Date.context_today(self)
        for contract in self:
            contract.expiry_days_left = expiry.days_left(today, contract.date_end) if contract.date_end else 0
            contract.expiry_overdue = expiry.needs_escalation(
                today, contract.date_end,
                running_or_closed=contract.state in ("open", "close"),
                decision_recorded=bool(contract.renewal_decision_date),
                has_successor=contract.expiry_has_successor,
                employee_active=bool(contract.employee_id.active),
                already_escalated=False,
            )

    @api.model
    def _hrcr_overdue_domain(self, today):
        """Contracts expired without decision: the SQL twin of ``expiry.needs_escalation``."""
        oldest = today - timedelta(days=expiry.MAX_ESCALATION_OVERDUE_DAYS)
        return [
            ("date_end", "!=", False),
            ("date_end", "<", fields.Date.to_string(today)),
            ("date_end", ">=", fields.Date.to_string(oldest)),
            ("state", "in", ("open", "close")),
            ("renewal_decision_date", "=", False),
            ("expiry_has_successor", "=", False),
            ("employee_id.active", "=", True),
        ]

    def _search_expiry_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("The filter \"Expired Without Decision\" only supports = and != with True or False."))
        domain = expression.normalize_domain(self._hrcr_overdue_domain(fields.Date.context_today(self)))
        return domain if (operator == "=") == value else ["!", *domain]

    # ------------------------------------------------------------------ actions
    def action_open_expiry_alerts(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("hr_contract_risk.action_hr_contract_expiry_alert")
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------------ extension point
    def _hrcr_on_expiry_stages_fired(self, fired):
        """Called once per batch after stage alerts are created.

        ``fired`` is a list of ``{'contract_id': int, 'stage_days': int, 'end_date': date}``,
        one per alert created in the batch. A stage alert opens the renewal review of
        that contract and end date (one per end date, batched); extensions may add
        more, and must stay batched too (no query per contract).
        """
        return self._hrcr_open_renewal_reviews(fired)

    # ------------------------------------------------------------------ the daily run
    @api.model
    def _cron_hrcr_expiry_alerts(self):
        """Scheduled action: fire due stage alerts and escalations, batch by batch."""
        return self._hrcr_run_expiry_alerts()

    @api.model
    def update_state(self):
        """Core's daily state update, with our multi-stage alerts first.

        Core puts running contracts within the company's single notice period in
        'blocked' (to renew) with one to-do, skipping contracts already blocked.
        We run our alerts first and block every contract we alert, so core's
        search skips them and never creates a second to-do for the same expiry.
        Core then closes expired contracts as before.
        """
        self._hrcr_run_expiry_alerts()
        return super().update_state()

    @api.model
    def _hrcr_run_expiry_alerts(self, batch_size=EXPIRY_BATCH_SIZE, time_budget=None):
        """Fire the due alerts. Safe to run any number of times a day.

        Only contracts that need something are read (the search domain is built
        from the engine's stage windows and the stored ``expiry_stage_days`` /
        ``expiry_escalated``), most urgent end date first, in batches with a
        constant number of queries each. Outside tests every batch is committed
        and progress is reported; when the time budget is spent the run stops
        and reports the remaining work, and the cron framework calls it again.
        Returns the number of alerts created.
        """
        auto_commit = not getattr(threading.current_thread(), "testing", False)
        budget = _expiry_time_budget() if time_budget is None else time_budget
        started = time.monotonic()
        today = fields.Date.context_today(self)
        # sudo: the alert run covers every company, not only the calling user's allowed ones
        companies = self.env["res.company"].sudo().search([])
        stages_by_company = {company.id: company._hrcr_expiry_stages() for company in companies}

        stage_ids = self.search(self._hrcr_stage_candidate_domain(today, stages_by_company),
                                order="date_end, id").ids
        escalation_ids = self.search(
            expression.AND([self._hrcr_overdue_domain(today),
                            [("expiry_escalated", "=", False), ("company_id", "in", companies.ids)]]),
            order="date_end, id").ids
        total = len(stage_ids) + len(escalation_ids)
        done = created = 0
        routing = {
            "today": today,
            "stages": stages_by_company,
            "escalation_users": companies._hrcr_escalation_users(),
            "notify_manager": {c.id for c in companies if c.hrcr_expiry_notify_manager},
            "activity_defaults": self._hrcr_activity_defaults(),
        }
        work = [(ids, "stage") for ids in split_every(batch_size, stage_ids)]
        work += [(ids, "escalation") for ids in split_every(batch_size, escalation_ids)]
        for ids, kind in work:
            batch = self.browse(ids)
            if kind == "stage":
                created += batch._hrcr_fire_stage_batch(routing)
            else:
                created += batch._hrcr_fire_escalation_batch(routing)
            done += len(ids)
            self.env["ir.cron"]._notify_progress(done=done, remaining=total - done)
            if auto_commit:
                # commit per batch: a timeout or crash later keeps the alerts already sent
                self.env.cr.commit()  # pylint: disable=invalid-commit
            if done < total and time.monotonic() - started >= budget:
                _logger.info("Contract-expiry alerts: time budget spent, %s contracts left for the next call",
                             total - done)
                break
        _logger.info("Contract-expiry alerts: %s contracts examined, %s alerts created", done, created)
        return created

    @api.model
    def _hrcr_stage_candidate_domain(self, today, stages_by_company):
        """Running fixed-term contracts for which ``expiry.select_stage`` may fire today.

        For each stage window (low < days left <= high), the contracts whose end date
        lies in the window and whose smallest fired stage for the current end date is
        none (0) or larger than the window's stage. Companies with the same stages
        share one branch.
        """
        companies_by_stages = defaultdict(list)
        for company_id, stages in stages_by_company.items():
            companies_by_stages[stages].append(company_id)
        branches = []
        for stages, company_ids in companies_by_stages.items():
            windows = [
                [
                    ("date_end", ">", fields.Date.to_string(today + timedelta(days=low))),
                    ("date_end", "<=", fields.Date.to_string(today + timedelta(days=high))),
                    "|", ("expiry_stage_days", "=", 0), ("expiry_stage_days", ">", stage),
                ]
                for stage, low, high in expiry.stage_windows(stages)
            ]
            branches.append(expression.AND([[("company_id", "in", company_ids)], expression.OR(windows)]))
        if not branches:
            return expression.FALSE_DOMAIN
        return expression.AND([
            [("state", "=", "open"), ("date_end", "!=", False), ("employee_id", "!=", False)],
            expression.OR(branches),
        ])

    # ------------------------------------------------------------------ batches
    def _hrcr_batch_data(self):
        """Everything a batch needs, in a constant number of queries."""
        contracts = self.search_read(
            [("id", "in", self.ids)],
            ["employee_id", "company_id", "date_end", "state", "hr_responsible_id", "kanban_state",
             "renewal_decision_date", "expiry_has_successor"],
            load=None,
        )
        Employee = self.env["hr.employee"].with_context(active_test=False)
        employees = {e["id"]: e for e in Employee.search_read(
            [("id", "in", list({c["employee_id"] for c in contracts}))], ["name", "parent_id", "active"], load=None,
        )}
        parent_ids = list({e["parent_id"] for e in employees.values() if e["parent_id"]})
        manager_user = {e["id"]: e["user_id"] for e in Employee.search_read(
            [("id", "in", parent_ids)], ["user_id"], load=None,
        )} if parent_ids else {}
        return contracts, employees, manager_user

    def _hrcr_user_langs(self, user_ids):
        users = self.env["res.users"].with_context(active_test=False).search_read(
            [("id", "in", list(user_ids))], ["lang"]) if user_ids else []
        default = self.env.lang or "en_US"
        return defaultdict(lambda: default, {u["id"]: u["lang"] or default for u in users})

    def _hrcr_lang_env(self, lang):
        return self.with_context(lang=lang).env

    def _hrcr_render(self, lang, msg):
        """Render an engine ``Msg`` (its literal is marked with the engine's _lt) in ``lang``."""
        return self._hrcr_lang_env(lang)._(msg.text, **msg.params)

    def _hrcr_stage_note(self, lang):
        return self._hrcr_lang_env(lang)._(
            "Decide on the renewal in time (LCL Art. 44(1)): check the open-ended entitlement "
            "(Art. 14) and the protections that extend the contract (Art. 42, 45)."
        )

    def _hrcr_fire_stage_batch(self, routing):
        today = routing["today"]
        contracts, employees, manager_user = self._hrcr_batch_data()
        fired_rows = self.env["hr.contract.expiry.alert"].search_read(
            [("contract_id", "in", self.ids), ("kind", "=", "stage")],
            ["contract_id", "end_date", "stage_days"], load=None,
        )
        fired_by_contract = defaultdict(list)
        for row in fired_rows:
            fired_by_contract[row["contract_id"]].append((row["end_date"], row["stage_days"]))

        plans = []
        for contract in contracts:
            fired = expiry.fired_for_end_date(fired_by_contract[contract["id"]], contract["date_end"])
            decision = expiry.select_stage(
                today, contract["date_end"], routing["stages"][contract["company_id"]], fired)
            if not decision:
                continue
            employee = employees[contract["employee_id"]]
            user_id = contract["hr_responsible_id"] or routing["escalation_users"][contract["company_id"]].id \
                or self.env.uid
            extra_user = False
            if contract["company_id"] in routing["notify_manager"] and employee["parent_id"]:
                extra_user = manager_user.get(employee["parent_id"]) or False
                if extra_user == user_id:
                    extra_user = False
            plans.append((contract, employee, decision, user_id, extra_user))
        if not plans:
            return 0

        langs = self._hrcr_user_langs({uid for p in plans for uid in p[3:5] if uid})
        activity_vals, alert_vals, bodies = [], [], {}
        for contract, employee, decision, user_id, extra_user in plans:
            for uid in (user_id, extra_user):
                if uid:
                    activity_vals.append(self._hrcr_activity_vals(
                        routing["activity_defaults"], contract["id"], uid, contract["date_end"],
                        self._hrcr_render(langs[uid], expiry.stage_summary(
                            employee["name"], decision.stage, decision.days_left)),
                        self._hrcr_stage_note(langs[uid]),
                    ))
            alert_vals.append({
                "contract_id": contract["id"],
                "employee_id": contract["employee_id"],
                "company_id": contract["company_id"],
                "end_date": contract["date_end"],
                "kind": "stage",
                "stage_days": decision.stage,
                "days_left": decision.days_left,
                "covered_stages": ",".join(map(str, decision.covered)) or False,
                "fired_on": today,
                "user_id": user_id,
            })
            env = self._hrcr_lang_env(langs[user_id])
            body = env._(
                "Contract expiry alert, %(stage)s-day stage: the contract ends on %(end)s "
                "(%(days)s days left). A to-do was scheduled.",
                stage=decision.stage, end=format_date(env, contract["date_end"]), days=decision.days_left,
            )
            if decision.covered:
                body += " " + env._(
                    "The earlier stages %(covered)s were due at the same time: only this most urgent "
                    "alert is sent, they are covered by it.",
                    covered=", ".join(map(str, decision.covered)),
                )
            bodies[contract["id"]] = body

        alerts = self._hrcr_create_alerts(alert_vals, activity_vals)
        if not alerts:
            return 0
        alerted = self.browse([c["id"] for c, *_rest in plans])
        alerted._message_log_batch(bodies=bodies)
        to_block = self.browse([c["id"] for c, *_rest in plans if c["kanban_state"] != "blocked"])
        to_block._hrcr_mark_to_renew()
        self._hrcr_on_expiry_stages_fired([
            {"contract_id": v["contract_id"], "stage_days": v["stage_days"], "end_date": v["end_date"]}
            for v in alert_vals
        ])
        return len(alerts)

    def _hrcr_fire_escalation_batch(self, routing):
        today = routing["today"]
        contracts, employees, _manager_user = self._hrcr_batch_data()
        escalated = {
            (row["contract_id"], row["end_date"])
            for row in self.env["hr.contract.expiry.alert"].search_read(
                [("contract_id", "in", self.ids), ("kind", "=", "escalation")],
                ["contract_id", "end_date"], load=None,
            )
        }
        plans = []
        for contract in contracts:
            employee = employees[contract["employee_id"]]
            if not expiry.needs_escalation(
                today, contract["date_end"],
                running_or_closed=contract["state"] in ("open", "close"),
                decision_recorded=bool(contract["renewal_decision_date"]),
                has_successor=contract["expiry_has_successor"],
                employee_active=employee["active"],
                already_escalated=(contract["id"], contract["date_end"]) in escalated,
            ):
                continue
            user_id = routing["escalation_users"][contract["company_id"]].id \
                or contract["hr_responsible_id"] or self.env.uid
            plans.append((contract, employee, user_id))
        if not plans:
            return 0
        langs = self._hrcr_user_langs({p[2] for p in plans})
        activity_vals, alert_vals, bodies = [], [], {}
        for contract, employee, user_id in plans:
            env = self._hrcr_lang_env(langs[user_id])
            overdue = -expiry.days_left(today, contract["date_end"])
            note = env._(
                "The contract ended on %(end)s while the employee is still active, with no renewal "
                "decision recorded and no new contract. Working without a written contract costs double "
                "wages after one month (LCL Art. 82) and makes the contract open-ended after one year "
                "(Art. 14). Record the decision or the new contract now.",
                end=format_date(env, contract["date_end"]),
            )
            activity_vals.append(self._hrcr_activity_vals(
                routing["activity_defaults"], contract["id"], user_id, today,
                self._hrcr_render(langs[user_id], expiry.escalation_summary(employee["name"], overdue)), note,
            ))
            alert_vals.append({
                "contract_id": contract["id"],
                "employee_id": contract["employee_id"],
                "company_id": contract["company_id"],
                "end_date": contract["date_end"],
                "kind": "escalation",
                "stage_days": 0,
                "days_left": -overdue,
                "fired_on": today,
                "user_id": user_id,
            })
            bodies[contract["id"]] = env._(
                "Escalation: the contract expired %(days)s days ago without a renewal decision. %(note)s",
                days=overdue, note=note,
            )
        alerts = self._hrcr_create_alerts(alert_vals, activity_vals)
        if alerts:
            self.browse(list(bodies))._message_log_batch(bodies=bodies)
        return len(alerts)

    @api.model
    def _hrcr_activity_defaults(self):
        """Activity type (To-Do) and model of the alerts' activities, resolved once per run."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        return {
            "res_model_id": self.env["ir.model"]._get_id("hr.contract"),
            "activity_type_id": todo.id if todo else False,
        }

    @api.model
    def _hrcr_activity_vals(self, defaults, contract_id, user_id, deadline, summary, note):
        return dict(defaults, res_id=contract_id, summary=summary, note=note, date_deadline=deadline, user_id=user_id)

    @api.model
    def _hrcr_create_alerts(self, alert_vals, activity_vals):
        """Create the batch's activities and alert rows together, or nothing.

        Both in one savepoint: if another run created the same alerts meanwhile, the
        unique constraint refuses ours and the whole batch is dropped (the other run
        already alerted), so no activity is ever doubled.
        """
        Alert = self.env["hr.contract.expiry.alert"]
        # mail.activity computes res_name with one browse() per activity: load the
        # contracts' names into the cache first, so that costs no query per contract
        self.browse({vals["contract_id"] for vals in alert_vals}).mapped("display_name")
        try:
            with self.env.cr.savepoint():
                # quick update: no e-mail per assignment (core's update_state does the same);
                # the to-dos appear in each user's activity menu
                activities = self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
                    activity_vals)
                first_activity = {}
                for activity in activities:
                    first_activity.setdefault(activity.res_id, activity.id)
                for vals in alert_vals:
                    vals["activity_id"] = first_activity.get(vals["contract_id"], False)
                return Alert.create(alert_vals)
        except psycopg2.errors.UniqueViolation:
            _logger.info("Contract-expiry alerts: batch already alerted by a concurrent run, skipped")
            return Alert

    def _hrcr_mark_to_renew(self):
        """kanban_state = 'blocked' ("to renew"), as core's update_state does.

        Low-level write: hr.contract.write would re-run the overlap constraint (one
        search per contract) and tracking for a value that changes neither; the
        batch note in the chatter records the alert instead. Caches and stored
        dependents (employee contract warning) are refreshed as the ORM would.
        """
        if not self:
            return
        self.flush_recordset(["kanban_state"])
        self._write({"kanban_state": "blocked"})
        self.invalidate_recordset(["kanban_state"])
        self.modified(["kanban_state"])
