"""Training recommendation in the browser, in both languages: screenshots of 王伟's training record, his
recommendation and his renewal review's LCL 40(2) evidence (demo data).

Not a check: skipped unless HRCR_SCREENSHOT_DIR names the folder to write to and the demo data is loaded
(scripts/training-screenshots).
"""

import base64
import os
import pathlib
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

WAIT_FOR = """
(async () => {
    const start = Date.now();
    while (!document.querySelector("%s")) {
        if (Date.now() - start > 60000) { throw new Error("not rendered: %s"); }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    document.querySelector("%s").scrollIntoView({ block: "center" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    console.log("test successful");
})()
"""


@tagged("post_install", "-at_install")
class TestTrainingScreenshot(HttpCase):
    browser_size = "1440x1100"

    def _shoot(self, url, selector, path):
        shots = []
        wait = ChromeBrowser._wait_code_ok

        def wait_and_shoot(browser, *args, **kwargs):
            wait(browser, *args, **kwargs)
            shots.append(browser._websocket_request("Page.captureScreenshot", timeout=30)["data"])

        with patch.object(ChromeBrowser, "_wait_code_ok", wait_and_shoot):
            self.browser_js(url, WAIT_FOR % (selector, selector, selector), login="admin", timeout=120)
        self.assertTrue(shots)
        path.write_bytes(base64.b64decode(shots[0]))

    def test_screenshots(self):
        folder = os.environ.get("HRCR_SCREENSHOT_DIR")
        record = self.env.ref("hr_contract_risk.demo_training_wang_wei", raise_if_not_found=False)
        if not folder or not record:
            self.skipTest("set HRCR_SCREENSHOT_DIR on a demo database (scripts/training-screenshots)")
        folder = pathlib.Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        review = self.env["hr.contract.renewal.review"].search([("employee_id", "=", record.employee_id.id)], limit=1)
        review.write({"reason_category": "incompetence", "state": "decision"})  # demo database: the decision step
        langs = ["en_US"] + (["zh_CN"] if self.env["res.lang"]._lang_get("zh_CN") else [])
        for lang in langs:
            self.env["res.lang"]._activate_lang(lang)
            self.env.ref("base.user_admin").lang = lang
            self.env.flush_all()  # the browser's requests read the user's language from the database
            suffix = "en" if lang == "en_US" else "zh"
            self._shoot("/odoo/action-hr_contract_risk.action_hr_training_record/%s" % record.id,
                        ".o_form_view .o_field_widget[name='effect_summary']", folder / ("training_record_%s.png" % suffix))
            self._shoot("/odoo/action-hr_contract_risk.action_hr_contract_renewal_review/%s" % review.id,
                        ".o_form_view .o_field_widget[name='evidence_checklist_html']",
                        folder / ("training_review_%s.png" % suffix))
