"""Odoo tests of the social-insurance stoppage and the leaver checklist."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import html as lxml_html

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.misc import format_date

from odoo.addons.base.models.ir_qweb import QWebException

from ..engine import labour_law
from ..engine import social_insurance as si
from .common_stoppage import StoppageCase


@tagged("post_install", "-at_install")
class TestStoppageFlow(StoppageCase):
    """Departure wizard -> stoppage wizard -> leaver checklist with activities."""

    def _register_departure(self, employee, reason_xmlid, user=None, date=None):
        user = user or self.officer
        wizard = (
            self.env["hr.departure.wizard"]
            .with_user(user)
            .with_context(active_id=employee.id, toggle_active=True)
            .create(
                {
                    "employee_id": employee.id,
                    "departure_reason_id": self.env.ref(reason_xmlid).id,
                    "departure_date": date or self.today,
                }
            )
        )
        return wizard.action_register_departure_and_stoppage()

    def test_departure_wizard_opens_prefilled_stoppage_and_checklist(self):
        action = self._register_departure(self.employee, "hr_contract_risk.departure_expiry_not_renewed")
        self.assertFalse(self.employee.active, "the departure wizard archived the employee")
        self.assertEqual(action["res_model"], "hr.si.stoppage.wizard")
        self.assertEqual(action["target"], "new")

        Wizard = self.env["hr.si.stoppage.wizard"].with_user(self.officer).with_context(**action["context"])
        form = Form(Wizard)
        self.assertEqual(form.employee_id, self.employee)
        self.assertEqual(form.departure_date, self.today)
        self.assertEqual(form.termination_ground, "expiry_not_renewed")
        self.assertEqual(form.stoppage_reason, "expiry_not_renewed")
        self.assertEqual(form.city, "上海")
        self.assertEqual(form.planned_end_date, self.today, "agreed end read before hr_contract overwrote it")
        self.assertEqual(form.hire_date, self.contract_1.date_start)
        years, months, _days = si.service_length(self.contract_1.date_start, self.today)
        self.assertEqual(form.ui_contribution_months, years * 12 + months)
        self.assertEqual(form.involuntary, "yes")
        self.assertEqual(form.order13_article, "Order 13 Art. 13(1)")
        self.assertTrue(form.benefit_eligible)
        self.assertEqual(form.max_benefit_months, 12)
        self.assertEqual(form.local_code, "SH-expiry_not_renewed")
        self.assertEqual(form.certificate_due, self.today)
        self.assertEqual(form.si_report_due, self.today + timedelta(days=7))
        self.assertEqual(form.transfer_due, self.today + timedelta(days=15))
        self.assertEqual(form.severance_due, self.today)
        self.assertFalse(form.blocked)
        result = form.save().action_confirm()

        stoppage = self.env["hr.si.stoppage"].browse(result["res_id"])
        self.assertEqual(stoppage.state, "open")
        self.assertEqual(stoppage.company_id, self.company)
        self.assertEqual(stoppage.local_code, "SH-expiry_not_renewed")
        self.assertEqual(stoppage.position, "招商主管")
        self.assertEqual(stoppage.contract_date_end, self.today)
        self.assertEqual((stoppage.service_years, stoppage.service_months), (years, months))
        self.assertEqual(stoppage.max_benefit_months, 12)
        expected = {
            "certificate": self.today,
            "si_report": self.today + timedelta(days=7),
            "transfer": self.today + timedelta(days=15),
            "severance": self.today,
        }
        self.assertEqual({i.kind: i.due_date for i in stoppage.item_ids}, expected)
        activities = stoppage.activity_ids
        self.assertEqual(len(activities), 4)
        self.assertEqual(sorted(activities.mapped("date_deadline")), sorted(expected.values()))
        self.assertEqual(activities.user_id, self.officer)
        self.assertEqual(stoppage.item_ids.activity_id, activities)

    def test_resigned_departure_maps_to_resignation_and_report_days_15(self):
        self.company.hrcr_si_report_days = "15"
        action = self._register_departure(self.employee, "hr.departure_resigned", date=self.today - timedelta(days=40))
        form = Form(self.env["hr.si.stoppage.wizard"].with_user(self.officer).with_context(**action["context"]))
        self.assertEqual(form.stoppage_reason, "resignation")
        self.assertEqual(form.involuntary, "no")
        self.assertFalse(form.benefit_eligible)
        self.assertEqual(form.max_benefit_months, 0)
        self.assertEqual(form.si_report_due, self.today - timedelta(days=25))
        self.assertFalse(form.severance_due, "no compensation for a resignation (LCL Art. 46)")
        self.assertNotIn("agreed end date", form.findings_html or "", "left 40 days before the agreed end")
        stoppage = self.env["hr.si.stoppage"].browse(form.save().action_confirm()["res_id"])
        self.assertEqual(sorted(stoppage.item_ids.mapped("kind")), ["certificate", "si_report", "transfer"])
        self.assertEqual(stoppage.report_days, 15)

    def test_resignation_on_the_agreed_end_date_warns(self):
        action = self._register_departure(self.employee, "hr.departure_resigned")
        form = Form(self.env["hr.si.stoppage.wizard"].with_user(self.officer).with_context(**action["context"]))
        self.assertEqual(form.stoppage_reason, "resignation")
        self.assertIn("agreed end date", form.findings_html)
        self.assertFalse(form.blocked, "a warning: the employee may really have resigned")

    def test_context_defaults_from_severance(self):
        """The severance opens the stoppage with labour_law's ground keys (test_severance_stoppage: the button)."""
        Wizard = self.env["hr.si.stoppage.wizard"].with_user(self.officer)
        form = Form(
            Wizard.with_context(
                default_employee_id=self.employee.id,
                default_departure_date=str(self.today),
                default_termination_ground="unlawful",
            )
        )
        self.assertEqual(form.stoppage_reason, "unlawful_termination")
        self.assertEqual(form.involuntary, "yes")
        # an unlawful ending is involuntary under Order 13 Art. 13(1)(2), no longer Unconfirmed
        self.assertNotIn("Unconfirmed", str(form.findings_html or ""))

    def test_every_labour_law_ground_is_accepted(self):
        """The two grounds labour_law adds to the severance grounds reach the stoppage: a worse-terms refusal is the
        non-renewal row of §1.5; a completed task-based contract has its own (Unconfirmed) reason."""
        Wizard = self.env["hr.si.stoppage.wizard"].with_user(self.officer)
        grounds = [key for key, _label in Wizard._fields["termination_ground"].selection]
        self.assertEqual(grounds, list(labour_law.GROUND_KEYS))
        expected = {
            "expiry_worse_terms_declined": ("expiry_not_renewed", "yes", 12, False),
            "task_completed": ("task_completed", "yes", 12, False),  # Order 13 Art. 13(1), Order 8 Art. 4
        }
        for ground, (reason, involuntary, months, unconfirmed) in expected.items():
            with self.subTest(ground=ground):
                form = Form(Wizard.with_context(default_employee_id=self.employee.id,
                                                default_departure_date=str(self.today),
                                                default_termination_ground=ground))
                self.assertEqual(form.stoppage_reason, reason)
                self.assertEqual(form.involuntary, involuntary)
                self.assertEqual(form.max_benefit_months, months)
                self.assertEqual(form.severance_due, self.today, "compensation is owed (LCL 46(5), Reg 22)")
                self.assertEqual("Unconfirmed" in (form.findings_html or ""), unconfirmed)
                self.assertFalse(form.blocked)
                stoppage = self.env["hr.si.stoppage"].browse(form.save().action_confirm()["res_id"])
                self.assertEqual(stoppage.termination_ground, ground)
                self.assertEqual(stoppage.local_code, "SH-%s" % reason)
                stoppage.action_cancel()

    def test_marking_items_done_closes_the_checklist(self):
        stoppage = self.env["hr.si.stoppage"].with_user(self.officer).create(self._stoppage_vals())
        self.cr.flush()  # end of the creating transaction: mail does not track records created in the same one
        certificate = stoppage.item_ids.filtered(lambda i: i.kind == "certificate")
        activity = certificate.activity_id
        certificate.action_mark_done()
        self.assertEqual(certificate.done_date, self.today)
        self.assertFalse(activity.exists(), "the activity is marked done with the item")
        # marking the activity done from the chatter marks its item done
        report = stoppage.item_ids.filtered(lambda i: i.kind == "si_report")
        report.activity_id.with_user(self.officer).action_feedback(feedback="filed")
        self.assertEqual(report.done_date, self.today)
        self.assertEqual(stoppage.state, "open")
        (stoppage.item_ids - certificate - report).action_mark_done()
        self.assertEqual(stoppage.state, "done")
        self.assertFalse(stoppage.activity_ids)
        self.env.flush_all()
        self.cr.flush()  # tracking values are written at commit time
        self.env.invalidate_all()
        tracked = stoppage.sudo().message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertTrue(tracked, "state changes are tracked")

    def test_employee_action_menu_opens_the_wizard(self):
        Wizard = self.env["hr.si.stoppage.wizard"].with_user(self.officer)
        wizard = Wizard.with_context(active_model="hr.employee", active_id=self.employee.id).create(
            {"departure_date": self.today}
        )
        self.assertEqual(wizard.employee_id, self.employee)
        self.assertEqual(wizard.planned_end_date, self.today)


