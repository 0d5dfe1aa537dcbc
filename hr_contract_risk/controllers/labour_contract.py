"""The contract document: an employee downloads the signed labour contract of their own contract."""

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request


class LabourContractController(http.Controller):

    @http.route("/hr_contract_risk/my_labour_contract/<int:contract_id>", type="http", auth="user",
                methods=["GET"])
    def my_labour_contract(self, contract_id, **kwargs):
        """The signed document of ``contract_id`` if it is the logged-in user's own signed contract, else 404."""
        # sudo: employees have no access to hr.contract; the checks below are the access rule
        contract = request.env["hr.contract"].sudo().browse(contract_id).exists()
        if (not contract or not contract.employee_id.user_id or contract.employee_id.user_id != request.env.user
                or not contract.hrcr_signing_date or not contract.hrcr_labour_contract_attachment_id):
            raise NotFound()
        attachment = contract.hrcr_labour_contract_attachment_id
        return request.env["ir.binary"]._get_stream_from(attachment).get_response(as_attachment=True)
