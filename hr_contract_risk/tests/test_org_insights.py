from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestOrgInsights(TransactionCase):
    """Organisation insights on a small org chart (issue 13).

    D (manager M): M, r1 (> r1a), r2, r3, r4, and x who left 2 months ago; D2 (sub-department,
    manager M2 who reports to M): M2, s1, s2. r1-r3 have a falling KPI trend, r1 and r2 are at
    high attrition risk, r3's contract expired 10 days ago without decision and has an open alert, r4's
    renewal review is still open 5 days after the end of the contract.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.today = fields.Date.context_today(cls.env["hr.org.insight"])
        cls.company = cls.env["res.company"].create({"name": "OI 组织洞察", "hrcr_oi_span_threshold": 4})
        cls.other_company = cls.env["res.company"].create({"name": "OI other"})
        cid = cls.company.id

        def user(login, groups, company=cls.company):
            return new_test_user(cls.env, login, groups=groups, company_id=company.id,
                                 company_ids=[Command.set([company.id])])

        cls.user_hr = user("oi_hr", "base.group_user,hr.group_hr_user")
        cls.user_hrm = user("oi_hrm", "base.group_user,hr.group_hr_manager")
        cls.user_mgr = user("oi_mgr", "base.group_user")
        cls.user_sub = user("oi_sub", "base.group_user")
        cls.user_emp = user("oi_emp", "base.group_user")
        cls.user_fin = user("oi_fin", "base.group_user,account.group_account_invoice")
        cls.user_hr_other = user("oi_hr_other", "base.group_user,hr.group_hr_user", cls.other_company)
        Employee = cls.env["hr.employee"]
        Dept = cls.env["hr.department"]
        cls.dept = Dept.create({"name": "招商部", "company_id": cid})
        cls.dept2 = Dept.create({"name": "渠道组", "company_id": cid, "parent_id": cls.dept.id})

        def emp(name, parent=None, dept=None, **kw):
            return Employee.create({"name": name, "company_id": cid, "parent_id": parent and parent.id,
                                    "department_id": (dept or cls.dept).id, **kw})

        cls.m = emp("张敏", user_id=cls.user_mgr.id)
        cls.dept.manager_id = cls.m
        cls.r1, cls.r2, cls.r3, cls.r4 = (emp(n, cls.m) for n in ("r1", "r2", "r3", "r4"))
        cls.r1a = emp("r1a", cls.r1)
        cls.m2 = emp("李娜", cls.m, cls.dept2, user_id=cls.user_sub.id)
        cls.dept2.manager_id = cls.m2
        cls.s1, cls.s2 = emp("s1", cls.m2, cls.dept2), emp("s2", cls.m2, cls.dept2)
        cls.x = emp("x", cls.m, departure_date=cls.today - relativedelta(months=2))
        cls.x.active = False
        emp("user", user_id=cls.user_emp.id, dept=cls.dept2, parent=cls.s2)
        # falling KPI: r1-r3 (90, 80, 70 % completion), r4 flat
        for employee, ratios in ((cls.r1, (90, 80, 70)), (cls.r2, (95, 85, 75)), (cls.r3, (100, 90, 60)),
                                 (cls.r4, (80, 80, 80))):
            for months_ago, ratio in zip((3, 2, 1), ratios):
                start = (cls.today - relativedelta(months=months_ago)).replace(day=1)
                cls.env["hr.kpi.appraisal"].create({
                    "employee_id": employee.id, "date_start": start, "periodicity": "monthly",
                    "date_end": start + relativedelta(months=1, days=-1), "state": "confirmed",
                    "line_ids": [Command.create({"name": "招商额", "target": 100, "actual": ratio, "weight": 100,
                                                 "direction": "higher", "cap": 120})]})
        for employee in (cls.r1, cls.r2):
            cls.env["hr.attrition.score"].create({
                "employee_id": employee.id, "company_id": cid, "department_id": cls.dept.id, "risk": 80,
                "band": "high", "computed_on": cls.today})
        cls.contract = cls.env["hr.contract"].create({
            "name": "r3", "employee_id": cls.r3.id, "company_id": cid, "wage": 8000, "state": "open",
            "date_start": cls.today - relativedelta(years=2), "date_end": cls.today - relativedelta(days=10)})
        activity = cls.env["mail.activity"].create({
            "res_model_id": cls.env["ir.model"]._get_id("hr.contract"), "res_id": cls.contract.id,
            "activity_type_id": cls.env.ref("mail.mail_activity_data_todo").id, "user_id": cls.user_hr.id})
        cls.env["hr.contract.expiry.alert"].create({
            "contract_id": cls.contract.id, "employee_id": cls.r3.id, "company_id": cid, "kind": "escalation",
            "end_date": cls.contract.date_end, "fired_on": cls.today, "activity_id": activity.id})
        # r4: a decision recorded on the contract, but its renewal review still open after the end date;
        # r3: an open review too, on the contract already overdue (counted once)
        contract4 = cls.env["hr.contract"].create({
            "name": "r4", "employee_id": cls.r4.id, "company_id": cid, "wage": 8000, "state": "open",
            "date_start": cls.today - relativedelta(years=2), "date_end": cls.today - relativedelta(days=5),
            "renewal_decision_date": cls.today - relativedelta(days=20)})
        Review = cls.env["hr.contract.renewal.review"]
        Review.create([{"contract_id": contract4.id, "end_date": contract4.date_end},
                       {"contract_id": cls.contract.id, "end_date": cls.contract.date_end}])
        cls.Insight = cls.env["hr.org.insight"]
        cls.Insight._hrcr_refresh(cls.company)

    def rows(self, user=None, **kw):
        Insight = self.Insight.with_user(user) if user else self.Insight
        return Insight.search([("company_id", "=", self.company.id), *[(k, "=", v) for k, v in kw.items()]])

    # ------------------------------------------------------------------ figures and findings
    def test_manager_figures(self):
        row = self.rows(kind="manager", manager_id=self.m.id)
        self.assertEqual(len(row), 1)
        self.assertEqual((row.headcount, row.span, row.layers), (5, 5, 3))  # r1-r4, 李娜; 李娜 > s2 > user
        self.assertEqual(row.declining_count, 3)
        self.assertLess(row.kpi_trend, 0)
        self.assertEqual((row.high_risk_count, row.high_risk_share), (2, 40.0))
        self.assertEqual(row.departures, 1)
        self.assertAlmostEqual(row.turnover, 100 / 5.5, places=1)  # 6 a year ago, 5 now
        self.assertEqual((row.open_alerts, row.overdue_decisions), (1, 2))  # r3's contract, r4's open review
        self.assertEqual([f["code"] for f in row.findings_json], ["span", "team_decline"])
        self.assertEqual([f["code"] for f in row.risk_findings_json], ["high_risk"])
        text = row.findings_text
        for words in ("consider a team lead", "threshold 4", "look at the team, not only the people",
                      "talk to the manager", "40 %"):
            self.assertIn(words, text)

    def test_department_figures(self):
        dept = self.rows(kind="department", department_id=self.dept.id)
        self.assertEqual((dept.headcount, dept.span, dept.layers, dept.departures), (6, 5, 3, 1))
        self.assertEqual(dept.manager_id, self.m)
        sub = self.rows(kind="department", department_id=self.dept2.id)
        self.assertEqual((sub.headcount, sub.span, sub.layers), (4, 2, 2))
        small = self.rows(kind="manager", manager_id=self.m2.id)
        self.assertEqual((small.span, small.layers, small.has_findings), (2, 2, False))
        self.assertFalse(small.findings_json)
        self.assertFalse(small.findings_text)
        self.assertEqual(len(self.rows(kind="manager")), 4)  # 张敏, r1, 李娜, s2

    def test_refresh_is_idempotent(self):
        fnames = ["name", "kind", "headcount", "span", "layers", "turnover", "findings_json", "risk_findings_json"]

        def snapshot():
            return sorted(([r[f] for f in fnames] for r in self.rows().read(fnames)), key=str)

        before, ids = snapshot(), self.rows().ids
        self.Insight._hrcr_refresh(self.company)
        self.Insight._hrcr_refresh(self.company)
        self.assertFalse(self.Insight.browse(ids).exists())
        self.assertEqual(snapshot(), before)

    def test_no_activity_is_created(self):
        count = self.env["mail.activity"].search_count([])
        self.Insight._hrcr_refresh(self.company)
        self.assertEqual(self.env["mail.activity"].search_count([]), count)

    def _company_of(self, size):
        company = self.env["res.company"].create({"name": "OI size %s" % size})
        dept = self.env["hr.department"].create({"name": "D%s" % size, "company_id": company.id})
        boss = self.env["hr.employee"].create({"name": "boss", "company_id": company.id, "department_id": dept.id})
        dept.manager_id = boss
        staff = self.env["hr.employee"].create([
            {"name": "e%s" % i, "company_id": company.id, "department_id": dept.id, "parent_id": boss.id}
            for i in range(size - 1)])
        self.env["hr.contract"].create([
            {"name": e.name, "employee_id": e.id, "company_id": company.id, "wage": 6000, "state": "open",
             "date_start": self.today - relativedelta(years=1), "date_end": self.today - relativedelta(days=3)}
            for e in staff])
        self.env["hr.attrition.score"].create([
            {"employee_id": e.id, "company_id": company.id, "band": "high", "risk": 70} for e in staff[:2]])
        return company

    def _queries(self, company):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        self.Insight._hrcr_refresh(company)
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def test_query_count_does_not_grow_with_employees(self):
        small, large = self._company_of(5), self._company_of(30)
        self._queries(small)  # warm-up: caches of the registry and the access rules; rows to replace
        self._queries(large)
        self.assertEqual(self._queries(small), self._queries(large))
        row = self.Insight.search([("company_id", "=", large.id), ("kind", "=", "manager")])
        self.assertEqual((row.span, row.overdue_decisions, row.high_risk_count), (29, 29, 2))

    # ------------------------------------------------------------------ access
    def test_access_hr_officer_and_manager(self):
        self.assertEqual(len(self.rows(self.user_hr)), 6)
        self.Insight.with_user(self.user_hr).action_refresh()
        self.assertEqual(len(self.rows(self.user_hr)), 6)
        with self.assertRaises(AccessError):
            self.rows(self.user_hr).write({"name": "x"})
        rows = self.rows(self.user_hrm)
        rows.write({"name": "renamed"})
        rows.unlink()

    def test_access_department_managers_see_their_subtree(self):
        self.assertEqual(len(self.rows(self.user_mgr)), 6)  # all rows' managers are 张敏 or below
        sub = self.rows(self.user_sub)
        self.assertEqual(set(sub.mapped("name")), {"招商部 / 渠道组", "李娜", "s2"})
        with self.assertRaises(AccessError):
            sub.read(["high_risk_share"])  # risk figures are for HR
        row = self.rows(self.user_mgr, kind="manager", manager_id=self.m.id)
        self.assertIn("consider a team lead", row.findings_text)
        self.assertNotIn("talk to the manager", row.findings_text)
        with self.assertRaises(AccessError):
            self.Insight.with_user(self.user_mgr).action_refresh()

    def test_access_employee_finance_and_other_company(self):
        self.assertFalse(self.rows(self.user_emp))
        fin = self.rows(self.user_fin)
        self.assertEqual(set(fin.mapped("kind")), {"department"})
        self.assertEqual(len(fin), 2)
        fin.read(["labour_cost", "revenue", "cost_ratio", "findings_text"])
        with self.assertRaises(AccessError):
            fin.read(["high_risk_share"])
        with self.assertRaises(AccessError):
            fin.read(["risk_findings_json"])
        self.assertFalse(self.rows(self.user_hr_other))
        with self.assertRaises(AccessError):
            self.Insight.with_user(self.user_fin).action_refresh()

    # ------------------------------------------------------------------ settings
    def test_bad_settings_are_refused_naming_field_and_bound(self):
        for fname, value, words in (("hrcr_oi_span_threshold", 0, ("Span of control threshold", "1 or more")),
                                    ("hrcr_oi_decline_min_reports", 0, ("Declining reports", "1 or more")),
                                    ("hrcr_oi_high_risk_share", 120, ("High-risk share", "between 0 and 100")),
                                    ("hrcr_oi_cost_ratio_points", -1, ("Cost ratio points", "between 0 and 100")),
                                    ("hrcr_oi_decline_team_share", 101, ("Declining team share", "0 and 100"))):
            before = self.company[fname]
            with self.assertRaises(ValidationError) as exc, self.cr.savepoint():
                self.company.write({fname: value})
                self.company.flush_recordset()
            for word in words:
                self.assertIn(word, str(exc.exception))
            self.company.invalidate_recordset()
            self.assertEqual(self.company[fname], before)
        with self.assertRaises(ValidationError), self.cr.savepoint():
            settings = self.env["res.config.settings"].with_company(self.company).create(
                {"hrcr_oi_high_risk_share": 150})
            settings.execute()
        self.company.invalidate_recordset()
        self.assertEqual(self.company.hrcr_oi_high_risk_share, 30.0)


@tagged("post_install", "-at_install")
class TestOrgInsightsDemo(TransactionCase):
    """The demo: 招商部's labour cost ratio (~15 %) is above the company median, 张敏 has 13 direct reports,
    陈刚's three reports of 运营部 decline together."""

    def test_demo_findings(self):
        dept = self.env.ref("hr_contract_risk.demo_dept_sales", raise_if_not_found=False)
        if not dept:
            self.skipTest("demo data not loaded")
        Insight = self.env["hr.org.insight"]
        Insight._hrcr_refresh(dept.company_id)
        row = Insight.search([("kind", "=", "department"), ("department_id", "=", dept.id)])
        self.assertEqual(len(row), 1)
        self.assertTrue(12 <= row.cost_ratio <= 18, row.cost_ratio)
        self.assertIn("cost_ratio", [f["code"] for f in row.findings_json])
        self.assertIn("review pay structure or process", row.findings_text)
        boss = Insight.search([("kind", "=", "manager"), ("manager_id", "=", self.env.ref(
            "hr_contract_risk.demo_emp_manager").id)])
        self.assertGreaterEqual(boss.span, 13)
        self.assertIn("consider a team lead", boss.findings_text)
        ops = Insight.search([("kind", "=", "manager"), ("manager_id", "=", self.env.ref(
            "hr_contract_risk.demo_emp_ops_manager").id)])
        self.assertEqual((ops.headcount, ops.declining_count), (3, 3))
        self.assertIn("look at the team, not only the people", ops.findings_text)