@tagged("post_install", "-at_install")
class TestStoppageGuardRail(StoppageCase):
    def _wizard(self, user, **vals):
        values = {
            "employee_id": self.employee.id,
            "departure_date": self.today,
            "termination_ground": "expiry_not_renewed",
        }
        values.update(vals)
        return self.env["hr.si.stoppage.wizard"].with_user(user).create(values)

    def test_resignation_for_non_renewal_is_blocked(self):
        form = Form(self.env["hr.si.stoppage.wizard"].with_user(self.officer))
        form.employee_id = self.employee
        form.departure_date = self.today
        form.termination_ground = "expiry_not_renewed"
        self.assertEqual(form.stoppage_reason, "expiry_not_renewed")
        form.stoppage_reason = "resignation"
        self.assertTrue(form.blocked)
        self.assertIn("loses unemployment benefit", form.findings_html)
        self.assertIn("employer may owe it", form.findings_html)
        wizard = form.save()
        with self.assertRaisesRegex(UserError, "loses unemployment benefit"):
            wizard.action_confirm()
        self.assertFalse(self.env["hr.si.stoppage"].search([("employee_id", "=", self.employee.id)]))

    def test_block_message_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        wizard = self._wizard(self.officer, stoppage_reason="resignation").with_context(lang="zh_CN")
        with self.assertRaises(UserError) as caught:
            wizard.action_confirm()
        message = str(caught.exception)
        self.assertIn("员工将失去失业保险待遇", message)
        self.assertIn("固定期限合同期满：用人单位不续订", message, "the ground label (labour_law's) is translated too")

    def test_mutual_employer_recorded_as_employee_mutual_is_blocked(self):
        wizard = self._wizard(self.officer, termination_ground="mutual_employer", stoppage_reason="mutual_employee")
        self.assertTrue(wizard.blocked)
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_officer_cannot_override(self):
        wizard = self._wizard(self.officer, stoppage_reason="resignation", override=True, override_note="employee asked")
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertFalse(self.env["hr.si.stoppage"].search([("employee_id", "=", self.employee.id)]))
        # nor on the record itself
        with self.assertRaises(AccessError):
            self.env["hr.si.stoppage"].with_user(self.officer).create(
                self._stoppage_vals(stoppage_reason="resignation", override_used=True, override_note="x")
            )

    def test_manager_override_needs_a_note_and_is_tracked(self):
        wizard = self._wizard(self.hr_manager, stoppage_reason="resignation", override=True)
        with self.assertRaisesRegex(UserError, "note"):
            wizard.action_confirm()
        wizard.override_note = "Signed resignation letter on file before the expiry date."
        stoppage = self.env["hr.si.stoppage"].browse(wizard.action_confirm()["res_id"])
        self.assertTrue(stoppage.override_used)
        self.assertEqual(stoppage.override_user_id, self.hr_manager)
        self.assertEqual(stoppage.stoppage_reason, "resignation")
        self.assertFalse(stoppage.benefit_eligible)
        self.assertTrue(stoppage.blocked, "the record still shows the contradiction")
        self.assertTrue(any("Signed resignation letter" in (m.body or "") for m in stoppage.message_ids))
        # later changes of the override are tracked, and only an HR manager may make them
        with self.assertRaises(AccessError):
            stoppage.with_user(self.officer).write({"override_note": "changed"})
        stoppage.with_user(self.hr_manager).write({"override_note": "Resignation letter dated before expiry."})
        with self.assertRaisesRegex(ValidationError, "loses unemployment benefit"):
            stoppage.with_user(self.hr_manager).write({"override_note": " "})
        self.env.flush_all()
        self.cr.flush()
        self.env.invalidate_all()
        tracked = stoppage.sudo().message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("override_note", tracked)

    def test_override_policy_note_length_and_no_superuser_bypass(self):
        """The one override policy (engine/override.py): 20 characters of note, an HR manager, whatever the env."""
        wizard = self._wizard(self.hr_manager, stoppage_reason="resignation", override=True,
                              override_note="employee asked")
        with self.assertRaisesRegex(UserError, "at least 20 characters"):
            wizard.action_confirm()
        with self.assertRaises(ValidationError) as cm:  # assertRaises rolls back to a savepoint
            self.env["hr.si.stoppage"].with_user(self.hr_manager).create(
                self._stoppage_vals(stoppage_reason="resignation", override_used=True, override_note="employee asked")
            )
        self.assertIn("at least 20 characters", str(cm.exception))
        # sudo() does not make an officer an HR manager (it used to: env.is_superuser())
        with self.assertRaises(AccessError):
            self.env["hr.si.stoppage"].with_user(self.officer).sudo().create(
                self._stoppage_vals(stoppage_reason="resignation", override_used=True,
                                    override_note="Signed resignation letter on file before the expiry date.")
            )
        wizard.override_note = "Signed resignation letter on file before the expiry date."
        stoppage = self.env["hr.si.stoppage"].browse(wizard.action_confirm()["res_id"])
        self.assertTrue(stoppage.override_used and stoppage.override_date)
        self.assertTrue(any("SIL" in (m.body or "") and "Signed resignation" in (m.body or "")
                            for m in stoppage.message_ids), "the chatter names the overridden articles")

    def test_record_refuses_a_contradicting_reason_without_override(self):
        stoppage = self.env["hr.si.stoppage"].with_user(self.officer).create(self._stoppage_vals())
        with self.assertRaisesRegex(ValidationError, "loses unemployment benefit"):
            stoppage.write({"stoppage_reason": "resignation"})

    def test_differing_reason_with_same_status_only_warns(self):
        wizard = self._wizard(self.officer, termination_ground="layoff", stoppage_reason="no_fault_dismissal")
        self.assertFalse(wizard.blocked)
        self.assertIn("o_hrcr_finding_warn", wizard.findings_html)
        self.assertNotIn("o_hrcr_finding_block", wizard.findings_html)
        wizard.action_confirm()


