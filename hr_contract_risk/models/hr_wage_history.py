"""Severance: the monthly wage history the average wage W is computed from."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..engine import bounds, labour_law
from .hrcr_bounds import bounds_error


class HrWageHistory(models.Model):
    """Monthly gross pay of an employee: the source of W (LCL 47 ¶3, Reg 27).

    One line per employee and month, importable through the standard import (CSV/XLSX).
    ``amount`` is the gross wage the employee was entitled to that month, including time or
    piece wages, bonuses, commissions, allowances and subsidies (and overtime pay, whose part
    is given in ``overtime_amount``).
    """

    _name = "hr.wage.history"
    _description = "Monthly Wage History"
    _order = "employee_id, month desc"
    _rec_name = "month"

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        compute="_compute_company_id", store=True, readonly=False, precompute=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(
        required=True, help="First day of the month (any day is moved to the 1st).")
    amount = fields.Monetary(
        string="Gross Pay", required=True,
        help="Gross pay the employee was entitled to (应得工资) for the month: wages, bonuses, commissions, "
        "allowances and subsidies (Reg 27), overtime included.")
    overtime_amount = fields.Monetary(
        string="Of Which Overtime",
        help="Part of the gross pay that is overtime pay. Excluded from the annual-leave wage; excluded from W when "
        "the company setting says so (Unconfirmed, varies by locality).")
    has_overtime = fields.Boolean(
        string="Overtime", compute="_compute_has_overtime", store=True)
    note = fields.Char()

    _sql_constraints = [
        ("employee_month_uniq", "unique(employee_id, month)", "There is already a wage line for this employee and month."),
    ]

    @api.depends("employee_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = line.employee_id.company_id or line.company_id or self.env.company

    @api.depends("overtime_amount")
    def _compute_has_overtime(self):
        for line in self:
            line.has_overtime = bool(line.overtime_amount)

    @api.constrains("amount", "overtime_amount")
    def _check_amounts(self):
        for line in self:
            if line.amount < 0 or line.overtime_amount < 0:
                raise ValidationError(_("Wage amounts cannot be negative."))
            if line.overtime_amount > line.amount:
                raise ValidationError(_("The overtime part cannot exceed the gross pay."))

    @api.constrains("month", "amount")
    def _check_bounds(self):
        """Plausible ranges (engine/bounds.py): a month of 1900 or 2200, or a wage of 1e18, is a typing error."""
        today = fields.Date.context_today(self)
        for line in self:
            try:
                bounds.check_date("month", line.month, today, self._fields["month"]._description_string(self.env))
                bounds.check_number("monthly_gross_pay", line.amount,
                                    self._fields["amount"]._description_string(self.env))
            except bounds.BoundsError as err:
                raise bounds_error(self.env, err) from err

    @api.model
    def _normalize_vals(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._normalize_vals(dict(vals)) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalize_vals(dict(vals)))

    @api.model
    def _hrcr_averages(self, employees, termination_dates, hire_dates, include_overtime=True, partial_months=True):
        """{employee_id: engine WageAverage} for a batch, with ONE query.

        ``partial_months``: Reg 27, a partial first or last month counts as its fraction (company setting).

        ``termination_dates`` and ``hire_dates`` are dicts by employee id.
        """
        if not employees:
            return {}
        # Odoo's empty date is False; the engine's is None (an employee with no contract has no hire date yet)
        hire_dates = {eid: day or None for eid, day in hire_dates.items()}
        first = min(labour_law.wage_window(termination_dates[e.id], hire_dates.get(e.id))[0] for e in employees)
        last = max(termination_dates[e.id] for e in employees)
        rows = self.search_read(
            [("employee_id", "in", employees.ids), ("month", ">=", first), ("month", "<=", last)],
            ["employee_id", "month", "amount", "overtime_amount"],
        )
        lines = {}
        for row in rows:
            lines.setdefault(row["employee_id"][0], []).append(
                labour_law.WageLine(row["month"], row["amount"], row["overtime_amount"]))
        return {
            e.id: labour_law.average_wage(
                lines.get(e.id, []), termination_dates[e.id], hire_dates.get(e.id), include_overtime,
                partial_months=partial_months)
            for e in employees
        }

    @api.model
    def _hrcr_monthly_wages(self, employee_ids, date_from, date_to):
        """{employee id: [(month, gross pay)]} for the months from ``date_from`` to ``date_to``: one query.

        The wage data other features read (e.g. the attrition risk's pay trend); months with no
        gross pay are left out.
        """
        rows = self.search_read([
            ("employee_id", "in", list(employee_ids)), ("month", ">=", date_from), ("month", "<=", date_to),
        ], ["employee_id", "month", "amount"])
        out = {}
        for row in rows:
            if row["month"] and row["amount"]:
                out.setdefault(row["employee_id"][0], []).append((row["month"], row["amount"]))
        return out

    @api.model
    def get_import_templates(self):
        return [{
            "label": _("Import Template for Wage History"),
            "template": "/hr_contract_risk/static/xls/hr_wage_history.xlsx",
        }]
