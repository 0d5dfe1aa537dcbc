"""The contract document: the labour-contract template of the company in Settings."""

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_legal_representative = fields.Char(related="company_id.hrcr_legal_representative", readonly=False)
    hrcr_lc_labour_protection = fields.Text(related="company_id.hrcr_lc_labour_protection", readonly=False)
    hrcr_lc_other_terms = fields.Html(related="company_id.hrcr_lc_other_terms", readonly=False)
