"""What each fact says, as sentence pieces: a predicate for its actor, or a clause of its own.

A predicate ("identified two thinking traps", "was engaged", "reported low energy") is said of
a subject the section chooses (the client, the clinician, both); a clause of its own ("SUDS went
from 70 to 45", "The safety plan was completed") carries its subject. The words added here are
all from vocabulary.py: frame verbs per field, copulas, "that", "feeling", articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting import wordclass as wc
from drafting.appointments import (
    is_appointment,
    someone_elses_meeting,
)
from drafting.clause_types import Actor, Clause, Shape
from drafting.concern_lines import comma_as_and, not_a_report, who_the_client_is
from drafting.lexicon import wordset
from drafting.phrases import article_for, lower_first, slots
from drafting.plan_items import item_verbs
from drafting.sentence import Choice, Segment, lit
from drafting.subject_phrases import (
    head_word,
)
from drafting.subjects import names_someone
from drafting.voice import Voice

PAST_FIELDS = frozenset({"presenting_concerns", "mental_status", "interventions",
                         "client_response", "progress", "risk"})
# Reporting verbs written in the present are told in the past, as the rest of the session.
PAST_OF: dict[str, str] = {
    "reports": "reported", "denies": "denied", "states": "stated", "describes": "described",
    "endorses": "endorsed", "says": "said", "notes": "noted", "expresses": "expressed",
    "shares": "shared", "admits": "admitted", "acknowledges": "acknowledged",
    "presents": "presented", "identifies": "identified", "discusses": "discussed",
    "indicates": "indicated", "verbalizes": "verbalized", "agrees": "agreed",
}
_EMOTIONS = wordset("""
anxious sad angry frustrated overwhelmed stressed worried guilty ashamed lonely hopeless
helpless depressed irritable nervous scared afraid numb stuck exhausted tired embarrassed
rejected isolated hopeful relieved
""")
# Frame verbs for a therapist's noun-phrase intervention, best collocation first.
_PROVIDED_HEADS = wordset("""
psychoeducation education training validation support counseling feedback reassurance guidance
encouragement information resources referral referrals normalization coaching regard praise
compliment compliments
""")
_CONDUCTED_HEADS = wordset("""
exercise exercises role-play assessment review exposure experiment activity session screening
evaluation interview check-in rehearsal desensitization installation processing narrative
analysis scan brainstorm discussion dialogue screen sort round practice mapping
""")
_TECHNIQUE_HEADS = wordset("""
restructuring defusion stimulation control balance questions question technique techniques
skills strategies intervention interventions tolerance regulation postponement surfing attempts
chair
""")
# What a clinician can see in the room: "Client showed good insight".
_OBSERVABLE = wordset("""
insight mood affect engagement motivation improvement progress understanding interest
resistance ambivalence humor willingness openness effort curiosity hope hopefulness
tearfulness anxiety distress relief frustration irritability restlessness agitation
avoidance eye contact
""")
# A risk line that is the clinician's rating or screen, never something the client reported.
_RISK_RATING_RE = re.compile(r"\b(?:c-ssrs|columbia|safe-t|asq|risk\s+(?:level|assessed|rated)|"
                             r"(?:low|moderate|high|elevated|imminent)\s+risk)\b", re.IGNORECASE)
# A risk line the client told: it starts with what the client has (thoughts, urges, SI). A
# rating, a history or a screen ("moderate chronic, low acute risk", "self-harm history") is the
# clinician's and is said as written.
_RISK_TOLD_RE = re.compile(r"^(?:(?:passive|active|fleeting|intermittent|occasional|recent|some|"
                           r"ongoing|increased|brief)\s+)?(?:si|hi|suicidal|homicidal|thoughts?|"
                           r"urges?|ideation|wish(?:es)?)\b", re.IGNORECASE)
_DOSE_RE = re.compile(r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml)\b", re.IGNORECASE)
# What a presenting-concerns line may say about the session itself rather than the client.
CONTEXT_WORDS = frozenset({"session", "unscheduled", "call", "phone", "makeup", "make-up"})
_DO_HEADS = wordset("""
trial trials flight flights rep reps set sets step steps round rounds
practice exercise exercises exposure experiment homework breathing relaxation meditation
stretching
""")
_KEEP_HEADS = wordset("""
log diary journal record card chart calendar list
""")
_HAVE_HEADS = wordset("""
dinner meeting conversation date night talk outing call maximum minimum limit
""")
# Plan nouns a frame verb fits ("will keep a sleep diary", "will have a 20-minute talk");
# any other plan noun is said as written.
_PLAN_FRAME_HEADS = _DO_HEADS | _KEEP_HEADS | _HAVE_HEADS | lx.APPOINTMENT_NOUNS | wordset("""
worksheet worksheets assignment assignments reading readings activity activities walk walks
plan routine schedule check-in check-ins tracking monitoring reps hierarchy script letter
list goals goal steps
""")
_NOW_WORDS = frozenset({"now", "still", "currently", "increasingly", "gradually", "again"})
# Plan facts in the present that stay so: "pt knows to call 988", "has the crisis line".
_STATIVE_PLAN = frozenset({"knows", "understands", "has", "agrees", "remains", "is", "feels",
                           "wants", "prefers", "consents", "declines", "verbalized", "verbalizes"})
FUTURE_PASSIVE = frozenset({"scheduled", "planned", "set", "booked", "arranged"})


@dataclass
class Pred:
    """A predicate said of a subject chosen later."""

    clause: Clause
    segments: list[Segment]
    aux: tuple[str, str] | None = None  # first word that agrees: ("was", "were")
    lead: str = ""  # its verb, so "denied SI" and "denied HI" become "denied SI and HI"
    state: bool = False  # an adjective predicate: "engaged", "tearful when ..."
    object_segments: list[Segment] = field(default_factory=list)  # after ``lead``


@dataclass
class Own:
    """A clause with its own subject: "SUDS went from 70 to 45 over the exposure"."""

    clause: Clause
    segments: list[Segment]
    words: int = 0


def base_form(verb: str) -> str:
    """"takes" -> "take", "tries" -> "try", "watches" -> "watch": after "will"."""
    low = verb.lower()
    irregular = {"has": "have", "is": "be", "does": "do", "goes": "go", "was": "be"}
    if low in irregular:
        return irregular[low]
    if low in lx.BASE_VERBS or not low.endswith("s") or low.endswith("ss"):
        return verb
    if low.endswith("ies") and len(low) > 4:
        return verb[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return verb[:-2]
    return verb[:-1]


_AUXILIARIES = frozenset({"will", "would", "can", "could", "should", "may", "might", "must",
                         "is", "was", "are", "were", "has", "have", "had", "did", "does", "do",
                         "been", "not"})


def verb_phrase(body: str, voice: Voice, past: bool) -> list[Segment]:
    body = lower_first(body)
    body = re.sub(r"^(said|stated|says|states|reported)\s+(?=[\"“])", r"\1, ", body)
    lead, _, rest = body.partition(" ")
    if past and lead.lower() in PAST_OF:
        body = PAST_OF[lead.lower()] + (" " + rest if rest else "")
    if lead.lower() in _AUXILIARIES and rest:
        # "will complete thought log": the object follows the main verb, not the auxiliary
        return lit(lead + " ") + verb_phrase(rest, voice, False)
    return slots(body, voice, verb_first=True)


def copula(field: str, plural: bool, future_passive: bool = False) -> str:
    if field in ("goals", "impression") or future_passive:
        return "are" if plural else "is"
    if field == "plan":
        return "will be"
    return "were" if plural else "was"


_PER_SOMEONE_RE = re.compile(r"\bper\s+(?:the\s+|her\s+|his\s+|their\s+)?([\w'-]+)",
                             re.IGNORECASE)


def frame_verb_choice(field: str, body: str) -> Choice:
    """The frame verb for a noun phrase: the plausible ones for its head noun, best first.
    Rules narrow the set to verbs that collocate; the model picks between them."""
    head = head_word(body)
    if field == "interventions":
        if head in _PROVIDED_HEADS:
            options: tuple[str, ...] = ("provided",)
        elif head in _CONDUCTED_HEADS:
            options = ("conducted", "facilitated")
        elif head.endswith("ing") or head in _TECHNIQUE_HEADS:
            options = ("used", "conducted")
        else:
            options = ("used", "provided")
        return Choice(tuple(o + " " for o in options), 0, "verb")
    if field == "client_response":
        return Choice(("showed ", "demonstrated "), 0, "verb")
    return Choice(("reported ", "described "), 0, "verb")


def predicate(clause: Clause, voice: Voice) -> Pred | None:
    """The predicate of a clause whose actor the section names; None for a clause with its
    own subject (see ``own``)."""
    f, body = clause.field, clause.body
    past = f in PAST_FIELDS
    told_by = _PER_SOMEONE_RE.search(body)
    if told_by and f in ("presenting_concerns", "client_response") and \
            names_someone(told_by.group(1)):
        return None  # "secretly exercising in room per brother": the brother's report
    if clause.shape is Shape.VERB:
        head = body.split(" ", 1)[0]
        if head[:1].isupper() and head[1:].islower():  # "Identified ..." typed at a line's start
            body = head.lower() + body[len(head):]
        if f == "plan":
            words = lx.words(body)
            if words and words[0] in _STATIVE_PLAN:
                return Pred(clause, verb_phrase(body, voice, False), lead=words[0])
            if words and words[0] in ("will", "would", "can", "should", "may", "might"):
                return Pred(clause, verb_phrase(body, voice, False), lead=words[0])
            if words and (words[0] in lx.PAST_VERBS or clause.actor is Actor.THERAPIST and
                          words[0].endswith("ed") and wc.is_past(words[0])) \
                    and words[0] not in lx.BASE_VERBS:  # "recommended father follow up"
                return Pred(clause, verb_phrase(body, voice, False), lead=words[0])
            head, _, rest = body.partition(" ")
            if clause.actor is Actor.OTHER and not plan_verb(head):
                return None  # "roommate invited to next session": said as written
            body = f"{base_form(head)} {rest}".strip()  # "partner takes" -> "will take"
            return Pred(clause, lit("will ") + verb_phrase(body, voice, False), lead="will")
        if f == "goals":
            return Pred(clause, lit("to ") + verb_phrase(body, voice, False), lead="to")
        first = lx.words(body)[0] if lx.words(body) else ""
        if past and first not in PAST_OF and first not in _AUXILIARIES and \
                wc.is_third_person(first) and clause.actor is not Actor.OTHER:
            head, _, rest = lower_first(body).partition(" ")
            if f in ("presenting_concerns", "risk") and wc.plain(head) in lx.STATIVE_VERBS:
                # "knows to use the crisis line": "reported that she knows ..."
                told = lit(f"that {voice.subject_pronoun} {head} ") + slots(rest, voice)
                return Pred(clause, lit("reported ") + told, lead="reported")  # not merged
            if f in ("presenting_concerns", "risk"):  # "misses his woodshop": what was told
                told = slots(f"{wc.gerund(head)} {rest}".strip(), voice, verb_first=True)
                return Pred(clause, lit("reported ") + told, lead="reported",
                            object_segments=told)
            body, first = f"{wc.past(head)} {rest}".strip(), wc.past(head)  # in the session
        segments = verb_phrase(body, voice, past)
        lead = PAST_OF.get(first, first)
        if first in ("was", "is", "were", "are", "has", "have"):
            aux = {"was": ("was", "were"), "were": ("was", "were"), "is": ("is", "are"),
                   "are": ("is", "are"), "has": ("has", "have"), "have": ("has", "have")}[first]
            rest = body.split(None, 1)[1] if " " in body else ""
            return Pred(clause, slots(rest, voice, verb_first=False), aux=aux, lead=first,
                        state=first in ("was", "is") and lx.words(rest)[:1] != ["able"])
        rest = body.split(None, 1)[1] if " " in body else ""
        return Pred(clause, segments, lead=lead,
                    object_segments=slots(rest, voice, object_start=False) if rest else [])
    if clause.shape is Shape.STATE:
        text = lower_first(body)
        if f == "presenting_concerns" and lx.words(text)[0] in _EMOTIONS:
            return Pred(clause, lit("reported feeling ") + slots(text, voice), lead="reported")
        if lx.words(text)[0] in lx.DONE_TO or lx.words(text)[0] in (
                "given", "provided", "referred", "offered", "shown", "sent", "assigned",
                "encouraged", "advised", "reminded", "educated", "discharged", "scheduled"):
            head, _, rest = text.partition(" ")
            return Pred(clause, lit(f"was {head} ") + slots(rest, voice, object_start=True,
                                                         after="given"), lead="was")
        if f == "plan":
            return Pred(clause, lit("will be ") + slots(text, voice), lead="will")
        return Pred(clause, slots(text, voice), aux=("is", "are") if not past else
                    ("was", "were"), state=True)
    if clause.shape is Shape.QUOTE and f == "plan":
        return None  # "'stroller incident' check when tension rises": a cue, not a saying
    if clause.shape is Shape.QUOTE:
        inner = [w for w in lx.words(body) if w not in ("and", "but", "so", "very", "a", "bit")]
        if inner and all(sh.state_word(w) for w in inner):  # "relieved and terrified"
            return Pred(clause, [Choice(("described feeling ", "reported feeling "), 0,
                                        "verb"), body], lead="described")
        return Pred(clause, [Choice(("said, ", "stated, "), 0, "verb"), body], lead="said")
    if clause.shape is Shape.NOUN and clause.actor in (Actor.CLIENT, Actor.NONE):
        return _noun_predicate(clause, voice)
    return None


def _unquoted(text: str) -> str:
    """``text`` without the client's quoted words and without asides in parentheses."""
    return re.sub(r"[\"“][^\"”]*[\"”]|\([^()]*\)", " ", text)