@tagged("post_install", "-at_install")
class TestStoppageBadInput(StoppageCase):
    def _confirm(self, **vals):
        values = {
            "employee_id": self.employee.id,
            "departure_date": self.today,
            "termination_ground": "expiry_not_renewed",
        }
        values.update(vals)
        wizard = self.env["hr.si.stoppage.wizard"].with_user(self.officer).create(values)
        return wizard.action_confirm()

    def assertNothingWritten(self):
        self.assertFalse(self.env["hr.si.stoppage"].search([("employee_id", "=", self.employee.id)]))
        self.assertFalse(self.env["hr.si.stoppage.item"].search([("employee_id", "=", self.employee.id)]))

    def test_departure_before_hire(self):
        with self.assertRaisesRegex(UserError, "before the hire date"):
            self._confirm(departure_date=self.contract_1.date_start - timedelta(days=1))
        self.assertNothingWritten()

    def test_negative_contribution_months(self):
        with self.assertRaisesRegex(UserError, "0 or more"):
            self._confirm(ui_contribution_months=-1)
        with self.assertRaisesRegex(UserError, "0 or more"):
            self._confirm(unclaimed_benefit_months=-3)
        self.assertNothingWritten()
        with self.assertRaises(ValidationError):
            self.env["hr.si.stoppage"].create(self._stoppage_vals(ui_contribution_months=-1))

    def test_missing_city_mapping(self):
        with self.assertRaisesRegex(UserError, "No local stoppage code"):
            self._confirm(city="成都")
        with self.assertRaisesRegex(UserError, "city"):
            self._confirm(city=" ")
        self.assertNothingWritten()

    def test_one_checklist_per_departure(self):
        self._confirm()
        with self.assertRaises(ValidationError):
            self._confirm()


