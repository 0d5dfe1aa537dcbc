"""Incentive recommendation: the suggested levers of one employee, each with its cost and, for HR, the risk after.

Suggestions, not decisions (PIPL Art. 24): "Apply" schedules a to-do for the HR responsible (or the manager);
it never changes a wage or a contract.
"""

from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine import bounds, incentives
from ..models.hr_employee_driver import DRIVER_SELECTION
from ..models.hrcr_bounds import bounds_error
from ..models.rendering import render_template

LEVER_SELECTION = [(key, incentives.LEVER_LABELS[key]) for key in incentives.LEVERS]
COST_BASIS_SELECTION = [(key, label) for key, label in incentives.COST_BASIS_LABELS.items()]
APPLY_DEADLINE_DAYS = 7
# wizard field -> engine bounds key
BOUNDED = {"raise_pct": "raise_pct", "months_per_year": "pay_months_per_year", "bonus_amount": "incentive_amount",
           "training_budget": "incentive_amount"}


class HrIncentiveWizard(models.TransientModel):
    """Pick the raise, see each stated driver's levers with their yearly cost (and the risk after, HR only)."""

    _name = "hr.incentive.wizard"
    _description = "Incentives: suggested levers"

    employee_id = fields.Many2one("hr.employee", required=True, readonly=True,
                                  domain="[('company_id', 'in', allowed_company_ids)]")
    company_id = fields.Many2one(related="employee_id.company_id")
    currency_id = fields.Many2one(related="employee_id.company_id.currency_id")
    raise_pct = fields.Float(string="Raise (%)", default=5.0, digits=(5, 2), help="The raise to cost, 0 % to 50 %.")
    months_per_year = fields.Float(string="Months of pay a year", default=12.0, digits=(4, 1),
                                   help="12, or 13 with a 13th-month salary: the raise is costed on them.")
    bonus_amount = fields.Monetary(string="Bonus amount", currency_field="currency_id",
                                   help="The one-off bonus to cost; one month's wage when left at 0.")
    training_budget = fields.Monetary(string="Training budget", currency_field="currency_id")
    next_job_id = fields.Many2one("hr.job", string="Next position", compute="_compute_next_job", store=True,
                                  readonly=False, precompute=True,
                                  help="The next job position of a promotion path (none: no promotion lever); "
                                  "by default the one set on the employee's job.")
    current_risk = fields.Float(string="Current risk (%)", digits=(5, 1), readonly=True, groups="hr.group_hr_user")
    risk_note = fields.Char(readonly=True, groups="hr.group_hr_user")
    line_ids = fields.One2many("hr.incentive.wizard.line", "wizard_id", string="Suggested levers", readonly=True)
    has_drivers = fields.Boolean(compute="_compute_has_drivers")

    @api.depends("employee_id")
    def _compute_next_job(self):
        for wizard in self:
            # sudo: the job's promotion path only (managers cannot read job positions)
            wizard.next_job_id = wizard.employee_id.sudo().job_id.hrcr_next_job_id

    @api.depends("line_ids")
    def _compute_has_drivers(self):
        for wizard in self:
            wizard.has_drivers = bool(wizard.line_ids)

    @api.model
    def _hrcr_check_values(self, values):
        """engine/bounds.py: a raise from 0 % to 50 %, amounts from 0 to 10,000,000, all finite; before
        anything is written (a NaN cannot even be stored)."""
        for fname, key in BOUNDED.items():
            if fname in values:
                try:
                    bounds.check_number(key, values[fname], self._fields[fname]._description_string(self.env))
                except bounds.BoundsError as err:
                    raise bounds_error(self.env, err) from None

    @api.constrains(*BOUNDED)
    def _check_bounds(self):
        for wizard in self:
            self._hrcr_check_values({fname: wizard[fname] for fname in BOUNDED})

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._hrcr_check_values(vals)
            if vals.get("employee_id"):
                self._hrcr_check_audience(self.env["hr.employee"].browse(vals["employee_id"]))
        wizards = super().create(vals_list)
        wizards._hrcr_build_lines()
        return wizards

    def write(self, vals):
        self._hrcr_check_values(vals)
        return super().write(vals)

    # ------------------------------------------------------------------ actions
    def action_update(self):
        self.ensure_one()
        self._hrcr_build_lines()
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id, "view_mode": "form",
                "target": "new", "name": self.env._("Incentives: suggested levers")}

    # ------------------------------------------------------------------ business methods
    @api.model
    def _hrcr_check_audience(self, employee):
        """HR officers, or the employee's manager (``hr.employee._hrcr_is_recommendation_audience``)."""
        if not employee._hrcr_is_recommendation_audience():
            raise AccessError(self.env._(
                "Only HR officers and the manager of %(employee)s can see the incentives suggested for them.",
                employee=employee.sudo().name))

    def _hrcr_monthly_wage(self):
        # sudo: managers cannot read contracts; the wage is used only to cost the levers
        return self.employee_id.sudo().contract_id.wage or 0.0

    def _hrcr_what_if(self):
        """A memoised what-if of the employee's attrition risk (HR only; None for a manager or an opted-out
        employee); returns (callable, current risk or None, note)."""
        if not self.env.user.has_group("hr.group_hr_user"):
            return None, None, False
        Score = self.env["hr.attrition.score"]
        cache = {}
        state = {"current": None, "note": False}

        def what_if(**changes):
            key = tuple(sorted(changes.items()))
            if key not in cache:
                try:
                    res = Score._what_if(self.employee_id, **changes)
                except UserError as err:  # e.g. excluded from scoring at their request (PIPL Art. 44)
                    state["note"] = str(err.args[0]) if err.args else False
                    cache[key] = None
                else:
                    state["current"] = res["current"]["risk"]
                    cache[key] = res["new"]["risk"]
            return cache[key]

        what_if()  # the current risk
        return what_if, state["current"], state["note"]

    def _hrcr_build_lines(self):
        Driver = self.env["hr.employee.driver"]
        for wizard in self:
            wizard._check_bounds()
            records, stated = Driver._hrcr_stated(wizard.employee_id)
            latest = {}
            for rec in records.sorted(lambda r: (r.date, r.id)):
                latest[rec.driver] = rec
            what_if, current, note = wizard._hrcr_what_if()
            labels = {fname: self._fields[fname]._description_string(self.env) for fname in BOUNDED}
            labels.update(pay_months_per_year=labels["months_per_year"], monthly_gross_pay=self.env._("Monthly wage"))
            try:
                groups = incentives.recommend(
                    stated, wizard._hrcr_monthly_wage(), wizard.raise_pct, months_per_year=wizard.months_per_year,
                    next_job=wizard.next_job_id.sudo().name or None,  # sudo: a job's name only
                    bonus_amount=wizard.bonus_amount or None,
                    training_budget=wizard.training_budget, what_if=what_if, labels=labels)
            except bounds.BoundsError as err:
                raise bounds_error(self.env, err) from None
            commands = [Command.clear()]
            # a department manager may not see the wage: costs derived from it are withheld (a raise's cost
            # divided by its % and the months is the wage; a default bonus is one month's wage)
            withhold = not self.env.user.has_group("hr.group_hr_user")
            for group in groups:
                for lever in group.levers:
                    text, cost, basis = lever.text, lever.yearly_cost, lever.cost_basis
                    if withhold and (basis in incentives.WAGE_BASED
                                     or (lever.kind == "bonus" and not wizard.bonus_amount)):
                        text = incentives.withheld_text(lever.kind, wizard.raise_pct,
                                                        wizard.next_job_id.sudo().name)  # sudo: a job's name
                        cost, basis = 0.0, incentives.HR_ONLY
                    commands.append(Command.create({
                        "driver_id": latest[group.driver].id, "driver": group.driver, "kind": lever.kind,
                        "rank": lever.rank, "text": text.render(self.env._),
                        "yearly_cost": cost, "cost_basis": basis,
                        "risk_after": lever.risk_after or 0.0, "has_risk": lever.risk_after is not None,
                    }))
            vals = {"line_ids": commands}
            if self.env.user.has_group("hr.group_hr_user"):
                vals.update(current_risk=current or 0.0, risk_note=note)
            wizard.write(vals)

    def _hrcr_assignee(self):
        return self.employee_id._hrcr_follow_up_user()