def _noun_predicate(clause: Clause, voice: Voice) -> Pred | None:
    f, body = clause.field, lower_first(clause.body)
    words = lx.words(body)
    if not words:
        return None
    if f == "risk" and words[0] in ("si", "hi", "sib", "nssi") and re.match(r"\S+\s*[-–:]", body):
        return None  # "HI - denies intent/plan, ...": the therapist's line, not a report
    if f == "presenting_concerns" and words[0] in CONTEXT_WORDS:
        return None  # "unscheduled call after custody exchange": the session, not a report
    if f == "presenting_concerns" and (words[0] in ("client's", "patient's") or (
            voice.service in ("couple", "family") and _someone_leads(clause.body))):
        # "Client's sleep diary: SE 81%"; in a family session "Jayden, 14, missed 6 days":
        # who told it is not written, so no one is made its teller
        return None
    if f == "presenting_concerns" and not_a_report(clause.body):
        return None  # a record, who came, a diagnosis: said as written, nobody's report
    if f == "presenting_concerns" and who_the_client_is(body):
        # "Iraq vet, IED 2007" -> "is an Iraq veteran, IED 2007", never "reported Iraq vet"
        return Pred(clause, lit(f"{article_for(body.split()[0])} ") + slots(body, voice),
                    aux=("is", "are"), state=True, lead="is")
    negated = _NEGATED_RE.match(body)
    if f == "presenting_concerns" and negated:  # "still won't drive past the intersection"
        return Pred(clause, lit(f"reported that {voice.subject_pronoun} ") + slots(body, voice),
                    lead="reported that")
    if f == "presenting_concerns" and _DOSE_RE.search(" ".join(body.split()[:4])):
        taking = "" if lx.words(body)[:1] == ["taking"] else "taking "  # "taking zolpidem 5mg"
        return Pred(clause, lit("reported " + taking) + slots(body, voice), lead="reported")
    if f == "presenting_concerns" and ongoing_act(f, body):
        # "now avoiding the gym": what the client says she is doing now
        be = "are" if voice.plural_pronoun else "is"
        return Pred(clause, lit(f"reported that {voice.subject_pronoun} {be} ")
                    + slots(body, voice), lead="reported")
    if f == "risk" and words[0] == "not":  # "not requiring higher LOC": the clinician's view
        return Pred(clause, slots(body, voice), aux=("was", "were"), state=True, lead="was")
    if f == "risk" and _RISK_RATING_RE.search(body):
        return None  # "C-SSRS moderate risk": the clinician's rating, said as written
    if f == "risk" and (not _RISK_TOLD_RE.match(body) or re.search(
            r"\b(?:risk|history|hx)\b", body, re.IGNORECASE)):
        return None
    if f == "presenting_concerns":
        body = comma_as_and(body)  # "sleeping 4-5 hrs, nightmares 3x/wk": two things reported
    if f == "presenting_concerns" or f == "risk":
        verb = Choice(("reported ",), 0, "verb") if f == "risk" else frame_verb_choice(f, body)
        return Pred(clause, lit(verb) + slots(body, voice, object_start=True, after="reported"),
                    lead="reported",
                    object_segments=slots(body, voice, object_start=True, after="reported"))
    if ongoing_act(f, body):
        # "adjusting to loss of independence", "now eating in the dining room"
        aux = ("was", "were") if f == "client_response" else ("is", "are")
        return Pred(clause, slots(body, voice), aux=aux, state=True, lead="is")
    if f == "client_response":
        if head_word(body) not in _OBSERVABLE:
            return None  # said as the therapist wrote it, rather than with a verb it lacks
        return Pred(clause, lit(frame_verb_choice(f, body)) + slots(body, voice, object_start=True),
                    lead="showed")
    if f == "interventions" and re.search(r"\b(?:was|were|is|are)\b", _unquoted(body)):
        return None  # "the hotspot identified was the moment ...": a sentence of its own
    if f == "interventions":
        verb = frame_verb_choice(f, body)
        lead = verb.options[0].strip()
        # in the clinician's sentence, in the order the therapist typed them: "Clinician
        # reflected the cycle, heightened ..., and used joining with each member."
        return Pred(clause, lit(verb) + slots(body, voice, object_start=True, after=lead),
                    lead=lead, object_segments=slots(body, voice, object_start=True,
                                                     after=lead))
    if f == "plan" and someone_elses_meeting(body, voice.service):
        # "library moms group Thurs w/ sister": a meeting the client goes to
        return Pred(clause, lit("will attend ") + slots(body, voice, object_start=True,
                                                        after="attend"), lead="will")
    if f == "plan" and not is_appointment(body) and "referral" not in words[:2]:
        head = head_word(body)
        if words[0] in lx.PERSON_NOUNS or words[0] in lx.RELATION_NOUNS:
            return None  # "mother 10-minute special play daily": someone else's task
        if words[0] != "no" and head not in _PLAN_FRAME_HEADS or words[0] == "no" and (
                head not in _HAVE_HEADS or any(w.endswith("ing") for w in words[1:3])):
            verbs = item_verbs(words)  # "new window 11:30p-6:15a", "pharmacy auto-refill"
            if verbs is None:
                return None  # "lithium per Dr. Nguyen", "farmers market Saturday"
            return Pred(clause, lit("will ", Choice(tuple(v + " " for v in verbs), 0, "verb"))
                        + slots(lower_first(body), voice, object_start=True, after=verbs[0]),
                        lead="will")
        options = (("take", "have") if words[0] == "no" else ("use", "spend")
                   if head == "time" and not lx.NUMBER_RE.match(words[0]) else ("spend",)
                   if head in ("minutes", "hours", "time") else ("complete", "keep")
                   if head in _KEEP_HEADS else ("have",)
                   if head in _HAVE_HEADS else ("attend",) if head in lx.APPOINTMENT_NOUNS
                   else ("complete", "do") if head in _DO_HEADS else ("complete", "use"))
        return Pred(clause, lit("will ", Choice(tuple(o + " " for o in options), 0, "verb"))
                    + slots(body, voice, object_start=True, after=options[0]), lead="will")
    return None


