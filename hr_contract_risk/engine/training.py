"""Training recommendation (issue 12): what to train, why, and whether it worked.

Three sources of need, each with a severity from 0 (none) to 1 (the worst possible):

- the weakest KPIs: a KPI's average completion over the employee's last confirmed appraisals
  (``LAST_PERIODS``), when below its target completion (100 %): severity = the shortfall / 100 %;
- the lowest 360 competencies: a competency's average rating (1..5) from other reviewers, when below
  "meets expectations" (3): severity = (3 - average) / 2;
- the skill gaps against the job's expected skills (``hr_skills`` levels, as the level's progress %):
  severity = (expected - current) / 100, a missing skill counting as 0 %.

A course answers a need when it names the KPI, competency or skill (the keyword rule of
``appraisal.suggest_course``: a keyword equal to or contained in the name, case-insensitive) or lists the
competency / skill itself. Its score is the sum of the severities it answers; the suggestions are the
courses with a positive score, best first (then by name), each with the needs it answers as its reason.

After a course, ``effect`` compares the confirmed appraisals before it with the ones after it; that
"still below the threshold after the training" is the second half of the LCL Art. 40(2) evidence
(incompetence counts only when it is still proven after training or reassignment; the rule itself lives
in ``legal_checks.incompetence_evidence``).

No protected attribute is read: the inputs are KPI completions, 360 ratings, skill levels and the course
catalog. Pure Python, no Odoo import.
"""

from dataclasses import dataclass, field

from .appraisal import suggest_course
from .i18n import Msg, _lt

KPI = "kpi"
COMPETENCY = "competency"
SKILL = "skill"
NEED_KINDS = (KPI, COMPETENCY, SKILL)
NEED_LABELS = {KPI: _lt("Weak KPI"), COMPETENCY: _lt("Low 360 competency"), SKILL: _lt("Skill gap")}

#: how many of the latest confirmed appraisal periods the KPI averages look at
LAST_PERIODS = 3
#: a KPI below this completion (%) is a need
KPI_TARGET = 100.0
#: a 360 competency below this average rating (3 = meets expectations) is a need
COMPETENCY_TARGET = 3.0
RATING_MIN = 1.0
#: how many appraisals on each side of the course ``effect`` compares
EFFECT_PERIODS = 2
DEFAULT_LIMIT = 5


@dataclass(frozen=True)
class Need:
    kind: str  # KPI / COMPETENCY / SKILL
    key: object  # the KPI name, the competency's or skill's id
    name: str
    severity: float  # 0..1
    msg: Msg


@dataclass(frozen=True)
class Course:
    key: object  # e.g. ("hr.training.course", 3) or ("slide.channel", 7)
    name: str
    keywords: tuple = ()
    competency_keys: frozenset = frozenset()
    skill_keys: frozenset = frozenset()


@dataclass(frozen=True)
class Suggestion:
    course: Course
    score: float
    needs: tuple  # the Needs it answers, most severe first
    completed_before: bool = False


@dataclass(frozen=True)
class Effect:
    before_average: float = None
    after_average: float = None
    before_count: int = 0
    after_count: int = 0
    delta: float = None
    still_below: bool = False  # every appraisal after the course is below the threshold (LCL 40(2))
    after_starts: tuple = field(default_factory=tuple)


def _clamp01(value):
    return max(0.0, min(1.0, value))


def kpi_needs(lines, last_periods=LAST_PERIODS, target=KPI_TARGET):
    """``lines``: (period start, KPI name, completion %) of the confirmed appraisals; the latest
    ``last_periods`` periods count. One need per KPI whose average completion is below ``target``."""
    starts = sorted({start for start, _name, _c in lines}, reverse=True)[:last_periods]
    keep = set(starts)
    by_kpi = {}
    for start, name, completion in lines:
        if start in keep and name and completion is not None:
            by_kpi.setdefault(name, []).append(float(completion))
    needs = []
    for name, values in by_kpi.items():
        avg = sum(values) / len(values)
        if avg < target:
            needs.append(Need(KPI, name, name, _clamp01((target - avg) / target), Msg(
                _lt("KPI %(kpi)s at %(completion)s %% of target over the last %(count)s appraisals"),
                {"kpi": name, "completion": "%.0f" % avg, "count": len(values)})))
    return needs


