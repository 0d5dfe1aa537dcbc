"""Queue bridge: the performance forecast as one job.

The forecast pulls each short history toward its department's trend, which needs every
member's history: the job reads them once and writes in batches, as the cron does, rather
than one job per batch re-reading the whole company."""
from odoo import api, fields, models


class HrKpiForecast(models.Model):
    _inherit = "hr.kpi.forecast"

    @api.model
    def _cron_forecast_recompute(self):
        if self.env["hrcr.queue"]._hrcr_inline():
            return super()._cron_forecast_recompute()
        self.env["hrcr.queue"]._hrcr_enqueue(
            self.browse(), "_hrcr_job_forecast", [(str(fields.Date.context_today(self)),)],
            self.env._("Performance forecast"))
        return True

    @api.model
    def _hrcr_job_forecast(self, day):
        """The forecast as of ``day``. Safe to run twice: it replaces that day's rows."""
        return self._recompute(as_of=fields.Date.to_date(day))
