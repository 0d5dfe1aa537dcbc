from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import AppraisalCase


@tagged("post_install", "-at_install")
class TestPeerFeedbackTour(AppraisalCase, HttpCase):
    """Issue 10 point 7: a plain employee asked for 360 feedback rates and submits in the browser
    (it used to fail with an AccessError on the appraisal, which a peer cannot read)."""

    def test_peer_rates_and_submits_in_the_browser(self):
        appraisal = self.env["hr.kpi.appraisal"].create({
            "employee_id": self.emp.id, "date_start": self.month(0),
            "date_end": self.month(0) + relativedelta(months=1, days=-1), "template_id": self.template.id,
            "line_ids": [Command.create({"name": "x", "target": 1, "actual": 1, "weight": 100})]})
        fb = self.env["hr.kpi.feedback"].with_user(self.user_manager).create({
            "appraisal_id": appraisal.id, "reviewer_user_id": self.user_peer.id, "relationship": "peer"})
        fb.action_request()
        lines = fb.sudo().line_ids.sorted("id")
        self.assertTrue(lines)
        # the peer saved a draft earlier with all but the first competency rated; the tour rates the last one
        lines[1:].with_user(self.user_peer).write({"rating": "3"})
        self.assertFalse(self.user_peer.has_group("hr.group_hr_user"))
        self.start_tour("/odoo/action-hr_contract_risk.action_hr_kpi_feedback_to_give",
                        "hr_contract_risk_peer_feedback_tour", login=self.user_peer.login)
        fb.invalidate_recordset()
        self.assertEqual(fb.state, "submitted")
        self.assertEqual(lines[0].rating, "4")
        self.assertEqual(fb.sudo().comment, "Helpful colleague, shares client leads.")
