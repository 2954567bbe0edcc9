"""The faithfulness gate every test draft passes: the verifier re-reads the finished draft."""

from __future__ import annotations

from drafting.realizer import FIXED_SENTENCES, plan_note
from drafting.session_line import session_words as line_words
from drafting.types import Draft
from drafting.verifier import check_draft
from models.session_facts import SessionFacts


def session_words(facts: SessionFacts) -> str:
    return line_words(facts.session)


def assert_faithful(facts: SessionFacts, draft: Draft) -> None:
    """No sentence says what the facts do not, and no fact is lost."""
    plan = plan_note(facts)
    flags = check_draft(draft.sections, plan.clauses, session_words(facts), FIXED_SENTENCES)
    assert not flags, [(f.kind, f.text) for f in flags]
