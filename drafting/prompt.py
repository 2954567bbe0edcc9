"""The one place prompts are built.

The default model only ranks: it reads a short header, two example notes (the therapist's own
signed notes when there are any, else two built-in ones) and the note so far, and scores the
realizer's candidates as the next words. Everything before the note itself is identical
between drafts, so llama.cpp keeps it in its KV cache. No word of an example can reach a draft:
candidates are made of the session's facts and the closed vocabulary only.

A larger instruct model chosen by the therapist may write a section freely; its prompt lists
that section's facts and nothing else of the practice (see writer.py).
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_STYLE_EXAMPLES = 2
MAX_STYLE_CHARS = 700  # per example: style, not content, and prompt evaluation cannot be cut

RANKING_HEADER = (
    "Progress notes from a private therapy practice, written by the treating clinician in "
    "concise, professional clinical language.\n\n"
)

# Register, not content: written for this header about sessions no note will share.
BUILT_IN_EXAMPLES: tuple[str, ...] = (
    "SOAP note\n"
    "Subjective: Client reported a stressful move to a new apartment and difficulty "
    "falling asleep most nights. She described worry about her new job.\n"
    "Objective: Client was seen for a 50-minute individual session in the office on "
    "March 3, 2025. Client was calm and cooperative, with euthymic affect. Clinician "
    "reviewed a sleep log with the client and provided psychoeducation on sleep hygiene.\n"
    "Assessment: Client was engaged and identified two evening habits that delay sleep. "
    "Client denied suicidal ideation.\n"
    "Plan: Client will keep a sleep log and limit screens after 10 pm. The next session "
    "will be in one week.",
    "BIRP note\n"
    "Behavior: Client was seen for a 45-minute individual session via telehealth on "
    "April 7, 2025. Client reported irritability at home and conflict with his brother "
    "over chores.\n"
    "Intervention: Clinician conducted a role-play of a calm request and taught a "
    "grounding exercise. Clinician and client identified early signs of anger.\n"
    "Response: Client practiced the request twice and said it felt easier the second "
    "time. Client denied homicidal ideation.\n"
    "Plan: Client will use the grounding exercise when he notices tension. The next "
    "session will be on Thursday.",
)


def ranking_context(style_examples: Sequence[str] = ()) -> str:
    """The constant text before the note being drafted."""
    examples = [" ".join(e.split())[:MAX_STYLE_CHARS] for e in style_examples if e.strip()]
    chosen = examples[:MAX_STYLE_EXAMPLES] or list(BUILT_IN_EXAMPLES)
    return RANKING_HEADER + "".join(f"{e}\n\n" for e in chosen)


def note_header(fmt_name: str) -> str:
    return f"{fmt_name.upper()} note\n"
