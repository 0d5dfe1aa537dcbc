"""The contract document: the 劳动合同 report refuses a contract lacking a mandatory clause before rendering."""

from odoo import api, models
from odoo.exceptions import AccessError

HR = "hr.group_hr_user"


class ReportHrLabourContract(models.AbstractModel):
    _name = "report.hr_contract_risk.report_labour_contract"
    _description = "Labour Contract Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.su and not self.env.user.has_group(HR):
            raise AccessError(self.env._("Only HR officers can print labour contracts."))
        docs = self.env["hr.contract"].browse(docids)
        for doc in docs:  # refused with the article (LCL 17) before anything is rendered
            doc._hrcr_labour_contract_check()
        return {"doc_ids": docs.ids, "doc_model": "hr.contract", "docs": docs, "data": data}
