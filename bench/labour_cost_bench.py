"""SQL benchmark of the labour cost view: N employees x 36 months (default 10,000).

    export HRCR_PGHOST=... HRCR_PGPORT=... HRCR_PGUSER=...
    python3 bench/labour_cost_bench.py [N]

Creates a throwaway database ``hrcr_lcbench_<pid>`` with only the columns the view reads
(hr_contract, hr_employee, hr_wage_history, hr_labour_region, hr_severance, hr_department,
account_move, account_move_line), fills it with N employees in 20 departments (one contract
each, wage history for half of them every month, 2 invoice lines per department and month),
creates the view with the addon's own SQL (``HrLabourCostReport._view_sql``) and times a
full scan and a pivot-style aggregate by department and month.  Drops the database at the end.
"""

import os
import sys
import time

import psycopg2

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import odoo.addons  # noqa: E402  (the view's statement is rendered by odoo.tools.SQL)

odoo.addons.__path__.append(os.path.dirname(HERE))
from odoo.addons.hr_contract_risk.models.hr_labour_cost_report import view_sql  # noqa: E402

SCHEMA = """
CREATE TABLE hr_department (id serial PRIMARY KEY, company_id int, analytic_account_id int);
CREATE TABLE hr_employee (id serial PRIMARY KEY, department_id int);
CREATE TABLE hr_contract (id serial PRIMARY KEY, company_id int, employee_id int, department_id int,
    date_start date, date_end date, wage numeric, state varchar);
CREATE TABLE hr_wage_history (id serial PRIMARY KEY, employee_id int, month date, amount numeric);
CREATE TABLE hr_labour_region (id serial PRIMARY KEY, company_id int, year int, active bool,
    average_monthly_wage numeric, hrcr_pension_rate numeric, hrcr_medical_rate numeric,
    hrcr_unemployment_rate numeric, hrcr_work_injury_rate numeric, hrcr_housing_fund_rate numeric,
    hrcr_base_floor_pct numeric, hrcr_base_ceiling_pct numeric);
CREATE TABLE hr_severance (id serial PRIMARY KEY, company_id int, department_id int, termination_date date,
    total_amount numeric, state varchar);
CREATE TABLE account_move (id serial PRIMARY KEY, state varchar, move_type varchar);
CREATE TABLE account_move_line (id serial PRIMARY KEY, move_id int, company_id int, date date, balance numeric,
    display_type varchar, analytic_distribution jsonb);
CREATE INDEX ON hr_wage_history (employee_id, month);
"""

FILL = """
INSERT INTO hr_department (company_id, analytic_account_id) SELECT 1, g FROM generate_series(1, 20) g;
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
INSERT INTO account_move_line (move_id, company_id, date, balance, display_type, analytic_distribution)
SELECT g, 1, (date_trunc('month', now()) - ((g / 40) %% 36) * interval '1 month')::date + 3, -100000, 'product',
       jsonb_build_object((1 + g %% 20)::text, 100)
  FROM generate_series(1, 20 * 36 * 2) g;
ANALYZE;
"""


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    conn_args = {"host": os.environ.get("HRCR_PGHOST"), "port": os.environ.get("HRCR_PGPORT"),
                 "user": os.environ.get("HRCR_PGUSER")}
    dbname = f"hrcr_lcbench_{os.getpid()}"
    admin = psycopg2.connect(dbname="postgres", **conn_args)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{dbname}"')
    try:
        conn = psycopg2.connect(dbname=dbname, **conn_args)
        cr = conn.cursor()
        cr.execute(SCHEMA)
        cr.execute(FILL, {"n": n})
        cr.execute(view_sql("hr_labour_cost_report").code, view_sql("hr_labour_cost_report").params)
        t0 = time.perf_counter()
        cr.execute("SELECT count(*), sum(total_cost), sum(revenue) FROM hr_labour_cost_report")
        rows, cost, revenue = cr.fetchone()
        t_scan = time.perf_counter() - t0
        t0 = time.perf_counter()
        cr.execute("""SELECT department_id, month, sum(total_cost), sum(revenue), sum(fte)
                        FROM hr_labour_cost_report GROUP BY department_id, month""")
        groups = len(cr.fetchall())
        t_group = time.perf_counter() - t0
        if os.environ.get("LC_EXPLAIN"):
            cr.execute("EXPLAIN ANALYZE SELECT count(*), sum(total_cost) FROM hr_labour_cost_report")
            print("\n".join(r[0] for r in cr.fetchall()))
        print(f"{n} employees x 36 months: {rows} view rows, {groups} department-months; "
              f"full scan {t_scan:.2f} s, pivot aggregate {t_group:.2f} s "
              f"(labour cost {float(cost):,.0f}, revenue {float(revenue):,.0f})")
        conn.close()
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{dbname}"')
        admin.close()


if __name__ == "__main__":
    main()
