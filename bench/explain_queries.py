#!/usr/bin/env python3
"""EXPLAIN ANALYZE of the heaviest searches of the daily runs, on a database given with -d
(e.g. the one `bench/queue_bench.py --keep` leaves: 100,000 contracts in 2 companies).

  1. the expiry run's stage candidates (contracts whose stage alert may fire today)
  2. the expiry run's escalations (ended, still running, not yet escalated)
  3. the risk recompute's "already scored today" lookup

    python3 bench/explain_queries.py -d hrcr_queue_bench
"""

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from expiry_cron import odoo_db_args  # noqa: E402
from queue_bench import addons_path, queue_job_dir  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-d", "--database", default="hrcr_queue_bench")
    args = parser.parse_args()
    import odoo  # noqa: PLC0415
    from odoo.osv import expression  # noqa: PLC0415
    from odoo.tools import SQL, config  # noqa: PLC0415

    config.parse_config([*odoo_db_args(), f"--addons-path={addons_path(queue_job_dir(''))}", "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Alert, Contract = env["hr.contract.expiry.alert"], env["hr.contract"]
        today = odoo.fields.Date.context_today(Alert)
        companies = env["res.company"].search([])
        stages = {c.id: c._hrcr_expiry_stages() for c in companies}
        searches = {
            "stage candidates": (Contract, Alert._hrcr_stage_candidate_domain(today, stages), "date_end, id"),
            "escalations": (Contract, expression.AND([Contract._hrcr_overdue_domain(today),
                                                      [("expiry_escalated", "=", False)]]), "date_end, id"),
            "scored today": (env["hr.attrition.score"], [("company_id", "=", companies[-1].id),
                                                          ("computed_on", ">=", today)], "id"),
        }
        for label, (model, domain, order) in searches.items():
            query = model._search(domain, order=order)
            cr.execute(SQL("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) %s", query.select()))
            print(f"== {label}: {model._name} {domain}\n" + "\n".join(r[0] for r in cr.fetchall()) + "\n")


if __name__ == "__main__":
    main()
