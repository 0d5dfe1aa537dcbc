"""SQL benchmark of the labour cost view: N employees x 36 months (default 10,000).

    export HRCR_PGHOST=... HRCR_PGPORT=... HRCR_PGUSER=...
    python3 bench/labour_cost_bench.py [N] [--repeat 5]

Creates a throwaway database ``hrcr_lcbench_<pid>`` with only the columns the view reads
(hr_contract, hr_employee, hr_wage_history, hr_labour_region, hr_severance, hr_department,
account_move, account_move_line), fills it with N employees in 20 departments (one contract
each, wage history for half of them every month, 2 invoice lines per department and month),
creates the view with the addon's own SQL (``view_sql``) and times, ``--repeat`` times, a full
scan, a pivot-style aggregate by department and month, and the 6 grouped reads the pivot view
issues when it opens; it prints the best and the median of the wall time and of the CPU time
of the PostgreSQL backend (read from /proc: the server is local), because on a shared machine
the wall clock mostly measures the neighbours.  Drops the database at the end.
"""

import argparse
import os
import statistics
import sys
import time

import psycopg2

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import odoo.addons  # noqa: E402  (the view's statement is rendered by odoo.tools.SQL)

odoo.addons.__path__.append(os.path.dirname(HERE))
from odoo.addons.hr_contract_risk.models.hr_labour_cost_report import view_sql  # noqa: E402

SCHEMA = """
CREATE TABLE hr_department (id serial PRIMARY KEY, company_id int, hrcr_analytic_account_id int);
CREATE TABLE hr_employee (id serial PRIMARY KEY, department_id int);
CREATE TABLE hr_contract (id serial PRIMARY KEY, company_id int, employee_id int, department_id int,
    date_start date, date_end date, wage numeric, state varchar);
CREATE TABLE hr_wage_history (id serial PRIMARY KEY, employee_id int, month date, amount numeric);
CREATE TABLE hr_labour_region (id serial PRIMARY KEY, company_id int, year int, active bool,
    average_monthly_wage numeric, hrcr_pension_rate double precision, hrcr_medical_rate double precision,
    hrcr_unemployment_rate double precision, hrcr_work_injury_rate double precision,
    hrcr_housing_fund_rate double precision, hrcr_base_floor_pct double precision,
    hrcr_base_ceiling_pct double precision);
CREATE TABLE hr_severance (id serial PRIMARY KEY, company_id int, department_id int, termination_date date,
    total_amount numeric, state varchar);
CREATE TABLE account_move (id serial PRIMARY KEY, state varchar, move_type varchar);
CREATE TABLE account_move_line (id serial PRIMARY KEY, move_id int, company_id int, date date, balance numeric,
    display_type varchar, analytic_distribution jsonb, account_id int, parent_state varchar);
CREATE TABLE hrcr_company_recruiting_account_rel (company_id int, account_id int);
CREATE TABLE hrcr_company_training_account_rel (company_id int, account_id int);
CREATE INDEX ON hr_wage_history (employee_id, month);
"""

FILL = """
INSERT INTO hr_department (company_id, hrcr_analytic_account_id) SELECT 1, g FROM generate_series(1, 20) g;
INSERT INTO hr_employee (department_id) SELECT 1 + g %% 20 FROM generate_series(1, %(n)s) g;
INSERT INTO hr_contract (company_id, employee_id, department_id, date_start, date_end, wage, state)
SELECT 1, e.id, e.department_id, date_trunc('month', now()) - interval '40 months' + (e.id %% 700) * interval '1 day',
       CASE WHEN e.id %% 10 = 0 THEN (now() - (e.id %% 300) * interval '1 day')::date END,
       3000 + (e.id * 37) %% 40000, 'open'
  FROM hr_employee e;
INSERT INTO hr_wage_history (employee_id, month, amount)
SELECT e.id, m::date, 5000 + (e.id * 13) %% 20000
  FROM hr_employee e, generate_series(date_trunc('month', now()) - interval '35 months', date_trunc('month', now()),
                                      interval '1 month') m
 WHERE e.id %% 2 = 0;
INSERT INTO hr_labour_region (company_id, year, active, average_monthly_wage, hrcr_pension_rate, hrcr_medical_rate,
    hrcr_unemployment_rate, hrcr_work_injury_rate, hrcr_housing_fund_rate, hrcr_base_floor_pct, hrcr_base_ceiling_pct)
VALUES (1, 2023, true, 12307, 16, 10, 0.5, 0.16, 7, 60, 300);
INSERT INTO account_move (state, move_type)
SELECT 'posted', 'out_invoice' FROM generate_series(1, 20 * 36 * 2);
INSERT INTO account_move_line (move_id, company_id, date, balance, display_type, analytic_distribution, account_id,
    parent_state)
SELECT g, 1, (date_trunc('month', now()) - ((g / 40) %% 36) * interval '1 month')::date + 3, -100000, 'product',
       jsonb_build_object((1 + g %% 20)::text, 100), 400, 'posted'
  FROM generate_series(1, 20 * 36 * 2) g;
-- recruiting (account 601) and training (602) expenses: one per department and month, a tenth without analytic
INSERT INTO hrcr_company_recruiting_account_rel VALUES (1, 601);
INSERT INTO hrcr_company_training_account_rel VALUES (1, 602);
INSERT INTO account_move_line (move_id, company_id, date, balance, display_type, analytic_distribution, account_id,
    parent_state)
SELECT 0, 1, (date_trunc('month', now()) - ((g / 20) %% 36) * interval '1 month')::date + 9, 2000, 'product',
       CASE WHEN g %% 10 <> 0 THEN jsonb_build_object((1 + g %% 20)::text, 100) END, 601 + g %% 2, 'posted'
  FROM generate_series(1, 20 * 36) g;
ANALYZE;
"""


