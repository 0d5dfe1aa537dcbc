"""Upgrade to 18.0.1.2.0: the contract-expiry alerts lose their own scheduled action.

Core's daily "HR Contract: update state" runs them first (hr.contract.update_state), so the
separate cron did the same work a second time. Its record was loaded with noupdate, which an
upgrade keeps: it is removed here.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("hr_contract_risk.ir_cron_hrcr_expiry_alerts", raise_if_not_found=False)
    if cron:
        cron.unlink()
