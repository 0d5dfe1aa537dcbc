"""Upgrade to 18.0.1.2.0, before the module loads: keep what a confirmed severance says.

The severance engine gained inputs (work-injury grade, carried leave, Reg 27 partial months), so
the upgrade adds fields that the stored calculation depends on, and Odoo recomputes it for every
severance. A severance that is no longer a draft is a document HR confirmed (and finance may have
posted): its figures and breakdown must stay as confirmed. They are saved here and put back by
post-migration.py.
"""

SAVED = ("compensation_months", "compensation_amount", "notice_pay_amount", "leave_pay_amount",
         "other_amount", "total_amount", "breakdown_data", "breakdown_error")


def migrate(cr, version):
    if not version:
        return
    cr.execute("DROP TABLE IF EXISTS hrcr_mig_1_2_severance")
    cr.execute(
        "CREATE TABLE hrcr_mig_1_2_severance AS SELECT id, %s FROM hr_severance WHERE state != 'draft'"
        % ", ".join(SAVED))