@tagged("post_install", "-at_install")
class TestStoppageMapping(StoppageCase):
    def test_company_mapping_wins_over_shared_and_aliases_match(self):
        own = self.Mapping.create(
            {
                "city": "上海",
                "stoppage_reason": "expiry_not_renewed",
                "local_code": "A-01",
                "company_id": self.company.id,
            }
        )
        self.assertEqual(self.Mapping._hrcr_find(self.company, "上海市", "expiry_not_renewed"), own)
        shared = self.mappings.filtered(lambda m: m.stoppage_reason == "layoff")
        self.assertEqual(self.Mapping._hrcr_find(self.company, "Shanghai", "layoff"), shared)
        self.assertFalse(self.Mapping._hrcr_find(self.company, "北京", "layoff"))

    def test_duplicate_mapping_refused(self):
        with self.assertRaises(ValidationError):
            self.Mapping.create(
                {"city": "Shanghai", "stoppage_reason": "layoff", "local_code": "X", "company_id": False}
            )


@tagged("post_install", "-at_install")
class TestStoppageCertificate(StoppageCase):
    REPORT = "hr_contract_risk.action_report_termination_certificate"

    def _render(self, stoppage, user=None):
        Report = self.env["ir.actions.report"].with_user(user or self.officer)
        html, _kind = Report._render_qweb_html(self.REPORT, stoppage.ids)
        return html.decode() if isinstance(html, bytes) else html

    def _stoppage(self, **vals):
        self.employee.departure_description = "<p>Poor attitude and weak sales results</p>"
        return self.env["hr.si.stoppage"].sudo().create(
            self._stoppage_vals(
                **{"termination_ground": "dismissal_cause", "stoppage_reason": "dismissal_cause", **vals},
            )
        )

    def test_certificate_states_the_facts_and_nothing_evaluative(self):
        stoppage = self._stoppage()
        html = self._render(stoppage)
        doc = lxml_html.fromstring(html)

        def cell(cls):
            return " ".join(doc.xpath('//td[@class="%s"]//text()' % cls)).split()

        lang_env = self.env(context={"lang": "en_US"})
        self.assertIn("Termination Certificate", html)
        self.assertIn(format_date(lang_env, stoppage.contract_date_start), " ".join(cell("hrcr_contract_term")))
        self.assertIn(format_date(lang_env, stoppage.contract_date_end), " ".join(cell("hrcr_contract_term")))
        self.assertEqual(cell("hrcr_end_date"), [format_date(lang_env, stoppage.departure_date)])
        self.assertEqual(cell("hrcr_position"), ["招商主管"])
        self.assertEqual(
            cell("hrcr_service"), [str(stoppage.service_years), "years", str(stoppage.service_months), "months"]
        )
        self.assertEqual((stoppage.service_years, stoppage.service_months), (3, 8))
        self.assertIn(self.employee.name, html)
        self.assertIn(self.company.name, html)
        # no evaluation: neither the departure remarks, nor the ground or reason, nor guard-rail text
        for forbidden in (
            "Poor attitude",
            "weak sales",
            "Dismissal for cause",
            "LCL Art. 39",
            "Order 13",
        ):
            self.assertNotIn(forbidden, html)

    def test_open_ended_contract_and_rescission_wording(self):
        stoppage = self._stoppage(contract_date_end=False)
        html = self._render(stoppage)
        self.assertIn("open-ended", html)
        self.assertIn("has been terminated", html)

    def test_certificate_in_chinese_from_the_work_contact_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["hr_contract_risk"], ["zh_CN"], overwrite=True)
        self.env.invalidate_all()
        self.env.registry.clear_all_caches()
        self.employee.work_contact_id.lang = "zh_CN"
        stoppage = self._stoppage(stoppage_reason="expiry_not_renewed", termination_ground="expiry_not_renewed")
        html = self._render(stoppage)
        self.assertIn("离职证明", html)
        self.assertIn("工作岗位", html)
        self.assertNotIn("Termination Certificate", html)
        self.assertIn("失业", html, "involuntary: the UIR Art. 16 notice of benefit rights")

    def test_print_button_returns_the_report(self):
        stoppage = self._stoppage()
        action = stoppage.with_user(self.officer).action_print_certificate()
        self.assertEqual(action["report_name"], "hr_contract_risk.report_termination_certificate")


