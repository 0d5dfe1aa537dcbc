"""Contract Risk dashboard in the browser: a figure opens its records; screenshots for the README.

The screenshots are not a check: skipped unless HRCR_SCREENSHOT_DIR names the folder to write to.  Run by
scripts/dashboard-screenshots in a database with the demo data and zh_CN.
"""

import base64
import os
import pathlib
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser, new_test_user

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


# Click the "Contracts expiring in 60 days" figure (cell B5: column A is 380 px wide)
# and wait for the list of the records behind it.
CLICK_FIGURE = """
(async () => {
    const until = async (check, what) => {
        const start = Date.now();
        while (!check()) {
            if (Date.now() - start > 30000) {
                const cells = [...document.querySelectorAll(".o-dashboard-clickable-cell")];
                throw new Error("timeout: " + what + " " + cells.map((el) => el.getAttribute("style")).join(" | "));
            }
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
    };
    // the topmost clickable cell of column B is B5 (the title row grows with its font)
    const figure = () => [...document.querySelectorAll(".o-dashboard-clickable-cell")]
        .filter((el) => parseInt(el.style.left) === 380)
        .sort((a, b) => parseInt(a.style.top) - parseInt(b.style.top))[0];
    await until(figure, "clickable cell B5");
    figure().click();
    await until(() => document.querySelector(".o_list_renderer .o_data_row"), "list of records");
    const rows = [...document.querySelectorAll(".o_list_renderer .o_data_row")].map((row) => row.innerText);
    if (rows.length !== 1 || !rows[0].includes("到期看板")) { throw new Error("unexpected rows: " + rows); }
    console.log("test successful");
})()
"""


@tagged("post_install", "-at_install")
class TestDashboardClick(HttpCase):
    def test_figure_opens_its_records(self):
        """Every figure opens the filtered list behind it: one contract ends in 5 days, the 60-day cell lists it."""
        user = new_test_user(self.env, "hrcr_dash_click", groups="hr.group_hr_user,hr_contract.group_hr_contract_manager")
        today = fields.Date.context_today(user)
        employee = self.env["hr.employee"].create({"name": "到期看板"})
        self.env["hr.contract"].create({"name": "到期看板 contract", "employee_id": employee.id, "wage": 8000,
                                        "state": "open", "date_start": today - relativedelta(years=1),
                                        "date_end": today + relativedelta(days=5)})
        # Only this contract in the 60-day window: the other contracts of the database end elsewhere.
        self.env["hr.contract"].search([("id", "!=", employee.contract_ids.id), ("state", "=", "open"),
                                        ("date_end", ">=", today),
                                        ("date_end", "<=", today + relativedelta(days=60))]).write({"state": "close"})
        dashboard = self.env.ref("hr_contract_risk.spreadsheet_dashboard_contract_risk")
        self.browser_js(f"/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action?dashboard_id={dashboard.id}",
                        CLICK_FIGURE, login=user.login, timeout=120)
