"""eLearning bridge: a completed eLearning course completes the training records offered for it."""

from odoo import models


class SlideChannelPartner(models.Model):
    _inherit = "slide.channel.partner"

    def _recompute_completion(self):
        """The path eLearning takes when a member's progress changes (``hr_skills_slides`` adds its resume
        line here, in ``super()``). A membership that *becomes* completed marks the planned training records
        of that employee and course done; one completed before stays as it was."""
        before = {membership.id: membership.member_status for membership in self}
        res = super()._recompute_completion()
        completed = self.filtered(lambda m: m.member_status == "completed" and before.get(m.id) != "completed")
        if completed:
            self.env["hr.training.record"]._hrcr_slides_completed(completed)
        return res
