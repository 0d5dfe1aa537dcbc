"""Make the addon's pure-Python engine importable without Odoo.

This is the one place that knows the trick: ``hr_contract_risk/__init__.py``
imports Odoo models, so plain pytest must not execute it.  We register a bare
package object named ``hr_contract_risk`` whose ``__path__`` is the addon
folder; ``import hr_contract_risk.engine.severance`` then loads only the engine
(which never imports odoo), under the same dotted path the addon uses for its
relative imports.  Benchmarks that run without Odoo call ``install_engine_alias``.
"""

import sys
import types
from pathlib import Path

ADDON_DIR = Path(__file__).resolve().parent / "hr_contract_risk"


def install_engine_alias():
    if "hr_contract_risk" in sys.modules:
        return
    pkg = types.ModuleType("hr_contract_risk")
    pkg.__path__ = [str(ADDON_DIR)]
    pkg.__package__ = "hr_contract_risk"
    sys.modules["hr_contract_risk"] = pkg


install_engine_alias()
