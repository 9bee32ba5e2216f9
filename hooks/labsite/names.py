"""Person names: LaTeX-free display forms and tolerant matching of spellings."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pybtex.database import Person
from pybtex.exceptions import PybtexError

from .latex import latex_to_text


@dataclass(frozen=True)
class Name:
    """One person's name split the BibTeX way, as plain Unicode text."""

    first: str
    last: str
    von: str = ""
    jr: str = ""

    @classmethod
    def parse(cls, text: str) -> Name:
        """Split ``text`` ("First Last", "Last, First", "von Last, Jr, First") with pybtex.

        ValueError says why a text is not a name (more than two commas).
        """
        try:
            return cls.from_person(Person(text))
        except PybtexError as problem:
            raise ValueError(f"cannot read the name '{text}': {problem}") from None

    @classmethod
    def from_person(cls, person: Person) -> Name:
        """Convert a parsed pybtex person, turning LaTeX accents into Unicode."""
        return _from_parts(" ".join(person.first_names + person.middle_names), " ".join(person.last_names),
                           " ".join(person.prelast_names), " ".join(person.lineage_names))

    @property
    def is_others(self) -> bool:
        """True for BibTeX's ``and others``, which stands for the authors left out."""
        return self.last == "others" and not self.first

    def display(self) -> str:
        """The name as read in running text: "First von Last, Jr"."""
        name = " ".join(part for part in (self.first, self.von, self.last) if part)
        return f"{name}, {self.jr}" if self.jr else name

    @cached_property
    def _folded(self) -> tuple[str, list[str]]:
        # Matching runs for every author on every page: fold each name once.
        return _fold(self.von + self.last), _given(self.first)

    def matches(self, other: Name) -> bool:
        """Whether the two spellings can be the same person.

        Last names must agree (ignoring case and accents); given names must agree or
        one must be the other's initials, so "A. Lovelace" matches "Ada Lovelace", and
        "Ada Lovelace" does not match "Anne Lovelace".
        """
        (my_last, mine), (their_last, theirs) = self._folded, other._folded
        if my_last != their_last:
            return False
        if not mine or not theirs:
            return False
        if mine == theirs:
            return True
        return _initials(mine) == _initials(theirs) and (_all_initials(mine) or _all_initials(theirs))


@lru_cache(maxsize=1 << 16)
def _from_parts(first: str, last: str, von: str, jr: str) -> Name:
    # One object per spelling: a name folded for matching once stays folded everywhere.
    return Name(latex_to_text(first), latex_to_text(last), latex_to_text(von), latex_to_text(jr))


@dataclass
class Roster:
    """Who to mark in author lists: the owner (any spelling) and the group's members."""

    owner: tuple[Name, ...] = ()
    members: tuple[tuple[Name, str], ...] = ()  # a member's name and their address on the site
    _known: dict = field(default_factory=dict, repr=False)

    def role(self, name: Name) -> tuple[str, str]:
        """("owner", ""), ("member", address) or ("", "") for an author's name."""
        # Keyed by identity (one object per spelling, see _from_parts): hashing four
        # strings for every author on every page costs more than the lookup saves.
        known = self._known.get(id(name))
        if known is None or known[0] is not name:
            if any(name.matches(spelling) for spelling in self.owner):
                role = ("owner", "")
            else:
                address = next((url for member, url in self.members if name.matches(member)), None)
                role = ("member", address) if address is not None else ("", "")
            known = self._known[id(name)] = (name, role)
        return known[1]


def initials(full_name: str) -> str:
    """Up to two initials of a name as written ("Ada Lovelace" gives "AL"), shown where there is no photo."""
    return "".join(part[0] for part in full_name.split()[:2]).upper()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if char.isalnum()).casefold()


def _given(first: str) -> list[str]:
    return [_fold(part) for part in first.replace(".", ". ").replace("-", " ").split() if _fold(part)]


def _initials(parts: list[str]) -> list[str]:
    return [part[0] for part in parts]


def _all_initials(parts: list[str]) -> bool:
    return all(len(part) == 1 for part in parts)
