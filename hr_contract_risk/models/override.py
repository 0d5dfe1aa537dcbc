"""The override of a legal block: the one rights check and the values to store (review, severance, stoppage).

The policy itself (the note, what is recorded) is ``engine.override``.  Who may override:
an HR manager (``hr.group_hr_manager``), checked on the real user of the environment;
``sudo()`` and the context change nothing (no superuser bypass).
"""

from odoo import fields
from odoo.exceptions import AccessError, UserError

from ..engine import override as ov
from .rendering import render_msg

HR_MANAGER_GROUP = "hr.group_hr_manager"


def may_override(env):
    """Whether the user of ``env`` may override a legal block."""
    return env.user.has_group(HR_MANAGER_GROUP)


def check_override_rights(env):
    if not may_override(env):
        raise AccessError(env._("Only an HR manager may override a legal block."))


def validated_override(env, blockers, note):
    """The ``engine.override.Override`` of ``blockers`` by the user of ``env``, or None when nothing blocks.

    Raises AccessError for a user who is not an HR manager, UserError (translated) for a note that does
    not meet the policy."""
    if not any(f.blocking for f in blockers):
        return None
    check_override_rights(env)
    try:
        return ov.decide(blockers, note)
    except ov.OverrideError as err:
        raise UserError(render_msg(env, err.msg)) from None


def note_error(env, note):
    """The translated policy message when ``note`` is not a valid override note, else None."""
    try:
        ov.validate_note(note)
    except ov.OverrideError as err:
        return render_msg(env, err.msg)
    return None


def override_vals(env, override, user_field="override_by_id"):
    """What a record stores of an override: the flag, the note, who (``user_field``) and when."""
    return {
        "override_used": True,
        "override_note": override.note,
        user_field: env.user.id,
        "override_date": fields.Datetime.now(),
    }
