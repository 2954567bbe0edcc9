"""Session facts -> each section as a short clinical paragraph of planned sentences.

Facts of one field with the same actor are aggregated into one sentence ("Client was engaged
and identified two thinking traps."), up to the style's length; the subject is named, then
may become a pronoun; what someone else did keeps its own subject ("The father apologized for
yelling."); two short sentences of one field may be joined ("SUDS dropped from 8 to 3, and VOC
rose from 2 to 5."). Each sentence keeps its choices open for the ranker (see sentence.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from drafting import lexicon as lx
from drafting import wordclass as wc
from drafting.actors import CLIENT_ONLY_VERBS
from drafting.aggregation import (
    inner_comma,
    joinable,
    merge_same_verb,
    merged_clauses,
    predicate_words,
    room_for,
    segment_words,
    with_capital,
)
from drafting.appointments import is_appointment
from drafting.clauses import (
    Actor,
    Clause,
    Setting,
    Shape,
)
from drafting.documents.fields import document_field
from drafting.field_clauses import clauses_of
from drafting.formats import SESSION, section_fields
from drafting.goals import (
    goal_sentences,
)
from drafting.impression import impression_sentences
from drafting.mental_status import mental_status_sentences
from drafting.openings import vary_opening
from drafting.phrases import lower_first, slots
from drafting.predicates import (
    Own,
    Pred,
    own,
    predicate,
    reported_that,
)
from drafting.sentence import Choice, Segment, Sentence, lit
from drafting.sentence_subject import subject_key
from drafting.session_line import session_line
from drafting.shapes import verb_first
from drafting.shorthand import CLIENT_RE
from drafting.style import StyleProfile
from drafting.subject_phrases import other_subject
from drafting.subject_phrases import subject_segments as slots_subject
from drafting.subjects import name_tokens, names_someone, people_named
from drafting.voice import Voice, pronoun_key, unit_of
from models.session_facts import SessionFacts

EMPTY_SECTION = "Nothing was entered for this section."
FIXED_SENTENCES = frozenset({EMPTY_SECTION})
# Sections that hold the clinician's assessment: without an impression they say so.
ASSESSMENT_HEADINGS = frozenset({"Assessment", "Evaluation"})


@dataclass
class Plan:
    """Heading -> planned sentences, and every clause the draft must keep."""

    sections: dict[str, list[Sentence]]
    clauses: list[Clause] = field(default_factory=list)
    voice: Voice = field(default_factory=Voice)


def voice_for(facts: SessionFacts, style: StyleProfile) -> Voice:
    service = facts.session.service.strip().lower() or "individual"
    service = "couple" if service == "couples" else service
    return Voice(client=style.client, clinician=style.clinician,
                 pronoun=pronoun_key(facts.client_pronouns), service=service,
                 unit=unit_of(facts.client_name, service), use_pronouns=style.pronouns)


def plan_note(facts: SessionFacts, style: StyleProfile | None = None) -> Plan:
    style = style or StyleProfile()
    voice = voice_for(facts, style)
    setting = Setting(name_tokens(facts.client_name, facts.client_pronouns), voice.service,
                      facts.session.approach or "",
                      they_is_client=voice.service == "individual"
                      or facts.client_pronouns.lower().startswith("they"),
                      people=people_named(list(facts.prompts.values())))
    plan = Plan({}, [], voice)
    for heading, fields in section_fields(facts.format).items():
        section = _Section(voice, style)
        for name in fields:
            written = document_field(facts, name, setting, section)  # a document's own fields
            if written is not None:
                plan.clauses += written
                continue
            if name == SESSION:
                line = session_line(facts.session, voice, style.date_style)
                if line is not None:
                    section.add(line, subject="client")
                continue
            text = facts.prompt(name)
            if not text:
                # An empty risk field writes nothing: the note may not say what the therapist
                # did not (reviewers read "not documented" as a claim); the flag asks for it
                # and signing waits for an answer (models/completeness.py).
                continue
            if name == "mental_status":
                clauses = clauses_of(name, text, setting)
                plan.clauses += clauses
                for sentence in mental_status_sentences(text, voice, section.subject_in_turn()):
                    section.add(sentence, subject="client")
                continue
            clauses = clauses_of(name, text, setting)
            plan.clauses += clauses
            if name == "goals":
                for sentence in goal_sentences(clauses, voice):
                    section.add(sentence)
                continue
            if name == "impression":
                for sentence in impression_sentences(clauses, voice, [voice.client_subject()
                                                                      + " "]):
                    section.add(sentence)
                continue
            first = len(section.sentences)
            section.add_field(clauses, prose=_is_prose(text))
            if name == "plan" and heading != "Plan" and len(section.sentences) > first:
                section.sentences[first] = _labelled_plan(section.sentences[first], voice)
        # No impression entered: the flag asks for one (the editor shows it by the heading and
        # the completeness panel lists it); the note itself says nothing about its drafting.
        sentences = section.sentences or [Sentence([EMPTY_SECTION], [], fixed=True)]
        plan.sections[heading] = sentences
    return plan


class _Section:
    """Sentences of one section, and who the last one was about (for pronouns)."""

    def __init__(self, voice: Voice, style: StyleProfile) -> None:
        self.voice = voice
        self.style = style
        self.sentences: list[Sentence] = []
        self.last_subject = ""
        self.run = 0  # sentences in a row about the client

    def add(self, sentence: Sentence, subject: str = "") -> None:
        sentence.subject = subject  # type: ignore[attr-defined]
        if self.sentences and not self.style.bullets:  # a list's lines may open alike
            vary_opening(self.sentences[-1], sentence)
        self.sentences.append(sentence)
        self.run = self.run + 1 if subject == "client" and self.last_subject == "client" else (
            1 if subject == "client" else 0)
        self.last_subject = subject

    def client_subject(self, aux: tuple[str, str] | None = None) -> list[Segment]:
        """The client as a subject: named, and in every second sentence in a row about the
        client, the pronoun ("Client ... She ... Client ..."). "They" only where the
        therapist's own notes use it: for one client it can read as a plural."""
        voice = self.voice
        singular = f" {aux[0]}" if aux else ""
        pronoun_ok = voice.pronouns_allowed() and (not voice.plural_pronoun
                                                   or self.style.they_subject)
        if self.last_subject == "client" and pronoun_ok and self.run % 2 == 1:
            plural = f" {aux[1]}" if aux and voice.plural_pronoun else singular
            return [f"{voice.subject_pronoun.capitalize()}{plural} "]
        return [f"{voice.client_subject()}{singular} "]

    def subject_in_turn(self) -> Callable[[tuple[str, str] | None], list[Segment]]:
        """The client's subject for sentences a field writes all at once (mental status): the
        name and the pronoun in turn, from where the section stands ("Client used humor. She
        separated from father easily.")."""
        pronoun_next = [self.last_subject == "client" and self.run % 2 == 1]

        def subject(aux: tuple[str, str] | None = None) -> list[Segment]:
            saved = self.last_subject, self.run
            self.last_subject, self.run = ("client", 1) if pronoun_next[0] else ("", 0)
            try:
                return self.client_subject(aux)
            finally:
                self.last_subject, self.run = saved
                pronoun_next[0] = not pronoun_next[0]
        return subject

    # -- one field --------------------------------------------------------------------------
    def add_field(self, clauses: list[Clause], prose: bool = False) -> None:
        """Sentences for one field's clauses; ``prose``: the therapist wrote sentences, so
        each stays a sentence of its own."""
        items: list[tuple[str, Pred | Own]] = []
        age = ""
        for clause in clauses:
            if _AGE_RE.match(clause.text) and clause.field == "presenting_concerns":
                age = clause.text  # "11-year-old": said of the client in the next sentence
                continue
            key = subject_key(clause, self.voice)
            pred = predicate(clause, self.voice) if key else None
            if ((pred is None or clause.actor is Actor.OTHER)
                    and clause.field == "presenting_concerns" and not prose
                    and self.voice.service in ("individual", "group")
                    and (clause.actor is Actor.OTHER or clause.shape is Shape.CLAUSE)
                    and not _PRESENT_RE.match(clause.body)
                    and lx.words(clause.body)[:1] not in (["reported"], ["said"], ["stated"],
                                                          ["told"], ["shared"], ["described"])
                    and lx.words(clause.subject)[-1:] != ["client"]
                    and "clinician" not in lx.words(clause.body)):  # "informed me by phone"
                # in an individual session, what someone else did is what the client told
                key, pred = "client", reported_that(clause, self.voice)
            if pred is not None and (pred.lead == "reported that" or (
                    clause.field == "plan" and pred.lead not in ("will", ""))
                    or (clause.field != "mental_status" and inner_comma(clause.body))):
                # a fact with its own commas ("avoiding door handles, uses sleeve") joined to
                # another with "and" becomes a run-on: it keeps a sentence of its own
                pred.alone = True  # type: ignore[attr-defined]
            if age and key == "client" and pred is not None:
                pred.age = age  # type: ignore[attr-defined]
                pred.merged = [Clause("presenting_concerns", age, Shape.NOUN,  # type: ignore
                                      Actor.CLIENT, body=age)]
                age = ""
            if pred is not None:
                items.append((key, pred))
            elif clause.label or (clause.subject and clause.actor is Actor.CLIENT):
                items.append(("", self._labelled(clause)))
            else:
                items.append(("", own(clause, self.voice)))
        if age:  # an age and nothing said of the client after it
            items.append(("", Own(Clause("presenting_concerns", age, Shape.NOUN, Actor.CLIENT,
                                         body=age),
                                  [f"{self.voice.client_subject()} is an {age}"
                                   if age[:1] in "8" or age.startswith(("11-", "18-"))
                                   else f"{self.voice.client_subject()} is a {age}"])))
        pending: list[Sentence] = []
        i = 0
        while i < len(items):
            key, item = items[i]
            if isinstance(item, Own):
                pending.append(Sentence(with_capital(item.segments), [item.clause]))
                self._flush(pending, key)
                pending = []
                i += 1
                continue
            group: list[Pred] = [item]
            j = i + 1
            while ((not prose or 0 < item.clause.listed == items[j][1].clause.listed)
                   and j < len(items) and items[j][0] == key
                   and isinstance(items[j][1], Pred) and not getattr(item, "alone", False)
                   and not getattr(items[j][1], "alone", False)
                   and len(group) < room_for(group, items[j][1], self.style.max_predicates)
                   and predicate_words(group) + segment_words(items[j][1].segments)
                   <= self.style.max_words):
                nxt = items[j][1]
                assert isinstance(nxt, Pred)
                group.append(nxt)
                j += 1
            pending.append(self._sentence(key, group))
            self._flush(pending, key)
            pending = []
            i = j
        self._join_labelled()
        self._join_short()

    def _labelled(self, clause: Clause) -> Own:
        """"Goal 1: reduce panic" -> "Goal 1 is to reduce panic"; "ERP: left stove unchecked"
        -> "During ERP, client left the stove unchecked"; "ERP homework: leave home after one
        check" -> "For ERP homework, client will leave home after one check"."""
        voice = self.voice
        if clause.subject and clause.actor is Actor.CLIENT and not clause.label:
            first_word = lx.words(clause.body)[:1]
            if first_word and (first_word[0] in lx.PAST_VERBS or wc.is_past(first_word[0])):
                # "first time pt named a reason to change": what the client did
                return Own(clause, slots_subject(clause.subject, voice) + lit(" ")
                           + [lower_first(clause.body)])
            return Own(clause, slots_subject(clause.subject, voice) + lit(" ", Choice(
                ("has been ", "is ", "was "), 0, "copula")) + [lower_first(clause.body)])
        actor = clause.actor
        f = clause.field
        label = clause.label
        if f == "interventions" and label and verb_first(label) and "-" not in \
                label.split()[0]:  # not "solution-focused: ..."
            # "explored transference: pt apologized repeatedly": the clinician's act, then
            # what happened in it
            inner = Clause(f, clause.text, clause.shape, actor, clause.subject, clause.body,
                           named=clause.named)
            rest = self._one(inner).segments
            if rest and isinstance(rest[0], str):
                rest = lit(lower_first(rest[0])) + rest[1:]
            return Own(clause, lit(f"{voice.clinician} ", *slots(lower_first(label), voice,
                                                                 verb_first=True), ": ") + rest)
        if f == "interventions" and clause.shape is Shape.VERB and actor is Actor.THERAPIST \
                and not clause.named and lx.words(clause.body)[:1] and \
                lx.words(clause.body)[0] in CLIENT_ONLY_VERBS:
            actor = Actor.CLIENT  # "in vivo ERP: touched the door handle": the client did
        inner = Clause(f, clause.text, clause.shape, actor, clause.subject, clause.body,
                       named=clause.named)
        if f == "goals" and clause.shape is Shape.VERB:
            return Own(clause, [f"{label} is to {lower_first(clause.body)}"])
        if f == "interventions" and clause.shape is Shape.NOUN and \
                lx.words(label) and lx.words(label)[0] in _TOPIC_LABELS:
            # "Topic: people, places, and things": what the session was about
            return Own(clause, lit(f"The {label.lower()} was ") + slots(clause.body, voice))
        if f == "interventions" and clause.shape is Shape.NOUN and len(clause.body.split()) <= 3:
            return Own(clause, [voice.clinician, " ", Choice(
                ("used ", "provided ", "conducted "), 0, "verb"), lower_first(label),
                f" ({clause.body})"])  # "Clinician used defusion (leaves on a stream)."
        if f == "interventions" and clause.shape is Shape.NOUN:
            # "Emotion regulation: check the facts, opposite action for shame." (never "used
            # emotion regulation, with check the facts")
            return _as_labelled(clause, label, voice)
        if clause.shape is Shape.NOUN and f not in ("presenting_concerns", "interventions"):
            named = lit(voice.client_mid(), " ") if clause.named and \
                clause.actor is Actor.CLIENT else lit()  # "scaling: pt 3/10" keeps the client
            return _as_labelled(clause, label, voice, named)
        if f == "presenting_concerns" and clause.shape is Shape.NOUN:
            if clause.body[:1].isdigit() and not {"goal", "goals"} & set(lx.words(label)):
                # "sleep: 4-5 hrs" was told; "goals: 1) ..." are the treatment's, no report
                return Own(clause, [voice.client, " reported ", lower_first(label), " of ",
                                    clause.body])
            return Own(clause, [label[0].upper() + label[1:], ": ", clause.body])
        if f == "risk" or (f == "interventions" and clause.shape is Shape.QUOTE
                           and clause.actor is Actor.CLIENT):
            # "HI screened: intrusive, unwanted, no intent/plan": as screened; "values card
            # sort: "connection", "music"": what the exercise gave, as written
            return _as_labelled(clause, label, voice)
        if f == "interventions" and clause.shape is Shape.VERB and not clause.named and \
                not clause.subject and (_CLIENT_PRACTICE_RE.search(label)
                                        or lx.words(clause.body)[:1] != []
                                        and lx.words(clause.body)[0] not in _CLINICIAN_ACTS):
            # "in-session ERP: touched the door handle": the therapist did not say who did it
            # (an exposure is often the client's, a model the clinician's); kept as written
            return Own(clause, lit(label[0].upper() + label[1:], ": ")
                       + slots(lower_first(clause.body), voice, verb_first=True))
        if lx.words(label)[:1] and lx.words(label)[0] in _TOPIC_LABELS or (
                f in ("presenting_concerns", "client_response") and names_someone(label)
                and not CLIENT_RE.match(label + " ")):
            # "Topic: 'Asking for Help.'" is the group's topic, never the client's words;
            # "Dad not present - works nights": whose the rest is stays as written, never
            # "Client reported working nights"
            return _as_labelled(clause, label, voice)
        if f == "plan" and _names_a_person(label):
            # "Jordan: text before purchases" is Jordan's task, "Mom: labeled praise daily"
            # the mother's: never "For Jordan, client will text ..."
            person = lx.ABBREVIATIONS.get(label.lower(), label)
            if CLIENT_RE.fullmatch(label.strip() + " "):
                person_clause = Clause(f, clause.text, clause.shape, Actor.CLIENT, "",
                                       clause.body)
                if clause.shape is Shape.VERB:
                    return Own(clause, self._one(person_clause).segments)
                person = voice.client
            elif clause.shape is Shape.VERB:
                return own(Clause(f, clause.text, Shape.VERB, Actor.OTHER, person,
                                  clause.body), voice)
            return _as_labelled(clause, person, voice)
        sentence = self._one(inner)
        lead = {"interventions": "During", "client_response": "During", "plan": "For"}.get(f)
        text_segments = list(sentence.segments)
        if lx.words(label)[:1] and lx.words(label)[0] in _WHEN_WORDS and text_segments:
            # "afterward: 'I didn't know ...'" -> "Afterward, client said, ..."
            if isinstance(text_segments[0], str):
                text_segments[0] = lower_first(text_segments[0])
            when = slots(label[0].upper() + label[1:], voice)  # "At [the] end of session"
            return Own(clause, when + lit(", ") + text_segments)
        if lead and text_segments and isinstance(text_segments[0], str):
            text_segments[0] = lower_first(text_segments[0])
            return Own(clause, lit(f"{lead} ") + slots(lower_first(label), voice,
                                                       object_start=True, after=lead.lower())
                       + lit(", ") + text_segments)
        return Own(clause, lit(label[0].upper() + label[1:], ": ") + text_segments)

    def _one(self, clause: Clause) -> Sentence:
        """A clause alone, as the section would say it after a sentence about nobody."""
        key = subject_key(clause, self.voice)
        pred = predicate(clause, self.voice) if key else None
        saved, self.last_subject = self.last_subject, ""
        try:
            if pred is not None:
                return self._sentence(key, [pred])
            return Sentence(with_capital(own(clause, self.voice).segments), [clause])
        finally:
            self.last_subject = saved

    def _flush(self, sentences: list[Sentence], key: str) -> None:
        for sentence in sentences:
            self.add(sentence, subject=key)

    def _sentence(self, key: str, preds: list[Pred]) -> Sentence:
        preds = merge_same_verb(preds)
        first = preds[0]
        needs_agreement = any(p.aux for p in preds[1:])
        age = getattr(first, "age", "")
        if key == "client" and age:
            subject: list[Segment] = [f"The {age} {self.voice.client_mid()} "
                                      + (f"{first.aux[0]} " if first.aux else "")]
            plural = False
        elif key == "client":
            if needs_agreement and self.voice.plural_pronoun:
                subject = [f"{self.voice.client_subject()} "
                           + (f"{first.aux[0]} " if first.aux else "")]
            else:
                subject = self.client_subject(first.aux)
            plural = False
        elif key == "therapist":
            subject, plural = [f"{self.voice.clinician} "], False
        elif key == "joint":
            subject, plural = [f"{self.voice.joint()} "], True
        elif key == "unit":
            subject, plural = [f"{self.voice.client_subject()} "], False
        elif key == "family":
            subject, plural = ["The family "], False
        elif key == "couple":
            subject, plural = ["The couple "], False
        else:  # another person: "other:father"
            subject, plural = other_subject(key.split(":", 1)[1], self.voice)
            subject = with_capital(subject) + [" "]
        if key != "client" and first.aux:
            subject = subject + [f"{first.aux[1] if plural else first.aux[0]} "]
        body: list[Segment] = []
        for n, pred in enumerate(preds):
            segments = list(pred.segments)
            if n:
                last = body[-1] if body else ""
                pair = len(preds) == 2 and not any(_has_and(p) for p in preds)
                joiner = (" and " if n == len(preds) - 1 and pair else
                          (", and " if n == len(preds) - 1 else ", "))
                if isinstance(last, str) and last.endswith(("\"", "”")):
                    # 'said, "...," and was calmer': a quote's own period becomes the comma
                    inner = last[:-1]
                    if inner.endswith(".") and not inner.endswith(".."):
                        inner = inner[:-1]
                    body[-1] = inner + ("" if inner.endswith(("!", "?", ",")) else ",") + last[-1]
                    joiner = " " + joiner.strip(", ") + " " if joiner.strip(", ") else " "
                body.append(joiner)
                if pred.aux and not (pred.state and preds[n - 1].state):
                    body.append(f"{pred.aux[1] if plural else pred.aux[0]} ")
                head = segments[0] if segments else None
                if isinstance(head, str) and head.startswith("will ") and \
                        preds[n - 1].lead == "will":
                    # "will keep a log and practice breathing"
                    segments = (lit(head[5:]) if head[5:] else lit()) + segments[1:]
            body += segments
        segments = with_capital(subject) + body
        return Sentence(segments, [p.clause for p in preds] + merged_clauses(preds))

    def _join_labelled(self) -> None:
        """"Progress: X." "Progress: Y." -> "Progress: X; Y." (one label, not a template)."""
        out: list[Sentence] = []
        for sentence in self.sentences:
            prev = out[-1] if out else None
            label = _label_of(sentence)
            if prev is not None and label and _label_of(prev) == label:
                rest = list(sentence.segments)
                rest[0] = rest[0][len(label):] if isinstance(rest[0], str) else rest[0]
                out[-1] = Sentence(prev.segments + lit("; ") + rest,
                                   prev.clauses + sentence.clauses)
                continue
            out.append(sentence)
        self.sentences = out

    def _join_short(self) -> None:
        """Two short sentences of one field with different subjects may become one:
        "The father agreed to 11 pm on weekends, and the son accepted." The model decides."""
        out: list[Sentence] = []
        for sentence in self.sentences:
            prev = out[-1] if out else None
            if (prev is not None and not prev.fixed and not sentence.fixed and prev.clauses
                    and sentence.clauses and prev.clauses[0].field == sentence.clauses[0].field
                    and not getattr(prev, "joined", False)
                    and len(prev.render().split()) <= 9 and len(sentence.render().split()) <= 9
                    and not _LEADING_LABEL_RE.match(sentence.render())  # never "and Mother:"
                    and all(joinable(c) for c in prev.clauses + sentence.clauses)
                    # "The clock turned away, and follow-up will be on 2/10": never
                    and not any(is_appointment(c.text) for c in prev.clauses + sentence.clauses)
                    and not {getattr(prev, "subject", ""), getattr(sentence, "subject", "")}
                    & _NAMED_SUBJECTS):
                head = sentence.segments[0]
                typed_lower = sentence.clauses[0].text[:1].islower()
                if isinstance(head, str):
                    low = head[0].lower() + head[1:] if typed_lower and not re.match(
                        r"[A-Z]{2,}", head) else lower_first(head)
                    junction: list[Segment] = [Choice(
                        (", and " + low, ". " + head[0].upper() + head[1:]), 0,
                        "connective")]
                else:
                    junction = [Choice((", and ", ". "), 0, "connective"), head]
                joined = Sentence(prev.segments + junction + sentence.segments[1:],
                                  prev.clauses + sentence.clauses)
                joined.joined = True  # type: ignore[attr-defined]
                out[-1] = joined
                continue
            out.append(sentence)
        self.sentences = out