@tagged("post_install", "-at_install")
class TestStoppageRetention(StoppageCase):
    def test_leaver_record_kept_two_years(self):
        stoppage = self.env["hr.si.stoppage"].with_user(self.officer).create(self._stoppage_vals())
        with self.assertRaisesRegex(UserError, "LCL Art. 50"):
            stoppage.unlink()
        self.assertTrue(stoppage.exists())
        old = self.env["hr.si.stoppage"].with_user(self.officer).create(
            self._stoppage_vals(
                # LCL 50: deletable from the day after the 2-year anniversary
                departure_date=self.today - relativedelta(years=2) - timedelta(days=1),
                hire_date=self.today - relativedelta(years=5),
                contract_date_end=False,
            )
        )
        old.unlink()
        self.assertFalse(old.exists())

    def test_terminated_contract_kept_two_years(self):
        _employee, contract_1, contract_2 = self._make_employee(
            "Retention", end=self.today - timedelta(days=30), years=5, months=0
        )
        contract_2.state = "close"
        with self.assertRaisesRegex(UserError, "2 years"):
            contract_2.unlink()
        # the first contract ended more than 2 years ago: deletion allowed
        self.assertLess(contract_1.date_end, self.today - relativedelta(years=2))
        contract_1.unlink()
        self.assertFalse(contract_1.exists())
        # open contracts are not concerned
        _employee, _c1, running = self._make_employee("Running", end=self.today + timedelta(days=300))
        running.unlink()
        self.assertFalse(running.exists())


