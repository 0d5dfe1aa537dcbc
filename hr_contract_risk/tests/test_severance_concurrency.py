from datetime import date

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestSeveranceConcurrency(TransactionCase):
    """Two users confirming at the same moment, in two real database transactions."""

    def setUp(self):
        super().setUp()
        self.admin_id = self.env.ref("base.user_admin").id
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env.ref("base.main_company")
            employee = env["hr.employee"].create({"name": "Concurrency Test", "company_id": company.id})
            severance = env["hr.severance"].create({
                "company_id": company.id, "employee_id": employee.id, "hire_date": date(2020, 1, 1),
                "termination_date": date(2024, 12, 31), "termination_ground": "mutual_employer",
                "average_monthly_wage": 10000, "local_average_wage": 10000, "local_minimum_wage": 2500,
            })
            self.employee_id, self.severance_id, self.partner_id = employee.id, severance.id, employee.work_contact_id.id
            # real transactions are the point of this test: two users, two cursors
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._cleanup)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            severances = env["hr.severance"].search([("employee_id", "=", self.employee_id)])
            moves = severances.move_id
            moves.filtered(lambda m: m.state == "posted").button_draft()
            moves.with_context(force_delete=True).unlink()
            severances.write({"state": "cancelled"})
            env["ir.attachment"].search([("res_model", "=", "hr.severance"), ("res_id", "in", severances.ids)]).unlink()
            env["mail.message"].search([("model", "=", "hr.severance"), ("res_id", "in", severances.ids)]).unlink()
            severances.unlink()
            env["hr.severance.wizard"].search([("employee_id", "=", self.employee_id)]).unlink()
            env["hr.employee"].browse(self.employee_id).unlink()
            env["res.partner"].browse(self.partner_id).unlink()
            # real transactions are the point of this test: two users, two cursors
            cr.commit()  # pylint: disable=invalid-commit

    def _moves(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            severances = env["hr.severance"].search([("employee_id", "=", self.employee_id)])
            return len(severances), len(severances.move_id), severances.mapped("state")

    def test_record_confirmed_by_two_users_at_once(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = api.Environment(cr1, SUPERUSER_ID, {})["hr.severance"].browse(self.severance_id)
            second = api.Environment(cr2, self.admin_id, {})["hr.severance"].browse(self.severance_id)
            first.action_confirm()  # holds the row lock until commit
            with mute_logger("odoo.sql_db"), self.assertRaisesRegex(UserError, "being processed by another user"):
                second.action_confirm()
            cr2.rollback()
            # real transactions are the point of this test: two users, two cursors
            cr1.commit()  # pylint: disable=invalid-commit
        with self.registry.cursor() as cr3:
            late = api.Environment(cr3, self.admin_id, {})["hr.severance"].browse(self.severance_id)
            with self.assertRaisesRegex(UserError, "already confirmed"):
                late.action_confirm()
            cr3.rollback()
        self.assertEqual(self._moves(), (1, 1, ["confirmed"]))

    def test_wizard_confirmed_by_two_users_at_once(self):
        with self.registry.cursor() as cr:
            # start from no severance: the wizards create it
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["hr.severance"].browse(self.severance_id).unlink()
            # real transactions are the point of this test: two users, two cursors
            cr.commit()  # pylint: disable=invalid-commit
        values = {
            "employee_id": self.employee_id, "hire_date": date(2020, 1, 1), "termination_date": date(2024, 12, 31),
            "termination_ground": "mutual_employer", "average_monthly_wage": 10000, "wage_override_reason": "test",
            "local_average_wage": 10000, "local_minimum_wage": 2500, "leave_days_taken": 5,
        }
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            wiz1 = api.Environment(cr1, SUPERUSER_ID, {})["hr.severance.wizard"].create(values)
            wiz2 = api.Environment(cr2, self.admin_id, {})["hr.severance.wizard"].create(values)
            wiz1.action_confirm()
            with self.assertRaisesRegex(UserError, "being confirmed by another user"):
                wiz2.action_confirm()
            cr2.rollback()
            # real transactions are the point of this test: two users, two cursors
            cr1.commit()  # pylint: disable=invalid-commit
        with self.registry.cursor() as cr3:
            wiz3 = api.Environment(cr3, self.admin_id, {})["hr.severance.wizard"].create(values)
            with self.assertRaisesRegex(UserError, "already exists"):
                wiz3.action_confirm()
            cr3.rollback()
        self.assertEqual(self._moves(), (1, 1, ["confirmed"]))