# What only a clinician does in a session: after a label, an unnamed act with another verb
# ("in-session: held chef's knife 10 min") may be the client's and is kept as written.
_CLINICIAN_ACTS = frozenset({
    "taught", "reviewed", "explored", "coached", "provided", "modeled", "modelled", "validated",
    "reflected", "assigned", "introduced", "processed", "discussed", "assessed", "administered",
    "facilitated", "guided", "conducted", "tracked", "named", "reframed", "normalized",
    "challenged", "elicited", "summarized", "praised", "prompted", "encouraged", "demonstrated",
    "used", "led", "interpreted", "linked", "highlighted", "offered", "explained"})
# Labels of work the client often does in session, where an unnamed act may be either's.
_CLIENT_PRACTICE_RE = re.compile(r"\b(?:exposure|erp|vivo|imaginal|interoceptive|enactment|"
                                 r"role-?play|rehearsal|practice|experiment|behavioral)\b",
                                 re.IGNORECASE)


# Sentences about these are not joined to another ("The father agreed, and the son ...").
_NAMED_SUBJECTS = frozenset({"client", "therapist", "joint", "unit", "family", "couple"})


_LEADING_LABEL_RE = re.compile(r"^[A-Z][\w/-]*(?:\s[\w/-]+){0,2}:\s")


