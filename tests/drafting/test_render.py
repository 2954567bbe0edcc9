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
    assert items["call Dr. Lee about dose"].sentence == "The client will call Dr. Lee about dose."
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


def test_frames_fit_the_shape_of_the_shorthand() -> None:
    cases = {
        ("presenting_concerns", "intrusive memories of the accident"):
            "The client reported intrusive memories of the accident.",
        ("presenting_concerns", "increased anxiety at work"):
            "The client reported increased anxiety at work.",
        ("presenting_concerns", "Pt's wife left 2 months ago"):
            "The client's wife left 2 months ago.",
        ("presenting_concerns", "Clt discussed conflict with boss"):
            "The client discussed conflict with boss.",
        ("presenting_concerns", "pt drinking more"): "The client reported drinking more.",
        ("client_response", "Engaged, tearful when discussing her mother"):
            "The client was engaged, tearful when discussing her mother.",
        ("client_response", "engaged in role-play"): "The client engaged in role-play.",
        ("client_response", "SUDS dropped from 8 to 3"):
            "The client reported that SUDS dropped from 8 to 3.",
        ("client_response", "rode the bus with sister"): "The client rode the bus with sister.",
        ("client_response", "both agreed to a time-out rule"):
            "The therapist observed that both agreed to a time-out rule.",
        ("client_response", "willing to try"): "The client was willing to try.",
        ("interventions", "set boundaries around phone use"):
            "The therapist set boundaries around phone use.",
        ("interventions", "guided imagery"): "The therapist used guided imagery.",
        ("interventions", "Therapist provided psychoeducation"):
            "The therapist provided psychoeducation.",
        ("interventions", "group taught opposite action"):
            "The therapist noted that the group taught opposite action.",
        ("goals", "rebuild trust"): "The therapist and client addressed the goal to rebuild trust.",
        ("goals", "sobriety"): "The therapist and client addressed the following goal: sobriety.",
        ("goals", "Goal 2: ride the bus alone"):
            "The therapist and client addressed Goal 2, to ride the bus alone.",
        ("plan", "pt to return in 2 weeks"): "The client will return in 2 weeks.",
        ("plan", "mother to practice with him"):
            "The therapist and client planned for the mother to practice with him.",
        ("plan", "review in 2 weeks"): "The therapist and client will review in 2 weeks.",
        ("plan", "refer to psychiatry"): "The therapist will refer to psychiatry.",
        ("plan", "will review homework"): "The therapist and client will review homework.",
        ("mental_status", "not assessed"):
            "The therapist noted that mental status was not assessed.",
        ("goals", "Goal: reduce panic"):
            "The therapist and client addressed the goal to reduce panic.",
        ("risk", "Not assessed today"): "The therapist noted that risk was not assessed today.",
    }
    for (field, text), expected in cases.items():
        assert render_fact(field, text) == expected, (field, text)


def test_lists_quotes_and_titles_split_cleanly() -> None:
    assert split_facts("1) reviewed homework 2) taught grounding 3) role-play") == [
        "reviewed homework", "taught grounding", "role-play"]
    assert split_facts("1. Reduce panic (PHQ-9 < 10). 2. Improve sleep") == [
        "Reduce panic (PHQ-9 < 10)", "Improve sleep"]
    assert split_facts('States "I feel stuck." Discussed money') == [
        'States "I feel stuck."', "Discussed money"]
    assert render_fact("presenting_concerns", 'States "I feel stuck."') == (
        'The client states "I feel stuck".')
    assert split_facts("PHQ-9 of 14. Sleeping 5 hours") == ["PHQ-9 of 14", "Sleeping 5 hours"]


def test_session_sentence_drops_digits_and_names_an_approach() -> None:
    facts = facts_from_json({"session": {"modality": "office", "service": "group",
                                         "approach": "12-step facilitation"},
                             "prompts": {"plan": "x"}})
    assert plan_sections(facts)["Objective"][0].sentence == (
        "The therapist met with the client for a group session in the office.")
    facts = facts_from_json({"session": {"service": "individual", "approach": "Psychodynamic"},
                             "prompts": {"plan": "x"}})
    assert plan_sections(facts)["Objective"][0].sentence == (
        "The therapist met with the client for an individual session using a psychodynamic "
        "approach.")


def test_the_client_named_by_the_therapist_is_the_client() -> None:
    facts = facts_from_json({"client": {"name": "Wei Chen", "pronouns": "he/him"},
                             "prompts": {"presenting_concerns": "Mr. Chen reports poor sleep; "
                                         "Mrs. Chen called twice; Wei's son is applying",
                                         "client_response": "Wei was tearful"}})
    sentences = [f.sentence for fs in plan_sections(facts).values() for f in fs]
    assert "The client reports poor sleep." in sentences
    assert "The client reported Mrs. Chen called twice." in sentences  # maybe his wife
    assert "The client's son is applying." in sentences
    assert "The client was tearful." in sentences


def test_a_phrase_with_its_own_participle_is_noted_not_planned() -> None:
    assert render_fact("plan", "safety plan completed in session") == (
        "The therapist noted the following plan: safety plan completed in session.")
    assert render_fact("plan", "daily thought record") == (
        "The therapist and client planned daily thought record.")
    assert render_fact("interventions", "homework reviewed") == (
        "The therapist noted the following intervention: homework reviewed.")
    assert render_fact("client_response", "N/A") == "The therapist recorded N/A for this item."
