"""Severance wizard: a warning when the ground claims the employee declined the renewal (no N, LCL 46(5))
but the contract's renewal review records no written refusal of an offer on the same or better terms."""

from odoo import api, fields, models

from ..engine import contract_compliance as cc


class HrSeveranceWizard(models.TransientModel):
    _inherit = "hr.severance.wizard"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_offer_warning = fields.Text(string="Renewal Offer Warning", compute="_compute_hrcr_offer_warning")

    @api.depends("termination_ground", "contract_id")
    @api.depends_context("lang")
    def _compute_hrcr_offer_warning(self):
        for wiz in self:
            warning = False
            if wiz.termination_ground == "expiry_employee_declined":
                review = wiz._hrcr_renewal_review()
                answer = review._hrcr_offer_answer() if review else None
                classification = review.offer_classification if review else None
                if cc.declined_claim_unsupported(wiz.termination_ground, answer, classification):
                    warning = self.env["hr.contract.renewal.review"]._hrcr_declined_warning()
            wiz.hrcr_offer_warning = warning
