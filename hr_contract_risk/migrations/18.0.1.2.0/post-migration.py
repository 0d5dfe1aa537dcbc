"""Upgrade to 18.0.1.2.0.

1. The contract-expiry alerts lose their own scheduled action: core's daily "HR Contract:
   update state" runs them first (hr.contract.update_state), so the separate cron did the same
   work a second time. Its record was loaded with noupdate, which an upgrade keeps: it is
   removed here.
2. Confirmed, posted, paid and cancelled severances get back the figures and breakdown saved by
   pre-migration.py (the upgrade recomputed them because the calculation gained inputs).
"""

from odoo import SUPERUSER_ID, api

SAVED = ("compensation_months", "compensation_amount", "notice_pay_amount", "leave_pay_amount",
         "other_amount", "total_amount", "breakdown_data", "breakdown_error")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("hr_contract_risk.ir_cron_hrcr_expiry_alerts", raise_if_not_found=False)
    if cron:
        cron.unlink()
    cr.execute("SELECT to_regclass('hrcr_mig_1_2_severance')")
    if cr.fetchone()[0]:
        env.flush_all()  # any recomputation still pending runs now, before the saved values return
        cr.execute(
            "UPDATE hr_severance s SET %s FROM hrcr_mig_1_2_severance m WHERE s.id = m.id"
            % ", ".join(f"{f} = m.{f}" for f in SAVED))
        cr.execute("DROP TABLE hrcr_mig_1_2_severance")
        env.invalidate_all()
