"""Onboarding: the import template for contracts with their signing dates."""
from odoo import _, api, models


class HrContract(models.Model):
    _inherit = "hr.contract"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    @api.model
    def get_import_templates(self):
        return [{
            "label": _("Import Template for Contracts (with signing dates)"),
            "template": "/hr_contract_risk/static/xls/hr_contract.xlsx",
        }]
