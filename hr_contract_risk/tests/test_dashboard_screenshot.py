"""Screenshots of the Contract Risk dashboard in English and Chinese, for the README.

Not a check: skipped unless HRCR_SCREENSHOT_DIR names the folder to write to.  Run by
scripts/dashboard-screenshots in a database with the demo data and zh_CN.
"""

import base64
import os
import pathlib
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

# Wait until the dashboard's grid is drawn, then let the pivots and the chart load.
WAIT_FOR_DASHBOARD = """
(async () => {
    const start = Date.now();
    while (!document.querySelector(".o_spreadsheet_dashboard_action canvas")) {
        if (Date.now() - start > 60000) { throw new Error("dashboard not rendered"); }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 6000));
    console.log("test successful");
})()
"""


@tagged("post_install", "-at_install")
class TestDashboardScreenshot(HttpCase):
    browser_size = "1440x1000"

    def _shoot(self, lang, path):
        self.env["res.lang"]._activate_lang(lang)
        self.env.ref("base.user_admin").lang = lang
        dashboard = self.env.ref("hr_contract_risk.spreadsheet_dashboard_contract_risk")
        shots = []
        wait = ChromeBrowser._wait_code_ok

        def wait_and_shoot(browser, *args, **kwargs):
            wait(browser, *args, **kwargs)
            shots.append(browser._websocket_request("Page.captureScreenshot", timeout=30)["data"])

        with patch.object(ChromeBrowser, "_wait_code_ok", wait_and_shoot):
            self.browser_js(f"/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action?dashboard_id={dashboard.id}",
                            WAIT_FOR_DASHBOARD, login="admin", timeout=120)
        self.assertTrue(shots)
        path.write_bytes(base64.b64decode(shots[0]))

    def test_screenshots(self):
        folder = os.environ.get("HRCR_SCREENSHOT_DIR")
        if not folder:
            self.skipTest("set HRCR_SCREENSHOT_DIR (scripts/dashboard-screenshots) to take the screenshots")
        folder = pathlib.Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self._shoot("en_US", folder / "dashboard_en.png")
        if self.env["res.lang"]._lang_get("zh_CN"):
            self._shoot("zh_CN", folder / "dashboard_zh.png")
