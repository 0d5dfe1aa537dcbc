"""Severance and legal checks together: the severance wizard shows the legal checks of the termination
(LCL 14, 42/45, 40(2)) and warns when the ground would make it unlawful (2N, LCL 48, 87)."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common_severance import SeveranceCommon

END = date(2024, 6, 30)


@tagged("post_install", "-at_install")
class TestSeveranceLegalChecks(SeveranceCommon):
    """Wang Wei: hired 2021-07-01, contract ending 2024-06-30 (N = 3 at W = 9,000)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_manager_user = new_test_user(
            cls.env, "sev_hr_manager", groups="hr.group_hr_manager,hr_contract.group_hr_contract_manager",
            company_id=cls.company.id)

    def _second_contract(self):
        """Make the contract Wang Wei's second consecutive fixed-term one (LCL 14(3))."""
        self.contract.date_start = date(2022, 7, 1)
        self.env["hr.contract"].create({
            "name": "Wang Wei 2020", "employee_id": self.employee.id, "date_start": date(2020, 7, 1),
            "date_end": date(2022, 6, 30), "wage": 8000, "state": "close", "company_id": self.company.id,
        })

    def test_non_renewal_of_a_protected_employee_warns_unlawful(self):
        self.employee.pregnancy_nursing = True
        form = self._wizard_form(termination_ground="expiry_not_renewed")
        self.assertTrue(form.legal_unlawful)
        html = str(form.legal_findings_html)
        self.assertIn("LCL 42(4), 45", html, "the finding with its article")
        self.assertIn("would be unlawful", html)
        self.assertIn("2N", html)
        self.assertIn("Unlawful termination or non-renewal", html, "names the ground that applies")
        self.assertIn("o_hrcr_finding_block", html, "shown as a blocking finding (findings_table)")
        # the ground is HR's choice: not switched, the amount is still N
        self.assertEqual(form.termination_ground, "expiry_not_renewed")
        self.assertEqual(form.compensation_months, 3)
        self.assertNotIn("42(4)", str(form.breakdown_html), "the statement's breakdown stays factual")
        # HR may switch to the 2N ground: the checks no longer apply, the amount doubles
        form.termination_ground = "unlawful"
        self.assertFalse(form.legal_unlawful)
        self.assertFalse(form.legal_findings_html)
        self.assertEqual(form.compensation_months, 6)

    def test_confirming_over_the_warning_is_an_override(self):
        """Keeping a ground the checks find unlawful overrides a legal block: the one override policy
        (engine/override.py) applies, as for the renewal review and the stoppage."""
        self.employee.medical_period_until = date(2024, 9, 30)
        note = "Medical period ends before the handover; legal accepts the 2N risk (LCL 87)."
        # an HR officer may not, even with a note
        wizard = self._wizard(termination_ground="expiry_not_renewed", leave_days_taken=5, override_note=note)
        self.assertTrue(wizard.legal_unlawful)
        self.assertFalse(wizard.is_hr_manager)
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertFalse(self.env["hr.severance"].search([("employee_id", "=", self.employee.id)]))
        # nor write the override on a severance directly
        with self.assertRaises(AccessError):
            self.env["hr.severance"].with_user(self.hr_user).create({
                **wizard._hrcr_severance_vals(), "override_used": True, "override_note": note})
        # an HR manager with a short note is refused, with a note of 20 characters it is recorded
        wizard = self._wizard(self.hr_manager_user, termination_ground="expiry_not_renewed", leave_days_taken=5,
                              override_note="risk accepted")
        self.assertTrue(wizard.is_hr_manager)
        with self.assertRaisesRegex(UserError, "at least 20 characters"):
            wizard.action_confirm()
        wizard.override_note = note
        wizard.action_confirm()
        severance = wizard.severance_id
        self.assertEqual(severance.termination_ground, "expiry_not_renewed")
        self.assertTrue(severance.override_used)
        self.assertEqual(severance.override_note, note)
        self.assertEqual(severance.override_by_id, self.hr_manager_user)
        self.assertTrue(severance.override_date)
        notes = severance.message_ids.filtered(lambda m: "found this termination unlawful" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertIn("42(3)", notes.body)
        self.assertIn("legal accepts the 2N risk", notes.body)

    def test_a_lawful_ground_needs_no_override(self):
        wizard = self._wizard(termination_ground="expiry_not_renewed", leave_days_taken=5)
        self.assertFalse(wizard.legal_unlawful)
        wizard.action_confirm()
        self.assertFalse(wizard.severance_id.override_used)

    def test_art_14_from_the_renewal_review(self):
        self._second_contract()
        form = self._wizard_form(termination_ground="expiry_not_renewed")
        self.assertIn("14(3)", str(form.legal_findings_html), "entitled after two fixed-term contracts")
        self.assertFalse(form.legal_unlawful, "without the employee's wish on record it is a warning")
        self.assertIn("Record whether the employee asks to renew", str(form.legal_findings_html))
        # the review recorded that the employee asks to renew: refusing is unlawful (Art. 14(3), 87)
        review = self.env["hr.contract.renewal.review"].create({"contract_id": self.contract.id, "end_date": END})
        review.employee_wish = "renew"
        form = self._wizard_form(termination_ground="expiry_not_renewed")
        self.assertTrue(form.legal_unlawful)
        self.assertIn("LCL 14(3), 97, 82, 87", str(form.legal_findings_html))
        # an Art. 39 situation documented in the review defeats the second-contract entitlement
        review.exception_art39 = True
        form = self._wizard_form(termination_ground="expiry_not_renewed")
        self.assertFalse(form.legal_unlawful)
        self.assertIn("does not apply", str(form.legal_findings_html))

    def test_dismissal_of_a_protected_employee_warns_unlawful(self):
        self.employee.occupational_injury = True
        for ground in ("no_fault_dismissal", "layoff"):
            with self.subTest(ground=ground):
                form = self._wizard_form(termination_ground=ground, notice_given="yes",
                                         no_fault_reason="objective_change")
                self.assertTrue(form.legal_unlawful)
                self.assertIn("LCL 42(1)(2), 45", str(form.legal_findings_html))
                self.assertIn("may not dismiss under Art. 40 or 41", str(form.legal_findings_html))
                self.assertGreater(form.compensation_amount, 0)
        # Art. 39 dismissal and mutual termination remain possible (LCL 42): no checks shown
        for ground in ("dismissal_cause", "mutual_employer"):
            with self.subTest(ground=ground):
                form = self._wizard_form(termination_ground=ground)
                self.assertFalse(form.legal_findings_html)
                self.assertFalse(form.legal_unlawful)

    def test_incompetence_dismissal_needs_training_first(self):
        form = self._wizard_form(termination_ground="no_fault_dismissal", notice_given="yes",
                                 no_fault_reason="incompetence")
        self.assertIn("LCL 40(2)", str(form.legal_findings_html))
        self.assertIn("training or reassignment", str(form.legal_findings_html))
        self.assertFalse(form.legal_unlawful, "a warning: the evidence may exist outside the system")
        form.no_fault_reason = "objective_change"
        self.assertFalse(form.legal_findings_html)

    def test_warning_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.employee.pregnancy_nursing = True
        wizard = self._wizard(termination_ground="expiry_not_renewed").with_context(lang="zh_CN")
        wizard.invalidate_recordset(["legal_findings_html"])
        html = str(wizard.legal_findings_html)
        self.assertIn("2N", html)
        self.assertIn("不续订将属违法终止", html, "the unlawful warning itself is translated")

    def test_dismissal_during_probation_lcl21(self):
        """LCL 21: the contract's probation end (trial_date_end) reaches the wizard's legal checks: an
        Art. 40(3) dismissal during probation is unlawful, an Art. 40(1) one is not."""
        self.contract.trial_date_end = date(2021, 12, 31)
        form = self._wizard_form(termination_ground="no_fault_dismissal", termination_date=date(2021, 9, 30),
                                 notice_given="yes", no_fault_reason="objective_change")
        self.assertTrue(form.legal_unlawful)
        html = str(form.legal_findings_html)
        self.assertIn("LCL 21, 40(3)", html)
        self.assertIn("2021-12-31", html)
        form.no_fault_reason = "illness"
        self.assertFalse(form.legal_unlawful)
        self.assertNotIn("LCL 21", str(form.legal_findings_html or ""))
        # after the probation the same Art. 40(3) dismissal is not a probation finding
        form.no_fault_reason = "objective_change"
        form.termination_date = date(2022, 1, 1)
        self.assertFalse(form.legal_unlawful)

    def test_unlawful_reading_company_setting_lcl87(self):
        """LCL 87 with Art. 97 (default): 2N is never less than twice the lawful N; the breakdown shows both
        readings; the company setting switches to the literal Reg 25 reading (2N from hire)."""
        self.assertFalse(self.company.hrcr_unlawful_literal_reg25)
        form = self._wizard_form(termination_ground="unlawful")
        form.hire_date = date(2000, 7, 1)
        higher = form.compensation_months
        breakdown = str(form.breakdown_html)
        self.assertIn("Reg 25", breakdown)
        self.assertIn("LCL 87, 97", breakdown)
        lawful = self._wizard_form(termination_ground="mutual_employer")
        lawful.hire_date = date(2000, 7, 1)
        self.assertGreaterEqual(form.compensation_amount, 2 * lawful.compensation_amount)
        settings = self.env["res.config.settings"].create({"hrcr_unlawful_literal_reg25": True})
        settings.execute()
        self.assertTrue(self.company.hrcr_unlawful_literal_reg25)
        literal = self._wizard_form(termination_ground="unlawful")
        literal.hire_date = date(2000, 7, 1)
        self.assertLess(literal.compensation_months, higher)
