"""Common interventions per therapeutic approach, offered as one-click picks in the prompt form.

Picking inserts the therapist's chosen words into the interventions field; nothing is inserted
that the therapist did not click.
"""

from __future__ import annotations

INTERVENTIONS: dict[str, tuple[str, ...]] = {
    "CBT": ("cognitive restructuring", "thought record", "Socratic questioning",
            "behavioral experiment", "psychoeducation", "homework review"),
    "DBT": ("chain analysis", "diary card review", "distress tolerance skills",
            "emotion regulation skills", "mindfulness skills", "interpersonal effectiveness"),
    "ACT": ("values clarification", "cognitive defusion", "acceptance exercise",
            "present-moment awareness", "committed action planning"),
    "Psychodynamic": ("exploration of relational patterns", "interpretation",
                      "exploration of transference", "reflection of affect"),
    "Family systems": ("genogram", "circular questioning", "reframing",
                       "communication skills practice", "boundary setting"),
    "EMDR": ("resource installation", "bilateral stimulation", "desensitization",
             "installation of positive cognition", "body scan"),
    "Behavioral activation": ("activity monitoring", "activity scheduling",
                              "values-based activity planning", "graded task assignment"),
    "Exposure": ("exposure hierarchy", "in-vivo exposure", "imaginal exposure",
                 "response prevention", "SUDS ratings"),
    "Motivational interviewing": ("open questions", "reflective listening",
                                  "decisional balance", "change talk elicitation"),
    "Supportive": ("validation", "active listening", "problem solving", "coping skills review"),
}

APPROACHES: tuple[str, ...] = tuple(INTERVENTIONS)

# Short hints under each prompt: what a reviewer looks for, not text to copy.
HINTS: dict[str, str] = {
    "presenting_concerns": "What the client brought today, in their words where it matters.",
    "mental_status": "Appearance, mood/affect, thought process, orientation — as observed.",
    "goals": "Treatment-plan goals addressed (pick below).",
    "interventions": "What you did (pick common ones below).",
    "client_response": "How the client engaged and responded.",
    "progress": "Change toward the goals since last time.",
    "risk": "SI/HI/self-harm assessed and what was found; or tick 'not assessed'.",
    "plan": "Next session, homework, referrals, coordination.",
}


def add_pick(current: str, pick: str) -> str:
    """Append ``pick`` to a comma-separated field unless it is already there."""
    text = current.rstrip()
    if pick.lower() in text.lower():
        return current
    if not text:
        return pick[:1].upper() + pick[1:]
    sep = " " if text.endswith((",", ";")) else ", "
    return f"{text}{sep}{pick}"
