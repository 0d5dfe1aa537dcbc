"""Training recommendation: the ranked courses for one employee, each with its reason, and "Offer training".

Suggestions, not decisions: offering creates a planned training record, the talk log of the offer (LCL
Art. 40(2) evidence) and a follow-up to-do; nothing else changes.
"""

from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import bounds
from ..models.hr_training_record import NEED_SELECTION
from ..models.hrcr_bounds import bounds_error
from ..models.rendering import render_msg

FOLLOW_UP_DAYS = 30


class HrTrainingWizard(models.TransientModel):
    _name = "hr.training.wizard"
    _description = "Training recommendation"

    employee_id = fields.Many2one("hr.employee", required=True, readonly=True)
    date_start = fields.Date(string="Planned start", default=fields.Date.context_today)
    date_end = fields.Date(string="Planned end")
    line_ids = fields.One2many("hr.training.wizard.line", "wizard_id", string="Suggested trainings", readonly=True)
    unanswered = fields.Text(string="Needs no course answers", readonly=True,
                             help="Add a course answering them to the Training Catalog (Employees > Configuration > "
                             "Contract Risk) or, with the eLearning app, to a course's keywords.")
    has_lines = fields.Boolean(compute="_compute_has_lines")

    @api.depends("line_ids")
    def _compute_has_lines(self):
        for wizard in self:
            wizard.has_lines = bool(wizard.line_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("employee_id"):
                self._hrcr_check_audience(self.env["hr.employee"].browse(vals["employee_id"]))
        wizards = super().create(vals_list)
        wizards._hrcr_build_lines()
        return wizards

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            for fname in ("date_start", "date_end"):
                try:
                    bounds.check_date(fname, wizard[fname], today, self._fields[fname]._description_string(self.env))
                except bounds.BoundsError as err:
                    raise bounds_error(self.env, err) from None

    # ------------------------------------------------------------------ business methods
    @api.model
    def _hrcr_check_audience(self, employee):
        """HR officers, or the employee's manager (``hr.employee._hrcr_is_recommendation_audience``)."""
        if not employee._hrcr_is_recommendation_audience():
            raise AccessError(self.env._(
                "Only HR officers and the manager of %(employee)s can see the training recommended for them.",
                employee=employee.sudo().name))

    def _hrcr_build_lines(self):
        for wizard in self:
            suggestions, _needs, unanswered = wizard.employee_id._hrcr_training_suggestions()[wizard.employee_id.id]
            commands = [Command.clear()]
            for rank, sug in enumerate(suggestions, 1):
                commands.append(Command.create({
                    "sequence": rank,
                    "course_ref": "%s,%s" % sug.course.key,
                    "course_name": sug.course.name,
                    "score": round(100.0 * sug.score, 1),
                    "need_kind": sug.needs[0].kind,
                    "reason": "\n".join(render_msg(self.env, n.msg) for n in sug.needs),
                    "completed_before": sug.completed_before,
                }))
            wizard.write({
                "line_ids": commands,
                "unanswered": "\n".join(render_msg(self.env, n.msg) for n in unanswered) or False,
            })

    def _hrcr_assignee(self):
        return self.employee_id._hrcr_follow_up_user()


class HrTrainingWizardLine(models.TransientModel):
    _name = "hr.training.wizard.line"
    _description = "Training recommendation: suggested course"
    _order = "sequence"

    wizard_id = fields.Many2one("hr.training.wizard", required=True, ondelete="cascade")
    sequence = fields.Integer()
    course_ref = fields.Char(required=True)
    course_name = fields.Char(string="Course", readonly=True)
    score = fields.Float(string="Relevance", digits=(5, 1), readonly=True,
                         help="The sum of the needs it answers, each from 0 to 100 (100: the worst shortfall).")
    need_kind = fields.Selection(NEED_SELECTION, string="Main need", readonly=True)
    reason = fields.Text(readonly=True)
    completed_before = fields.Boolean(string="Taken before", readonly=True)

    def action_offer(self):
        """Offer training: a planned training record, the talk log of the offer and a follow-up to-do."""
        self.ensure_one()
        wizard = self.wizard_id
        employee = wizard.employee_id
        wizard._hrcr_check_audience(employee)
        model, res_id = self.course_ref.split(",", 1)
        key = (model, int(res_id) if res_id.isdigit() else res_id)
        Record = self.env["hr.training.record"]
        if Record.search_count([("employee_id", "=", employee.id), ("state", "=", "planned")]
                               + [(fname, "=", value) for fname, value in Record._hrcr_course_values(key).items()]):
            raise UserError(self.env._("%(course)s is already planned for %(employee)s.",
                                       course=self.course_name, employee=employee.name))
        record = Record.create({
            "employee_id": employee.id, "date_start": wizard.date_start, "date_end": wizard.date_end,
            "need_kind": self.need_kind, "reason": self.reason, "course_name": self.course_name,
            **Record._hrcr_course_values(key),
        })
        log = self.env["hr.talk.log"].create({
            "employee_id": employee.id, "kind": "training_offer",
            "name": self.env._("Training offer: %(course)s", course=self.course_name),
            "content": self.env._("Offered the training %(course)s (LCL Art. 40(2)). Why:\n%(reason)s",
                                  course=self.course_name, reason=self.reason or ""),
            "course_id": record.course_id.id,
        })
        record.sudo().write({"talk_log_id": log.id})
        user = wizard._hrcr_assignee()
        deadline = (wizard.date_end or fields.Date.context_today(self) + timedelta(days=FOLLOW_UP_DAYS))
        # sudo: the HR responsible is notified even when a manager offers the training
        record.sudo().activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=deadline, user_id=user.id,
            summary=self.env._("Training follow-up: %(course)s", course=self.course_name),
            note=self.env._("Once %(employee)s has completed it, attach the attendance proof, record the result "
                            "and mark it done; the next appraisals show its effect.", employee=employee.name))
        return {"type": "ir.actions.act_window", "res_model": "hr.training.record", "res_id": record.id,
                "view_mode": "form", "target": "current", "name": record.display_name}
