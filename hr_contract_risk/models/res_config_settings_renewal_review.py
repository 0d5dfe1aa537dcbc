"""Renewal review: LCL Art. 14 reading and contract continuity settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_refuse_second_renewal = fields.Boolean(related="company_id.hrcr_refuse_second_renewal", readonly=False)
    hrcr_contract_gap_days = fields.Integer(related="company_id.hrcr_contract_gap_days", readonly=False)
    hrcr_art40_2_from_offer = fields.Boolean(related="company_id.hrcr_art40_2_from_offer", readonly=False)
