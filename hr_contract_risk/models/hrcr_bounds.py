"""Input ranges: the translated error for a value outside engine/bounds.py's table."""
from odoo.exceptions import ValidationError

from ..engine.i18n import Msg


def bounds_error(env, err):
    """The ValidationError, in the user's language, for an engine ``BoundsError`` (field, bound and rule)."""
    params = dict(err.msg.params)
    if params.get("rule"):
        params["rule"] = env._(params["rule"])  # an _lt of the bounds table
    return ValidationError(Msg(err.msg.text, params).render(env._))
