"""Queue bridge: the contract-expiry run as one job per company and batch."""
from odoo import api, fields, models

from .hrcr_queue import BATCH_SIZE, by_company, split


class HrContractExpiryAlert(models.Model):
    _inherit = "hr.contract.expiry.alert"

    @api.model
    def _hrcr_run_expiry_alerts(self, batch_size=None, time_budget=None):
        """Enqueue the due work instead of doing it; returns 0 (the jobs create the alerts)."""
        if self.env["hrcr.queue"]._hrcr_inline():
            kwargs = {"time_budget": time_budget}
            if batch_size:
                kwargs["batch_size"] = batch_size
            return super()._hrcr_run_expiry_alerts(**kwargs)
        today = fields.Date.context_today(self)
        stage_ids, escalation_ids = self._hrcr_expiry_todo(today)
        batches = []
        for kind, ids in (("stage", stage_ids), ("escalation", escalation_ids)):
            for _company_id, company_ids in sorted(by_company(self.env, "hr.contract", ids).items()):
                batches += [(kind, batch, str(today)) for batch in split(company_ids, batch_size or BATCH_SIZE)]
        self.env["hrcr.queue"]._hrcr_enqueue(self.browse(), "_hrcr_job_expiry_batch", batches,
                                             self.env._("Contract-expiry alerts"))
        return 0

    @api.model
    def _hrcr_job_expiry_batch(self, kind, contract_ids, day):
        """One batch of the daily run. Safe to run twice: the stored stage and escalation flags
        of each contract make a second run create nothing."""
        today = fields.Date.to_date(day)
        routing = self._hrcr_expiry_routing(today)
        contracts = self.env["hr.contract"].browse(contract_ids).exists()
        if kind == "stage":
            return self._hrcr_fire_stage_batch(contracts, routing)
        return self._hrcr_fire_escalation_batch(contracts, routing)
