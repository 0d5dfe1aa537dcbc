"""Leaver formalities (social-insurance stoppage): the company's reporting deadline."""

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    # Unconfirmed (domain reference §1.10): UIR Art. 16 says 7 days, SIL Art. 50 says 15 days.
    hrcr_si_report_days = fields.Selection(
        [("7", "7 days (UIR Art. 16)"), ("15", "15 days (SIL Art. 50)")],
        string="Leaver report deadline",
        default="7",
        required=True,
        help="Days after the departure within which the leaver is reported to the social-insurance agency. "
        "UIR Art. 16 says 7 days, SIL Art. 50 says 15 days; no source confirms which prevails "
        "(Unconfirmed), so 7 days is the safe default.",
    )
