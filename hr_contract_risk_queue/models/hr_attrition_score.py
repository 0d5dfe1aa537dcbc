"""Queue bridge: the daily risk recompute as one job per company and batch."""
from odoo import api, fields, models

from .hrcr_queue import split


class HrAttritionScore(models.Model):
    _inherit = "hr.attrition.score"

    @api.model
    def _cron_attrition_recompute(self):
        if self.env["hrcr.queue"]._hrcr_inline():
            return super()._cron_attrition_recompute()
        today = fields.Date.context_today(self)
        self._unlink_departed()
        batches = []
        for company in self.env["res.company"].search([], order="id"):
            emp_ids = self._pending_employee_ids(company, today)
            if emp_ids:
                # the model card is made here, once, not by concurrent jobs
                self._scoring_context(company, today)
                batches += [(company.id, batch, str(today)) for batch in split(emp_ids)]
        self.env["hrcr.queue"]._hrcr_enqueue(self.browse(), "_hrcr_job_recompute_batch", batches,
                                             self.env._("Attrition recompute"))
        return True

    @api.model
    def _hrcr_job_recompute_batch(self, company_id, employee_ids, day):
        """Score one batch. Safe to run twice: it rewrites the same scores."""
        company = self.env["res.company"].browse(company_id)
        ctx = self._scoring_context(company, fields.Date.to_date(day), create_card=False)
        employee_ids = self.env["hr.employee"].browse(employee_ids).exists().ids
        if employee_ids:
            self._recompute_batch(ctx, employee_ids)
        return len(employee_ids)
