"""KPI appraisals: 360 feedback on an appraisal."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import appraisal as ap


class HrKpiFeedback(models.Model):
    """One reviewer's 360 feedback on one appraisal.

    Confidentiality: the appraised employee never reads other reviewers' rows
    (record rules); only the reviewer writes the ratings and comment (checked
    here, whatever the access rights, so that even HR cannot put words in a
    reviewer's mouth); managers invite reviewers for their team.
    """

    _name = "hr.kpi.feedback"
    _description = "360 Feedback"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "appraisal_id, relationship, id"

    appraisal_id = fields.Many2one("hr.kpi.appraisal", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True, index=True, string="Appraised")
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, index=True)
    period_label = fields.Char(related="appraisal_id.period_label", string="Period")
    appraisal_state = fields.Selection(related="appraisal_id.state", string="Appraisal Status")
    reviewer_user_id = fields.Many2one("res.users", string="Reviewer", required=True, index=True,
                                       default=lambda self: self.env.user)
    relationship = fields.Selection(
        [("manager", "Manager"), ("peer", "Peer"), ("subordinate", "Subordinate"), ("self", "Self")],
        required=True, default="peer")
    line_ids = fields.One2many("hr.kpi.feedback.line", "feedback_id", string="Ratings")
    comment = fields.Text()
    state = fields.Selection([("draft", "To Fill"), ("submitted", "Submitted")], default="draft", required=True,
                             index=True)
    submitted_date = fields.Datetime(readonly=True)
    score = fields.Float(aggregator="avg", compute="_compute_score", store=True, digits=(5, 1),
                         help="Mean rating r (1-5) mapped to r / 5 x 100.")
    rated = fields.Boolean(compute="_compute_score", store=True)
    is_reviewer = fields.Boolean(compute="_compute_is_reviewer")

    _sql_constraints = [
        ("reviewer_unique", "unique(appraisal_id, reviewer_user_id)", "A reviewer gives one feedback per appraisal."),
    ]

    @api.depends("line_ids.rating")
    def _compute_score(self):
        for fb in self:
            score = ap.feedback_score([int(r) for r in fb.line_ids.mapped("rating") if r])
            fb.score = score or 0.0
            fb.rated = score is not None

    @api.depends_context("uid")
    def _compute_is_reviewer(self):
        for fb in self:
            fb.is_reviewer = fb.reviewer_user_id == self.env.user

    _REVIEWER_FIELDS = frozenset({"comment", "state", "submitted_date"})

    def _hrcr_check_can_edit(self, vals=None):
        if self.env.su:
            return
        # sudo: the appraisal's state only; a plain-employee reviewer has no read access to the appraisal
        for fb in self.sudo():
            if fb.appraisal_id.state == "confirmed":
                raise UserError(_("The appraisal is confirmed: its 360 feedback can no longer be changed."))
        if vals is not None and set(vals) & self._REVIEWER_FIELDS and any(
                fb.reviewer_user_id != self.env.user for fb in self):
            raise AccessError(_("Only the reviewer can fill in or submit their own 360 feedback."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            filled = vals.get("comment") or vals.get("state", "draft") != "draft"
            if filled and not self.env.su and vals.get("reviewer_user_id", self.env.uid) != self.env.uid:
                raise AccessError(_("Only the reviewer can fill in or submit their own 360 feedback."))
        feedbacks = super().create(vals_list)
        feedbacks._hrcr_check_can_edit()
        feedbacks._hrcr_add_competency_lines()
        return feedbacks

    def write(self, vals):
        self._hrcr_check_can_edit(vals)
        if not self.env.su:
            if "reviewer_user_id" in vals and any(fb.state == "submitted" for fb in self):
                raise UserError(_("A submitted feedback cannot change reviewer."))
            if "state" in vals or "submitted_date" in vals:
                raise UserError(_("A 360 feedback is submitted or reopened only through its buttons."))
            if any(fb.state == "submitted" for fb in self) and not all(
                    f.startswith(("message_", "activity_")) or f == "has_message" for f in vals):
                raise UserError(_("This 360 feedback is submitted: reopen it to change it."))
            if vals.get("appraisal_id") and self.env["hr.kpi.appraisal"].sudo().browse(
                    vals["appraisal_id"]).state == "confirmed":
                raise UserError(_("The appraisal is confirmed: its 360 feedback can no longer be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unlocked(self):
        self._hrcr_check_can_edit()
        if any(fb.state == "submitted" for fb in self) and not self.env.su:
            raise UserError(_("Submitted 360 feedback cannot be deleted."))

    def _hrcr_add_competency_lines(self):
        """Give each new feedback one empty rating per competency of the template
        (or every active competency).  Runs as superuser: the inviter is not the
        reviewer, and the lines carry no rating yet."""
        # sudo: see docstring (the inviter is not the reviewer)
        default = self.env["hr.kpi.competency"].sudo().search([])
        vals = []
        # sudo: see docstring
        for fb in self.sudo():
            if fb.line_ids:
                continue
            competencies = fb.appraisal_id.template_id.competency_ids or default.filtered(
                lambda c, company=fb.company_id: not c.company_id or c.company_id == company)
            vals += [{"feedback_id": fb.id, "competency_id": c.id} for c in competencies]
        if vals:
            # sudo: see docstring (empty rating lines on the reviewer's row)
            self.env["hr.kpi.feedback.line"].sudo().create(vals)

    def action_submit(self):
        for fb in self:
            if fb.reviewer_user_id != self.env.user:
                raise AccessError(_("Only the reviewer can submit their own 360 feedback."))
            if not fb.line_ids or any(not line.rating for line in fb.line_ids):
                raise UserError(_("Rate every competency from 1 to 5 before submitting."))
        self._hrcr_check_can_edit()
        # sudo: the transition checked above (the user is the reviewer, every competency rated)
        self.sudo().write({"state": "submitted", "submitted_date": fields.Datetime.now()})
        # sudo: closes only the reviewer's own to-do (filtered), whatever the reviewer's rights on the thread
        self.activity_ids.filtered(lambda a: a.user_id == self.env.user).sudo().action_done()
        return True

    def action_reopen(self):
        for fb in self:
            if fb.reviewer_user_id != self.env.user:
                raise AccessError(_("Only the reviewer can reopen their own 360 feedback."))
        self._hrcr_check_can_edit()
        self.sudo().write({"state": "draft"})  # sudo: the transition checked above
        return True

    def action_request(self):
        """Ask the reviewers by a to-do activity (no individual queries per reviewer)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        vals = [{
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": fb.id,
            "activity_type_id": todo.id,
            "user_id": fb.reviewer_user_id.id,
            # sudo: the appraisal's name only, for the summary, whatever the requester's appraisal rules
            "summary": self.env._("360 feedback for %(name)s", name=fb.appraisal_id.sudo().display_name),
        } for fb in self.filtered(lambda f: f.state == "draft")]
        if vals:
            # activities on the reviewer's own row: the requester may lack read access to it later
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(vals)
        return True
