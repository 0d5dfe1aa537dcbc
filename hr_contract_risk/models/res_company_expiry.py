"""Contract expiry alerts: the company's alert stages and escalation routing."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..engine import expiry


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_expiry_stages = fields.Char(
        string="Contract Expiry Alert Stages",
        default=expiry.format_stages(expiry.DEFAULT_STAGES),
        help="Days before a fixed-term contract's end date (LCL Art. 44(1)) at which HR is "
        "alerted, separated by commas, e.g. 60,30,7. Each stage fires once per contract and "
        "end date; positive whole days, at most 366, no duplicates.",
    )
    hrcr_expiry_notify_manager = fields.Boolean(
        string="Also Alert the Employee's Manager",
        help="Expiry alerts also schedule a to-do for the user of the employee's manager.",
    )
    hrcr_escalation_user_id = fields.Many2one(
        "res.users",
        string="Expiry Escalation Responsible",
        domain="[('share', '=', False), ('company_ids', 'in', id)]",
        help="Receives the escalation when a contract has expired while running with no renewal "
        "decision recorded and no new contract (risk of LCL Art. 82 double wages). Empty: the "
        "first HR manager (Employees / Administrator) of the company, by user id.",
    )

    @api.constrains("hrcr_expiry_stages")
    def _check_hrcr_expiry_stages(self):
        for company in self:
            try:
                expiry.parse_stages(company.hrcr_expiry_stages)
            except expiry.StageError as err:
                raise ValidationError(
                    self.env._("Contract expiry alert stages of %(company)s: %(error)s",
                               company=company.name,
                               error=self.env._(err.msg.text, **err.msg.params))
                ) from err

    def _hrcr_expiry_stages(self):
        """The company's stages as a tuple, largest first (defaults if unreadable)."""
        self.ensure_one()
        try:
            return expiry.parse_stages(self.hrcr_expiry_stages)
        except expiry.StageError:
            return expiry.DEFAULT_STAGES

    def _hrcr_escalation_users(self):
        """{company_id: res.users} who receive escalations (and unassigned stage alerts).

        The configured user, else the company's HR manager with the lowest id
        (OdooBot excluded), else an empty recordset (callers fall back further).
        One query for all companies.
        """
        manager_group = self.env.ref("hr.group_hr_manager")
        # sudo: the cron reads group membership to route alerts; no data is shown to anyone here
        managers = self.env["res.users"].sudo().search(
            [("groups_id", "in", manager_group.ids), ("share", "=", False),
             ("id", "!=", self.env.ref("base.user_root").id)],
            order="id",
        )
        result = {}
        for company in self:
            user = company.hrcr_escalation_user_id
            if not user:
                user = next((u for u in managers if company in u.company_ids), self.env["res.users"])
            result[company.id] = user
        return result
