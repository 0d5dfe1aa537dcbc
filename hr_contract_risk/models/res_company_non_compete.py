"""Non-compete: how finance books the compensation and when the Art. 38 alert fires."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_nc_accounting = fields.Selection(
        [("monthly", "One draft entry per month"), ("accrual", "One accrual entry for the whole amount")],
        string="Non-Compete Entries", default="monthly", required=True,
        help="When a non-compete starts: one draft journal entry per month of compensation, or one accrual entry "
        "for the whole restriction (LCL 23 para. 2). Journal and accounts: those of the severance entries.",
    )
    hrcr_nc_alert_days = fields.Integer(
        string="Non-Compete Unpaid Alert Days", default=15,
        help="Days before the employee may end the restriction after 3 months unpaid (SPC Interpretation (I) "
        "Art. 38) when HR is alerted.",
    )

    @api.constrains("hrcr_nc_alert_days")
    def _check_hrcr_nc_alert_days(self):
        for company in self:
            if not 0 <= company.hrcr_nc_alert_days <= 60:
                raise ValidationError(self.env._(
                    "Non-compete unpaid alert days must be between 0 and 60 (got %(value)s).",
                    value=company.hrcr_nc_alert_days))
