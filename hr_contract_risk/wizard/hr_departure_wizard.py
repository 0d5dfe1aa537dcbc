from odoo import _, fields, models


class HrDepartureWizard(models.TransientModel):
    _inherit = "hr.departure.wizard"

    def action_register_departure(self):
        """Register the departure, then open the social-insurance stoppage wizard, prefilled.

        The agreed contract end is read before hr_contract overwrites it with the departure date: it tells
        an expiry (LCL Art. 44(1)) from an early termination.
        """
        # sudo: hr_contract reads the current contract the same way; we only read its dates
        contract = self.sudo().employee_id.contract_id
        planned_end = contract.date_end
        res = super().action_register_departure()
        if self.env.context.get("hrcr_skip_stoppage") or not self.env.user.has_group("hr.group_hr_user"):
            return res
        return {
            "type": "ir.actions.act_window",
            "name": _("Social-insurance stoppage"),
            "res_model": "hr.si.stoppage.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_employee_id": self.employee_id.id,
                "default_departure_date": fields.Date.to_string(self.departure_date),
                "default_departure_reason_id": self.departure_reason_id.id,
                "default_planned_end_date": fields.Date.to_string(planned_end) if planned_end else False,
                "active_test": False,
            },
        }
