"""Non-compete: the clause on the contract (LCL 23, 24) and its start at departure.

The rules live in ``engine/contract_compliance.py``; the obligation is ``hr.non.compete``."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..engine import contract_compliance as cc

HR = "hr.group_hr_user"


class HrContract(models.Model):
    _inherit = "hr.contract"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_nc_category = fields.Selection(
        [("senior_manager", "Senior manager"), ("senior_technical", "Senior technical staff"),
         ("confidentiality", "Other staff with a confidentiality duty")],
        string="Non-Compete Role", groups=HR, tracking=True,
        help="LCL 24 para. 1: a non-compete binds only senior managers, senior technical staff and others with a "
        "confidentiality duty. Empty: the contract has no non-compete clause.",
    )
    hrcr_nc_duration_months = fields.Integer(
        string="Non-Compete Duration (Months)", groups=HR, tracking=True,
        help="Months of restriction after the employee leaves: at most 24 (LCL 24 para. 2).",
    )
    hrcr_nc_compensation = fields.Monetary(
        string="Agreed Non-Compete Compensation", groups=HR, tracking=True,
        help="Monthly compensation agreed in the clause (LCL 23 para. 2). Empty: 30 % of the average monthly "
        "wage of the last 12 months, not below the local minimum wage (SPC Interpretation (I) Art. 36).",
    )
    hrcr_non_compete_ids = fields.One2many(
        "hr.non.compete", "contract_id", string="Non-Compete Obligations", groups=HR, readonly=True)
    hrcr_non_compete_count = fields.Integer(
        string="Non-Compete Count", compute="_compute_hrcr_non_compete_count", groups=HR)

    @api.depends("hrcr_non_compete_ids")
    def _compute_hrcr_non_compete_count(self):
        for contract in self:
            contract.hrcr_non_compete_count = len(contract.hrcr_non_compete_ids)

    @api.constrains("hrcr_nc_category", "hrcr_nc_duration_months", "hrcr_nc_compensation")
    def _check_hrcr_non_compete(self):
        for contract in self:
            if not (contract.hrcr_nc_category or contract.hrcr_nc_duration_months or contract.hrcr_nc_compensation):
                continue
            if not contract.hrcr_nc_category:
                raise ValidationError(self.env._(
                    "Non-compete role: choose senior manager, senior technical staff or confidentiality duty "
                    "before setting a duration or a compensation (LCL 24 para. 1)."))
            try:
                cc.check_non_compete(contract.hrcr_nc_duration_months, contract.hrcr_nc_compensation or None)
            except cc.InputError as err:
                raise ValidationError(err.msg.render(self.env._)) from None

    def action_hrcr_start_non_compete(self):
        """At departure: the obligation, its payment schedule and entries, and the enforce-or-waive to-do."""
        if not self.env.user.has_group(HR) and not self.env.su:
            raise AccessError(self.env._("Only HR officers can start a non-compete."))
        missing = self.filtered(lambda c: not c.hrcr_nc_category)
        if missing:
            raise UserError(self.env._(
                "Contract %(contract)s has no non-compete clause (LCL 23).", contract=missing[0].display_name))
        undated = self.filtered(lambda c: not c.employee_id.departure_date)
        if undated:
            raise UserError(self.env._(
                "Employee %(employee)s has no departure date: the restriction starts the day after leaving "
                "(LCL 24).", employee=undated[0].employee_id.name))
        started = self.filtered("hrcr_non_compete_ids")
        if started:
            raise UserError(self.env._(
                "The non-compete of contract %(contract)s is already started.", contract=started[0].display_name))
        obligations = self.env["hr.non.compete"]._hrcr_create_from_contracts(self)
        if len(obligations) == 1:
            return obligations._hrcr_open_action()
        return True

    def action_hrcr_view_non_competes(self):
        self.ensure_one()
        return self.hrcr_non_compete_ids._hrcr_open_action()
