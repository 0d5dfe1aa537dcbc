#!/usr/bin/env python3
"""Benchmark: the daily runs as plain crons against queue_job jobs over 4 workers.

100,000 employees with running contracts in 2 companies (50,000 each, bulk-inserted with
the SQL of bench/expiry_cron.py), then, each time on the same fresh data:

  plain   the daily runs in one process, as the cron workers run them: the expiry run
          (called again while it reports work left) and the attrition-risk recompute
  queued  the same two crons with hr_contract_risk_queue installed: they enqueue one job per
          company and batch; an Odoo server with --workers=4 and the queue_job runner
          (channel root:4) performs them. Wall time from the first enqueue to the last job done.

Then it checks that both give the same alerts, to-dos and scores, and that no contract has
a duplicate alert or to-do, after the cron was started twice (as by two cron threads).

    export HRCR_PGHOST=/var/tmp/hrcr-pg/run HRCR_PGPORT=54330 HRCR_PGUSER=odoo
    bash scripts/test --odoo-only --tags /hr_contract_risk_queue   # fetches queue_job once
    python3 bench/queue_bench.py --size 100000

Options: --size N (employees in all, split over 2 companies), --workers N (default 4),
--database NAME (default hrcr_queue_bench, dropped at the end unless --keep),
--queue-job DIR (the folder holding queue_job; default the one scripts/test unpacked).
"""

import argparse
import glob
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from expiry_cron import insert_contracts, odoo_db_args  # noqa: E402


def queue_job_dir(given):
    if given:
        return given
    found = sorted(glob.glob(str(REPO / ".local" / "oca" / "*" / "odoo" / "addons" / "queue_job")))
    if not found:
        sys.exit("queue_job not found: run `bash scripts/test --odoo-only --tags /hr_contract_risk_queue` "
                 "once (it fetches it), or pass --queue-job")
    return str(Path(found[-1]).parent)


def addons_path(qj):
    import odoo  # noqa: PLC0415

    root = Path(odoo.__file__).resolve().parent
    paths = [str(REPO), qj, str(root / "addons")]
    if (root.parent / "addons").is_dir():
        paths.append(str(root.parent / "addons"))
    return ",".join(paths)


