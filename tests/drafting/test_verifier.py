from __future__ import annotations

from drafting.render import Fact, render_fact
from drafting.verifier import check_draft, check_sentence
from models.note import NoteSection


def fact(field: str, text: str) -> Fact:
    return Fact(field, text, render_fact(field, text), True)


def test_a_faithful_rephrasing_is_accepted() -> None:
    f = fact("plan", "complete activity log")
    assert check_sentence("The client will complete an activity log.", f).ok
    f = fact("interventions", "cognitive restructuring of catastrophic thoughts")
    assert check_sentence(
        "The therapist used cognitive restructuring of the catastrophic thoughts.", f).ok


def test_negation_flips_are_rejected() -> None:
    f = fact("risk", "denied suicidal ideation")
    assert f.sentence == "The client denied suicidal ideation."
    for bad in ("The client was denied suicidal ideation.",
                "The client reports suicidal ideation.",
                "The client reported suicidal ideation.",
                "The client has suicidal ideation."):
        verdict = check_sentence(bad, f)
        assert not verdict.ok, bad
        assert verdict.kind == "ungrounded"


def test_not_assessed_never_becomes_a_denial() -> None:
    f = fact("risk", "not assessed this session")
    for bad in ("The client denies suicidal ideation.", "The client denied risk this session.",
                "The therapist noted that risk was assessed this session."):
        assert not check_sentence(bad, f).ok, bad
    assert check_sentence(f.sentence, f).ok


def test_invented_number_is_rejected() -> None:
    f = fact("client_response", "anxiety 7/10 at start and 4/10 at end")
    assert not check_sentence("The client reported anxiety 7/10 at start and 3/10 at end.", f).ok
    assert not check_sentence(
        "The client reported anxiety 7/10 at start and 4/10 at end after 2 weeks.", f).ok
    f = fact("presenting_concerns", "sleeping about five hours")
    assert not check_sentence("The client reported sleeping about six hours.", f).ok


def test_invented_words_medications_and_diagnoses_are_rejected() -> None:
    f = fact("presenting_concerns", "low mood this week")
    for bad in ("The client reported low mood this week and started sertraline.",
                "The client reported low mood this week due to major depressive disorder.",
                "The client reported low mood this week and thoughts of suicide."):
        assert not check_sentence(bad, f).ok, bad


def test_dropped_facts_and_broken_phrases_are_lost_facts() -> None:
    f = fact("interventions", "cognitive restructuring; taught 4-7-8 breathing")
    f = fact("interventions", "taught 4-7-8 breathing")
    verdict = check_sentence("The therapist taught breathing.", f)
    assert not verdict.ok and verdict.kind == "lost_fact"
    f = fact("interventions", "reflective listening exercise")
    verdict = check_sentence("The therapist used listening that was reflective in exercise.", f)
    assert not verdict.ok


def test_form_first_person_and_fragments_are_rejected() -> None:
    f = fact("presenting_concerns", "low energy")
    for bad in ("I noted low energy.", "We discussed low energy.",
                "the client reported low energy.", "The client reported low energy",
                "The client reported low energy. The client cried.",
                "**The client reported low energy.**", ""):
        assert not check_sentence(bad, f).ok, bad


def test_meaning_bearing_small_words_are_not_free() -> None:
    f = fact("presenting_concerns", "anxiety at work")
    for bad in ("The client reported more anxiety at work.",
                "The client reported less anxiety at work.",
                "The client may have reported anxiety at work.",
                "The client reported anxiety at work because of the deadline."):
        assert not check_sentence(bad, f).ok, bad
    assert check_sentence("The client reported anxiety at work.", f).ok


def test_who_did_it_and_whether_it_happened_cannot_change() -> None:
    f = fact("interventions", "cognitive restructuring")
    assert not check_sentence("The client was cognitive restructuring.", f).ok
    assert not check_sentence("The therapist and client used cognitive restructuring.", f).ok
    f = fact("plan", "complete activity log")
    assert not check_sentence("The therapist completed the activity log.", f).ok
    assert not check_sentence("The client completed an activity log.", f).ok
    f = fact("client_response", "planned a walk and calling a friend")
    assert not check_sentence("The client planned a walk and called a friend.", f).ok
    f = fact("interventions", "scheduled mastery and pleasure activities")
    assert check_sentence("The therapist scheduled mastery and pleasure activity.", f).ok is False
    assert check_sentence("The therapist scheduled the mastery and pleasure activities.", f).ok


def test_style_example_words_cannot_leak() -> None:
    f = fact("presenting_concerns", "conflict with partner")
    assert not check_sentence("The client reported conflict with partner about the divorce.", f).ok


def test_check_draft_finds_ungrounded_sentences_and_lost_facts() -> None:
    facts = [fact("presenting_concerns", "low energy"), fact("plan", "walk daily")]
    sections = [NoteSection("Subjective", "The client reported low energy. The client took 20 mg "
                            "of sertraline."), NoteSection("Plan", "")]
    flags = check_draft(sections, facts)
    kinds = sorted(f.kind for f in flags)
    assert kinds == ["lost_fact", "ungrounded"]
    good = [NoteSection("Subjective", facts[0].sentence), NoteSection("Plan", facts[1].sentence)]
    assert check_draft(good, facts) == []


def test_number_words_do_not_become_digits() -> None:
    f = fact("client_response", "identified two thinking traps")
    assert not check_sentence("The client identified 2 thinking traps.", f).ok
    assert check_sentence(f.sentence, f).ok


def test_only_articles_may_be_added_to_the_therapists_words() -> None:
    f = fact("presenting_concerns", "arguments with her sister about their father's care")
    verdict = check_sentence(
        "The client reported arguments with her sister about her father's care.", f)
    assert not verdict.ok and verdict.kind == "reworded"
    f = fact("presenting_concerns", "conflict with partner over money")
    assert check_sentence("The client described conflict with the partner over money.", f).ok
