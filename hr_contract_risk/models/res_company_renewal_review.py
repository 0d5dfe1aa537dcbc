"""Renewal review: the company's reading of LCL Art. 14 and of contract continuity."""

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_refuse_second_renewal = fields.Boolean(
        string="Employer May Refuse a Second-Contract Renewal Request", default=False,
        help="Off (default, national position since 2025-09-01, SPC Interpretation II 法释〔2025〕12号): "
        "after two consecutive fixed-term contracts the employer may not refuse an employee who asks to renew "
        "(LCL Art. 14(3)) unless an Art. 39/40(1)/40(2) situation exists. On: the former Shanghai 2009 "
        "opinion (Art. 4), under which the employer may let the second contract expire; the review then warns "
        "instead of blocking. Unconfirmed point of law: choose per region with legal advice.")
    hrcr_art40_2_from_offer = fields.Boolean(
        string="LCL 40(2): Count 'After the Training' From the Offer", default=False,
        help="Off (default): once a training record is done, an appraisal counts as 'still below after the "
        "training' only when its period starts on or after the completion date (the employer shows the training "
        "happened). On: from the first offer, as when no training record exists (a period during the course "
        "counts too).")
    hrcr_contract_gap_days = fields.Integer(
        string="Contract Gap Breaking Continuity (days)", default=31,
        help="Two contracts separated by more than this many days are not consecutive (Art. 14 count, "
        "continuous service). The law sets no number: this is an implementation choice.")

    @api.constrains("hrcr_contract_gap_days")
    def _check_hrcr_contract_gap_days(self):
        for company in self:
            if company.hrcr_contract_gap_days < 0:
                raise ValidationError(_("The contract gap must not be negative."))
