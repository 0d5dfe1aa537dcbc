"""Rolling-origin backtest of the performance forecast (engine/forecast.py).

    python3 bench/forecast_backtest.py            score the tuned model on the test seed
    python3 bench/forecast_backtest.py --tune     grid-search the constants on the training seeds

Synthetic appraisal histories (seeded, deterministic): departments with a
shared drift; each employee's history is a chain of labelled episodes
(``rise``, ``decline``, ``plateau``, ``shift``) with noise.  At every origin
(each period of each employee's history) each model forecasts the next up to 6
periods from the data *up to the origin only* (the department's trend and
mean are also computed from data up to the origin, without the employee).

Reported: MAE over all (origin, step) pairs vs the naive last value and the
3-period moving average, and the share of actual scores inside the 80 %
interval.  Target: MAE >= 15 % below the better baseline, coverage 80 +- 5 %.

Tuning (``--tune``) sees only TRAIN_SEEDS; the printed numbers come from
TEST_SEED, which the tuning never touches.
"""

import argparse
import itertools
import os
import random
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import conftest  # noqa: E402,F401  (installs the engine alias)
from hr_contract_risk.engine import appraisal as ap  # noqa: E402
from hr_contract_risk.engine import forecast as fc  # noqa: E402

PERIODS = 24
DEPARTMENTS = 8
PER_DEPT = 10
HORIZON = 6
TRAIN_SEEDS = (101, 102, 103)
TEST_SEED = 7
KINDS = ("rise", "decline", "plateau", "shift")
# Planted signal, in total-score points (0..100 scale).  Fixed before the
# tuning, from what monthly appraisal totals look like: a period-to-period
# measurement noise of 3..8 points, trends of 0.5..2.5 points per period for
# 4..10 periods, occasional level shifts of 5..10 points (new role, new
# targets), and a small department-wide drift.
NOISE_SD = (3.0, 8.0)
SLOPE = (0.5, 2.5)
SHIFT = (5.0, 10.0)
DRIFT_SD = 0.3


def generate(seed):
    """-> list of employees: dict(dept, start, scores, episodes)."""
    rng = random.Random(seed)
    employees = []
    for d in range(DEPARTMENTS):
        drift = rng.gauss(0.0, DRIFT_SD)
        for _ in range(PER_DEPT):
            start = rng.randint(0, PERIODS - 6)
            length = PERIODS - start
            level = rng.gauss(72.0, 10.0)
            noise = rng.uniform(*NOISE_SD)
            scores, episodes, t = [], [], 0
            while t < length:
                kind = rng.choice(KINDS)
                span = min(rng.randint(4, 10), length - t)
                if kind == "rise":
                    slope = rng.uniform(*SLOPE)
                elif kind == "decline":
                    slope = -rng.uniform(*SLOPE)
                elif kind == "shift":
                    level += rng.choice((-1, 1)) * rng.uniform(*SHIFT)
                    slope = 0.0
                else:
                    slope = 0.0
                episodes.append({"kind": kind, "start": t, "end": t + span - 1, "slope": slope})
                for _ in range(span):
                    level = min(max(level + slope + drift, 20.0), 110.0)
                    scores.append(min(max(level + rng.gauss(0.0, noise), 0.0), fc.SCORE_MAX))
                    t += 1
            employees.append({"dept": d, "start": start, "scores": scores, "episodes": episodes})
    return employees


def _context(employees, me, cal_origin):
    """Department trend/mean/spread from data up to calendar period ``cal_origin`` (inclusive), without ``me``."""
    slopes, lasts, everyone = [], [], []
    for i, e in enumerate(employees):
        upto = cal_origin - e["start"] + 1
        if upto <= 0:
            continue
        past = e["scores"][:upto]
        everyone.append(past[-1])
        if i == me or e["dept"] != employees[me]["dept"]:
            continue
        lasts.append(past[-1])
        slope = ap.trend_slope(past[-6:])
        if slope is not None:
            slopes.append(slope)
    dept_trend = statistics.fmean(slopes) if slopes else None
    dept_mean = statistics.fmean(lasts) if lasts else None
    template_mean = statistics.fmean(everyone) if everyone else None
    spread = statistics.pstdev(lasts) if len(lasts) > 1 else None
    return dept_trend, dept_mean, template_mean, spread


