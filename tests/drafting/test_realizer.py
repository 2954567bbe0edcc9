"""The realizer without a model: every fact said once, in a clinician's sentence, by the right
person, in the right tense, with every alternative faithful."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.facts_json import facts_from_file, facts_from_json
from drafting.pipeline import deterministic_draft
from drafting.realizer import plan_note
from drafting.split import split_facts
from drafting.verifier import check_sentence

from .faithful import assert_faithful, session_words
from .helpers import sample_files

CASES = sorted((Path(__file__).resolve().parent / "cases").glob("*.json"))
# Twenty sessions written for this suite by a clinician who never saw the code, in the heavy
# shorthand therapists type between sessions (their clinician-written notes are not kept here).
HELDOUT = sorted((Path(__file__).resolve().parent / "heldout").glob("*.json"))
# The sessions of the blind reviews (d: development, q, r, s: the fresh sets of the reviews
# of December 2026), written by helpers who never saw the code: held to faithfulness here;
# their reference notes (refs/) are for the next review, which needs a set of its own.
REVIEW_SETS = sorted((Path(__file__).resolve().parent / "review_sets").glob("*.json"))


def draft_of(prompts: dict[str, str], fmt: str = "soap", service: str = "individual",
             name: str = "Dana Cole", pronouns: str = "she/her") -> str:
    facts = facts_from_json({"format": fmt, "prompts": prompts, "client": {
        "name": name, "pronouns": pronouns}, "session": {
            "date": "2026-11-18", "minutes": 50, "modality": "office", "service": service,
            "approach": "CBT"}})
    return deterministic_draft(facts).text()


def test_split_facts_at_semicolons_lines_and_sentences() -> None:
    assert split_facts("engaged; identified two traps;  anxiety 7/10\n- slept well.") == [
        "engaged", "identified two traps", "anxiety 7/10", "slept well"]
    assert split_facts("Reported poor sleep. Denied SI.") == ["Reported poor sleep", "Denied SI"]
    assert split_facts("call Dr. Lee about dose. Return at 9 a.m.") == [
        "call Dr. Lee about dose", "Return at 9 a.m."]
    assert split_facts(" ;; \n") == []


@pytest.mark.parametrize("path", sample_files() + CASES + HELDOUT + REVIEW_SETS,
                         ids=lambda p: p.stem)
def test_every_alternative_of_every_sentence_is_faithful(path: Path) -> None:
    """Faithful by construction: whatever the model picks, the verifier accepts it."""
    facts = facts_from_file(path)
    plan = plan_note(facts)
    checked = 0
    for sentences in plan.sections.values():
        for sentence in sentences:
            if sentence.fixed and not sentence.clauses and sentence.render().startswith(
                    ("No ", "Nothing", "A risk assessment")):
                continue
            choices = sentence.choices()
            defaults = [c.default for c in choices]
            extra = session_words(facts) if sentence.fixed else ""
            for k, choice in enumerate(choices):
                for option in range(len(choice.options)):
                    picks = defaults[:k] + [option] + defaults[k + 1:]
                    text = sentence.render(picks)
                    verdict = check_sentence(text, sentence.clauses, extra)
                    assert verdict.ok, (path.stem, text, verdict.reason)
                    checked += 1
    assert checked > 0
    assert_faithful(facts, deterministic_draft(facts))


def test_facts_of_one_field_become_one_sentence_with_the_subject_varied() -> None:
    text = draft_of({"presenting_concerns": "poor sleep; worry about exams",
                     "client_response": "engaged; identified two thinking traps",
                     "risk": "denied SI", "plan": "daily thought record; breathing practice "
                                                  "twice a day"})
    # after the session line ("Client was seen ..."), the second sentence about her
    assert "was seen for a 50-minute" in text.split("Objective")[0]
    assert "She reported poor sleep and worry about exams." in text
    assert "Client was engaged and identified two thinking traps." in text
    assert "She denied SI." in text  # the second sentence in a row about her
    assert "will complete" in text and "and complete breathing practice twice a day" in text
    assert "The client reported" not in text and "The therapist used" not in text


def test_they_is_not_used_as_a_subject_unless_the_therapist_writes_it() -> None:
    text = draft_of({"client_response": "engaged", "risk": "denied SI"}, pronouns="they/them")
    assert "Client denied SI." in text and "They " not in text


def test_what_someone_else_did_stays_theirs() -> None:
    family = draft_of({"client_response": "son quiet early, more engaged later; father "
                                          "apologized for yelling",
                       "plan": "weekly family dinner without phones"}, fmt="girp",
                      service="family")
    assert "The son was quiet early and more engaged later" in family
    assert "the father apologized for yelling" in family.lower()
    assert "reported son" not in family and "The family will have" in family
    couple = draft_of({"client_response": "partner described feeling dismissed; both agreed "
                                          "to a weekly check-in"}, service="couple")
    assert "The partner described feeling dismissed" in couple
    assert "both agreed to a weekly check-in." in couple.lower()
    told = draft_of({"presenting_concerns": "boss gave positive review; wife worried"})
    assert "She reported that her boss gave" in told
    assert "reported that her wife was worried" in told


def test_an_observation_is_not_written_as_a_report() -> None:
    text = draft_of({"client_response": "tearful when discussing her father; fidgeting "
                                        "throughout"})
    assert "Client was tearful when discussing her father" in text
    assert "fidgeting throughout" in text
    assert "reported tearful" not in text and "reported fidgeting" not in text


def test_risk_is_never_reworded() -> None:
    denied = draft_of({"risk": "denied suicidal ideation, intent or plan"})
    assert "Client denied suicidal ideation, intent or plan." in denied
    assert "Risk was not assessed this session." in draft_of(
        {"risk": "not assessed this session"})
    assert "Risk was not assessed." in draft_of({"risk": "Risk: not assessed"})
    passive = draft_of({"risk": "passive SI two nights ago, no plan or intent now; safety "
                                "plan completed"})
    assert "passive SI two nights ago, no plan or intent now" in passive
    assert "safety plan was completed" in passive.lower() and "denied" not in passive
    missing = draft_of({"interventions": "validation"}, fmt="birp")
    assert "risk" not in missing.lower() and "denie" not in missing.lower()


def test_mental_status_keeps_every_descriptor() -> None:
    text = draft_of({"mental_status": "Alert, oriented x3, affect constricted, mood "
                                      "\"down\", thought process linear"})
    for words in ("alert and oriented x3", "Affect was constricted", "mood was \"down\"",
                  "thought process was linear"):
        assert words in text
    assert "Mental status was not assessed." in draft_of({"mental_status": "not assessed"})


def test_the_session_line_has_date_duration_modality_service_and_approach() -> None:
    text = draft_of({"plan": "return in 1 week"})
    assert ("Client was seen for a 50-minute individual CBT session in the office on "
            "November 18, 2026.") in text
    group = draft_of({"plan": "return"}, service="group")
    assert "Client attended a 50-minute group CBT session" in group


def test_tense_person_and_shorthand() -> None:
    text = draft_of({"presenting_concerns": "Pt reports poor sleep",
                     "interventions": "I taught box breathing; we practiced it twice",
                     "risk": "denies SI", "plan": "f/u 1 wk; pt to log sleep"})
    assert "She reported poor sleep." in text
    assert "Clinician taught box breathing." in text
    assert "Clinician and client practiced it twice." in text
    assert "Client denied SI." in text
    assert "Follow-up will be in 1 week." in text and "Client will log sleep." in text


def test_quotations_stay_exactly_as_written() -> None:
    text = draft_of({"client_response": '"I never said goodbye"; calmer by end'})
    assert 'Client said, "I never said goodbye," and was calmer by the end.' in text
    # shorthand outside the quotation is written out, never inside it; an ellipsis stays
    text = draft_of({"client_response": 'stated "I don\'t want my kids seeing me like my dad" '
                                        're: mom; defusion ("I\'m having the thought that...")'})
    assert '"I don\'t want my kids seeing me like my dad"' in text and "mother" in text
    assert '("I\'m having the thought that...")' in text


def test_the_assessment_is_built_from_the_impression_never_made_up() -> None:
    with_one = draft_of({"client_response": "engaged", "impression": "responding well to "
                         "exposure; anxiety symptoms decreasing; continued weekly therapy "
                         "medically necessary"})
    assert "is responding well to exposure." in with_one
    assert "Anxiety symptoms are decreasing" in with_one
    formulation = draft_of({"impression": "couple distress elevated but both motivated; "
                                          "twice weekly remains indicated"}, service="couple")
    # a formulation is the clinician's: kept as written, never given a guessed subject or verb
    assert "Clinical impression: couple distress elevated but both motivated." in formulation
    assert "Twice weekly remains indicated." in formulation
    assert "continued weekly therapy is medically necessary" in with_one.lower()
    without = facts_from_json({"prompts": {"client_response": "engaged"}})
    draft = deterministic_draft(without)
    assert "impression" not in draft.text()  # the flag asks; the note says nothing made up
    assert [f.section for f in draft.flags if f.kind == "no_impression"] == ["Assessment"]


def test_every_heading_and_no_empty_section() -> None:
    for fmt in ("soap", "dap", "birp", "girp", "pie"):
        facts = facts_from_json({"format": fmt, "prompts": {"plan": "walk daily"}})
        draft = deterministic_draft(facts)
        assert all(s.text.strip() for s in draft.sections)


def test_the_session_context_a_client_descriptor_and_a_present_report() -> None:
    text = draft_of({"presenting_concerns": "family session w/ pt and mother; 16 y/o client, "
                                            "missed 6 school days; misses his woodshop; now "
                                            "avoiding the gym"})
    assert "This was a family session with the client and her mother." in text
    assert "The 16-year-old client missed 6 school days" in text
    assert "reported missing his woodshop" in text
    assert "reported that she is now avoiding the gym" in text


def test_a_rating_of_several_situations_is_one_measure_and_a_technique_says_when() -> None:
    text = draft_of({"client_response": "walking into homeroom SUDS 85, sitting in car in "
                                        "school lot SUDS 30",
                     "interventions": "imaginal exposure: client described the crash twice; "
                                      "validated client feelings"})
    assert ("SUDS was 85 for walking into homeroom, 30 for sitting in the car in the school "
            "lot") in text
    idioms = draft_of({"presenting_concerns": "robbed at gunpoint last yr; anxious in vivo"})
    assert "at gunpoint" in idioms and "in vivo" in idioms  # no "the" before either
    assert "During imaginal exposure, client described the crash twice." in text
    assert "validated the client's feelings" in text
    assert "During validated" not in text


def test_appointments_and_calls_in_the_plan_are_said_by_who_and_how() -> None:
    text = draft_of({"plan": "phone session again next week; follow-up in 1 week telehealth; "
                             "call client Friday; pt's own goal = garden 2x/wk"})
    assert "A phone session will take place again next week." in text
    assert "Follow-up will be in 1 week via telehealth." in text
    assert "Clinician will call the client Friday." in text
    goals = draft_of({"goals": "pt's own goal = garden 2x/wk"})
    assert "Client's own goal is to garden twice a week." in goals


def test_who_did_it_stays_with_them() -> None:
    couple = draft_of({"client_response": 'Sam: "I feel like a roommate, not a partner."',
                       "mental_status": "engaged. Mom anxious, talkative. Sam briefly tearful."},
                      service="couple")
    assert 'Sam said, "I feel like a roommate, not a partner."' in couple
    assert "The mother was anxious and talkative." in couple
    assert "Sam was briefly tearful." in couple and "Client was engaged." in couple
    group = draft_of({"client_response": "Offered encouragement to a newer member; Sat with "
                                         "silence near the end"}, service="group")
    assert "Client offered encouragement to a newer member" in group
    assert "sat with silence near the end" in group and "Saturday" not in group
    plan = draft_of({"plan": "recommended father follow up with pediatrician; Family to "
                             "notice smoke moments"}, service="family")
    assert "Clinician recommended father follow up with pediatrician." in plan
    assert "The family will notice smoke moments." in plan
    assert "Client was not requiring higher LOC at this time." in draft_of(
        {"risk": "not requiring higher LOC at this time"})


def test_lists_keep_their_parentheses_and_labels() -> None:
    text = draft_of({"interventions": "interpersonal inventory (partner, MIL, sister); Topic: "
                                      "people, places, and things"})
    assert "an interpersonal inventory (partner, mother-in-law, sister)" in text
    assert "The topic was people, places, and things." in text
    assert "Clinician used OARS, a readiness ruler, and a decisional balance." in draft_of(
        {"interventions": "OARS; readiness ruler; decisional balance"})
    mse = draft_of({"mental_status": "A&O x4, speech nl, well groomed, uses humor; separated "
                                     "from father easily, smiled at the therapist"})
    assert "A&O x4" in mse and "Speech was normal" in mse and "well groomed" in mse
    assert "She used humor." in mse  # the name and the pronoun in turn
    assert "Client separated from father easily and smiled at the therapist." in mse


def test_named_people_ratings_and_how_the_session_was_held() -> None:
    text = draft_of({"presenting_concerns": "7 members present; Mom calls her daily crying",
                     "mental_status": "Phone. Oriented, coherent. Both alert, appropriately "
                                      "dressed. Andre restricted, looking at floor early.",
                     "interventions": "EFT stage 1: tracked the negative cycle",
                     "risk": "Elevated. Not imminent",
                     "plan": "discuss sleep with PCP; Dr. Reyes to reinforce skills; Linda to "
                             "call clinic tonight"}, service="group")
    assert "7 members were present." in text
    assert "Client reported that her mother calls her daily crying." in text  # a group session
    assert "By phone, " in text and "Both were alert and appropriately dressed." in text
    assert "Andre was restricted and looking at floor early." in text
    assert "clinician tracked the negative cycle" in text.lower()
    assert "Risk was elevated." in text and "Risk was not imminent." in text
    assert "Client will discuss sleep with her PCP." in text
    assert "Dr. Reyes will reinforce skills" in text
    assert "Linda will call the clinic tonight" in text


def test_a_risk_rating_is_the_clinicians_and_brackets_hold_their_sentence() -> None:
    text = draft_of({"risk": "no attempt; C-SSRS moderate risk; all meds (incl. mom's "
                             "sertraline) to be locked tonight",
                     "client_response": 'skeptical re: planner ("I\'ve tried 20 apps") but '
                                        "agreed to a paper planner",
                     "plan": "notify psychiatrist Dr. Reyes of risk change"})
    assert "C-SSRS moderate risk." in text and "reported C-SSRS" not in text
    assert any(f"(including {whose}mother's sertraline)" in text
               for whose in ("her ", "the ", ""))
    assert "reported her mother's" not in text
    assert '("I\'ve tried 20 apps")' in text
    assert "Clinician will notify psychiatrist Dr. Reyes of risk change." in text


def test_no_frame_is_forced_where_none_fits() -> None:
    """What the realizer cannot frame with confidence is said as the therapist wrote it; what
    it can is a sentence (the failures of a blind review on fresh sessions)."""
    plan = draft_of({"plan": "roommate invited to next session; lithium per Dr. Nguyen; "
                             "gentle start-up practice 1x/day; 1 wk"})
    assert "Roommate invited to the next session." in plan  # never "will invited"
    assert "Lithium per Dr. Nguyen." in plan  # never "will complete the lithium"
    assert "Client will complete gentle start-up practice once a day." in plan
    assert "The next session will be in 1 week." in plan
    done_to = draft_of({"presenting_concerns": "robbed at gunpoint last yr"})
    assert "She was robbed at gunpoint last year." in done_to  # never "Client robbed"
    risk = draft_of({"risk": "self-harm hx (cutting), last 8 mo ago. moderate chronic, low "
                             "acute risk"})
    assert "reported" not in risk.split("Assessment")[1]  # a rating is the clinician's
    assert "Moderate chronic, low acute risk." in risk
    techniques = draft_of({"interventions": "taught TIPP; willingness dial; ice-water demo"})
    assert "Clinician taught TIPP, and used a willingness dial and an ice-water demo." \
        in techniques  # one sentence of what the clinician did, in the order typed


def test_several_people_observed_keep_who_showed_what() -> None:
    couple = draft_of({"mental_status": "both tense, clt arms crossed first 20 min; Marcus "
                                        "quiet, looked at floor when criticized"},
                      service="couple")
    assert "Marcus was quiet and looked at the floor when criticized." in couple
    assert "Client looked" not in couple and "Client was quiet" not in couple
    assert "Both tense, client arms crossed first 20 minutes." in couple  # mixed: as written
    family = draft_of({"mental_status": "clt slouched, sarcastic; Greg arms folded; Lisa "
                                        "anxious, talked over others; both subdued; D "
                                        "fatigued, used cane",
                       "client_response": "dad eager, talked fast. D cried"}, service="family")
    for sentence in ("Client was slouched and sarcastic.", "Greg's arms were folded.",
                     "Lisa was anxious and talked over others.", "Both were subdued.",
                     "D was fatigued and used a cane.", "The father was eager and talked fast",
                     "D cried."):
        assert sentence in family
    assert "was cried" not in family
    family = draft_of({"presenting_concerns": "secretly exercising in room per brother",
                       "client_response": "built 2 houses"}, service="family")
    assert "reported secretly" not in family  # the brother's report, not the client's
    assert "Client built 2 houses." in family  # not "The family built"


def test_diagnoses_courses_and_shorthand_read_as_a_clinician_writes_them() -> None:
    note = draft_of({"presenting_concerns": "session 5 PE. phase 2 prep. caregiver support "
                                            "group (virtual), week 5. adult ADHD, dx 2025. "
                                            "Social anx; skipped dept happy hour. triggered by "
                                            "boss raising voice",
                     "interventions": "heightened clt's loneliness",
                     "client_response": "agreed to ask 1 q each section",
                     "plan": "no note gripping in Tues section; behav experiment at Xmas"})
    for sentence in ("This was session 5 of PE.", "This was phase 2 preparation.",
                     "This was a caregiver support group (virtual), week 5.",
                     "Client presents with adult ADHD, diagnosed in 2025.",  # no report
                     "was triggered by boss", "Clinician heightened the client's loneliness.",
                     "1 question each section", "No note gripping in Tuesday section."):
        assert sentence in note
    for shorthand in ("anx ", "dept", "behav ", "Xmas", "reported adult", "take no"):
        assert shorthand not in note
    assert "social anxiety" in note and "department" in note and "Christmas" in note


def test_openings_in_a_row_are_varied_and_nothing_is_lost() -> None:
    note = draft_of({"presenting_concerns": "tension headaches, worse at work\nnightmares, "
                                            "3x/wk",
                     "interventions": "EMDR phase 4 reprocessing target: headlights\nNC "
                                      "'I'm going to die' -> PC 'I survived'",
                     "risk": "SI/HI denied by both"}, service="couple")
    assert "Client reported tension headaches" in note
    assert "noted nightmares" in note  # not a second "reported"
    assert "Clinician also used NC" in note
    assert "Both denied SI/HI." in note
    told = draft_of({"presenting_concerns": "works part time\nShe reported headaches most "
                                            "afternoons"})
    assert "reported" in told and "noted headaches" not in told  # the therapist's own verb
    joint = draft_of({"interventions": "Restructuring: Greg and client spoke directly 3 min"},
                     service="family")
    assert "During restructuring, Greg and the client spoke directly 3 minutes." in joint


def test_others_plans_lists_and_asides_read_as_prose() -> None:
    note = draft_of({"presenting_concerns": "sleeping 4-5 hrs, nightmares 3x/wk\navoiding door "
                                            "handles, uses sleeve\ngoogling symptoms ~1 hr/night"
                                            "\ncannabis down from daily to weekends",
                     "interventions": "creative hopelessness (what have you tried to stop "
                                      "worry?)",
                     "plan": "Nate to offer phone proactively"}, service="couple")
    assert "sleeping 4-5 hours and nightmares 3 times a week" in note
    assert "avoiding door handles, uses sleeve" in note  # a verb after the comma keeps it
    assert "about 1 hour a night" in note
    assert "Cannabis was down" in note and "The cannabis" not in note
    assert "(what have you tried to stop worry?)" in note  # an aside is never re-parsed
    assert "Nate will offer phone proactively." in note


def test_who_the_client_is_and_labelled_techniques() -> None:
    note = draft_of({"presenting_concerns": "Iraq vet, IED 2007. TA for stats section",
                     "mental_status": "Affect: anxious, blushed when discussing teaching.\n"
                                      "Speech: soft.\nThought: logical, no psychosis. A&Ox3",
                     "interventions": "emotion regulation: check the facts, opposite action "
                                      "for shame"})
    assert "She is an Iraq veteran, IED 2007." in note  # never "reported Iraq vet"
    assert "is a TA for statistics section" in note
    assert "thought was logical" in note and "thought:" not in note
    assert "Emotion regulation: check the facts, opposite action for shame." in note
    assert ", with check the facts" not in note


def test_group_members_parents_and_named_things_keep_their_words() -> None:
    group = draft_of({"client_response": "member Joan shared same, client nodded"},
                     service="group")
    assert "Group member Joan shared same" in group and "The member" not in group
    family = draft_of({"presenting_concerns": "Dad (Kevin) attended",
                       "client_response": "calm place cue word 'porch', felt warm"},
                      service="family")
    assert "The father (Kevin) attended." in family
    assert "Client was calm place" not in family  # a noun phrase, not a state


def test_an_aside_first_and_how_things_are_going() -> None:
    note = draft_of({"presenting_concerns": "clt (PTSD, firefighter) avoiding crowded places\n"
                                            "work going OK\n(14) school refusal"})
    assert "avoiding crowded places (PTSD, firefighter)" in note
    assert "Work was going OK." in note and "The work going" not in note
    assert "(14)" in note  # an age in brackets stays where it was written


def test_a_quote_after_a_comma_is_said_by_whoever_did_the_rest() -> None:
    note = draft_of({"presenting_concerns": "checking his phone nightly, \"I can't stop\"\n"
                                            "dad works nights, \"he only talks to me about "
                                            "grades\"",
                     "client_response": "dad teared up, \"you're right\"\nrefused dinner "
                                        "twice, \"screaming at the table\""}, service="family")
    assert "checking his phone nightly and said, \"I can't stop.\"" in note
    assert "The father teared up and said, \"you're right.\"" in note
    # the client's words about the father, and a description in quotes: no speaker is made up
    assert "works nights and said" not in note and "twice and said" not in note


def test_who_came_who_prescribed_and_the_clients_shorthand_names() -> None:
    note = draft_of({"presenting_concerns": "Cl + partner Dana. Psychiatrist (Dr. Okafor) "
                                            "increased prazosin to 2mg qhs. argument "
                                            "escalated, cl left house. WASO 1-2x/night, awake "
                                            ">~20 min",
                     "mental_status": "Observed: pt hesitated ~2 min before touching the floor",
                     "client_response": "group member R. said \"that's huge\"",
                     "risk": "Hx cutting ages 15-19"}, service="couple")
    assert "Client attended with partner Dana." in note and "reported client and" not in note
    assert "(Dr. Okafor) increased prazosin" in note and "was increased" not in note
    assert "client left house" in note and " cl " not in note
    assert "1-2 times a night" in note and "above about 20 minutes" in note
    assert "Observed: client hesitated" in note and "Client observed" not in note
    assert "R. said, \"that's huge.\"" in note or "R. said \"that's huge" in note
    assert "History of cutting ages 15-19." in note


def test_a_named_person_speaks_and_owns_their_plan_item() -> None:
    note = draft_of({"presenting_concerns": "Fam session: (15), mother (Tanya), stepfather "
                                            "(Rob)",
                     "client_response": "Rob: \"I can back off and let Tanya lead on this.\"",
                     "plan": "Jordan: text before purchases >$100; Mom: labeled praise 1x "
                             "daily; cl: balloon breathing at bedtime"}, service="family")
    assert "Rob said, \"I can back off" in note and "During rob" not in note
    assert "Jordan will text before purchases above $100." in note
    assert "For Jordan" not in note and "client will text" not in note
    assert "Mother: labeled praise once daily." in note
    assert "Client will complete balloon breathing at bedtime." in note


def test_quotes_initials_and_observations_keep_their_speaker() -> None:
    note = draft_of({"mental_status": "Observed during imaginal: crying, gripping armrest",
                     "client_response": "Quiet when T. shared; later said 'hearing T. say it "
                                        "out loud made it sound less true.' D. acknowledged "
                                        "\"I came at you hard.\" Co-wrote flashcard: \"This is "
                                        "my schema. I don't have to text right now.\"",
                     "risk": "assessed low acute risk; SI/HI none observed"}, service="group")
    assert "Observed during imaginal: crying, gripping armrest." in note
    assert "Client observed" not in note
    assert "Client was quiet when T. shared" in note and "later said" in note
    assert "D. acknowledged" in note  # an initial takes no capital after it
    assert "I don't have to text right now." in note  # a quotation is never re-read
    assert "Clinician don't" not in note
    assert "Clinician assessed low acute risk." in note and "Client assessed" not in note
    told = draft_of({"risk": "considered overdose last wk, did not act. rated urge 4/10"})
    assert "Client considered" in told and "Clinician considered" not in told
    assert "Clinician rated" not in told  # the client's own rating


def test_another_professionals_note_and_who_considers_what() -> None:
    note = draft_of({"presenting_concerns": "PCP (Dr. Lin) note 3/30: pain mgmt referral placed",
                     "plan": "consider AUDIT-C next visit; consider grief group at senior center"})
    assert "PCP (Dr. Lin) note 3/30: pain management referral placed." in note
    assert "reported his PCP" not in note and "reported PCP" not in note
    assert "Clinician will consider an AUDIT-C next visit" in note
    assert "Clinician will consider grief group" not in note  # the client's to consider


def test_more_shorthand_and_the_clients_name_anywhere() -> None:
    note = draft_of({"presenting_concerns": "Grp picked up tension btw cl and D.; works til 7p. "
                                            "Cl's defiance targets stepdad. door closed + "
                                            "\"clingy at drop-off\". Y-BOCS 7-pt drop",
                     "plan": "eating d/o clinic intake 4/16; log dreams btw sessions"},
                    service="group")
    for written in ("between the client", "until 7p", "Client's defiance",
                    "and \"clingy at drop-off", "eating disorder clinic", "between sessions",
                    "7-pt drop"):
        assert written in note
    for shorthand in ("Grp", "btw", " til ", "Cl's", " + ", "d/o", "7-client"):
        assert shorthand not in note


def test_visit_kinds_numbered_quotes_and_what_a_habit_does() -> None:
    note = draft_of({"presenting_concerns": "Insomnia f/u, wk 4 CBT-I\nShared Mon coping w/ "
                                            "group",
                     "goals": "1. cut drinking to max 2/night\n2. \"be present for my kids\"",
                     "impression": "Napping undermining sleep drive. Tolerating processing "
                                   "well."}, fmt="girp")
    assert "This was an insomnia follow-up" in note and "reported insomnia" not in note
    assert "shared Monday coping" in note  # a weekday after a verb makes no name of it
    assert ", 2, " not in note and "\"be present for my kids.\"" in note
    assert "Client is napping" not in note and "Client is tolerating processing well" in note


def test_pipes_affect_qualifiers_and_whose_line_it_is() -> None:
    note = draft_of({"presenting_concerns": "Dad not present - works nights. Caffeine down to 1 "
                                            "cup",
                     "mental_status": "tired appearing, yawning. affect congruent, mildly "
                                      "restricted",
                     "interventions": "reviewed sleep diary | titrated TIB up 15 mins | cog "
                                      "restructuring re sleep"}, service="family")
    assert "Father not present: works nights." in note and "reported working" not in note
    assert "caffeine was down" in note.lower() and "that Caffeine" not in note
    assert "tired appearing" in note and "with tired appearing" not in note
    assert "ffect was congruent and mildly restricted" in note
    assert "|" not in note


def test_who_said_it_to_whom() -> None:
    note = draft_of({"client_response": "D. to clt: \"I'm scared that I'm failing you.\"\nclt "
                                        "to Greg: 'you're not my dad.'\nspontaneous memory of "
                                        "paramedic holding their hand"}, service="couple")
    assert "D. said to the client, \"I'm scared that I'm failing you.\"" in note
    assert "Client said to Greg, \"you're not my dad.\"" in note
    assert "During D." not in note and "Client was spontaneous" not in note


def test_initials_who_came_and_a_groups_topic() -> None:
    note = draft_of({"presenting_concerns": "Clt and partner J.\ncl (9) and foster mother (Ms. "
                                            "A.)\nTopic: 'Asking for Help.'",
                     "mental_status": "M. guarded initially, warmed up mid-session"},
                    service="couple")
    assert "Client attended with partner J." in note
    assert "Client (9) attended with foster mother (Ms. A.)." in note
    assert "reported Clt" not in note and "reported (9)" not in note
    assert "Topic: \"Asking for Help.\"" in note and "Client said, \"Asking" not in note
    assert "M. was guarded initially and warmed up mid-session." in note


def test_labels_within_labels_and_a_measure_with_its_aside() -> None:
    note = draft_of({"presenting_concerns": "Theme: money/spending - Jordan's purchases ~$600",
                     "measures": "CPSS-5 (child report) 28",
                     "risk": "Safety plan reviewed - still has it, coping card on phone"})
    assert "Theme: money/spending: Jordan's purchases about $600." in note
    assert "CPSS-5 (child report) was 28." in note
    assert "still has it" in note


def test_what_a_blind_review_marked_in_december_reads_right() -> None:
    """Lines of fresh review sessions that were garbled or wrongly attributed."""
    plan = draft_of({"plan": "Mom to sign release for school counselor. Next 2/10 4pm (2 wks). "
                             "clock turned away; f/u 2/17; i'll call dr. okafor re appetite; "
                             "library moms group Thurs w/ sister"}, fmt="dap", service="family")
    assert "The next session will be on 2/10 at 4 pm (2 weeks)." in plan
    assert "The clock turned away." in plan and "Follow-up will be on 2/17." in plan
    assert "Clinician will call Dr. Okafor regarding appetite." in plan  # never "I'll call"
    told = draft_of({"presenting_concerns": "said they had been angry at me for mentioning the "
                                            "break. Psychiatrist (Dr. Lee) increased prazosin",
                     "client_response": "Hesitant but agreed to attend Saturday game; "
                                        "Identified 'I'm unlovable' as key link; proud that "
                                        "asking partner worked",
                     "measures": "not assessed this sess",
                     "impression": "hearing is a high-risk trigger. Medically necessary."})
    assert "angry at the clinician for mentioning" in told
    assert "her psychiatrist (Dr. Lee) increased prazosin" in told  # no capital mid-sentence
    assert "Client was hesitant but agreed to attend Saturday game" in told
    assert 'identified "I\'m unlovable"' in told and "Identified" not in told
    assert "proud that asking partner worked" in told and "The proud" not in told
    assert "Measures were not assessed this session." in told
    assert "hearing is a high-risk trigger." in told and "Client is hearing" not in told
    assert "The medically" not in told
    couple = draft_of({"presenting_concerns": "pt (they/them) + partner Sam (she/her). M. "
                                              "responded without defensiveness",
                       "client_response": "M: feels 'like a failure'"}, service="couple",
                      pronouns="they/them")
    assert "Client (they/them) attended with partner Sam (she/her)." in couple
    assert "M. responded without defensiveness" in couple and "was responded" not in couple
    assert "Client reported feeling" not in couple  # M's words stay M's
    family = draft_of({"client_response": "Mom tearful - 'I thought I was helping'; practiced "
                                          "script in sess. parents report she ate 3 meals; "
                                          "refused dinner twice"}, service="family")
    assert "The mother practiced script in session" in family  # the act goes on with her
    assert "parents refused" not in family.lower()  # their report is of the client's act


def test_bare_plan_items_diagnoses_and_belief_ratings_read_as_sentences() -> None:
    """A plan of bare fragments, a diagnosis alone and "belief in SP 90% to 60%" were marked
    as shorthand in every blind-reviewed note; someone's task or a place stays as written."""
    plan = draft_of({"plan": "new window 11:30p-6:15a; no naps; pharmacy auto-refill; "
                             "fixed wake 7am; lithium per Dr. Nguyen; farmers market Saturday"})
    assert "Client will follow the new window 11:30p-6:15a, take no naps, and use" in plan
    assert "pharmacy auto-refill" in plan
    assert "Fixed wake 7 am." in plan and "will fixed" not in plan  # an adjective, not a verb
    assert "Lithium per Dr. Nguyen." in plan and "Farmers market Saturday." in plan
    family = draft_of({"plan": "weekly weigh-in; mother 10-minute special play daily"},
                      service="family")
    assert "The family will have a weekly weigh-in." in family
    assert "Mother 10-minute special play daily." in family  # the mother's task, as written
    told = draft_of({"presenting_concerns": "PPD, 10 wks postpartum (2nd baby). ETOH f/u. "
                                            "1 alcohol-free day this wk (Tues). 3 panic attacks",
                     "client_response": "belief in stuck point 90% -> 65%"})
    assert "Client presents with PPD, 10 weeks postpartum (2nd baby)." in told
    assert "1 alcohol-free day this week (Tuesday)" in told and "(Tuesday). 3" not in told
    assert "Belief in stuck point went from 90% to 65%." in told
    group = draft_of({"presenting_concerns": "CPT grp session 5. 6 of 8 members attended."},
                     service="group")
    assert "6 of 8 members attended" in group and "was attended" not in group
    assert "reported 6 of 8" not in group


