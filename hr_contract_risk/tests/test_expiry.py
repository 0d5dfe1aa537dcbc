from datetime import date, timedelta
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

TODAY = date(2025, 6, 2)
CORE_SUMMARY = "is about to expire"
QUERIES_IDLE_RUN = 7


class ExpiryCase(TransactionCase):
    """Shared fixtures: one company with stages 60,30,7, HR users, an employee factory."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write({
            "hrcr_expiry_stages": "60,30,7",
            "hrcr_expiry_notify_manager": False,
            "hrcr_escalation_user_id": False,
            "contract_expiration_notice_period": 7,
        })
        cls.hr_officer = new_test_user(
            cls.env, login="hrcr_officer", groups="hr.group_hr_user,hr_contract.group_hr_contract_manager",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.hr_manager = new_test_user(
            cls.env, login="hrcr_hr_manager", groups="hr.group_hr_manager,hr_contract.group_hr_contract_manager",
            company_id=cls.company.id, company_ids=[Command.set(cls.company.ids)],
        )
        cls.Contract = cls.env["hr.contract"]
        cls.Alert = cls.env["hr.contract.expiry.alert"]
        cls._seq = 0

    @classmethod
    def make_contracts(cls, end_offsets, company=None, responsible=None, today=TODAY, **extra):
        """One employee and one running contract per offset (days from ``today`` to the end)."""
        company = company or cls.company
        cls._seq += len(end_offsets)
        employees = cls.env["hr.employee"].create([
            {"name": f"Expiry Employee {cls._seq}-{i}", "company_id": company.id}
            for i in range(len(end_offsets))
        ])
        return cls.env["hr.contract"].create([
            {
                "name": f"Contract {employee.name}",
                "employee_id": employee.id,
                "company_id": company.id,
                "date_start": today - timedelta(days=700),
                "date_end": today + timedelta(days=offset) if offset is not None else False,
                "wage": 8000,
                "state": "open",
                "hr_responsible_id": (responsible or cls.hr_officer).id,
                **extra,
            }
            for employee, offset in zip(employees, end_offsets)
        ])

    def run_alerts(self, **kwargs):
        return self.Alert._hrcr_run_expiry_alerts(**kwargs)

    def alerts(self, contracts):
        return self.Alert.search([("contract_id", "in", contracts.ids)])

    def activities(self, contracts, summary=None):
        domain = [("res_model", "=", "hr.contract"), ("res_id", "in", contracts.ids)]
        if summary:
            domain.append(("summary", "ilike", summary))
        return self.env["mail.activity"].search(domain)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestExpiryStages(ExpiryCase):

    def test_stage_firing(self):
        c61, c60, c45, c30, c7, c0 = contracts = self.make_contracts([61, 60, 45, 30, 7, 0])
        created = self.run_alerts()
        self.assertEqual(created, 5)
        self.assertFalse(self.alerts(c61))
        expected = {c60: 60, c45: 60, c30: 30, c7: 7, c0: 7}
        for contract, stage in expected.items():
            alert = self.alerts(contract)
            self.assertEqual(len(alert), 1)
            self.assertRecordValues(alert, [{
                "kind": "stage", "stage_days": stage, "end_date": contract.date_end,
                "days_left": (contract.date_end - TODAY).days, "fired_on": TODAY,
                "employee_id": contract.employee_id.id, "company_id": self.company.id,
                "user_id": self.hr_officer.id,
            }])
            self.assertEqual(contract.expiry_stage_days, stage)
            self.assertEqual(contract.kanban_state, "blocked", "alerted contracts are 'to renew' like core's")
            activity = self.activities(contract)
            self.assertEqual(len(activity), 1)
            self.assertEqual(alert.activity_id, activity)
            self.assertEqual(activity.user_id, self.hr_officer)
            self.assertEqual(activity.date_deadline, contract.date_end)
            self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
            self.assertIn(contract.employee_id.name, activity.summary)
            self.assertIn(f"{stage}-day alert", activity.summary)
            note = contract.message_ids.filtered(lambda m: "Contract expiry alert" in (m.body or ""))
            self.assertEqual(len(note), 1)
        self.assertIn("ends in 45 days", self.activities(c45).summary)
        self.assertIn("ends today", self.activities(c0).summary)
        self.assertEqual(c61.kanban_state, "normal")
        self.assertEqual(c61.expiry_stage_days, 0)
        self.assertEqual(contracts.employee_id.mapped("expiry_alert_count"), [0, 1, 1, 1, 1, 1])

    def test_idempotent_same_day_and_hourly(self):
        contracts = self.make_contracts([60, 30, 5, -3])
        first = self.run_alerts()
        self.assertEqual(first, 4)  # three stages and one escalation
        counts = (len(self.alerts(contracts)), len(self.activities(contracts)),
                  len(contracts.message_ids))
        for hour in range(1, 24, 3):
            with freeze_time(f"{TODAY} {hour:02d}:30:00"):
                self.assertEqual(self.run_alerts(), 0)
        self.assertEqual(
            (len(self.alerts(contracts)), len(self.activities(contracts)), len(contracts.message_ids)), counts)

    def test_daily_runs_fire_each_stage_once(self):
        contract = self.make_contracts([65])
        fired_days = []
        for day in range(66):  # up to the end date (escalation is another test)
            with freeze_time(TODAY + timedelta(days=day)):
                if self.run_alerts():
                    fired_days.append(65 - day)
        self.assertEqual(fired_days, [60, 30, 7])
        stage_alerts = self.alerts(contract).filtered(lambda a: a.kind == "stage")
        self.assertEqual(sorted(stage_alerts.mapped("stage_days")), [7, 30, 60])
        self.assertEqual(len(self.activities(contract).filtered(lambda a: "alert" in a.summary)), 3)

    def test_catch_up_fires_only_the_most_urgent_stage(self):
        contract = self.make_contracts([5])
        self.assertEqual(self.run_alerts(), 1)
        alert = self.alerts(contract)
        self.assertRecordValues(alert, [{"stage_days": 7, "days_left": 5, "covered_stages": "60,30"}])
        self.assertIn("covered", contract.message_ids[0].body)
        for day in range(1, 6):
            with freeze_time(TODAY + timedelta(days=day)):
                self.assertEqual(self.run_alerts(), 0, "covered stages never fire later")
        self.assertEqual(len(self.alerts(contract)), 1)
        self.assertEqual(len(self.activities(contract)), 1)

    def test_re_arm_after_extension(self):
        contract = self.make_contracts([5])
        self.run_alerts()
        self.assertEqual(contract.expiry_stage_days, 7)
        old_end = contract.date_end
        contract.date_end = old_end + timedelta(days=90)  # extension signed
        self.assertEqual(contract.expiry_stage_days, 0, "a new end date starts clean")
        self.assertEqual(self.run_alerts(), 0, "95 days left: no stage due yet")
        with freeze_time(TODAY + timedelta(days=35)):
            self.assertEqual(self.run_alerts(), 1)
        new_alert = self.alerts(contract).filtered(lambda a: a.end_date == contract.date_end)
        self.assertRecordValues(new_alert, [{"stage_days": 60, "days_left": 60}])
        self.assertEqual(contract.expiry_stage_days, 60)
        self.assertEqual(len(self.alerts(contract)), 2)
        # back to the old end date (extension cancelled): its stages were fired, nothing more
        contract.date_end = old_end
        self.assertEqual(contract.expiry_stage_days, 7)

    def test_open_ended_contracts_never_alert(self):
        contract = self.make_contracts([None])
        for day in (0, 100, 400):
            with freeze_time(TODAY + timedelta(days=day)):
                self.assertEqual(self.run_alerts(), 0)
        self.assertFalse(self.alerts(contract))
        self.assertFalse(self.activities(contract))

    def test_draft_and_cancelled_contracts_do_not_alert(self):
        draft = self.make_contracts([10], state="draft")
        cancelled = self.make_contracts([10], state="cancel")
        self.assertEqual(self.run_alerts(), 0)
        self.assertFalse(self.alerts(draft | cancelled))

    def test_manager_is_alerted_when_configured(self):
        manager_user = new_test_user(self.env, login="hrcr_dept_manager", groups="base.group_user")
        manager = self.env["hr.employee"].create({"name": "Dept Manager", "user_id": manager_user.id})
        contract = self.make_contracts([30])
        contract.employee_id.parent_id = manager
        self.company.hrcr_expiry_notify_manager = True
        self.run_alerts()
        activities = self.activities(contract)
        self.assertEqual(activities.user_id, self.hr_officer | manager_user)
        self.assertEqual(self.alerts(contract).activity_id.user_id, self.hr_officer)

    def test_no_hr_responsible_falls_back_to_escalation_user(self):
        contract = self.make_contracts([30])
        contract.hr_responsible_id = False
        self.company.hrcr_escalation_user_id = self.hr_manager
        self.run_alerts()
        self.assertEqual(self.activities(contract).user_id, self.hr_manager)

    def test_two_companies_with_different_stages(self):
        company_b = self.env["res.company"].create({"name": "Expiry Co B", "hrcr_expiry_stages": "90,10"})
        officer_b = new_test_user(
            self.env, login="hrcr_officer_b", groups="hr.group_hr_user,hr_contract.group_hr_contract_manager",
            company_id=company_b.id, company_ids=[Command.set(company_b.ids)],
        )
        a80, a20 = self.make_contracts([80, 20])
        b80, b20, b9 = self.make_contracts([80, 20, 9], company=company_b, responsible=officer_b)
        self.run_alerts()
        self.assertFalse(self.alerts(a80), "company A's largest stage is 60")
        self.assertEqual(self.alerts(a20).stage_days, 30)
        self.assertEqual(self.alerts(b80).stage_days, 90)
        self.assertEqual(self.alerts(b20).stage_days, 90, "B has no 30-day stage")
        self.assertEqual(self.alerts(b9).stage_days, 10)
        self.assertEqual(self.alerts(b80).company_id, company_b)
        # each officer sees only the alerts of their company
        seen_b = self.Alert.with_user(officer_b).search([])
        self.assertEqual(seen_b, self.alerts(b80 | b20 | b9))
        with self.assertRaises(AccessError):
            self.alerts(a20).with_user(officer_b).read(["stage_days"])

    def test_hook_receives_the_fired_alerts_once_per_batch(self):
        contracts = self.make_contracts([60, 30, 5])
        calls = []
        Contract = type(self.Contract)
        original = Contract._hrcr_on_expiry_stages_fired

        def spy(records, fired):
            calls.append(fired)
            return original(records, fired)

        with patch.object(Contract, "_hrcr_on_expiry_stages_fired", spy):
            self.run_alerts(batch_size=2)
        self.assertEqual(len(calls), 2)
        fired = sorted((f["contract_id"], f["stage_days"], f["end_date"]) for call in calls for f in call)
        self.assertEqual(fired, sorted((c.id, s, c.date_end) for c, s in zip(contracts, (60, 30, 7))))

    def test_stage_alert_opens_one_renewal_review_per_end_date(self):
        contract = self.make_contracts([25])
        self.run_alerts()
        review = self.env["hr.contract.renewal.review"].search([("contract_id", "=", contract.id)])
        self.assertEqual(len(review), 1, "the 30-day alert opens the renewal review")
        self.assertEqual(review.end_date, contract.date_end)
        self.assertEqual(review.expiry_stage_days, 30)
        with freeze_time(TODAY + timedelta(days=20)):
            self.run_alerts()  # the 7-day stage fires: same end date, no second review
        self.assertEqual(self.env["hr.contract.renewal.review"].search_count([("contract_id", "=", contract.id)]), 1)

    def test_time_budget_stops_between_batches(self):
        contracts = self.make_contracts([60, 59, 30, 29, 7])
        self.assertEqual(self.run_alerts(batch_size=2, time_budget=0), 2, "one batch, then the budget is spent")
        self.assertEqual(self.run_alerts(batch_size=2, time_budget=0), 2, "the next call continues")
        self.assertEqual(self.run_alerts(batch_size=2, time_budget=0), 1)
        self.assertEqual(self.run_alerts(batch_size=2, time_budget=0), 0)
        self.assertEqual(len(self.alerts(contracts)), 5)

    def test_unique_alert_per_contract_end_date_stage(self):
        contract = self.make_contracts([30])
        self.run_alerts()
        alert = self.alerts(contract)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.Alert.create({
                "contract_id": contract.id, "employee_id": contract.employee_id.id,
                "company_id": contract.company_id.id, "end_date": alert.end_date,
                "stage_days": alert.stage_days, "kind": "stage", "fired_on": TODAY,
            })

    def test_concurrent_run_is_dropped_without_doubling(self):
        """A run that loses the race on the unique constraint creates no activity either."""
        contract = self.make_contracts([30])
        rows = [{
            "contract_id": contract.id, "employee_id": contract.employee_id.id, "company_id": self.company.id,
            "end_date": contract.date_end, "kind": "stage", "stage_days": 30, "fired_on": TODAY,
        }]
        self.Alert.create(rows)  # the other run committed this meanwhile
        activity_vals = [self.Alert._hrcr_activity_vals(
            self.Alert._hrcr_activity_defaults(), contract.id, self.hr_officer.id, TODAY, "x", "y")]
        with mute_logger("odoo.sql_db"):
            created = self.Alert._hrcr_create_alerts([dict(rows[0])], activity_vals)
        self.assertFalse(created)
        self.assertFalse(self.activities(contract))

    def test_query_count_is_independent_of_the_number_of_contracts(self):
        self.make_contracts([60, 30, 5, -2])  # warm-up: caches (refs, models, translations)
        self.run_alerts()

        def measure(size, day):
            """Queries of one run firing ``size`` stage alerts and ``size // 5`` escalations."""
            today = TODAY + timedelta(days=day)
            with freeze_time(today):
                contracts = self.make_contracts([(60, 30, 5, 45, -2)[i % 5] for i in range(size)], today=today)
                self.env.flush_all()
                self.env.invalidate_all()
                count0 = self.cr.sql_log_count
                created = self.run_alerts()
                self.env.flush_all()
                self.assertEqual(created, size)
                self.assertEqual(len(self.alerts(contracts)), size)
                return self.cr.sql_log_count - count0

        queries_5 = measure(5, 1)
        queries_30 = measure(30, 2)
        self.assertEqual(queries_30, queries_5)
        # assertQueryCount on a third, bigger run, with the count measured for 5
        with freeze_time(TODAY + timedelta(days=3)):
            contracts = self.make_contracts([(60, 30, 5, 45, -2)[i % 5] for i in range(50)],
                                            today=TODAY + timedelta(days=3))
            self.env.invalidate_all()
            with self.assertQueryCount(queries_5):
                self.assertEqual(self.run_alerts(), 50)
        self.assertEqual(len(self.alerts(contracts)), 50)
        # a repeated run reads the candidates only: a few queries, nothing created
        with freeze_time(TODAY + timedelta(days=3)), self.assertQueryCount(QUERIES_IDLE_RUN):
            self.assertEqual(self.run_alerts(), 0)

    def test_employee_counter_and_contract_actions(self):
        contract = self.make_contracts([30])
        self.run_alerts()
        employee = contract.employee_id
        self.assertEqual(employee.expiry_alert_count, 1)
        action = employee.action_open_expiry_alerts()
        self.assertEqual(self.Alert.search(action["domain"]), self.alerts(contract))
        self.assertEqual(contract.expiry_alert_count, 1)
        action = contract.action_open_expiry_alerts()
        self.assertEqual(self.Alert.search(action["domain"]), self.alerts(contract))
        self.assertEqual(contract.expiry_days_left, 30)

    def test_filters_match_the_intended_contracts(self):
        c5, c25, c55, c90, c_past = self.make_contracts([5, 25, 55, 90, -4])
        search_view = self.env.ref("hr_contract_risk.hr_contract_view_search_expiry")
        self.assertIn('name="expiring_30"', search_view.arch)
        mine = c5 | c25 | c55 | c90 | c_past
        for days, expected in ((60, c5 | c25 | c55), (30, c5 | c25), (7, c5)):
            domain = [("id", "in", mine.ids), ("state", "=", "open"),
                      ("date_end", ">=", TODAY), ("date_end", "<=", TODAY + timedelta(days=days))]
            self.assertEqual(self.Contract.search(domain), expected)
        self.assertEqual(self.Contract.search([("id", "in", mine.ids), ("expiry_overdue", "=", True)]), c_past)
        self.assertEqual(self.Contract.search([("id", "in", mine.ids), ("expiry_overdue", "!=", True)]),
                         mine - c_past)
        self.assertTrue(c_past.expiry_overdue)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestExpiryEscalation(ExpiryCase):

    def test_escalation_once_with_flag(self):
        contract = self.make_contracts([-3])
        self.company.hrcr_escalation_user_id = self.hr_manager
        self.assertTrue(contract.expiry_overdue)
        self.assertEqual(self.run_alerts(), 1)
        alert = self.alerts(contract)
        self.assertRecordValues(alert, [{"kind": "escalation", "stage_days": 0, "days_left": -3,
                                         "user_id": self.hr_manager.id}])
        self.assertTrue(contract.expiry_escalated)
        activity = self.activities(contract)
        self.assertEqual(activity.user_id, self.hr_manager)
        self.assertIn("3 days ago", activity.summary)
        self.assertIn("Art. 82", activity.note)
        for day in range(5):
            with freeze_time(TODAY + timedelta(days=day)):
                self.assertEqual(self.run_alerts(), 0)
        self.assertEqual(len(self.activities(contract)), 1)

    def test_expiries_older_than_a_year_are_not_escalated(self):
        ancient, recent = self.make_contracts([-367, -366])
        self.run_alerts()
        self.assertFalse(self.alerts(ancient), "deemed open-ended by now (LCL Art. 14): history, not an alert")
        self.assertFalse(ancient.expiry_overdue)
        self.assertEqual(self.alerts(recent).kind, "escalation")

    def test_escalation_of_contract_closed_by_core(self):
        contract = self.make_contracts([-1], state="close")
        self.run_alerts()
        self.assertEqual(self.alerts(contract).kind, "escalation")

    def test_escalation_defaults_to_first_hr_manager(self):
        contract = self.make_contracts([-2])
        expected = self.env["res.users"].search([
            ("groups_id", "in", self.env.ref("hr.group_hr_manager").id), ("share", "=", False),
            ("id", "!=", self.env.ref("base.user_root").id), ("company_ids", "in", self.company.id),
        ], order="id", limit=1)
        self.run_alerts()
        self.assertTrue(expected)
        self.assertEqual(self.activities(contract).user_id, expected)

    def test_no_escalation_with_decision_successor_or_departed_employee(self):
        decided, followed, departed, fine = self.make_contracts([-5, -5, -5, -5])
        decided.renewal_decision_date = TODAY - timedelta(days=20)
        self.env["hr.contract"].create({
            "name": "Successor", "employee_id": followed.employee_id.id, "company_id": self.company.id,
            "date_start": followed.date_end + timedelta(days=1), "wage": 8000, "state": "draft",
        })
        self.assertTrue(followed.expiry_has_successor)
        departed.employee_id.active = False
        self.run_alerts()
        self.assertFalse(self.alerts(decided | followed | departed))
        self.assertEqual(self.alerts(fine).kind, "escalation")
        self.assertEqual(self.Contract.search([("expiry_overdue", "=", True),
                                               ("id", "in", (decided | followed | departed | fine).ids)]), fine)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestExpiryCoreCoexistence(ExpiryCase):

    def test_update_state_yields_our_alerts_and_no_core_duplicate(self):
        c5, c20, c0, c_far = contracts = self.make_contracts([5, 20, 0, 120])
        self.Contract.update_state()
        self.assertFalse(self.activities(contracts, CORE_SUMMARY), "core's to-do is replaced by ours")
        self.assertEqual(self.alerts(c5).stage_days, 7)
        self.assertEqual(self.alerts(c20).stage_days, 30)
        self.assertEqual(self.alerts(c0).stage_days, 7, "on the end date our alert fires before core closes")
        self.assertEqual(c0.state, "close")
        self.assertFalse(self.alerts(c_far))
        for contract in c5 | c20 | c0:
            self.assertEqual(len(self.activities(contract)), 1)
        # the pair again, in any order, the next hours and days: still nothing doubled
        self.Alert._hrcr_run_expiry_alerts()
        self.Contract.update_state()
        with freeze_time(TODAY + timedelta(days=1)):
            self.Contract.update_state()
        for contract in c5 | c20:
            self.assertEqual(len(self.activities(contract)), 1)
        self.assertFalse(self.activities(contracts, CORE_SUMMARY))

    def test_core_alone_would_have_warned(self):
        """Control: without our pass, core's update_state creates its own to-do for c5."""
        c5 = self.make_contracts([5])
        with patch.object(type(self.Alert), "_hrcr_run_expiry_alerts", lambda self, **kw: 0):
            self.Contract.update_state()
        self.assertEqual(len(self.activities(c5, CORE_SUMMARY)), 1)
        self.assertEqual(c5.kanban_state, "blocked")

    def test_alert_run_first_then_core(self):
        c5 = self.make_contracts([5])
        self.Alert._hrcr_run_expiry_alerts()
        self.Contract.update_state()
        self.assertEqual(len(self.activities(c5)), 1)
        self.assertFalse(self.activities(c5, CORE_SUMMARY))


