"""XLSX writer for the severance register (no Odoo import).

``build_register_xlsx(sheets)`` takes already translated headers and plain values and
returns the workbook bytes.  Each sheet is ``(name, columns, rows)`` where ``columns`` is a
list of ``(header, kind)`` with kind in ``text | date | money | number | bool`` and each
row a list of values in column order.
"""

import io
from datetime import date, datetime

import xlsxwriter

KINDS = ("text", "date", "money", "number", "bool")


def build_register_xlsx(sheets, title=None):
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    fmt = {
        "text": workbook.add_format({"text_wrap": False}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        "money": workbook.add_format({"num_format": "#,##0.00"}),
        "number": workbook.add_format({"num_format": "0.0#"}),
        "bool": workbook.add_format({}),
    }
    title_fmt = workbook.add_format({"bold": True, "font_size": 13})
    for name, columns, rows in sheets:
        sheet = workbook.add_worksheet(name[:31])
        first_row = 0
        if title:
            sheet.write(0, 0, title, title_fmt)
            first_row = 2
        for col, (header, kind) in enumerate(columns):
            if kind not in KINDS:
                raise ValueError(f"unknown column kind {kind!r}")
            sheet.write(first_row, col, header, bold)
            width = 12 if kind in ("date", "money", "number", "bool") else 22
            sheet.set_column(col, col, max(width, min(len(header) + 2, 40)))
        for r, row in enumerate(rows, start=first_row + 1):
            for col, ((_header, kind), value) in enumerate(zip(columns, row)):
                if value is None or (value is False and kind != "bool"):
                    sheet.write_blank(r, col, None)
                elif kind == "date" and isinstance(value, (date, datetime)):
                    sheet.write_datetime(r, col, datetime(value.year, value.month, value.day), fmt["date"])
                elif kind in ("money", "number"):
                    sheet.write_number(r, col, float(value), fmt[kind])
                elif kind == "bool":
                    sheet.write_boolean(r, col, bool(value))
                else:
                    sheet.write_string(r, col, str(value), fmt["text"])
        sheet.freeze_panes(first_row + 1, 0)
        if rows:
            sheet.autofilter(first_row, 0, first_row + len(rows), len(columns) - 1)
    workbook.close()
    return buffer.getvalue()
