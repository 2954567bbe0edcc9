"""Word lists shared by the renderer and the verifier (plain English clinical shorthand).

They decide only *framing* and *checking*, never content: a word here is never added to a draft
unless the renderer's fixed frames use it.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’/.\-][A-Za-z0-9]+)*")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: frozenset[str] = _wordset("""
a an the and or but nor of to in on at for from by with as into onto over under about after
before during between through than then that this these those it its it's is are was were be
been being am has have had do does did will would shall should can could may might must so such
very also just too each every per both either any some all more most less their them they he
she him her his hers theirs who whom which what when where while how there here up down out off
again once until if because since within without upon toward towards via across around
""")

# Function words a rephrasing may add freely: none of them changes what is claimed (words such
# as "more", "because", "may" or "will" do, so they must come from the therapist's words).
ADDABLE: frozenset[str] = _wordset("""
a an the of to in on at for from by with as and that this these those it its is are was were
be been being has have had their them they he she him her his hers who whom which during
""")

# Words the renderer's frames (and a faithful rephrasing of them) may use about any fact.
FRAME_WORDS: frozenset[str] = _wordset("""
client clients therapist session sessions reported reports report described describes stated
states noted notes indicated indicates observed observes shared shares expressed expresses
presented presents documented following regarding risk status mental plan planned plans goal
goals addressed progress used uses response responded included includes met assessment
individual family couple couples group office telehealth using treatment approach
intervention interventions item recorded
""")

# Words that carry a negation; grouped so a faithful paraphrase may swap within a group only.
NEGATION_GROUPS: dict[str, str] = {
    "denied": "deny", "denies": "deny", "deny": "deny", "denying": "deny",
    "not": "not", "n't": "not", "never": "not", "cannot": "not", "unable": "not",
    "no": "no", "none": "no", "without": "no", "nor": "no", "neither": "no", "nothing": "no",
    "absent": "no", "negative": "no", "free": "no", "lacks": "no", "lack": "no",
}

# Any of these in a fact keeps it away from the model: risk is written in the therapist's words.
RISK_PREFIXES: tuple[str, ...] = (
    "suicid", "homicid", "self-harm", "selfharm", "harm", "kill", "overdos", "die", "dying",
    "death", "dead", "weapon", "firearm", "gun", "cutting", "hang", "abuse", "violen", "assault",
    "ideation", "intent", "safety", "crisis", "911", "hospital", "lethal", "psychos",
    "hallucinat", "s/i", "h/i", "jump", "pills",
)
RISK_WORDS: frozenset[str] = frozenset({"si", "hi", "sib", "nssi", "ssi"})

NUMBER_WORDS: dict[str, str] = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
    "hundred": "100", "once": "1x", "twice": "2x", "half": "0.5", "first": "1st",
    "second": "2nd", "third": "3rd", "single": "1", "both": "2", "dozen": "12",
}

# Verbs a fact may start with (then the renderer supplies only the subject).
PAST_VERBS: frozenset[str] = _wordset("""
reported described stated said denied endorsed noted identified practiced planned listed
completed expressed shared engaged agreed discussed explored reviewed taught built created
developed provided used applied learned attended arrived presented appeared demonstrated
acknowledged admitted recognized recalled remembered reflected apologized cried laughed
participated declined refused requested asked wanted tried began started stopped continued
slept woke missed returned rated scored felt found made took gave met called wrote read walked
drove used processed verbalized named disclosed initiated completed scheduled assigned modeled
coached validated normalized summarized assessed screened administered conducted facilitated
guided role-played rehearsed went got saw spoke told brought kept left ran sent held led lost
won chose ate drank thought fell forgot paid quit set put sat stood understood wore became came
knew heard bought caught rode drew taught gave built felt slept woke made took met wrote read
rose grew shook hid
""")
PRESENT_VERBS: frozenset[str] = _wordset("""
reports describes states says denies endorses notes identifies practices plans lists completes
expresses shares engages agrees discusses explores reviews presents appears demonstrates
acknowledges admits recognizes recalls remembers reflects continues feels finds makes takes
wants tries needs is was has had will would can could did does
""")
BASE_VERBS: frozenset[str] = _wordset("""
use complete practice continue attend call schedule try write read monitor track review return
follow meet keep start begin contact take walk journal apply increase reduce decrease improve
manage develop build establish maintain learn strengthen identify cope stop quit sleep drive
eat exercise go do make plan share talk ask tell bring log record limit avoid engage explore
discuss work spend join reach re-evaluate reassess assess refer coordinate consider check
wake notice leave ride drink see stay sit give hold pay think submit rebuild reconnect resume
obtain text email follow-up f/u return process agree grieve
""")
PERSON_NOUNS: frozenset[str] = _wordset("""
father mother mom dad parent parents daughter son child children kids sibling siblings sister
brother partner partners spouse wife husband boyfriend girlfriend family couple grandmother
grandfather
teen adolescent caregiver caregivers group boss coworker coworkers roommate friend friends peer
peers teacher teachers doctor psychiatrist counselor nurse both guardian stepfather stepmother
""")
STATE_WORDS: frozenset[str] = _wordset("""
tearful anxious engaged guarded calm cooperative withdrawn irritable restless quiet talkative
open defensive agitated distracted focused motivated hopeful hopeless sad angry frustrated
relieved animated flat tired fatigued sleepy alert pleasant reluctant ambivalent hesitant
willing unwilling receptive eager ready able nervous upset tense worried overwhelmed stressed
euthymic dysphoric bright polite friendly attentive insightful reserved shy confused articulate
late depressed exhausted preoccupied disorganized disheveled isolated unmotivated discouraged
embarrassed ashamed scared irritated annoyed excited bored lonely numb stuck better worse
""")
# "-ed" words that usually start a noun phrase in an intervention ("guided imagery").
ED_ADJECTIVES: frozenset[str] = _wordset("""
guided graded prolonged applied paced structured supported assisted focused timed written
increased decreased reduced elevated depressed improved disrupted heightened impaired limited
restricted blunted pressured worsened unresolved
""")
# Plan verbs for something the therapist and client do together ("review in 2 weeks").
JOINT_VERBS: frozenset[str] = _wordset("""
review reassess re-evaluate revisit meet f/u follow-up discuss explore process
""")
# Plan verbs for what the therapist does between sessions ("refer to psychiatry").
THERAPIST_PLAN_VERBS: frozenset[str] = _wordset("""
refer coordinate consult monitor administer re-administer send provide obtain update
""")
# Shorthand for the client: a rephrasing may drop it (the frame says "the client").
CLIENT_WORDS: frozenset[str] = frozenset({"client", "clt", "cl", "ct", "pt", "patient"})
PRONOUN_SUBJECTS: frozenset[str] = frozenset({"they", "she", "he"})
FIRST_PERSON: frozenset[str] = frozenset({"i", "we", "me", "us", "my", "our", "mine", "ours",
                                          "i'm", "i've", "we're", "myself", "ourselves"})
WEEKDAYS_MONTHS: frozenset[str] = _wordset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december
""")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]


def stem(word: str) -> str:
    """Fold plurals and possessives only ('thoughts' = 'thought', 'activities' = 'activity').

    Tense stays: 'completed' is not 'complete' and 'called' is not 'calling' (a plan is not a
    thing done).
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def numbers(text: str) -> set[str]:
    """Numbers in a text, digits and number words alike, normalised to digits."""
    found = set(NUMBER_RE.findall(text))
    for w in words(text):
        if w in NUMBER_WORDS:
            found.add(NUMBER_WORDS[w])
    return found


def negation_groups(text: str) -> set[str]:
    groups = {NEGATION_GROUPS[w] for w in words(text) if w in NEGATION_GROUPS}
    if re.search(r"n['’]t\b", text.lower()):
        groups.add("not")
    return groups


def mentions_risk(text: str) -> bool:
    found = words(text)
    if "self harm" in " ".join(found):
        return True
    return any(w in RISK_WORDS or (w.startswith(RISK_PREFIXES) and w not in _NOT_RISK)
               for w in found)


_NOT_RISK: frozenset[str] = frozenset({"diet", "dietary", "diets", "hangout", "hanging out"})