def backtest(employees, params=None, with_baselines=True):
    errs = {"model": [], "naive": [], "ma3": []}
    covered = total = 0
    by_model = {}
    for i, e in enumerate(employees):
        ys = e["scores"]
        for origin in range(1, len(ys)):
            history = ys[:origin]  # the origin sees periods 0..origin-1 only
            future = ys[origin : origin + HORIZON]
            ctx = _context(employees, i, e["start"] + origin - 1)
            f = fc.forecast(history, HORIZON, ctx[0], ctx[1], ctx[2], ctx[3], params=params)
            for step, actual in enumerate(future):
                pt = f.points[step]
                err = abs(pt.point - actual)
                errs["model"].append(err)
                by_model.setdefault(f.model, []).append(err)
                covered += pt.low <= actual <= pt.high
                total += 1
            if with_baselines:
                naive = fc.naive_last(history, HORIZON)
                ma3 = fc.moving_average(history, HORIZON, 3)
                for step, actual in enumerate(future):
                    errs["naive"].append(abs(naive[step] - actual))
                    errs["ma3"].append(abs(ma3[step] - actual))
    out = {k: statistics.fmean(v) for k, v in errs.items() if v}
    out["coverage"] = covered / total
    out["n"] = total
    out["by_model"] = {k: (statistics.fmean(v), len(v)) for k, v in by_model.items()}
    return out


def tune():
    train = [generate(s) for s in TRAIN_SEEDS]

    def score(params):
        res = [backtest(t, params, with_baselines=False) for t in train]
        return statistics.fmean(r["model"] for r in res), statistics.fmean(r["coverage"] for r in res)

    best = None
    for alpha, beta, phi, k in itertools.product((0.2, 0.3, 0.45), (0.05, 0.15, 0.3), (0.8, 0.9), (3.0, 8.0)):
        params = {"alpha": alpha, "beta": beta, "phi": phi, "shrink_k": k}
        mae, _ = score(params)
        if best is None or mae < best[0]:
            best = (mae, params)
        print("alpha=%.2f beta=%.2f phi=%.2f k=%4.1f  MAE %.3f" % (alpha, beta, phi, k, mae))
    params = dict(best[1])
    print("best on training seeds:", params, "MAE %.3f" % best[0])
    for cal in (0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4):
        params["calibration"] = cal
        mae, cov = score(params)
        print("calibration %.2f  coverage %.3f" % (cal, cov))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tune", action="store_true")
    args = parser.parse_args()
    if args.tune:
        tune()
        return
    res = backtest(generate(TEST_SEED))
    better = min(res["naive"], res["ma3"])
    gain = (better - res["model"]) / better * 100.0
    print("rolling-origin backtest, test seed %d, %d (origin, step) pairs, horizon %d" % (TEST_SEED, res["n"], HORIZON))
    print("%-26s %8s" % ("model", "MAE"))
    print("%-26s %8.2f" % ("naive last value", res["naive"]))
    print("%-26s %8.2f" % ("3-period moving average", res["ma3"]))
    print("%-26s %8.2f" % ("forecast (damped + cold)", res["model"]))
    for name, (mae, n) in sorted(res["by_model"].items()):
        print("  %-24s %8.2f  (%d pairs)" % (name, mae, n))
    print("MAE gain vs better baseline: %.1f %% (target >= 15 %%)" % gain)
    print("80 %% interval coverage: %.1f %% (target 75..85 %%)" % (res["coverage"] * 100.0))
    ok = gain >= 15.0 and 0.75 <= res["coverage"] <= 0.85
    print("TARGET", "MET" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
