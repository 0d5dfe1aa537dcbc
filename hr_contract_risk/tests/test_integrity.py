"""Frozen means frozen.  Each observation of the RPC probe, replayed as the real user who made it,
with context keys a client could pass; each write is refused AND the database value is unchanged."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import AppraisalCase
from .common_severance import SeveranceCommon
from .common_stoppage import StoppageCase

REFUSED = UserError  # AccessError and ValidationError are UserErrors too (Odoo 18)
models_magic = set(models.MAGIC_COLUMNS) | {"display_name"}
# keys a client can put in any RPC context: none may open a frozen record
CONTEXTS = (
    {"hrcr_deciding": True},
    {"force": True, "install_mode": True},
    {"hrcr_deciding": True, "force_delete": True, "tracking_disable": True, "mail_notrack": True},
)


class IntegrityMixin:
    def assertFrozen(self, record, vals, users, fields_to_check=None):
        """``vals`` written to ``record`` as each user, under each context: refused, nothing changed."""
        fnames = fields_to_check or [f for f in vals if record._fields[f].store]
        record.invalidate_recordset()
        before = record.sudo().read(fnames)[0]
        for user in users:
            for ctx in CONTEXTS:
                with self.subTest(user=user.login, ctx=ctx, vals=vals):
                    with self.assertRaises(REFUSED):
                        record.with_user(user).with_context(**ctx).write(vals)
                    record.invalidate_recordset()
                    self.assertEqual(record.sudo().read(fnames)[0], before)

    # ------------------------------------------------------------------ generated walk

    _FREE = ("message_", "activity_", "has_message", "website_message_ids")

    def _probe_value(self, record, field):
        """A value different from the stored one, by field type (nothing the guard should care about)."""
        current = record.sudo()[field.name]
        if field.type in ("char", "text", "html"):
            return "probe <b>x</b>"
        if field.type in ("integer",):
            return (current or 0) + 7
        if field.type in ("float", "monetary"):
            return (current or 0.0) + 12345.0
        if field.type == "boolean":
            return not current
        if field.type == "date":
            return date(1999, 1, 1)
        if field.type == "datetime":
            return "1999-01-01 00:00:00"
        if field.type == "selection":
            options = [key for key, _label in field._description_selection(self.env)]
            others = [key for key in options if key != current]
            return others[0] if others else False
        if field.type == "many2one":
            return False
        if field.type in ("one2many", "many2many"):
            return [Command.clear()]
        if field.type == "json":
            return {"probe": 1}
        return None

    def assertWalkFrozen(self, record, users, only=None):
        """Every stored field (or those of ``only``) of a frozen record, written as every user under a rotating
        client context: refused and unchanged.  A new field is covered without anyone listing it."""
        fields_ = [
            f for name, f in record._fields.items()
            if f.store and name not in models_magic and not name.startswith(self._FREE)
            and (only is None or name in only)
        ]
        self.assertTrue(fields_)
        record.invalidate_recordset()
        names = [f.name for f in fields_]
        before = record.sudo().read(names)[0]
        tried = 0
        for i, field in enumerate(fields_):
            value = self._probe_value(record, field)
            if value is None:
                continue
            for j, user in enumerate(users):
                ctx = CONTEXTS[(i + j) % len(CONTEXTS)]
                with self.subTest(model=record._name, field=field.name, user=user.login, ctx=ctx):
                    with self.assertRaises(REFUSED):
                        record.with_user(user).with_context(**ctx).write({field.name: value})
                    tried += 1
        record.invalidate_recordset()
        self.assertEqual(record.sudo().read(names)[0], before)
        self.assertGreater(tried, len(users))
        for user in users:
            with self.assertRaises(REFUSED):
                record.with_user(user).with_context(**CONTEXTS[0]).unlink()
        self.assertTrue(record.exists())

    def assertActionsKeepFrozen(self, record, users):
        """Every public ``action_*`` method of a frozen record, called by each user under each client context:
        refused, or harmless (opens a window, prints), and the record's stored fields unchanged."""
        names = sorted(  # the addon's own buttons (core ones such as action_archive are core's business)
            n for n in dir(type(record)) if n.startswith("action_") and callable(getattr(type(record), n))
            and getattr(getattr(type(record), n), "__module__", "").startswith("odoo.addons.hr_contract_risk"))
        self.assertTrue(names)
        stored = [n for n, f in record._fields.items() if f.store and n not in models_magic
                  and not n.startswith(self._FREE)]
        record.invalidate_recordset()
        before = record.sudo().read(stored)[0]
        called = refused = 0
        for name in names:
            for user in users:
                for ctx in CONTEXTS:
                    with self.subTest(model=record._name, action=name, user=user.login, ctx=ctx):
                        try:
                            with self.env.cr.savepoint():
                                getattr(record.with_user(user).with_context(**ctx), name)()
                        except REFUSED:
                            refused += 1
                        except TypeError:  # needs arguments: not a button a client can press as is
                            break
                        called += 1
                        record.invalidate_recordset()
                        self.assertEqual(record.sudo().read(stored)[0], before)
        self.assertGreater(called, 0)
        self.assertGreater(refused, 0, "a frozen record refuses at least some of its buttons")

    def assertUndeletable(self, record, users):
        for user in users:
            for ctx in CONTEXTS:
                with self.subTest(user=user.login, ctx=ctx):
                    with self.assertRaises(REFUSED):
                        record.with_user(user).with_context(**ctx).unlink()
                    self.assertTrue(record.exists())


