"""Company setting: how an unlawful termination's 2N is read (LCL 87 with Art. 97, or the literal Reg 25)."""

import dataclasses

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    hrcr_unlawful_literal_reg25 = fields.Boolean(
        string="Unlawful Termination: Literal Reg 25 Reading",
        help="Not set (default): 2N for an unlawful termination is the higher of 2N from the hire date (Reg 25) and "
        "twice the lawful N with the pre-2008 part under Circular 481 (LCL 87, 97), so it never costs less than a "
        "lawful ending. Set: always 2N from the hire date with the LCL 47 caps (Reg 25).",
    )

    def _hrcr_law_config(self):
        config = super()._hrcr_law_config()
        return dataclasses.replace(
            config, unlawful_reading="reg25" if self.hrcr_unlawful_literal_reg25 else "higher")


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hrcr_unlawful_literal_reg25 = fields.Boolean(
        related="company_id.hrcr_unlawful_literal_reg25", readonly=False)
