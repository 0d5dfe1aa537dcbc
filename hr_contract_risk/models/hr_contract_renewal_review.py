from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError

from ..engine import appraisal as ap
from ..engine import legal_checks as lc
from .override import check_override_rights, validated_override
from .rendering import findings_data, render_findings, render_msg, render_template

DECISIONS = [
    ("renew_same", "Renew on the same or better terms"),
    ("renew_open_ended", "Renew as an open-ended contract"),
    ("renew_worse", "Renew on worse terms"),
    ("not_renew", "Do not renew"),
]


class HrContractRenewalReview(models.Model):
    """The reviewed, evidenced renewal decision for a fixed-term contract.

    Three steps (state): Who -> Evaluation -> Decision, then Done (locked).
    All data comes in batches from contracts, appraisals, decline alerts and
    talk logs; the law is applied by ``engine.legal_checks``.
    """

    _name = "hr.contract.renewal.review"
    _description = "Contract Renewal Review"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "end_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    contract_id = fields.Many2one("hr.contract", required=True, index=True, tracking=True, ondelete="restrict",
                                  domain="[('date_end', '!=', False), ('company_id', 'in', allowed_company_ids)]")
    employee_id = fields.Many2one(related="contract_id.employee_id", store=True, index=True, string="Employee")
    company_id = fields.Many2one(related="contract_id.company_id", store=True, index=True, string="Company")
    department_id = fields.Many2one(related="contract_id.department_id", store=True, string="Department")
    job_id = fields.Many2one(related="contract_id.job_id", store=True, string="Job Position")
    contract_date_start = fields.Date(related="contract_id.date_start", string="Contract Start")
    contract_date_end = fields.Date(related="contract_id.date_end", string="Contract Nominal End")
    end_date = fields.Date(string="Contract End Date", compute="_compute_end_date", store=True, readonly=False,
                           precompute=True, required=True, tracking=True)
    expiry_stage_days = fields.Integer(string="Opened at Expiry Stage (days)", readonly=True)
    state = fields.Selection(
        [("who", "Who"), ("evaluation", "Evaluation"), ("decision", "Decision"), ("done", "Decided")],
        default="who", required=True, tracking=True, index=True, copy=False)

    # --- step 1: who ---
    employee_wish = fields.Selection(
        [("renew", "Asks or agrees to renew"), ("renew_fixed", "Asks for a fixed-term contract"),
         ("not_renew", "Does not want to renew"), ("unknown", "Not asked yet")],
        string="Employee's Wish", default="unknown", required=True, tracking=True,
        help="LCL Art. 14 ¶2: the open-ended entitlement binds when the employee proposes or agrees to renew, "
        "unless the employee asks for a fixed term. Keep the employee's written statement.")
    employee_wish_note = fields.Text(string="Wish Recorded How")
    service_start = fields.Date(string="Continuous Service Since", compute="_compute_history")
    service_years = fields.Float(string="Years of Service", compute="_compute_history", digits=(4, 1),
                                 help="Continuous service from hire to the end date, including years before "
                                 "2008 (Reg 9).")
    fixed_term_count = fields.Integer(
        string="Consecutive Fixed-Term Contracts since 2008", compute="_compute_history",
        help="Consecutive fixed-term contracts concluded from 2008-01-01 (LCL Art. 97), including this one.")
    contract_history_html = fields.Html(string="Contract History", compute="_compute_history", sanitize=False)
    pregnancy_nursing = fields.Boolean(related="employee_id.pregnancy_nursing", string="Pregnant / Nursing")
    medical_period_until = fields.Date(related="employee_id.medical_period_until")
    occupational_injury = fields.Boolean(related="employee_id.occupational_injury")
    statutory_retirement_date = fields.Date(related="employee_id.statutory_retirement_date")

    # --- step 2: evaluation ---
    appraisal_ids = fields.Many2many("hr.kpi.appraisal", string="Appraisals (12 months)",
                                     compute="_compute_evaluation")
    appraisal_count = fields.Integer(compute="_compute_evaluation")
    appraisal_average = fields.Float(string="Average Score", compute="_compute_evaluation", digits=(5, 1))
    appraisal_trend = fields.Float(string="Trend (points / period)", compute="_compute_evaluation",
                                   digits=(5, 2))
    appraisal_grades = fields.Char(string="Grades", compute="_compute_evaluation")
    streak_summary = fields.Text(string="Decline Streaks", compute="_compute_evaluation")
    decline_alert_ids = fields.Many2many("hr.kpi.decline.alert", string="Decline Alerts",
                                         compute="_compute_evaluation")
    feedback_summary = fields.Html(string="360 Summary", compute="_compute_evaluation", sanitize=False)
    talk_log_ids = fields.Many2many("hr.talk.log", string="Talk Logs", compute="_compute_evaluation")
    training_offer_count = fields.Integer(string="Training Offers", compute="_compute_evaluation")
    reassignment_offered = fields.Boolean(tracking=True,
                                          help="LCL Art. 40(2): training or reassignment before incompetence counts.")
    reassignment_date = fields.Date(tracking=True)
    training_outcome = fields.Text(string="Training / Reassignment Outcome", tracking=True)
    exception_art39 = fields.Boolean(
        string="Art. 39 Situation Documented", tracking=True,
        help="Serious misconduct etc. (LCL Art. 39), proven: defeats the second-contract entitlement (Art. 14(3)).")
    exception_art40_1 = fields.Boolean(
        string="Art. 40(1) Situation Documented", tracking=True,
        help="Unable to work after the medical period, even in another post (LCL Art. 40(1)).")
    exception_note = fields.Text(string="Evidence of the Situation")
    reason_category = fields.Selection(
        [("incompetence", "Incompetence (Art. 40(2))"), ("attitude", "Attitude (not a statutory ground)"),
         ("business", "Business reasons"), ("employee_declined", "Employee declined"), ("other", "Other")],
        tracking=True)
    legal_findings_html = fields.Html(string="Legal Findings", compute="_compute_legal", sanitize=False)
    legal_status = fields.Selection([("ok", "No issue"), ("warn", "Warnings"), ("block", "Blocks a decision")],
                                    compute="_compute_legal")
    blocked_decisions = fields.Char(string="Decisions Forbidden by Law", compute="_compute_legal")
    decision_blocked = fields.Boolean(compute="_compute_legal")
    decision_block_message = fields.Text(compute="_compute_legal")
    evidence_checklist_html = fields.Html(string="Evidence Checklist", compute="_compute_legal", sanitize=False)
    evidence_complete = fields.Boolean(compute="_compute_legal")
    evidence_missing = fields.Text(compute="_compute_legal")

    # --- step 3: decision ---
    decision = fields.Selection(DECISIONS, tracking=True)
    decision_reason = fields.Text(string="Reason", tracking=True)
    override_note = fields.Text(
        string="Legal Note (override)", tracking=True,
        help="HR managers only: the written legal justification for recording a decision the legal check forbids.")
    override_used = fields.Boolean(string="Legal Block Overridden", readonly=True, tracking=True, copy=False)
    override_by_id = fields.Many2one("res.users", string="Overridden by", readonly=True, copy=False)
    override_date = fields.Datetime(string="Overridden on", readonly=True, copy=False)
    decision_date = fields.Date(readonly=True, tracking=True, copy=False)
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True, copy=False)
    # The findings at the decision are stored as data written only by the server (_hrcr_record_decision) and
    # rendered, escaped, at display time: no stored, user-writable HTML.
    decision_findings_data = fields.Json(string="Findings at Decision (data)", readonly=True, copy=False)
    decision_findings_html = fields.Html(string="Findings at Decision", compute="_compute_decision_findings_html",
                                         sanitize=False)

    _sql_constraints = [
        ("contract_end_unique", "unique(contract_id, end_date)", "A contract has one renewal review per end date."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("contract_id")
    def _compute_end_date(self):
        for rev in self:
            if rev.contract_id and not rev.end_date:
                rev.end_date = rev.contract_date_end

    @api.depends("employee_id.name", "end_date")
    def _compute_name(self):
        for rev in self:
            # stored: language-neutral (the form's breadcrumb says what it is)
            rev.name = "%s - %s" % (rev.employee_id.name or "", rev.end_date or "")

    def _hrcr_ref_date(self):
        """Reference date of the evaluation window: the decision date once decided,
        else today, never after the contract's end."""
        self.ensure_one()
        ref = self.decision_date or fields.Date.context_today(self)
        return min(ref, self.end_date) if self.end_date else ref

    def _hrcr_contracts(self):
        """Contracts per (employee id, company id) of the reviewed employees, one query."""
        return self.employee_id._hrcr_contract_rows()

    def _hrcr_chain(self, contracts):
        self.ensure_one()
        engine_contracts = [lc.Contract(c["date_start"], c["date_end"] or None) for c in contracts]
        chain = lc.continuous_chain(engine_contracts, self.end_date, self.company_id.hrcr_contract_gap_days)
        in_chain = [c for c in contracts if lc.Contract(c["date_start"], c["date_end"] or None) in chain]
        return chain, in_chain

    def _hrcr_history_html(self, rows, counted):
        return render_template(self.env, "hr_contract_risk.renewal_contract_history", {"rows": [
            {"name": row["name"], "date_start": row["date_start"], "date_end": row["date_end"],
             "counted": row["id"] in counted} for row in rows]})

    @api.depends("contract_id", "end_date")
    @api.depends_context("lang")
    def _compute_history(self):
        contracts = self._hrcr_contracts()
        for rev in self:
            rows = contracts.get((rev.employee_id.id, rev.company_id.id), [])
            if not rev.end_date or not rows:
                rev.service_start = False
                rev.service_years = 0.0
                rev.fixed_term_count = 0
                rev.contract_history_html = False
                continue
            chain, in_chain = rev._hrcr_chain(rows)
            count = lc.consecutive_fixed_terms_since_2008(chain)
            rev.service_start = chain[0].start if chain else False
            rev.service_years = lc.service_years(chain[0].start, rev.end_date) if chain else 0.0
            rev.fixed_term_count = count
            counted = {row["id"] for row in in_chain[len(in_chain) - count:]} if count else set()
            rev.contract_history_html = rev._hrcr_history_html(in_chain, counted)

    def _hrcr_evaluation_data(self):
        """Appraisals, alerts and talk logs of all reviews in self: one query each."""
        if not self.employee_id:
            return {}, {}, {}
        refs = {rev.id: rev._hrcr_ref_date() for rev in self}
        oldest = min(refs.values()) - relativedelta(months=24)
        appraisals = self.env["hr.kpi.appraisal"].search(
            [("employee_id", "in", self.employee_id.ids), ("state", "=", "confirmed"), ("date_start", ">=", oldest)],
            order="date_start")
        alerts = self.env["hr.kpi.decline.alert"].search(
            [("employee_id", "in", self.employee_id.ids), ("end_date", ">=", oldest)])
        logs = self.env["hr.talk.log"].search(
            ["|", ("review_id", "in", self.ids), "&", ("employee_id", "in", self.employee_id.ids),
             ("date", ">=", min([d for d in self.mapped("contract_date_start") if d] or [oldest]))], order="date")
        return appraisals, alerts, logs

    @api.depends("employee_id", "end_date", "decision_date", "state")
    @api.depends_context("lang")
    def _compute_evaluation(self):
        appraisals, alerts, logs = self._hrcr_evaluation_data()
        for rev in self:
            if not rev.employee_id or not rev.end_date:
                rev.appraisal_ids = rev.decline_alert_ids = rev.talk_log_ids = False
                rev.appraisal_count = rev.training_offer_count = 0
                rev.appraisal_average = rev.appraisal_trend = 0.0
                rev.appraisal_grades = rev.streak_summary = rev.feedback_summary = False
                continue
            ref = rev._hrcr_ref_date()
            window_start = ref - relativedelta(months=12)
            mine = appraisals.filtered(lambda a, r=rev, w=window_start, d=ref:
                                       a.employee_id == r.employee_id and w < a.date_end and a.date_start <= d)
            settings = rev.company_id._hrcr_appraisal_settings()
            periods = [ap.Period(a.id, a.date_start, a.total_score) for a in mine]
            summary = ap.summarise(periods, settings["thresholds"], settings["decline_periods"],
                                   settings["decline_threshold"], ap.MODE_SCORE)
            rev.appraisal_ids = [Command.set(mine.ids)]
            rev.appraisal_count = summary.count
            rev.appraisal_average = summary.average or 0.0
            rev.appraisal_trend = summary.trend or 0.0
            rev.appraisal_grades = " ".join(g or "-" for g in summary.grades)
            streak_lines = [
                self.env._("%(count)s periods below %(threshold)s from %(start)s to %(end)s (average %(avg)s)",
                  count=s.length, threshold=settings["decline_threshold"], start=s.start, end=s.end,
                  avg="%.1f" % s.average)
                for s in summary.streaks
            ]
            rev.streak_summary = "\n".join(streak_lines) or _("No decline streak in the window.")
            rev.decline_alert_ids = [Command.set(alerts.filtered(
                lambda a, r=rev, w=window_start: a.employee_id == r.employee_id and a.end_date >= w).ids)]
            with_360 = mine.filtered("has_feedback")
            rev.feedback_summary = with_360[-1:].feedback_summary if with_360 else False
            if rev.decision_date:
                my_logs = logs.filtered(lambda log, r=rev: log.review_id == r)
            else:
                my_logs = logs.filtered(lambda log, r=rev: log.employee_id == r.employee_id and (
                    log.review_id == r or (not log.review_id and log.date >= r.contract_date_start)))
            rev.talk_log_ids = [Command.set(my_logs.ids)]
            rev.training_offer_count = len(my_logs.filtered(lambda log: log.kind == "training_offer"))

    def _hrcr_evidence(self):
        """The LCL 40(2) evidence of the window (rule: ``legal_checks.incompetence_evidence``)."""
        self.ensure_one()
        offers, done = self._hrcr_training_evidence()
        return lc.incompetence_evidence(
            [(a.date_start, a.total_score) for a in self.appraisal_ids],
            self.company_id.hrcr_decline_threshold,
            self.talk_log_ids.mapped("kind"),
            [log.date for log in self.talk_log_ids if log.kind == "training_offer"] + offers,
            self.reassignment_offered, self.reassignment_date or None, trainings_done=done,
            from_offer=self.company_id.hrcr_art40_2_from_offer)

    def _hrcr_training_evidence(self):
        """(offer dates, [(done date, course)]) of the training records, beyond the talk logs' offers:
        extension point of the training recommendation (``hr_contract_renewal_review_training.py``)."""
        return [], []

    def _hrcr_fact_values(self, evidence_complete):
        """What the review adds to the employee's legal facts (``hr.employee._hrcr_legal_facts``)."""
        self.ensure_one()
        return {
            "employee_wish": self.employee_wish or lc.WISH_UNKNOWN,
            "art39": self.exception_art39,
            "art40_1": self.exception_art40_1,
            "art40_2": evidence_complete,
            "reason": self.reason_category or None,
        }

    def _hrcr_facts(self, evidence_complete):
        self.ensure_one()
        return self.employee_id._hrcr_legal_facts(
            self.company_id, self.end_date, **self._hrcr_fact_values(evidence_complete))

    def _hrcr_findings(self):
        """(findings, checklist items) for this review."""
        self.ensure_one()
        items = lc.incompetence_checklist(self._hrcr_evidence())
        complete = lc.checklist_complete(items)
        return lc.evaluate(self._hrcr_facts(complete), evidence_complete=complete), items

    def _hrcr_render(self, msg):
        """Render an engine ``Msg`` in the user's language (models/rendering.py)."""
        return render_msg(self.env, msg)

    def _hrcr_findings_data(self, findings):
        """The findings as plain rows (``engine.findings.as_data``: severity, article, text in the user's
        language, the decisions they forbid), stored at the decision."""
        labels = dict(self._fields["decision"]._description_selection(self.env))
        return findings_data(self.env, findings, {d: labels[d] for d in lc.DECISIONS})

    @api.depends("decision_findings_data")
    @api.depends_context("lang")
    def _compute_decision_findings_html(self):
        for rev in self:
            data = rev.decision_findings_data
            rev.decision_findings_html = render_findings(self.env, data) if isinstance(data, list) else False

    def _hrcr_checklist_html(self, items):
        return render_template(self.env, "hr_contract_risk.renewal_evidence_checklist", {"items": [
            {"done": item.done, "text": self._hrcr_render(item.msg)} for item in items]})

    @api.depends("employee_wish", "exception_art39", "exception_art40_1", "reason_category", "decision",
                 "reassignment_offered", "reassignment_date", "end_date", "contract_id", "state")
    @api.depends_context("lang")
    def _compute_legal(self):
        labels = dict(self._fields["decision"]._description_selection(self.env))
        for rev in self:
            if not rev.contract_id or not rev.end_date:
                rev.legal_findings_html = rev.evidence_checklist_html = False
                rev.legal_status = "ok"
                rev.blocked_decisions = rev.decision_block_message = rev.evidence_missing = False
                rev.decision_blocked = rev.evidence_complete = False
                continue
            findings, items = rev._hrcr_findings()
            rev.legal_findings_html = render_findings(self.env, rev._hrcr_findings_data(findings))
            severities = {f.severity for f in findings}
            rev.legal_status = "block" if lc.BLOCK in severities else "warn" if lc.WARN in severities else "ok"
            forbidden = [d for d in lc.DECISIONS if not lc.is_allowed(findings, d)]
            rev.blocked_decisions = ", ".join(labels[d] for d in forbidden) or False
            blockers = lc.blocking(findings, rev.decision) if rev.decision else []
            rev.decision_blocked = bool(blockers)
            rev.decision_block_message = "\n".join(
                "%s: %s" % (f.article, rev._hrcr_render(f.msg)) for f in blockers) or False
            rev.evidence_checklist_html = rev._hrcr_checklist_html(items)
            rev.evidence_complete = lc.checklist_complete(items)
            rev.evidence_missing = "\n".join(rev._hrcr_render(i.msg) for i in lc.checklist_missing(items)) or False

    # ------------------------------------------------------------------
    # Locking
    # ------------------------------------------------------------------

    # Written only by the step and decision methods, through sudo() after their checks (never by a client,
    # whatever the context).
    # (The steps who / evaluation / decision stay free to navigate; "done" is reached only by a decision.)
    _HRCR_WORKFLOW_FIELDS = frozenset({
        "decision_date", "decided_by_id", "override_used", "override_by_id", "override_date",
        "decision_findings_data", "decision_findings_html"})

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state") == "done" or any(vals.get(f) for f in self._HRCR_WORKFLOW_FIELDS):
                    raise UserError(_("A renewal review starts undecided: record its decision with the buttons."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if self._HRCR_WORKFLOW_FIELDS & set(vals) or ("state" in vals and vals["state"] not in self._STEPS):
                raise UserError(_(
                    "The step and the decision of a renewal review change only through its buttons "
                    "(next step, decide, override)."))
            if not all(f.startswith(("message_", "activity_")) or f == "has_message" for f in vals):
                decided = self.filtered("decision_date")
                if decided:
                    raise UserError(_("Renewal review %(name)s is decided and locked.",
                                      name=decided[0].display_name))
            if "override_note" in vals:
                check_override_rights(self.env)  # the override policy (models/override.py)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_undecided(self):
        if any(rev.decision_date for rev in self):
            raise UserError(_("A decided renewal review cannot be deleted."))

    # ------------------------------------------------------------------
    # Steps and decision
    # ------------------------------------------------------------------

    _STEPS = ("who", "evaluation", "decision")

    def action_next_step(self):
        self.check_access("write")
        for rev in self:
            if rev.state not in ("who", "evaluation"):
                raise UserError(_("This review has no next step."))
            rev.sudo().state = self._STEPS[self._STEPS.index(rev.state) + 1]  # sudo: checked transition
        return True

    def action_previous_step(self):
        self.check_access("write")
        for rev in self:
            if rev.state not in ("evaluation", "decision"):
                raise UserError(_("This review has no previous step."))
            rev.sudo().state = self._STEPS[self._STEPS.index(rev.state) - 1]  # sudo: checked transition
        return True

    def _hrcr_check_decidable(self):
        self.ensure_one()
        if self.decision_date:
            raise UserError(_("This renewal review is already decided."))
        if not self.decision:
            raise UserError(_("Choose a decision."))
        if not (self.decision_reason or "").strip():
            raise UserError(_("Write the reason for the decision."))

    def action_decide(self):
        """Record the decision; refused with the articles when the law forbids it."""
        self.ensure_one()
        self._hrcr_check_decidable()
        findings, _items = self._hrcr_findings()
        blockers = lc.blocking(findings, self.decision)
        if blockers:
            raise UserError(_(
                "The law forbids this decision:\n%(reasons)s\n\nChoose another decision, or an HR manager may "
                "override with a written legal note.",
                reasons="\n".join("- %s: %s" % (f.article, self._hrcr_render(f.msg)) for f in blockers)))
        return self._hrcr_record_decision(findings, override=False)

    def action_decide_override(self):
        """HR manager: record a decision the legal check forbids, with a written legal note
        (the one override policy: engine/override.py, models/override.py)."""
        self.ensure_one()
        check_override_rights(self.env)
        self._hrcr_check_decidable()
        findings, _items = self._hrcr_findings()
        override = validated_override(self.env, lc.blocking(findings, self.decision), self.override_note)
        return self._hrcr_record_decision(findings, override=override)

    def _hrcr_record_decision(self, findings, override):
        self.ensure_one()
        today = fields.Date.context_today(self)
        # link the evidence first: the talk logs lock once decision_date is set
        free_logs = self.talk_log_ids.filtered(lambda log: not log.review_id)
        if free_logs:
            free_logs.write({"review_id": self.id})
        vals = {
            "state": "done", "decision_date": today, "decided_by_id": self.env.uid,
            "decision_findings_data": self._hrcr_findings_data(findings),
        }
        if override:
            vals.update(override_used=True, override_by_id=self.env.uid, override_date=fields.Datetime.now())
        # sudo: the decision fields are written only here, after action_decide / action_decide_override checked
        # the law and the rights (HR manager + legal note for an override); sudo keeps the uid for tracking
        self.sudo().write(vals)
        contract = self.contract_id.sudo()  # HR officers may lack hr_contract write rights; one date field only
        contract.renewal_decision_date = today  # stops the expiry escalation
        labels = dict(self._fields["decision"]._description_selection(self.env))
        body = _("Decision: %(decision)s. Reason: %(reason)s", decision=labels[self.decision],
                 reason=self.decision_reason)
        if override:
            body = _("%(body)s\nLegal block overridden (%(articles)s). Legal note: %(note)s", body=body,
                     articles=", ".join(override.articles), note=override.note)
        self.message_post(body=body)
        if self.decision == lc.NOT_RENEW:
            return self.action_open_severance()
        return True

    def _hrcr_severance_context(self):
        """Defaults of the severance wizard (labour_law ground keys): a lawful non-renewal is an expiry
        (LCL 44(1), 46(5)); one recorded over a legal block is unlawful (LCL 48, 87: 2N)."""
        self.ensure_one()
        return {
            "default_contract_id": self.contract_id.id,
            "default_employee_id": self.employee_id.id,
            "default_termination_ground": lc.severance_ground_after_decision(self.override_used),
            "default_termination_date": fields.Date.to_string(self.end_date),
        }

    def action_open_severance(self):
        self.ensure_one()
        if self.decision != lc.NOT_RENEW or not self.decision_date:
            raise UserError(_("Severance applies once the decision 'Do not renew' is recorded."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Severance"),
            "res_model": "hr.severance.wizard",
            "view_mode": "form",
            "target": "new",
            "context": self._hrcr_severance_context(),
        }

    def action_print_report(self):
        return self.env.ref("hr_contract_risk.action_report_renewal_review").report_action(self)

    def _hrcr_schedule_todo(self):
        """A to-do for the contract's HR responsible on each new review, in one create."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        # sudo: HR officers lack hr_contract read rights; reads only hr_responsible_id of the reviewed contracts
        contracts = self.contract_id.sudo()
        contracts.fetch(["hr_responsible_id", "date_end"])
        vals = []
        for rev in self:
            # sudo: see above (HR officers lack hr_contract read rights)
            user = rev.contract_id.sudo().hr_responsible_id or self.env.user
            vals.append({
                "res_model_id": model_id, "res_id": rev.id, "activity_type_id": todo.id, "user_id": user.id,
                "summary": rev.with_context(lang=user.lang)._hrcr_todo_summary(),
                "date_deadline": rev.end_date,
            })
        if vals:
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals)

    def _hrcr_todo_summary(self):
        return _("Renewal review: decide before %(date)s", date=self.end_date)

    def _hrcr_report_lang(self):
        """The employee's language for the PDF (zh_CN or English), as Odoo's t-lang expects."""
        self.ensure_one()
        employee = self.employee_id.sudo()  # hr.employee.lang is an HR-only field; the report is HR-only
        return employee.lang or employee.work_contact_id.lang or self.env.lang or "en_US"
