#!/usr/bin/env python3
"""Write the Contract Risk spreadsheet dashboards (Odoo 18 spreadsheet JSON, version 21).

    python3 scripts/gen-dashboard.py          # rewrites hr_contract_risk/data/files/*_dashboard.json

Hand-written and deterministic (fixed ids, sorted keys) so that the JSON is reviewable and a
re-run gives no diff.  The layout follows spreadsheet_dashboard_hr_expense: one "Dashboard" sheet,
figures are ``=PIVOT.VALUE(...)`` cells (clicking one in the Dashboards app opens the records
behind it) and one Odoo line chart.  Labels are ``=_t("...")``: Odoo's translation export
extracts them from ``data/*_dashboard.json`` (odoo.tools.translate.extract_spreadsheet_terms),
so they are translated through the addon's .po like any web-client string.

Domains relative to today are domain *strings* with ``context_today()`` / ``relativedelta``,
evaluated in the browser by the web client's Domain class (as the contract search filters do).
"""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "hr_contract_risk" / "data" / "files"

TODAY = "context_today().strftime('%Y-%m-%d')"


def in_days(n):
    return f"(context_today() + relativedelta(days={n})).strftime('%Y-%m-%d')"


YEAR_START = "context_today().strftime('%Y-01-01')"
# the last 12 complete months: the current month has its wages but not yet its invoices
TWELVE_MONTHS_AGO = "(context_today() - relativedelta(months=12)).strftime('%Y-%m-01')"
THIS_MONTH = "context_today().strftime('%Y-%m-01')"


def expiring(n):
    # Same domain as the "Expiring in N days" filters of views/hr_contract_views.xml (LCL Art. 44, 46).
    return f"[('state', '=', 'open'), ('date_end', '>=', {TODAY}), ('date_end', '<=', {in_days(n)})]"


# (key, label, model, domain, measure); a pivot without rows: PIVOT.VALUE(id, measure) is the total.
RISK_FIGURES = [
    ("expiring_60", "Contracts expiring in 60 days", "hr.contract", expiring(60), "__count"),
    ("expiring_30", "Contracts expiring in 30 days", "hr.contract", expiring(30), "__count"),
    ("expiring_7", "Contracts expiring in 7 days", "hr.contract", expiring(7), "__count"),
    ("expired", "Expired without decision (LCL Art. 82)", "hr.contract",
     "[('expiry_overdue', '=', True)]", "__count"),
    ("unsigned", "Running contracts not signed (LCL Art. 10, 82)", "hr.contract",
     "[('state', '=', 'open'), ('hrcr_signing_date', '=', False)]", "__count"),
    ("reviews", "Open renewal reviews", "hr.contract.renewal.review",
     "[('state', '!=', 'done')]", "__count"),
    ("high_risk", "High attrition risk employees", "hr.attrition.score",
     "[('band', '=', 'high')]", "__count"),
    ("leaver_tasks", "Overdue leaver tasks (social insurance stoppage)", "hr.si.stoppage.item",
     f"[('done_date', '=', False), ('due_date', '<', {TODAY}), ('stoppage_id.state', '=', 'open')]", "__count"),
]
SEVERANCE = ("severance_ytd", "Severance cost, year to date (LCL Art. 47)", "hr.severance",
             f"[('state', 'in', ['confirmed', 'posted', 'paid']), ('termination_date', '>=', {YEAR_START})]",
             "total_amount")
COST_DOMAIN = f"[('scope', '=', 'department'), ('month', '>=', {TWELVE_MONTHS_AGO}), ('month', '<', {THIS_MONTH})]"
COST_MEASURES = ["cost_ratio", "total_cost", "revenue"]
COST_ROWS = 10
KPI_DOMAIN = f"[('state', '=', 'confirmed'), ('date_start', '>=', {TWELVE_MONTHS_AGO})]"

STYLES = {
    "1": {"bold": True, "fontSize": 16, "textColor": "#01666b"},
    "2": {"bold": True, "fontSize": 11, "textColor": "#434343"},
    "3": {"textColor": "#434343", "verticalAlign": "middle"},
    "4": {"align": "right", "bold": True, "textColor": "#01666b", "verticalAlign": "middle"},
}
FORMATS = {"1": "0", "2": "#,##0", "3": "0.0"}


def t(text):
    return '=_t("%s")' % text.replace('"', '\\"')


def pivot(pid, name, model, domain, measures, rows=()):
    data = {
        "type": "ODOO", "id": str(pid), "formulaId": str(pid), "name": name, "model": model,
        "domain": domain, "context": {}, "columns": [], "rows": [{"fieldName": r} for r in rows],
        "measures": [{"id": m, "fieldName": m} for m in measures],
        "fieldMatching": {},
    }
    if rows:
        data["sortedColumn"] = {"groupId": [[], []], "measure": measures[0], "order": "desc"}
    return data


def sheet(sid, cells, cell_styles, cell_formats, figures, rows):
    return {
        "id": sid, "name": "Dashboard", "colNumber": 6, "rowNumber": rows,
        "rows": {}, "cols": {"0": {"size": 380}, "1": {"size": 110}, "2": {"size": 40},
                             "3": {"size": 230}, "4": {"size": 150}, "5": {"size": 130}},
        "merges": [], "cells": cells, "styles": cell_styles, "formats": cell_formats, "borders": {},
        "conditionalFormats": [], "figures": figures, "tables": [], "areGridLinesVisible": False,
        "isVisible": True, "headerGroups": {"ROW": [], "COL": []}, "dataValidationRules": [], "comments": {},
    }


