"""Sentences in a row that open alike, varied: "Client reported A. She noted B."

A note whose every sentence opens "Client reported" reads as a form. The second of two such
sentences takes another frame verb from the closed vocabulary ("noted"), or an "also"
("Clinician also used ..."); never where the therapist wrote "reported" themselves, which the
verifier requires the sentence to keep.
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting.sentence import Choice, Sentence

_REPORTED_RE = re.compile(r"^\S+ reported (?!that\b)")
_USED_RE = re.compile(r"^\S+ (?:also )?used ")


def vary_opening(previous: Sentence, sentence: Sentence) -> None:
    """Two sentences in a row that open alike are varied: "Client reported A. She noted B.";
    "Clinician used A. Clinician also used B." Only the frame verb changes, or an "also" is
    added, both of the closed vocabulary."""
    before, now = previous.render(), sentence.render()
    told = any(w in ("report", "reports", "reported", "reporting")  # the fact's own verb
               for c in sentence.clauses for w in lx.words(c.text))
    if _REPORTED_RE.match(before) and _REPORTED_RE.match(now) and not told:
        for i, segment in enumerate(sentence.segments):
            if isinstance(segment, Choice) and segment.kind == "verb" and \
                    segment.options[0] == "reported ":
                sentence.segments[i] = Choice(("noted ",), 0, "verb")
                for j, earlier in enumerate(previous.segments):
                    if isinstance(earlier, Choice) and earlier.kind == "verb" and \
                            earlier.options[0] == "reported ":
                        previous.segments[j] = Choice(("reported ",), 0, "verb")
                        break
                return
            if isinstance(segment, str) and re.match(r"(?:\S+ )?reported (?!that\b)", segment):
                sentence.segments[i] = segment.replace("reported ", "noted ", 1)
                return
    if _USED_RE.match(before) and _USED_RE.match(now):  # "Clinician also used ..."
        for i, segment in enumerate(sentence.segments):
            if isinstance(segment, Choice) and segment.kind == "verb" and \
                    segment.options[0] == "used ":
                sentence.segments[i] = Choice(tuple("also " + o for o in segment.options),
                                              segment.default, "verb")
                return
