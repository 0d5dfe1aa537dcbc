"""Contract expiry alerts: the alert rows and the daily expiry run (LCL Art. 44(1), 82)."""

import logging
from collections import defaultdict
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import format_date

from ..engine import expiry
from .hrcr_batch import CronBatches

_logger = logging.getLogger(__name__)

EXPIRY_BATCH_SIZE = 1000


class HrContractExpiryAlert(models.Model):
    """One row per contract x end date x stage fired (or escalation), and the daily run that fires them.

    The rows are the memory of the daily expiry run: the unique constraint makes
    a stage fire at most once per contract and end date, even when two runs
    overlap; a new end date (an extension) has no rows yet, so the stages fire
    again for it.
    """

    _name = "hr.contract.expiry.alert"
    _description = "Contract Expiry Alert"
    _order = "fired_on desc, id desc"
    _rec_name = "contract_id"

    contract_id = fields.Many2one(
        "hr.contract", required=True, ondelete="cascade", index=True, readonly=True,
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True, readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True,
    )
    department_id = fields.Many2one(
        related="contract_id.department_id", string="Department",
    )
    end_date = fields.Date(
        string="Contract End Date", required=True, readonly=True,
        help="The end date the alert was fired for (LCL Art. 44(1): a fixed-term contract ends at "
        "expiry). When the contract is extended, the stages fire again for the new end date.",
    )
    kind = fields.Selection(
        [("stage", "Stage alert"), ("escalation", "Escalation")],
        required=True, default="stage", readonly=True,
    )
    stage_days = fields.Integer(
        aggregator=None,
        string="Stage (days before end)", readonly=True,
        help="The alert stage that fired; 0 for an escalation.",
    )
    days_left = fields.Integer(
        aggregator=None,
        string="Days Left When Fired", readonly=True,
        help="Days between the run and the end date; negative for an escalation (days overdue).",
    )
    covered_stages = fields.Char(
        readonly=True,
        help="Larger stages that were due at the same time (the run had not seen the contract "
        "earlier, e.g. after an outage): only the most urgent stage fires and these never fire "
        "for this end date.",
    )
    fired_on = fields.Date(required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Alerted User", readonly=True)
    activity_id = fields.Many2one(
        "mail.activity", string="To-Do", ondelete="set null", readonly=True,
        help="The to-do scheduled for the alerted user; empty once it is done.",
    )
    activity_done = fields.Boolean(string="To-Do Done", compute="_compute_activity_done")

    _sql_constraints = [
        (
            "contract_end_stage_kind_uniq",
            "unique(contract_id, end_date, stage_days, kind)",
            "An expiry alert stage fires only once per contract and end date.",
        ),
    ]

    @api.depends("activity_id")
    def _compute_activity_done(self):
        for alert in self:
            alert.activity_done = not alert.activity_id

    def action_open_contract(self):
        self.ensure_one()
        return self.contract_id.action_open_contract_form()

    # ------------------------------------------------------------------ the daily run
    @api.model
    def _hrcr_run_expiry_alerts(self, batch_size=EXPIRY_BATCH_SIZE, time_budget=None):
        """Fire the due alerts. Safe to run any number of times a day.

        Called first by core's daily ``hr.contract.update_state``. Only contracts that need
        something are read (the search domain is built from the engine's stage windows and
        the stored ``expiry_stage_days`` / ``expiry_escalated``), most urgent end date first,
        in batches with a constant number of queries each (``CronBatches``: a commit per batch
        outside tests, progress reported; when the time budget is spent the run stops and
        reports the remaining work, and the cron framework calls it again).
        Returns the number of alerts created.
        """
        Contract = self.env["hr.contract"]
        today = fields.Date.context_today(self)
        companies = self._hrcr_expiry_companies()
        stage_ids, escalation_ids = self._hrcr_expiry_todo(today, companies)
        routing = self._hrcr_expiry_routing(today, companies)
        run = CronBatches(self.env, total=len(stage_ids) + len(escalation_ids), resumable=True,
                          time_budget=time_budget, name="Contract-expiry alerts")
        created = 0
        for ids in run.batches(stage_ids, batch_size):
            created += self._hrcr_fire_stage_batch(Contract.browse(ids), routing)
        for ids in run.batches(escalation_ids, batch_size):
            created += self._hrcr_fire_escalation_batch(Contract.browse(ids), routing)
        _logger.info("Contract-expiry alerts: %s contracts examined, %s alerts created", run.done, created)
        return created

    @api.model
    def _hrcr_expiry_companies(self):
        # sudo: the alert run covers every company, not only the calling user's allowed ones
        return self.env["res.company"].sudo().search([])

    @api.model
    def _hrcr_expiry_todo(self, today, companies=None):
        """(contract ids with a stage alert due, contract ids to escalate), most urgent first."""
        Contract = self.env["hr.contract"]
        companies = companies if companies is not None else self._hrcr_expiry_companies()
        stages_by_company = {company.id: company._hrcr_expiry_stages() for company in companies}
        stage_ids = Contract.search(self._hrcr_stage_candidate_domain(today, stages_by_company),
                                    order="date_end, id").ids
        escalation_ids = Contract.search(
            expression.AND([Contract._hrcr_overdue_domain(today),
                            [("expiry_escalated", "=", False), ("company_id", "in", companies.ids)]]),
            order="date_end, id").ids
        return stage_ids, escalation_ids

    @api.model
    def _hrcr_expiry_routing(self, today, companies=None):
        """What every batch of one run shares: stages, who is told, activity defaults."""
        companies = companies if companies is not None else self._hrcr_expiry_companies()
        return {
            "today": today,
            "stages": {company.id: company._hrcr_expiry_stages() for company in companies},
            "escalation_users": companies._hrcr_escalation_users(),
            "notify_manager": {c.id for c in companies if c.hrcr_expiry_notify_manager},
            "activity_defaults": self._hrcr_activity_defaults(),
        }

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

    @api.model
    def _hrcr_batch_data(self, contracts):
        """Everything a batch of contracts needs, in a constant number of queries."""
        contracts = contracts.search_read(
            [("id", "in", contracts.ids)],
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

    @api.model
    def _hrcr_user_langs(self, user_ids):
        users = self.env["res.users"].with_context(active_test=False).search_read(
            [("id", "in", list(user_ids))], ["lang"]) if user_ids else []
        default = self.env.lang or "en_US"
        return defaultdict(lambda: default, {u["id"]: u["lang"] or default for u in users})

    @api.model
    def _hrcr_lang_env(self, lang):
        return self.with_context(lang=lang).env

    @api.model
    def _hrcr_render(self, lang, msg):
        """Render an engine ``Msg`` (its literal is marked with the engine's _lt) in ``lang``."""
        return self._hrcr_lang_env(lang)._(msg.text, **msg.params)

    @api.model
    def _hrcr_stage_note(self, lang):
        return self._hrcr_lang_env(lang)._(
            "Decide on the renewal in time (LCL Art. 44(1)): check the open-ended entitlement "
            "(Art. 14) and the protections that extend the contract (Art. 42, 45)."
        )

    @api.model
    def _hrcr_fire_stage_batch(self, batch, routing):
        """Fire the due stage of each contract of ``batch``; returns the number of alerts created."""
        today = routing["today"]
        contracts, employees, manager_user = self._hrcr_batch_data(batch)
        fired_rows = self.search_read(
            [("contract_id", "in", batch.ids), ("kind", "=", "stage")],
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
        alerted = batch.browse([c["id"] for c, *_rest in plans])
        alerted._message_log_batch(bodies=bodies)
        to_block = batch.browse([c["id"] for c, *_rest in plans if c["kanban_state"] != "blocked"])
        to_block._hrcr_mark_to_renew()
        batch._hrcr_on_expiry_stages_fired([
            {"contract_id": v["contract_id"], "stage_days": v["stage_days"], "end_date": v["end_date"]}
            for v in alert_vals
        ])
        return len(alerts)

    @api.model
    def _hrcr_fire_escalation_batch(self, batch, routing):
        """Escalate each contract of ``batch`` that expired without decision; returns the alerts created."""
        today = routing["today"]
        contracts, employees, _manager_user = self._hrcr_batch_data(batch)
        escalated = {
            (row["contract_id"], row["end_date"])
            for row in self.search_read(
                [("contract_id", "in", batch.ids), ("kind", "=", "escalation")],
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
            batch.browse(list(bodies))._message_log_batch(bodies=bodies)
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
        Alert = self
        # mail.activity computes res_name with one browse() per activity: load the
        # contracts' names into the cache first, so that costs no query per contract
        self.env["hr.contract"].browse({vals["contract_id"] for vals in alert_vals}).mapped("display_name")
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
