#!/usr/bin/env python3
"""Benchmark: our contract-expiry run beside core's ``hr.contract.update_state``.

Runs inside Odoo (imports the ``odoo`` on the python3 path). A template database
(default hrcr_expiry_bench) is created with hr_contract_risk installed (no demo
data) if it does not exist; each size runs in a fresh copy of it (NAME_SIZE,
dropped afterwards unless --keep). For each size it bulk-inserts that many employees and running
contracts with SQL (end dates spread from 30 days ago to a year ahead, one in
ten open-ended, 20 HR responsibles), then measures, each on the same fresh data:

  core        core's update_state alone (our override bypassed), as its cron runs it
  ours        our daily run (stage alerts + escalations), first run of the day
  ours again  the same run again the same day (idempotent: creates nothing)
  together    update_state as installed: our pass first, then core's; called again
              while our pass reports work left, as the cron framework does

and prints wall time, SQL queries (odoo.sql_db.sql_counter) and what was created.
Both commit as in a cron (core per contract, ours per batch of 1000).

    export HRCR_PGHOST=/work/main/.local/pg/run HRCR_PGPORT=54329 HRCR_PGUSER=odoo
    python3 bench/expiry_cron.py --sizes 10000,100000            # database hrcr_expiry_bench
    python3 bench/expiry_cron.py --sizes 10000 --skip core,together --drop

Options: --database NAME (template), --sizes N[,N...], --skip core,ours,together,
--keep (keep the per-size copies), --drop (drop the template at the end). Connection: HRCR_PGHOST / HRCR_PGPORT / HRCR_PGUSER /
HRCR_PGPASSWORD, as for scripts/test.
"""

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def odoo_db_args():
    args = []
    for env_name, opt in (("HRCR_PGHOST", "--db_host"), ("HRCR_PGPORT", "--db_port"),
                          ("HRCR_PGUSER", "--db_user"), ("HRCR_PGPASSWORD", "--db_password")):
        if os.environ.get(env_name):
            args += [opt, os.environ[env_name]]
    return args


def addons_path():
    import odoo  # noqa: PLC0415  (only imported once the arguments are parsed)

    root = Path(odoo.__file__).resolve().parent
    paths = [str(REPO), str(root / "addons")]
    if (root.parent / "addons").is_dir():
        paths.append(str(root.parent / "addons"))
    return ",".join(paths)


def ensure_database(name, odoo_args):
    import odoo  # noqa: PLC0415

    if name in odoo.service.db.list_dbs(force=True):
        return
    print(f"creating database {name} with hr_contract_risk (no demo data)...", flush=True)
    subprocess.run(
        [sys.executable, "-m", "odoo", *odoo_args, "-d", name, "-i", "hr_contract_risk",
         "--without-demo=all", "--stop-after-init", "--max-cron-threads=0", "--log-level=warn"],
        check=True,
    )