@tagged("post_install", "-at_install")
class TestStoppageAccess(StoppageCase):
    def test_employees_and_managers_see_nothing(self):
        stoppage = self.env["hr.si.stoppage"].create(self._stoppage_vals())
        for user in (self.employee_user, self.dept_manager_user):
            with self.assertRaises(AccessError):
                self.env["hr.si.stoppage"].with_user(user).search([])
            with self.assertRaises(AccessError):
                stoppage.with_user(user).read(["stoppage_reason"])
            with self.assertRaises(AccessError):
                stoppage.item_ids.with_user(user).read(["due_date"])
            with self.assertRaises(AccessError):
                self.env["hr.si.city.mapping"].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.env["hr.si.stoppage.wizard"].with_user(user).create(
                    {"employee_id": self.employee.id, "departure_date": self.today}
                )
            with self.assertRaisesRegex((AccessError, QWebException), "not allowed to access"):
                self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                    TestStoppageCertificate.REPORT, stoppage.ids
                )

    def test_officer_reads_mappings_manager_edits_them(self):
        mapping = self.mappings[0]
        self.assertTrue(mapping.with_user(self.officer).local_code)
        with self.assertRaises(AccessError):
            mapping.with_user(self.officer).write({"local_code": "X"})
        mapping.with_user(self.hr_manager).write({"local_code": "X"})
        self.assertEqual(mapping.local_code, "X")

    def test_multi_company(self):
        employee_b, _c1, _c2 = self._make_employee("北京员工", end=self.today, company=self.company_b)
        own = self.Mapping.create(
            {
                "city": "北京",
                "stoppage_reason": "expiry_not_renewed",
                "local_code": "BJ-1",
                "company_id": self.company_b.id,
            }
        )
        wizard = (
            self.env["hr.si.stoppage.wizard"]
            .with_user(self.officer_b)
            .create(
                {
                    "employee_id": employee_b.id,
                    "departure_date": self.today,
                    "termination_ground": "expiry_not_renewed",
                }
            )
        )
        self.assertEqual(wizard.city, "北京市")
        self.assertEqual(wizard.mapping_id, own)
        stoppage_b = self.env["hr.si.stoppage"].browse(wizard.action_confirm()["res_id"])
        self.assertEqual(stoppage_b.company_id, self.company_b)
        self.assertEqual(stoppage_b.local_code, "BJ-1")

        stoppage_a = self.env["hr.si.stoppage"].create(self._stoppage_vals())
        Stoppage_officer = self.env["hr.si.stoppage"].with_user(self.officer)
        self.assertEqual(Stoppage_officer.search([("id", "in", (stoppage_a | stoppage_b).ids)]), stoppage_a)
        with self.assertRaises(AccessError):
            stoppage_b.with_user(self.officer).read(["stoppage_reason"])
        with self.assertRaises(AccessError):
            stoppage_a.with_user(self.officer_b).read(["stoppage_reason"])
        # company A's officer does not see company B's mapping
        self.assertFalse(self.Mapping.with_user(self.officer).search([("id", "=", own.id)]))


