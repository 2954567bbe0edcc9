"""The analysis of one fact, as data: who acts (Actor), what shape of phrase it is (Shape),
the fact itself (Clause) and what the analysis knows about the session (Setting)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Actor(StrEnum):
    CLIENT = "client"
    THERAPIST = "therapist"
    JOINT = "joint"  # the clinician and the client together
    OTHER = "other"  # someone else: a parent, a partner, the group ("father apologized")
    NONE = "none"  # nobody: a measure, a thing done, an appointment


class Shape(StrEnum):
    VERB = "verb"  # a predicate that starts with its verb: "identified two thinking traps"
    STATE = "state"  # an adjective phrase: "engaged", "tearful when discussing her mother"
    NOUN = "noun"  # a noun phrase: "increased anxiety at work", "daily thought record"
    CLAUSE = "clause"  # its own subject and verb: "SUDS dropped from 8 to 3"
    PASSIVE = "passive"  # a thing and what was done to it: "safety plan completed"
    COPULA = "copula"  # a thing and how it was: "speech normal", "panic attacks down to 3"
    MEASURE = "measure"  # a measure and its value: "GAD-7 = 9", "anxiety 7/10 at start"
    QUOTE = "quote"  # the client's own words in quotation marks
    NOTHING = "nothing"  # "N/A", "none"
    NOT_ASSESSED = "not_assessed"  # "not assessed this session"
    CONTEXT = "context"  # the session itself: "family session w/ mom", "wk 4 of 8"


@dataclass(frozen=True)
class Clause:
    field: str
    text: str  # the fact as written (shorthand written out), the words a draft must keep
    shape: Shape
    actor: Actor
    subject: str = ""  # the fact's own subject when it has one ("father", "SUDS")
    body: str = ""  # the rest, without the subject: what the realizer frames
    label: str = ""  # a lead label kept in front: "Goal 1", "ERP homework"
    canonical: str = ""  # the words in the order a draft may write them (see _label_flip)
    named: bool = False  # the fact itself named who acts ("client agreed", "I taught")
    score_of: bool = False  # a measure written as a score: "PHQ-9 of 14", "GAD-7 = 9"
    listed: int = 0  # items of one comma list share a number (>0): prose may join them again
    # Words a document's frame adds for this fact ("Current medications: ..."): allowed by the
    # verifier for sentences that say this fact, never required of them.
    frame: str = ""

    @property
    def words(self) -> str:
        return self.canonical or self.text


@dataclass(frozen=True)
class Setting:
    """What the analysis needs to know about the session."""

    client_names: frozenset[str] = frozenset()  # how the therapist may name the client
    service: str = "individual"  # individual, couple, family or group
    approach: str = ""  # the session's approach, as the session line names it
    they_is_client: bool = True  # "they" in a fact may be the client (else others present)
    people: frozenset[str] = frozenset()  # others the facts name ("stepfather (Rob)": "Rob")


# The default for an analysis told nothing about the session (one client, individual).
INDIVIDUAL = Setting()
