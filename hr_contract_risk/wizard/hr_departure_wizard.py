"""Leaver formalities (social-insurance stoppage): the departure wizard opens the stoppage."""

from odoo import fields, models


class HrDepartureWizard(models.TransientModel):
    _inherit = "hr.departure.wizard"

    def action_register_departure_and_stoppage(self):
        """Apply button: register the departure, then open the social-insurance stoppage wizard, prefilled.

        A method of its own rather than an override of action_register_departure: other addons
        (hr_fleet, hr_maintenance) override that one without returning its result, which would drop
        the action opening the stoppage wizard. The agreed contract end is read before hr_contract
        overwrites it with the departure date: it tells an expiry (LCL Art. 44(1)) from an early
        termination.
        """
        self.ensure_one()
        # sudo: hr_contract reads the current contract the same way; we only read its end date
        planned_end = self.sudo().employee_id.contract_id.date_end
        res = self.action_register_departure()
        if self.env.context.get("hrcr_skip_stoppage") or not self.env.user.has_group("hr.group_hr_user"):
            return res
        return self.env["hr.si.stoppage.wizard"]._hrcr_action_open({
            "default_employee_id": self.employee_id.id,
            "default_departure_date": fields.Date.to_string(self.departure_date),
            "default_departure_reason_id": self.departure_reason_id.id,
            "default_planned_end_date": fields.Date.to_string(planned_end) if planned_end else False,
            "active_test": False,
        })