def insert_contracts(env, company, size, responsibles):
    """Bulk insert ``size`` employees and running contracts (SQL; the ORM would take minutes)."""
    cr = env.cr
    calendar = company.resource_calendar_id.id
    cr.execute("""
        INSERT INTO resource_resource (name, resource_type, tz, time_efficiency, active, company_id, calendar_id)
        SELECT 'Bench employee ' || i, 'user', 'Asia/Shanghai', 100, true, %s, %s
          FROM generate_series(1, %s) AS i
        RETURNING id
    """, (company.id, calendar, size))
    resource_ids = [r[0] for r in cr.fetchall()]
    cr.execute("""
        INSERT INTO hr_employee (resource_id, name, company_id, resource_calendar_id, active, employee_type,
                                 marital, distance_home_work_unit)
        SELECT r.id, r.name, %s, %s, true, 'employee', 'single', 'kilometers'
          FROM resource_resource r WHERE r.id = ANY(%s)
        RETURNING id
    """, (company.id, calendar, resource_ids))
    employee_ids = sorted(r[0] for r in cr.fetchall())
    # end dates: one in ten open-ended, the others spread over [-30, +365] days
    cr.execute("""
        INSERT INTO hr_contract (name, employee_id, company_id, resource_calendar_id, date_start, date_end, wage,
                                 state, kanban_state, active, hr_responsible_id, expiry_stage_days,
                                 expiry_escalated, expiry_has_successor, create_uid, write_uid,
                                 create_date, write_date)
        SELECT 'Bench contract ' || e.n, e.id, %(company)s, %(calendar)s,
               CASE WHEN e.n %% 10 = 0 THEN current_date - 700
                    ELSE current_date + ((e.n * 7919) %% 396 - 30)::int - 730 END,
               CASE WHEN e.n %% 10 = 0 THEN NULL
                    ELSE current_date + ((e.n * 7919) %% 396 - 30)::int END,
               8000, 'open', 'normal', true, (%(responsibles)s)[1 + e.n %% %(nresp)s], 0, false, false,
               1, 1, now() at time zone 'UTC', now() at time zone 'UTC'
          FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM hr_employee WHERE id = ANY(%(employees)s)) e
    """, {"company": company.id, "calendar": calendar, "responsibles": responsibles,
          "nresp": len(responsibles), "employees": employee_ids})
    cr.execute("""
        UPDATE hr_employee e SET contract_id = c.id FROM hr_contract c
         WHERE c.employee_id = e.id AND e.id = ANY(%s)
    """, (employee_ids,))
    env.invalidate_all()
    cr.commit()


def reset(env, company):
    """Back to the fresh data: no alert, activity, note or follower; all contracts running."""
    cr = env.cr
    cr.execute("SELECT id FROM hr_contract WHERE company_id = %s", (company.id,))
    ids = [r[0] for r in cr.fetchall()]
    cr.execute("DELETE FROM hr_contract_expiry_alert WHERE contract_id = ANY(%s)", (ids,))
    cr.execute("DELETE FROM mail_activity WHERE res_model = 'hr.contract' AND res_id = ANY(%s)", (ids,))
    cr.execute("DELETE FROM mail_message WHERE model = 'hr.contract' AND res_id = ANY(%s)", (ids,))
    cr.execute("DELETE FROM mail_followers WHERE res_model = 'hr.contract' AND res_id = ANY(%s)", (ids,))
    cr.execute("""
        UPDATE hr_contract SET state = 'open', kanban_state = 'normal', expiry_stage_days = 0,
               expiry_escalated = false
         WHERE id = ANY(%s)
    """, (ids,))
    env.invalidate_all()
    cr.commit()


def counts(env, company):
    cr = env.cr
    cr.execute("SELECT count(*) FROM hr_contract_expiry_alert WHERE company_id = %s", (company.id,))
    alerts = cr.fetchone()[0]
    cr.execute("""
        SELECT count(*) FROM mail_activity a JOIN hr_contract c ON c.id = a.res_id
         WHERE a.res_model = 'hr.contract' AND c.company_id = %s
    """, (company.id,))
    activities = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM hr_contract WHERE company_id = %s AND state = 'close'", (company.id,))
    closed = cr.fetchone()[0]
    return alerts, activities, closed


def measure(label, env, company, func):
    import odoo.sql_db  # noqa: PLC0415

    env.invalidate_all()
    queries0 = odoo.sql_db.sql_counter
    started = time.perf_counter()
    func()
    env.cr.commit()
    elapsed = time.perf_counter() - started
    queries = odoo.sql_db.sql_counter - queries0
    alerts, activities, closed = counts(env, company)
    row = f"{label:<12} {elapsed:>9.1f} s {queries:>10,} queries   alerts {alerts:>7,}  to-dos {activities:>7,}  closed {closed:>7,}"
    print(row, flush=True)
    return elapsed, queries