class HrIncentiveWizardLine(models.TransientModel):
    """One suggested lever: its driver, rank, text, yearly cost, the risk after it (HR only) and "Apply"."""

    _name = "hr.incentive.wizard.line"
    _description = "Incentives: suggested lever"
    _order = "id"

    wizard_id = fields.Many2one("hr.incentive.wizard", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    driver_id = fields.Many2one("hr.employee.driver", string="Stated driver", readonly=True)
    driver = fields.Selection(DRIVER_SELECTION, readonly=True)
    kind = fields.Selection(LEVER_SELECTION, string="Lever", readonly=True)
    rank = fields.Integer(readonly=True)
    text = fields.Char(string="Suggestion", readonly=True)
    yearly_cost = fields.Monetary(string="Estimated cost a year", currency_field="currency_id", readonly=True)
    cost_basis = fields.Selection(COST_BASIS_SELECTION, string="Cost basis", readonly=True)
    risk_after = fields.Float(string="Risk after (%)", digits=(5, 1), readonly=True, groups="hr.group_hr_user")
    has_risk = fields.Boolean(readonly=True, groups="hr.group_hr_user")
    activity_id = fields.Many2one("mail.activity", readonly=True)
    applied = fields.Boolean(compute="_compute_applied")

    @api.depends("activity_id")
    def _compute_applied(self):
        for line in self:
            line.applied = bool(line.activity_id)

    def action_apply(self):
        """Schedule one to-do with the lever's text and cost on the stated driver; no wage or contract changes."""
        self.ensure_one()
        wizard = self.wizard_id
        wizard._hrcr_check_audience(wizard.employee_id)
        if self.activity_id:
            raise UserError(self.env._("This lever is already applied: see the to-do on the stated driver."))
        user = wizard._hrcr_assignee()
        lang_env = self.with_context(lang=user.lang or self.env.lang).env
        _ = lang_env._
        basis = dict(self._fields["cost_basis"]._description_selection(lang_env))
        if self.cost_basis == incentives.HR_ONLY:  # withheld from a manager: HR costs it from the wage
            cost = _("Estimated cost a year: for HR to work out from the wage.")
        else:
            amount = f"{self.yearly_cost:,.2f}"  # formatted outside _(): babel's term extraction evaluates its args
            cost = _("Estimated cost a year: %(cost)s %(currency)s (%(basis)s).",
                     cost=amount, currency=self.currency_id.name or "", basis=basis.get(self.cost_basis, ""))
        self.driver_id.check_access("read")
        # sudo: scheduling subscribes the assignee to the driver, a write a manager (read/create only) lacks;
        # the user stays the creator of the to-do
        activity = self.driver_id.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=fields.Date.context_today(self) + timedelta(days=APPLY_DEADLINE_DAYS),
            summary=_("Incentive for %(employee)s: %(lever)s", employee=wizard.employee_id.name,
                      lever=dict(self._fields["kind"]._description_selection(lang_env)).get(self.kind, "")),
            note=render_template(lang_env, "hr_contract_risk.chatter_check_note", {
                "title": self.text,
                "lines": [cost, _("A suggestion, not a decision (PIPL Art. 24): this to-do changes no wage and "
                                  "no contract; any change is made and signed the usual way.")]}),
            user_id=user.id)
        self.activity_id = activity
        return {"type": "ir.actions.act_window", "res_model": wizard._name, "res_id": wizard.id,
                "view_mode": "form", "target": "new", "name": self.env._("Incentives: suggested levers")}
