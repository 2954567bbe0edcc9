"""What each document prompt asks, in a few words under its field (what a reviewer looks for,
not text to copy), and which fields come from the record and are not typed."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "referral": "Who referred the client and why; the presenting problem in their words.",
    "history_present": "Onset, course, frequency and impact of the problem.",
    "psychiatric_history": "Prior therapy, diagnoses, hospitalizations, attempts, what helped.",
    "medical_history": "Conditions, injuries, the primary care provider.",
    "medications": "As the client takes them: name, dose, schedule, prescriber.",
    "substance_use": "Alcohol, cannabis, other drugs, tobacco: amount and pattern.",
    "family_social": "Household, relationships, work or school, supports, family history.",
    "developmental": "Where relevant: milestones, school, learning.",
    "trauma": "Where relevant: what happened, when, current effects.",
    "legal": "Where relevant: arrests, charges, custody, probation.",
    "mental_status": "Appearance, behavior, mood/affect, thought, orientation, insight.",
    "measures": "Scores given at this session (filled in from the recorded measures).",
    "risk": "Suicide, self-harm, violence, abuse: what you asked and found.",
    "strengths": "What the client brings: supports, skills, motivation.",
    "impression": "Your formulation: how the symptoms fit the diagnosis.",
    "diagnosis": "One ICD-10-CM code a line (Find code… picks one).",
    "recommendations": "Level of care, modality and frequency, referrals, next steps.",
    "interventions": "What you will do and how often (e.g. weekly 53-minute CBT).",
    "participation": "How the client took part and whether they agree with the plan.",
    "review": "The review date (90 days on unless you change it).",
    "course": "What treatment consisted of, in a few words.",
    "reason": "Why treatment ends: goals met, moved, stopped attending, referred on.",
    "intake_diagnosis": "The diagnosis at intake (from the signed intake).",
    "discharge_diagnosis": "The diagnosis now, one code a line.",
    "aftercare": "Referrals, follow-up, what the client will do, crisis resources.",
}

# Counted from the record when the document is begun and before each draft: shown, not typed.
FROM_RECORD = frozenset({"episode"})
