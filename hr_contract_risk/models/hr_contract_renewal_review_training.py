"""Training recommendation: the renewal review's LCL 40(2) evidence of training provided, and its effect."""

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models


class HrContractRenewalReview(models.Model):
    _inherit = "hr.contract.renewal.review"  # pylint: disable=consider-merging-classes-inherited

    training_record_ids = fields.Many2many(
        "hr.training.record", string="Training Records", compute="_compute_training_records",
        help="Trainings offered during the contract (up to the decision): LCL Art. 40(2) counts incompetence "
        "only when it is still proven after training or reassignment.")

    @api.depends("employee_id", "end_date", "decision_date", "contract_date_start")
    def _compute_training_records(self):
        reviews = self.filtered(lambda r: r.employee_id and r.end_date)
        windows = {rev.id: (min(d for d in (rev.contract_date_start, rev._hrcr_ref_date() - relativedelta(months=12))
                                if d), rev._hrcr_ref_date()) for rev in reviews}
        found = {}
        if reviews:
            # sudo: the review's audience (HR) reads the evidence; records are HR data of the same employee
            found = self.env["hr.training.record"].sudo()._hrcr_evidence(
                reviews.employee_id.ids, min(w[0] for w in windows.values()), max(w[1] for w in windows.values()))
        Record = self.env["hr.training.record"]
        for rev in self:
            if rev not in reviews:
                rev.training_record_ids = False
                continue
            start, end = windows[rev.id]
            recs = Record.browse(found.get(rev.employee_id.id, {}).get("ids", []))
            rev.training_record_ids = [Command.set(recs.filtered(lambda r, s=start, e=end: s <= r.offer_date <= e).ids)]

    def _hrcr_training_evidence(self):
        offers, done = super()._hrcr_training_evidence()
        ref = self._hrcr_ref_date()
        recs = self.training_record_ids.sudo()
        offers = offers + recs.mapped("offer_date")
        done = done + [(r.done_date, r.course_name) for r in recs if r.state == "done" and r.done_date
                       and r.done_date <= ref]
        return offers, done
