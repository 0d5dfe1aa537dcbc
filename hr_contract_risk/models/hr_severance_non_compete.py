"""Non-compete: confirming a severance starts the contract's non-compete (LCL 23, 24), when it has one."""

from odoo import models
from odoo.exceptions import UserError


class HrSeverance(models.Model):
    _inherit = "hr.severance"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    def action_confirm(self):
        result = super().action_confirm()
        self._hrcr_start_non_competes()
        return result

    def _hrcr_start_non_competes(self):
        """The clause's obligation from the termination date, through the non-compete's own method; a problem
        (no accounts, compensation below the minimum wage) is noted on the severance, never blocks it."""
        for severance in self:
            contract = severance.contract_id.sudo()  # sudo: clause fields are HR-only; severances are HR records
            if not contract.hrcr_nc_category or contract.hrcr_non_compete_ids:
                continue
            try:
                with self.env.cr.savepoint():
                    obligation = self.env["hr.non.compete"]._hrcr_create_from_contracts(
                        contract, {contract.id: severance.termination_date})
            except UserError as err:
                severance.message_post(body=self.env._(
                    "The non-compete was not started: %(reason)s Start it from the contract.", reason=str(err)))
                continue
            severance.message_post(body=self.env._(
                "Non-compete started: %(name)s.", name=obligation.name))
