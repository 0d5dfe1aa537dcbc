"""Incentive recommendation: a stay interview is a kind of talk log (its stated drivers are recorded)."""

from odoo import fields, models


class HrTalkLog(models.Model):
    _inherit = "hr.talk.log"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    kind = fields.Selection(selection_add=[("stay_interview", "Stay Interview")],
                            ondelete={"stay_interview": "set default"})
    # the drivers the employee stated in this talk (their access is the drivers' own: HR, the team's manager)
    hrcr_driver_ids = fields.One2many("hr.employee.driver", "talk_log_id", string="Stated Drivers")
