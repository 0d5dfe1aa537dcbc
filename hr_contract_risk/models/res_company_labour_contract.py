"""The contract document: the company's legal representative and its labour-contract template texts."""

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_legal_representative = fields.Char(
        string="Legal Representative",
        help="Legal representative or principal person of the employer, printed in the labour contract (LCL 17(1)).",
    )
    hrcr_lc_labour_protection = fields.Text(
        string="Labour Protection Clause", translate=True,
        help="The company's labour protection, working conditions and occupational hazard protection clause of "
        "the labour contract (LCL 17(8)); a contract's own occupational hazards are printed after it.",
    )
    hrcr_lc_other_terms = fields.Html(
        string="Other Contract Terms", translate=True,
        help="Further terms printed at the end of every labour contract of the company (LCL 17 ¶2), "
        "one version per language.",
    )
