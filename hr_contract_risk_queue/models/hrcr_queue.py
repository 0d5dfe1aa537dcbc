"""Queue bridge: how the daily runs are cut into jobs (one per company and batch)."""
from odoo import api, models

from odoo.addons.queue_job.job import identity_exact

CHANNEL = "root.hr_contract_risk"
BATCH_SIZE = 500


class HrcrQueue(models.AbstractModel):
    _name = "hrcr.queue"
    _description = "Contract Risk: job dispatch"

    @api.model
    def _hrcr_inline(self):
        """Run inline instead of enqueueing (queue_job's own switch, e.g. in tests or a shell)."""
        return bool(self.env.context.get("queue_job__no_delay"))

    @api.model
    def _hrcr_enqueue(self, records, method, batches, description):
        """One job per batch, on the addon's channel. ``identity_exact``: a run started twice
        before its jobs ran (two cron threads, a manual run) enqueues each batch once."""
        jobs = []
        for index, args in enumerate(batches, start=1):
            delayed = records.with_delay(
                channel=CHANNEL, identity_key=identity_exact,
                description="%s (%s/%s)" % (description, index, len(batches)))
            jobs.append(getattr(delayed, method)(*args))
        return jobs


def split(ids, size=BATCH_SIZE):
    """Slices of ``ids`` of at most ``size``, in order (the same ids give the same slices)."""
    return [ids[start:start + size] for start in range(0, len(ids), size)]


def by_company(env, model, ids):
    """{company id: [ids]}, each list in the order of ``ids`` (one grouped query)."""
    if not ids:
        return {}
    position = {rid: i for i, rid in enumerate(ids)}
    groups = env[model].sudo()._read_group([("id", "in", list(ids))], ["company_id"], ["id:array_agg"])
    return {company.id: sorted(group_ids, key=position.__getitem__) for company, group_ids in groups}
