from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from ..engine import labour_cost, severance_register
from .xlsx_download import xlsx_download

#: the summed measures of the export, in column order (field name, column kind)
MEASURES = (
    ("headcount", "number"), ("fte", "number"), ("wage", "money"), ("employer_si", "money"),
    ("housing_fund", "money"), ("severance", "money"), ("recruiting", "money"), ("training", "money"),
    ("total_cost", "money"), ("revenue", "money"),
)


class HrLabourCostExport(models.TransientModel):
    """XLSX export of the labour cost analysis with the pivot's totals (issue 13).

    The rows are grouped reads of ``hr.labour.cost.report`` (one per sheet, never a loop per
    record), under the user's record rules, with the ratios recomputed from the group sums
    exactly as the pivot does (``labour_cost.safe_ratio``).
    """

    _name = "hr.labour.cost.export"
    _description = "Labour Cost Analysis Export"

    date_from = fields.Date(string="From", required=True, default=lambda self: self._default_date_from())
    date_to = fields.Date(string="To", required=True, default=lambda self: fields.Date.context_today(self))
    department_ids = fields.Many2many(
        "hr.department", string="Departments", help="Empty: every department and the company-level rows.")
    attachment_id = fields.Many2one("ir.attachment", readonly=True)

    @api.model
    def _default_date_from(self):
        # the last 12 months, the current one included
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=11)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(_(
                    "From (%(start)s) must not be after To (%(end)s).",
                    start=format_date(self.env, wizard.date_from), end=format_date(self.env, wizard.date_to)))

    def _domain(self):
        self.ensure_one()
        domain = [("month", ">=", self.date_from.replace(day=1)), ("month", "<=", self.date_to)]
        if self.department_ids:
            domain.append(("department_id", "in", self.department_ids.ids))
        return domain

    def _grouped(self, groupby):
        """``[(group values..., measure sums..., cost ratio %, revenue per FTE)]`` for ``groupby``."""
        Report = self.env["hr.labour.cost.report"]
        aggregates = [f"{fname}:sum" for fname, _kind in MEASURES]
        rows = []
        for values in Report._read_group(self._domain(), groupby, aggregates, order=", ".join(groupby) or None):
            keys, sums = values[:len(groupby)], [value or 0.0 for value in values[len(groupby):]]
            measures = dict(zip((fname for fname, _kind in MEASURES), sums, strict=True))
            ratio = labour_cost.safe_ratio(measures["total_cost"], measures["revenue"])
            per_fte = labour_cost.safe_ratio(measures["revenue"], measures["fte"])
            rows.append([*keys, *sums, ratio * 100.0 if ratio is not None else None, per_fte])
        return rows

    def _sheets(self):
        Report = self.env["hr.labour.cost.report"]
        scopes = dict(Report._fields["scope"]._description_selection(self.env))
        measure_columns = [(Report._fields[fname]._description_string(self.env), kind) for fname, kind in MEASURES]
        ratio_columns = [(Report._fields["cost_ratio"]._description_string(self.env), "number"),
                         (Report._fields["revenue_per_fte"]._description_string(self.env), "money")]
        level = Report._fields["scope"]._description_string(self.env)
        dept = Report._fields["department_id"]._description_string(self.env)
        totals = self._grouped([])[0]  # no groupby: always one row, the pivot's "Total"

        def label(scope, department):
            return scopes.get(scope, ""), department.display_name if department else ""

        detail = [[month, *label(scope, department), *rest]
                  for scope, department, month, *rest in self._grouped(["scope", "department_id", "month:month"])]
        per_dept = [[*label(scope, department), *rest]
                    for scope, department, *rest in self._grouped(["scope", "department_id"])]
        return [
            (_("By month"), [(_("Month"), "date"), (level, "text"), (dept, "text")] + measure_columns + ratio_columns,
             [*detail, [_("Total"), "", "", *totals]]),
            (_("By department"), [(level, "text"), (dept, "text")] + measure_columns + ratio_columns,
             [*per_dept, [_("Total"), "", *totals]]),
        ]

    def action_export(self):
        self.ensure_one()
        title = _("Labour cost analysis %(start)s - %(end)s",
                  start=format_date(self.env, self.date_from), end=format_date(self.env, self.date_to))
        content = severance_register.build_register_xlsx(self._sheets(), title=title)
        return xlsx_download(self, "labour_cost_%s_%s.xlsx" % (self.date_from, self.date_to), content)
