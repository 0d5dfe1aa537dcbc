"""The contract document: the 劳动合同 PDF with every LCL Art. 17 clause, attached once when signed.

The clauses and the refusal live in ``engine/labour_contract.py``; this adapter gathers
the contract's values, renders the engine's messages in the document's language,
and attaches the printed version when the contract is marked signed."""

import base64
import logging
from datetime import date
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date, formatLang

from ..engine import bounds
from ..engine import contract_compliance as cc
from ..engine import labour_contract as lc
from .hrcr_bounds import bounds_error

_logger = logging.getLogger(__name__)

HR = "hr.group_hr_user"
REPORT = "hr_contract_risk.action_report_labour_contract"

# fields of the non-compete feature, read only when that feature is installed (merged separately)
NC_MONTHS, NC_COMPENSATION, NC_CATEGORY = "hrcr_nc_duration_months", "hrcr_nc_compensation", "hrcr_nc_category"


def _address(partner_lines):
    return ", ".join(line.strip() for line in partner_lines if line and line.strip())


class HrContract(models.Model):
    _inherit = "hr.contract"  # pylint: disable=consider-merging-classes-inherited  # one file per feature

    hrcr_training_service_months = fields.Integer(
        string="Training Service Period (Months)", groups=HR, tracking=True,
        help="Service period agreed for professional training paid by the employer (LCL 22); 0 = none. "
        "Leaving earlier, the employee owes at most the training cost not covered by the served part.",
    )
    hrcr_training_cost = fields.Monetary(
        string="Training Cost", groups=HR, tracking=True,
        help="Cost of the professional training paid by the employer: the ceiling of the liquidated damages (LCL 22).",
    )
    hrcr_occupational_hazards = fields.Text(
        string="Occupational Hazards", groups=HR,
        help="The job's occupational hazards and their protection, printed in the contract's labour "
        "protection clause (LCL 17(8); Occupational Disease Prevention Law Art. 33). Write 'none' if there are none.",
    )
    hrcr_labour_contract_attachment_id = fields.Many2one(
        "ir.attachment", string="Signed Labour Contract Document", groups=HR, copy=False, readonly=True,
        ondelete="set null",
        help="The labour contract as printed when the contract was marked signed; the employee can download it.",
    )

    # ------------------------------------------------------------------ values and clauses

    def _hrcr_labour_contract_values(self):
        """The plain dict ``engine.labour_contract.fill_clauses`` reads (LCL 17)."""
        self.ensure_one()
        company, employee = self.company_id, self.employee_id
        work_address = employee.address_id
        calendar = self.resource_calendar_id
        hours = False
        if calendar:
            hours = self.env._("%(schedule)s, %(hours)s hours a day", schedule=calendar.name,
                               hours=formatLang(self.env, calendar.hours_per_day, digits=1))
        # the non-compete feature: an empty role category means no clause
        has_nc = NC_MONTHS in self._fields and (NC_CATEGORY not in self._fields or self[NC_CATEGORY])
        nc_months = self[NC_MONTHS] if has_nc else 0
        nc_category = False
        if NC_CATEGORY in self._fields and self[NC_CATEGORY]:
            nc_category = dict(self._fields[NC_CATEGORY]._description_selection(self.env)).get(self[NC_CATEGORY])
        return {
            "employer_name": company.name,
            "employer_address": _address(company.partner_id._display_address(without_company=True).splitlines()),
            "employer_representative": company.hrcr_legal_representative,
            "employee_name": employee.name,
            "employee_id_number": employee.identification_id or employee.passport_id,
            "employee_address": _address([
                employee.private_street, employee.private_street2, employee.private_city,
                employee.private_state_id.name, employee.private_zip, employee.private_country_id.name]),
            "term_kind": cc.TASK if self.hrcr_task_based else cc.FIXED if self.date_end else cc.OPEN_ENDED,
            "task_description": self.hrcr_task_description or "",
            "date_start": self.date_start or None,
            "date_end": self.date_end or None,
            "job": self.job_id.name or employee.job_title,
            "work_place": employee.work_location_id.name or (
                work_address and _address(work_address._display_address().splitlines())),
            "working_hours": hours,
            "wage": Decimal(str(self.wage or 0)),
            "currency": self.currency_id.name,
            "social_insurance_place": work_address.city or company.city,
            "labour_protection": company.hrcr_lc_labour_protection,
            "occupational_hazards": self.hrcr_occupational_hazards,
            "probation_end": self.trial_date_end or None,
            "probation_wage": self.hrcr_probation_wage or None,
            "training_service_months": self.hrcr_training_service_months,
            "training_cost": self.hrcr_training_cost or None,
            "non_compete_months": nc_months,
            "non_compete_compensation": (self[NC_COMPENSATION] or None) if NC_COMPENSATION in self._fields else None,
            "non_compete_category": nc_category,
        }

    def _hrcr_render_clause_line(self, line):
        """An engine line in the env's language: dates and amounts formatted, text parameters verbatim."""
        if isinstance(line, str):
            return line
        params = {}
        for key, value in line.params.items():
            if isinstance(value, date):
                value = format_date(self.env, value)
            elif isinstance(value, Decimal):
                value = formatLang(self.env, float(value), digits=self.currency_id.decimal_places)
            params[key] = value
        text = self.env._(line.text)  # pylint: disable=translation-required  # engine _lt source strings
        return text % params if params else text

    def _hrcr_labour_contract_check(self):
        """Refuse (UserError, translated) a contract lacking a mandatory LCL Art. 17 clause; return the clauses."""
        self.ensure_one()
        try:
            return lc.fill_clauses(self._hrcr_labour_contract_values())
        except cc.InputError as err:
            raise UserError(self.env._("%(contract)s: %(reason)s", contract=self.display_name,
                                       reason=err.msg.render(self.env._))) from None

    def _hrcr_labour_contract_document(self):
        """What the report prints, in the env's language: [{title, article, mandatory, lines}]."""
        self.ensure_one()
        return [{
            "key": clause.key,
            "title": self.env._(clause.title),  # pylint: disable=translation-required
            "article": self.env._(clause.article),  # pylint: disable=translation-required
            "mandatory": clause.mandatory,
            "lines": [self._hrcr_render_clause_line(line) for line in clause.lines],
        } for clause in self._hrcr_labour_contract_check()]

    def _hrcr_labour_contract_lang(self):
        """zh_CN, or English when the employee's language is English (the document's language)."""
        self.ensure_one()
        employee = self.employee_id.sudo()  # hr.employee.lang is HR-only; the report is HR-only too
        lang = employee.lang or employee.work_contact_id.lang or ""
        if lang.startswith("en"):
            return lang
        installed = dict(self.env["res.lang"].get_installed())
        return "zh_CN" if "zh_CN" in installed else (self.env.lang or "en_US")

    # ------------------------------------------------------------------ CRUD: attach when signed

    def write(self, vals):
        """Marking a contract signed attaches its document. Contracts created already signed (legacy data,
        the demo) and spreadsheet imports (``import_file``) attach nothing: what was signed on paper is
        not this rendering, and a bulk load must not render one PDF per row."""
        result = super().write(vals)
        if vals.get("hrcr_signing_date") and not self.env.context.get("import_file"):
            self._hrcr_attach_labour_contract()
        return result

    @api.constrains("hrcr_training_service_months", "hrcr_training_cost")
    def _check_hrcr_training_service(self):
        """engine/bounds.py: a negative or implausible service period (LCL 22) or training cost is refused."""
        for contract in self:
            for name, key in (("hrcr_training_service_months", "training_service_months"),
                              ("hrcr_training_cost", "training_cost")):
                try:
                    bounds.check_number(key, contract[name], self._fields[name]._description_string(self.env))
                except bounds.BoundsError as err:
                    raise bounds_error(self.env, err) from None

    def _hrcr_attach_labour_contract(self):
        """Attach the printed labour contract once per contract (a rewritten signing date adds nothing)."""
        report_model = self.env["ir.actions.report"]
        to_attach = self.sudo().filtered(lambda c: c.hrcr_signing_date and not c.hrcr_labour_contract_attachment_id)
        if not to_attach:
            return
        if report_model.get_wkhtmltopdf_state() == "install":
            _logger.warning("Labour contract documents not attached to %s: wkhtmltopdf is not installed.", to_attach)
            return
        for contract in to_attach:
            try:
                contract._hrcr_labour_contract_check()
            except UserError as err:
                _logger.warning("Labour contract document not attached to %s: %s", contract, err)
                contract.message_post(body=self.env._(
                    "The signed labour contract document was not attached: %(reason)s", reason=str(err)))
                continue
            # sudo: the document is rendered as the system, the signing user being HR (field groups)
            content, report_type = report_model.sudo()._render_qweb_pdf(REPORT, contract.ids)
            name = self.env._("Labour Contract - %(name)s", name=contract.display_name).replace("/", "_")
            attachment = self.env["ir.attachment"].sudo().create({
                "name": f"{name}.{report_type}",
                "type": "binary",
                "datas": base64.b64encode(content),
                "res_model": contract._name,
                "res_id": contract.id,
                "mimetype": "application/pdf" if report_type == "pdf" else "text/html",
            })
            contract.write({"hrcr_labour_contract_attachment_id": attachment.id})

    # ------------------------------------------------------------------ actions

    def action_hrcr_print_labour_contract(self):
        """Print the 劳动合同 (HR only); refused with the article when a mandatory clause is missing."""
        if not self.env.user.has_group(HR):
            raise AccessError(self.env._("Only HR officers can print labour contracts."))
        for contract in self:
            contract._hrcr_labour_contract_check()
        return self.env.ref(REPORT).report_action(self)

    def _hrcr_labour_contract_download_url(self):
        self.ensure_one()
        return f"/hr_contract_risk/my_labour_contract/{self.id}"
