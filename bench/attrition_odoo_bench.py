"""Odoo-level attrition benchmark: train and recompute on N employees in a throwaway database.

    export HRCR_PGHOST=... HRCR_PGPORT=... HRCR_PGUSER=...     (or a local server)
    python3 bench/attrition_odoo_bench.py [--sizes 1000 10000] [--batch 500] [--keep-db]

1. creates the database ``hrcr_attrition_bench`` and installs hr_contract_risk
   (no demo data);
2. per size N, a company whose synthetic history (``attrition_synth``: N
   employees in post plus the leavers of 3 years, contracts, leaves, departures,
   and the change log of contract ends, wage raises and manager changes as mail
   tracking values) is written with bulk SQL (``execute_values``);
3. trains the company's model through ``hr.attrition.model._retrain_company``
   (gathering in batches, snapshots, selection, calibration);
4. recomputes every score through ``hr.attrition.score._recompute`` (the daily
   cron's code path, committing per batch) and reports the wall time and the
   number of SQL queries of every batch;
5. drops the database (unless ``--keep-db``).

Everything the score reads is loaded: contracts, leaves, the change log
(contract ends, wage raises, manager changes), confirmed quarterly appraisals
(``hr.kpi.appraisal``) and talk-log warnings and training offers
(``hr.talk.log``), so the Odoo-level model sees the signals of the engine-level
benchmark.
"""

import argparse
import math
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, REPO)

import conftest  # noqa: E402,F401  (engine import for the generator)

DB = "hrcr_attrition_bench"
SUPERUSER = 1


def pg_args():
    host = os.environ.get("HRCR_PGHOST") or os.environ.get("PGHOST")
    args = []
    if host:
        args += ["--db_host", host]
    port = os.environ.get("HRCR_PGPORT") or os.environ.get("PGPORT")
    if port:
        args += ["--db_port", port]
    user = os.environ.get("HRCR_PGUSER") or os.environ.get("PGUSER")
    if user:
        args += ["--db_user", user]
    if os.environ.get("HRCR_PGPASSWORD"):
        args += ["--db_password", os.environ["HRCR_PGPASSWORD"]]
    return args


def odoo_args():
    import odoo

    addons = [REPO, os.path.join(os.path.dirname(os.path.abspath(odoo.__file__)), "addons")]
    main_addons = os.path.abspath(os.path.join(os.path.dirname(odoo.__file__), "..", "addons"))
    if os.path.isdir(main_addons):
        addons.append(main_addons)
    return [*pg_args(), "--addons-path=" + ",".join(addons),
            "--data-dir=" + os.path.join(REPO, ".local", "bench", "filestore")]


def odoo_cmd(*extra):
    return [sys.executable, "-m", "odoo", *odoo_args(), *extra]


def install():
    subprocess.run(["dropdb", "--if-exists", DB], check=False)
    t = time.perf_counter()
    subprocess.run(odoo_cmd("-d", DB, "-i", "hr_contract_risk", "--without-demo=all", "--stop-after-init",
                            "--max-cron-threads=0", "--log-level=warn"), check=True)
    return time.perf_counter() - t


# ---------------------------------------------------------------------------
# Bulk load of a synthetic company
# ---------------------------------------------------------------------------
def values(cr, query, rows, template=None, fetch=False):
    from psycopg2.extras import execute_values

    if not rows:
        return []
    return execute_values(cr._obj, query, rows, template=template, page_size=2000, fetch=fetch)


