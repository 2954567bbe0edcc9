"""Word lists shared by the renderer and the verifier (plain English clinical shorthand).

They decide only *framing* and *checking*, never content: a word here is never added to a draft
unless the renderer's fixed frames use it.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’/.\-][A-Za-z0-9]+)*")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: frozenset[str] = wordset("""
a an the and or but nor of to in on at for from by with as into onto over under about after
before during between through than then that this these those it its it's is are was were be
been being am has have had do does did will would shall should can could may might must so such
very also just too each every per both either any some all more most less their them they he
she him her his hers theirs who whom which what when where while how there here up down out off
again once until if because since within without upon toward towards via across around
""")

# Function words a rephrasing may add freely: none of them changes what is claimed (words such
# as "more", "because", "may" or "will" do, so they must come from the therapist's words).
ADDABLE: frozenset[str] = wordset("""
a an the of to in on at for from by with as and that this these those it its is are was were
be been being has have had their them they he she him her his hers who whom which during
""")

# Words the renderer's frames (and a faithful rephrasing of them) may use about any fact.
FRAME_WORDS: frozenset[str] = wordset("""
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
PAST_VERBS: frozenset[str] = wordset("""
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
rose grew shook hid broke threw fought sought bought began spoke swam sang
""")
PRESENT_VERBS: frozenset[str] = wordset("""
reports describes states says denies endorses notes identifies practices plans lists completes
expresses shares engages agrees discusses explores reviews presents appears demonstrates
acknowledges admits recognizes recalls remembers reflects continues feels finds makes takes
wants tries needs is was has had will would can could did does
""")
BASE_VERBS: frozenset[str] = wordset("""
use complete practice continue attend call schedule try write read monitor track review return
follow meet keep start begin contact take walk journal apply increase reduce decrease improve
manage develop build establish maintain learn strengthen identify cope stop quit sleep drive
eat exercise go do make plan share talk ask tell bring log record limit avoid engage explore
discuss work spend join reach re-evaluate reassess assess refer coordinate consider check
wake notice leave ride drink see stay sit give hold pay think submit rebuild reconnect resume
obtain text email return process agree grieve visit clarify enhance achieve gain express
regulate tolerate accept resolve restore decrease explore challenge replace schedule
""")
# Past participles of what is done to someone: before a preposition or a time they are
# passive ("robbed at gunpoint", "laid off from the warehouse", "fired on Friday").
DONE_TO: frozenset[str] = wordset("""
robbed mugged assaulted attacked beaten fired laid arrested detained diagnosed hospitalized
admitted evicted suspended expelled bullied abused raped injured hurt cited charged
sentenced jailed incarcerated released promoted hired rejected excluded harassed threatened
scammed sued dumped ghosted demoted reprimanded disciplined investigated
prescribed mandated
""")
PERSON_NOUNS: frozenset[str] = wordset("""
father mother mom dad parent parents daughter son child children kids sibling siblings sister
brother partner partners spouse wife husband boyfriend girlfriend family couple grandmother
grandfather
teen adolescent caregiver caregivers group boss coworker coworkers roommate friend friends peer
peers teacher teachers doctor psychiatrist counselor nurse both guardian stepfather stepmother
leader facilitator co-facilitator member members stepdad stepmom grandma grandpa ex po officer
caseworker coach principal uncle aunt cousin pediatrician therapist
""")
STATE_WORDS: frozenset[str] = wordset("""
tearful anxious engaged guarded calm cooperative withdrawn irritable restless quiet talkative
open defensive agitated distracted focused motivated hopeful hopeless sad angry frustrated
relieved animated flat tired fatigued sleepy alert pleasant reluctant ambivalent hesitant
willing unwilling receptive eager ready able nervous upset tense worried overwhelmed stressed
euthymic dysphoric bright polite friendly attentive insightful reserved shy confused articulate
late depressed exhausted preoccupied disorganized disheveled isolated unmotivated discouraged
embarrassed ashamed scared irritated annoyed excited bored lonely numb stuck better worse
terrified hurt betrayed rejected confused conflicted torn present absent subdued warm
slouched teary fidgety sarcastic supportive
""")
# "-ed" words that usually start a noun phrase in an intervention ("guided imagery").
ED_ADJECTIVES: frozenset[str] = wordset("""
guided graded prolonged applied paced structured supported assisted focused timed written valued
restrained
increased decreased reduced elevated depressed improved disrupted heightened impaired limited
restricted blunted pressured worsened unresolved softened paced modified paired mixed
""")
# Plan verbs for something the therapist and client do together ("review in 2 weeks").
JOINT_VERBS: frozenset[str] = wordset("""
review reassess re-evaluate revisit meet discuss explore process
""")
# Plan verbs for what the therapist does between sessions ("refer to psychiatry").
THERAPIST_PLAN_VERBS: frozenset[str] = wordset("""
refer coordinate consult monitor administer re-administer send provide obtain update notify
reassess re-assess re-check recheck
""")
# Shorthand for the client: a rephrasing may drop it (the frame says "the client").
CLIENT_WORDS: frozenset[str] = frozenset({"client", "clt", "cl", "ct", "pt", "patient"})
PRONOUN_SUBJECTS: frozenset[str] = frozenset({"they", "she", "he"})
FIRST_PERSON: frozenset[str] = frozenset({"i", "we", "me", "us", "my", "our", "mine", "ours",
                                          "i'm", "i've", "i'll", "we're", "we've", "we'll",
                                          "myself", "ourselves"})