def competency_needs(ratings, target=COMPETENCY_TARGET):
    """``ratings``: (competency key, name, average rating 1..5) of the other reviewers (the aggregated
    360, never one reviewer). One need per competency averaging below ``target``."""
    needs = []
    for key, name, avg in ratings:
        if avg is not None and avg < target:
            needs.append(Need(COMPETENCY, key, name, _clamp01((target - avg) / (target - RATING_MIN)), Msg(
                _lt("360 competency %(competency)s rated %(rating)s / 5 by colleagues"),
                {"competency": name, "rating": "%.1f" % avg})))
    return needs


def skill_needs(expected, current):
    """``expected``: (skill key, name, expected progress %) of the job; ``current``: {skill key: progress %}
    of the employee. One need per skill below the expected level (a missing skill is at 0 %)."""
    needs = []
    for key, name, target in expected:
        have = float(current.get(key) or 0.0)
        if have < target:
            needs.append(Need(SKILL, key, name, _clamp01((target - have) / 100.0), Msg(
                _lt("Skill %(skill)s at %(current)s %%, the job expects %(expected)s %%"),
                {"skill": name, "current": "%.0f" % have, "expected": "%.0f" % target})))
    return needs


def _answers(course, need):
    if need.kind == COMPETENCY and need.key in course.competency_keys:
        return True
    if need.kind == SKILL and need.key in course.skill_keys:
        return True
    return suggest_course(need.name, [(0, course.name, course.keywords)]) is not None


def rank(needs, courses, limit=DEFAULT_LIMIT, open_keys=(), completed_keys=()):
    """The courses answering the needs, best first: score = sum of the severities answered, then by name.

    ``open_keys``: courses already planned for the employee (left out: offer once);
    ``completed_keys``: taken before (kept, flagged, as taking it again may still be the answer)."""
    open_keys, completed_keys = set(open_keys), set(completed_keys)
    out = []
    for course in courses:
        if course.key in open_keys:
            continue
        answered = sorted((n for n in needs if _answers(course, n)), key=lambda n: (-n.severity, n.name))
        score = sum(n.severity for n in answered)
        if score > 0:
            out.append(Suggestion(course, round(score, 4), tuple(answered), course.key in completed_keys))
    out.sort(key=lambda s: (-s.score, s.course.name, str(s.course.key)))
    return out[:limit] if limit else out


def unanswered(needs, suggestions):
    """The needs no suggested course answers (HR may add a course to the catalog)."""
    covered = {(n.kind, n.key) for s in suggestions for n in s.needs}
    return [n for n in needs if (n.kind, n.key) not in covered]


def effect(appraisals, done_date, threshold, periods=EFFECT_PERIODS):
    """Before / after a course done on ``done_date``: the last ``periods`` appraisals starting before it
    against the first ``periods`` starting on or after it. ``appraisals``: (period start, total score).
    ``still_below``: there is an appraisal after the course and each of them is below ``threshold``."""
    ordered = sorted(appraisals)
    before = [score for start, score in ordered if start < done_date][-periods:] if periods else []
    after_rows = [(start, score) for start, score in ordered if start >= done_date][:periods]
    after = [score for _s, score in after_rows]
    b = sum(before) / len(before) if before else None
    a = sum(after) / len(after) if after else None
    return Effect(
        before_average=b, after_average=a, before_count=len(before), after_count=len(after),
        delta=(a - b) if a is not None and b is not None else None,
        still_below=bool(after) and all(score < threshold for score in after),
        after_starts=tuple(start for start, _s in after_rows))