@tagged("post_install", "-at_install")
class TestExpirySettings(ExpiryCase):

    def test_valid_stages_are_saved(self):
        settings = Form(self.env["res.config.settings"])
        settings.hrcr_expiry_stages = "7, 30, 90"
        settings.hrcr_expiry_notify_manager = True
        settings.save().execute()
        self.assertEqual(self.company.hrcr_expiry_stages, "7, 30, 90")
        self.assertEqual(self.company._hrcr_expiry_stages(), (90, 30, 7))
        self.assertTrue(self.company.hrcr_expiry_notify_manager)

    def test_bad_stages_are_refused_and_nothing_saved(self):
        for bad, fragment in (("60,0", "positive"), ("30,abc", "whole number"), ("400", "maximum"),
                              ("30,30", "more than once"), ("", "at least one")):
            with self.subTest(bad=bad):
                settings = Form(self.env["res.config.settings"])
                settings.hrcr_expiry_stages = bad
                settings.hrcr_expiry_notify_manager = True
                with self.assertRaises(ValidationError) as err, self.env.cr.savepoint():
                    settings.save().execute()
                self.assertIn(fragment, str(err.exception))
                self.assertEqual(self.company.hrcr_expiry_stages, "60,30,7")
                self.assertFalse(self.company.hrcr_expiry_notify_manager)

    def test_bad_stages_refused_on_company_write(self):
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.company.hrcr_expiry_stages = "-7"
        self.assertEqual(self.company.hrcr_expiry_stages, "60,30,7")

    def test_error_message_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        with self.assertRaises(ValidationError) as err, self.env.cr.savepoint():
            self.company.with_context(lang="zh_CN").hrcr_expiry_stages = "400"
        self.assertIn("366", str(err.exception))
        self.assertIn("提醒", str(err.exception))


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestExpiryAccess(ExpiryCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee_user = new_test_user(cls.env, login="hrcr_plain_employee", groups="base.group_user")
        cls.dept_manager_user = new_test_user(
            cls.env, login="hrcr_contract_viewer", groups="hr_contract.group_hr_contract_employee_manager")

    def test_employee_cannot_read_alerts(self):
        contract = self.make_contracts([30])
        self.run_alerts()
        alert = self.alerts(contract)
        self.assertTrue(alert)
        with self.assertRaises(AccessError):
            self.Alert.with_user(self.employee_user).search([])
        with self.assertRaises(AccessError):
            alert.with_user(self.employee_user).read(["stage_days"])
        with self.assertRaises(AccessError):
            contract.employee_id.with_user(self.employee_user).read(["expiry_alert_count"])

    def test_department_manager_cannot_read_expiry_fields(self):
        contract = self.make_contracts([30])
        contract.employee_id.parent_id = self.env["hr.employee"].create(
            {"name": "Boss", "user_id": self.dept_manager_user.id})
        self.run_alerts()
        as_manager = contract.with_user(self.dept_manager_user)
        self.assertEqual(as_manager.read(["name"])[0]["name"], contract.name, "core lets the manager read")
        for field in ("expiry_stage_days", "expiry_escalated", "renewal_decision_date", "expiry_alert_ids"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                as_manager.read([field])

    def test_hr_officer_reads_but_cannot_create_or_delete(self):
        contract = self.make_contracts([30])
        self.run_alerts()
        alert = self.alerts(contract).with_user(self.hr_officer)
        self.assertEqual(alert.stage_days, 30)
        with self.assertRaises(AccessError):
            alert.unlink()
        with self.assertRaises(AccessError):
            self.Alert.with_user(self.hr_officer).create({
                "contract_id": contract.id, "employee_id": contract.employee_id.id,
                "company_id": self.company.id, "end_date": contract.date_end, "stage_days": 7,
                "kind": "stage", "fired_on": TODAY,
            })
        self.assertEqual(self.Alert.with_user(self.hr_manager).search([("id", "=", alert.id)]), alert)


@tagged("post_install", "-at_install")
class TestExpiryTour(HttpCase):

    def test_expiry_tour(self):
        today = date.today()
        employee = self.env["hr.employee"].create({"name": "Tour Expiry Employee"})
        contract = self.env["hr.contract"].create({
            "name": "Tour Expiry Contract", "employee_id": employee.id,
            "date_start": today - timedelta(days=300), "date_end": today + timedelta(days=20),
            "wage": 9000, "state": "open", "hr_responsible_id": self.env.ref("base.user_admin").id,
        })
        self.env["hr.contract.expiry.alert"]._hrcr_run_expiry_alerts()
        self.assertEqual(contract.expiry_stage_days, 30)
        self.start_tour("/odoo", "hr_contract_risk_expiry_tour", login="admin")
