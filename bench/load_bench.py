#!/usr/bin/env python3
"""Benchmark: load and concurrency (issue 10). Odoo with --workers=4 --max-cron-threads=2.

1. A database with the demo data (the 招商主管 story) plus N bulk-inserted employees with running
   contracts (SQL of bench/expiry_cron.py), unless it exists.
2. Odoo serves it on localhost with --workers=4 --max-cron-threads=2 (crons stopped while measuring HTTP:
   their next call is set a day ahead, so the latency numbers are the users' only).
3. locust (its own virtualenv; bounded: --users, --duration, localhost only) runs bench/load_locustfile.py:
   HR officers on the employee list and form, contract list, risk list, review form, severance wizard.
   p50/p95 latency per request type and the error count.
4. The daily runs twice at once, as both cron threads would run them: two processes start the expiry run
   (hr.contract.update_state, called again while it reports work left) and the attrition recompute at the
   same moment, on the same fresh state (today's alerts, to-dos, reviews and scores removed first). Then it
   counts duplicates: alerts per (contract, end date, stage), to-dos per (record, user, summary), open
   renewal reviews per contract, scores per employee. All must be zero.

    export HRCR_PGHOST=/var/tmp/hrcr-pg/run HRCR_PGPORT=54330 HRCR_PGUSER=odoo
    python3 bench/load_bench.py --employees 3000 --users 30 --duration 90
Options: --database NAME (default hrcr_load_bench; kept for the next run unless --drop), --port (8079),
--locust PATH (default /opt/locust-venv/bin/locust, or `locust` on PATH).
"""

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from expiry_cron import addons_path, insert_contracts, odoo_db_args  # noqa: E402

DAILY = """
import sys, time
import odoo
from odoo.tools import config
config.parse_config(sys.argv[2:])
registry = odoo.modules.registry.Registry(sys.argv[1])
started = time.perf_counter()
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    Contract = env["hr.contract"].with_context(from_cron=True)
    for _i in range(20):  # as the cron framework: called again while the run reports work left
        cr.execute("SELECT count(*) FROM hr_contract_expiry_alert")
        before = cr.fetchone()[0]
        Contract.update_state()
        cr.commit()
        cr.execute("SELECT count(*) FROM hr_contract_expiry_alert")
        if cr.fetchone()[0] == before:
            break
    env["hr.attrition.score"].with_context(from_cron=True)._recompute()
    cr.commit()
print("daily run done in %.1f s" % (time.perf_counter() - started))
"""

DUPLICATES = {
    "alerts": """SELECT count(*) FROM (SELECT 1 FROM hr_contract_expiry_alert
                  GROUP BY contract_id, end_date, stage_days, kind HAVING count(*) > 1) d""",
    "to-dos": """SELECT count(*) FROM (SELECT 1 FROM mail_activity
                  WHERE res_model IN ('hr.contract', 'hr.attrition.score', 'hr.contract.renewal.review')
                  GROUP BY res_model, res_id, user_id, activity_type_id, summary HAVING count(*) > 1) d""",
    "reviews": """SELECT count(*) FROM (SELECT 1 FROM hr_contract_renewal_review WHERE state != 'done'
                  GROUP BY contract_id HAVING count(*) > 1) d""",
    "scores": """SELECT count(*) FROM (SELECT 1 FROM hr_attrition_score GROUP BY employee_id
                  HAVING count(*) > 1) d""",
}


def odoo_args():
    return [*odoo_db_args(), f"--addons-path={addons_path()}", "--log-level=warn"]


def ensure_database(name, employees):
    import odoo  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(odoo_args())
    if name in odoo.service.db.list_dbs(force=True):
        return False
    print(f"creating {name}: demo data, then {employees:,} employees...", flush=True)
    subprocess.run([sys.executable, "-m", "odoo", *odoo_args(), "-d", name, "-i", "hr_contract_risk",
                    "--load-language=zh_CN", "--stop-after-init", "--max-cron-threads=0"], check=True)
    registry = odoo.modules.registry.Registry(name)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        responsibles = env["res.users"].search([("groups_id", "in", env.ref("hr.group_hr_user").id)]).ids
        insert_contracts(env, company, employees, responsibles)
    return True


def sql(name, query, args=()):
    import psycopg2  # noqa: PLC0415

    kw = {"dbname": name}
    for env_name, key in (("HRCR_PGHOST", "host"), ("HRCR_PGPORT", "port"), ("HRCR_PGUSER", "user"),
                          ("HRCR_PGPASSWORD", "password")):
        if os.environ.get(env_name):
            kw[key] = os.environ[env_name]
    with psycopg2.connect(**kw) as conn, conn.cursor() as cr:
        cr.execute(query, args)
        return cr.fetchall() if cr.description else None


