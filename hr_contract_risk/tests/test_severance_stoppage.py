"""Severance and stoppage together: a confirmed severance offers the social-insurance stoppage, and
paying it completes the leaver checklist's compensation item (LCL Art. 50 ¶2)."""

from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..engine import social_insurance as si
from .common_severance import SeveranceCommon

END = date(2024, 6, 30)


@tagged("post_install", "-at_install")
class TestSeveranceStoppage(SeveranceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["hr.si.city.mapping"].create([
            {"city": "上海", "city_aliases": "Shanghai", "stoppage_reason": key, "local_code": "SH-%s" % key,
             "company_id": False}
            for key in si.REASONS
        ])

    def _confirmed(self, ground="expiry_not_renewed"):
        wizard = self._wizard(termination_ground=ground, leave_days_taken=5)
        wizard.action_confirm()
        return wizard.severance_id

    def _stoppage_from(self, severance):
        action = severance.with_user(self.hr_user).action_open_si_stoppage()
        self.assertEqual((action["res_model"], action["target"]), ("hr.si.stoppage.wizard", "new"))
        form = Form(self.env["hr.si.stoppage.wizard"].with_user(self.hr_user).with_context(**action["context"]))
        return form, self.env["hr.si.stoppage"].browse(form.save().action_confirm()["res_id"])

    def _compensation_item(self, stoppage):
        return stoppage.sudo().item_ids.filtered(lambda i: i.kind == "severance")

    def test_confirmed_severance_offers_the_prefilled_stoppage(self):
        severance = self._confirmed()
        self.assertEqual(severance.state, "confirmed")
        form, stoppage = self._stoppage_from(severance)
        self.assertEqual(form.employee_id, self.employee)
        self.assertEqual(fields.Date.to_date(form.departure_date), END, "the termination date")
        self.assertEqual(form.termination_ground, "expiry_not_renewed", "the severance's ground")
        self.assertEqual(form.stoppage_reason, "expiry_not_renewed")
        self.assertEqual(form.involuntary, "yes")
        self.assertTrue(form.benefit_eligible)
        self.assertEqual(form.local_code, "SH-expiry_not_renewed")
        self.assertFalse(form.blocked)
        self.assertEqual((stoppage.employee_id, stoppage.departure_date), (self.employee, END))
        self.assertTrue(self._compensation_item(stoppage), "compensation is owed: the checklist has the item")
        self.assertFalse(self._compensation_item(stoppage).done_date)
        # the button opens the existing checklist from now on, not a second stoppage
        again = severance.with_user(self.hr_user).action_open_si_stoppage()
        self.assertEqual((again["res_model"], again["res_id"]), ("hr.si.stoppage", stoppage.id))

    def test_paid_severance_completes_the_compensation_item(self):
        severance = self._confirmed()
        _form, stoppage = self._stoppage_from(severance)
        item = self._compensation_item(stoppage)
        activity = item.activity_id
        self.assertTrue(activity)
        severance.move_id.with_user(self.finance_user).action_post()
        self.assertEqual(severance.state, "posted")
        self.assertFalse(item.done_date, "posting is not paying")
        # finance marks it paid, without any access to the leaver checklist
        with self.assertRaises(AccessError):
            stoppage.with_user(self.finance_user).read(["state"])
        severance.with_user(self.finance_user).action_mark_paid()
        self.assertEqual(severance.state, "paid")
        self.assertTrue(item.done_date)
        self.assertFalse(activity.exists(), "its activity is done too")
        other_items = stoppage.sudo().item_ids - item
        self.assertFalse(any(other_items.mapped("done_date")), "only the compensation item")
        self.assertEqual(stoppage.state, "open")

    def test_checklist_opened_after_payment_starts_with_the_item_done(self):
        severance = self._confirmed()
        severance.move_id.with_user(self.finance_user).action_post()
        severance.with_user(self.hr_user).action_mark_paid()
        _form, stoppage = self._stoppage_from(severance)
        self.assertTrue(self._compensation_item(stoppage).done_date)
        self.assertFalse((stoppage.item_ids - self._compensation_item(stoppage)).filtered("done_date"))

    def test_other_departures_are_not_touched(self):
        severance = self._confirmed()
        # a cancelled checklist and another departure date of the same employee
        vals = {"employee_id": self.employee.id, "departure_date": END, "termination_ground": "expiry_not_renewed",
                "stoppage_reason": "expiry_not_renewed", "city": "上海", "hire_date": date(2021, 7, 1)}
        cancelled = self.env["hr.si.stoppage"].create(vals)
        cancelled.action_cancel()
        earlier = self.env["hr.si.stoppage"].create(dict(vals, departure_date=date(2024, 5, 31)))
        severance.move_id.with_user(self.finance_user).action_post()
        severance.with_user(self.finance_user).action_mark_paid()
        for stoppage in cancelled | earlier:
            self.assertFalse(self._compensation_item(stoppage).done_date)

    def test_stoppage_needs_a_confirmed_severance_and_hr_rights(self):
        wizard = self._wizard(termination_ground="expiry_not_renewed", leave_days_taken=5)
        wizard.action_save_draft()
        draft = wizard.severance_id
        self.assertEqual(draft.state, "draft")
        with self.assertRaisesRegex(UserError, "Confirm the severance"):
            draft.with_user(self.hr_user).action_open_si_stoppage()
        draft.with_user(self.hr_user).action_confirm()
        with self.assertRaises(AccessError):
            draft.with_user(self.finance_user).action_open_si_stoppage()

    def test_every_ground_reaches_a_stoppage_reason(self):
        """labour_law's grounds, including the two the severance grounds did not list at first, prefill the stoppage wizard."""
        expected = {"expiry_worse_terms_declined": "expiry_not_renewed", "task_completed": "task_completed",
                    "unlawful": "unlawful_termination"}
        for ground, reason in expected.items():
            with self.subTest(ground=ground):
                severance = self._confirmed(ground)
                action = severance.with_user(self.hr_user).action_open_si_stoppage()
                form = Form(self.env["hr.si.stoppage.wizard"].with_user(self.hr_user)
                            .with_context(**action["context"]))
                self.assertEqual(form.termination_ground, ground)
                self.assertEqual(form.stoppage_reason, reason)
                self.assertEqual(form.severance_due, END, "compensation is owed on these grounds")
                severance.with_user(self.hr_user).action_cancel()
