"""KPI appraisals: one competency rating of a 360 feedback."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import appraisal as ap


class HrKpiFeedbackLine(models.Model):
    _name = "hr.kpi.feedback.line"
    _description = "360 Feedback Rating"
    _order = "feedback_id, competency_id"

    feedback_id = fields.Many2one("hr.kpi.feedback", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="feedback_id.company_id", store=True)
    competency_id = fields.Many2one("hr.kpi.competency", required=True, ondelete="restrict")
    rating = fields.Selection(
        [("1", "1 - Far below expectations"), ("2", "2 - Below expectations"), ("3", "3 - Meets expectations"),
         ("4", "4 - Above expectations"), ("5", "5 - Outstanding")])

    def _hrcr_check_reviewer(self):
        if self.env.su:
            return
        for line in self:
            fb = line.feedback_id
            if fb.reviewer_user_id != self.env.user:
                raise AccessError(_("Only the reviewer can rate in their own 360 feedback."))
            # sudo: the appraisal's state only; a plain-employee reviewer cannot read the appraisal
            if fb.appraisal_id.sudo().state == "confirmed" or fb.state == "submitted":
                raise UserError(_("This 360 feedback is submitted or its appraisal confirmed: ratings are locked."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._hrcr_check_reviewer()
        return lines

    def write(self, vals):
        if "feedback_id" in vals and not self.env.su:
            raise UserError(_("A rating belongs to its 360 feedback: it cannot be moved."))
        self._hrcr_check_reviewer()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_reviewer(self):
        self._hrcr_check_reviewer()

    @api.model
    def _hrcr_competency_averages(self, appraisal_ids):
        """{employee id: [(competency id, name, average rating)]} over the submitted 360 ratings of other
        reviewers (never the employee's self-rating) in the given appraisals, keeping a competency only when
        at least ``MIN_REVIEWERS_SHOWN`` reviewers rated it (the 360 anonymity rule): two reads, no loop
        query (the training recommendation)."""
        feedbacks = {row["id"]: (row["employee_id"][0], row["reviewer_user_id"][0]) for row in
                     self.env["hr.kpi.feedback"].search_read(
                         [("appraisal_id", "in", list(appraisal_ids)), ("state", "=", "submitted"),
                          ("relationship", "!=", "self")], ["employee_id", "reviewer_user_id"])}
        by = {}
        for line in self.search_read([("feedback_id", "in", list(feedbacks)), ("rating", "!=", False)],
                                     ["feedback_id", "competency_id", "rating"]):
            emp, reviewer = feedbacks[line["feedback_id"][0]]
            entry = by.setdefault((emp, line["competency_id"][0]), {"name": line["competency_id"][1],
                                                                     "ratings": [], "reviewers": set()})
            entry["ratings"].append(int(line["rating"]))
            entry["reviewers"].add(reviewer)
        out = {}
        for (emp, competency), entry in sorted(by.items()):
            if len(entry["reviewers"]) >= ap.MIN_REVIEWERS_SHOWN:
                out.setdefault(emp, []).append(
                    (competency, entry["name"], sum(entry["ratings"]) / len(entry["ratings"])))
        return out
