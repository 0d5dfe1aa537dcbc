"""Severance: the severance register export."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from ..engine import severance_register
from .xlsx_download import xlsx_download


class HrSeveranceRegisterWizard(models.TransientModel):
    """Export the severance register (XLSX): one row per severance with its breakdown."""

    _name = "hr.severance.register.wizard"
    _description = "Severance Register Export"

    date_from = fields.Date(
        string="From", required=True, default=lambda self: fields.Date.context_today(self).replace(month=1, day=1))
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    company_ids = fields.Many2many(
        "res.company", string="Companies", required=True, default=lambda self: self.env.companies)
    include_cancelled = fields.Boolean()
    attachment_id = fields.Many2one("ir.attachment", readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wiz in self:
            if wiz.date_from > wiz.date_to:
                raise UserError(_("The start of the period is after its end."))

    def _domain(self):
        domain = [
            ("termination_date", ">=", self.date_from),
            ("termination_date", "<=", self.date_to),
            ("company_id", "in", self.company_ids.ids),
        ]
        if not self.include_cancelled:
            domain.append(("state", "!=", "cancelled"))
        return domain

    def _register_sheets(self, severances):
        grounds = dict(severances._fields["termination_ground"]._description_selection(self.env))
        states = dict(severances._fields["state"]._description_selection(self.env))
        move_states = dict(self.env["account.move"]._fields["state"]._description_selection(self.env))
        columns = [
            (_("Reference"), "text"), (_("Employee"), "text"), (_("Department"), "text"), (_("Company"), "text"),
            (_("Termination Ground"), "text"), (_("Hire Date"), "date"), (_("Termination Date"), "date"),
            (_("Service"), "text"), (_("Average Monthly Wage (W)"), "money"),
            (_("Local Average Monthly Wage (A)"), "money"), (_("3A Cap"), "money"),
            (_("Local Minimum Wage"), "money"), (_("N Before 2008"), "number"), (_("N From 2008"), "number"),
            (_("Months of Compensation"), "number"), (_("Monthly Base"), "money"), (_("3A Cap Applied"), "bool"),
            (_("Minimum-Wage Floor Applied"), "bool"), (_("Compensation"), "money"),
            (_("Pay in Lieu of Notice"), "money"), (_("Untaken Leave Pay"), "money"), (_("Other (Pre-2008)"), "money"),
            (_("Total"), "money"), (_("Status"), "text"), (_("Journal Entry"), "text"), (_("Entry Status"), "text"),
            (_("Articles"), "text"), (_("Warnings"), "text"),
        ]
        seg_columns = [
            (_("Reference"), "text"), (_("Employee"), "text"), (_("Segment"), "text"), (_("From"), "date"),
            (_("To"), "date"), (_("Service"), "text"), (_("Rule"), "text"), (_("N Before Cap"), "number"),
            (_("N"), "number"), (_("Multiplier"), "number"), (_("Monthly Base"), "money"), (_("Amount"), "money"),
            (_("Articles"), "text"),
        ]
        segment_labels = {"pre2008": _("Before 2008"), "post2008": _("From 2008"), "from_hire": _("From hire (2N)")}
        rows, seg_rows = [], []
        for sev in severances:
            data = sev.breakdown_data or {}
            segs = {s["key"]: s for s in data.get("segments", [])}
            main = segs.get("post2008") or segs.get("from_hire") or {}
            service = data.get("service")
            tr = sev._hrcr_tr
            rows.append([
                sev.name, sev.employee_id.name, sev.department_id.name or "", sev.company_id.name,
                grounds.get(sev.termination_ground, sev.termination_ground), sev.hire_date, sev.termination_date,
                sev._hrcr_service_text(service["years"], service["months"], service["days"]) if service else "",
                sev.average_monthly_wage, sev.local_average_wage, sev.local_average_wage * 3, sev.local_minimum_wage,
                float(segs["pre2008"]["n"]) if "pre2008" in segs else None,
                float(main["n"]) if main else None,
                sev.compensation_months, float(main["base"]) if main else None,
                bool(data.get("cap_applied")), bool(data.get("floor_applied")),
                sev.compensation_amount, sev.notice_pay_amount, sev.leave_pay_amount, sev.other_amount,
                sev.total_amount, states.get(sev.state, sev.state), sev.move_id.name or "",
                move_states.get(sev.move_id.state, "") if sev.move_id else "",
                "; ".join(tr(a["text"], a["params"]) for a in data.get("articles", [])),
                " | ".join(tr(m["text"], m["params"]) for m in data.get("warnings", [])),
            ])
            for seg in data.get("segments", []):
                seg_rows.append([
                    sev.name, sev.employee_id.name, segment_labels.get(seg["key"], seg["key"]),
                    fields.Date.to_date(seg["start"]), fields.Date.to_date(seg["end"]),
                    sev._hrcr_service_text(seg["years"], seg["months"], seg["days"]),
                    tr(seg["rule"]["text"], seg["rule"]["params"]), float(seg["n_before_cap"]), float(seg["n"]),
                    float(seg["multiplier"]), float(seg["base"]), float(seg["amount"]),
                    "; ".join(tr(a["text"], a["params"]) for a in seg["articles"]),
                ])
        return [(_("Register"), columns, rows), (_("Segments"), seg_columns, seg_rows)]

    def action_export(self):
        self.ensure_one()
        severances = self.env["hr.severance"].search(self._domain(), order="termination_date, name")
        title = _(
            "Severance register %(start)s - %(end)s",
            start=format_date(self.env, self.date_from), end=format_date(self.env, self.date_to))
        content = severance_register.build_register_xlsx(self._register_sheets(severances), title=title)
        filename = "severance_register_%s_%s.xlsx" % (self.date_from, self.date_to)
        return xlsx_download(self, filename, content)

