"""Merging the same service found several times in one plan (summary table, its own section, a list).

Names are compared after NFC, case, whitespace, punctuation and numbering folding, and without generic
endings ('서비스', '구축', '시스템' …). A shorter name inside exactly one longer name is the same service (a
shortened mention); inside several it stays apart and is reported.

The merged service keeps the longest name, the richest (longest) description, the first page where the
service is described (the earliest page among the mentions with a description, else the earliest page), the
first domain label met (tables' 분야 columns first, then cards, then lists), and every extra field.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from scatlas.extract.candidates import Candidate
from scatlas.extract.text import fold_name
from scatlas.taxonomy import try_normalise_domain

_GENERIC_END = re.compile(r"(?:서비스|구축|사업|도입|조성|운영|시스템|플랫폼구축|구축사업|서비스구축)+$")
_KIND_RANK = {"table": 0, "card": 1, "list": 2, "prose": 3}


def name_key(name: str) -> str:
    """The key two mentions of one service share."""
    key = fold_name(name)
    core = _GENERIC_END.sub("", key)
    return core if len(core) >= 2 else key


@dataclass
class Group:
    """The mentions of one service."""

    key: str
    members: list[Candidate] = field(default_factory=list)

    def merged(self) -> Candidate:
        """One candidate standing for the group."""
        members = sorted(self.members, key=lambda c: c.order)
        name = max(members, key=lambda c: (len(fold_name(c.name)), -c.order)).name
        described = [c for c in members if c.description]
        description = max(described, key=lambda c: len(c.description)).description if described else ""
        pages = [c.page for c in (described or members) if c.page is not None]
        labelled = sorted((c for c in members if c.label), key=lambda c: (_KIND_RANK[c.kind], c.order))
        extra: dict[str, object] = {}
        for c in members:
            for k, v in c.extra.items():
                extra.setdefault(k, v)
        return Candidate(
            name=name,
            description=description,
            label=labelled[0].label if labelled else None,
            page=min(pages) if pages else None,
            kind=members[0].kind,
            order=members[0].order,
            extra=extra,
        )


class KeyIndex:
    """Finds the keys that contain a string, in one C-level scan of all keys joined (fast for thousands)."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.joined = "\x00".join(keys)
        self.starts: list[int] = []
        position = 0
        for key in keys:
            self.starts.append(position)
            position += len(key) + 1

    def containing(self, part: str) -> list[str]:
        """The keys that contain `part`."""
        found: list[str] = []
        at = self.joined.find(part)
        while at != -1:
            index = bisect_right(self.starts, at) - 1
            if _whole_run(self.joined, at, at + len(part)):
                found.append(self.keys[index])
                at = self.joined.find(part, self.starts[index] + len(self.keys[index]) + 1)  # from the next key
            else:
                at = self.joined.find(part, at + 1)
        return found


def _whole_run(text: str, start: int, end: int) -> bool:
    """False when a match cuts a run of digits or Latin letters ('정류장1' inside '정류장12', 'ai' in 'aiot')."""

    def same_run(a: str, b: str) -> bool:
        return (a.isdigit() and b.isdigit()) or (a.isascii() and a.isalpha() and b.isascii() and b.isalpha())

    if start > 0 and same_run(text[start - 1], text[start]):
        return False
    return not (end < len(text) and same_run(text[end - 1], text[end]))


#: words of a name that say nothing about which service it is (an abbreviation must keep a telling word)
_VAGUE_WORDS = {
    "스마트",
    "ai",
    "iot",
    "ict",
    "기반",
    "지능형",
    "서비스",
    "시스템",
    "플랫폼",
    "구축",
    "통합",
    "첨단",
    "디지털",
}


def _words(name: str) -> list[str]:
    folded = fold_name(name)  # numbering at the start goes; numbers inside the name stay words
    words = [re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", part)).lower() for part in name.split()]
    return [w for w in words if w and w in folded]


def _in_order(words: list[str], key: str) -> bool:
    at = 0
    for word in words:
        found = key.find(word, at)
        while found >= 0 and not _whole_run(key, found, found + len(word)):
            found = key.find(word, found + 1)
        if found < 0:
            return False
        at = found + len(word)
    return True


def _join_abbreviations(groups: dict[str, Group]) -> None:
    """A name whose words all stand, in order, in exactly one longer name is a shortened form of it.

    Summary tables print 'AI CCTV' for the card 'AI 기반 지능형 CCTV 선별관제': two or more words, one of them
    telling (not '스마트', 'AI', '기반' …), and no other service holding the same words.
    """
    index = KeyIndex(list(groups))  # keys holding the longest word, found in C, before the word-order test
    for key in sorted(groups, key=len):
        group = groups.get(key)
        if group is None:
            continue
        words = _words(min((c.name for c in group.members), key=len))
        if len(words) < 2 or not any(len(w) >= 2 and w not in _VAGUE_WORDS for w in words):
            continue
        hosts = [
            other
            for other in index.containing(max(words, key=len))
            if other != key and len(other) > len(key) and other in groups and _in_order(words, other)
        ]
        if len(hosts) == 1:
            groups[hosts[0]].members.extend(groups.pop(key).members)


def merge_candidates(candidates: list[Candidate]) -> tuple[list[Candidate], list[str]]:
    """The distinct services in plan order, and warnings about doubtful merges."""
    warnings: list[str] = []
    groups: dict[str, Group] = {}
    for candidate in sorted(candidates, key=lambda c: c.order):
        key = name_key(candidate.name)
        groups.setdefault(key, Group(key)).members.append(candidate)
    # Shortened names: a key inside exactly one other (longer) key joins it.
    index = KeyIndex(list(groups))
    for key in sorted(groups, key=len):
        if len(key) < 4 or key not in groups:
            continue
        hosts = [other for other in index.containing(key) if other != key and other in groups]
        if len(hosts) == 1:
            groups[hosts[0]].members.extend(groups.pop(key).members)
        elif len(hosts) > 1:
            names = ", ".join(sorted(groups[h].members[0].name for h in hosts))
            warnings.append(
                f"{groups[key].members[0].name!r} could be a short form of several services ({names}); kept apart"
            )
    _join_abbreviations(groups)
    merged = []
    for group in groups.values():
        service = group.merged()
        domains = {try_normalise_domain(c.label) for c in group.members if c.label}
        domains.discard(None)
        if len(domains) > 1:
            warnings.append(
                f"{service.name!r} is labelled with different domains in the plan "
                f"({', '.join(sorted(str(c.label) for c in group.members if c.label))}); "
                f"kept {service.label!r}"
            )
        merged.append(service)
    merged.sort(key=lambda c: c.order)
    return merged, warnings
