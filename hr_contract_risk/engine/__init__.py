"""Pure-Python core of hr_contract_risk.

Nothing in this package imports odoo: law rules, scoring, features and the
attrition model are plain functions over plain data, unit-tested by plain
pytest (see the repository's conftest.py for how they are imported without
Odoo).  Odoo models call into it with data gathered in batches.
"""