# Labels that name what a session was about ("Topic: 'Asking for Help.'"), never a speaker
_TOPIC_LABELS = frozenset({"topic", "theme", "focus", "module", "skill", "title", "handout"})


def _as_labelled(clause: Clause, label: str, voice: Voice,
                 named: list[Segment] | None = None) -> Own:
    """"Label: the rest as written", with the label's first letter a capital."""
    return Own(clause, lit(label[0].upper() + label[1:], ": ") + (named or [])
               + slots(clause.body, voice))


def _names_a_person(label: str) -> bool:
    """"Jordan", "Mom", "cl", "parents": a label that says whose a plan item is."""
    words = lx.words(label)
    return len(words) == 1 and (words[0] in lx.CLIENT_WORDS or words[0] in ("mom", "dad")
                                or names_someone(label) and not wc.can_be_noun(words[0])
                                or words[0] in lx.RELATION_NOUNS or words[0] in lx.PERSON_NOUNS)


def _labelled_plan(sentence: Sentence, voice: Voice) -> Sentence:
    """The plan inside a section of another name (PIE's Evaluation) says that it is the plan:
    "Plan: client will practice TIPP once a day."""
    head = sentence.segments[0] if sentence.segments else ""
    if not isinstance(head, str):
        return sentence
    pronoun = f"{voice.subject_pronoun.capitalize()} "
    if head.startswith(pronoun):  # "Plan: client will ...", not "Plan: she will ..."
        head = f"{voice.client_mid()} {head[len(pronoun):]}"
    labelled = Sentence(lit("Plan: ", lower_first(head)) + sentence.segments[1:], sentence.clauses)
    labelled.subject = getattr(sentence, "subject", "")  # type: ignore[attr-defined]
    return labelled


