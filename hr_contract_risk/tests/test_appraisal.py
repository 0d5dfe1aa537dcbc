from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tests.common import new_test_user

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestAppraisalFlow(AppraisalCase):
    def test_template_weights_must_sum_to_100(self):
        with self.assertRaises(ValidationError):
            self.env["hr.kpi.template"].create({
                "name": "Bad", "job_id": self.env["hr.job"].create({"name": "X"}).id,
                "line_ids": [Command.create({"name": "a", "target": 1, "weight": 50}),
                             Command.create({"name": "b", "target": 1, "weight": 30})],
            })
        with self.assertRaises(ValidationError):
            self.template.write({"line_ids": [Command.update(self.template.line_ids[0].id, {"weight": 10})]})
        self.assertEqual(self.template.weight_total, 100)

    def test_one_active_template_per_job(self):
        with self.assertRaises(ValidationError):
            self.template.copy()

    def test_generate_appraisals_idempotent(self):
        created = self.template._generate_appraisals(self.today)
        self.assertEqual(set(created.employee_id.ids), {self.emp.id, self.emp_peer.id, self.emp_other.id})
        self.assertEqual(set(created.mapped("date_start")), {self.today.replace(day=1)})
        self.assertTrue(all(len(a.line_ids) == 3 for a in created))
        self.assertEqual(created[0].line_ids.mapped("name"), self.template.line_ids.mapped("name"))
        self.assertFalse(self.template._generate_appraisals(self.today))
        self.env["hr.kpi.template"]._cron_generate_appraisals()
        self.assertEqual(self.env["hr.kpi.appraisal"].search_count([("template_id", "=", self.template.id)]), 3)

    def test_generate_quarterly(self):
        self.template.periodicity = "quarterly"
        appraisal = self.template._generate_appraisals(self.today)[:1]
        self.assertEqual(appraisal.date_start.month, (self.today.month - 1) // 3 * 3 + 1)
        self.assertEqual((appraisal.date_end + relativedelta(days=1)).month,
                         (appraisal.date_start + relativedelta(months=3)).month)
        self.assertEqual(appraisal.periodicity, "quarterly")

    def _fill_and_score(self):
        appraisal = self.template._generate_appraisals(self.today).filtered(lambda a: a.employee_id == self.emp)
        with Form(appraisal.with_user(self.user_manager)) as form:
            for i, actual in enumerate([110, 20, 4]):
                with form.line_ids.edit(i) as line:
                    line.actual = actual
        return appraisal

    def test_scoring_kpi_360_total_grade(self):
        appraisal = self._fill_and_score()
        # 招商额 110 % x 50 + 转化 100 % x 30 + 投诉 (lower is better) 2/4 = 50 % x 20 = 55 + 30 + 10 = 95
        self.assertAlmostEqual(appraisal.kpi_score, 95.0)
        self.assertAlmostEqual(appraisal.total_score, 95.0)  # no 360 yet: KPI alone
        self.assertEqual(appraisal.grade, "A")
        # the manager invites himself and a peer; each reviewer rates only their own row
        Feedback = self.env["hr.kpi.feedback"].with_user(self.user_manager)
        fb_mgr = Feedback.create({"appraisal_id": appraisal.id, "reviewer_user_id": self.user_manager.id,
                                  "relationship": "manager"})
        fb_peer = Feedback.create({"appraisal_id": appraisal.id, "reviewer_user_id": self.user_peer.id,
                                   "relationship": "peer"})
        self.assertEqual(len(fb_peer.line_ids), len(self.env["hr.kpi.competency"].search([])))
        fb_mgr.line_ids.write({"rating": "4"})
        fb_mgr.action_submit()
        peer_fb = fb_peer.with_user(self.user_peer)
        peer_fb.line_ids.write({"rating": "3"})
        peer_fb.write({"comment": "Needs to follow up leads faster"})
        peer_fb.action_submit()
        # manager 80, peer 60, weights 50/25 renormalised -> 73.33; total 0.7 x 95 + 0.3 x 73.33 = 88.5
        self.assertAlmostEqual(appraisal.feedback_score, (80 * 50 + 60 * 25) / 75, delta=0.05)
        self.assertAlmostEqual(appraisal.total_score, 0.7 * 95 + 0.3 * (80 * 50 + 60 * 25) / 75, delta=0.05)
        self.assertEqual(appraisal.grade, "B")

    def test_submit_requires_weights(self):
        appraisal = self.template._generate_appraisals(self.today)[:1]
        appraisal.line_ids[0].weight = 10
        with self.assertRaises(UserError):
            appraisal.action_submit()

    def test_flow_lock_notification_and_acknowledgement(self):
        appraisal = self._fill_and_score().with_user(self.user_manager)
        appraisal.action_submit()
        self.assertEqual(appraisal.state, "review")
        appraisal.action_confirm()
        self.assertEqual(appraisal.state, "confirmed")
        with self.assertRaises(UserError):
            appraisal.write({"note": "changed afterwards"})
        with self.assertRaises(UserError):
            appraisal.line_ids[0].write({"actual": 10})
        with self.assertRaises(UserError):
            appraisal.line_ids[0].unlink()
        with self.assertRaises(UserError):
            appraisal.sudo().with_user(self.user_hr).unlink()
        # the employee is notified: a message addressed to them and a to-do
        self.assertIn(self.user_emp.partner_id, appraisal.message_ids.partner_ids)
        self.assertEqual(appraisal.sudo().activity_ids.user_id, self.user_emp)
        # someone else cannot acknowledge in the employee's name
        with self.assertRaises(AccessError):
            appraisal.with_user(self.user_manager)._hrcr_acknowledge("not me")
        own = appraisal.with_user(self.user_emp)
        wizard = Form(self.env["hr.kpi.appraisal.acknowledge"].with_user(self.user_emp).with_context(
            default_appraisal_id=appraisal.id))
        wizard.comment = "我已阅读。I will improve the conversion rate."
        wizard.save().action_acknowledge()
        self.assertTrue(own.acknowledged_date)
        self.assertIn("conversion", own.employee_comment)
        self.assertFalse(appraisal.sudo().activity_ids)
        with self.assertRaises(UserError):
            own._hrcr_acknowledge("twice")

    def test_only_draft_deleted(self):
        appraisal = self.template._generate_appraisals(self.today)[:1]
        appraisal.action_submit()
        with self.assertRaises(UserError):
            appraisal.unlink()
        appraisal.action_reset_draft()
        appraisal.unlink()
        self.assertFalse(appraisal.exists())

    def test_employee_history_action_and_counts(self):
        self.make_confirmed(self.emp, 2, 90)
        self.make_confirmed(self.emp, 1, 80)
        self.assertEqual(self.emp.kpi_appraisal_count, 2)
        public = self.env["hr.employee.public"].with_user(self.user_emp).browse(self.emp.id)
        self.assertEqual(public.kpi_appraisal_count, 2)
        action = self.emp.action_open_kpi_appraisals()
        self.assertEqual(action["res_model"], "hr.kpi.appraisal")
        self.assertIn(("employee_id", "=", self.emp.id), action["domain"])


@tagged("post_install", "-at_install")
class TestAppraisalAccess(AppraisalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_confirmed = cls.make_confirmed(cls.emp, 1, 90)
        cls.own_draft = cls.env["hr.kpi.appraisal"].create({
            "employee_id": cls.emp.id, "date_start": cls.month(0),
            "date_end": cls.month(0) + relativedelta(months=1, days=-1),
            "line_ids": [Command.create({"name": "x", "target": 1, "actual": 1, "weight": 100})]})
        cls.peer_confirmed = cls.make_confirmed(cls.emp_peer, 1, 70)
        cls.other_confirmed = cls.make_confirmed(cls.emp_other, 1, 50)
        # 360 on the employee's confirmed appraisal, written as the reviewers (superuser for test data)
        Feedback = cls.env["hr.kpi.feedback"].sudo()
        cls.fb_peer = Feedback.create({"appraisal_id": cls.own_confirmed.id, "reviewer_user_id": cls.user_peer.id,
                                       "relationship": "peer", "comment": "secret peer comment"})
        cls.fb_self = Feedback.create({"appraisal_id": cls.own_confirmed.id, "reviewer_user_id": cls.user_emp.id,
                                       "relationship": "self"})
        (cls.fb_peer | cls.fb_self).line_ids.write({"rating": "4"})
        (cls.fb_peer | cls.fb_self).write({"state": "submitted"})

    def test_employee_sees_own_confirmed_only(self):
        Appraisal = self.env["hr.kpi.appraisal"].with_user(self.user_emp)
        self.assertEqual(Appraisal.search([]), self.own_confirmed)
        with self.assertRaises(AccessError):
            Appraisal.browse(self.own_draft.id).read(["total_score"])
        with self.assertRaises(AccessError):
            Appraisal.browse(self.peer_confirmed.id).read(["total_score"])
        own = Appraisal.browse(self.own_confirmed.id)
        self.assertEqual(len(own.line_ids), 3)
        with self.assertRaises(AccessError):
            own.write({"note": "I rewrite my own appraisal"})
        with self.assertRaises(AccessError):
            Appraisal.create({"employee_id": self.emp.id, "date_start": self.month(5),
                              "date_end": self.month(4) - relativedelta(days=1)})

    def test_employee_sees_aggregated_360_only(self):
        own = self.env["hr.kpi.appraisal"].with_user(self.user_emp).browse(self.own_confirmed.id)
        self.assertTrue(own.has_feedback)
        summary = str(own.feedback_summary)
        self.assertIn("80.0", summary)
        self.assertNotIn("secret", summary)
        self.assertNotIn("李娜", summary)
        # one peer only: no per-competency average that would be that peer's own ratings
        competencies = self.fb_peer.line_ids.competency_id.mapped("name")
        self.assertTrue(competencies)
        for name in competencies:
            self.assertNotIn(name, summary)
        # individual rows: the field is HR-only and the record rules show only the employee's own self-review
        with self.assertRaises(AccessError):
            own.read(["feedback_ids"])
        Feedback = self.env["hr.kpi.feedback"].with_user(self.user_emp)
        self.assertEqual(Feedback.search([]), self.fb_self)
        with self.assertRaises(AccessError):
            Feedback.browse(self.fb_peer.id).read(["comment"])
        with self.assertRaises(AccessError):
            self.env["hr.kpi.feedback.line"].with_user(self.user_emp).browse(self.fb_peer.line_ids.ids).read(["rating"])

    def test_manager_sees_team_recursively(self):
        team = self.own_confirmed | self.own_draft | self.peer_confirmed
        for user in (self.user_manager, self.user_top):
            found = self.env["hr.kpi.appraisal"].with_user(user).search([])
            self.assertEqual(found, team, user.name)
        # the manager reads the individual 360 rows of the team, through the feedback menu
        self.assertEqual(self.env["hr.kpi.feedback"].with_user(self.user_manager).search([]),
                         self.fb_peer | self.fb_self)

    def test_other_manager_sees_only_own_team(self):
        Appraisal = self.env["hr.kpi.appraisal"].with_user(self.user_other_manager)
        self.assertEqual(Appraisal.search([]), self.other_confirmed)
        with self.assertRaises(AccessError):
            Appraisal.browse(self.own_confirmed.id).read(["total_score"])
        with self.assertRaises(AccessError):
            self.env["hr.kpi.feedback"].with_user(self.user_other_manager).browse(self.fb_peer.id).read(["score"])
        with self.assertRaises(AccessError):
            Appraisal.create({"employee_id": self.emp.id, "date_start": self.month(6),
                              "date_end": self.month(5) - relativedelta(days=1)})

    def test_manager_creates_for_subordinate(self):
        appraisal = self.env["hr.kpi.appraisal"].with_user(self.user_manager).create({
            "employee_id": self.emp.id, "template_id": self.template.id, "date_start": self.month(6),
            "date_end": self.month(5) - relativedelta(days=1),
            "line_ids": self.template._appraisal_line_vals()})
        self.assertEqual(appraisal.company_id, self.company)
        self.assertEqual(appraisal.department_id, self.emp.department_id)

    def test_reviewer_fills_only_own_feedback(self):
        draft = self.env["hr.kpi.feedback"].with_user(self.user_manager).create({
            "appraisal_id": self.own_draft.id, "reviewer_user_id": self.user_peer.id, "relationship": "peer"})
        with self.assertRaises(AccessError):
            draft.line_ids[:1].write({"rating": "5"})
        with self.assertRaises(AccessError):
            draft.write({"comment": "words in the peer's mouth"})
        with self.assertRaises(AccessError):
            draft.with_user(self.user_hr).line_ids[:1].write({"rating": "5"})
        draft.action_request()
        self.assertEqual(draft.sudo().activity_ids.user_id, self.user_peer)
        mine = draft.with_user(self.user_peer)
        mine.line_ids.write({"rating": "5"})
        mine.action_submit()
        self.assertEqual(mine.state, "submitted")
        self.assertFalse(draft.sudo().activity_ids, "the reviewer's to-do is done on submit")
        self.assertAlmostEqual(mine.score, 100.0)
        # the peer does not see other feedback, nor the appraisal itself
        with self.assertRaises(AccessError):
            self.fb_self.with_user(self.user_peer).read(["score"])
        with self.assertRaises(AccessError):
            self.own_draft.with_user(self.user_peer).read(["total_score"])
        # feedback of a confirmed appraisal is locked
        with self.assertRaises(UserError):
            self.fb_self.with_user(self.user_emp).write({"comment": "late edit"})

    def test_hr_sees_all_and_talk_logs_for_team(self):
        self.assertEqual(self.env["hr.kpi.appraisal"].with_user(self.user_hr).search_count([]), 4)
        log = self.env["hr.talk.log"].with_user(self.user_manager).create({
            "employee_id": self.emp.id, "name": "Performance talk", "kind": "performance",
            "content": "Missed the target two months in a row."})
        self.assertEqual(log.company_id, self.company)
        with self.assertRaises(AccessError):
            self.env["hr.talk.log"].with_user(self.user_other_manager).browse(log.id).read(["content"])
        with self.assertRaises(AccessError):
            self.env["hr.talk.log"].with_user(self.user_emp).browse(log.id).read(["content"])
        with self.assertRaises(AccessError):
            self.env["hr.talk.log"].with_user(self.user_other_manager).create({
                "employee_id": self.emp.id, "name": "x", "content": "y"})
        # protection fields are HR-only
        with self.assertRaises(AccessError):
            self.env["hr.employee"].with_user(self.user_manager).browse(self.emp.id).read(["pregnancy_nursing"])

    def test_multi_company(self):
        company_b = self.env["res.company"].create({"name": "Company B"})
        hr_b = new_test_user(self.env, "hrcr_hr_b", groups="hr.group_hr_user", company_id=company_b.id,
                             company_ids=[Command.set(company_b.ids)])
        emp_b = self.env["hr.employee"].create({"name": "B employee", "company_id": company_b.id})
        appraisal_b = self.make_confirmed(emp_b, 1, 80, company=company_b)
        self.assertEqual(self.env["hr.kpi.appraisal"].with_user(hr_b).search([]), appraisal_b)
        with self.assertRaises(AccessError):
            self.env["hr.kpi.appraisal"].with_user(hr_b).browse(self.own_confirmed.id).read(["total_score"])
        self.assertNotIn(appraisal_b, self.env["hr.kpi.appraisal"].with_user(self.user_hr).search([]))
