"""Incentive recommendation: a stay interview is a kind of talk log (its stated drivers are recorded)."""

from odoo import fields, models


class HrTalkLog(models.Model):
    _inherit = "hr.talk.log"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    kind = fields.Selection(selection_add=[("stay_interview", "Stay Interview")],
                            ondelete={"stay_interview": "set default"})