WEEKDAYS_MONTHS: frozenset[str] = wordset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december
""")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text)]


_QUOTED_RE = re.compile(r'"([^"]+)"|“([^”]+)”')


def quotations(text: str) -> list[str]:
    """The client's own words quoted in ``text``, without the stop a sentence may move."""
    found = [(m.group(1) or m.group(2)) for m in _QUOTED_RE.finditer(text)]
    return [" ".join(q.split()).rstrip(".,;:!?") if not q.endswith("...") else " ".join(q.split())
            for q in found]


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


# -- Words the realizer reasons with (never added to a note unless vocabulary.py lists them) --

PREPOSITIONS: frozenset[str] = wordset("""
with to of for on at in from about into onto during after before around over by since toward
towards through without between among against under behind near like per than via until
till throughout across regarding concerning including despite as
""")
DETERMINERS: frozenset[str] = wordset("""
a an the this that these those his her their its my our your each every any some no another
other all both either neither much many more most less few several such what which whose one
two three four five six seven eight nine ten half
""")
# Nouns that read right without an article after a preposition or verb ("at work", "in
# session", "refusing school"): no article choice is offered before them.
BARE_NOUNS: frozenset[str] = wordset("""
work school home bed session therapy treatment class church college night noon midnight time hand
intake discharge baseline bedtime dinner lunch breakfast town court rehab group today tonight
tomorrow yesterday weekends weekdays daily weekly nightly twice once again alone together
everyday homework progress support validation psychoeducation counseling insight judgment
sleep money food alcohol cannabis medication care attention anxiety depression grief anger
stress pain mood affect speech behavior behaviour trust safety use practice sick appetite
public private general particular crisis remission person gunpoint childhood track vivo
adulthood adolescence infancy advance dusk dawn sunset sunrise
""")
# Nouns for people in the client's life: a note says "their sister", not "a sister".
RELATION_NOUNS: frozenset[str] = wordset("""
father mother mom dad parent parents daughter son child children kids sibling siblings sister
brother partner spouse wife husband boyfriend girlfriend fiance fiancee grandmother grandfather
grandparents aunt uncle cousin family boss supervisor manager coworker coworkers colleague
colleagues roommate friend friends sponsor teacher teachers coach doctor psychiatrist
prescriber pcp counselor caseworker stepfather stepmother stepson stepdaughter guardian
caregiver caregivers ex niece nephew baby infant toddler teen adolescent stepdad stepmom
grandma grandpa co-parent fiance
""")
# Verbs after which an adjective, not a noun phrase, follows ("felt awkward").
LINKING_VERBS: frozenset[str] = wordset("""
felt feels feel seemed seems seem became becomes become appeared appears appear looked looks
look sounded sounds sound was were is are be been being remained remains remain stayed stays
stay got gets get
""")
# What the therapist does in a session when the shorthand starts with the verb.
THERAPIST_VERBS: frozenset[str] = wordset("""
taught reviewed provided explored discussed assigned introduced modeled validated processed
facilitated conducted used utilized administered guided coached challenged normalized
reframed linked summarized assessed screened educated encouraged supported reinforced
praised reflected elicited offered gave explained demonstrated helped prompted redirected
addressed completed checked monitored consulted referred coordinated scored interpreted
presented shared led continued began started initiated implemented applied employed
emphasized highlighted
""")
# Verbs of work done together in session ("built an exposure hierarchy", "role-played").
JOINT_SESSION_VERBS: frozenset[str] = wordset("""
practiced role-played rehearsed built developed created scheduled planned set made wrote
drafted designed collaborated brainstormed generated mapped outlined updated revised
constructed agreed negotiated identified
""")
# Verbs of a lasting state: told as "that she knows", never as a gerund ("knowing").
STATIVE_VERBS: frozenset[str] = wordset("""
know understand live own want need believe have like prefer remember agree worry hope
""")
# Plan nouns that are appointments: "next session Tuesday" -> "The next session will be ...".
APPOINTMENT_NOUNS: frozenset[str] = wordset("""
session sessions appointment appointments appt follow-up f/u check-in call visit meeting group
intake consultation consult assessment evaluation review meetings groups classes class
""")
TIME_STARTS: frozenset[str] = wordset("""
in on at next this tomorrow tonight today monday tuesday wednesday thursday friday saturday
sunday weekly biweekly monthly daily within after before following
""")
# Standard measures and ratings: "GAD-7 = 9", "SUDS 70 to 45", "anxiety 7/10".
MEASURE_NAMES: frozenset[str] = wordset("""
phq-9 phq-2 phq9 gad-7 gad-2 gad7 suds voc audit audit-c dast dast-10 y-bocs ybocs pcl-5 pcl5
bdi bdi-ii bai ors srs cssrs c-ssrs mdq asrs epds ace aces dass dass-21 k10 whodas oasis
cudit cage moca mmse bmi cpss cpss-5 cpss-v scared rcads sdq ecbi isi pss pss-10 csi-16
anxiety mood pain distress confidence urge urges craving cravings stress energy motivation
sleep worry fear anger sadness depression shame guilt hopelessness focus irritability
""")
PARTICIPLE_ADVERBS: frozenset[str] = wordset("""
partly partially fully mostly not successfully jointly already previously well
""")
# Shorthand the realizer writes out ("f/u" -> "follow-up"); the verifier treats each pair as
# one word.
ABBREVIATIONS: dict[str, str] = {
    "f/u": "follow-up", "fu": "follow-up", "wk": "week", "wks": "weeks", "hrs": "hours",
    "appt": "appointment", "appts": "appointments", "w/": "with",
    "w/o": "without", "tx": "treatment", "hx": "history", "b/c": "because", "mins": "minutes",
    "yr": "year", "yrs": "years", "mos": "months", "approx": "approximately",
    "bc": "because", "re:": "regarding", "re": "regarding", "sxs": "symptoms", "sx": "symptoms",
    "psychoed": "psychoeducation", "cog": "cognitive", "d/t": "due to", "c/o": "complains of",
    "calc": "calculated",
    "hw": "homework", "indiv": "individual", "mtg": "meeting", "mtgs": "meetings",
    "wknd": "weekend", "wknds": "weekends", "mgmt": "management", "dx": "diagnosis",
    "neg": "negative", "bf": "boyfriend", "gf": "girlfriend", "cont": "continue",
    "sh": "self-harm", "chem": "chemistry", "mo": "month",
    "incr": "increase", "decr": "decrease", "mom": "mother", "dad": "father",
    "stepdad": "stepfather", "stepmom": "stepmother",
    "grandma": "grandmother", "grandpa": "grandfather", "mom's": "mother's", "dad's": "father's",
    "tmrw": "tomorrow", "tmr": "tomorrow", "avg": "average", "max": "maximum", "min.": "minimum",
    "y/o": "year-old", "b/w": "between", "info": "information", "meds": "medications",
    "med": "medication", "pos": "positive", "abt": "about", "thru": "through", "grp": "group",
    "sess": "session", "intox": "intoxication", "qd": "daily", "rx'd": "prescribed",
    "convo": "conversation", "convos": "conversations", "mod": "moderate",
    "grps": "groups", "hwy": "highway", "hwys": "highways",
    "anx": "anxiety", "dept": "department", "behav": "behavioral", "qs": "questions",
    "q's": "questions", "msg": "message", "msgs": "messages", "stats": "statistics",
    "prep": "preparation", "xmas": "Christmas", "intl": "international", "sib": "sibling",
    "sibs": "siblings", "fam": "family", "eval": "evaluation", "prev": "previous",
    "esp": "especially", "wkly": "weekly", "nxt": "next", "yday": "yesterday", "ppl": "people",
    "b4": "before", "approp": "appropriate", "mgr": "manager", "etoh": "alcohol",
    "w/d": "withdrawal", "dx'd": "diagnosed", "dx'ed": "diagnosed",
    "til": "until", "btw": "between", "ck-in": "check-in", "sched": "schedule",
    "stmt": "statement", "incl": "including", "incl.": "including", "wt": "weight",
    "d/o": "disorder",
}
# Clinical abbreviations written out only in capitals ("BP", but "bp" may be anything). "HR"
# is written out only before a number (heart rate), never before a noun ("HR plan").
CAPITAL_ABBREVIATIONS: dict[str, str] = {
    "BP": "blood pressure", "ROI": "release of information", "FT": "full-time",
    "MIL": "mother-in-law", "FIL": "father-in-law", "SIL": "sister-in-law",
    "BIL": "brother-in-law",
    "MVA": "motor vehicle accident", "SH": "self-harm", "NSSI": "non-suicidal self-injury",
    "TID": "three times a day", "BID": "twice a day", "PRN": "as needed", "prn": "as needed",
    "qAM": "every morning", "qHS": "at bedtime", "qhs": "at bedtime", "s/p": "status post",
    "h/o": "history of", "r/o": "rule out", "w/in": "within",
}
# Units written short after a number ("4 mo", "45 min", "2 hr"): the singular or the plural.
UNIT_ABBREVIATIONS: dict[str, str] = {
    "min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour", "h": "hour", "wk": "week",
    "wks": "week", "mo": "month", "mos": "month", "yr": "year", "yrs": "year", "d": "day",
}
WEEKDAY_ABBREVIATIONS: dict[str, str] = {
    "Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
    "Weds": "Wednesday", "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday",
    "Fri": "Friday", "Sat": "Saturday", "Sun": "Sunday",
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June",
    "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December",
}