def odoo_env(registry):
    import odoo  # noqa: PLC0415

    cr = registry.cursor()
    return cr, odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def setup(registry, size):
    cr, env = odoo_env(registry)
    companies = env["res.company"].create([
        {"name": f"Queue Bench Entity {i}", "hrcr_expiry_stages": "60,30,7"} for i in (1, 2)])
    env.ref("base.user_admin").company_ids |= companies
    for company in companies:
        users = env["res.users"].with_context(no_reset_password=True).create([
            {"name": f"Bench HR {company.id}-{i}", "login": f"bench_hr_{company.id}_{i}",
             "company_id": company.id, "company_ids": [(6, 0, company.ids)],
             "groups_id": [(6, 0, [env.ref("hr.group_hr_user").id])]}
            for i in range(10)
        ])
        cr.commit()
        insert_contracts(env, company, size // 2, users.ids)
    cr.commit()
    cr.close()
    return companies.ids


def reset(registry):
    cr, _env = odoo_env(registry)
    cr.execute("DELETE FROM hr_contract_expiry_alert")
    cr.execute("DELETE FROM mail_activity WHERE res_model IN ('hr.contract', 'hr.employee')")
    cr.execute("DELETE FROM mail_message WHERE model = 'hr.contract'")
    cr.execute("DELETE FROM hr_attrition_score")
    cr.execute("DELETE FROM queue_job")
    cr.execute("UPDATE hr_contract SET expiry_stage_days = 0, expiry_escalated = false")
    cr.commit()
    cr.close()


def outcome(registry):
    cr, _env = odoo_env(registry)
    cr.execute("SELECT count(*) FROM hr_contract_expiry_alert")
    alerts = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mail_activity WHERE res_model = 'hr.contract'")
    todos = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM hr_attrition_score")
    scores = cr.fetchone()[0]
    cr.execute("""SELECT count(*) FROM (SELECT res_id, summary FROM mail_activity WHERE res_model = 'hr.contract'
                  GROUP BY res_id, summary HAVING count(*) > 1) d""")
    dup_todos = cr.fetchone()[0]
    cr.execute("""SELECT count(*) FROM (SELECT employee_id FROM hr_attrition_score GROUP BY employee_id
                  HAVING count(*) > 1) d""")
    dup_scores = cr.fetchone()[0]
    cr.close()
    return {"alerts": alerts, "to-dos": todos, "scores": scores, "duplicate to-dos": dup_todos,
            "duplicate scores": dup_scores}


def plain(registry):
    cr, env = odoo_env(registry)
    env = env(context={"queue_job__no_delay": True})
    started = time.perf_counter()
    while env["hr.contract.expiry.alert"]._hrcr_run_expiry_alerts():
        cr.commit()
    cr.commit()
    # the recompute keeps to its time budget and reports the rest: called again, as the cron
    # framework does, until nothing is left
    while env["hr.attrition.score"]._recompute():
        cr.commit()
    cr.commit()
    elapsed = time.perf_counter() - started
    cr.close()
    return elapsed


def queued(registry, db, odoo_args, workers):
    import socket  # noqa: PLC0415

    cr, env = odoo_env(registry)
    started = time.perf_counter()
    for _twice in (1, 2):  # as if both cron threads started the runs: identity keys dedupe
        env["hr.contract.expiry.alert"]._hrcr_run_expiry_alerts()
        env["hr.attrition.score"]._cron_attrition_recompute()
        cr.commit()
    enqueued = time.perf_counter() - started
    cr.execute("SELECT count(*) FROM queue_job WHERE state = 'pending'")
    jobs = cr.fetchone()[0]
    cr.close()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    # a launcher file like odoo-bin, not `python -m odoo`: the prefork server re-executes its
    # argv[0] for the websocket (gevent) process
    launcher = REPO / ".local" / "odoo-launcher.py"
    launcher.parent.mkdir(exist_ok=True)
    launcher.write_text("import odoo\nodoo.cli.main()\n")
    odoo_bin = [sys.executable, str(launcher)]
    server = subprocess.Popen(
        [*odoo_bin, *odoo_args, "-d", db, f"--db-filter=^{db}$", f"--http-port={port}",
         f"--workers={workers}", "--max-cron-threads=0", "--load=web,queue_job", "--limit-time-real=3600",
         "--limit-time-cpu=3600", "--limit-memory-hard=8589934592", "--limit-memory-soft=6442450944",
         "--log-level=warn"],
        env={**os.environ, "ODOO_QUEUE_JOB_CHANNELS": f"root:{workers}", "ODOO_QUEUE_JOB_PORT": str(port)})
    try:
        while True:
            time.sleep(1)
            cr, _env = odoo_env(registry)
            cr.execute("SELECT state, count(*) FROM queue_job GROUP BY state")
            states = dict(cr.fetchall())
            cr.close()
            if not any(states.get(s) for s in ("pending", "enqueued", "started", "wait_dependencies")):
                break
            if server.poll() is not None:
                raise SystemExit("the Odoo server stopped before the jobs were done")
    finally:
        server.terminate()
        server.wait(60)
    return time.perf_counter() - started, enqueued, jobs, states


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database", default="hrcr_queue_bench")
    parser.add_argument("--queue-job", default="")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    import odoo  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    odoo_args = [*odoo_db_args(), f"--addons-path={addons_path(queue_job_dir(args.queue_job))}"]
    config.parse_config([*odoo_args, "--log-level=warn"])
    db = args.database
    if db in odoo.service.db.list_dbs(force=True):
        odoo.service.db.exp_drop(db)
    print(f"creating {db} with hr_contract_risk_queue (and queue_job)...", flush=True)
    subprocess.run([sys.executable, "-m", "odoo", *odoo_args, "-d", db, "-i", "hr_contract_risk_queue",
                    "--without-demo=all", "--stop-after-init", "--max-cron-threads=0", "--log-level=warn"],
                   check=True)
    registry = odoo.modules.registry.Registry(db)
    try:
        started = time.perf_counter()
        setup(registry, args.size)
        print(f"{args.size:,} employees and contracts in 2 companies inserted in "
              f"{time.perf_counter() - started:.1f} s", flush=True)
        reset(registry)
        t_plain = plain(registry)
        plain_out = outcome(registry)
        print(f"plain cron     {t_plain:8.1f} s   {plain_out}", flush=True)
        reset(registry)
        t_queued, t_enqueue, jobs, states = queued(registry, db, odoo_args, args.workers)
        queued_out = outcome(registry)
        print(f"queued ({args.workers} workers) {t_queued:8.1f} s   (enqueue {t_enqueue:.1f} s, {jobs} jobs, "
              f"final states {states})   {queued_out}", flush=True)
        same = {k: plain_out[k] for k in ("alerts", "to-dos", "scores")} == {
            k: queued_out[k] for k in ("alerts", "to-dos", "scores")}
        print("same outcome:", same, "| duplicates:", queued_out["duplicate to-dos"] + queued_out["duplicate scores"])
    finally:
        odoo.modules.registry.Registry.delete(db)
        odoo.sql_db.close_db(db)
        if not args.keep:
            odoo.service.db.exp_drop(db)


if __name__ == "__main__":
    main()
