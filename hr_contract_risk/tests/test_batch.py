"""The batch helper every cron uses (models/hrcr_batch.py): batches, progress, time budget, no commit in tests."""

from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from ..models import hrcr_batch
from ..models.hrcr_batch import CronBatches


@tagged("post_install", "-at_install")
class TestCronBatches(TransactionCase):

    def _run(self, items, size, **kwargs):
        """(batches handed out, progress reported, the run) of one loop over ``items``."""
        progress, seen = [], []
        Cron = type(self.env["ir.cron"])
        with patch.object(Cron, "_notify_progress",
                          lambda cron, *, done, remaining, deactivate=False: progress.append((done, remaining))), \
                patch.object(type(self.env.cr), "commit", side_effect=AssertionError("no commit inside tests")):
            run = CronBatches(self.env, total=len(items), **kwargs)
            for batch in run.batches(items, size):
                seen.append(list(batch))
        return seen, progress, run

    def test_every_batch_reports_progress_and_nothing_is_committed_in_tests(self):
        seen, progress, run = self._run(list(range(5)), 2)
        self.assertEqual(seen, [[0, 1], [2, 3], [4]])
        self.assertEqual(progress, [(2, 3), (4, 1), (5, 0)])
        self.assertFalse(run.stopped)
        self.assertFalse(run.auto_commit)

    def test_recordsets_are_sliced(self):
        companies = self.env["res.company"].search([])
        seen, progress, _run = self._run(companies, 1)
        self.assertEqual([c for batch in seen for c in batch], list(companies))
        self.assertEqual(progress[-1], (len(companies), 0))

    def test_resumable_run_stops_once_the_budget_is_spent(self):
        seen, progress, run = self._run(list(range(5)), 2, resumable=True, time_budget=0)
        self.assertEqual(seen, [[0, 1]], "one batch, then the budget is spent")
        self.assertEqual(progress, [(2, 3)], "the remaining work is reported: the cron framework calls again")
        self.assertTrue(run.stopped)
        # a second loop of the same run hands out nothing more
        self.assertEqual(list(run.batches([9], 1)), [])

    def test_a_run_that_cannot_resume_ignores_the_budget(self):
        seen, _progress, run = self._run(list(range(5)), 2, resumable=False, time_budget=0)
        self.assertEqual(len(seen), 3)
        self.assertFalse(run.stopped)

    def test_no_budget_inside_tests_unless_given(self):
        self.assertIsNone(CronBatches(self.env, resumable=True).budget)
        self.assertEqual(CronBatches(self.env, resumable=True, time_budget=7).budget, 7)

    def test_budget_from_the_cron_time_limit(self):
        for cron_limit, real_limit, expected in ((120, 0, 10.0), (0, 600, 50.0), (12, 0, 5.0), (6000, 0, 60.0),
                                                  (0, 0, 60.0)):
            with patch.dict(hrcr_batch.config.options, {"limit_time_real_cron": cron_limit,
                                                        "limit_time_real": real_limit}):
                self.assertEqual(hrcr_batch.cron_time_budget(), expected, (cron_limit, real_limit))
