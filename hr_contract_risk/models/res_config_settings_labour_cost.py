"""Labour cost analytics: the recruiting and training cost accounts in Settings."""
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_recruiting_account_ids = fields.Many2many(
        related="company_id.hrcr_recruiting_account_ids", readonly=False)
    hrcr_training_account_ids = fields.Many2many(
        related="company_id.hrcr_training_account_ids", readonly=False)