def wait_http(url, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status == 200:
                    return
        except Exception:  # noqa: BLE001 (not up yet)
            time.sleep(2)
    raise SystemExit(f"Odoo did not answer on {url}")


def run_locust(args, tmp):
    locust = args.locust or (shutil.which("locust") and "locust") or "/opt/locust-venv/bin/locust"
    env = dict(os.environ, HRCR_LOAD_DB=args.database)
    prefix = os.path.join(tmp, "load")
    subprocess.run([locust, "-f", str(REPO / "bench" / "load_locustfile.py"), "--headless",
                    "-u", str(args.users), "-r", str(max(1, args.users // 3)), "-t", f"{args.duration}s",
                    "--host", f"http://127.0.0.1:{args.port}", "--csv", prefix, "--only-summary",
                    "--stop-timeout", "10"], env=env, check=False, stdout=subprocess.DEVNULL)
    with open(prefix + "_stats.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    print(f"\n{'request':<26}{'count':>8}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}")
    for row in rows:
        print(f"{row['Name']:<26}{int(row['Request Count']):>8}{int(row['Failure Count']):>8}"
              f"{row['50%']:>9}{row['95%']:>9}")
    fail_file = prefix + "_failures.csv"
    if os.path.exists(fail_file):
        with open(fail_file, newline="") as fh:
            for row in list(csv.DictReader(fh))[:5]:
                print(f"  failure: {row['Name']}: {row['Error'][:160]} x{row['Occurrences']}")


def concurrent_daily_runs(args):
    name = args.database
    # the same fresh state for both runs: today's alerts, to-dos, open reviews and scores removed
    sql(name, "DELETE FROM mail_activity WHERE res_model IN "
              "('hr.contract', 'hr.attrition.score', 'hr.contract.renewal.review')")
    sql(name, "DELETE FROM hr_contract_renewal_review WHERE state != 'done'")
    sql(name, "DELETE FROM hr_contract_expiry_alert")
    sql(name, "UPDATE hr_contract SET expiry_stage_days = 0, expiry_escalated = false")
    # the bulk-inserted contracts that the last run closed run again (core's update_state closes them again)
    sql(name, "UPDATE hr_contract SET state = 'open' WHERE name LIKE 'Bench contract %%' AND state = 'close'")
    sql(name, "DELETE FROM hr_attrition_score")
    procs = [subprocess.Popen([sys.executable, "-c", DAILY, name, *odoo_args()], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for _i in range(2)]
    print("\ndaily runs started twice at once (as both cron threads):")
    for i, proc in enumerate(procs, 1):
        out, _err = proc.communicate(timeout=3600)
        lines = [line for line in out.splitlines() if line.strip()]
        ours = [line.strip() for line in lines if "hr_contract_risk/" in line and line.strip().startswith("File")]
        print(f"  run {i}: exit {proc.returncode}: {lines[-1][:200] if lines else ''}")
        if proc.returncode:
            print("         where (innermost frames of the addon): " + " | ".join(ours[-2:]))
        if args.log_dir:
            Path(args.log_dir).mkdir(parents=True, exist_ok=True)
            Path(args.log_dir, f"daily_run_{i}.log").write_text(out)
    made = {
        "alerts": sql(name, "SELECT count(*) FROM hr_contract_expiry_alert")[0][0],
        "to-dos": sql(name, "SELECT count(*) FROM mail_activity WHERE res_model IN "
                            "('hr.contract', 'hr.attrition.score', 'hr.contract.renewal.review')")[0][0],
        "reviews": sql(name, "SELECT count(*) FROM hr_contract_renewal_review WHERE state != 'done'")[0][0],
        "scores": sql(name, "SELECT count(*) FROM hr_attrition_score")[0][0],
    }
    for key, query in DUPLICATES.items():
        print(f"  {key:<8} {made[key]:>7,} made, {sql(name, query)[0][0]} duplicate")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="hrcr_load_bench")
    parser.add_argument("--employees", type=int, default=3000)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--duration", type=int, default=90, help="seconds of load (bounded)")
    parser.add_argument("--port", type=int, default=8079)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--locust")
    parser.add_argument("--drop", action="store_true")
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--skip-daily", action="store_true")
    parser.add_argument("--log-dir", help="keep each daily run's output there")
    args = parser.parse_args()
    args.users = min(args.users, 200)
    args.duration = min(args.duration, 900)

    ensure_database(args.database, args.employees)
    employees = sql(args.database, "SELECT count(*) FROM hr_employee")[0][0]
    print(f"database {args.database}: {employees:,} employees", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_http:
            # crons out of the way while measuring the users (run 4 measures them separately)
            sql(args.database, "UPDATE ir_cron SET nextcall = now() + interval '1 day'")
            server_log = open(os.path.join(tmp, "server.log"), "w")  # noqa: SIM115 (closed after the server)
            server = subprocess.Popen([
                sys.executable, "-m", "odoo", *odoo_args(), "-d", args.database, f"--db-filter=^{args.database}$",
                f"--workers={args.workers}", "--max-cron-threads=2", f"--http-port={args.port}",
                "--http-interface=127.0.0.1", "--limit-time-real=600", "--limit-memory-soft=4294967296",
                "--limit-memory-hard=6442450944", f"--data-dir={tmp}/data"],
                stdout=subprocess.DEVNULL, stderr=server_log)
            try:
                wait_http(f"http://127.0.0.1:{args.port}/web/login")
                print(f"Odoo --workers={args.workers} --max-cron-threads=2; locust: {args.users} users, "
                      f"{args.duration} s", flush=True)
                run_locust(args, tmp)
            finally:
                server.terminate()
                server.wait(timeout=60)
                server_log.close()
        if not args.skip_daily:
            concurrent_daily_runs(args)
    if args.drop:
        subprocess.run(["dropdb", args.database], check=False)


if __name__ == "__main__":
    main()
