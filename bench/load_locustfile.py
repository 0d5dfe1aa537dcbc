"""Locust scenario for bench/load_bench.py: HR officers working the contract-risk screens.

Each simulated user logs in as the demo HR officer (JSON-RPC /web/session/authenticate, as the web client
does) and then, with think time, reads what the client reads on each screen: the employee list and form,
the contract list, the attrition-risk list, a renewal review form, the severance wizard opened on an
employee, and the views of the employee screen (get_views, as when a menu is opened).

Run by bench/load_bench.py (bounded user count and duration, localhost only):
    locust -f bench/load_locustfile.py --headless -u 30 -r 10 -t 90s --host http://127.0.0.1:8079
Environment: HRCR_LOAD_DB (database), HRCR_LOAD_LOGIN / HRCR_LOAD_PASSWORD (default hr_officer).
"""

import os
import random

from locust import HttpUser, between, task

DB = os.environ.get("HRCR_LOAD_DB", "hrcr_load_bench")
LOGIN = os.environ.get("HRCR_LOAD_LOGIN", "hr_officer")
PASSWORD = os.environ.get("HRCR_LOAD_PASSWORD", "hr_officer")

EMPLOYEE_LIST = {"name": {}, "job_id": {"fields": {"display_name": {}}},
                 "department_id": {"fields": {"display_name": {}}}, "parent_id": {"fields": {"display_name": {}}},
                 "attrition_band": {}}
EMPLOYEE_FORM = dict(EMPLOYEE_LIST, work_email={}, work_phone={}, coach_id={"fields": {"display_name": {}}},
                     attrition_risk={}, contract_id={"fields": {"display_name": {}}})
CONTRACT_LIST = {"name": {}, "employee_id": {"fields": {"display_name": {}}}, "date_start": {}, "date_end": {},
                 "wage": {}, "state": {}, "expiry_stage_days": {}}
SCORE_LIST = {"employee_id": {"fields": {"display_name": {}}}, "department_id": {"fields": {"display_name": {}}},
              "risk": {}, "band": {}, "method": {}, "computed_on": {}}
REVIEW_FORM = {"name": {}, "employee_id": {"fields": {"display_name": {}}},
               "contract_id": {"fields": {"display_name": {}}}, "state": {}, "decision": {},
               "fixed_term_count": {}, "appraisal_count": {}, "legal_findings_html": {}}


class HrOfficer(HttpUser):
    wait_time = between(0.5, 2.0)

    def call(self, model, method, args=None, kwargs=None, name=None):
        kwargs = dict(kwargs or {})
        kwargs["context"] = dict({"lang": "zh_CN", "tz": "Asia/Shanghai"}, **kwargs.get("context", {}))
        payload = {"jsonrpc": "2.0", "method": "call", "id": random.randint(1, 10**9),
                   "params": {"model": model, "method": method, "args": args or [], "kwargs": kwargs}}
        with self.client.post(f"/web/dataset/call_kw/{model}/{method}", json=payload, name=name or method,
                              catch_response=True) as resp:
            body = resp.json() if resp.ok else {}
            if "error" in body or not resp.ok:
                resp.failure(str(body.get("error", {}).get("data", {}).get("message") or resp.status_code)[:200])
                return None
            resp.success()
            return body.get("result")

    def on_start(self):
        resp = self.client.post("/web/session/authenticate", name="login", json={
            "jsonrpc": "2.0", "method": "call", "params": {"db": DB, "login": LOGIN, "password": PASSWORD}})
        if not resp.ok or "error" in resp.json():
            raise RuntimeError(f"login failed: {resp.text[:200]}")
        self.employee_ids = self.call("hr.employee", "search", [[]], {"limit": 500}, name="ids") or []
        self.review_ids = self.call("hr.contract.renewal.review", "search", [[]], {"limit": 50}, name="ids") or []

    @task(4)
    def employee_list(self):
        self.call("hr.employee", "web_search_read", [], {"domain": [], "specification": EMPLOYEE_LIST,
                                                         "limit": 80, "offset": random.choice((0, 80, 160))},
                  name="employee list")

    @task(4)
    def employee_form(self):
        if self.employee_ids:
            self.call("hr.employee", "web_read", [[random.choice(self.employee_ids)]],
                      {"specification": EMPLOYEE_FORM}, name="employee form")

    @task(3)
    def contract_list(self):
        self.call("hr.contract", "web_search_read", [], {"domain": [("state", "=", "open")],
                                                         "specification": CONTRACT_LIST, "limit": 80,
                                                         "order": "date_end asc"}, name="contract list")

    @task(3)
    def risk_list(self):
        self.call("hr.attrition.score", "web_search_read", [], {"domain": [], "specification": SCORE_LIST,
                                                                "limit": 80, "order": "risk desc"},
                  name="risk list")

    @task(2)
    def review_form(self):
        if self.review_ids:
            self.call("hr.contract.renewal.review", "web_read", [[random.choice(self.review_ids)]],
                      {"specification": REVIEW_FORM}, name="review form")

    @task(2)
    def severance_wizard(self):
        if self.employee_ids:
            self.call("hr.severance.wizard", "onchange", [[], {}, [], {
                "employee_id": {}, "termination_ground": {}, "hire_date": {}, "termination_date": {},
                "average_monthly_wage": {}, "wage_history_average": {}, "local_average_wage": {},
                "untaken_leave_days": {}}],
                {"context": {"default_employee_id": random.choice(self.employee_ids)}},
                name="severance wizard open")

    @task(1)
    def employee_views(self):
        self.call("hr.employee", "get_views", [[[False, "list"], [False, "form"], [False, "search"]]],
                  {"options": {"load_filters": True, "toolbar": True}}, name="get_views employee")
