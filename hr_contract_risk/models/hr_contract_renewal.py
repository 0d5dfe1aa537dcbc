"""Renewal review: the contract's reviews, opened when an expiry stage fires."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class HrContract(models.Model):
    _inherit = "hr.contract"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    renewal_review_ids = fields.One2many("hr.contract.renewal.review", "contract_id", string="Renewal Reviews")
    renewal_review_count = fields.Integer(compute="_compute_renewal_review_count")

    def _compute_renewal_review_count(self):
        counts = dict(self.env["hr.contract.renewal.review"]._read_group(
            [("contract_id", "in", self.ids)], ["contract_id"], ["__count"]))
        for contract in self:
            contract.renewal_review_count = counts.get(contract, 0)

    def action_open_renewal_review(self):
        """Open (or create) the renewal review of this contract's current end date."""
        self.ensure_one()
        if not self.date_end:
            raise UserError(_("Contract %(name)s is open-ended: there is no expiry to review.", name=self.name))
        review = self.env["hr.contract.renewal.review"].search(
            [("contract_id", "=", self.id), ("end_date", "=", self.date_end)], limit=1)
        if not review:
            review = self.env["hr.contract.renewal.review"].create({"contract_id": self.id, "end_date": self.date_end})
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.contract.renewal.review",
            "res_id": review.id,
            "view_mode": "form",
            "name": review.display_name,
        }

    def action_view_renewal_reviews(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("hr_contract_risk.action_hr_contract_renewal_review")
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id}
        return action

    # ------------------------------------------------------------------ business methods
    def _hrcr_on_expiry_stages_fired(self, fired):
        """A fired stage alert opens the renewal review of that contract and end date."""
        result = super()._hrcr_on_expiry_stages_fired(fired)
        self._hrcr_open_renewal_reviews(fired)
        return result

    @api.model
    def _hrcr_open_renewal_reviews(self, fired, batch_size=500):
        """Open one renewal review per contract and end date that has none.

        ``fired``: list of ``{'contract_id', 'stage_days', 'end_date'}`` from the
        expiry cron (``_hrcr_on_expiry_stages_fired``).  Batched: one
        read of the existing reviews and one create per batch; safe to run twice.
        """
        Review = self.env["hr.contract.renewal.review"]
        wanted = {}
        for item in fired or []:
            if item.get("contract_id") and item.get("end_date"):
                key = (item["contract_id"], fields.Date.to_date(item["end_date"]))
                stage = item.get("stage_days") or 0
                wanted[key] = max(wanted.get(key, 0), stage)  # the first stage fired is the largest
        created = Review
        keys = sorted(wanted)
        for start in range(0, len(keys), batch_size):
            batch = keys[start:start + batch_size]
            contract_ids = list({cid for cid, _end in batch})
            existing = {(row["contract_id"][0], row["end_date"]) for row in Review.search_read(
                [("contract_id", "in", contract_ids)], ["contract_id", "end_date"])}
            contracts = self.browse(contract_ids).exists()
            valid = set(contracts.filtered(lambda c: c.employee_id and c.date_end).ids)
            vals_list = [
                {"contract_id": cid, "end_date": end, "expiry_stage_days": wanted[(cid, end)]}
                for cid, end in batch if cid in valid and (cid, end) not in existing
            ]
            if vals_list:
                reviews = Review.with_context(mail_create_nolog=True).create(vals_list)
                reviews._hrcr_schedule_todo()
                created |= reviews
        return created
