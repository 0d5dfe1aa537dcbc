"""KPI appraisals: the employee's acknowledgement of a confirmed appraisal."""

from odoo import fields, models


class HrKpiAppraisalAcknowledge(models.TransientModel):
    _name = "hr.kpi.appraisal.acknowledge"
    _description = "Acknowledge an Appraisal"

    appraisal_id = fields.Many2one("hr.kpi.appraisal", required=True, ondelete="cascade")
    comment = fields.Text(required=True, help="Your comment on the appraisal; it is kept with it.")

    def action_acknowledge(self):
        self.ensure_one()
        self.appraisal_id._hrcr_acknowledge(self.comment)
        return {"type": "ir.actions.act_window_close"}
