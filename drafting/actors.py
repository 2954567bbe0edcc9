"""Who did an act the therapist wrote without a subject: by the field it is in, its verb and,
for a few verbs either may do, its object ("update treatment plan" is the clinician's, "update
resume" the client's)."""

from __future__ import annotations

from drafting import lexicon as lx
from drafting.clause_types import Actor
from drafting.lexicon import wordset

# What a clinician did about the plan in the session, written in the past in the plan box.
_ADVISED = frozenset({"recommended", "suggested", "advised", "encouraged", "referred",
                      "provided", "gave", "discussed"})
# In-session acts only the client does ("cried", "disclosed"): anything else in the
# interventions field is the clinician's ("met with mother", "named the moment").
CLIENT_ONLY_VERBS = wordset("""
cried laughed disclosed declined refused arrived attended apologized admitted acknowledged
recalled remembered verbalized expressed endorsed denied reported stated said described
became felt slept woke arrived left
""")
# The clinician's judgments ("assessed low acute risk"); never "rated" or "considered",
# which the client may do ("rated urge 4/10", "considered overdose")
_RATED = frozenset({"assessed", "screened", "judged", "estimated", "determined", "deemed"})
# What only the clinician updates or sends: "update treatment plan", not "update resume".
_RECORD_WORDS = frozenset({"treatment", "tx", "plan", "safety", "records", "chart", "school",
                           "psychiatrist", "pcp", "prescriber", "team", "release", "roi"})


def actor_of_verb(field: str, verb: str, rest: list[str] | None = None) -> Actor:
    """Who did a subjectless act, by the field it is in, its verb and (for a few verbs
    either may do) its object."""
    if field == "plan" and verb in ("update", "send", "obtain") and rest is not None and \
            not any(w in _RECORD_WORDS for w in rest[:3]):
        return Actor.CLIENT  # "update resume", "send the application"
    if field == "interventions":
        if verb in lx.JOINT_SESSION_VERBS:
            return Actor.JOINT
        if verb == "attended" and rest and rest[0] == "to":
            return Actor.THERAPIST  # "attended to the transference": the clinician's focus
        # an intervention is the clinician's unless only the client can have done it
        return Actor.CLIENT if verb in CLIENT_ONLY_VERBS else Actor.THERAPIST
    if field == "plan" and verb in _ADVISED:
        return Actor.THERAPIST  # "recommended father follow up with the pediatrician"
    if field == "plan" and verb == "consider" and rest and any(
            w in ("referral", "referrals") or w in lx.MEASURE_NAMES for w in rest[:5]):
        return Actor.THERAPIST  # "consider AUDIT-C next visit"; "consider grief group" is hers
    if field == "risk" and verb == "discussed":
        return Actor.THERAPIST  # "discussed low withdrawal risk at current level"
    if field in ("risk", "impression", "progress") and verb in _RATED:
        return Actor.THERAPIST  # "assessed low acute risk": the clinician's judgment
    if field == "plan" and verb in ("call", "text", "email", "contact", "phone") and rest and \
            rest[0] in lx.CLIENT_WORDS:
        return Actor.THERAPIST  # "call client Friday"
    if field == "plan":
        if verb in lx.JOINT_VERBS and rest is not None and "with" in rest[:4] and not any(
                w in ("therapist", "clinician", "me", "writer") for w in rest[:6]):
            return Actor.CLIENT  # "discuss sleep with PCP": with someone else, the client's
        if verb in lx.JOINT_VERBS:
            return Actor.JOINT
        if verb in lx.THERAPIST_PLAN_VERBS:
            return Actor.THERAPIST
    return Actor.CLIENT
