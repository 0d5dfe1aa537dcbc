"""The contract document (劳动合同): every LCL Art. 17 clause printed, a missing one refused with the
article, printing writes nothing, the signed version attached once, and the employee's download route."""

from datetime import date
from pathlib import Path

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

REPORT = "hr_contract_risk.action_report_labour_contract"
START = date(2025, 3, 1)
ZH_PO = Path(__file__).resolve().parent.parent / "i18n" / "zh_CN.po"


class LabourContractCommon:
    @classmethod
    def setup_company(cls, env):
        cls.company = env.company
        cls.company.write({
            "street": "世纪大道 100 号", "city": "上海", "hrcr_legal_representative": "李明",
            "hrcr_lc_labour_protection": "The Employer provides labour protection equipment.",
        })
        common = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        cls.hr_officer = new_test_user(
            env, login="hrlc_officer", groups="hr.group_hr_user,hr_contract.group_hr_contract_manager", **common)
        cls.plain = new_test_user(env, login="hrlc_plain", groups="base.group_user", **common)
        cls.job = env["hr.job"].create({"name": "Sales Manager"})
        cls._seq = 0

    def make(self, lang="en_US", user=None, **extra):
        type(self)._seq += 1
        employee = self.env["hr.employee"].create({
            "name": f"LC Employee {self._seq}", "company_id": self.company.id, "job_id": self.job.id,
            "identification_id": f"31010119900101{self._seq:04d}", "private_street": "漕溪北路 1 号",
            "private_city": "上海", "lang": lang, "user_id": user and user.id,
        })
        vals = {
            "name": f"LC Contract {self._seq}", "employee_id": employee.id, "company_id": self.company.id,
            "job_id": self.job.id, "date_start": START, "date_end": date(2027, 2, 28), "wage": 12000,
            "state": "open",
        }
        vals.update(extra)
        return self.env["hr.contract"].create(vals)

    def attachments(self, contract):
        return self.env["ir.attachment"].sudo().search(
            [("res_model", "=", "hr.contract"), ("res_id", "=", contract.id)])


