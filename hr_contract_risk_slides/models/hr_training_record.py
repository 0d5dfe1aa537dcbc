"""eLearning bridge: training records of eLearning courses (``slide.channel``).

Offering one enrols the employee's user in the course; completing the course in eLearning marks the record
done, the completion standing for the attendance proof, and reuses the resume line ``hr_skills_slides`` adds.
"""

from odoo import api, fields, models

SLIDES = "slide.channel"


class HrTrainingRecord(models.Model):
    _inherit = "hr.training.record"

    slide_channel_id = fields.Many2one(
        "slide.channel", string="eLearning course", ondelete="restrict", tracking=True, index="btree_not_null",
        domain="[('is_published', '=', True)]",
        help="A course of the eLearning app: offering it enrols the employee's user; completing it there marks "
        "the training done, the completion being the attendance proof (LCL Art. 40(2)).")

    # ------------------------------------------------------------------ computes
    @api.depends("slide_channel_id")
    def _compute_course_name(self):
        res = super()._compute_course_name()
        for rec in self:
            if rec.slide_channel_id:
                rec.course_name = rec.slide_channel_id.name
        return res

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.filtered("slide_channel_id")._hrcr_slides_enrol()
        return records

    def write(self, vals):
        res = super().write(vals)
        if vals.get("slide_channel_id"):
            self.filtered(lambda r: r.state == "planned")._hrcr_slides_enrol()
        return res

    # ------------------------------------------------------------------ extension points of hr_contract_risk
    @api.model
    def _hrcr_course_catalog(self, company):
        """The addon's catalog and the published eLearning courses of ``company``: those of no website or
        of a website of that company (``slide.channel`` has no company of its own)."""
        # sudo: the catalog is read for the recommendation only, whoever opens it (the caller checks the audience)
        channels = self.env[SLIDES].sudo().search([
            ("is_published", "=", True), "|", ("website_id", "=", False), ("website_id.company_id", "=", company.id)])
        return super()._hrcr_course_catalog(company) + channels._hrcr_courses()

    @api.model
    def _hrcr_course_values(self, key):
        model, res_id = key
        if model == SLIDES:
            return {"slide_channel_id": res_id}
        return super()._hrcr_course_values(key)

    def _hrcr_course_key(self):
        self.ensure_one()
        if self.slide_channel_id:
            return (SLIDES, self.slide_channel_id.id)
        return super()._hrcr_course_key()

    def _hrcr_done_required(self):
        """The eLearning completion is the attendance proof: no scanned sign-in sheet for such a record."""
        required = super()._hrcr_done_required()
        if self and all(rec.slide_channel_id for rec in self):
            return tuple(fname for fname in required if fname != "proof_attachment_ids")
        return required

    def _hrcr_resume_line(self, line_type):
        """The resume line ``hr_skills_slides`` added when the course was completed; only if there is none
        (HR marks it done before eLearning does), one like the addon's, of the same kind as ``hr_skills_slides``'s
        so that a later eLearning completion finds it instead of adding a second."""
        self.ensure_one()
        if not self.slide_channel_id:
            return super()._hrcr_resume_line(line_type)
        # sudo: resume lines are HR data; the employee completing the course (or their manager) records it here
        Line = self.env["hr.resume.line"].sudo()
        line = Line.search([("employee_id", "=", self.employee_id.id), ("channel_id", "=", self.slide_channel_id.id),
                            ("display_type", "=", "course")], order="id desc", limit=1)
        if line:
            return line
        slides_type = self.env.ref("hr_skills_slides.resume_type_training", raise_if_not_found=False)
        line = super()._hrcr_resume_line(slides_type or line_type)
        line.write({"display_type": "course", "channel_id": self.slide_channel_id.id})
        return line

    # ------------------------------------------------------------------ business methods
    def _hrcr_slides_enrol(self):
        """Enrol the employee's user in the eLearning course of each record; a note says why when not."""
        for rec in self:
            employee = rec.employee_id.sudo()
            channel = rec.slide_channel_id.sudo()
            partner = employee.user_id.partner_id
            if not partner:
                rec.message_post(subtype_xmlid="mail.mt_note", body=self.env._(
                    "%(employee)s has no user, so they cannot be enrolled in the eLearning course %(course)s. Give "
                    "them a user and add them to the course's attendees: completing it then marks this training "
                    "done.", employee=employee.name, course=channel.name))
                continue
            membership = self.env["slide.channel.partner"].sudo().search(
                [("channel_id", "=", channel.id), ("partner_id", "=", partner.id)], limit=1)
            if membership.member_status == "completed":
                rec.message_post(subtype_xmlid="mail.mt_note", body=self.env._(
                    "%(employee)s had already completed the eLearning course %(course)s before this offer; eLearning "
                    "records no second completion, so mark this training done once it took place.",
                    employee=employee.name, course=channel.name))
                continue
            # sudo: offering the training enrols the employee, even in a course on invitation and when the
            # offering manager is no eLearning officer (the audience was checked by the offer)
            channel._action_add_members(partner)
            rec.message_post(subtype_xmlid="mail.mt_note", body=self.env._(
                "%(employee)s is enrolled in the eLearning course %(course)s: completing it there marks this "
                "training done.", employee=employee.name, course=channel.name))

    @api.model
    def _hrcr_slides_completed(self, memberships):
        """Mark done the planned records of the employees and courses of ``memberships`` (just completed):
        completed today, passed, the completion standing for the attendance proof."""
        pairs = {(m.partner_id.id, m.channel_id.id) for m in memberships}
        # sudo: the employee completing the course cannot read training records; the eLearning completion is
        # the fact that completes them, through the record's own transition (action_mark_done)
        records = self.sudo().search([
            ("state", "=", "planned"), ("slide_channel_id", "in", memberships.channel_id.ids),
            ("employee_id.user_id.partner_id", "in", memberships.partner_id.ids)])
        for rec in records:
            if (rec.employee_id.user_id.partner_id.id, rec.slide_channel_id.id) not in pairs:
                continue
            today = fields.Date.context_today(rec)
            if rec.offer_date > today:
                continue
            rec.write({
                "done_date": today, "result": "passed",
                "result_note": rec.result_note or self.env._(
                    "Completed in the eLearning app: the course completion is the attendance proof."),
            })
            rec.action_mark_done()
        return records