_COMMON_ENDINGS = ("ing", "ed", "tion", "sion", "ness", "ment", "ity", "ive", "al", "ous",
                   "ful", "ly", "ic", "ics", "ance", "ence", "ship", "ism", "able", "ible",
                   "less", "ize", "ise", "ate", "ies", "er", "ers", "est", "ary", "ory", "ure")
# Everyday clinical words a note may start a field with ("Relapse prevention", "Grief").
CLINICAL_WORDS: frozenset[str] = wordset("""
relapse trauma grief panic worry shame guilt insomnia recurring arguments argument conflict
couples skills values exposure systems solution person mindfulness acceptance commitment
dialectical narrative schema somatic play art sand music grounding breathing relaxation
imagery journaling homework assignment goal goals plan safety crisis suicide nightmares
flashbacks intrusive avoidance triggers trigger cravings urges craving urge stress fear
fears phobia phobias obsessions compulsions checking rumination isolation withdrawal
headaches headache appetite weight energy fatigue concentration focus memory school
work job parenting divorce separation custody loss death bereavement illness pain chronic
body image eating binge purging restriction substance alcohol drinking drugs opioids
cannabis smoking vaping gambling anger irritability mood sadness tearfulness hopelessness
motivation interest pleasure sleep next last first second third final previous following
""")
_COMMON_WORDS: frozenset[str] | None = None


def common_word(word: str) -> bool:
    """Is ``word`` an everyday English word (so a capital on it only starts a sentence), not
    a name ("Gottman", "Luis")? Word lists and endings; unknown words keep their capital."""
    global _COMMON_WORDS
    if _COMMON_WORDS is None:
        _COMMON_WORDS = (STOPWORDS | ADDABLE | FRAME_WORDS | PAST_VERBS | PRESENT_VERBS
                         | BASE_VERBS | PERSON_NOUNS | STATE_WORDS | ED_ADJECTIVES
                         | RELATION_NOUNS | LINKING_VERBS | THERAPIST_VERBS
                         | JOINT_SESSION_VERBS | APPOINTMENT_NOUNS | MEASURE_NAMES
                         | BARE_NOUNS | PREPOSITIONS | DETERMINERS | frozenset(NUMBER_WORDS)
                         | CLINICAL_WORDS)
    w = word.lower()
    return w in _COMMON_WORDS or (len(w) > 5 and w.endswith(_COMMON_ENDINGS))
