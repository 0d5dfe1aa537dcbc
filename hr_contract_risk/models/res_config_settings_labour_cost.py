# Kept apart from models/res_config_settings.py while parallel branches split it (the lead may merge the classes):
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hrcr_recruiting_account_ids = fields.Many2many(
        related="company_id.hrcr_recruiting_account_ids", readonly=False)
    hrcr_training_account_ids = fields.Many2many(
        related="company_id.hrcr_training_account_ids", readonly=False)
