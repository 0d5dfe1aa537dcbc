"""Rendering of engine messages and findings: the one helper of the addon (all features).

Engine results carry ``Msg(text, params)`` with English sources marked ``_lt``;
string parameters are often engine labels (``_lt`` too), so they are translated as
well.  Findings are rendered by ONE QWeb template, ``hr_contract_risk.findings_table``,
from the plain rows of ``engine.findings.as_data`` (the renewal review stores those
rows as JSON at its decision and renders them again at display time).  No HTML is
built in Python: every block is a QWeb template, its text translated with the view.
"""

from markupsafe import Markup

from ..engine import findings as fd


def render_msg(env, msg):
    """An engine ``Msg`` in the env's language, string parameters translated too."""
    params = {key: env._(value) if isinstance(value, str) else value for key, value in msg.params.items()}
    text = env._(msg.text)
    return text % params if params else text


def findings_data(env, findings, actions=None):
    """``engine.findings.as_data`` in the env's language (``actions``: {action key: label})."""
    return fd.as_data(findings, lambda msg: render_msg(env, msg), actions)


def render_template(env, xmlid, values):
    """A QWeb template rendered in the env's language, as Markup."""
    return Markup(env["ir.qweb"]._render(xmlid, values))


def render_findings(env, rows, intro=None):
    """Findings rows (``findings_data``, or engine ``Finding`` objects) as the shared table; False for none.

    ``intro``: an optional sentence shown above the table (chatter notes)."""
    rows = [row for row in (rows or []) if isinstance(row, (dict, fd.Finding))]
    if rows and isinstance(rows[0], fd.Finding):
        rows = findings_data(env, rows)
    if not rows:
        return False
    return render_template(env, "hr_contract_risk.findings_table", {"rows": rows, "intro": intro})