def load_company(env, n_active, end_date, seed=0):
    from attrition_synth import generate

    from hr_contract_risk.engine.attrition_features import add_months

    histories = generate(int(math.ceil(n_active * 1.8)), end_date, years=3, seed=seed)
    active = [h for h in histories if h.departure_date is None][:n_active]
    gone = [h for h in histories if h.departure_date is not None]
    histories = active + gone
    cr = env.cr
    company = env["res.company"].create({"name": "Attrition bench %s" % n_active})
    depts = sorted({h.department_id for h in histories})
    dept_ids = dict(zip(depts, env["hr.department"].create(
        [{"name": "Dept %s" % d, "company_id": company.id} for d in depts]).ids))
    reasons = {
        "resigned": env.ref("hr.departure_resigned").id,
        "fired": env.ref("hr.departure_fired").id,
        "retired": env.ref("hr.departure_retired").id,
    }
    env.flush_all()
    now = datetime.now()
    calendar = company.resource_calendar_id.id
    # resources and employees
    res_ids = [r[0] for r in values(cr, """
        INSERT INTO resource_resource (name, resource_type, time_efficiency, tz, active, company_id,
                                       calendar_id, create_date, write_date) VALUES %s RETURNING id""",
        [("Employee %s" % h.employee_id, "user", 100.0, "Asia/Shanghai", h.departure_date is None, company.id,
          calendar, now, now) for h in histories], fetch=True)]
    emp_rows = []
    for h, rid in zip(histories, res_ids):
        emp_rows.append((
            rid, "Employee %s" % h.employee_id, company.id, dept_ids[h.department_id], "employee",
            h.departure_date is None, h.departure_date, reasons.get(h.departure_reason),
            "kilometers", "single", calendar, datetime.combine(h.start(), dtime(9)), now,
        ))
    emp_ids = [r[0] for r in values(cr, """
        INSERT INTO hr_employee (resource_id, name, company_id, department_id, employee_type, active,
                                 departure_date, departure_reason_id, distance_home_work_unit, marital,
                                 resource_calendar_id, create_date, write_date) VALUES %s RETURNING id""",
        emp_rows, fetch=True)]
    by_synth = {h.employee_id: eid for h, eid in zip(histories, emp_ids)}
    # contracts (final values) and their change log
    contract_rows, contract_meta = [], []
    for h in histories:
        eid = by_synth[h.employee_id]
        for i, c in enumerate(h.contracts):
            end_known = c.date_end
            wage_start = _wage_on(h, c.date_start)
            wage_end = _wage_on(h, min(c.date_end or end_date, end_date))
            state = "open" if (c.date_end is None or c.date_end >= end_date) and h.departure_date is None else "close"
            contract_rows.append(("C%s-%s" % (h.employee_id, i), eid, company.id, dept_ids[h.department_id],
                                  c.date_start, end_known, wage_end, state, calendar, True, "normal", now, now))
            contract_meta.append((h, c, wage_start))
    contract_ids = [r[0] for r in values(cr, """
        INSERT INTO hr_contract (name, employee_id, company_id, department_id, date_start, date_end, wage,
                                 state, resource_calendar_id, active, kanban_state, create_date, write_date)
        VALUES %s RETURNING id""", contract_rows, fetch=True)]
    fields_id = {
        (m, f): env["ir.model.fields"]._get(m, f).id
        for m, f in (("hr.contract", "date_end"), ("hr.contract", "wage"), ("hr.employee", "parent_id"))
    }
    tracking = []  # (model, res_id, when, field_id, old_int, new_int, old_float, new_float, old_dt, new_dt)
    for cid, (h, c, _wage_start) in zip(contract_ids, contract_meta):
        for changed_on, old, new in c.end_changes:
            tracking.append(("hr.contract", cid, changed_on, fields_id[("hr.contract", "date_end")], None, None,
                             None, None, _dt(old), _dt(new)))
        for day, wage in h.wage_points:
            if c.date_start < day <= (c.date_end or end_date):
                tracking.append(("hr.contract", cid, day, fields_id[("hr.contract", "wage")], None, None,
                                 _wage_on(h, day - timedelta(days=1)), wage, None, None))
    pool = emp_ids[: max(2, len(emp_ids) // 20)]
    for h in histories:
        eid = by_synth[h.employee_id]
        for k, day in enumerate(h.manager_changes):
            tracking.append(("hr.employee", eid, day, fields_id[("hr.employee", "parent_id")],
                             pool[(eid + k) % len(pool)], pool[(eid + k + 1) % len(pool)], None, None, None, None))
    message_ids = [r[0] for r in values(cr, """
        INSERT INTO mail_message (model, res_id, message_type, date, create_date, write_date) VALUES %s
        RETURNING id""", [(t[0], t[1], "notification", datetime.combine(t[2], dtime(10)), now, now)
                          for t in tracking], fetch=True)]
    values(cr, """
        INSERT INTO mail_tracking_value (mail_message_id, field_id, old_value_integer, new_value_integer,
                                         old_value_float, new_value_float, old_value_datetime,
                                         new_value_datetime, create_date, write_date) VALUES %s""",
           [(mid, *t[3:], now, now) for mid, t in zip(message_ids, tracking)])
    # leaves
    sick_type = env.ref("hr_holidays.holiday_status_sl").id
    other_type = env.ref("hr_holidays.holiday_status_cl").id
    leave_rows = []
    for h in histories:
        eid = by_synth[h.employee_id]
        for lv in h.leaves:
            leave_rows.append((eid, sick_type if lv.sick else other_type, company.id, company.id,
                               dept_ids[h.department_id], datetime.combine(lv.date_from, dtime(1)),
                               datetime.combine(lv.date_to, dtime(10)), lv.date_from, lv.date_to, lv.days,
                               "validate", now, now))
    values(cr, """
        INSERT INTO hr_leave (employee_id, holiday_status_id, company_id, employee_company_id, department_id,
                              date_from, date_to, request_date_from, request_date_to, number_of_days, state,
                              create_date, write_date) VALUES %s""", leave_rows)
    # confirmed quarterly appraisals (feature appraisal), dated by their period end
    appraisal_rows = []
    for h in histories:
        eid = by_synth[h.employee_id]
        for ap in h.appraisals:
            start = add_months(ap.date, -3) + timedelta(days=1)
            appraisal_rows.append((
                "Appraisal %s %s" % (h.employee_id, ap.date), eid, company.id, dept_ids[h.department_id],
                "quarterly", start, ap.date, "%s - %s" % (start, ap.date), "confirmed", ap.score, ap.score,
                False, ap.date, now, now))
    values(cr, """
        INSERT INTO hr_kpi_appraisal (name, employee_id, company_id, department_id, periodicity, date_start,
                                      date_end, period_label, state, total_score, kpi_score, has_feedback,
                                      confirmed_date, create_date, write_date) VALUES %s""", appraisal_rows)
    # talk logs (feature renewal review): written warnings and training offers
    talk_rows = []
    for h in histories:
        eid = by_synth[h.employee_id]
        for kind, days in (("warning", h.warnings), ("training_offer", h.trainings)):
            for day in days:
                talk_rows.append(("%s %s" % (kind, day), eid, company.id, dept_ids[h.department_id], day, kind,
                                  "bench", SUPERUSER, False, now, now))
    values(cr, """
        INSERT INTO hr_talk_log (name, employee_id, company_id, department_id, date, kind, content, author_id,
                                 locked, create_date, write_date) VALUES %s""", talk_rows)
    env.invalidate_all()
    env.registry.clear_cache()
    cr.commit()
    return company, {
        "active": len(active), "leavers": len(gone), "contracts": len(contract_rows),
        "leaves": len(leave_rows), "changes": len(tracking), "appraisals": len(appraisal_rows),
        "talk_logs": len(talk_rows),
    }


def _dt(day):
    return datetime.combine(day, dtime(0)) if day else None


def _wage_on(history, day):
    from hr_contract_risk.engine.attrition_features import wage_at

    return wage_at(history, day, day) or (history.contracts[0].wage if history.contracts else 0.0)


# ---------------------------------------------------------------------------
def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--skip-install", action="store_true", help="reuse an existing bench database")
    args = parser.parse_args()

    install_s = 0.0 if args.skip_install else install()
    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config([*odoo_args(), "-d", DB, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(DB)
    results = []
    try:
        for n in args.sizes:
            with registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                today = date.today()
                t = time.perf_counter()
                company, counts = load_company(env, n, today, seed=n)
                load_s = time.perf_counter() - t

                t = time.perf_counter()
                card = env["hr.attrition.model"]._retrain_company(company, today)
                cr.commit()
                train_s = time.perf_counter() - t

                card_info = {"algorithm": card.algorithm, "auc": card.holdout_auc, "rows": card.n_rows}
                Score = env["hr.attrition.score"]
                orig = type(Score)._recompute_batch
                passes = []
                for _pass in ("first run (scores created, high-risk alerts)", "second run (scores updated)"):
                    per_batch = []

                    def counted(self, ctx, emp_ids, _orig=orig, _log=per_batch):
                        before = self.env.cr.sql_log_count
                        res = _orig(self, ctx, emp_ids)
                        _log.append((len(emp_ids), self.env.cr.sql_log_count - before))
                        return res

                    type(Score)._recompute_batch = counted
                    try:
                        t = time.perf_counter()
                        done = Score._recompute(companies=company, force=True, batch_size=args.batch, today=today)
                        recompute_s = time.perf_counter() - t
                    finally:
                        type(Score)._recompute_batch = orig
                    cr.commit()
                    queries = [q for _size, q in per_batch]
                    passes.append((_pass, done, recompute_s, len(per_batch), min(queries), max(queries)))
                    print("N=%s %s: %s scored in %.1fs, %s batches, %s-%s queries per batch" % (
                        n, _pass, done, recompute_s, len(per_batch), min(queries), max(queries)), flush=True)
                results.append((n, counts, load_s, card_info, train_s, passes))
                print("N=%s loaded %s in %.1fs; trained %s (AUC %.3f) in %.1fs" % (
                    n, counts, load_s, card_info["algorithm"], card_info["auc"], train_s), flush=True)
    finally:
        odoo.modules.registry.Registry.delete(DB)
        odoo.sql_db.close_all()
        if not args.keep_db:
            subprocess.run(["dropdb", "--if-exists", DB], check=False)

    print()
    print("install: %.0f s (once)" % install_s)
    print("| employees in post | leavers | contracts / leaves / change-log / appraisal / talk-log rows "
          "| load (SQL) | training "
          "(algorithm, holdout AUC) | recompute, 1st run | recompute, 2nd run | SQL queries per batch "
          "(1st / 2nd run) |")
    print("|---|---|---|---|---|---|---|---|")
    for _n, counts, load_s, card, train_s, passes in results:
        (_l1, done1, s1, b1, lo1, hi1), (_l2, _done2, s2, _b2, lo2, hi2) = passes
        print("| {:,} | {:,} | {:,} / {:,} / {:,} / {:,} / {:,} | {:.0f} s | {:.0f} s ({}, {:.3f}) "
              "| **{:.1f} s** ({:,} in {} "
              "batches of {}) | {:.1f} s | {}-{} / {}-{} |".format(
                  counts["active"], counts["leavers"], counts["contracts"], counts["leaves"], counts["changes"],
                  counts["appraisals"], counts["talk_logs"],
                  load_s, train_s, card["algorithm"], card["auc"], s1, done1, b1, args.batch, s2, lo1, hi1, lo2, hi2))


if __name__ == "__main__":
    main()
