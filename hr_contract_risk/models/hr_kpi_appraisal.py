
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import appraisal as ap
from .rendering import render_template


class HrKpiAppraisal(models.Model):
    _name = "hr.kpi.appraisal"
    _description = "KPI Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, employee_id"
    _rec_names_search = ["employee_id", "name"]

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, tracking=True,
                                  domain="[('company_id', '=', company_id)]")
    company_id = fields.Many2one("res.company", compute="_compute_from_employee", store=True, readonly=False,
                                 precompute=True, required=True, index=True)
    department_id = fields.Many2one("hr.department", compute="_compute_from_employee", store=True,
                                    readonly=False, precompute=True, index=True)
    job_id = fields.Many2one("hr.job", compute="_compute_from_employee", store=True, readonly=False,
                             precompute=True, index=True)
    template_id = fields.Many2one("hr.kpi.template", string="KPI Template", index=True,
                                  domain="[('company_id', '=', company_id)]")
    periodicity = fields.Selection([("monthly", "Monthly"), ("quarterly", "Quarterly")], required=True,
                                   default=lambda self: self.env.company.hrcr_appraisal_periodicity or "monthly")
    date_start = fields.Date(string="Period Start", required=True, index=True)
    date_end = fields.Date(string="Period End", required=True)
    period_label = fields.Char(string="Period", compute="_compute_name", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("review", "In Review"), ("confirmed", "Confirmed")],
        default="draft", required=True, tracking=True, index=True, copy=False)
    line_ids = fields.One2many("hr.kpi.appraisal.line", "appraisal_id", string="KPIs", copy=True)
    # individual 360 rows: HR in the form; managers and reviewers through the
    # feedback menu, where record rules show each one only their own rows
    feedback_ids = fields.One2many("hr.kpi.feedback", "appraisal_id", string="360 Feedback",
                                   groups="hr.group_hr_user")
    kpi_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg", digits=(5, 1),
                             string="KPI Score")
    feedback_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg", digits=(5, 1),
                                  string="360 Score")
    has_feedback = fields.Boolean(compute="_compute_scores", store=True, string="Has 360 Feedback")
    total_score = fields.Float(compute="_compute_scores", store=True, aggregator="avg", digits=(5, 1))
    grade = fields.Selection([("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")], compute="_compute_scores",
                             store=True, index=True)
    feedback_summary = fields.Html(string="360 Summary", compute="_compute_feedback_summary", compute_sudo=True,
                                   sanitize=False,
                                   help="Aggregated 360 feedback: averages only, never an individual reviewer.")
    feedback_request_count = fields.Integer(compute="_compute_feedback_summary", compute_sudo=True)
    confirmed_date = fields.Date(readonly=True, copy=False)
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    employee_comment = fields.Text(string="Employee Acknowledgement", readonly=True, copy=False, tracking=True)
    acknowledged_date = fields.Datetime(readonly=True, copy=False)
    is_own = fields.Boolean(compute="_compute_is_own")
    note = fields.Html(string="Manager Notes")

    _sql_constraints = [
        ("employee_period_unique", "unique(employee_id, date_start)",
         "An employee has one appraisal per period."),
        ("period_check", "CHECK(date_end >= date_start)", "The period must end after it starts."),
    ]

    @api.depends("employee_id")
    def _compute_from_employee(self):
        for rec in self:
            if rec.employee_id:
                employee = rec.employee_id.sudo()  # snapshot of public work data; managers read it anyway
                rec.company_id = employee.company_id
                rec.department_id = employee.department_id
                rec.job_id = employee.job_id
            elif not rec.company_id:
                rec.company_id = self.env.company

    @api.depends("employee_id.name", "date_start", "periodicity")
    def _compute_name(self):
        for rec in self:
            if not rec.date_start:
                rec.period_label = rec.name = False
                continue
            if rec.periodicity == "quarterly":
                label = "%s-Q%s" % (rec.date_start.year, (rec.date_start.month - 1) // 3 + 1)
            else:
                label = rec.date_start.strftime("%Y-%m")
            rec.period_label = label
            rec.name = "%s %s" % (rec.employee_id.name or "", label)

    @api.depends("line_ids.completion", "line_ids.weight", "feedback_ids.score", "feedback_ids.state",
                 "feedback_ids.relationship", "feedback_ids.rated", "company_id")
    def _compute_scores(self):
        for rec in self:
            settings = rec.company_id._hrcr_appraisal_settings() if rec.company_id else {
                "weights": None, "kpi_share": 70.0, "thresholds": None}
            try:
                kpi = ap.weighted_kpi_score([(line.weight, line.completion) for line in rec.line_ids])
            except ValueError:
                kpi = None  # weights not summing to 100 yet (draft); checked on submit
            score_360 = ap.aggregate_360(
                [(fb.relationship, fb.score) for fb in rec.feedback_ids if fb.state == "submitted" and fb.rated],
                settings["weights"])
            total = ap.total_score(kpi, score_360, settings["kpi_share"])
            rec.kpi_score = kpi or 0.0
            rec.feedback_score = score_360 or 0.0
            rec.has_feedback = score_360 is not None
            rec.total_score = total or 0.0
            rec.grade = ap.grade(total, settings["thresholds"]) if total is not None else False

    @api.depends("feedback_score", "has_feedback")
    def _compute_feedback_summary(self):
        # aggregated numbers only; computed as superuser because the appraised
        # employee may not read the individual rows (record rules)
        feedbacks = self.env["hr.kpi.feedback"].sudo().search_read(
            [("appraisal_id", "in", self.ids)], ["appraisal_id", "relationship", "state", "score", "rated"])
        # sudo: see above (aggregated ratings only)
        lines = self.env["hr.kpi.feedback.line"].sudo().search_read(
            [("feedback_id.appraisal_id", "in", self.ids), ("feedback_id.state", "=", "submitted"),
             ("feedback_id.relationship", "!=", "self"), ("rating", "!=", False)],
            ["feedback_id", "competency_id", "rating"])
        fb_appraisal = {fb["id"]: fb["appraisal_id"][0] for fb in feedbacks}
        by_appraisal = {}
        for fb in feedbacks:
            by_appraisal.setdefault(fb["appraisal_id"][0], []).append(fb)
        competencies = {}
        for line in lines:
            appraisal_id = fb_appraisal.get(line["feedback_id"][0])
            if line["competency_id"]:
                key = (appraisal_id, line["competency_id"][1])
                competencies.setdefault(key, []).append((line["feedback_id"][0], int(line["rating"])))
        labels = dict(self.env["hr.kpi.feedback"]._fields["relationship"]._description_selection(self.env))
        for rec in self:
            rows = by_appraisal.get(rec.id, [])
            rec.feedback_request_count = len(rows)
            submitted = [r for r in rows if r["state"] == "submitted" and r["rated"]]
            if not submitted:
                rec.feedback_summary = False
                continue
            # the anonymity threshold and the averages are the engine's (appraisal.summary_360)
            summary = ap.summary_360(
                [(r["relationship"], r["score"]) for r in submitted],
                [(name, fb, rating) for (app_id, name), vals in competencies.items() if app_id == rec.id
                 for fb, rating in vals])
            rec.feedback_summary = render_template(self.env, "hr_contract_risk.appraisal_360_summary", {
                "score": rec.feedback_score,
                "relationships": [{"label": labels[line.relationship], "count": line.count,
                                   "average": line.average} for line in summary.relationships],
                "competencies": [{"name": name, "average": average} for name, average in summary.competencies],
            })

    @api.depends_context("uid")
    def _compute_is_own(self):
        for rec in self:
            rec.is_own = rec.employee_id.user_id == self.env.user

    # ------------------------------------------------------------------
    # Locking
    # ------------------------------------------------------------------

    _HRCR_ACK_FIELDS = frozenset({"employee_comment", "acknowledged_date"})

    @api.model
    def _hrcr_writable_when_confirmed(self, fnames):
        return all(
            f in self._HRCR_ACK_FIELDS or f.startswith(("message_", "activity_")) or f == "has_message"
            for f in fnames
        )

    def _hrcr_check_unlocked(self):
        if self.env.su:
            return
        locked = self.filtered(lambda a: a.state == "confirmed")
        if locked:
            raise UserError(_("Appraisal %(name)s is confirmed and can no longer be changed.",
                              name=locked[0].display_name))

    def write(self, vals):
        if self._HRCR_ACK_FIELDS & set(vals) and not self.env.su:
            # written only by _hrcr_acknowledge (sudo, after checking the user is the appraised employee)
            raise UserError(_("Only the appraised employee acknowledges an appraisal, through the Acknowledge "
                              "button."))
        if "state" in vals and not self.env.su and vals["state"] == "confirmed":
            raise UserError(_("An appraisal is confirmed only through its Confirm button."))
        if not self._hrcr_writable_when_confirmed(vals):
            self.check_access("write")  # an access error before the business rule
            self._hrcr_check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(_("Only draft appraisals can be deleted."))

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    def action_submit(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(_("Only draft appraisals can be sent to review."))
            if not rec.line_ids:
                raise UserError(_("Appraisal %(name)s has no KPI line.", name=rec.display_name))
            try:
                ap.check_weights(rec.line_ids.mapped("weight"))
            except ValueError as exc:
                raise UserError(_("The KPI weights of appraisal %(name)s must sum to 100.",
                                  name=rec.display_name)) from exc
        self.write({"state": "review"})
        return True

    def action_reset_draft(self):
        if any(rec.state != "review" for rec in self):
            raise UserError(_("Only appraisals in review can go back to draft."))
        self.write({"state": "draft"})
        return True

    def action_confirm(self):
        for rec in self:
            if rec.state != "review":
                raise UserError(_("Only appraisals in review can be confirmed."))
        self.check_access("write")
        # sudo: the transition checked above; the uid is kept for tracking
        self.sudo().write({"state": "confirmed", "confirmed_date": fields.Date.context_today(self),
                           "confirmed_by_id": self.env.uid})
        self._hrcr_notify_employee()
        return True

    def _hrcr_notify_employee(self):
        """Tell the employee: a message on the appraisal and a to-do to acknowledge it."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        for rec in self:
            user = rec.employee_id.sudo().user_id  # the employee's login (hr.employee private field)
            summary, body = rec.with_context(lang=user.lang or self.env.lang)._hrcr_notification_texts()
            rec.message_post(body=body, partner_ids=user.partner_id.ids, subtype_xmlid="mail.mt_comment")
            if user:
                rec.activity_schedule(activity_type_id=todo.id, user_id=user.id, summary=summary, note=body)

    def _hrcr_notification_texts(self):
        """(summary, body) of the confirmation notice, in the language of ``self.env``."""
        self.ensure_one()
        body = _("Your appraisal for %(period)s is confirmed: total score %(score)s, grade %(grade)s. "
                 "Please read it and add your acknowledgement.",
                 period=self.period_label, score="%.1f" % self.total_score, grade=self.grade or "-")
        return _("Acknowledge your appraisal"), body

    def action_open_acknowledge(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Acknowledge Appraisal"),
            "res_model": "hr.kpi.appraisal.acknowledge",
            "view_mode": "form",
            "target": "new",
            "context": {"default_appraisal_id": self.id},
        }

    def _hrcr_acknowledge(self, comment):
        """The appraised employee acknowledges a confirmed appraisal with a comment."""
        self.ensure_one()
        if self.employee_id.user_id != self.env.user:
            raise AccessError(_("Only the appraised employee can acknowledge an appraisal."))
        if self.state != "confirmed":
            raise UserError(_("Only confirmed appraisals can be acknowledged."))
        if self.acknowledged_date:
            raise UserError(_("This appraisal is already acknowledged."))
        comment = (comment or "").strip()
        if not comment:
            raise UserError(_("Write a comment to acknowledge the appraisal."))
        # employees have no write access on appraisals: sudo writes only the two
        # acknowledgement fields of their own confirmed appraisal (checked above)
        record = self.sudo()
        record.write({"employee_comment": comment, "acknowledged_date": fields.Datetime.now()})
        record.message_post(body=_("Acknowledged by the employee: %(comment)s", comment=comment),
                            author_id=self.env.user.partner_id.id)
        record.activity_ids.filtered(lambda a: a.user_id == self.env.user).action_feedback(feedback=comment)
        return True

    def action_view_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_contract_risk.action_hr_kpi_feedback")
        action["domain"] = [("appraisal_id", "=", self.id)]
        action["context"] = {"default_appraisal_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Helpers shared with the decline cron and the renewal review
    # ------------------------------------------------------------------

    @api.model
    def _hrcr_periods(self, domain):
        """Confirmed periods as engine ``Period`` objects per employee id, with
        two queries whatever the number of appraisals."""
        rows = self.search_read(domain, ["employee_id", "date_start", "total_score"], order="date_start")
        lines = self.env["hr.kpi.appraisal.line"].search_read(
            [("appraisal_id", "in", [r["id"] for r in rows])],
            ["appraisal_id", "name", "completion", "watch_decline"])
        kpis, watched = {}, {}
        for line in lines:
            app_id = line["appraisal_id"][0]
            kpis.setdefault(app_id, {})[line["name"]] = line["completion"]
            if line["watch_decline"]:
                watched.setdefault(app_id, set()).add(line["name"])
        periods = {}
        for row in rows:
            periods.setdefault(row["employee_id"][0], []).append(ap.Period(
                key=row["id"], date_start=row["date_start"], total_score=row["total_score"],
                kpis=kpis.get(row["id"], {}), watched=frozenset(watched.get(row["id"], ()))))
        return periods

    @api.model
    def _hrcr_confirmed_scores(self, employee_ids, date_from, date_to):
        """{employee id: [(period end, total score)]} of the confirmed appraisals whose period ends from
        ``date_from`` to ``date_to``: one query (other features, e.g. the attrition risk, read them)."""
        rows = self.search_read([
            ("employee_id", "in", list(employee_ids)), ("state", "=", "confirmed"),
            ("date_end", ">=", date_from), ("date_end", "<=", date_to),
        ], ["employee_id", "date_end", "total_score"])
        out = {}
        for row in rows:
            if row["date_end"]:
                out.setdefault(row["employee_id"][0], []).append((row["date_end"], row["total_score"] or 0.0))
        return out

    @api.model
    def _hrcr_confirmed_periods(self, employee_ids):
        """{employee id: [(period start, total score)]} of all confirmed appraisals, oldest first: one
        query (the training effect, ``hr.training.record``)."""
        out = {}
        for row in self.search_read([("employee_id", "in", list(employee_ids)), ("state", "=", "confirmed")],
                                    ["employee_id", "date_start", "total_score"], order="date_start"):
            out.setdefault(row["employee_id"][0], []).append((row["date_start"], row["total_score"] or 0.0))
        return out

    @api.model
    def _hrcr_kpi_completions(self, employee_ids, periods):
        """{employee id: [(period start, KPI name, completion %)]} of the KPI lines of each employee's
        latest ``periods`` confirmed appraisals: two queries (the training recommendation)."""
        apps = self.search_read([("employee_id", "in", list(employee_ids)), ("state", "=", "confirmed")],
                                ["employee_id", "date_start"], order="date_start desc")
        keep, seen = {}, {}
        for row in apps:
            emp = row["employee_id"][0]
            if seen.get(emp, 0) < periods:
                seen[emp] = seen.get(emp, 0) + 1
                keep[row["id"]] = (emp, row["date_start"])
        out = {}
        lines = self.env["hr.kpi.appraisal.line"].search_read(
            [("appraisal_id", "in", list(keep))], ["appraisal_id", "name", "completion"])
        for line in lines:
            emp, start = keep[line["appraisal_id"][0]]
            out.setdefault(emp, []).append((start, line["name"], line["completion"]))
        return out

    @api.model
    def _hrcr_employee_history_action(self, employee_id):
        """Score history of one employee: graph first, then list (record rules apply)."""
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_contract_risk.action_hr_kpi_appraisal_history")
        action["domain"] = [("employee_id", "=", employee_id)]
        action["context"] = {"default_employee_id": employee_id}
        return action

    @api.model
    def get_import_templates(self):
        return [{
            "label": _("Import Template for Historic Appraisals"),
            "template": "/hr_contract_risk/static/xls/hr_kpi_appraisal.xlsx",
        }]
