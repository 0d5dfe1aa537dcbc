"""Cron batches, shared by every scheduled action of the addon: a commit per batch outside
tests, the time budget of one call, and the progress reported to the cron framework."""

import logging
import threading
import time

from odoo.tools import config

_logger = logging.getLogger(__name__)

# A cron worker is killed after limit_time_real_cron (else limit_time_real) seconds, and the
# cron framework calls a job that reports remaining work up to 10 times in a row
# (ir_cron.MAX_BATCH_PER_CRON_JOB): one call spends at most 1/12 of that limit (10 s with
# the defaults), between 5 and 60 s.
MAX_CALLS_PER_JOB = 12


def cron_time_budget():
    """Seconds one call of a resumable cron may spend, from the server's cron time limit."""
    limit = config.get("limit_time_real_cron") or 0
    if limit <= 0:
        limit = config.get("limit_time_real") or 0
    if limit <= 0:
        return 60.0
    return float(min(60, max(5, limit / MAX_CALLS_PER_JOB)))


def in_test():
    """True inside the test runner, where nothing may be committed."""
    return bool(getattr(threading.current_thread(), "testing", False))


class CronBatches:
    """The batches of one cron call.

    ``total`` is the number of items the call has to process (progress is reported as
    ``done`` / ``total - done`` after each batch). A ``resumable`` run, whose cron skips
    the work already done when called again, stops between batches once its time budget
    is spent: the progress then reports the remaining items and the cron framework calls
    the job again. The budget is ``time_budget`` seconds when given, else
    ``cron_time_budget()`` outside tests and none inside them (a test must not depend on
    the machine's speed). A run that is not resumable always goes to the end.
    Outside tests every batch is committed, so a crash or a timeout keeps the finished ones.

    Typical use::

        run = CronBatches(self.env, total=len(ids), resumable=True, name="Contract-expiry alerts")
        for batch in run.batches(ids, 1000):
            self.browse(batch)._do_something()
    """

    def __init__(self, env, total=0, resumable=False, time_budget=None, name="cron"):
        self.env = env
        self.total = total
        self.name = name
        self.done = 0
        self.stopped = False
        self.auto_commit = not in_test()
        if not resumable:
            self.budget = None
        elif time_budget is not None:
            self.budget = time_budget
        else:
            self.budget = None if in_test() else cron_time_budget()
        self.started = time.monotonic()

    def step(self, count, remaining=None):
        """Record a finished batch of ``count`` items: report progress and commit outside tests.

        ``remaining`` defaults to ``total - done``. Returns False when the run must stop
        (time budget spent with work left).
        """
        self.done += count
        if remaining is None:
            remaining = max(self.total - self.done, 0)
        self.env["ir.cron"]._notify_progress(done=self.done, remaining=remaining)
        if self.auto_commit:
            # commit per batch: a timeout or crash later keeps the work already done
            self.env.cr.commit()  # pylint: disable=invalid-commit
        if remaining and self.budget is not None and time.monotonic() - self.started >= self.budget:
            self.stopped = True
            _logger.info("%s: time budget spent, %s items left for the next call", self.name, remaining)
        return not self.stopped

    def batches(self, items, size):
        """Yield ``items`` (a list or a recordset) in slices of ``size``; each slice counts as
        done when the loop asks for the next one. Stops early when the run stops."""
        for start in range(0, len(items), size):
            if self.stopped:
                return
            batch = items[start:start + size]
            yield batch
            if not self.step(len(batch)):
                return
