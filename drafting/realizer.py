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
from drafting.labelled import labelled, labelled_plan
from drafting.mental_status import mental_status_sentences
from drafting.openings import vary_opening
from drafting.own_clauses import own, reported_that
from drafting.phrases import lower_first
from drafting.predicates import (
    Own,
    Pred,
    predicate,
)
from drafting.sentence import Choice, Segment, Sentence, lit
from drafting.sentence_subject import subject_key
from drafting.session_line import session_line
from drafting.style import StyleProfile
from drafting.subject_phrases import other_subject
from drafting.subjects import name_tokens, people_named
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
                section.sentences[first] = labelled_plan(section.sentences[first], voice)
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
                items.append(("", labelled(clause, self.voice, self._one)))
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


# Sentences about these are not joined to another ("The father agreed, and the son ...").
_NAMED_SUBJECTS = frozenset({"client", "therapist", "joint", "unit", "family", "couple"})


_LEADING_LABEL_RE = re.compile(r"^[A-Z][\w/-]*(?:\s[\w/-]+){0,2}:\s")


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


def _label_of(sentence: Sentence) -> str:
    first = sentence.segments[0] if sentence.segments else ""
    if isinstance(first, str) and first in ("Progress: ", "Clinical impression: "):
        return first
    return ""
