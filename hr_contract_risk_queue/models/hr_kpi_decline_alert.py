"""Queue bridge: the decline detection as one job per company and batch."""
from odoo import api, models

from .hrcr_queue import split


class HrKpiDeclineAlert(models.Model):
    _inherit = "hr.kpi.decline.alert"

    @api.model
    def _cron_detect_decline(self, batch_size=500):
        if self.env["hrcr.queue"]._hrcr_inline():
            return super()._cron_detect_decline(batch_size=batch_size)
        groups = self.env["hr.kpi.appraisal"]._read_group(
            [("state", "=", "confirmed")], ["company_id"], ["employee_id:recordset"])
        batches = []
        for company, employees in sorted(groups, key=lambda g: g[0].id):
            batches += [(company.id, batch) for batch in split(sorted(employees.ids), batch_size)]
        self.env["hrcr.queue"]._hrcr_enqueue(self.browse(), "_hrcr_job_detect_batch", batches,
                                             self.env._("Decline alerts"))
        return True

    @api.model
    def _hrcr_job_detect_batch(self, company_id, employee_ids):
        """One batch of the detection. Safe to run twice: one alert per streak."""
        company = self.env["res.company"].browse(company_id)
        courses = self.env["hr.training.course"].search(
            ["|", ("company_id", "=", False), ("company_id", "=", company.id)])._hrcr_catalog()
        self._hrcr_detect_batch(company, employee_ids, courses)
        return True
