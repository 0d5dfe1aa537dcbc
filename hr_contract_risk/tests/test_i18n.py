from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

I18N = Path(__file__).resolve().parent.parent / "i18n"


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """Every user-facing string of the addon ships in zh_CN (fields, selections,
    views, reports, menus, and Python/engine strings marked with _ / _lt)."""

    def test_zh_cn_complete(self):
        reader = TranslationModuleReader(self.env.cr, modules=["hr_contract_risk"])
        sources = {
            source
            for module, _type, _name, _res_id, source, _value, _comments in reader
            if module == "hr_contract_risk" and source and source.strip()
        }
        self.assertTrue(sources, "the translation export found no term at all")
        po = polib.pofile(str(I18N / "zh_CN.po"))
        translated = {entry.msgid for entry in po if entry.msgstr.strip() and not entry.obsolete}
        missing = sorted(sources - translated)
        self.assertFalse(
            missing,
            "%d strings have no zh_CN translation (run scripts/i18n-update), e.g.:\n%s"
            % (len(missing), "\n".join(missing[:40])),
        )

    def test_po_files_parse_without_duplicates(self):
        for name in ("zh_CN.po", "hr_contract_risk.pot"):
            po = polib.pofile(str(I18N / name))
            ids = [entry.msgid for entry in po if not entry.obsolete]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            self.assertFalse(dupes, f"{name} defines these msgids twice: {dupes[:10]}")
