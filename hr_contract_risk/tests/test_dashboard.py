"""Contract Risk dashboards (spreadsheet_dashboard): records, JSON, every model/field/domain in it,
who sees which dashboard.  The JSON is written by scripts/gen-dashboard.py."""

import base64
import io
import json
import re
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user
from odoo.tools.safe_eval import safe_eval
from odoo.tools.translate import extract_spreadsheet_terms

PINNED = date(2026, 3, 10)
FORMULA = re.compile(r'^=(PIVOT\.VALUE|PIVOT\.HEADER)\((\d+),"([^"]+)"')


def eval_domain(domain, today):
    """What the web client's Domain class does with the domain strings of the JSON."""
    if isinstance(domain, list):
        return domain
    return safe_eval(domain, {"context_today": lambda: today, "relativedelta": relativedelta})


@tagged("post_install", "-at_install")
class TestDashboard(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.risk = cls.env.ref("hr_contract_risk.spreadsheet_dashboard_contract_risk")
        cls.finance = cls.env.ref("hr_contract_risk.spreadsheet_dashboard_labour_cost")
        # An HR officer of this addon also manages contracts (hr_contract's own group gives hr.contract access).
        cls.user_hr = new_test_user(cls.env, "hrcr_dash_hr", groups="hr.group_hr_user,hr_contract.group_hr_contract_manager")
        cls.user_finance = new_test_user(cls.env, "hrcr_dash_fin", groups="account.group_account_invoice")
        cls.user_emp = new_test_user(cls.env, "hrcr_dash_emp", groups="base.group_user")

    def _data(self, dashboard):
        return json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))

    def _sources(self, data):
        """(name, model, domain, measures, groupbys) of every pivot and chart of the spreadsheet."""
        for pivot in data["pivots"].values():
            yield (pivot["name"], pivot["model"], pivot["domain"], [m["fieldName"] for m in pivot["measures"]],
                   [r["fieldName"] for r in pivot["rows"] + pivot["columns"]])
        for sheet in data["sheets"]:
            for figure in sheet["figures"]:
                if figure["data"]["type"].startswith("odoo_"):
                    meta, params = figure["data"]["metaData"], figure["data"]["searchParams"]
                    yield (figure["data"]["title"]["text"], meta["resModel"], params["domain"], [meta["measure"]],
                           meta["groupBy"])
        for lst in data["lists"].values():
            yield lst["name"], lst["model"], lst["domain"], lst["columns"], []

    def test_records_and_groups(self):
        self.assertEqual(self.risk.group_ids, self.env.ref("hr.group_hr_user"))
        self.assertEqual(self.finance.group_ids, self.env.ref("account.group_account_invoice"))
        self.assertEqual(self.risk.dashboard_group_id, self.env.ref("spreadsheet_dashboard.spreadsheet_dashboard_group_hr"))
        self.assertTrue(self.risk.is_published and self.finance.is_published)
        for dashboard in self.risk | self.finance:
            data = self._data(dashboard)
            self.assertEqual(data["version"], 21)
            self.assertTrue(data["pivots"])

    def test_models_fields_and_formulas(self):
        """Every model, measure, group-by and formula of the JSON exists (a typo shows as #ERROR in the UI)."""
        for dashboard in self.risk | self.finance:
            data = self._data(dashboard)
            for name, model, _domain, measures, groupbys in self._sources(data):
                with self.subTest(dashboard=dashboard.name, source=name):
                    self.assertIn(model, self.env)
                    fields = self.env[model]._fields
                    for fname in measures:
                        if fname != "__count":
                            self.assertIn(fname, fields)
                            self.assertTrue(fields[fname].aggregator or fields[fname].type == "many2one",
                                            f"{model}.{fname} is not aggregatable")
                    for gb in groupbys:
                        self.assertIn(gb.split(":")[0], fields)
            for sheet in data["sheets"]:
                for ref, cell in sheet["cells"].items():
                    match = FORMULA.match(cell["content"])
                    if not match:
                        continue
                    with self.subTest(dashboard=dashboard.name, cell=ref):
                        func, pid, arg = match.groups()
                        pivot = data["pivots"][pid]
                        if func == "PIVOT.VALUE":
                            self.assertIn(arg, [m["fieldName"] for m in pivot["measures"]])
                        else:
                            self.assertIn(arg.lstrip("#"), [r["fieldName"] for r in pivot["rows"]])

    def test_domains_as_each_audience(self):
        """Each domain evaluates as the browser does and the dashboard's own audience can read_group it."""
        for dashboard, user in ((self.risk, self.user_hr), (self.finance, self.user_finance)):
            for name, model, domain, measures, groupbys in self._sources(self._data(dashboard)):
                with self.subTest(dashboard=dashboard.name, source=name):
                    domain = eval_domain(domain, PINNED)
                    Model = self.env[model].with_user(user)
                    Model.search_count(domain)
                    Model.read_group(domain, [m for m in measures if m != "__count"], groupbys, lazy=False)

    def test_finance_dashboard_has_no_risk(self):
        models = {source[1] for source in self._sources(self._data(self.finance))}
        self.assertEqual(models, {"hr.severance", "hr.labour.cost.report"})
        self.assertFalse(self.env["hr.attrition.score"].with_user(self.user_finance).has_access("read"))

    def test_who_sees_which_dashboard(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        self.assertIn(self.risk, Dashboard.with_user(self.user_hr).search([]))
        self.assertNotIn(self.finance, Dashboard.with_user(self.user_hr).search([]))
        self.assertIn(self.finance, Dashboard.with_user(self.user_finance).search([]))
        self.assertNotIn(self.risk, Dashboard.with_user(self.user_finance).search([]))
        visible = Dashboard.with_user(self.user_emp).search([])
        self.assertFalse((self.risk | self.finance) & visible)
        with self.assertRaises(AccessError):
            self.risk.with_user(self.user_emp).read(["spreadsheet_data"])
        with self.assertRaises(AccessError):
            self.risk.with_user(self.user_finance).read(["name"])

    def test_labels_are_translatable(self):
        """Odoo's .pot export extracts the _t() labels of data/*_dashboard.json: they are translated by the .po."""
        for dashboard, path in ((self.risk, "contract_risk_dashboard.json"), (self.finance, "labour_cost_dashboard.json")):
            data = self._data(dashboard)
            terms = {t[2] for t in extract_spreadsheet_terms(io.StringIO(json.dumps(data)), [], [], {})}
            self.assertIn("Severance cost, year to date (LCL Art. 47)", terms, path)
            for sheet in data["sheets"]:
                for cell in sheet["cells"].values():
                    content = cell["content"]
                    self.assertTrue(content.startswith(("=PIVOT", "=_t(")), content)

    @freeze_time(PINNED)
    def test_expiry_figures_count_by_hand(self):
        """A contract ending in 5 days is in the 7/30/60-day figures; one ending in 45 days only in 60 (LCL Art. 44)."""
        pivots = {p["name"]: p for p in self._data(self.risk)["pivots"].values()}
        employee = self.env["hr.employee"].create({"name": "到期测试"})
        employee2 = self.env["hr.employee"].create({"name": "到期测试二"})
        Contract = self.env["hr.contract"]
        c5 = Contract.create({"name": "C5", "employee_id": employee.id, "wage": 8000, "state": "open",
                              "date_start": PINNED - relativedelta(years=1),
                              "date_end": PINNED + relativedelta(days=5)})
        c45 = Contract.create({"name": "C45", "employee_id": employee2.id, "wage": 8000, "state": "open",
                               "date_start": PINNED - relativedelta(years=1),
                               "date_end": PINNED + relativedelta(days=45)})
        Hr = Contract.with_user(self.user_hr)
        found = {days: Hr.search(eval_domain(pivots[f"Contracts expiring in {days} days"]["domain"], PINNED))
                 for days in (7, 30, 60)}
        self.assertIn(c5, found[7] & found[30] & found[60])
        self.assertIn(c45, found[60])
        self.assertNotIn(c45, found[30] | found[7])

    def test_hr_officer_without_contracts_rights(self):
        """As docs/dashboard.md says: the contract figures are refused, every other figure reads."""
        officer = new_test_user(self.env, "hrcr_dash_hr_only", groups="hr.group_hr_user")
        for name, model, domain, _measures, _groupbys in self._sources(self._data(self.risk)):
            with self.subTest(source=name):
                Model = self.env[model].with_user(officer)
                if model == "hr.contract":
                    with self.assertRaises(AccessError):
                        Model.search_count(eval_domain(domain, PINNED))
                else:
                    Model.search_count(eval_domain(domain, PINNED))
