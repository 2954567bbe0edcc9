"""Who a note names and how: the client, the clinician, the client's pronouns.

The style profile (style.py) says whether this therapist writes "Client", "The client" or "Pt"
and "Clinician", "Therapist" or "This writer"; the session says whether the client is a couple
or a family; the client's pronouns give "she/her/hers" or "they/them/their".
"""

from __future__ import annotations

from dataclasses import dataclass

_PRONOUNS = {
    "she": ("she", "her", "her", False),
    "he": ("he", "him", "his", False),
    "they": ("they", "them", "their", True),
}


@dataclass(frozen=True)
class Voice:
    client: str = "Client"  # at the start of a sentence
    clinician: str = "Clinician"
    pronoun: str = "they"  # she, he or they
    service: str = "individual"
    unit: str = ""  # "couple" or "family" when the client record is the whole couple or family
    use_pronouns: bool = True

    @property
    def subject_pronoun(self) -> str:
        return _PRONOUNS[self.pronoun][0]

    @property
    def possessive(self) -> str:
        return _PRONOUNS[self.pronoun][2]

    @property
    def plural_pronoun(self) -> bool:
        return _PRONOUNS[self.pronoun][3]

    def client_mid(self) -> str:
        """The client named inside a sentence ("Clinician and client", "with the client")."""
        word = self.client
        return word if word.isupper() else word[0].lower() + word[1:]

    def client_subject(self) -> str:
        if self.unit:
            return f"The {self.unit}"
        return self.client

    def clinician_mid(self) -> str:
        word = self.clinician
        return word if word.split()[0] in ("Dr.",) else word[0].lower() + word[1:]

    def joint(self) -> str:
        partner = f"the {self.unit}" if self.unit else self.client_mid()
        if self.service in ("family", "couple") and not self.unit:
            partner = f"the {self.service}"  # "Clinician and the couple practiced ..."
        return f"{self.clinician} and {partner}"

    def pronouns_allowed(self) -> bool:
        return self.use_pronouns and not self.unit and self.service in ("individual", "group")


def pronoun_key(pronouns: str) -> str:
    """"she/her" -> "she"; anything unknown or empty -> "they"."""
    first = pronouns.split("/", 1)[0].strip().lower()
    return first if first in _PRONOUNS else "they"


def unit_of(client_name: str, service: str) -> str:
    """"couple" or "family" when the client record is the couple or family itself."""
    name = client_name.lower()
    if service in ("couple", "couples") and (" and " in name or "&" in name or "couple" in name):
        return "couple"
    if service == "family" and "family" in name.split():
        return "family"
    return ""
