from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from ..engine import attrition_model as am
from ..models import hr_attrition_demo


@tagged("post_install", "-at_install")
class TestAttritionDemoHistory(TransactionCase):
    """The demo's 客服部 history: enough departures for a trained model, and the
    model card it gives (chosen model and why, holdout metrics, calibration,
    fairness audit by gender and age band)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "HRCR Attrition Demo History"})
        cls.today = fields.Date.context_today(cls.env["hr.attrition.demo"])
        cls.dept = cls.env["hr.attrition.demo"]._hrcr_demo_history(cls.company.id)

    def test_history_is_deterministic_and_has_enough_departures(self):
        plan = hr_attrition_demo._plan(self.today)
        self.assertEqual(plan, hr_attrition_demo._plan(self.today))
        leavers = [p for p in plan if p["departure"]]
        self.assertGreaterEqual(len(leavers), 40)
        Employee = self.env["hr.employee"].with_context(active_test=False)
        staff = Employee.search([("department_id", "=", self.dept.id)])
        self.assertEqual(len(staff), len(plan) + 1)  # and the department manager
        self.assertEqual(self.env["hr.attrition.data"]._departure_count(self.company), len(leavers))
        gone = staff.filtered(lambda e: not e.active)
        self.assertTrue(all(e.departure_date and e.departure_date <= self.today for e in gone))
        # the contracts follow LCL Art. 14: open-ended from the third contract on, never overlapping
        contracts = self.env["hr.contract"].search([("employee_id", "in", staff.ids)], order="date_start")
        for emp in staff - self.dept.manager_id:
            own = contracts.filtered(lambda c, e=emp: c.employee_id == e)
            self.assertTrue(own, emp.name)
            self.assertTrue(all(c.date_end for c in own[:2]))
            self.assertTrue(all(not c.date_end for c in own[2:]))
            for a, b in zip(own, own[1:]):
                self.assertLess(a.date_end, b.date_start)
            self.assertEqual(set(own[:-1].mapped("state")), {"close"} if len(own) > 1 else set())
            self.assertEqual(own[-1].state, "open" if emp.active else "close")
        self.assertTrue(self.env["hr.leave"].search_count([("employee_id", "in", staff.ids)]) > 100)
        self.assertTrue(self.env["hr.kpi.appraisal"].search_count(
            [("employee_id", "in", staff.ids), ("state", "=", "confirmed")]) > 500)

    def test_demo_history_trains_a_model_with_a_full_card(self):
        card = self.env["hr.attrition.model"]._retrain_company(self.company)
        self.assertIn(card.algorithm, (am.LOGISTIC_REGRESSION, am.RANDOM_FOREST))
        self.assertEqual(card.decision, "first")
        self.assertGreater(card.holdout_auc, 0.75)
        self.assertGreater(card.holdout_pr_auc, 0.0)
        self.assertTrue(0.0 < card.holdout_brier < 0.25)
        self.assertTrue(card.top_factors)
        # why this model: both candidates' holdout AUC
        self.assertIn("%.3f" % card.auc_logistic, card.selection_reason)
        self.assertIn("%.3f" % card.auc_forest, card.selection_reason)
        # calibration curve: five groups of holdout rows, rates in [0, 1]
        bins = card.calibration_json
        self.assertEqual(len(bins), 5)
        self.assertTrue(all(0.0 <= p <= 1.0 and 0.0 <= o <= 1.0 for p, o, _n in bins))
        self.assertEqual([p for p, _o, _n in bins], sorted(p for p, _o, _n in bins))
        self.assertEqual(len(card.calibration_table.splitlines()), 5)
        # fairness audit: per gender and age band, after scoring
        audits = {a["attribute"]: a for a in card.fairness_json}
        self.assertEqual(set(audits), {"gender", "age_band"})
        self.assertEqual({g["group"] for g in audits["gender"]["groups"]}, {"female", "male"})
        self.assertTrue({g["group"] for g in audits["age_band"]["groups"]} <= {"<30", "30-39", "40-49", "50+"})
        self.assertEqual(card.fairness_flagged, any(a["flags"] for a in card.fairness_json))
        rows = sum(g["n"] for g in audits["gender"]["groups"])
        self.assertEqual(rows, sum(n for _p, _o, n in bins))  # every holdout row has a gender here
        self.assertIn("AUC", card.fairness_table)
        # the scores are calibrated probabilities with the employee's own factors
        Score = self.env["hr.attrition.score"]
        Score._recompute(companies=self.company, force=True)
        scores = Score.search([("company_id", "=", self.company.id)])
        self.assertTrue(scores)
        self.assertEqual(set(scores.mapped("method")), {card.algorithm})
        self.assertTrue(all(0 <= s.risk <= 100 and s.factors for s in scores))
