"""Non-compete: the obligation after departure, its monthly payments, the waiver and the Art. 38 alert.

LCL 23, 24; SPC Interpretation (I) 2020 Arts. 36-40. The rules live in ``engine/contract_compliance.py``;
the entries use the severance's journal and accounts (``res.company._hrcr_severance_accounting``)."""

from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import contract_compliance as cc
from .hrcr_batch import CronBatches

CATEGORIES = [("senior_manager", "Senior manager"), ("senior_technical", "Senior technical staff"),
              ("confidentiality", "Other staff with a confidentiality duty")]


def _free_field(fname):
    """Chatter and activities stay writable on every obligation."""
    return fname.startswith(("message_", "activity_")) or fname == "has_message"


class HrNonCompete(models.Model):
    """One employee's non-compete restriction after leaving: created from the contract's clause."""

    _name = "hr.non.compete"
    _description = "Non-Compete Obligation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "restriction_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, readonly=True, index=True, ondelete="restrict")
    contract_id = fields.Many2one("hr.contract", required=True, readonly=True, index=True, ondelete="restrict")
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one("res.users", string="HR Responsible", tracking=True,
                              help="Receives the enforce-or-waive to-do and the Art. 38 alert.")
    category = fields.Selection(CATEGORIES, string="Role", readonly=True,
                                help="LCL 24 para. 1: senior manager, senior technical staff or confidentiality duty.")
    departure_date = fields.Date(readonly=True)
    duration_months = fields.Integer(string="Duration (Months)", readonly=True, help="At most 24 (LCL 24).")
    restriction_start = fields.Date(readonly=True, help="The day after the departure.")
    restriction_end = fields.Date(readonly=True, help="Last day of the restriction.")
    agreed_compensation = fields.Monetary(readonly=True, help="Monthly compensation agreed in the clause.")
    average_wage_12m = fields.Monetary(
        string="Average Monthly Wage (12 Months)", readonly=True,
        help="Average monthly wage of the 12 months before leaving, from the wage history (SPC Interpretation (I) "
        "Art. 36).")
    minimum_wage = fields.Monetary(string="Local Minimum Wage", readonly=True)
    compensation_source = fields.Selection(
        [("agreed", "Agreed in the clause"), ("default", "30 % of the 12-month average (Interp. Art. 36)")],
        readonly=True)
    monthly_compensation = fields.Monetary(readonly=True, help="Paid monthly during the restriction (LCL 23 para. 2).")
    accounting_mode = fields.Selection(
        [("monthly", "One draft entry per month"), ("accrual", "One accrual entry for the whole amount")],
        readonly=True)
    accrual_move_id = fields.Many2one("account.move", string="Accrual Entry", readonly=True, copy=False)
    reversal_move_id = fields.Many2one(
        "account.move", string="Accrual Reversal", readonly=True, copy=False,
        help="Draft entry reversing the accrued months no longer owed after a waiver or closure.")
    state = fields.Selection(
        [("running", "Running"), ("waived", "Waived"), ("closed", "Closed")],
        default="running", required=True, readonly=True, tracking=True)
    waiver_date = fields.Date(readonly=True)
    waiver_cost = fields.Monetary(
        readonly=True, help="SPC Interpretation (I) Art. 39: 3 extra months of compensation for a release during "
        "the restriction; nothing before it starts.")
    line_ids = fields.One2many("hr.non.compete.line", "non_compete_id", string="Payment Schedule", readonly=True)
    total_amount = fields.Monetary(compute="_compute_totals", string="Total Owed")
    paid_amount = fields.Monetary(compute="_compute_totals", string="Paid")
    decision_activity_id = fields.Many2one("mail.activity", readonly=True, ondelete="set null", copy=False)
    art38_alerted_exit_date = fields.Date(
        string="Art. 38 Alert Sent For", readonly=True, copy=False,
        help="Date from which the employee may end the restriction (3 months unpaid, SPC Interpretation (I) "
        "Art. 38) for which the alert was sent; each such date is alerted once.")
    note = fields.Text()

    # Written only by the action methods, through sudo() after their checks (never by a client).
    _HRCR_EDITABLE_RUNNING = frozenset({"note", "user_id"})
    _HRCR_EDITABLE_FROZEN = frozenset({"note"})

    @api.depends("employee_id", "restriction_start")
    def _compute_name(self):
        for rec in self:
            rec.name = self.env._("Non-compete %(employee)s from %(date)s",
                                  employee=rec.employee_id.name or "", date=rec.restriction_start or "")

    @api.depends("line_ids.amount", "line_ids.state")
    def _compute_totals(self):
        for rec in self:
            owed = rec.line_ids.filtered(lambda line: line.state != "cancelled")
            rec.total_amount = sum(owed.mapped("amount"))
            rec.paid_amount = sum(owed.filtered(lambda line: line.state == "paid").mapped("amount"))

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.browse().check_access("create")
            raise UserError(self.env._("A non-compete obligation is started from the contract (Start non-compete)."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            for rec in self:
                allowed = self._HRCR_EDITABLE_RUNNING if rec.state == "running" else self._HRCR_EDITABLE_FROZEN
                refused = [f for f in vals if f not in allowed and not _free_field(f)]
                if refused:
                    labels = ", ".join(self._fields[f]._description_string(self.env) for f in refused
                                       if f in self._fields)
                    raise UserError(self.env._(
                        "%(fields)s of the non-compete %(name)s change only through its buttons (waive, close); "
                        "a waived or closed non-compete is frozen.", fields=labels or ", ".join(refused),
                        name=rec.name))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_without_posted_entry(self):
        for rec in self:
            if rec.state != "running" and not self.env.su:
                raise UserError(self.env._(
                    "Non-compete %(name)s is waived or closed: it stays on file as the record of the release.",
                    name=rec.name))
            if rec.line_ids.filtered(lambda line: line.state in ("posted", "paid")):
                raise UserError(self.env._(
                    "Non-compete %(name)s has posted or paid entries: waive or close it instead.", name=rec.name))
        moves = (self.line_ids.move_id | self.accrual_move_id | self.reversal_move_id).sudo()
        # sudo: HR managers remove the draft entries the obligation created; posted ones are refused above
        moves.filtered(lambda m: m.state == "draft").unlink()

    # ------------------------------------------------------------------ start (from the contract)

    @api.model
    def _hrcr_compensation(self, contract, departure=None):
        """(monthly amount, source, 12-month average, minimum wage or None, warnings) for a contract's clause.

        Agreed amount, else SPC Interpretation (I) Art. 36: 30 % of the 12-month average wage, not below the
        local minimum wage. Raises a UserError when the agreed amount is below the minimum wage."""
        employee = contract.employee_id
        company = contract.company_id
        departure = departure or employee.departure_date
        warnings = []
        starts = [c["date_start"] for c in self.env["hr.contract"].sudo().search_read(
            [("employee_id", "=", employee.id), ("state", "!=", "cancel")], ["date_start"]) if c["date_start"]]
        hire = min(starts, default=contract.date_start)
        avg = self.env["hr.wage.history"].sudo()._hrcr_averages(
            employee, {employee.id: departure}, {employee.id: hire}, company.hrcr_wage_include_overtime,
            partial_months=company.hrcr_wage_partial_months)[employee.id]
        average = avg.average
        if average is None:
            average = contract.wage
            warnings.append(self.env._(
                "No wage history in the 12 months before leaving: the contract wage %(wage)s is used as the average.",
                wage=contract.wage))
        Region = self.env["hr.labour.region"].sudo()
        _row, minimum, _fallback, message = Region._hrcr_lookup(
            company, Region._hrcr_city_of(employee, contract), departure)
        if not minimum:
            minimum = None
            warnings.append(message or self.env._("No local minimum wage is configured: no floor applied."))
        try:
            agreed = cc.check_non_compete(contract.hrcr_nc_duration_months, contract.hrcr_nc_compensation or None,
                                          minimum)
        except cc.InputError as err:
            raise UserError(err.msg.render(self.env._)) from None
        if agreed is not None:
            return float(agreed), "agreed", float(average), minimum, warnings
        amount = cc.non_compete_default_compensation(average, minimum)
        return float(amount), "default", float(average), minimum, warnings

    @api.model
    def _hrcr_create_from_contracts(self, contracts, departure_dates=None):
        """The obligations of these contracts (their employees have left): schedule, entries and to-do.

        ``departure_dates``: {contract id: last day of work}, default the employee's departure date (the
        severance passes its termination date)."""
        obligations = self.browse()
        departure_dates = departure_dates or {}
        for contract in contracts.sudo():
            departure = departure_dates.get(contract.id) or contract.employee_id.departure_date
            monthly, source, average, minimum, warnings = self._hrcr_compensation(contract, departure)
            start = departure + timedelta(days=1)
            schedule = cc.non_compete_schedule(start, contract.hrcr_nc_duration_months, monthly)
            # sudo: created by the server from the clause after the checks of the contract's action
            rec = self.sudo().create({
                "employee_id": contract.employee_id.id, "contract_id": contract.id,
                "company_id": contract.company_id.id,
                "user_id": contract.hr_responsible_id.id or self.env.ref("base.user_admin").id,
                "category": contract.hrcr_nc_category, "departure_date": departure,
                "duration_months": contract.hrcr_nc_duration_months, "restriction_start": start,
                "restriction_end": schedule[-1][1], "agreed_compensation": contract.hrcr_nc_compensation,
                "average_wage_12m": average, "minimum_wage": minimum or 0.0, "compensation_source": source,
                "monthly_compensation": monthly, "accounting_mode": contract.company_id.hrcr_nc_accounting,
                "line_ids": [Command.create({
                    "sequence": i, "kind": "monthly", "period_start": p_start, "period_end": p_end,
                    "amount": float(amount)}) for i, (p_start, p_end, amount) in enumerate(schedule, 1)],
            })
            rec._hrcr_create_schedule_entries()
            rec._hrcr_schedule_decision_activity()
            rec.message_post(body=self.env._(
                "Non-compete started: %(months)s months from %(start)s, %(amount)s a month (%(basis)s).",
                months=rec.duration_months, start=start, amount=monthly,
                basis=dict(self._fields["compensation_source"]._description_selection(self.env))[source]))
            for warning in warnings:
                rec.message_post(body=warning)
            obligations |= rec
        return obligations.with_env(self.env)

    def _hrcr_move_vals(self, amount, date, label, reverse=False):
        self.ensure_one()
        employee = self.employee_id
        if not employee.work_contact_id:
            raise UserError(self.env._(
                "Employee %(employee)s has no work contact: the journal entry needs a partner.", employee=employee.name))
        journal, expense, payable = self.company_id._hrcr_severance_accounting()
        debit, credit = (payable, expense) if reverse else (expense, payable)
        partner = employee.work_contact_id.id
        return {
            "move_type": "entry", "journal_id": journal.id, "date": date, "ref": label, "partner_id": partner,
            "line_ids": [
                Command.create({"name": label, "account_id": debit.id, "partner_id": partner,
                                "debit": amount, "credit": 0.0}),
                Command.create({"name": label, "account_id": credit.id, "partner_id": partner,
                                "debit": 0.0, "credit": amount}),
            ],
        }

    def _hrcr_create_moves(self, vals_list):
        # sudo: HR officers start obligations without accounting rights; the entries stay drafts that
        # only finance (account.group_account_invoice) can post.
        return self.env["account.move"].sudo().with_company(self.company_id).create(vals_list)

    def _hrcr_create_schedule_entries(self):
        """Draft entries as finance prefers (company setting): one per month, or one accrual for the total."""
        self.ensure_one()
        lines = self.line_ids.sorted("sequence")
        if self.accounting_mode == "accrual":
            move = self._hrcr_create_moves([self._hrcr_move_vals(
                sum(lines.mapped("amount")), self.restriction_start,
                self.env._("Non-compete compensation accrual: %(employee)s", employee=self.employee_id.name))])
            self.sudo().write({"accrual_move_id": move.id})
            lines.sudo().write({"move_id": move.id})
            return
        moves = self._hrcr_create_moves([self._hrcr_move_vals(
            line.amount, line.period_end, self.env._(
                "Non-compete compensation %(start)s - %(end)s: %(employee)s",
                start=line.period_start, end=line.period_end, employee=self.employee_id.name))
            for line in lines])
        for line, move in zip(lines, moves):
            line.sudo().move_id = move

    def _hrcr_schedule_decision_activity(self):
        self.ensure_one()
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        activity = self.sudo().activity_schedule(
            activity_type_id=todo.id if todo else False, user_id=self.user_id.id,
            date_deadline=max(fields.Date.context_today(self), self.restriction_start - timedelta(days=1)),
            summary=self.env._("Enforce or waive the non-compete of %(employee)s", employee=self.employee_id.name),
            note=self.env._(
                "Enforce the restriction and pay %(amount)s a month, or waive it: before %(start)s a waiver costs "
                "nothing, during the restriction it costs 3 extra months of compensation (SPC Interpretation (I) "
                "Art. 39).", amount=self.monthly_compensation, start=self.restriction_start))
        self.sudo().write({"decision_activity_id": activity.id})

    # ------------------------------------------------------------------ actions

    def _hrcr_open_action(self):
        action = {"type": "ir.actions.act_window", "res_model": "hr.non.compete",
                  "name": self.env._("Non-Compete Obligations")}
        if len(self) == 1:
            return dict(action, view_mode="form", res_id=self.id)
        return dict(action, view_mode="list,form", domain=[("id", "in", self.ids)])

    def _hrcr_check_running(self):
        for rec in self:
            if rec.state != "running":
                raise UserError(self.env._("Non-compete %(name)s is already waived or closed.", name=rec.name))

    def _hrcr_cancel_lines_after(self, day):
        """Months starting after ``day`` are no longer owed: cancel them and their draft entries; in accrual
        mode, a draft entry reverses the accrued amount of those months."""
        self.ensure_one()
        lines = self.line_ids.filtered(
            lambda line: line.kind == "monthly" and line.period_start > day and line.state != "paid"
            and (self.accounting_mode == "accrual" or line.state == "draft"))
        if not lines:
            return lines
        if self.accounting_mode == "accrual":
            move = self._hrcr_create_moves([self._hrcr_move_vals(
                sum(lines.mapped("amount")), max(day, self.restriction_start), self.env._(
                    "Non-compete accrual reversal: %(employee)s", employee=self.employee_id.name), reverse=True)])
            self.sudo().write({"reversal_move_id": move.id})
            lines.sudo().write({"state": "cancelled"})
        else:
            moves = lines.move_id.sudo()
            lines.sudo().write({"state": "cancelled", "move_id": False})
            moves.filtered(lambda m: m.state == "draft").unlink()
        return lines

    def action_waive(self, waiver_date=None):
        """HR manager only. SPC Interpretation (I) Art. 39: during the restriction, 3 extra months of
        compensation (a line with its draft entry); before it starts, nothing. Then frozen."""
        if not self.env.user.has_group("hr.group_hr_manager"):
            raise AccessError(self.env._("Only an HR manager can waive a non-compete."))
        self._hrcr_check_running()
        day = waiver_date or fields.Date.context_today(self)
        for rec in self:
            try:
                cost = cc.non_compete_waiver_cost(rec.restriction_start, rec.duration_months, day,
                                                  rec.monthly_compensation)
            except cc.InputError as err:
                raise UserError(err.msg.render(self.env._)) from None
            rec._hrcr_cancel_lines_after(day)
            if cost:
                label = self.env._("Non-compete waiver, 3 extra months (Interp. Art. 39): %(employee)s",
                                   employee=rec.employee_id.name)
                move = rec._hrcr_create_moves([rec._hrcr_move_vals(float(cost), day, label)])
                self.env["hr.non.compete.line"].sudo().create({
                    "non_compete_id": rec.id, "sequence": 1000, "kind": "waiver", "period_start": day,
                    "period_end": day, "amount": float(cost), "move_id": move.id})
            # sudo: the workflow fields are written only here, after the checks above
            rec.sudo().write({"state": "waived", "waiver_date": day, "waiver_cost": float(cost)})
            rec._hrcr_done_decision(self.env._("Waived on %(date)s.", date=day))
            rec.message_post(body=self.env._(
                "Non-compete waived on %(date)s by %(user)s; waiver cost %(cost)s (SPC Interpretation (I) Art. 39).",
                date=day, user=self.env.user.name, cost=float(cost)))
        return True

    def action_close(self):
        """HR officer: the restriction ended, or the employee ended it (Art. 38). Months starting after today
        are cancelled. Then frozen."""
        if not self.env.user.has_group("hr.group_hr_user"):
            raise AccessError(self.env._("Only HR officers can close a non-compete."))
        self._hrcr_check_running()
        today = fields.Date.context_today(self)
        for rec in self:
            rec._hrcr_cancel_lines_after(today)
            rec.sudo().write({"state": "closed"})  # sudo: the workflow transition, after the checks above
            rec._hrcr_done_decision(self.env._("Closed on %(date)s.", date=today))
        return True

    def _hrcr_done_decision(self, feedback):
        activity = self.sudo().decision_activity_id
        if activity:
            activity.action_feedback(feedback=feedback)

    # ------------------------------------------------------------------ Art. 38 alert (daily cron)

    def _hrcr_paid_through(self):
        """{obligation id: last day covered by consecutive paid months from the start, or None}."""
        rows = self.env["hr.non.compete.line"].sudo().search_read(
            [("non_compete_id", "in", self.ids), ("kind", "=", "monthly")],
            ["non_compete_id", "period_start", "period_end", "state"], order="non_compete_id, period_start")
        out = {rec.id: None for rec in self}
        broken = set()
        for row in rows:
            rec_id = row["non_compete_id"][0]
            if rec_id in broken:
                continue
            if row["state"] == "paid":
                out[rec_id] = row["period_end"]
            else:
                broken.add(rec_id)
        return out

    @api.model
    def _cron_hrcr_non_compete_art38(self, batch_size=500):
        """Daily, batched, idempotent: one to-do before the employee may end the restriction after 3 months
        unpaid (SPC Interpretation (I) Art. 38). Returns the number of to-dos created."""
        today = fields.Date.context_today(self)
        records = self.sudo().search([("state", "=", "running"), ("restriction_end", ">=", today)])
        # resumable: an exit date already alerted is skipped by the next call
        run = CronBatches(self.env, total=len(records), resumable=True, name="Non-compete Art. 38 alerts")
        created = 0
        for batch in run.batches(records, batch_size):
            created += batch._hrcr_art38_batch(today)
        return created

    def _hrcr_art38_batch(self, today):
        paid_through = self._hrcr_paid_through()
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id(self._name)
        due = []
        for rec in self:
            exit_date, alert_date = cc.non_compete_employee_exit_date(
                rec.restriction_start, paid_through[rec.id], rec.company_id.hrcr_nc_alert_days)
            if today >= alert_date and exit_date <= rec.restriction_end and rec.art38_alerted_exit_date != exit_date:
                due.append((rec, exit_date))
        activities = self.env["mail.activity"].sudo().create([{
            "res_model_id": model_id, "res_id": rec.id, "user_id": rec.user_id.id or self.env.ref("base.user_admin").id,
            "activity_type_id": todo.id if todo else False, "date_deadline": max(today, exit_date - timedelta(days=1)),
            "summary": self.env._("Non-compete unpaid: %(employee)s may end it from %(date)s",
                                  employee=rec.employee_id.name, date=exit_date),
            "note": self.env._(
                "Three months of compensation unpaid for a reason on the employer's side let the employee end the "
                "restriction (SPC Interpretation (I) Art. 38). Pay the months due before %(date)s, or decide to "
                "waive.", date=exit_date),
        } for rec, exit_date in due])
        for rec, exit_date in due:
            rec.write({"art38_alerted_exit_date": exit_date})
        return len(activities)


class HrNonCompeteLine(models.Model):
    """One payment of a non-compete: a month of compensation, or the Art. 39 waiver cost."""

    _name = "hr.non.compete.line"
    _description = "Non-Compete Payment"
    _order = "non_compete_id, sequence, id"

    non_compete_id = fields.Many2one("hr.non.compete", required=True, ondelete="cascade", index=True, readonly=True)
    company_id = fields.Many2one(related="non_compete_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="non_compete_id.currency_id")
    employee_id = fields.Many2one(related="non_compete_id.employee_id", store=True)
    sequence = fields.Integer(readonly=True)
    kind = fields.Selection([("monthly", "Monthly compensation"), ("waiver", "Waiver (Interp. Art. 39)")],
                            required=True, default="monthly", readonly=True)
    period_start = fields.Date(required=True, readonly=True)
    period_end = fields.Date(required=True, readonly=True)
    amount = fields.Monetary(readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Posted"), ("paid", "Paid"), ("cancelled", "Cancelled")],
        default="draft", required=True, readonly=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True, copy=False, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            self.browse().check_access("create")
            raise UserError(self.env._("Non-compete payments are created from the clause, not by hand."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._(
                "A non-compete payment changes only through its journal entry and the Mark as Paid button."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_with_its_obligation(self):
        """A payment goes only with its obligation (a running one, deleted by an HR manager): one month removed
        from a schedule would hide what is owed."""
        if not self.env.su:
            raise UserError(self.env._("A non-compete payment is removed only with its obligation."))

    @api.model
    def _hrcr_sync_from_moves(self, moves):
        """Posted entry -> line posted; entry back to draft -> line draft (hook of account.move)."""
        # sudo: called from account.move by finance users, who may not write HR records
        lines = self.sudo().search([("move_id", "in", moves.ids), ("state", "in", ("draft", "posted"))])
        for line in lines:
            new_state = "posted" if line.move_id.state == "posted" else "draft"
            if line.state != new_state:
                line.write({"state": new_state})

    def action_mark_paid(self):
        """Finance or HR: only a line whose journal entry is posted can be marked paid."""
        env = self.env
        if not (env.user.has_group("account.group_account_invoice") or env.user.has_group("hr.group_hr_user")):
            raise AccessError(env._("Only finance or HR officers can mark a non-compete payment as paid."))
        self.check_access("read")
        for line in self:
            # move_id.state read as superuser: HR officers have no access to journal entries
            if line.state != "posted" or line.move_id.sudo().state != "posted":
                period = f"{line.period_start} - {line.period_end}"
                raise UserError(env._(
                    "Only a non-compete payment whose journal entry is posted can be marked as paid (%(period)s).",
                    period=period))
        self.sudo().write({"state": "paid"})  # sudo: the check above is the transition
        return True
