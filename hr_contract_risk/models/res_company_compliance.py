"""Contract compliance: the company's probation policy and unsigned-contract alert days."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import contract_compliance as cc


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_probation_policy = fields.Selection(
        [("block", "Block"), ("warn", "Warn")], string="Probation Check", default="block", required=True,
        help="When a contract is set running with a probation breaking LCL 19/20: block it (an HR manager "
        "may override with a note) or only post a warning in the chatter.",
    )
    hrcr_unsigned_alert_days = fields.Char(
        string="Unsigned Contract Alert Days", default="15,25", required=True,
        help="Days after hire when HR is alerted that no written contract is signed (LCL 10: within one month).",
    )
    hrcr_unsigned_escalation_day = fields.Integer(
        string="Unsigned Contract Escalation Day", default=30,
        help="Day after hire of the escalation; double wages run from month 2 (LCL 82, Reg 6).",
    )
    hrcr_probation_alert_days = fields.Integer(
        string="Probation Ending Alert Days", default=15,
        help="Days before the end of probation when HR is asked to confirm or end it (LCL 21).",
    )

    @api.constrains("hrcr_unsigned_alert_days", "hrcr_unsigned_escalation_day", "hrcr_probation_alert_days")
    def _check_hrcr_unsigned_days(self):
        for company in self:
            try:
                cc.parse_days(company.hrcr_unsigned_alert_days, self.env._("Unsigned contract alert days"))
            except cc.InputError as err:
                raise ValidationError(err.msg.render(self.env._)) from None
            if not 1 <= company.hrcr_unsigned_escalation_day <= 366:
                raise ValidationError(self.env._(
                    "Unsigned contract escalation day must be between 1 and 366 (got %(value)s).",
                    value=company.hrcr_unsigned_escalation_day))
            if not 0 <= company.hrcr_probation_alert_days <= 180:
                raise ValidationError(self.env._(
                    "Probation ending alert days must be between 0 and 180 (got %(value)s).",
                    value=company.hrcr_probation_alert_days))
