"""The session line: "Client was seen for a 50-minute individual CBT session in the office on
November 18, 2026." Built from the appointment (date, minutes, service, modality, approach),
never from the prompts; a value that cannot be read is left out, not guessed.
"""

from __future__ import annotations

import re
from datetime import date

from drafting.phrases import article_for, lower_first
from drafting.sentence import Choice, Segment, Sentence
from drafting.voice import Voice
from models.session_facts import SessionInfo

_NOUN_APPROACH_ENDINGS = ("therapy", "cbt", "dbt", "emdr", "act", "cpt", "pe", "ipt", "mbct",
                          "activation", "prevention", "processing", "exposure", "training",
                          "counseling", "skills", "interviewing", "cbt-i", "cbt-e", "tf-cbt",
                          "erp", "pct", "sfbt", "cft", "eft", "mi")
_SERVICE_WORDS = {"individual": "individual", "couple": "couples", "couples": "couples",
                  "family": "family", "group": "group"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def format_date(iso: str, style: str = "long") -> str:
    """"2026-11-18" as the note writes dates: long ("November 18, 2026"), numeric
    ("11/18/2026"), short ("11/18/26") or iso; "" when it is not a date."""
    try:
        day = date.fromisoformat(iso.strip())
    except (ValueError, AttributeError):
        return ""
    if style == "numeric":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if style == "short":
        return f"{day.month}/{day.day}/{day.year % 100:02d}"
    if style == "iso":
        return day.isoformat()
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _modality(text: str) -> str:
    low = text.strip().lower()
    if not low:
        return ""
    if low in ("office", "in person", "in-person", "clinic", "in office", "in-office"):
        return "in the office"
    if low in ("phone", "telephone", "by phone"):
        return "by phone"
    if low in ("telehealth", "video", "virtual", "zoom", "online", "teletherapy"):
        return f"via {low}"
    if re.search(r"\d", low) or len(low) > 30:
        return ""
    return f"via {text.strip()}"


def _approach(text: str, service: str) -> tuple[str, str]:
    """(attributive form or "", the "using ..." phrase) for an approach name."""
    name = text.strip()
    if not name or re.search(r"\d", name.replace("-9", "")) or len(name) > 40:
        return "", ""
    shown = name if re.match(r"[A-Z]{2,}", name) else lower_first(name)
    last = shown.split()[-1].lower()
    if last.endswith(_NOUN_APPROACH_ENDINGS) or shown.isupper():
        attributive = shown if (len(shown.split()) <= 3 and service not in shown.lower()
                                and not last.endswith("ing")) else ""
        return attributive, f"using {shown}"
    if last in ("method", "approach", "model", "framework"):
        return "", f"using {'the' if shown[:1].isupper() else article_for(shown)} {shown}"
    if shown[:1].isupper():  # a name: "Gottman"
        return "", f"using the {shown} method"
    article = article_for(shown)
    return "", f"using {article} {shown} approach"


def session_line(info: SessionInfo, voice: Voice, date_style: str = "long") -> Sentence | None:
    service_key = info.service.strip().lower()
    service = _SERVICE_WORDS.get(service_key, "" if re.search(r"\d", service_key)
                                 or len(service_key) > 30 else service_key)
    modality = _modality(info.modality)
    when = format_date(info.date, date_style)
    attributive, using = _approach(info.approach, service_key)
    if not (service or modality or when or using or info.minutes):
        return None
    if voice.unit:
        subject, plural = voice.client_subject(), False
    elif service_key in ("couple", "couples"):
        subject, plural = f"{voice.client} and partner", True
    elif service_key == "family":
        subject, plural = f"{voice.client} and family", True
    else:
        subject, plural = voice.client, False
    seen = "were seen for " if plural else "was seen for "
    verb: Segment = (Choice((seen, "attended "), 1 if service_key == "group" else 0, "verb"))
    length = f"{info.minutes}-minute " if info.minutes else ""
    noun = f"{service} session".strip() if service else "session"
    head = f"{length}{noun}"
    article = article_for(head)
    place = (f" {modality}" if modality else "") + (f" on {when}" if when else "")
    if attributive:
        with_name = f"{length}{service + ' ' if service else ''}{attributive} session"
        return Sentence([subject, " ", verb, Choice(
            (f"{article_for(with_name)} {with_name}{place}",
             f"{article} {head}{place}, {using}"), 0, "order")], [], fixed=True)
    tail = f", {using}" if using else ""
    return Sentence([subject, " ", verb, f"{article} {head}{place}{tail}"], [], fixed=True)


def session_words(info: SessionInfo) -> str:
    """Every word and number the session line may cite: the appointment's details, with its
    date in each of the forms a note may write it."""
    dates = [format_date(info.date, style) for style in ("long", "numeric", "short", "iso")]
    return " ".join(str(v) for v in (*dates, info.minutes, info.modality, info.service,
                                     info.approach) if v)