@tagged("post_install", "-at_install")
class TestIntegritySeverance(IntegrityMixin, SeveranceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hr_manager_user = new_test_user(
            cls.env, "sev_hrm", groups="hr.group_hr_manager,hr_contract.group_hr_contract_manager",
            company_id=cls.company.id)

    def _confirm(self):
        wiz = self._wizard(termination_ground="expiry_not_renewed", leave_days_taken=5)
        wiz.action_confirm()
        return wiz.severance_id

    def _all_users(self):
        return self.hr_user | self.hr_manager_user | self.finance_user | self.manager_user | self.employee_user

    def test_confirmed_severance_is_frozen(self):
        severance = self._confirm()
        self.assertEqual(severance.state, "confirmed")
        total = severance.total_amount
        move = severance.move_id
        for vals in ({"state": "draft"}, {"total_amount": 99999999}, {"move_id": False},
                     {"state": "paid"}, {"state": "cancelled"}, {"average_monthly_wage": 1e9},
                     {"wage_override_reason": "x"}, {"statement_attachment_id": False}):
            self.assertFrozen(severance, vals, self._all_users())
        self.assertEqual(severance.total_amount, total)
        self.assertEqual(severance.move_id, move)
        self.assertUndeletable(severance, self._all_users())
        # chatter stays open
        severance.with_user(self.hr_user).message_post(body="Checked with the employee.")

    def test_generated_walk_every_frozen_state(self):
        cancelled = self._confirm()
        cancelled.with_user(self.hr_user).action_cancel()
        self.assertEqual(cancelled.state, "cancelled")
        self.assertWalkFrozen(cancelled, self._all_users())  # cancelled (its draft entry cancelled)
        severance = self._confirm()
        self.assertWalkFrozen(severance, self._all_users())  # confirmed
        severance.sudo().move_id.with_user(self.finance_user).action_post()
        self.assertWalkFrozen(severance, self._all_users())  # posted
        severance.with_user(self.finance_user).action_mark_paid()
        self.assertWalkFrozen(severance, self._all_users())  # paid
        self.assertActionsKeepFrozen(severance, self._all_users())
        self.assertActionsKeepFrozen(cancelled, self._all_users())

    def test_entry_amount_matches_severance(self):
        """The journal entry cannot drift from the severance: neither side can be rewritten."""
        severance = self._confirm()
        with self.assertRaises(REFUSED):
            severance.with_user(self.hr_user).write({"state": "draft", "total_amount": 99999999})
        payable = severance.sudo().move_id.line_ids.filtered("credit")
        self.assertEqual(payable.credit, severance.total_amount)

    def test_entry_of_live_severance_not_deleted(self):
        severance = self._confirm()
        move = severance.sudo().move_id
        with self.assertRaises(UserError):
            move.with_user(self.finance_user).with_context(force_delete=True).unlink()
        self.assertTrue(move.exists())
        self.assertEqual(severance.move_id, move)

    def test_entry_of_live_severance_not_cancelled_from_accounting(self):
        """Finance cancelling the draft entry of a confirmed severance (or a posted one set back to draft) is
        refused: the severance would still say it is owed. Cancelling the severance cancels its entry."""
        severance = self._confirm()
        move = severance.sudo().move_id
        for ctx in CONTEXTS:
            with self.subTest(ctx=ctx):
                with self.assertRaises(UserError):
                    move.with_user(self.finance_user).with_context(**ctx).button_cancel()
                self.assertEqual(move.state, "draft")
        move.with_user(self.finance_user).action_post()
        move.with_user(self.finance_user).button_draft()
        self.assertEqual(severance.state, "confirmed")
        with self.assertRaises(UserError):
            move.with_user(self.finance_user).button_cancel()
        severance.with_user(self.hr_user).action_cancel()
        self.assertEqual((severance.state, move.state), ("cancelled", "cancel"))

    def test_finance_cannot_mark_a_draft_paid(self):
        severance = self._confirm()
        with self.assertRaises(REFUSED):
            severance.with_user(self.finance_user).with_context(hrcr_deciding=True).write({"state": "paid"})
        with self.assertRaises(UserError):
            severance.with_user(self.finance_user).action_mark_paid()
        self.assertEqual(severance.state, "confirmed")
        self.assertEqual(severance.sudo().move_id.state, "draft")

    def test_posted_severance_cancel_reverses_never_orphans(self):
        severance = self._confirm()
        severance.sudo().move_id.with_user(self.finance_user).action_post()
        self.assertEqual(severance.state, "posted")
        self.assertFrozen(severance, {"state": "cancelled"}, self._all_users())
        self.assertFrozen(severance, {"state": "draft"}, self._all_users())
        self.assertUndeletable(severance, self._all_users())
        severance.with_user(self.finance_user).action_cancel()
        self.assertEqual(severance.state, "cancelled")
        self.assertTrue(severance.sudo().reversal_move_id)
        self.assertEqual(severance.sudo().reversal_move_id.reversed_entry_id, severance.move_id)
        self.assertFrozen(severance, {"state": "draft"}, self._all_users())
        # cancelled with its entries: kept, for accounting
        self.assertUndeletable(severance, self._all_users())
        self.assertEqual(severance.sudo().move_id.state, "posted")

    def test_paid_needs_posted_entry_then_frozen(self):
        severance = self._confirm()
        severance.sudo().move_id.with_user(self.finance_user).action_post()
        severance.with_user(self.finance_user).action_mark_paid()
        self.assertEqual(severance.state, "paid")
        self.assertFrozen(severance, {"state": "posted"}, self._all_users())
        self.assertFrozen(severance, {"total_amount": 1.0}, self._all_users())
        self.assertUndeletable(severance, self._all_users())

    def test_draft_created_with_workflow_fields_refused(self):
        for vals in ({"state": "posted"}, {"state": "paid"}):
            with self.assertRaises(UserError):
                self.env["hr.severance"].with_user(self.hr_user).with_context(hrcr_deciding=True).create(dict(
                    vals, employee_id=self.employee.id, hire_date=date(2021, 7, 1),
                    termination_date=date(2024, 6, 30), termination_ground="resignation",
                    average_monthly_wage=5000))

    def test_implausible_inputs_refused_nothing_written(self):
        """Issue 10 point 8: hire date 1900, termination 2200, W = 1e18, 1,000 leave days, NaN, a minimum wage
        above the average: a ValidationError naming the field and the bound, no severance, no entry."""
        base = {"employee_id": self.employee.id, "hire_date": date(2021, 7, 1), "termination_date": date(2024, 6, 30),
                "termination_ground": "resignation", "average_monthly_wage": 5000}
        before = self._counts()
        for bad, needle in (({"hire_date": date(1900, 1, 1)}, "1950-01-01"),
                            ({"termination_date": date(2200, 1, 1)}, "2200-01-01"),
                            ({"average_monthly_wage": 1e18}, "10,000,000"),
                            ({"average_monthly_wage": float("nan")}, "10,000,000"),
                            ({"untaken_leave_days": 1000}, "30"),
                            ({"local_minimum_wage": 12000, "local_average_wage": 10000}, "12,000"),
                            ({"hire_date": "19xx-01-01"}, "19xx")):
            with self.subTest(bad=bad):
                with self.assertRaises(ValidationError) as ctx:
                    self.env["hr.severance"].with_user(self.hr_user).create(dict(base, **bad))
                self.assertIn(needle, str(ctx.exception))
        self.assertEqual(self._counts(), before)
        wiz = self._wizard(termination_ground="expiry_not_renewed", leave_days_taken=5,
                           termination_date=date(2200, 1, 1))
        with self.assertRaises(UserError):
            wiz.action_confirm()
        self.assertEqual(self._counts(), before)

    def test_wizard_opens_on_an_employee_without_contract(self):
        """bench/load_bench.py: the severance wizard opened on an employee with no contract (so no hire date)
        raised a raw AttributeError ('bool' has no 'replace') from the wage window; it opens, hire date empty."""
        employee = self.env["hr.employee"].create({"name": "No contract yet", "company_id": self.company.id})
        wiz = self.env["hr.severance.wizard"].with_user(self.hr_user).with_context(
            default_employee_id=employee.id).new({"termination_date": date(2024, 6, 30)})
        self.assertFalse(wiz.hire_date)
        self.assertEqual(wiz.wage_months, 0)
        self.assertEqual(wiz.untaken_leave_days, 0.0)  # annual leave due from a hire date: none yet

    def test_wizard_prefills_not_zeroed(self):
        """Issue 10 point 7: entering one prefilled value leaves the others as computed."""
        self._wage_lines(self.employee, date(2024, 6, 1), [9000] * 12)
        prefilled = self._wizard(termination_date=date(2024, 6, 30))
        self.assertGreater(prefilled.average_monthly_wage, 0)
        self.assertGreater(prefilled.local_minimum_wage, 0)
        only_previous = self._wizard(termination_date=date(2024, 6, 30), previous_month_wage=9500)
        self.assertEqual(only_previous.previous_month_wage, 9500)
        self.assertEqual(only_previous.average_monthly_wage, prefilled.average_monthly_wage)
        self.assertEqual(only_previous.leave_wage, prefilled.leave_wage)
        only_average = self._wizard(termination_date=date(2024, 6, 30), local_average_wage=12345)
        self.assertEqual(only_average.local_average_wage, 12345)
        self.assertEqual(only_average.local_minimum_wage, prefilled.local_minimum_wage)
        self.assertEqual(only_average.work_city, prefilled.work_city)


@tagged("post_install", "-at_install")
class TestIntegrityReview(IntegrityMixin, AppraisalCase):
    """Renewal review, talk log, appraisal and 360 feedback as HR officer, HR manager, manager, employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.end = cls.today + relativedelta(days=25)
        hired = cls.end - relativedelta(years=3, months=8)
        first_end = hired + relativedelta(years=2, days=-1)
        cls.make_contract(cls.emp, hired, first_end, "close")
        cls.contract_2 = cls.make_contract(cls.emp, first_end + relativedelta(days=1), cls.end, "open",
                                           hr_responsible_id=cls.user_hr.id)

    def _users(self):
        return self.user_hr | self.user_hr_manager | self.user_manager | self.user_emp

    def _review(self):
        review = self.env["hr.contract"]._hrcr_open_renewal_reviews(
            [{"contract_id": self.contract_2.id, "stage_days": 30, "end_date": self.end}])
        return review.with_user(self.user_hr)

    def test_decided_review_is_frozen(self):
        review = self._review()
        review.write({"employee_wish": "renew", "state": "decision", "decision": "renew_open_ended",
                      "decision_reason": "Entitled."})
        review.action_decide()
        self.assertEqual(review.state, "done")
        for vals in ({"decision_reason": "Rewritten"}, {"decision": "not_renew"}, {"override_used": True},
                     {"override_note": "A note of more than twenty characters."}, {"state": "decision"},
                     {"decision_date": False}, {"reason_category": "attitude"}, {"employee_wish": "not_renew"},
                     {"decision_findings_data": []}):
            self.assertFrozen(review, vals, self._users())
        self.assertUndeletable(review, self._users())
        review.message_post(body="Archived with the file.")

    def test_generated_walk_decided_review_log_appraisal_feedback(self):
        log = self.env["hr.talk.log"].with_user(self.user_manager).create({
            "employee_id": self.emp.id, "name": "Warning", "kind": "warning", "content": "Late reports."})
        review = self._review()
        review.write({"employee_wish": "renew", "state": "decision", "decision": "renew_open_ended",
                      "decision_reason": "Entitled."})
        review.action_decide()
        self.assertWalkFrozen(review, self._users())
        self.assertActionsKeepFrozen(review, self._users())
        self.assertWalkFrozen(log, self._users())
        appraisal = self.make_confirmed(self.emp, 1, 90)
        self.assertWalkFrozen(appraisal, self._users())
        self.assertActionsKeepFrozen(appraisal, self._users())
        draft = self.env["hr.kpi.appraisal"].create({
            "employee_id": self.emp.id, "date_start": self.month(0),
            "date_end": self.month(0) + relativedelta(months=1, days=-1),
            "line_ids": [Command.create({"name": "x", "target": 1, "actual": 1, "weight": 100})]})
        fb = self._feedback(draft, self.user_peer).with_user(self.user_peer)
        fb.line_ids.write({"rating": "3"})
        fb.action_submit()
        self.assertWalkFrozen(fb.sudo(), self._users() | self.user_peer)

    def test_blocked_review_cannot_be_written_done(self):
        """LCL Art. 14(3) blocks not renewing; writing the decided state directly is refused."""
        review = self._review()
        review.write({"employee_wish": "renew", "state": "decision", "decision": "not_renew",
                      "reason_category": "attitude", "decision_reason": "Attitude problems."})
        self.assertTrue(review.decision_blocked)
        for vals in ({"state": "done"}, {"override_used": True}, {"state": "done", "override_used": True},
                     {"decision_date": self.today}, {"override_by_id": self.user_hr_manager.id}):
            self.assertFrozen(review, vals, self._users(),
                              ["state", "override_used", "decision_date", "override_by_id"])
        self.assertFalse(review.decision_date)
        context = review._hrcr_severance_context()
        self.assertNotEqual(context.get("default_termination_ground"), "unlawful")
        with self.assertRaises(AccessError):
            review.with_context(hrcr_deciding=True).action_decide_override()
        # the HR manager's override, with its note, still works
        as_manager = review.with_user(self.user_hr_manager)
        as_manager.override_note = "Legal advice of 3 May: position abolished; accepted risk of 2N (Art. 87)."
        as_manager.action_decide_override()
        self.assertTrue(review.override_used)
        self.assertEqual(review.override_by_id, self.user_hr_manager)

    def test_findings_html_escaped(self):
        review = self._review()
        payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        for vals in ({"decision_findings_html": payload}, {"decision_findings_data": [{"text": payload}]}):
            with self.assertRaises(REFUSED):
                review.with_context(hrcr_deciding=True).write(vals)
        review.write({"employee_wish": "renew", "state": "decision", "decision": "renew_open_ended",
                      "decision_reason": payload})
        review.action_decide()
        self.assertIn("14(3)", str(review.decision_findings_html))
        # even data planted by the server is escaped at display time
        review.sudo().decision_findings_data = [{"severity": "block", "article": payload, "text": payload}]
        html = str(review.decision_findings_html)
        self.assertNotIn("<script>", html)
        self.assertNotIn("<img", html)
        report = self.env["ir.actions.report"]._render_qweb_html(
            "hr_contract_risk.action_report_renewal_review", review.ids)[0].decode()
        self.assertNotIn("<script>alert", report)
        self.assertNotIn("<img src=x onerror", report)
        self.assertIn("&lt;script&gt;", report)

    def test_locked_talk_log(self):
        log = self.env["hr.talk.log"].with_user(self.user_manager).create({
            "employee_id": self.emp.id, "name": "Warning", "kind": "warning", "content": "Late reports."})
        review = self._review()
        review.write({"employee_wish": "renew", "state": "decision", "decision": "renew_open_ended",
                      "decision_reason": "Entitled."})
        review.action_decide()
        self.assertTrue(log.locked)
        for vals in ({"locked": False}, {"content": "Rewritten"}, {"locked": False, "content": "Rewritten"},
                     {"review_id": False}):
            self.assertFrozen(log, vals, self.user_manager | self.user_hr | self.user_hr_manager,
                              ["locked", "content", "review_id"])
        self.assertUndeletable(log, self.user_manager | self.user_hr | self.user_hr_manager)
        self.assertEqual(log.content, "Late reports.")

    def test_confirmed_appraisal_acknowledgement_only_by_employee(self):
        appraisal = self.make_confirmed(self.emp, 1, 90)
        for vals in ({"employee_comment": "Written by someone else"}, {"acknowledged_date": "2024-01-01 00:00:00"},
                     {"state": "draft"}, {"total_score": 10}):
            self.assertFrozen(appraisal, vals, self.user_hr | self.user_hr_manager | self.user_manager,
                              ["employee_comment", "acknowledged_date", "state"])
        with self.assertRaises(REFUSED):
            appraisal.with_user(self.user_emp).write({"employee_comment": "direct"})
        wizard = self.env["hr.kpi.appraisal.acknowledge"].with_user(self.user_emp).create(
            {"appraisal_id": appraisal.id, "comment": "Read and understood."})
        wizard.action_acknowledge()
        self.assertEqual(appraisal.employee_comment, "Read and understood.")
        self.assertTrue(appraisal.acknowledged_date)
        with self.assertRaises(REFUSED):
            self.env["hr.kpi.appraisal.acknowledge"].with_user(self.user_manager).create(
                {"appraisal_id": appraisal.id, "comment": "Manager"}).action_acknowledge()

    def _feedback(self, appraisal, reviewer):
        fb = self.env["hr.kpi.feedback"].with_user(self.user_manager).create({
            "appraisal_id": appraisal.id, "reviewer_user_id": reviewer.id, "relationship": "peer"})
        fb.action_request()
        return fb

    def test_plain_employee_reviewer_rates_and_submits(self):
        """Issue 10 point 7: the peer, a plain employee, can rate and submit."""
        appraisal = self.env["hr.kpi.appraisal"].create({
            "employee_id": self.emp.id, "date_start": self.month(0),
            "date_end": self.month(0) + relativedelta(months=1, days=-1), "template_id": self.template.id,
            "line_ids": [Command.create({"name": "x", "target": 1, "actual": 1, "weight": 100})]})
        fb = self._feedback(appraisal, self.user_peer).with_user(self.user_peer)
        self.assertTrue(fb.line_ids)
        fb.line_ids.write({"rating": "4"})
        fb.write({"comment": "Helpful colleague."})
        fb.action_submit()
        self.assertEqual(fb.state, "submitted")
        # submitted: neither edited nor re-pointed, whatever the context
        confirmed = self.make_confirmed(self.emp, 2, 50)
        for vals in ({"appraisal_id": confirmed.id}, {"comment": "edited"}, {"state": "draft"},
                     {"reviewer_user_id": self.user_hr.id}):
            self.assertFrozen(fb, vals, self.user_peer | self.user_manager | self.user_hr,
                              ["appraisal_id", "comment", "state", "reviewer_user_id"])
        with self.assertRaises(REFUSED):
            fb.line_ids.with_context(hrcr_deciding=True).write({"rating": "1"})
        self.assertEqual(set(fb.line_ids.mapped("rating")), {"4"})

    def test_draft_feedback_not_repointed_to_confirmed_appraisal(self):
        draft = self.env["hr.kpi.appraisal"].create({
            "employee_id": self.emp.id, "date_start": self.month(0),
            "date_end": self.month(0) + relativedelta(months=1, days=-1),
            "line_ids": [Command.create({"name": "x", "target": 1, "actual": 1, "weight": 100})]})
        confirmed = self.make_confirmed(self.emp, 1, 90)
        fb = self._feedback(draft, self.user_peer)
        self.assertFrozen(fb, {"appraisal_id": confirmed.id}, self.user_peer | self.user_manager | self.user_hr)
        self.assertEqual(fb.appraisal_id, draft)


@tagged("post_install", "-at_install")
class TestIntegrityStoppage(IntegrityMixin, StoppageCase):
    def test_closed_checklist_retention_dates_frozen(self):
        stoppage = self.env["hr.si.stoppage"].with_user(self.officer).create(self._stoppage_vals())
        stoppage.action_cancel()
        self.assertEqual(stoppage.state, "cancelled")
        users = self.officer | self.hr_manager | self.dept_manager_user | self.employee_user
        old = self.today - relativedelta(years=20)
        for vals in ({"departure_date": old}, {"hire_date": old - relativedelta(years=1)},
                     {"hire_date": old - relativedelta(years=1), "departure_date": old},
                     {"state": "open"}, {"state": "done"}):
            self.assertFrozen(stoppage, vals, users, ["hire_date", "departure_date", "state"])
        self.assertUndeletable(stoppage, users)
        self.assertWalkFrozen(stoppage, users, only=stoppage._HRCR_RETENTION_FIELDS | {"state"})
        stoppage.action_reopen()
        self.assertEqual(stoppage.state, "open")


@tagged("post_install", "-at_install")
class TestAttritionSearch(AppraisalCase):
    def test_search_by_risk_and_band(self):
        Score = self.env["hr.attrition.score"]
        Score.create([
            {"employee_id": self.emp.id, "company_id": self.company.id, "risk": 80.0, "band": "high"},
            {"employee_id": self.emp_peer.id, "company_id": self.company.id, "risk": 10.0, "band": "low"},
        ])
        Employee = self.env["hr.employee"].with_user(self.user_hr)
        self.assertEqual(Employee.search([("attrition_band", "=", "high")]), self.emp)
        self.assertEqual(Employee.search([("attrition_risk", ">", 50)]), self.emp)
        self.assertEqual(Employee.search([("attrition_risk", "<", 50)]), self.emp_peer)


# Every model of the addon with a workflow field is walked by a test above, or says why it need not be.
# A new stateful model fails test_every_stateful_model_is_walked until someone walks it here.
WALKED = {
    "hr.severance": "TestIntegritySeverance.test_generated_walk_every_frozen_state",
    "hr.contract.renewal.review": "TestIntegrityReview.test_generated_walk_decided_review_log_appraisal_feedback",
    "hr.talk.log": "TestIntegrityReview.test_generated_walk_decided_review_log_appraisal_feedback",
    "hr.kpi.appraisal": "TestIntegrityReview.test_generated_walk_decided_review_log_appraisal_feedback",
    "hr.kpi.feedback": "TestIntegrityReview.test_generated_walk_decided_review_log_appraisal_feedback",
    "hr.si.stoppage": "TestIntegrityStoppage.test_closed_checklist_retention_dates_frozen",
    "hr.non.compete": "TestNonCompete.test_generated_walk_waived_and_closed",
    "hr.non.compete.line": "TestNonCompete.test_generated_walk_waived_and_closed",
    "hr.training.record": "TestTraining.test_generated_walk_done_and_cancelled",
}
NOT_FROZEN = {
    # alert episodes: HR closes them by hand; no legal or accounting fact hangs on them (employees: no access)
    "hr.kpi.decline.alert": "an alert episode HR may close; nothing legal or accounting depends on it",
    "hr.kpi.forecast.alert": "an alert episode HR may close; nothing legal or accounting depends on it",
}
WORKFLOW_FIELDS = ("state", "locked", "closed")


@tagged("post_install", "-at_install")
class TestIntegrityCoverage(IntegrityMixin, AppraisalCase):
    def test_every_stateful_model_is_walked(self):
        """Generated from the registry: each model defined by this addon (and its bridges) that has a
        workflow field is in WALKED or NOT_FROZEN, so a new frozen state cannot be forgotten."""
        found = set()
        for name in self.env.registry:
            model = self.env[name]
            if model._transient or model._abstract or not model._original_module.startswith("hr_contract_risk"):
                continue
            if any(f in model._fields and model._fields[f].store for f in WORKFLOW_FIELDS):
                found.add(name)
        self.assertTrue(found)
        missing = found - set(WALKED) - set(NOT_FROZEN)
        self.assertFalse(missing, "stateful models without an integrity walk: %s" % sorted(missing))
        self.assertFalse((set(WALKED) | set(NOT_FROZEN)) - found, "stale entries in WALKED / NOT_FROZEN")

    def test_system_markers_read_only_for_users(self):
        """The NOT_FROZEN alert episodes: a plain employee cannot write them over the ORM."""
        for name in ("hr.kpi.decline.alert", "hr.kpi.forecast.alert"):
            for user in (self.user_emp, self.user_peer):
                with self.subTest(model=name, user=user.login):
                    self.assertFalse(self.env[name].with_user(user).has_access("write"))

    def test_contract_dates_out_of_range_refused(self):
        """Issue 10 point 8: a contract starting in 1900 or ending in 2200 is refused, naming the field and
        the bound; nothing is written."""
        Contract = self.env["hr.contract"]  # the bound holds for every writer, the superuser included
        base = {"name": "Range", "employee_id": self.emp_other.id, "wage": 5000,
                "date_start": date(2020, 1, 1)}
        before = self.env["hr.contract"].search_count([])
        for bad, needle in (({"date_start": date(1900, 1, 1)}, "1950-01-01"),
                            ({"date_end": date(2200, 1, 1)}, "2040-01-01"),
                            ({"date_end": date(2019, 1, 1)}, "2020-01-01")):
            with self.subTest(bad=bad):
                with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
                    Contract.create(dict(base, **bad))
                self.assertIn(needle, str(ctx.exception))
        self.assertEqual(self.env["hr.contract"].search_count([]), before)

    def test_what_if_inputs_finite_and_bounded(self):
        """NaN, +-1e308 and -1000 % are refused with the field and the bound (NaN used to lower the risk)."""
        WhatIf = self.env["hr.attrition.whatif"].with_user(self.user_hr)
        for value in (float("nan"), 1e308, -1e308, -1000.0):
            with self.subTest(value=value):
                with self.assertRaises(ValidationError) as ctx, self.env.cr.savepoint():
                    WhatIf.create({"employee_id": self.emp.id, "wage_change_pct": value})
                self.assertIn("200", str(ctx.exception))
        wizard = WhatIf.create({"employee_id": self.emp.id, "wage_change_pct": 10.0})
        self.assertGreaterEqual(wizard.new_risk, 0.0)
