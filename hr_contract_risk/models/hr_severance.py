"""Severance: the confirmed severance record, its journal entry and the hand-off to the stoppage."""

import base64
import logging

import psycopg2.errors

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.osv import expression
from odoo.tools import SQL

from ..engine import bounds
from .hrcr_bounds import bounds_error
from .override import check_override_rights

_logger = logging.getLogger(__name__)

STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("posted", "Posted"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]


class HrSeverance(models.Model):
    """A confirmed severance computation: the amounts owed when a contract ends, the
    statement PDF (经济补偿金计算单) and ONE draft journal entry that finance posts."""

    _name = "hr.severance"
    _inherit = ["hr.severance.mixin", "mail.thread"]
    _description = "Severance"
    _order = "termination_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, copy=False, readonly=True)
    employee_id = fields.Many2one(tracking=True, index=True)
    department_id = fields.Many2one("hr.department", check_company=True)
    termination_date = fields.Date(required=True, tracking=True)
    hire_date = fields.Date(required=True)
    termination_ground = fields.Selection(required=True, tracking=True)
    average_monthly_wage = fields.Monetary(tracking=True)
    wage_override_reason = fields.Text(
        string="Reason for Changing W", help="Why the average wage differs from the wage history.")
    total_amount = fields.Monetary(tracking=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False, check_company=True)
    move_state = fields.Selection(related="move_id.state", string="Entry Status")
    reversal_move_id = fields.Many2one("account.move", string="Reversal Entry", readonly=True, copy=False)
    statement_attachment_id = fields.Many2one("ir.attachment", string="Statement", readonly=True, copy=False)
    # the override of a legal block (engine/override.py): a ground kept although the legal checks found it unlawful
    override_used = fields.Boolean(string="Legal Block Overridden", readonly=True, tracking=True, copy=False)
    override_note = fields.Text(string="Legal Note (override)", readonly=True, copy=False)
    override_by_id = fields.Many2one("res.users", string="Overridden by", readonly=True, copy=False)
    override_date = fields.Datetime(string="Overridden on", readonly=True, copy=False)

    def init(self):
        # At most one live severance per employee and termination date, enforced by the
        # database: two users confirming at the same moment cannot both create one.
        self.env.cr.execute(SQL(
            "CREATE UNIQUE INDEX IF NOT EXISTS hr_severance_employee_date_active_uniq "
            "ON hr_severance (employee_id, termination_date) WHERE state != 'cancelled'"
        ))

    # Written only by the action methods, through sudo() after their checks (never by a client).
    _HRCR_WORKFLOW_FIELDS = frozenset({"state", "move_id", "reversal_move_id", "statement_attachment_id", "name"})

    @staticmethod
    def _hrcr_free_field(fname):
        """Chatter and activities stay writable on a frozen severance."""
        return fname.startswith(("message_", "activity_")) or fname == "has_message"

    def _hrcr_check_bounds(self, vals):
        """Plausible ranges of engine/bounds.py: a translated error naming the field and the
        bound, before anything is written; a malformed date never reaches PostgreSQL."""
        values = {}
        for key, value in vals.items():
            field = self._fields.get(key)
            if not field or (key not in bounds.BOUNDS and key not in bounds.DATE_FIELDS):
                continue
            if field.type == "date" and value:
                try:
                    value = fields.Date.to_date(value)
                except (TypeError, ValueError):
                    raise ValidationError(_("%(field)s: %(value)s is not a date.",
                                            field=field._description_string(self.env), value=value)) from None
            values[key] = value
        if not values:
            return
        labels = {key: self._fields[key]._description_string(self.env) for key in (*values, "local_minimum_wage",
                                                                                      "local_average_wage")
                  if key in self._fields}
        try:
            bounds.check_values(values, fields.Date.context_today(self), labels)
        except bounds.BoundsError as err:
            raise bounds_error(self.env, err) from err

    _HRCR_OVERRIDE_FIELDS = frozenset({"override_used", "override_note", "override_by_id", "override_date"})

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._hrcr_check_bounds(vals)
            if any(vals.get(f) for f in self._HRCR_OVERRIDE_FIELDS):
                check_override_rights(self.env)
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state", "draft") != "draft" or (self._HRCR_WORKFLOW_FIELDS - {"name"}) & {
                        k for k, v in vals.items() if v}:
                    raise UserError(_("A severance is created as a draft: confirm it with its button."))
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("hr.severance") or "/"
        return super().create(vals_list)

    def write(self, vals):
        self._hrcr_check_bounds(vals)
        if self._HRCR_OVERRIDE_FIELDS & set(vals):
            check_override_rights(self.env)
        if not self.env.su:
            if self._HRCR_WORKFLOW_FIELDS & set(vals):
                raise UserError(_(
                    "The status, journal entry and statement of a severance change only through its buttons "
                    "(confirm, mark as paid, cancel)."))
            if any(rec.state != "draft" for rec in self) and not all(self._hrcr_free_field(f) for f in vals):
                raise UserError(_("A confirmed severance cannot be changed: cancel it and compute a new one."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_without_entry(self):
        if any(rec.state not in ("draft", "cancelled") or rec.move_id or rec.reversal_move_id for rec in self):
            raise UserError(_(
                "Only a draft or cancelled severance without a journal entry can be deleted: cancel a confirmed "
                "one (its entry is cancelled or reversed) and keep it."))

    # ------------------------------------------------------------------ confirm

    def _hrcr_lock(self):
        """Lock the row (SELECT ... FOR UPDATE NOWAIT) and return its state in the database.

        A second confirmation running at the same time fails at once with a clear error;
        one that starts after the first committed finds the state no longer draft.
        """
        self.ensure_one()
        self.flush_recordset()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(SQL("SELECT state FROM hr_severance WHERE id = %s FOR UPDATE NOWAIT", self.id))
                row = self.env.cr.fetchone()
        except psycopg2.errors.LockNotAvailable:
            raise UserError(_(
                "Severance %(name)s is being processed by another user. Reload it in a moment.", name=self.name
            )) from None
        return row and row[0]

    def action_confirm(self):
        for rec in self:
            state = rec._hrcr_lock()
            if state != "draft":
                raise UserError(_("Severance %(name)s is already confirmed.", name=rec.name))
            rec.invalidate_recordset(["state"])
            rec._hrcr_run_engine(strict=True)
            move = rec._hrcr_create_move() if rec.currency_id.compare_amounts(rec.total_amount, 0.0) > 0 else False
            # sudo: the workflow fields are written only here, after the checks above
            rec.sudo().write({"state": "confirmed", "move_id": move and move.id})
            if not move:
                rec.message_post(body=_("Nothing to pay for this ground: no journal entry was created."))
            rec._hrcr_attach_statement()
        return True

    def _hrcr_move_lines(self, expense, payable):
        self.ensure_one()
        partner = self.employee_id.work_contact_id
        # sudo: the analytic account of the department is set by HR/finance; HR officers may not read analytics
        analytic = (self.department_id or self.employee_id.department_id).sudo().hrcr_analytic_account_id
        distribution = {str(analytic.id): 100.0} if analytic else False
        parts = [
            (_("Economic compensation"), self.compensation_amount),
            (_("Pay in lieu of notice"), self.notice_pay_amount),
            (_("Untaken annual leave"), self.leave_pay_amount),
            (_("Pre-2008 subsidies"), self.other_amount),
            (_("One-time disability employment subsidy"), self.disability_subsidy_amount),
        ]
        lines = [
            Command.create({
                "name": f"{self.name} {label}: {self.employee_id.name}",
                "account_id": expense.id,
                "partner_id": partner.id,
                "debit": amount,
                "credit": 0.0,
                "analytic_distribution": distribution,
            })
            for label, amount in parts if self.currency_id.compare_amounts(amount, 0.0) > 0
        ]
        lines.append(Command.create({
            "name": _("%(ref)s Severance payable: %(employee)s", ref=self.name, employee=self.employee_id.name),
            "account_id": payable.id,
            "partner_id": partner.id,
            "debit": 0.0,
            "credit": self.total_amount,
        }))
        return lines

    def _hrcr_create_move(self):
        """ONE draft entry: debit the severance expense (analytic: department), credit the payable."""
        self.ensure_one()
        if not self.employee_id.work_contact_id:
            raise UserError(_(
                "Employee %(employee)s has no work contact: the journal entry needs a partner.",
                employee=self.employee_id.name))
        journal, expense, payable = self.company_id._hrcr_severance_accounting()
        # sudo: HR officers confirm severances without accounting rights; the entry stays a draft
        # that only finance (account.group_account_invoice) can post.
        return self.env["account.move"].sudo().with_company(self.company_id).create({
            "move_type": "entry",
            "journal_id": journal.id,
            "date": self.termination_date,
            "ref": _("Severance %(ref)s: %(employee)s", ref=self.name, employee=self.employee_id.name),
            "partner_id": self.employee_id.work_contact_id.id,
            "line_ids": self._hrcr_move_lines(expense, payable),
        })

    def _hrcr_attach_statement(self):
        """Render the statement (in the employee's language) and attach it to the record."""
        self.ensure_one()
        report_model = self.env["ir.actions.report"]
        if report_model.get_wkhtmltopdf_state() == "install":
            self.message_post(body=_("The statement PDF was not generated: wkhtmltopdf is not installed."))
            return
        content, report_type = report_model._render_qweb_pdf(
            "hr_contract_risk.action_report_severance_statement", self.ids)
        attachment = self.env["ir.attachment"].create({
            "name": f"{self.name.replace('/', '_')}.{report_type}",
            "type": "binary",
            "datas": base64.b64encode(content),
            "res_model": self._name,
            "res_id": self.id,
            "mimetype": "application/pdf" if report_type == "pdf" else "text/html",
        })
        self.sudo().write({"statement_attachment_id": attachment.id})  # sudo: workflow field, server-written
        self.message_post(body=_("Severance statement generated."), attachment_ids=attachment.ids)

    # ------------------------------------------------------------------ after confirm

    def _hrcr_sync_from_moves(self, moves):
        """Posted entry -> severance posted; entry back to draft -> confirmed (hook of account.move)."""
        # sudo: called from account.move by finance users, who may not write HR records
        severances = self.sudo().search([("move_id", "in", moves.ids), ("state", "in", ("confirmed", "posted"))])
        for rec in severances:
            new_state = "posted" if rec.move_id.state == "posted" else "confirmed"
            if rec.state != new_state:
                rec.write({"state": new_state})

    def action_mark_paid(self):
        for rec in self:
            # move_id.state read as superuser: HR officers have no access to journal entries
            if rec.state != "posted" or rec.move_id.sudo().state != "posted":
                raise UserError(_("Only severances whose journal entry is posted can be marked as paid."))
            rec.sudo().write({"state": "paid"})  # sudo: the check above is the transition
        self._hrcr_mark_stoppage_paid()
        return True

    # ------------------------------------------------------------------ social-insurance stoppage

    def _hrcr_stoppage_domain(self):
        """Leaver checklists of these severances' departures: same employee, departure on the termination date."""
        return expression.AND([
            [("state", "!=", "cancelled")],
            expression.OR([
                [("employee_id", "=", rec.employee_id.id), ("departure_date", "=", rec.termination_date)]
                for rec in self
            ]),
        ])

    def _hrcr_mark_stoppage_paid(self):
        """A paid severance completes the checklist item "compensation paid at handover" (LCL Art. 50 ¶2)."""
        if not self:
            return
        # sudo: finance users mark severances paid but have no access to leaver checklists; only the
        # compensation item of these employees' departures is marked done
        stoppages = self.env["hr.si.stoppage"].sudo().search(self._hrcr_stoppage_domain())
        stoppages._hrcr_mark_items_done(["severance"])

    def action_open_si_stoppage(self):
        """Stop the leaver's social insurance: the stoppage wizard prefilled from this severance, or
        the leaver checklist when this departure already has one."""
        self.ensure_one()
        if self.state not in ("confirmed", "posted", "paid"):
            raise UserError(_("Confirm the severance before stopping the social insurance."))
        stoppage = self.env["hr.si.stoppage"].search(self._hrcr_stoppage_domain(), limit=1)
        if stoppage:
            return {
                "type": "ir.actions.act_window",
                "res_model": "hr.si.stoppage",
                "res_id": stoppage.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return self.env["hr.si.stoppage.wizard"]._hrcr_action_open({
            "default_employee_id": self.employee_id.id,
            "default_departure_date": fields.Date.to_string(self.termination_date),
            "default_termination_ground": self.termination_ground,
        })

    def action_cancel(self):
        for rec in self:
            if rec.state == "cancelled":
                continue
            if rec.state == "paid":
                raise UserError(_("Severance %(name)s is paid: reverse the payment in Accounting first.", name=rec.name))
            move = rec.move_id
            # move_state: related, read as superuser; HR officers have no access to journal entries
            if rec.move_state == "posted":
                if not self.env.user.has_group("account.group_account_invoice"):
                    raise UserError(_(
                        "The journal entry of %(name)s is posted: only an accounting user can cancel the severance, "
                        "which reverses the entry.", name=rec.name))
                reversal = move._reverse_moves(
                    [{"date": fields.Date.context_today(self), "ref": _("Reversal of %(ref)s", ref=move.ref)}],
                    cancel=True)
                rec.sudo().write({"reversal_move_id": reversal.id})  # sudo: workflow field
            elif rec.move_state == "draft":
                # sudo: the draft entry was created by the confirmation; HR officers may cancel it
                move.sudo().button_cancel()
            rec.sudo().write({"state": "cancelled"})  # sudo: the checks above are the transition
        return True

    def action_open_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_print_statement(self):
        return self.env.ref("hr_contract_risk.action_report_severance_statement").report_action(self)
