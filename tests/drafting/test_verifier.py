"""The verifier: what may stand in a draft as the rendering of the therapist's facts."""

from __future__ import annotations

from drafting.clauses import analyze
from drafting.verifier import check_draft, check_sentence
from models.note import NoteSection


def ok(sentence: str, field: str, *facts: str, extra: str = "") -> bool:
    return check_sentence(sentence, [analyze(field, f) for f in facts], extra).ok


def test_a_faithful_rendering_is_accepted() -> None:
    assert ok("Client reported increased anxiety at work after a missed deadline.",
              "presenting_concerns", "increased anxiety at work after a missed deadline")
    assert ok("Client will ride one subway stop with a support person before the next "
              "session.", "plan", "ride one subway stop with support person before next "
                                  "session")
    assert ok("Client denied SI and HI.", "risk", "SI: denied", "HI: denied")
    assert ok("Client reported poor sleep.", "presenting_concerns", "pt reports poor sleep")
    assert ok("Follow-up will be in 1 week.", "plan", "f/u 1 wk")


def test_a_quotation_is_kept_word_for_word() -> None:
    fact = 'stated "I don\'t want my kids seeing me like my dad"'
    assert ok('Client stated, "I don\'t want my kids seeing me like my dad."', "client_response",
              fact)
    assert not ok('Client stated, "I don\'t want my kids seeing me like my father."',
                  "client_response", fact)


def test_negation_flips_are_rejected() -> None:
    assert not ok("Client endorsed suicidal ideation.", "risk", "denied suicidal ideation")
    assert not ok("Client was not engaged.", "client_response", "engaged")
    assert not ok("Client reported SI.", "risk", "no SI")
    assert not ok("Client was denied suicidal ideation.", "risk", "denied suicidal ideation")


def test_not_assessed_never_becomes_a_denial() -> None:
    assert ok("Risk was not assessed this session.", "risk", "not assessed this session")
    assert not ok("Client denied risk this session.", "risk", "not assessed this session")


def test_invented_numbers_words_medications_and_people_are_rejected() -> None:
    assert not ok("Anxiety was 8/10.", "client_response", "anxiety 7/10")
    assert not ok("Client will continue sertraline 100 mg.", "plan", "continue sertraline 50 mg")
    assert not ok("Client reported major depressive symptoms.", "presenting_concerns",
                  "low mood")
    assert not ok("Client and her mother reported low mood.", "presenting_concerns",
                  "low mood")
    assert not ok("Client mentioned suicide.", "presenting_concerns", "mentioned stress")


def test_a_dropped_fact_is_a_lost_fact() -> None:
    verdict = check_sentence("Client reported anxiety.", [analyze("presenting_concerns",
                                                                   "anxiety at work")])
    assert not verdict.ok and verdict.kind == "lost_fact"
    assert not ok("Anxiety was 7/10.", "client_response", "anxiety 7/10 at start and 4/10 at end")


def test_the_session_line_may_cite_only_the_appointment() -> None:
    line = "Client was seen for a 50-minute individual CBT session in the office on " \
           "November 18, 2026."
    extra = "2026-11-18 50 office individual CBT"
    assert check_sentence(line, [], extra).ok
    assert not check_sentence(line.replace("50-minute", "60-minute"), [], extra).ok
    assert not check_sentence(line, [], "2026-11-18 office individual CBT").ok


def test_form_markup_and_fragments_are_rejected() -> None:
    assert not ok("client denied SI.", "risk", "denied SI")
    assert not ok("Client denied SI", "risk", "denied SI")
    assert not ok("**Client** denied SI.", "risk", "denied SI")


def test_check_draft_finds_ungrounded_sentences_and_lost_facts() -> None:
    clauses = [analyze("presenting_concerns", "poor sleep"), analyze("risk", "denied SI")]
    edited = [NoteSection("Subjective", "Client reported poor sleep. Client started "
                                        "sertraline."), NoteSection("Plan", "Return.")]
    flags = check_draft(edited, clauses)
    kinds = sorted(str(f.kind) for f in flags)
    assert kinds == ["lost_fact", "ungrounded", "ungrounded"]  # sertraline; "Return."
    assert any("sertraline" in f.text for f in flags)
    assert not check_draft([NoteSection("Assessment", "Client reported poor sleep. Client "
                                                      "denied SI.")], clauses)
