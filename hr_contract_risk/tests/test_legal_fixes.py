"""Issue 9 §2 fixes wired into the addon: work injury (WIIR Arts. 35-37), benefit until retirement (Art. 7 of the
State Council Measures), W over months actually worked (Reg 27), annual-leave exclusions and carry-over
(条例 Art. 4, 实施办法 Art. 9), union officers and negotiation representatives (TUL 19, 集体合同规定 28), LCL 83."""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_severance import SeveranceCommon
from .common_stoppage import StoppageCase


@tagged("post_install", "-at_install")
class TestSeveranceLegalFixes(SeveranceCommon):
    """Wang Wei: hired 2021-07-01, contract ending 2024-06-30, contract wage 9,000 (N = 3); Shanghai 2023 row."""

    def test_work_injury_grade_8_adds_the_subsidy_wiir37(self):
        """WIIR Art. 37: grade 8, 6 months in the Shanghai parameters, W 9,000: subsidy 54,000 on top of N."""
        self.region_sh_2023.disability_subsidy_months_8 = 6
        self.employee.hrcr_disability_grade = 8
        wizard = self._wizard(termination_ground="expiry_not_renewed", leave_days_taken=5)
        self.assertEqual(wizard.disability_grade, 8, "prefilled from the employee")
        self.assertEqual(wizard.disability_subsidy_months, 6, "from the regional parameters")
        self.assertFalse(wizard.legal_unlawful, "grades 7-10 may end at expiry")
        self.assertIn("WIIR 37", str(wizard.legal_findings_html))
        self.assertEqual(wizard.compensation_amount, 27000)
        self.assertEqual(wizard.disability_subsidy_amount, 54000)
        self.assertAlmostEqual(wizard.total_amount, 27000 + 54000 + wizard.leave_pay_amount, places=2)
        self.assertIn("disability employment subsidy", str(wizard.breakdown_html))
        wizard.action_confirm()
        severance = wizard.severance_id
        self.assertEqual(severance.disability_subsidy_amount, 54000)
        self.assertEqual(severance.disability_grade, 8)
        lines = severance.move_id.line_ids
        self.assertAlmostEqual(sum(lines.mapped("debit")), severance.total_amount, places=2)
        self.assertTrue(lines.filtered(lambda line: "disability employment subsidy" in line.name))

    def test_work_injury_grades_1_4_and_5_6_block_the_ending(self):
        """WIIR Art. 35 (grade 3: kept) and Art. 36 (grade 5: only at the employee's request)."""
        self.employee.hrcr_disability_grade = 3
        form = self._wizard_form(termination_ground="expiry_not_renewed")
        self.assertTrue(form.legal_unlawful)
        self.assertIn("WIIR 35", str(form.legal_findings_html))
        review = self.env["hr.contract.renewal.review"].create({"contract_id": self.contract.id, "end_date": date(2024, 6, 30)})
        self.assertEqual(review.legal_status, "block")
        self.assertIn("Do not renew", review.blocked_decisions or "")
        # grade 5, the employee resigns: allowed, the employer pays the subsidy (Art. 36)
        self.employee.hrcr_disability_grade = 5
        self.region_sh_2023.disability_subsidy_months_5 = 10
        wizard = self._wizard(termination_ground="resignation")
        self.assertFalse(wizard.legal_unlawful)
        self.assertEqual(wizard.disability_subsidy_amount, 90000)
        self.assertTrue(self._wizard(termination_ground="mutual_employer").legal_unlawful)

    def test_disability_grade_bounds_name_field_and_bound(self):
        with self.assertRaisesRegex(ValidationError, r"Work-Injury Disability Grade must be a number between 0 and 10"):
            self.employee.hrcr_disability_grade = 11
        with self.assertRaisesRegex(ValidationError, r"Leave Days Carried from Last Year must be a number between 0 and 15"):
            self._wizard(termination_ground="resignation", carried_leave_days=20)
        with self.assertRaisesRegex(ValidationError, r"Sick Leave Months This Year must be a number between 0 and 12"):
            self._wizard(termination_ground="resignation", sick_leave_months=13)

    def test_union_officer_and_negotiation_representative_extend_the_contract(self):
        """Trade Union Law Art. 19 and Collective Contract Provisions Art. 28."""
        self.employee.hrcr_union_office_until = date(2025, 3, 31)
        form = self._wizard_form(termination_ground="expiry_not_renewed")
        self.assertTrue(form.legal_unlawful)
        self.assertIn("Trade Union Law 19", str(form.legal_findings_html))
        self.employee.hrcr_union_office_until = False
        self.employee.hrcr_negotiation_rep_until = date(2024, 12, 31)
        form = self._wizard_form(termination_ground="no_fault_dismissal", notice_given="yes",
                                 no_fault_reason="objective_change")
        self.assertTrue(form.legal_unlawful)
        self.assertIn("Collective Contract Provisions 28", str(form.legal_findings_html))

    def test_reg27_partial_first_month_counts_as_its_fraction(self):
        """Reg 27: hire 2024-01-17 (15 of 31 days paid 7,500), Feb-Jun 15,500: W = 15,500, not 14,166.67."""
        employee = self.env["hr.employee"].create({"name": "Li Na", "company_id": self.company.id})
        contract = self.env["hr.contract"].create({
            "name": "Li Na 2024", "employee_id": employee.id, "date_start": date(2024, 1, 17),
            "date_end": date(2024, 6, 30), "wage": 15500, "state": "open", "company_id": self.company.id})
        self._wage_lines(employee, date(2024, 6, 1), [7500, 15500, 15500, 15500, 15500, 15500])
        vals = {"employee_id": employee.id, "contract_id": contract.id, "termination_ground": "mutual_employer"}
        wizard = self.env(user=self.hr_user)["hr.severance.wizard"].create(vals)
        self.assertEqual(wizard.average_monthly_wage, 15500)
        self.assertAlmostEqual(wizard.wage_months_worked, 5.48, places=2)
        self.assertIn("months actually worked", str(wizard.breakdown_html))
        self.company.hrcr_wage_partial_months = False
        wizard = self.env(user=self.hr_user)["hr.severance.wizard"].create(vals)
        self.assertAlmostEqual(wizard.average_monthly_wage, 14166.67, places=2)

    def test_leave_exclusion_art4_and_carried_days_art9(self):
        """条例 Art. 4(3): 3 work years and 2 months' sick leave: no leave this year; 2 days carried from the
        previous year are still paid (实施办法 Art. 9): 2 × 9,000 / 21.75 × 200% = 1,655.17."""
        wizard = self._wizard(termination_ground="resignation", sick_leave_months=2, carried_leave_days=2)
        self.assertEqual(wizard.untaken_leave_days, 0)
        self.assertIn("Art. 4(3)", wizard.leave_exclusion_note)
        self.assertAlmostEqual(wizard.leave_pay_amount, 1655.17, places=2)

    def test_lcl83_exposure_of_a_probation_beyond_the_limit(self):
        """LCL 19, 83: 3-year contract, limit 6 months (to 2021-12-31), probation to 2022-02-28: 2 × 9,000."""
        self.contract.trial_date_end = date(2022, 2, 28)
        wizard = self._wizard(termination_ground="mutual_employer")
        html = str(wizard.legal_findings_html)
        self.assertIn("LCL 19, 83", html)
        self.assertIn("18,000.00", html)


@tagged("post_install", "-at_install")
class TestStoppageRetirementBenefit(StoppageCase):
    def test_benefit_runs_until_the_retirement_age_art7(self):
        """State Council Measures Art. 7: 44 contribution months give 12 months from 2025-03-01 (to 2026-03-01);
        retirement on 2026-09-15 is less than a year later: 19 months, until the retirement age."""
        vals = self._stoppage_vals(
            hire_date=date(2021, 7, 1), departure_date=date(2025, 2, 28), contract_date_start=date(2023, 7, 1),
            contract_date_end=date(2025, 2, 28))
        stoppage = self.env["hr.si.stoppage"].with_user(self.officer).create(vals)
        self.assertEqual(stoppage.max_benefit_months, 12)
        stoppage.statutory_retirement_date = date(2026, 9, 15)
        self.assertEqual(stoppage.max_benefit_months, 19)
