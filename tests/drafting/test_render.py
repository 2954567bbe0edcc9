from __future__ import annotations

from drafting.facts_json import facts_from_json
from drafting.render import RISK_NOT_RECORDED, plan_sections, render_fact, render_risk, split_facts


def test_split_facts_at_semicolons_lines_and_sentences() -> None:
    assert split_facts("engaged; identified two traps;  anxiety 7/10\n- slept well.") == [
        "engaged", "identified two traps", "anxiety 7/10", "slept well"]
    assert split_facts("Reported poor sleep. Denied SI.") == ["Reported poor sleep", "Denied SI"]
    assert split_facts(" ;; \n") == []


def test_facts_keep_the_therapists_words_verbatim() -> None:
    for field in ("presenting_concerns", "interventions", "client_response", "plan", "goals",
                  "progress", "mental_status"):
        sentence = render_fact(field, "taught 4-7-8 breathing with DEAR MAN")
        assert "4-7-8 breathing with DEAR MAN" in sentence
        assert sentence[0].isupper() and sentence.endswith(".")


def test_sentences_have_a_third_person_subject() -> None:
    assert render_fact("presenting_concerns", "low energy") == "The client reported low energy."
    assert render_fact("interventions", "validation") == "The therapist used validation."
    assert render_fact("interventions", "taught box breathing") == (
        "The therapist taught box breathing.")
    assert render_fact("client_response", "engaged") == "The client was engaged."
    assert render_fact("client_response", "father apologized for yelling") == (
        "The therapist observed that the father apologized for yelling.")
    assert render_fact("presenting_concerns", "mother reports poor sleep") == (
        "The therapist noted that the mother reports poor sleep.")
    assert render_fact("plan", "complete activity log") == "The client will complete activity log."
    assert render_fact("presenting_concerns", "client reports poor sleep") == (
        "The client reports poor sleep.")


def test_risk_is_never_reworded() -> None:
    assert render_risk("denied suicidal ideation, intent or plan") == (
        "The client denied suicidal ideation, intent or plan.")
    assert render_risk("not assessed this session") == (
        "The therapist noted that risk was not assessed this session.")
    assert render_risk("Risk: not assessed") == "The therapist noted that risk was not assessed."
    passive = render_risk("passive SI two nights ago, no plan or intent now")
    assert "passive SI two nights ago, no plan or intent now" in passive
    assert "denied" not in passive.lower()


def test_missing_risk_is_said_plainly_not_filled_in() -> None:
    facts = facts_from_json({"format": "birp", "prompts": {"interventions": "validation"}})
    sentences = [f.sentence for items in plan_sections(facts).values() for f in items]
    assert RISK_NOT_RECORDED in sentences
    assert not any("denie" in s.lower() for s in sentences)


def test_risk_and_mental_status_never_go_to_the_model() -> None:
    facts = facts_from_json({"prompts": {
        "presenting_concerns": "thoughts of suicide after a breakup; poor sleep",
        "mental_status": "flat affect", "risk": "denied SI"}})
    items = [f for fs in plan_sections(facts).values() for f in fs]
    by_text = {f.text: f.rephrase for f in items if f.text}
    assert by_text == {"thoughts of suicide after a breakup": False, "poor sleep": True,
                       "flat affect": False, "denied SI": False}


def test_quotes_first_person_and_abbreviations() -> None:
    facts = facts_from_json({"prompts": {
        "client_response": 'said "I feel calmer"; tearful at times',
        "interventions": "I taught box breathing; we practiced it twice",
        "plan": "call Dr. Lee about dose. Return in 2 weeks"}})
    items = {f.text: f for fs in plan_sections(facts).values() for f in fs if f.text}
    assert items['said "I feel calmer"'].rephrase is False
    assert items['said "I feel calmer"'].sentence == 'The client said "I feel calmer".'
    assert items["tearful at times"].sentence == "The client was tearful at times."
    assert items["I taught box breathing"].sentence == "The therapist taught box breathing."
    assert items["we practiced it twice"].sentence == (
        "The therapist and client practiced it twice.")
    assert "call Dr. Lee about dose" in items
    assert items["Return in 2 weeks"].sentence == "The client will return in 2 weeks."


def test_mental_status_is_one_sentence() -> None:
    facts = facts_from_json({"prompts": {"mental_status": "Alert; mood irritable; affect flat"}})
    items = [f for fs in plan_sections(facts).values() for f in fs if f.field == "mental_status"]
    assert [f.sentence for f in items] == [
        "The therapist observed the following mental status: alert; mood irritable; affect flat."]


def test_session_sentence_has_no_numbers() -> None:
    facts = facts_from_json({"session": {"minutes": 53, "modality": "telehealth",
                                         "service": "individual", "approach": "CBT"},
                             "prompts": {"plan": "x"}})
    line = plan_sections(facts)["Objective"][0].sentence
    assert line == ("The therapist met with the client for an individual session via "
                    "telehealth using CBT.")