@tagged("post_install", "-at_install")
class TestStoppageOverdueCron(StoppageCase):
    def _make_stoppages(self, count):
        employees = self.Employee.create([{"name": "Leaver %s" % i} for i in range(count)])
        return self.env["hr.si.stoppage"].create(
            [self._stoppage_vals(employee=e, hire_date=self.today - relativedelta(years=1)) for e in employees]
        )

    def _run_cron(self):
        return self.env["hr.si.stoppage.item"]._cron_flag_overdue()

    def test_overdue_flagged_by_cron_with_bounded_queries(self):
        Item = self.env["hr.si.stoppage.item"]
        small = self._make_stoppages(5)
        self.assertFalse(small.filtered("overdue"))
        small.item_ids.filtered(lambda i: i.kind == "certificate").action_mark_done()
        later = self.today + timedelta(days=10)
        with freeze_time(later):
            self.env.flush_all()
            before = self.cr.sql_log_count
            flagged = self._run_cron()
            queries_small = self.cr.sql_log_count - before
        # si_report (7 days) is overdue; certificate done; transfer (15 days) not yet; severance (today) overdue
        self.assertEqual(flagged, 10)
        self.assertEqual(set(small.item_ids.filtered("overdue").mapped("kind")), {"si_report", "severance"})
        self.assertTrue(all(small.mapped("overdue")))
        with freeze_time(later):
            self.assertEqual(self._run_cron(), 0, "a second run changes nothing")

        big = self._make_stoppages(50)
        big.item_ids.filtered(lambda i: i.kind == "certificate").action_mark_done()
        with freeze_time(later):
            self.env.flush_all()
            with self.assertQueryCount(queries_small):
                flagged = self._run_cron()
        self.assertEqual(flagged, 100)
        self.assertEqual(len(big.filtered("overdue")), 50)

        # done or cancelled checklists lose the flag on the next run
        small.item_ids.action_mark_done()
        big[:10].action_cancel()
        with freeze_time(later):
            self._run_cron()
        self.assertFalse((small | big[:10]).filtered("overdue"))
        self.assertFalse(Item.search([("stoppage_id", "in", big[:10].ids), ("overdue", "=", True)]))
        overdue_ids = self.env["hr.si.stoppage"].search([("overdue", "=", True)]).ids
        self.assertEqual(sorted(overdue_ids), sorted(big[10:].ids))

    def test_overdue_menu_action_filters(self):
        action = self.env.ref("hr_contract_risk.hr_si_stoppage_action_overdue")
        self.assertIn("search_default_overdue", action.context)
