"""The one override policy for a legal block (no Odoo).

A ``block`` finding (``engine.findings``) stops an action: a renewal decision the
law forbids (LCL 14, 42, 45), a severance on a ground the legal checks find
unlawful (LCL 48, 87), a stoppage reason that contradicts the termination ground
(SIL Art. 45, 50; UIR Art. 16). HR may still record it, knowingly, under one
policy shared by the renewal review, the severance and the stoppage:

* who: an HR manager only (the Odoo layer checks the group ``hr.group_hr_manager``
  of the real user, whatever the environment or context: no superuser bypass);
* the note: a written legal justification of at least ``MIN_NOTE_CHARS``
  characters (blanks not counted), saying why the block is accepted;
* how it is tracked: the record stores that it was overridden, the note, who and
  when, and posts the overridden articles with the note in its chatter.

``validate_note`` and ``decide`` are the policy; they return what to store.
"""

from dataclasses import dataclass

from .i18n import Msg, _lt

MIN_NOTE_CHARS = 20


class OverrideError(ValueError):
    """The override is refused; ``msg`` is a translatable Msg."""

    def __init__(self, msg):
        super().__init__(msg.render())
        self.msg = msg


@dataclass(frozen=True)
class Override:
    """What a lawful override records: the cleaned note and the blocks it overrides."""

    note: str
    articles: tuple
    codes: tuple


def note_length(note):
    """Characters of the note, blanks not counted."""
    return len("".join((note or "").split()))


def validate_note(note, min_chars=MIN_NOTE_CHARS):
    """The note, stripped; ``OverrideError`` when it is shorter than ``min_chars`` characters."""
    count = note_length(note)
    if count < min_chars:
        raise OverrideError(Msg(_lt(
            "Legal note of the override: write at least %(min)s characters saying which legal block is "
            "accepted and why (%(count)s written)."), {"min": min_chars, "count": count}))
    return note.strip()


def decide(blockers, note, min_chars=MIN_NOTE_CHARS):
    """The override of ``blockers`` (the block findings of the action), or None when nothing blocks.

    Raises ``OverrideError`` when something blocks and the note does not meet the policy.
    """
    blockers = [f for f in blockers if f.blocking]
    if not blockers:
        return None
    return Override(
        note=validate_note(note, min_chars),
        articles=tuple(dict.fromkeys(f.article for f in blockers if f.article)),
        codes=tuple(dict.fromkeys(f.code for f in blockers)),
    )
