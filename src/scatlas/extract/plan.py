"""The extraction stage: a Document in, the plan's metadata and its de-duplicated services out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from scatlas.extract.candidates import Candidate
from scatlas.extract.cards import extract_cards
from scatlas.extract.dedupe import KeyIndex, merge_candidates, name_key
from scatlas.extract.lists import extract_lists
from scatlas.extract.metadata import PlanMetadata, extract_metadata
from scatlas.extract.municipalities import own_names, resolve_mentions
from scatlas.extract.outline import build_outline
from scatlas.extract.prose import extract_prose
from scatlas.extract.tables import extract_tables
from scatlas.extract.text import fold_name
from scatlas.ingest.document import Document
from scatlas.records import PlanRecord, ServiceRecord
from scatlas.taxonomy import domain_name, try_normalise_domain

#: A pipeline stage that turns a read document into a plan record (swap in another with the same signature).
PlanExtractor = Callable[[Document], PlanRecord]

# With this many services from tables and cards, list items that match none of them are not trusted.
_TRUSTED_SERVICES = 3


def _to_record(candidate: Candidate, position: int) -> ServiceRecord:
    domain_id = try_normalise_domain(candidate.label)
    return ServiceRecord(
        name=candidate.name,
        description=candidate.description,
        declared_domain=domain_name(domain_id) if domain_id else None,
        declared_label=candidate.label,
        page=candidate.page,
        position=position,
        extra=dict(candidate.extra),
        from_prose=candidate.kind == "prose",
    )


def _no_dominant_municipality(document: Document, meta: PlanMetadata) -> None:
    """A news report about many places (23 selected cities) is no one municipality's: the municipality is left
    unknown unless one of four or more named places has at least 40% of the mentions."""
    counts = resolve_mentions(document.text()).counts
    if len(counts) < 4 or meta.municipality is None:
        return
    top = counts.most_common(1)[0][1]
    if top < 2 or top < 0.4 * sum(counts.values()):
        meta.warnings.append(
            f"the text names {len(counts)} municipalities and none stands out (kept {meta.municipality!r} out)"
        )
        meta.municipality = meta.municipality_code = None


def extract_plan(document: Document) -> PlanRecord:
    """The plan a document holds: municipality, title, period and the services it lists.

    Tables, service cards and numbered lists are read separately; list items are kept only when no table or
    card lists the services, or when they name a service those list too. The same service mentioned in
    several places is one service (see `scatlas.extract.dedupe`).
    """
    outline = build_outline(document)
    meta = extract_metadata(document, outline)
    tables = extract_tables(outline, own_names(meta.municipality_code))
    cards = extract_cards(outline)
    lists = extract_lists(outline, cards.consumed)
    # The reader's own warnings stay on the Document (callers report them beside these), not repeated here.
    warnings = [*tables.warnings, *cards.warnings, *lists.warnings]

    structured = tables.candidates + cards.candidates
    candidates = list(structured)
    if len(structured) >= _TRUSTED_SERVICES:
        known = {name_key(c.name) for c in structured}
        index = KeyIndex(sorted(known))
        dropped = []
        for item in lists.candidates:
            key = name_key(item.name)
            if key in known or (len(key) >= 4 and index.containing(key)):
                candidates.append(item)
            else:
                dropped.append(item)
        if dropped:
            warnings.append(
                f"{len(dropped)} listed item(s) not in the plan's service tables or cards were left "
                f"out: {', '.join(repr(c.name) for c in dropped[:8])}" + (" …" if len(dropped) > 8 else "")
            )
    else:
        candidates.extend(lists.candidates)
    if not candidates:
        # no service table, cards or lists: a summary, press release or news report names them in sentences
        prose = extract_prose(outline, {fold_name(c.name) for c in candidates})
        candidates.extend(prose.candidates)
        warnings.extend(prose.warnings)
        if prose.candidates:
            _no_dominant_municipality(document, meta)

    merged, merge_warnings = merge_candidates(candidates)
    warnings.extend(merge_warnings)
    warnings.extend(meta.warnings)
    services = [_to_record(c, i) for i, c in enumerate(merged)]
    ocr = {page.number: page.ocr_confidence for page in document.pages if page.ocr_confidence is not None}
    for service in services:
        service.ocr_confidence = ocr.get(service.page) if service.page is not None else None
    if not services:
        warnings.append("no service list found (no service table, service cards or service lists)")
    unmapped = Counter(s.declared_label for s in services if s.declared_label and s.declared_domain is None)
    if unmapped:
        labels = ", ".join(f"{label!r} ×{n}" for label, n in unmapped.most_common())
        warnings.append(
            f"plan-specific domain labels kept in declared_label only (not one of the 12 domains): {labels}"
        )
    return PlanRecord(
        municipality=meta.municipality,
        municipality_code=meta.municipality_code,
        title=meta.title,
        period=meta.period,
        services=services,
        warnings=warnings,
    )
