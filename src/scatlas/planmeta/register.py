"""The register of Korean local governments (data/municipalities.csv) and finding them in text.

Same-name basic governments (중구, 동구, 서구, 남구, 북구, 강서구, 고성군) are told apart only by a metro name
next to them (`부산광역시 중구`) or, failing that, by the one metro of that name's owners the text mentions;
otherwise the mention is ambiguous and resolves to no code.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from scatlas.planmeta.text import nfc


@dataclass(frozen=True)
class Municipality:
    """One row of the register."""

    code: str
    name: str
    full_name: str
    level: str  # metro | basic | admin_city
    parent_code: str | None
    aliases: tuple[str, ...] = ()
    note: str = ""


@dataclass
class Register:
    """The register with the lookup tables built from it."""

    rows: list[Municipality]
    by_code: dict[str, Municipality] = field(default_factory=dict)
    by_name: dict[str, list[Municipality]] = field(default_factory=dict)  # official names and long aliases
    metro_spellings: dict[str, Municipality] = field(default_factory=dict)  # every spelling of a metro

    def __post_init__(self) -> None:
        for row in self.rows:
            self.by_code[row.code] = row
            self.by_name.setdefault(row.name, []).append(row)
            if row.level == "metro":
                for spelling in (row.name, *row.aliases):
                    self.metro_spellings[spelling] = row
            else:
                for alias in row.aliases:
                    if len(alias) > 2:
                        self.by_name.setdefault(alias, []).append(row)

    def metro_of(self, row: Municipality) -> Municipality:
        """The metro a row belongs to (itself for a metro)."""
        return self.by_code[row.parent_code] if row.parent_code else row

    def display_name(self, row: Municipality) -> str:
        """The name to print: the official name, or metro + name when the name exists in several metros."""
        if row.level == "basic" and len(self.by_name.get(row.name, [])) > 1:
            return row.full_name
        return row.name


#: names the press uses that are not in the register's aliases: the new city of Sejong and its agency, and
#: '충남도'-style names of provinces (two-syllable short name + 도)
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "3611000000": ("행복도시", "행정중심복합도시", "행복청", "행정중심복합도시건설청"),
}


@lru_cache(maxsize=1)
def load_register() -> Register:
    """The bundled register (data/municipalities.csv), read once, with EXTRA_ALIASES and '충남도' forms."""
    source = resources.files("scatlas.data").joinpath("municipalities.csv")
    with source.open(encoding="utf-8") as handle:
        rows = []
        for r in csv.DictReader(handle):
            aliases = [a for a in nfc(r["aliases"]).split(";") if a]
            aliases.extend(EXTRA_ALIASES.get(r["code"], ()))
            if r["level"] == "metro" and r["name"].endswith("도"):
                aliases.extend(f"{a}도" for a in list(aliases) if len(a) == 2)
            rows.append(
                Municipality(
                    code=r["code"],
                    name=nfc(r["name"]),
                    full_name=nfc(r["full_name"]),
                    level=r["level"],
                    parent_code=r["parent_code"] or None,
                    aliases=tuple(dict.fromkeys(aliases)),
                    note=r["note"],
                )
            )
    return Register(rows)


@dataclass
class Mention:
    """A municipality name found in text."""

    start: int
    end: int
    text: str
    candidates: list[Municipality]  # more than one when the name is shared and no metro sits next to it


@dataclass
class Resolution:
    """What a text says about its municipality."""

    municipality: Municipality | None
    name: str | None
    code: str | None
    counts: Counter[str]  # code (or 'ambiguous:<name>') -> mentions
    ambiguous: list[str] = field(default_factory=list)  # names that could not be told apart
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    register = load_register()
    names = set(register.by_name) | {s for s in register.metro_spellings if len(s) > 2}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # No Hangul right before a name: '강동구' must not yield '동구', '남양주시' not '양주시'.
    return re.compile(rf"(?<![가-힣])(?:{alternation})")


@lru_cache(maxsize=1)
def _metro_prefix() -> re.Pattern[str]:
    spellings = sorted(load_register().metro_spellings, key=len, reverse=True)
    return re.compile(rf"(?<![가-힣])({'|'.join(re.escape(s) for s in spellings)})\s*$")


@lru_cache(maxsize=1)
def _stems() -> tuple[dict[str, Municipality], re.Pattern[str] | None]:
    """Names without 시/군 and short metro names ('목포', '부산'), unique in the register, for '목포 스마트도시'."""
    register = load_register()
    owners: dict[str, list[Municipality]] = {}
    for row in register.rows:
        if row.level != "metro" and row.name[-1] in "시군" and len(row.name) >= 3:
            owners.setdefault(row.name[:-1], []).append(row)
        if row.level == "metro":
            for alias in row.aliases:
                if len(alias) == 2:
                    owners.setdefault(alias, []).append(row)
    stems = {stem: rows[0] for stem, rows in owners.items() if len(rows) == 1}
    if not stems:
        return stems, None
    alternation = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    # Only right before '스마트' (a title such as '2030 목포 스마트도시계획'): elsewhere a stem is too often a word.
    return stems, re.compile(rf"(?<![가-힣])({alternation})(?=\s*스마트)")


def find_mentions(text: str) -> list[Mention]:
    """Every municipality name in the text, with a metro right before it used to tell same names apart."""
    register = load_register()
    text = nfc(text)
    mentions: list[Mention] = []
    for match in _pattern().finditer(text):
        word = match.group(0)
        rows = list(register.by_name.get(word, []))
        metro_row = register.metro_spellings.get(word)
        if metro_row is not None and metro_row not in rows:
            rows.append(metro_row)
        before = _metro_prefix().search(text[max(0, match.start() - 12) : match.start()])
        if before and rows and any(r.level != "metro" for r in rows):
            metro = register.metro_spellings[before.group(1)]
            narrowed = [r for r in rows if r.parent_code == metro.code]
            if narrowed:
                rows = narrowed
                if mentions and mentions[-1].candidates == [metro] and mentions[-1].end >= match.start() - 12:
                    mentions.pop()  # '부산광역시 중구' is one mention of 중구, not also one of 부산광역시
        mentions.append(Mention(match.start(), match.end(), word, rows))
    stems, stem_pattern = _stems()
    if stem_pattern is not None:
        taken = {(m.start, m.end) for m in mentions}
        for match in stem_pattern.finditer(text):
            if (match.start(), match.end()) not in taken:
                mentions.append(Mention(match.start(), match.end(), match.group(1), [stems[match.group(1)]]))
        mentions.sort(key=lambda m: m.start)
    return mentions


def resolve_mentions(text: str) -> Resolution:
    """The municipality a text is about: the most mentioned one, basic names disambiguated where possible."""
    register = load_register()
    mentions = find_mentions(text)
    counts: Counter[str] = Counter()
    mentioned_metros = {
        m.candidates[0].code for m in mentions if len(m.candidates) == 1 and m.candidates[0].level == "metro"
    }
    mentioned_metros |= {
        m.candidates[0].parent_code for m in mentions if len(m.candidates) == 1 and m.candidates[0].parent_code
    }
    ambiguous: set[str] = set()
    for mention in mentions:
        rows = mention.candidates
        if len(rows) > 1:
            in_text = [r for r in rows if r.parent_code in mentioned_metros or r.code in mentioned_metros]
            if len(in_text) == 1:
                rows = in_text
        if len(rows) == 1:
            counts[rows[0].code] += 1
        else:
            counts[f"ambiguous:{mention.text}"] += 1
            ambiguous.add(mention.text)
    notes: list[str] = []
    if not counts:
        return Resolution(None, None, None, counts)
    top, _ = counts.most_common(1)[0]
    if top.startswith("ambiguous:"):
        name = top.split(":", 1)[1]
        owners = ", ".join(r.full_name for r in register.by_name.get(name, []))
        notes.append(f"municipality name {name!r} is shared by {owners}; no metro name tells which")
        return Resolution(None, name, None, counts, sorted(ambiguous), notes)
    row = register.by_code[top]
    if row.level == "admin_city":
        parent = register.by_code[row.parent_code or ""]
        notes.append(f"{row.name} is an administrative city (행정시) of {parent.name}, not a local government")
        row = parent
    return Resolution(row, register.display_name(row), row.code, counts, sorted(ambiguous), notes)


def resolve_municipality(text: str) -> tuple[str, str] | None:
    """(official name, 10-digit code) of the municipality the text names most, or None if none or ambiguous.

    >>> resolve_municipality("전라남도 목포시 스마트도시계획")
    ('목포시', '4611000000')
    """
    resolution = resolve_mentions(text)
    if resolution.code is None or resolution.name is None:
        return None
    return resolution.name, resolution.code


def own_names(code: str | None) -> tuple[str, ...]:
    """Every spelling of a municipality (name, full name, long aliases) by its code; () for None or unknown."""
    row = load_register().by_code.get(code or "")
    if row is None:
        return ()
    return tuple(n for n in (row.name, row.full_name, *row.aliases) if len(n) > 2)