_PRESENT_RE = re.compile(r"^(?:were\s+|was\s+)?(?:present|absent|in attendance|attended)\b",
                         re.IGNORECASE)


def _has_and(pred: Pred) -> bool:
    """A predicate that is itself a list ("denied SI and HI"): then the list of predicates
    takes commas."""
    return bool(getattr(pred, "merged", []))


_AGE_RE = re.compile(r"^\d{1,2}-year-old$", re.IGNORECASE)


def _is_prose(text: str) -> bool:
    """Did the therapist write sentences (not shorthand)? Then each stays as written."""
    sentences = [s for s in re.split(r"(?<=[a-z0-9)\"”][.!?])\s+(?=[A-Z])", text.strip()) if s]
    return len(sentences) > 1 and all(s[:1].isupper() for s in sentences) and \
        sum(len(s.split()) for s in sentences) / len(sentences) >= 7


# A label that says when or where ("afterward", "in role-play", "at the end") leads its
# sentence as it is.
_WHEN_WORDS = frozenset({"afterward", "afterwards", "after", "later", "then", "initially",
                         "first", "at", "in", "during", "before", "by", "toward", "towards",
                         "finally", "eventually", "subsequently", "next", "earlier", "early",
                         "midway", "throughout", "when", "while", "on", "from"})


def _label_of(sentence: Sentence) -> str:
    first = sentence.segments[0] if sentence.segments else ""
    if isinstance(first, str) and first in ("Progress: ", "Clinical impression: "):
        return first
    return ""
