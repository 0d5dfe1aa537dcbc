"""The import templates (static/xls) import as they are, column by column, and a bad row is
refused with its row number and nothing written (#15: onboarding from spreadsheets)."""
import io
import unittest

from odoo.exceptions import ValidationError
from odoo.tests import can_import, tagged
from odoo.tests.common import TransactionCase, new_test_user
from odoo.tools.misc import file_open

try:
    import openpyxl
except ImportError:  # pragma: no cover
    openpyxl = None

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPTIONS = {
    "import_skip_records": [], "import_set_empty_fields": [], "fallback_values": {},
    "name_create_enabled_fields": {}, "encoding": "", "separator": "", "quoting": '"',
    "date_format": "%Y-%m-%d", "datetime_format": "", "float_thousand_separator": ",",
    "float_decimal_separator": ".", "advanced": True, "has_headers": True, "keep_matches": False,
    "limit": 2000, "skip": 0, "tracking_disable": True,
}
# model -> (template file, the field each column must map to)
TEMPLATES = {
    "hr.contract": ("hr_contract.xlsx", [
        "name", "employee_id", "date_start", "date_end", "trial_date_end", "wage", "hrcr_probation_wage",
        "hrcr_signing_date"]),
    "hr.wage.history": ("hr_wage_history.xlsx", ["employee_id", "month", "amount", "overtime_amount", "note"]),
    "hr.kpi.appraisal": ("hr_kpi_appraisal.xlsx", [
        "employee_id", "periodicity", "date_start", "date_end", "line_ids/name", "line_ids/target",
        "line_ids/actual", "line_ids/weight"]),
    "hr.talk.log": ("hr_talk_log.xlsx", ["employee_id", "date", "name", "kind", "content", "employee_response"]),
}


@tagged("post_install", "-at_install")
@unittest.skipUnless(can_import("openpyxl"), "openpyxl is needed to read .xlsx imports")
class TestImportTemplates(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr = new_test_user(
            cls.env, "hrcr_import", name="HR Importer",
            groups="hr.group_hr_user,hr_contract.group_hr_contract_manager")
        cls.wang = cls.env["hr.employee"].create({"name": "Wang Wei"})
        cls.li = cls.env["hr.employee"].create({"name": "Li Na"})

    def _wizard(self, model, content):
        return self.env["base_import.import"].with_user(self.user_hr).create(
            {"res_model": model, "file": content, "file_type": XLSX})

    def _run(self, model, content, dryrun=False):
        wizard = self._wizard(model, content)
        preview = wizard.parse_preview(dict(OPTIONS))
        self.assertIsNone(preview.get("error"), preview.get("error"))
        fields = ["/".join(preview["matches"][i]) if i in preview["matches"] else False
                  for i in range(len(preview["headers"]))]
        return fields, wizard.execute_import(fields, preview["headers"], dict(OPTIONS), dryrun=dryrun)

    def _template(self, filename):
        with file_open(f"hr_contract_risk/static/xls/{filename}", "rb") as f:
            return f.read()

    def test_each_model_offers_its_template(self):
        for model, (filename, _cols) in TEMPLATES.items():
            with self.subTest(model=model):
                urls = [t["template"] for t in self.env[model].get_import_templates()]
                self.assertIn(f"/hr_contract_risk/static/xls/{filename}", urls)

    def test_templates_map_every_column_and_import(self):
        for model, (filename, expected) in TEMPLATES.items():
            with self.subTest(model=model):
                before = self.env[model].search_count([])
                fields, result = self._run(model, self._template(filename))
                self.assertEqual(fields, expected, "a column of %s no longer maps to its field" % filename)
                self.assertFalse([m for m in result["messages"] if m["type"] == "error"], result["messages"])
                self.assertGreater(self.env[model].search_count([]), before)

        contract = self.env["hr.contract"].search([("name", "=", "HT-2023-001")])
        self.assertEqual(contract.employee_id, self.wang)
        self.assertEqual(str(contract.hrcr_signing_date), "2023-03-01")
        self.assertTrue(contract.hrcr_is_signed)
        appraisal = self.env["hr.kpi.appraisal"].search([("employee_id", "=", self.wang.id)])
        self.assertEqual(appraisal.state, "draft", "historic appraisals arrive as drafts, confirmed in the list")
        self.assertEqual(sorted(appraisal.line_ids.mapped("weight")), [40.0, 60.0])
        wages = self.env["hr.wage.history"].search([("employee_id", "=", self.wang.id)])
        self.assertEqual(sorted(wages.mapped("amount")), [12000.0, 12800.0])

    def _with_bad_row(self, filename, row, col, value):
        book = openpyxl.load_workbook(io.BytesIO(self._template(filename)))
        book.active.cell(row=row, column=col, value=value)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    def test_bad_row_names_the_row_and_writes_nothing(self):
        cases = [
            # model, file, spreadsheet row (1 = header), column, bad value
            ("hr.wage.history", "hr_wage_history.xlsx", 3, 3, "twelve thousand"),  # not a number
            ("hr.wage.history", "hr_wage_history.xlsx", 3, 2, "1900-01-01"),  # outside the plausible range
            ("hr.contract", "hr_contract.xlsx", 3, 3, "2024-13-45"),  # not a date
            ("hr.talk.log", "hr_talk_log.xlsx", 2, 4, "Gossip"),  # not a kind of talk
        ]
        for model, filename, row, col, value in cases:
            with self.subTest(model=model, value=value):
                before = self.env[model].search_count([])
                _fields, result = self._run(model, self._with_bad_row(filename, row, col, value))
                errors = [m for m in result["messages"] if m["type"] == "error"]
                self.assertTrue(errors, "the bad value %r was accepted" % value)
                # a record-level error carries its data row (0-based, header excluded) in 'rows';
                # a cell that does not parse is reported with its column and the value or line
                located = any((m.get("rows") or {}).get("from") == row - 2 for m in errors) or any(
                    value in m["message"] or "line %d" % (row - 1) in m["message"] for m in errors)
                self.assertTrue(located, errors)
                self.assertFalse(result.get("ids"))
                self.assertEqual(self.env[model].search_count([]), before, "a bad row left records behind")


@tagged("post_install", "-at_install")
class TestWageHistoryBounds(TransactionCase):
    """#10 point 8: wage history for 1900 or 2200, or a wage of 1e18, is refused naming field and bound."""

    def test_out_of_range_month_and_amount_are_refused(self):
        employee = self.env["hr.employee"].create({"name": "Bounds"})
        Wage = self.env["hr.wage.history"]
        for vals, field, bound in [
            ({"month": "1900-01-01", "amount": 5000}, "Month", "1950-01-01"),
            ({"month": "2200-01-01", "amount": 5000}, "Month", "2200"),
            ({"month": "2024-01-01", "amount": 1e18}, "Gross Pay", "10,000,000"),
        ]:
            with self.subTest(vals=vals):
                with self.assertRaises(ValidationError) as caught:
                    Wage.create({"employee_id": employee.id, **vals})
                self.assertIn(field, str(caught.exception))
                if bound != "2200":
                    self.assertIn(bound, str(caught.exception))
                self.assertFalse(Wage.search([("employee_id", "=", employee.id)]))
        line = Wage.create({"employee_id": employee.id, "month": "2024-01-01", "amount": 5000})
        self.assertEqual(line.amount, 5000)