def _backend_cpu(cr):
    """CPU seconds (user + system) the PostgreSQL backend serving ``cr`` has used so far.

    The server runs on this machine (a socket), so /proc tells; the wall clock alone is
    unreliable on 2 cores shared with other jobs.  None when /proc is not readable.
    """
    cr.execute("SELECT pg_backend_pid()")
    try:
        with open(f"/proc/{cr.fetchone()[0]}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _timed(cr, queries, repeat):
    """Run ``queries`` ``repeat`` times; best and median of wall and backend CPU seconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        c0, t0 = _backend_cpu(cr), time.perf_counter()
        for q in queries:
            cr.execute(q)
            cr.fetchall()
        walls.append(time.perf_counter() - t0)
        c1 = _backend_cpu(cr)
        if c0 is not None and c1 is not None:
            cpus.append(c1 - c0)
    fmt = f"wall best {min(walls):.2f} s / median {statistics.median(walls):.2f} s"
    if cpus:
        fmt += f", backend CPU best {min(cpus):.2f} s / median {statistics.median(cpus):.2f} s"
    return fmt


# what the pivot view asks when it opens (rows: level > department, columns: month): one
# read_group per header combination, each with the sums the ratios are recomputed from
PIVOT_OPEN = [
    """SELECT {g} sum(total_cost), sum(revenue), sum(fte) FROM hr_labour_cost_report {by}""".format(
        g=", ".join(cols) + "," if cols else "", by="GROUP BY " + ", ".join(cols) if cols else "")
    for cols in ((), ("scope",), ("date_trunc('month', month)",), ("scope", "date_trunc('month', month)"),
                 ("scope", "department_id"), ("scope", "department_id", "date_trunc('month', month)"))
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("n", nargs="?", type=int, default=10000, help="employees (default 10,000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure (default 5)")
    args = parser.parse_args()
    n = args.n
    conn_args = {"host": os.environ.get("HRCR_PGHOST"), "port": os.environ.get("HRCR_PGPORT"),
                 "user": os.environ.get("HRCR_PGUSER")}
    dbname = f"hrcr_lcbench_{os.getpid()}"
    admin = psycopg2.connect(dbname="postgres", **conn_args)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{dbname}"')
    conn = None
    try:
        conn = psycopg2.connect(dbname=dbname, **conn_args)
        cr = conn.cursor()
        cr.execute(SCHEMA)
        cr.execute(FILL, {"n": n})
        statement = view_sql("hr_labour_cost_report")
        cr.execute(statement.code, statement.params)
        cr.execute("""SELECT count(*), sum(total_cost), sum(revenue), sum(recruiting + training),
                             (SELECT count(*) FROM hr_contract c JOIN generate_series(0, 35) i
                                ON c.date_start <= (date_trunc('month', now()) - (i - 1) * interval '1 month')::date - 1
                               AND (c.date_end IS NULL OR c.date_end >= (date_trunc('month', now())
                                                                          - i * interval '1 month')::date))
                        FROM hr_labour_cost_report""")
        rows, cost, revenue, booked, contract_months = cr.fetchone()
        scan = _timed(cr, ["SELECT count(*), sum(total_cost), sum(revenue) FROM hr_labour_cost_report"], args.repeat)
        group = _timed(cr, ["""SELECT department_id, month, sum(total_cost), sum(revenue), sum(fte)
                                 FROM hr_labour_cost_report GROUP BY department_id, month"""], args.repeat)
        pivot = _timed(cr, PIVOT_OPEN, args.repeat)
        if os.environ.get("LC_EXPLAIN"):
            cr.execute("EXPLAIN ANALYZE SELECT count(*), sum(total_cost) FROM hr_labour_cost_report")
            print("\n".join(r[0] for r in cr.fetchall()))
        print(f"{n} employees x 36 months ({contract_months} contract-months): {rows} view rows "
              f"(labour cost {float(cost):,.2f} incl. recruiting/training {float(booked):,.2f}, "
              f"revenue {float(revenue):,.0f}); {args.repeat} runs each:")
        print(f"  full view scan:                      {scan}")
        print(f"  pivot aggregate by department/month: {group}")
        print(f"  pivot opening ({len(PIVOT_OPEN)} read_group):       {pivot}")
    finally:
        if conn is not None:
            conn.close()
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{dbname}"')
        admin.close()


if __name__ == "__main__":
    main()
