"""Renewal review: the work-injury grade and the extensions of other laws, shown from the employee."""

from odoo import fields, models


class HrContractRenewalReview(models.Model):
    _inherit = "hr.contract.renewal.review"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_disability_grade = fields.Integer(related="employee_id.hrcr_disability_grade")
    hrcr_disease_under_assessment = fields.Boolean(related="employee_id.hrcr_disease_under_assessment")
    hrcr_union_office_until = fields.Date(related="employee_id.hrcr_union_office_until")
    hrcr_negotiation_rep_until = fields.Date(related="employee_id.hrcr_negotiation_rep_until")
