"""One finding type for every check of the engine (no Odoo).

A ``Finding`` is what a rule says about a case: a stable ``code``, the
``article`` it applies (e.g. ``"LCL 42(2)"``; empty for an analytical, non-legal
finding), a ``severity`` and a translatable ``Msg``.

Severities:

* ``block``: the law forbids the action (``blocks`` names the actions it forbids
  when the rule forbids some actions only, e.g. a non-renewal but not a renewal);
  only an override under ``engine.override`` lets it through.
* ``warn``: lawful, but a risk HR must weigh (evidence missing, unconfirmed reading).
* ``info``: a fact worth showing.

Analytical findings (labour cost) add the ``subject`` they concern and the
measured ``value`` against its ``threshold``.

The Odoo layer renders findings with one QWeb template
(``hr_contract_risk.findings_table``) from ``as_data``.
"""

from dataclasses import dataclass

from .i18n import Msg

BLOCK = "block"
WARN = "warn"
INFO = "info"
SEVERITIES = (BLOCK, WARN, INFO)
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    code: str
    article: str
    severity: str
    msg: Msg
    blocks: frozenset = frozenset()
    subject: object = None
    value: float = None
    threshold: float = None

    def __post_init__(self):
        # a positional argument in the wrong place (article for severity) fails here, not on screen
        if self.severity not in SEVERITIES:
            raise ValueError("Finding %s: severity %r is not one of %s" % (self.code, self.severity, SEVERITIES))
        if not isinstance(self.msg, Msg):
            raise TypeError("Finding %s: msg must be an engine Msg, got %r" % (self.code, self.msg))
        if self.blocks and self.severity != BLOCK:
            raise ValueError("Finding %s: only a blocking finding forbids actions" % self.code)

    @property
    def blocking(self):
        return self.severity == BLOCK


def most_severe_first(findings):
    """The findings sorted block, warn, info; the rule order is kept within a severity."""
    return sorted(findings, key=lambda f: _RANK[f.severity])


def is_blocked(findings):
    return any(f.blocking for f in findings)


def worst_severity(findings):
    """``block``, ``warn``, ``info`` or None for no finding."""
    ranks = [_RANK[f.severity] for f in findings]
    return SEVERITIES[min(ranks)] if ranks else None


def as_data(findings, render, actions=None):
    """Findings as plain, JSON-safe rows ``{code, severity, article, text, blocks}``, most severe first.

    ``render`` turns a ``Msg`` into text (the Odoo layer passes a translating renderer);
    ``actions`` is an ordered mapping {action key: label} of the actions a finding may forbid;
    ``blocks`` lists, in that order, the labels of the actions the finding forbids.
    """
    actions = actions or {}
    return [{
        "code": f.code,
        "severity": f.severity,
        "article": str(f.article or ""),
        "text": str(render(f.msg)),
        "blocks": [str(label) for key, label in actions.items() if key in f.blocks],
    } for f in most_severe_first(findings)]
