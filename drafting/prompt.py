"""The one place prompts are built.

The default model is a base model (no chat template), so prompts are plain completions: a fixed
instruction and a few worked rewrites, then up to three of the therapist's own signed notes as
style examples, then the one sentence to rewrite. Everything before that sentence is identical
between calls, so llama.cpp reuses it from its KV cache and each call evaluates only a few
dozen new tokens. The worked rewrites deliberately talk about nothing a real session is likely
to contain; the verifier rejects any of their words that leak into a draft anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_STYLE_EXAMPLES = 3
MAX_STYLE_CHARS = 400  # per example: style, not content, and prompt evaluation cannot be cut short

INSTRUCTION = (
    "Each draft sentence from a therapy progress note is rewritten as one clear, professional "
    "sentence in the third person. The rewrite keeps every word of meaning, adds no new "
    "facts, and only fixes grammar and articles.\n\n"
)

WORKED_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("The client reported trouble with focus at school.",
     "The client reported trouble with focus at school."),
    ("The therapist used grounding exercise.",
     "The therapist used a grounding exercise."),
    ("The client will walk dog each morning.",
     "The client will walk the dog each morning."),
    ("The therapist and client planned weekly call with coach.",
     "The therapist and client planned a weekly call with the coach."),
)

DRAFT_LABEL = "Draft: "
REWRITE_LABEL = "Rewrite:"
STOP = ("\n",)


def _style_block(style_examples: Sequence[str]) -> str:
    examples = [" ".join(e.split())[:MAX_STYLE_CHARS] for e in style_examples if e.strip()]
    examples = examples[:MAX_STYLE_EXAMPLES]
    if not examples:
        return ""
    body = "".join(f"Style example: {e}\n" for e in examples)
    return "The therapist writes in this style (wording only):\n" + body + "\n"


def prefix(style_examples: Sequence[str] = ()) -> str:
    """The constant part of every prompt of one draft (cached by llama.cpp between calls)."""
    shots = "".join(f"{DRAFT_LABEL}{d}\n{REWRITE_LABEL} {r}\n\n" for d, r in WORKED_EXAMPLES)
    return INSTRUCTION + _style_block(style_examples) + shots


def rephrase_prompt(prefix_text: str, sentence: str) -> str:
    """Prompt to rewrite one deterministic sentence; the model's answer ends at the newline."""
    return f"{prefix_text}{DRAFT_LABEL}{sentence}\n{REWRITE_LABEL}"


def max_tokens_for(sentence: str) -> int:
    """Enough tokens for a rewrite a little longer than the draft sentence, never unbounded."""
    return min(96, len(sentence) // 3 + 12)