def run_like_the_cron(env, Contract):
    """update_state as its cron runs it, called again while our pass reports work left.

    Inside update_state our pass keeps to its time budget (1/12 of the cron time limit)
    and reports the remaining contracts with _notify_progress; the cron framework then
    calls the job again at once. Here: call again until a call creates no alert.
    """
    calls = 0
    while True:
        calls += 1
        alerts_before = _alert_total(env)
        Contract.with_context(from_cron=True).update_state()
        env.cr.commit()
        if _alert_total(env) == alerts_before:
            break
    print(f"             update_state called {calls} times", flush=True)


def _alert_total(env):
    env.cr.execute("SELECT count(*) FROM hr_contract_expiry_alert")
    return env.cr.fetchone()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", "-d", default="hrcr_expiry_bench")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--skip", default="", help="comma-separated: core, ours, together")
    parser.add_argument("--drop", action="store_true", help="drop the template database at the end")
    parser.add_argument("--keep", action="store_true", help="keep the per-size databases (NAME_SIZE)")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    import odoo  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    odoo_args = [*odoo_db_args(), f"--addons-path={addons_path()}", "--log-level=warn"]
    config.parse_config(odoo_args)
    logging.getLogger("odoo").setLevel(logging.WARNING)
    ensure_database(args.database, odoo_args)

    from odoo.addons.hr_contract.models.hr_contract import Contract as CoreContract  # noqa: PLC0415

    try:
        for size in (int(s) for s in args.sizes.split(",")):
            # a fresh copy of the installed template for each size (deleting 100,000
            # contracts row by row through their foreign keys would take longer than the bench)
            db = f"{args.database}_{size}"
            if db in odoo.service.db.list_dbs(force=True):
                odoo.service.db.exp_drop(db)
            odoo.service.db.exp_duplicate_database(args.database, db)
            registry = odoo.modules.registry.Registry(db)
            try:
                bench_size(registry, size, skip, CoreContract)
            finally:
                odoo.modules.registry.Registry.delete(db)
                odoo.sql_db.close_db(db)
                if not args.keep:
                    odoo.service.db.exp_drop(db)
    finally:
        if args.drop:
            odoo.sql_db.close_db(args.database)
            odoo.service.db.exp_drop(args.database)
            print(f"dropped {args.database}")


def bench_size(registry, size, skip, CoreContract):
    import odoo  # noqa: PLC0415

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env["res.company"].create({"name": "Expiry Bench Co", "hrcr_expiry_stages": "60,30,7"})
        users = env["res.users"].with_context(no_reset_password=True).create([
            {"name": f"Bench HR {i}", "login": f"bench_hr_{i}",
             "company_id": company.id, "company_ids": [(6, 0, company.ids)],
             "groups_id": [(6, 0, [env.ref("hr.group_hr_user").id])]}
            for i in range(20)
        ])
        env.ref("base.user_admin").company_ids |= company
        cr.commit()

        started = time.perf_counter()
        insert_contracts(env, company, size, users.ids)
        print(f"\n== {size:,} contracts (inserted in {time.perf_counter() - started:.1f} s), "
              f"stages 60,30,7, core notice period {company.contract_expiration_notice_period} days",
              flush=True)
        Contract = env["hr.contract"]
        if "core" not in skip:
            reset(env, company)
            measure("core", env, company,
                    lambda: CoreContract.update_state(Contract.with_context(from_cron=True)))
        if "ours" not in skip:
            reset(env, company)
            measure("ours", env, company, lambda: env["hr.contract.expiry.alert"]._hrcr_run_expiry_alerts(time_budget=1e9))
            measure("ours again", env, company, lambda: env["hr.contract.expiry.alert"]._hrcr_run_expiry_alerts(time_budget=1e9))
        if "together" not in skip:
            reset(env, company)
            measure("together", env, company, lambda: run_like_the_cron(env, Contract))

if __name__ == "__main__":
    main()