@tagged("post_install", "-at_install")
class TestLabourContract(LabourContractCommon, TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.setup_company(cls.env)

    def html(self, contract, user=None):
        report = self.env["ir.actions.report"].with_user(user or self.hr_officer)
        return report._render_qweb_html(REPORT, contract.ids)[0].decode()

    def test_complete_contract_prints_every_article_17_clause(self):
        contract = self.make()
        html = self.html(contract)
        self.assertIn("Labour Contract", html)
        for article in range(1, 9):
            self.assertIn(f"LCL Art. 17({article})", html)
        for value in ("李明", "世纪大道 100 号", contract.employee_id.name, contract.employee_id.identification_id,
                      "漕溪北路 1 号", "Sales Manager", "12,000.00", "上海", "labour protection equipment",
                      contract.resource_calendar_id.name):
            self.assertIn(value, html)
        self.assertNotIn("LCL Art. 22", html)
        self.assertNotIn("LCL Art. 19, 20", html)

    def test_missing_mandatory_clause_refused_with_the_article(self):
        self.company.hrcr_legal_representative = False
        contract = self.make()
        with self.assertRaises(UserError) as cm:
            contract.with_user(self.hr_officer).action_hrcr_print_labour_contract()
        self.assertIn("LCL Art. 17(1)", str(cm.exception))
        self.assertIn("legal representative", str(cm.exception))
        with self.assertRaises(UserError) as cm:
            self.html(contract)
        self.assertIn("LCL Art. 17(1)", str(cm.exception))
        contract.employee_id.identification_id = False
        with self.assertRaises(UserError) as cm:
            contract._hrcr_labour_contract_check()
        self.assertIn("LCL Art. 17(2)", str(cm.exception))
        self.assertIn("LCL Art. 17(1)", str(cm.exception))

    def test_printing_never_writes_to_the_contract(self):
        contract = self.make(hrcr_signing_date=START)
        self.env.flush_all()
        contract.invalidate_recordset()
        before = (contract.write_date, contract.write_uid, contract.message_ids, self.attachments(contract))
        action = contract.with_user(self.hr_officer).action_hrcr_print_labour_contract()
        self.assertEqual(action["report_name"], "hr_contract_risk.report_labour_contract")
        self.html(contract)
        self.env["ir.actions.report"].with_user(self.hr_officer)._render_qweb_pdf(REPORT, contract.ids)
        self.env.flush_all()
        contract.invalidate_recordset()
        self.assertEqual((contract.write_date, contract.write_uid, contract.message_ids, self.attachments(contract)),
                         before)

    def test_optional_clauses_only_when_set(self):
        contract = self.make(trial_date_end=date(2025, 4, 30), hrcr_probation_wage=9600,
                             hrcr_training_service_months=24, hrcr_training_cost=30000)
        html = self.html(contract)
        self.assertIn("LCL Art. 19, 20", html)
        self.assertIn("9,600.00", html)
        self.assertIn("LCL Art. 22", html)
        self.assertIn("30,000.00", html)
        self.assertNotIn("LCL Art. 23, 24", html)
        if "hrcr_nc_duration_months" in contract._fields:  # the non-compete feature, merged separately
            contract.write({"hrcr_nc_category": "senior_manager", "hrcr_nc_duration_months": 12,
                            "hrcr_nc_compensation": 5000})
            html = self.html(contract)
            self.assertIn("LCL Art. 23, 24", html)
            self.assertIn("5,000.00", html)

    def test_training_service_period_out_of_range_refused(self):
        """LCL 22 inputs: a negative or implausible service period or cost is refused, naming field and bound."""
        contract = self.make()
        for vals, needle in (({"hrcr_training_service_months": -3}, "120"),
                             ({"hrcr_training_service_months": 600}, "120"),
                             ({"hrcr_training_cost": -1000}, "10,000,000")):
            with self.subTest(vals=vals):
                with self.assertRaises(ValidationError) as ctx:
                    contract.write(vals)
                self.assertIn(needle, str(ctx.exception))
        self.assertEqual((contract.hrcr_training_service_months, contract.hrcr_training_cost), (0, 0.0))
        contract.write({"hrcr_training_service_months": 36, "hrcr_training_cost": 20000})
        self.assertEqual(contract.hrcr_training_service_months, 36)

    def test_signed_contract_attached_once(self):
        created_signed = self.make(hrcr_signing_date=START)  # legacy data: nothing rendered at create
        self.assertFalse(created_signed.hrcr_labour_contract_attachment_id)
        imported = self.make()
        imported.with_context(import_file=True).write({"hrcr_signing_date": START})
        self.assertFalse(imported.hrcr_labour_contract_attachment_id)
        contract = self.make()
        self.assertFalse(contract.hrcr_labour_contract_attachment_id)
        contract.with_user(self.hr_officer).write({"hrcr_signing_date": START})
        attachment = contract.hrcr_labour_contract_attachment_id
        self.assertTrue(attachment)
        self.assertEqual((attachment.res_model, attachment.res_id), ("hr.contract", contract.id))
        self.assertIn(contract.employee_id.name, attachment.raw.decode())
        contract.with_user(self.hr_officer).write({"hrcr_signing_date": date(2025, 3, 2)})
        self.assertEqual(contract.hrcr_labour_contract_attachment_id, attachment)
        self.assertEqual(self.attachments(contract), attachment)

    def test_signed_with_missing_clause_not_attached_but_noted(self):
        contract = self.make()
        contract.employee_id.identification_id = False
        with self.assertLogs("odoo.addons.hr_contract_risk.models.hr_contract_labour_contract", "WARNING"):
            contract.write({"hrcr_signing_date": START})
        self.assertTrue(contract.hrcr_signing_date)
        self.assertFalse(contract.hrcr_labour_contract_attachment_id)
        self.assertIn("LCL Art. 17(2)", contract.message_ids[0].body)

    def test_only_hr_prints(self):
        contract = self.make()
        with self.assertRaises(AccessError):
            self.env["report.hr_contract_risk.report_labour_contract"].with_user(self.plain)._get_report_values(
                contract.ids)
        with self.assertRaises(AccessError):
            contract.with_user(self.plain).action_hrcr_print_labour_contract()
        self.assertIn(self.env.ref("hr.group_hr_user"), self.env.ref(REPORT).groups_id)

    def test_template_in_settings_printed_and_sanitized(self):
        settings = self.env["res.config.settings"].create({
            "hrcr_lc_other_terms": "<p>Overtime is approved in writing.</p><script>alert(1)</script>",
            "hrcr_legal_representative": "王芳",
        })
        settings.execute()
        self.assertEqual(self.company.hrcr_legal_representative, "王芳")
        self.assertNotIn("<script>", self.company.hrcr_lc_other_terms)
        html = self.html(self.make())
        self.assertIn("Overtime is approved in writing.", html)
        self.assertIn("王芳", html)

    def test_document_language_zh_cn_unless_english(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        english, chinese, unset = self.make(lang="en_US"), self.make(lang="zh_CN"), self.make(lang=False)
        unset.employee_id.work_contact_id.lang = False
        self.assertEqual(english._hrcr_labour_contract_lang(), "en_US")
        self.assertEqual(chinese._hrcr_labour_contract_lang(), "zh_CN")
        self.assertEqual(unset._hrcr_labour_contract_lang(), "zh_CN")
        self.assertIn("Labour Contract", self.html(english))

    def test_document_and_refusal_in_chinese(self):
        if 'msgstr "甲方（用人单位）"' not in ZH_PO.read_text(encoding="utf-8"):
            self.skipTest("zh_CN.po does not have the contract document's terms yet (scripts/i18n-update)")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["hr_contract_risk"], ["zh_CN"], overwrite=True)
        contract = self.make(lang="zh_CN", trial_date_end=date(2025, 4, 30))
        html = self.html(contract)
        for text in ("劳动合同", "甲方（用人单位）", "乙方（劳动者）", "《劳动合同法》第十七条第（八）项", "试用期"):
            self.assertIn(text, html)
        self.assertNotIn("Party A: the Employer", html)
        contract.employee_id.identification_id = False
        officer_zh = self.hr_officer.with_context(lang="zh_CN")
        officer_zh.lang = "zh_CN"
        with self.assertRaises(UserError) as cm:
            contract.with_user(self.hr_officer).with_context(lang="zh_CN").action_hrcr_print_labour_contract()
        self.assertIn("《劳动合同法》第十七条第（二）项", str(cm.exception))
        self.assertIn("居民身份证", str(cm.exception))


@tagged("post_install", "-at_install")
class TestLabourContractRoute(LabourContractCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_company(cls.env)
        cls.employee_user = new_test_user(cls.env, login="hrlc_employee", groups="base.group_user",
                                          company_id=cls.company.id)

    def test_employee_downloads_own_signed_contract_only(self):
        own, other = self.make(user=self.employee_user), self.make()
        (own | other).write({"hrcr_signing_date": START})
        unsigned = self.env["hr.contract"].create({
            "name": "LC later contract", "employee_id": own.employee_id.id, "company_id": self.company.id,
            "date_start": date(2027, 3, 1), "date_end": date(2029, 2, 28), "wage": 12000, "state": "draft"})
        self.assertTrue(own.hrcr_labour_contract_attachment_id)
        self.authenticate("hrlc_employee", "hrlc_employee")
        response = self.url_open(own._hrcr_labour_contract_download_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn(own.employee_id.name, response.text)
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))
        self.assertEqual(self.url_open(other._hrcr_labour_contract_download_url()).status_code, 404)
        self.assertEqual(self.url_open(unsigned._hrcr_labour_contract_download_url()).status_code, 404)
        self.assertEqual(self.url_open("/hr_contract_risk/my_labour_contract/999999999").status_code, 404)
