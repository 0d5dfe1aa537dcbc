"""Translatable text in the engine without importing Odoo.

Engine results carry messages as ``Msg(text, params)``; ``text`` is an English
source string with ``%(name)s`` placeholders.  The Odoo layer renders them
through ``env._`` (see models' ``_render_msg`` helpers) so they are translated in
the user's language.  Wrapping the literal in ``_lt_marker`` lets Odoo's
translation export find it: Odoo extracts any ``_lt("...")`` call in addon
Python files.
"""

from dataclasses import dataclass, field


def _lt(text):
    """Marker for Odoo's translation extractor; returns the source text."""
    return text


@dataclass(frozen=True)
class Msg:
    text: str
    params: dict = field(default_factory=dict)

    def render(self, translate=None):
        src = translate(self.text) if translate else self.text
        return src % self.params if self.params else src
