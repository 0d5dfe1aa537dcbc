"""Training recommendation (issue 12): ranked suggestions from weak KPIs, low 360 competencies and skill gaps,
"Offer training" (record, talk log, to-do), done with proof and result (resume line), the before/after effect,
the renewal review's LCL 40(2) evidence, integrity, access as each real user, and the query count."""

import base64

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import AppraisalCase
from .test_integrity import IntegrityMixin


@tagged("post_install", "-at_install")
class TestTraining(IntegrityMixin, AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Record = cls.env["hr.training.record"]
        cls.Wizard = cls.env["hr.training.wizard"]
        cls.contract = cls.make_contract(cls.emp, cls.today - relativedelta(years=2), cls.today + relativedelta(days=25),
                                         state="open", hr_responsible_id=cls.user_hr.id)
        # 王伟: 招商额 at 50 % for three months, the rest on target
        cls.apps = [cls.make_confirmed(cls.emp, m, 100, ratios={"招商额完成率": 50}) for m in (9, 8, 7)]
        # the 360 of the latest: two colleagues rate teamwork 2 / 5
        cls.teamwork = cls.env["hr.kpi.competency"].create({"name": "Teamwork"})
        Feedback = cls.env["hr.kpi.feedback"].sudo()
        fbs = Feedback.create([{"appraisal_id": cls.apps[-1].id, "reviewer_user_id": u.id, "relationship": "peer"}
                               for u in (cls.user_peer, cls.user_manager)])
        fbs.line_ids.write({"rating": "4"})
        fbs.line_ids.filtered(lambda line: line.competency_id == cls.teamwork).write({"rating": "2"})
        fbs.write({"state": "submitted"})
        # the job expects Negotiation at an expert level; 王伟 has none
        skill_type = cls.env["hr.skill.type"].create({
            "name": "Sales", "skill_ids": [Command.create({"name": "Negotiation"})],
            "skill_level_ids": [Command.create({"name": "Beginner", "level_progress": 20}),
                                Command.create({"name": "Expert", "level_progress": 80})]})
        cls.negotiation = skill_type.skill_ids
        cls.env["hr.job.skill.requirement"].create({
            "job_id": cls.job.id, "skill_type_id": skill_type.id, "skill_id": cls.negotiation.id,
            "skill_level_id": skill_type.skill_level_ids.filtered(lambda lv: lv.name == "Expert").id})
        Course = cls.env["hr.training.course"]
        cls.course_team = Course.create({"name": "Working together", "competency_ids": [Command.set(cls.teamwork.ids)]})
        cls.course_skill = Course.create({"name": "Negotiation basics", "skill_ids": [Command.set(cls.negotiation.ids)]})
        cls.course_other = Course.create({"name": "First aid", "kpi_keywords": "急救"})

    def wizard(self, user, employee=None):
        return self.Wizard.with_user(user).create({"employee_id": (employee or self.emp).id})

    def offer(self, user, course, **dates):
        wizard = self.wizard(user)
        if dates:
            wizard.write(dates)
        line = wizard.line_ids.filtered(lambda ln: ln.course_name == course.name)
        self.assertTrue(line, "%s not suggested" % course.name)
        action = line.action_offer()
        return self.Record.browse(action["res_id"])

    def proof(self, record, user=None):
        return self.env["ir.attachment"].with_user(user or self.user_hr).create({
            "name": "sign-in.pdf", "datas": base64.b64encode(b"%PDF-1.4 sign-in"), "res_model": record._name,
            "res_id": record.id})

    def complete(self, record, user=None, done=None, result="attended"):
        user = user or self.user_hr
        rec = record.with_user(user)
        rec.write({"done_date": done or self.today, "result": result,
                   "proof_attachment_ids": [Command.link(self.proof(record, user).id)]})
        rec.action_mark_done()
        return record

    # ------------------------------------------------------------------ suggestions
    def test_suggestions_are_ranked_with_their_reasons(self):
        lines = self.wizard(self.user_hr).line_ids
        # 招商额 at 50 %: severity 0.5; teamwork 2/5: 0.5; negotiation 0 % vs 80 %: 0.8
        self.assertEqual(lines.mapped("course_name"), ["Negotiation basics", "Working together", "招商谈判技巧"])
        self.assertEqual(lines.mapped("score"), [80.0, 50.0, 50.0])
        self.assertEqual(lines.mapped("need_kind"), ["skill", "competency", "kpi"])
        self.assertIn("招商额完成率", lines[2].reason)
        self.assertIn("50", lines[2].reason)
        self.assertIn("Teamwork", lines[1].reason)
        self.assertIn("Negotiation", lines[0].reason)
        self.assertNotIn("First aid", lines.mapped("course_name"))

    def test_a_single_colleague_rating_stays_out_of_the_suggestions(self):
        """The 360 anonymity rule: a competency rated by one reviewer is no need (it would be their rating)."""
        self.apps[-1].feedback_ids.filtered(lambda f: f.reviewer_user_id == self.user_manager).sudo().unlink()
        self.assertNotIn("Working together", self.wizard(self.user_hr).line_ids.mapped("course_name"))

    def test_no_need_no_suggestion(self):
        emp = self.emp_peer  # no appraisal, no skill expectation met... but the job expects negotiation
        self.env["hr.employee.skill"].create({
            "employee_id": emp.id, "skill_id": self.negotiation.id, "skill_type_id": self.negotiation.skill_type_id.id,
            "skill_level_id": self.negotiation.skill_type_id.skill_level_ids.filtered(lambda lv: lv.name == "Expert").id})
        wizard = self.wizard(self.user_hr, emp)
        self.assertFalse(wizard.line_ids)
        self.assertFalse(wizard.unanswered)

    # ------------------------------------------------------------------ offer, done, effect
    def test_offer_creates_the_record_the_talk_log_and_a_follow_up(self):
        rec = self.offer(self.user_manager, self.course, date_start=self.today, date_end=self.today + relativedelta(days=10))
        self.assertEqual((rec.state, rec.course_id, rec.employee_id), ("planned", self.course, self.emp))
        self.assertEqual(rec.need_kind, "kpi")
        self.assertIn("招商额完成率", rec.reason)
        self.assertEqual((rec.talk_log_id.kind, rec.talk_log_id.course_id), ("training_offer", self.course))
        activity = rec.sudo().activity_ids
        self.assertEqual((activity.user_id, activity.date_deadline), (self.user_hr, self.today + relativedelta(days=10)))
        # offered once: it leaves the suggestions, and a second offer is refused
        self.assertNotIn(self.course.name, self.wizard(self.user_hr).line_ids.mapped("course_name"))
        with self.assertRaises(UserError):
            self.Record.with_user(self.user_hr).create({"employee_id": self.emp.id, "course_id": self.course.id,
                                                        "state": "done"})

    def test_done_needs_date_proof_and_result_then_adds_a_resume_line_and_freezes(self):
        rec = self.offer(self.user_hr, self.course)
        with self.assertRaisesRegex(UserError, "Attendance proof"):
            rec.with_user(self.user_hr).action_mark_done()
        self.assertEqual(rec.state, "planned")
        self.complete(rec, self.user_manager)  # the manager completes it for the team
        self.assertEqual(rec.state, "done")
        line = rec.resume_line_id
        self.assertEqual((line.employee_id, line.name, line.date_end), (self.emp, "招商谈判技巧", self.today))
        self.assertEqual(line.line_type_id, self.env.ref("hr_contract_risk.resume_type_training"))
        self.assertFalse(rec.sudo().activity_ids)
        with self.assertRaises(UserError):
            rec.with_user(self.user_hr_manager).write({"done_date": self.today - relativedelta(days=3)})
        with self.assertRaises(UserError):
            rec.with_user(self.user_hr_manager).action_cancel()

    def test_effect_compares_before_and_after_and_feeds_the_review(self):
        done = self.month(6) + relativedelta(days=14)
        rec = self.offer(self.user_hr, self.course)
        rec.sudo().write({"offer_date": self.month(7)})  # test data: offered seven months ago
        self.complete(rec, done=done)
        for m in (5, 4):
            self.make_confirmed(self.emp, m, 50)
        rec.invalidate_recordset()
        before = sum(a.total_score for a in self.apps[1:]) / 2
        self.assertAlmostEqual(rec.before_average, before, places=1)
        self.assertEqual(rec.after_count, 2)
        self.assertTrue(rec.still_below)
        self.assertIn("still below target", rec.effect_summary)
        # the renewal review citing incompetence: "training provided, still below after it", the record linked
        self.env["hr.talk.log"].create({"name": "Results", "employee_id": self.emp.id, "kind": "performance",
                                        "content": "招商额 at half the target", "date": self.month(5)})
        review = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": self.contract.id, "stage_days": 30, "end_date": self.contract.date_end}])
        review = review.with_user(self.user_hr)
        review.write({"reason_category": "incompetence"})
        self.assertEqual(review.training_record_ids, rec)
        self.assertIn("Training provided: 招商谈判技巧", review.evidence_checklist_html)
        self.assertIn("2 confirmed appraisal(s) after it", review.evidence_checklist_html)
        self.assertTrue(review.evidence_complete, review.evidence_missing)

    def test_a_training_done_after_the_last_appraisal_proves_nothing_yet(self):
        for m in (5, 4):
            self.make_confirmed(self.emp, m, 50)  # below the threshold after the offer, before the completion
        self.env["hr.talk.log"].create({"name": "Results", "employee_id": self.emp.id, "kind": "performance",
                                        "content": "招商额 at half the target", "date": self.month(5)})
        rec = self.offer(self.user_hr, self.course)
        rec.sudo().write({"offer_date": self.month(7)})
        self.complete(rec, done=self.today)
        review = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": self.contract.id, "stage_days": 30, "end_date": self.contract.date_end}])
        review.write({"reason_category": "incompetence"})
        self.assertFalse(review.evidence_complete)
        self.assertIn("after the training", review.evidence_missing)
        rec.invalidate_recordset()
        self.assertEqual(rec.after_count, 0)
        self.assertFalse(rec.still_below)
        # the other reading (Settings): from the offer, the period of the offer onwards counts
        self.company.hrcr_art40_2_from_offer = True
        review.invalidate_recordset()
        self.assertTrue(review.evidence_complete, review.evidence_missing)

    # ------------------------------------------------------------------ bad input
    def test_dates_are_bounded_and_named(self):
        rec = self.offer(self.user_hr, self.course)
        for vals, named in (({"done_date": self.today + relativedelta(days=1)}, "Completed on"),
                            ({"date_start": self.today, "date_end": self.today - relativedelta(days=1)}, "Planned end"),
                            ({"done_date": rec.offer_date - relativedelta(days=1)}, "Offered on"),
                            ({"date_start": "1900-01-01"}, "Planned start")):
            # as over RPC, a refused write rolls back (its savepoint clears the cache)
            with self.assertRaisesRegex(ValidationError, named), self.env.cr.savepoint():
                rec.with_user(self.user_hr).write(vals)
        with self.assertRaisesRegex(ValidationError, "Planned start"):
            self.wizard(self.user_hr).write({"date_start": "2300-01-01"})
        with self.assertRaises(UserError):
            rec.with_user(self.user_hr).write({"state": "done"})
        self.assertEqual(rec.state, "planned")

    # ------------------------------------------------------------------ integrity
    def test_generated_walk_done_and_cancelled(self):
        done = self.complete(self.offer(self.user_hr, self.course))
        cancelled = self.offer(self.user_hr, self.course_team)
        cancelled.with_user(self.user_hr).action_cancel()
        users = [self.user_hr, self.user_hr_manager, self.user_manager]
        for rec in (done, cancelled):
            self.assertWalkFrozen(rec, users)
            self.assertActionsKeepFrozen(rec, users)

    # ------------------------------------------------------------------ access
    def test_access_hr_and_the_team_manager_only(self):
        rec = self.offer(self.user_manager, self.course)
        Record = self.Record
        self.assertEqual(Record.with_user(self.user_hr).search([("id", "=", rec.id)]), rec)
        self.assertEqual(Record.with_user(self.user_manager).search([]), rec)
        # the employee sees nothing about themselves: no record, no suggestion
        self.assertFalse(Record.with_user(self.user_emp).search([]))
        with self.assertRaises(AccessError):
            rec.with_user(self.user_emp).read(["course_name"])
        with self.assertRaises(AccessError):
            self.wizard(self.user_emp)
        with self.assertRaises(AccessError):
            self.emp.with_user(self.user_emp).action_hrcr_training()
        # another manager reaches neither the record nor the suggestions; the manager not their own
        with self.assertRaises(AccessError):
            rec.with_user(self.user_other_manager).read(["course_name"])
        with self.assertRaises(AccessError):
            self.wizard(self.user_other_manager)
        with self.assertRaises(AccessError):
            self.wizard(self.user_manager, self.emp_manager)
        with self.assertRaises(AccessError):
            Record.with_user(self.user_manager).create({"employee_id": self.emp_other.id, "course_name": "x"})
        with self.assertRaises(AccessError):
            rec.with_user(self.user_manager).unlink()
        # the public profile offers the recommendation to the manager only
        public = self.env["hr.employee.public"].browse(self.emp.id)
        self.assertTrue(public.with_user(self.user_manager).hrcr_training_audience)
        self.assertFalse(public.with_user(self.user_emp).hrcr_training_audience)
        self.assertFalse(public.with_user(self.user_other_manager).hrcr_training_audience)

    def test_needs_are_read_in_a_fixed_number_of_queries(self):
        Employee = self.env["hr.employee"]
        few = self.emp | self.emp_peer
        many = few | self.emp_other | self.emp_manager | self.emp_top | self.emp_other_manager
        for e in many:
            self.make_confirmed(e, 3, 70) if e not in few else None
        counts = []
        for employees in (few, many):
            Employee.invalidate_model()
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            Employee.browse(employees.ids)._hrcr_training_suggestions()
            counts.append(self.cr.sql_log_count - start)
        self.assertEqual(counts[0], counts[1])
