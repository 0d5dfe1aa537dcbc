"""KPI appraisals: one competency rating of a 360 feedback."""

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError


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
