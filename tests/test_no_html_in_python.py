"""Issue 16 (rendering): no HTML is assembled in Python in the Odoo layer; QWeb templates render every block."""

import re
from pathlib import Path

ADDON = Path(__file__).resolve().parent.parent / "hr_contract_risk"
HTML = re.compile(r"Markup\(|<(table|tr|td|th|div|span|ul|li|p|br|b|i)\b[^>]*>", re.IGNORECASE)


def test_models_and_wizards_build_no_html():
    offenders = [
        f"{path.relative_to(ADDON)}:{number}: {line.strip()}"
        for folder in ("models", "wizard")
        for path in sorted((ADDON / folder).glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HTML.search(line) and path.name != "rendering.py"
    ]
    assert offenders == []


def test_the_shared_templates_are_in_the_manifest():
    manifest = (ADDON / "__manifest__.py").read_text(encoding="utf-8")
    assert "views/hr_contract_risk_templates.xml" in manifest
    templates = (ADDON / "views" / "hr_contract_risk_templates.xml").read_text(encoding="utf-8")
    for xmlid in ("findings_table", "renewal_contract_history", "renewal_evidence_checklist",
                  "appraisal_360_summary", "chatter_check_note"):
        assert f'<template id="{xmlid}">' in templates
