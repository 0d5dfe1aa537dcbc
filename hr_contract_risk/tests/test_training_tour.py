from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTrainingTour(HttpCase):
    """Issue 12: recommendation -> training record -> evidence in the review, as an HR officer in the browser."""

    def test_training_tour(self):
        today = fields.Date.today()
        company = self.env.company
        company.write({"hrcr_decline_threshold": 60.0})
        officer = new_test_user(self.env, login="hrcr_training_tour", groups="hr.group_hr_user",
                                company_id=company.id, company_ids=[Command.set(company.ids)],
                                name="HR Officer Training Tour")
        employee = self.env["hr.employee"].create({"name": "王伟 Training Tour", "company_id": company.id})
        course = self.env["hr.training.course"].create({"name": "招商谈判实战技巧", "kpi_keywords": "招商额"})
        # four confirmed 30-day periods at 40-50 % on 招商额: two before the training (done 95 days ago in the
        # tour), two starting after it
        for start_ago, ratio in ((160, 50), (130, 45), (90, 45), (60, 40)):
            start = today - timedelta(days=start_ago)
            self.env["hr.kpi.appraisal"].sudo().create({
                "employee_id": employee.id, "date_start": start, "date_end": start + timedelta(days=29),
                "state": "confirmed", "line_ids": [Command.create({
                    "name": "招商额完成率", "target": 100, "actual": ratio, "weight": 100, "direction": "higher",
                    "cap": 120})]})
        self.env["hr.talk.log"].create({"name": "Results", "employee_id": employee.id, "kind": "performance",
                                        "content": "招商额 below half the target", "date": today - timedelta(days=120)})
        end = today + relativedelta(days=25)
        contract = self.env["hr.contract"].create({
            "name": "Second", "employee_id": employee.id, "wage": 10000, "state": "open",
            "date_start": end - relativedelta(years=1, months=8), "date_end": end, "hr_responsible_id": officer.id})
        review = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": contract.id, "stage_days": 30, "end_date": end}])
        review.write({"reason_category": "incompetence"})
        review.with_user(officer).action_next_step()
        review.with_user(officer).action_next_step()
        self.assertEqual(review.state, "decision")
        self.assertFalse(review.evidence_complete)

        self.start_tour("/odoo/employees/%s" % employee.id, "hr_contract_risk_training_tour", login=officer.login)

        self.env.invalidate_all()
        record = self.env["hr.training.record"].search([("employee_id", "=", employee.id)])
        self.assertEqual((record.state, record.course_id, record.result), ("done", course, "attended"))
        self.assertEqual(record.done_date, today - timedelta(days=95))
        self.assertEqual(len(record.proof_attachment_ids), 1)
        self.assertEqual(record.resume_line_id.name, "招商谈判实战技巧")
        self.assertEqual(record.talk_log_id.kind, "training_offer")
        self.assertTrue(record.still_below)
        self.assertEqual(review.training_record_ids, record)
        self.assertTrue(review.evidence_complete, review.evidence_missing)