def cost_block(cells, styles, formats, pivots, pid, col, row):
    """Labour cost ratio (人力成本占比) by department, last 12 months: top rows by ratio."""
    c0, c1, c2 = col, chr(ord(col) + 1), chr(ord(col) + 2)
    pivots[str(pid)] = pivot(pid, "Labour cost ratio by department", "hr.labour.cost.report",
                             COST_DOMAIN, COST_MEASURES, rows=["department_id"])
    cells[f"{c0}{row}"] = {"content": t("Labour cost ratio by department, last 12 months")}
    styles[f"{c0}{row}"] = 2
    row += 1
    cells[f"{c0}{row}"] = {"content": t("Department")}
    cells[f"{c1}{row}"] = {"content": t("Cost / revenue (%)")}
    cells[f"{c2}{row}"] = {"content": t("Labour cost")}
    styles[f"{c0}{row}:{c2}{row}"] = 2
    for i in range(1, COST_ROWS + 1):
        r = row + i
        cells[f"{c0}{r}"] = {"content": f'=PIVOT.HEADER({pid},"#department_id",{i})'}
        cells[f"{c1}{r}"] = {"content": f'=PIVOT.VALUE({pid},"cost_ratio","#department_id",{i})'}
        cells[f"{c2}{r}"] = {"content": f'=PIVOT.VALUE({pid},"total_cost","#department_id",{i})'}
    styles[f"{c0}{row + 1}:{c0}{row + COST_ROWS}"] = 3
    formats[f"{c1}{row + 1}:{c1}{row + COST_ROWS}"] = 3
    formats[f"{c2}{row + 1}:{c2}{row + COST_ROWS}"] = 2
    return row + COST_ROWS + 1


def figure_rows(cells, styles, formats, pivots, figures, first_pid, row):
    pid = first_pid
    for _key, label, model, domain, measure in figures:
        pivots[str(pid)] = pivot(pid, label, model, domain, [measure])
        cells[f"A{row}"] = {"content": t(label)}
        cells[f"B{row}"] = {"content": f'=PIVOT.VALUE({pid},"{measure}")'}
        styles[f"A{row}"] = 3
        styles[f"B{row}"] = 4
        formats[f"B{row}"] = 1 if measure == "__count" else 2
        pid += 1
        row += 1
    return pid, row


def kpi_chart(y):
    return {
        "id": "hrcr-kpi-trend", "tag": "chart", "x": 0, "y": y, "width": 1000, "height": 300,
        "data": {
            "type": "odoo_line", "title": {"text": "KPI trend: average appraisal score by month"},
            "background": "#FFFFFF", "legendPosition": "none", "verticalAxisPosition": "left",
            "stacked": False, "fillArea": False, "cumulative": False, "fieldMatching": {},
            "metaData": {"groupBy": ["date_start:month"], "measure": "total_score", "order": None,
                         "resModel": "hr.kpi.appraisal", "mode": "line"},
            "searchParams": {"comparison": None, "context": {}, "domain": KPI_DOMAIN,
                             "groupBy": ["date_start:month"], "orderBy": []},
        },
    }


def spreadsheet(sid, cells, styles, formats, pivots, figures, rows):
    return {
        "version": 21, "revisionId": "START_REVISION", "uniqueFigureIds": True, "odooVersion": 12,
        "sheets": [sheet(sid, cells, styles, formats, figures, rows)],
        "styles": STYLES, "formats": FORMATS, "borders": {},
        "settings": {"locale": {"name": "English (US)", "code": "en_US", "thousandsSeparator": ",",
                                "decimalSeparator": ".", "dateFormat": "mm/dd/yyyy", "timeFormat": "hh:mm:ss",
                                "formulaArgSeparator": ",", "weekStart": 7}},
        "pivots": pivots, "pivotNextId": max(map(int, pivots)) + 1 if pivots else 1,
        "lists": {}, "listNextId": 1, "customTableStyles": {}, "globalFilters": [],
        "chartOdooMenusReferences": {},
    }


def risk_dashboard():
    cells, styles, formats, pivots = {}, {}, {}, {}
    cells["A1"] = {"content": t("Contract Risk")}
    styles["A1"] = 1
    cells["A2"] = {"content": t("Click a figure to open the records behind it.")}
    styles["A2"] = 3
    cells["A4"] = {"content": t("Contracts and people at risk")}
    cells["B4"] = {"content": t("Value")}
    styles["A4:B4"] = 2
    pid, row = figure_rows(cells, styles, formats, pivots, RISK_FIGURES + [SEVERANCE], 1, 5)
    cost_block(cells, styles, formats, pivots, pid, "D", 4)
    row = max(row, 4 + COST_ROWS + 2)
    # Row heights are 23 px by default: put the chart below the tables.
    return spreadsheet("hrcr-risk", cells, styles, formats, pivots, [kpi_chart(row * 23)], row + 15)


def finance_dashboard():
    cells, styles, formats, pivots = {}, {}, {}, {}
    cells["A1"] = {"content": t("Labour Cost and Severance")}
    styles["A1"] = 1
    cells["A2"] = {"content": t("Click a figure to open the records behind it.")}
    styles["A2"] = 3
    cells["A4"] = {"content": t("Severance")}
    cells["B4"] = {"content": t("Amount")}
    styles["A4:B4"] = 2
    pid, row = figure_rows(cells, styles, formats, pivots, [SEVERANCE], 1, 5)
    cost_block(cells, styles, formats, pivots, pid, "D", 4)
    return spreadsheet("hrcr-finance", cells, styles, formats, pivots, [], 4 + COST_ROWS + 4)


def write(name, data):
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(path.relative_to(ROOT))


if __name__ == "__main__":
    write("contract_risk_dashboard.json", risk_dashboard())
    write("labour_cost_dashboard.json", finance_dashboard())
