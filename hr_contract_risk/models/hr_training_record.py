"""Training recommendation: the training offered to an employee, its dates, attendance proof and result."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..engine import bounds
from ..engine import training as tr
from .hrcr_bounds import bounds_error

NEED_SELECTION = [(key, tr.NEED_LABELS[key]) for key in tr.NEED_KINDS]
#: what may still change once the record is done or cancelled (the chatter and its activities only)
MAIL_FIELDS = frozenset({
    "message_follower_ids", "message_ids", "activity_ids", "message_main_attachment_id", "activity_state",
    "activity_user_id", "activity_type_id", "activity_date_deadline", "activity_summary",
})


class HrTrainingRecord(models.Model):
    """One training offered to one employee (LCL Art. 40(2): training before incompetence counts).

    Planned, then done (with the completion date, the attendance proof and the result: an ``hr_skills``
    resume line of type *Training* is added) or cancelled. Done and cancelled records are frozen: every
    field refuses writes, from every user, and the transitions check first, then write with ``sudo()``.
    After the course, the confirmed appraisals before and after it are compared (``engine.training.effect``);
    a renewal review citing LCL 40(2) lists the done records as its evidence.

    HR officers work all records of their companies; a manager reads, offers and completes them for their
    team (never their own); the employee sees none (security/hr_training_record_security.xml).
    """

    _name = "hr.training.record"
    _description = "Training Record"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "offer_date desc, id desc"
    _rec_names_search = ["employee_id", "course_name"]
    _mail_post_access = "read"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade", tracking=True,
                                  domain="[('company_id', 'in', allowed_company_ids)]")
    company_id = fields.Many2one(related="employee_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True, string="Department")
    course_id = fields.Many2one("hr.training.course", ondelete="restrict", tracking=True,
                                help="A course of the addon's catalog (courses that exist nowhere else).")
    course_name = fields.Char(string="Training", compute="_compute_course_name", store=True, readonly=False,
                              precompute=True, required=True, tracking=True)
    need_kind = fields.Selection(NEED_SELECTION, string="Need", help="What the recommendation answered.")
    reason = fields.Text(help="Why the course was recommended: the needs it answers, as shown when offered.")
    offer_date = fields.Date(string="Offered on", required=True, default=fields.Date.context_today, tracking=True)
    date_start = fields.Date(string="Planned start", tracking=True)
    date_end = fields.Date(string="Planned end", tracking=True)
    done_date = fields.Date(string="Completed on", tracking=True,
                            help="The day the employee completed the training; appraisals of periods starting "
                            "on or after it count as 'after the training' (LCL Art. 40(2)).")
    state = fields.Selection([("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
                             default="planned", required=True, readonly=True, tracking=True, index=True)
    result = fields.Selection([("passed", "Passed"), ("attended", "Attended"), ("failed", "Failed")],
                              tracking=True)
    result_note = fields.Text(string="Result details")
    proof_attachment_ids = fields.Many2many(
        "ir.attachment", "hr_training_record_proof_rel", "record_id", "attachment_id", string="Attendance proof",
        help="Sign-in sheet, certificate or the trainer's attendance list: required to mark the training done.")
    talk_log_id = fields.Many2one("hr.talk.log", string="Offer talk log", readonly=True, ondelete="set null",
                                  help="The recorded training offer (talk log of kind 'Training Offer').")
    resume_line_id = fields.Many2one("hr.resume.line", string="Resume line", readonly=True, ondelete="set null")
    # before / after (engine.training.effect), HR and the manager only (the model's audience)
    before_average = fields.Float(string="Score before", compute="_compute_effect", digits=(5, 1),
                                  help="Average total score of the last two confirmed appraisals before it.")
    after_average = fields.Float(string="Score after", compute="_compute_effect", digits=(5, 1),
                                 help="Average total score of the first two confirmed appraisals after it.")
    effect_delta = fields.Float(string="Effect", compute="_compute_effect", digits=(5, 1))
    after_count = fields.Integer(string="Appraisals after", compute="_compute_effect")
    still_below = fields.Boolean(string="Still below target after it", compute="_compute_effect",
                                 help="Every confirmed appraisal after the training is below the decline "
                                 "threshold: the second half of the LCL Art. 40(2) evidence.")
    effect_summary = fields.Char(compute="_compute_effect")

    # ------------------------------------------------------------------ computes
    @api.depends("course_id")
    def _compute_course_name(self):
        for rec in self:
            if rec.course_id:
                rec.course_name = rec.course_id.name

    @api.depends("employee_id", "course_name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = "%s: %s" % (rec.employee_id.name or "", rec.course_name or "")

    @api.depends("done_date", "state", "employee_id")
    def _compute_effect(self):
        done = self.filtered(lambda r: r.state == "done" and r.done_date)
        # sudo: the appraisal totals of the record's employee only (a manager reads them for the team anyway)
        periods = self.env["hr.kpi.appraisal"].sudo()._hrcr_confirmed_periods(done.employee_id.ids) if done else {}
        for rec in self:
            rec.before_average = rec.after_average = rec.effect_delta = 0.0
            rec.after_count = 0
            rec.still_below = False
            rec.effect_summary = False
            if rec not in done:
                continue
            eff = tr.effect(periods.get(rec.employee_id.id, []), rec.done_date,
                            rec.employee_id.company_id.hrcr_decline_threshold)
            rec.before_average = eff.before_average or 0.0
            rec.after_average = eff.after_average or 0.0
            rec.effect_delta = eff.delta or 0.0
            rec.after_count = eff.after_count
            rec.still_below = eff.still_below
            if not eff.after_count:
                rec.effect_summary = self.env._("No confirmed appraisal after the training yet.")
            elif eff.delta is None:
                rec.effect_summary = self.env._("%(after)s after it; no appraisal before it to compare.",
                                                after="%.1f" % eff.after_average)
            else:
                rec.effect_summary = self.env._(
                    "%(before)s before, %(after)s after (%(delta)s)%(below)s",
                    before="%.1f" % eff.before_average, after="%.1f" % eff.after_average,
                    delta="%+.1f" % eff.delta,
                    below=self.env._(": still below target after it") if eff.still_below else "")

    # ------------------------------------------------------------------ constraints
    @api.constrains("offer_date", "date_start", "date_end", "done_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for rec in self:
            for fname in ("offer_date", "date_start", "date_end", "done_date"):
                try:
                    bounds.check_date(fname, rec[fname], today, self._fields[fname]._description_string(self.env))
                except bounds.BoundsError as err:
                    raise bounds_error(self.env, err) from None
            if rec.date_start and rec.date_end and rec.date_end < rec.date_start:
                raise ValidationError(self.env._(
                    "%(end)s (%(value)s) must be on or after %(start)s (%(bound)s).",
                    end=self._fields["date_end"]._description_string(self.env), value=rec.date_end,
                    start=self._fields["date_start"]._description_string(self.env), bound=rec.date_start))
            if rec.done_date and rec.done_date > today:
                raise ValidationError(self.env._(
                    "%(field)s (%(value)s) cannot be in the future (today is %(today)s).",
                    field=self._fields["done_date"]._description_string(self.env), value=rec.done_date,
                    today=today))
            if rec.done_date and rec.done_date < rec.offer_date:
                raise ValidationError(self.env._(
                    "%(field)s (%(value)s) must be on or after %(offer)s (%(bound)s).",
                    field=self._fields["done_date"]._description_string(self.env), value=rec.done_date,
                    offer=self._fields["offer_date"]._description_string(self.env), bound=rec.offer_date))

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su and (vals.get("state", "planned") != "planned" or vals.get("resume_line_id")
                                    or vals.get("talk_log_id")):
                raise UserError(self.env._("A training record starts as planned; use Mark Done once it took place."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if {"state", "resume_line_id", "talk_log_id"} & set(vals):
                raise UserError(self.env._(
                    "The status of a training record changes through its buttons (Mark Done, Cancel)."))
            frozen = self.filtered(lambda r: r.state != "planned")
            if frozen and set(vals) - MAIL_FIELDS:
                raise UserError(self.env._(
                    "%(record)s is %(state)s: it is evidence (LCL Art. 40(2)) and can no longer be changed.",
                    record=frozen[0].display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[frozen[0].state]))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_planned(self):
        if self.filtered(lambda r: r.state != "planned"):
            raise UserError(self.env._(
                "A done or cancelled training is evidence of the offer (LCL Art. 40(2)) and cannot be deleted."))

    # ------------------------------------------------------------------ actions
    def action_mark_done(self):
        """Planned -> done: needs the completion date, the attendance proof and the result; adds the
        ``hr_skills`` resume line (type Training) and closes the follow-up to-do."""
        line_type = self.env.ref("hr_contract_risk.resume_type_training", raise_if_not_found=False)
        for rec in self:
            if rec.state != "planned":
                raise UserError(self.env._("Only a planned training can be marked done."))
            missing = [self._fields[f]._description_string(self.env) for f in rec._hrcr_done_required() if not rec[f]]
            if missing:
                raise UserError(self.env._("To mark %(record)s done, fill in: %(fields)s.",
                                           record=rec.display_name, fields=", ".join(missing)))
            line = rec._hrcr_resume_line(line_type)
            rec.sudo().write({"state": "done", "resume_line_id": line.id})
            rec.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def _hrcr_done_required(self):
        """The fields a training needs before it is done (extension point: the eLearning bridge)."""
        return ("done_date", "proof_attachment_ids", "result")

    def _hrcr_resume_line(self, line_type):
        """The ``hr_skills`` resume line recording the completed training (extension point)."""
        self.ensure_one()
        # sudo: resume lines are HR data; the manager completing the training records it through here
        return self.env["hr.resume.line"].sudo().create({
            "employee_id": self.employee_id.id, "name": self.course_name,
            "date_start": min(self.date_start or self.done_date, self.done_date), "date_end": self.done_date,
            "line_type_id": line_type.id if line_type else False,
            "description": self.result_note or False,
        })

    def action_cancel(self):
        for rec in self:
            if rec.state != "planned":
                raise UserError(self.env._("Only a planned training can be cancelled."))
            rec.sudo().write({"state": "cancelled"})
            rec.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    # ------------------------------------------------------------------ business methods
    @api.model
    def _hrcr_records(self, employee_ids, states=("planned", "done")):
        """{employee id: [records]} (one query; other features, e.g. the renewal review, read them)."""
        ids = {}
        for rec in self.search([("employee_id", "in", list(employee_ids)), ("state", "in", list(states))],
                               order="offer_date, id"):
            ids.setdefault(rec.employee_id.id, []).append(rec.id)
        return {emp: self.browse(rec_ids) for emp, rec_ids in ids.items()}

    @api.model
    def _hrcr_course_catalog(self, company):
        """The courses the recommendation may suggest to an employee of ``company``, as
        ``engine.training.Course``: the addon's catalog (extended by the eLearning bridge)."""
        return self.env["hr.training.course"].sudo().search(
            [("company_id", "in", (False, company.id))])._hrcr_courses()

    @api.model
    def _hrcr_course_values(self, key):
        """The record's values for a course key of ``_hrcr_course_catalog``."""
        model, res_id = key
        if model == "hr.training.course":
            return {"course_id": res_id}
        raise UserError(self.env._("Unknown course %(course)s.", course=key))

    def _hrcr_course_key(self):
        self.ensure_one()
        return ("hr.training.course", self.course_id.id) if self.course_id else ("name", self.course_name)

    @api.model
    def _hrcr_evidence(self, employee_ids, date_from, date_to):
        """{employee id: {"offers": [offer date], "done": [(done date, course name)]}} of the records offered
        from ``date_from`` to ``date_to`` (the renewal review's LCL 40(2) evidence, ``ids``: the records):
        one query."""
        out = {}
        for rec in self.search([("employee_id", "in", list(employee_ids)), ("state", "!=", "cancelled"),
                                ("offer_date", ">=", date_from), ("offer_date", "<=", date_to)],
                               order="offer_date, id"):
            entry = out.setdefault(rec.employee_id.id, {"offers": [], "done": [], "ids": []})
            entry["offers"].append(rec.offer_date)
            entry["ids"].append(rec.id)
            if rec.state == "done" and rec.done_date and rec.done_date <= date_to:
                entry["done"].append((rec.done_date, rec.course_name))
        return out
