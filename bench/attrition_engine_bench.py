"""Engine-level attrition benchmark: synthetic history -> snapshots -> training.

    python3 bench/attrition_engine_bench.py [N ...]      (default: 1000 10000)
    python3 bench/attrition_engine_bench.py --rows 240000 [--repeat 3]

N = employees generated; ``--rows R``: enough employees for at least R
snapshot rows (about 18.5 rows per employee).  ``--repeat K`` trains K times
and reports the median training time (the machine is shared: single timings
are noisy).

For each N: generate 3 years of history with a planted signal
(``attrition_synth``), build the monthly training snapshots (label: voluntary
departure within 6 months), train with the addon's code path (time-based
holdout, logistic regression vs random forest, calibration) and print the
timings and the holdout metrics.  Target: holdout AUC >= 0.80.
"""

import os
import sys
import time
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from attrition_synth import VOLUNTARY, generate  # noqa: E402  (installs the engine alias)

from hr_contract_risk.engine import attrition_model as am  # noqa: E402

END = date(2025, 12, 31)


ROWS_PER_EMPLOYEE = 18.5


def run(n, seed=0, repeat=1):
    t0 = time.perf_counter()
    histories = generate(n, END, years=3, seed=seed)
    t1 = time.perf_counter()
    dataset = am.build_snapshots(histories, END, months=36, voluntary_reasons={VOLUNTARY})
    t2 = time.perf_counter()
    times, cpu = [], []
    for _ in range(repeat):
        t_start, c_start = time.perf_counter(), time.process_time()
        result = am.train_from_snapshots(dataset, random_state=0)
        times.append(time.perf_counter() - t_start)
        cpu.append(time.process_time() - c_start)
    t3 = t2 + sorted(times)[len(times) // 2]
    model = result.model
    t4 = time.perf_counter()
    sample = dataset.rows[-min(10000, len(dataset.rows)):]
    am.score(sample, model)
    t5 = time.perf_counter()
    return {
        "employees": n,
        "departures": sum(1 for h in histories if h.departure_date),
        "voluntary": sum(1 for h in histories if h.departure_reason == VOLUNTARY),
        "rows": len(dataset.y),
        "positives": sum(dataset.y),
        "generate_s": t1 - t0,
        "snapshots_s": t2 - t1,
        "train_s": t3 - t2,
        # training is single-threaded: its CPU time is the wall time on an idle core
        "train_cpu_s": sorted(cpu)[len(cpu) // 2],
        "score_explain_s": t5 - t4,
        "algorithm": model.algorithm,
        "calibration": model.calibration,
        "auc_lr": result.candidate_aucs[am.LOGISTIC_REGRESSION],
        "auc_rf": result.candidate_aucs[am.RANDOM_FOREST],
        **{"holdout_" + k: v for k, v in result.holdout_metrics.items()},
        "holdout_rows": result.holdout_rows,
        "top": [f for f, _w, _d in model.global_factors(dataset.matrix(), top=3)],
    }


def main(argv):
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--rows", type=int, action="append", default=[])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    sizes = args.sizes + [int(-(-r // ROWS_PER_EMPLOYEE)) for r in args.rows] or [1000, 10000]
    print("| employees | snapshot rows (positives) | snapshots | training (median wall / CPU) | score+explain 10k | chosen "
          "| AUC LR / RF | holdout AUC | PR-AUC | Brier |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        r = run(n, repeat=args.repeat)
        print("| {employees:,} | {rows:,} ({positives:,}) | {snapshots_s:.1f} s | {train_s:.1f} / {train_cpu_s:.1f} s | "
              "{score_explain_s:.2f} s | {algorithm} ({calibration}) | {auc_lr:.3f} / {auc_rf:.3f} | "
              "**{holdout_auc:.3f}** | {holdout_pr_auc:.3f} | {holdout_brier:.3f} |".format(**r), flush=True)
        print("  top factors: %s; departures %s (voluntary %s)" % (", ".join(r["top"]), r["departures"],
                                                                  r["voluntary"]), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