# What a behaviour does, after it: "napping undermining sleep drive" (not "tolerating
# processing well", whose "processing" is what is tolerated)
_ING_PREDICATES = frozenset({"undermining", "maintaining", "reinforcing", "causing", "affecting",
                             "driving", "fueling", "interfering", "contributing", "impairing",
                             "limiting", "worsening", "perpetuating", "disrupting"})


def ongoing_act(field: str, body: str) -> bool:
    """"adjusting to loss of independence" (an impression), "now eating in the dining room"
    (progress): what the client is doing, said with "is"; not "longstanding pattern", nor
    "napping undermining sleep drive", whose napping is the subject."""
    words = lx.words(body)
    if len(words) > 1 and words[0].endswith("ing") and words[1] in _ING_PREDICATES:
        return False
    if not words or field not in ("client_response", "impression", "progress",
                                  "presenting_concerns"):
        return False
    if field == "presenting_concerns" and words[0] not in _NOW_WORDS:
        return False  # "avoiding the intersection" is reported; "now avoiding" is the case
    at = 1 if words[0] in _NOW_WORDS and len(words) > 1 else 0
    lead = words[at]
    after = words[at + 1] if at + 1 < len(words) else ""
    if after in ("down", "up", "less", "more") or lx.NUMBER_RE.match(after):
        return False  # "washing down about 40%": a measure of the washing, not an act
    return lead.endswith("ing") and len(lead) > 4 and bool(wc.verb_lemma(lead)) and \
        (field != "progress" or lead != words[0])


_NEGATED_RE = re.compile(r"^(?:(?:still|now|also)\s+)?(?:won't|can't|cannot|doesn't|don't|isn't|"
                         r"hasn't|haven't|didn't|wasn't|won’t|can’t|doesn’t|didn’t)\b",
                         re.IGNORECASE)


def _someone_leads(text: str) -> bool:
    """Does a part of a fact start with a person other than the client ("Jayden, 14, missed 6
    days", "stomachaches, pediatrician ruled out a medical cause"), not "fight about his
    mother's visits"?"""
    for part in re.split(r"[,;:]\s*", text):
        tokens = re.findall(r"[A-Za-z][\w'-]*", part)
        if tokens and names_someone(tokens[0]):
            return True
    return False


def plan_verb(head: str) -> bool:
    """Can "will" go before this word ("to remove", "takes", "call"), unlike "invited",
    "babysitting" or "vitals"?"""
    word = head.lower()
    return word in ("to", "will") or word in lx.BASE_VERBS or (
        wc.is_base_verb(word) and not wc.can_be_noun(word)) or wc.is_third_person(word)
