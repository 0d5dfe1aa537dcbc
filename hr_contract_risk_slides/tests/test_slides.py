"""eLearning bridge (issue 12): the eLearning courses are offered by the training recommendation; offering
one enrols the employee's user, completing it in eLearning marks the training done (LCL Art. 40(2)
evidence) with the resume line hr_skills_slides adds, never a second; access as each real user."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.hr_contract_risk.tests.common import AppraisalCase

KEY_MODEL = "slide.channel"


@tagged("post_install", "-at_install")
class TestSlidesBridge(AppraisalCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Record = cls.env["hr.training.record"]
        cls.Channel = cls.env["slide.channel"]
        cls.channel = cls.make_channel("招商谈判实战技巧", hrcr_kpi_keywords="招商额, 谈判")
        cls.unpublished = cls.make_channel("招商额 draft course", hrcr_kpi_keywords="招商额", is_published=False)
        cls.company_b = cls.env["res.company"].create({"name": "Second Entity"})
        cls.website_b = cls.env["website"].create({"name": "Second site", "company_id": cls.company_b.id})
        cls.channel_b = cls.make_channel("招商额 for the second entity", hrcr_kpi_keywords="招商额",
                                         website_id=cls.website_b.id)
        # 王伟's 招商额完成率 (and every other KPI) completes at 50 % over the last three months: a weak KPI
        for months_ago in (1, 2, 3):
            cls.make_confirmed(cls.emp, months_ago, 50.0)
        cls.make_contract(cls.emp, cls.today - relativedelta(years=1), False, state="open",
                          hr_responsible_id=cls.user_hr.id)

    @classmethod
    def make_channel(cls, name, **vals):
        return cls.env["slide.channel"].create(dict({
            "name": name, "enroll": "invite", "is_published": True,
            "slide_ids": [Command.create({"name": "第一课", "slide_category": "article", "is_published": True,
                                          "html_content": "<p>招商谈判</p>"})],
        }, **vals))

    def offer(self, user, employee=None):
        wizard = self.env["hr.training.wizard"].with_user(user).create({"employee_id": (employee or self.emp).id})
        line = wizard.line_ids.filtered(lambda ln: ln.course_ref == "%s,%s" % (KEY_MODEL, self.channel.id))
        self.assertEqual(len(line), 1, "the eLearning course is suggested for the weak KPI")
        action = line.action_offer()
        return self.Record.browse(action["res_id"])

    def membership(self, partner, channel=None):
        return self.env["slide.channel.partner"].sudo().search(
            [("channel_id", "=", (channel or self.channel).id), ("partner_id", "=", partner.id)])

    def course_lines(self, employee=None):
        return self.env["hr.resume.line"].search([("employee_id", "=", (employee or self.emp).id),
                                                  ("channel_id", "=", self.channel.id)])

    # ------------------------------------------------------------------ catalog
    def test_catalog_offers_the_published_elearning_course_of_the_company(self):
        keys = {course.key for course in self.Record._hrcr_course_catalog(self.company)}
        self.assertIn((KEY_MODEL, self.channel.id), keys)
        self.assertIn(("hr.training.course", self.course.id), keys, "the addon's catalog stays")
        self.assertNotIn((KEY_MODEL, self.unpublished.id), keys, "an unpublished course is not offered")
        self.assertNotIn((KEY_MODEL, self.channel_b.id), keys, "another company's website course is not offered")
        self.assertIn((KEY_MODEL, self.channel_b.id),
                      {c.key for c in self.Record._hrcr_course_catalog(self.company_b)})

        wizard = self.env["hr.training.wizard"].with_user(self.user_hr).create({"employee_id": self.emp.id})
        line = wizard.line_ids.filtered(lambda ln: ln.course_ref == "%s,%s" % (KEY_MODEL, self.channel.id))
        self.assertEqual(line.course_name, "招商谈判实战技巧")
        self.assertEqual(line.need_kind, "kpi")
        self.assertIn("招商额完成率", line.reason)

    def test_catalog_key_round_trips(self):
        # no appraisal, no ranking: the key the catalog gives, as the wizard line carries it, back to a record
        for key in ((KEY_MODEL, self.channel.id), ("hr.training.course", self.course.id)):
            model, res_id = ("%s,%s" % key).split(",", 1)
            self.assertEqual((model, int(res_id)), key)
            values = self.Record._hrcr_course_values(key)
            record = self.Record.with_user(self.user_hr).create({"employee_id": self.emp_other.id, **values})
            self.assertEqual(record._hrcr_course_key(), key)
        self.assertEqual(self.Record._hrcr_course_values((KEY_MODEL, self.channel.id)),
                         {"slide_channel_id": self.channel.id})
        with self.assertRaises(UserError):
            self.Record._hrcr_course_values(("survey.survey", 1))

    # ------------------------------------------------------------------ offer
    def test_offer_by_the_manager_enrols_the_employee_user(self):
        # 张敏 is a plain internal user, no eLearning officer, and the course is on invitation
        self.assertFalse(self.channel.with_user(self.user_manager).has_access("write"))
        record = self.offer(self.user_manager)
        self.assertEqual(record.slide_channel_id, self.channel)
        self.assertFalse(record.course_id)
        self.assertEqual(record.course_name, "招商谈判实战技巧", "the name comes from the eLearning course")
        self.assertEqual(record.state, "planned")
        self.assertEqual(record.talk_log_id.kind, "training_offer")
        self.assertEqual(self.membership(self.user_emp.partner_id).member_status, "joined")
        self.assertIn("is enrolled", record.message_ids.mapped("body")[0])
        # offered once: the suggestion is left out while planned, and a second offer is refused
        wizard = self.env["hr.training.wizard"].with_user(self.user_manager).create({"employee_id": self.emp.id})
        self.assertNotIn("%s,%s" % (KEY_MODEL, self.channel.id), wizard.line_ids.mapped("course_ref"))

    def test_employee_without_user_is_not_enrolled(self):
        before = self.env["slide.channel.partner"].sudo().search_count([("channel_id", "=", self.channel.id)])
        record = self.Record.with_user(self.user_hr).create({
            "employee_id": self.emp_other.id, "slide_channel_id": self.channel.id})
        self.assertEqual(record.state, "planned")
        self.assertEqual(self.env["slide.channel.partner"].sudo().search_count(
            [("channel_id", "=", self.channel.id)]), before)
        self.assertIn("has no user", " ".join(record.message_ids.mapped("body")))

    def test_course_set_later_on_a_planned_record_enrols(self):
        record = self.Record.with_user(self.user_hr).create({"employee_id": self.emp_peer.id, "course_name": "招商"})
        self.assertFalse(self.membership(self.user_peer.partner_id))
        record.with_user(self.user_hr).write({"slide_channel_id": self.channel.id})
        self.assertEqual(record.course_name, "招商谈判实战技巧")
        self.assertEqual(self.membership(self.user_peer.partner_id).member_status, "joined")

    def test_course_completed_before_the_offer(self):
        # 李娜 took the course last year: the offer notes it, and HR marks it done with eLearning's resume line
        self.channel.sudo()._action_add_members(self.user_peer.partner_id)
        self.channel.slide_ids.with_user(self.user_peer).action_mark_completed()
        self.assertEqual(len(self.course_lines(self.emp_peer)), 1)
        record = self.Record.with_user(self.user_hr).create({
            "employee_id": self.emp_peer.id, "slide_channel_id": self.channel.id})
        self.assertIn("already completed", " ".join(record.message_ids.mapped("body")))
        self.assertEqual(record.state, "planned", "an earlier completion completes no later offer by itself")
        record.with_user(self.user_hr).write({"done_date": record.offer_date, "result": "passed"})
        record.with_user(self.user_hr).action_mark_done()
        self.assertEqual(record.resume_line_id, self.course_lines(self.emp_peer), "eLearning's line, reused")

    # ------------------------------------------------------------------ completion
    def test_completing_the_course_marks_the_training_done_with_the_reused_resume_line(self):
        record = self.offer(self.user_hr)
        other_planned = self.Record.with_user(self.user_hr).create({
            "employee_id": self.emp_peer.id, "slide_channel_id": self.channel.id})
        # 王伟 completes the course in eLearning, as on the website
        slide = self.channel.slide_ids.with_user(self.user_emp)
        slide.action_mark_completed()
        self.assertEqual(self.membership(self.user_emp.partner_id).member_status, "completed")
        record.invalidate_recordset()
        self.assertEqual(record.state, "done")
        self.assertEqual(record.done_date, fields.Date.context_today(record.with_user(self.user_emp)))
        self.assertEqual(record.result, "passed")
        self.assertFalse(record.proof_attachment_ids, "the eLearning completion is the attendance proof")
        lines = self.course_lines()
        self.assertEqual(len(lines), 1, "one resume line: hr_skills_slides's, reused")
        self.assertEqual(record.resume_line_id, lines)
        self.assertEqual(lines.display_type, "course")
        self.assertEqual(other_planned.state, "planned", "another employee's record waits for their completion")
        # done is frozen evidence (LCL Art. 40(2)); the renewal review counts it
        with self.assertRaises(UserError):
            record.with_user(self.user_hr).write({"result": "failed"})
        evidence = self.Record._hrcr_evidence([self.emp.id], record.offer_date, record.done_date)[self.emp.id]
        self.assertEqual(evidence["done"], [(record.done_date, record.course_name)])

    def test_marked_done_by_hr_first_then_completed_keeps_one_resume_line(self):
        record = self.offer(self.user_hr)
        with self.assertRaises(UserError):
            record.with_user(self.user_hr).action_mark_done()  # no date nor result yet
        record.with_user(self.user_hr).write({"done_date": record.offer_date, "result": "attended"})
        record.with_user(self.user_hr).action_mark_done()  # no scanned proof needed for an eLearning course
        self.assertEqual(record.state, "done")
        self.assertEqual(record.resume_line_id.channel_id, self.channel)
        self.channel.slide_ids.with_user(self.user_emp).action_mark_completed()
        self.assertEqual(self.course_lines(), record.resume_line_id, "eLearning finds the line, adds none")
        self.assertEqual(record.result, "attended", "a done record is not touched again")

    def test_addon_course_still_needs_the_attendance_proof(self):
        record = self.Record.with_user(self.user_hr).create({
            "employee_id": self.emp.id, "course_id": self.course.id, "done_date": self.today, "result": "passed"})
        with self.assertRaisesRegex(UserError, "Attendance proof"):
            record.with_user(self.user_hr).action_mark_done()

    # ------------------------------------------------------------------ access
    def test_plain_employee_reads_no_training_record(self):
        record = self.offer(self.user_hr)
        self.assertFalse(self.Record.with_user(self.user_emp).search([]))
        self.assertFalse(self.Record.with_user(self.user_peer).search([]))
        with self.assertRaises(AccessError):
            record.with_user(self.user_emp).read(["course_name"])
        with self.assertRaises(AccessError):
            record.with_user(self.user_peer).read(["slide_channel_id"])
        # the course's recommendation fields are no secret, but only HR edits them on the form
        self.assertEqual(self.channel.with_user(self.user_emp).hrcr_kpi_keywords, "招商额, 谈判")