def test_ambiguous_shorthand_is_never_guessed_into_a_person() -> None:
    note = draft_of({"presenting_concerns": "Sleep in 3-4 hr stretches (BF q3h). Stuck pt: "
                                            "\"It's my fault he died\""})
    assert "boyfriend" not in note and "BF every 3 hours" in note  # breastfeeding, perinatal
    assert "stuck point" in note.lower() and "stuck client" not in note.lower()
    kept = draft_of({"measures": "CPSS-5 28 on 1/7. Not given today.",
                     "plan": "call mom 1/22 by noon to confirm where they're staying"},
                    service="family")
    assert "Measures were not given today." in kept and "Not was given" not in kept
    assert "where they're staying" in kept  # "re" inside "they're" is no shorthand


def test_a_list_after_a_negation_stays_denied() -> None:
    """A blind review found "Client was seeing/hearing things." drafted from "denies w/d sx
    other than poor sleep - no shakes, sweats, seeing/hearing things": a flipped negation."""
    note = draft_of({"mental_status": "oriented. denies w/d sx other than poor sleep - no "
                                      "shakes, sweats, seeing/hearing things. No slurring, "
                                      "appeared sober"})
    assert "no shakes, sweats, seeing/hearing things." in note
    assert "was seeing" not in note and "and sweats" not in note
    assert "appeared sober" in note and "No slurring, appeared" not in note
