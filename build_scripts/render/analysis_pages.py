"""Pages that answer "who is asked to do what, on which theme, how strongly", across the corpus.

/actors/ and /actors/ID/; /themes/ and /themes/ID/; /verbs/ (asks by strength); /glossary/.
Every entry links to the exact element, sub-paragraphs included. No page grows with the corpus:
an actor, theme or the verbs list their elements per resolution on pages of their own, then by
year (``listing.split``), and the actors' index lists at most :data:`ACTORS_PER_PAGE` actors,
the rest on numbered pages ``actors/2/``, ``actors/3/`` (no actor id is a number).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

from .. import ids
from ..analyse.actors import Actor, ActorKind
from ..analyse.annotate import Annotations
from ..model import Element, Resolution
from . import listing
from .links import element_name
from .listing import Group, Item, Section
from .pages import Page, front_matter
from .templating import render

STRENGTHS = {
    4: "Decides, demands, authorizes: the Council decides or empowers",
    3: "Requests, urges, calls upon: a firm request to a named actor",
    2: "Encourages, invites: a suggestion",
    1: "Welcomes, commends, affirms, reiterates, expresses: the Council states a view",
}

KINDS = {
    ActorKind.UN_ORGAN_OR_OFFICIAL: "UN organ or official",
    ActorKind.UN_MISSION: "UN mission",
    ActorKind.STATE_OR_GOVERNMENT: "State or government",
    ActorKind.ARMED_GROUP_PARTY: "Armed group or party to an agreement",
    ActorKind.TERRORIST_GROUP: "Terrorist group",
    ActorKind.REGIONAL_OR_INTERNATIONAL_ORGANIZATION: "Regional or international organization",
    ActorKind.OTHER: "Other",
}
"""How a reader sees each kind of actor."""

ACTORS_PER_PAGE = 100
"""Actors listed on one page of the index."""

Corpus = list[tuple[Resolution, Annotations]]


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of an index: a name linked to its page, then plain cells."""

    name: str
    url: str
    cells: list[object]


def _excerpt(text: str, words: int = 18) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _item(resolution: Resolution, element: Element, note: str = "") -> Item:
    return Item(element_name(element.id).capitalize(), ids.permalink(resolution.metadata.number, element.id), _excerpt(element.text or element.heading), note)


def _groups(corpus: Corpus, pick, note=lambda annotations: "") -> tuple[Group, ...]:
    """Per resolution, the elements ``pick(annotations, id)`` selects."""
    groups = []
    for resolution, annotations in corpus:
        items = tuple(_item(resolution, e, note(annotations.for_element(e.id))) for e in resolution.elements() if pick(annotations.for_element(e.id), e.id))
        if items:
            groups.append(Group(resolution.metadata.symbol, (("", items),)))
    return tuple(groups)


def _verbs_note(found) -> str:
    return ", ".join(dict.fromkeys(v.lemma for v in found.verbs))


def kind_name(kind: ActorKind) -> str:
    """'UN organ or official', not 'un organ or official'."""
    return KINDS[kind]


def _actor_page(actor: Actor, corpus: Corpus) -> list[Page]:
    path = f"actors/{actor.id}/"

    def sections(where: str, part: Corpus) -> list[Section]:
        asked = _groups(part, lambda a, _id: actor.id in a.addressees, _verbs_note)
        named = _groups(part, lambda a, _id: actor.id not in a.addressees and any(m.actor == actor.id for m in (*a.mentions, *a.heading_mentions)))
        return [Section("Asked of it", "asked", groups=asked), Section("Mentioned in", "mentioned", groups=named)]

    shown, subpages = listing.split(path, actor.name, corpus, sections, lambda entry: bool(entry[1].addressing(actor.id) or entry[1].mentioning(actor.id)))
    main = listing.page(
        path, actor.name, f"What the Security Council asks of {actor.name}, and where it is mentioned, paragraph by paragraph.", shown,
        "corpus_actor.html.j2", actor=actor, kind=kind_name(actor.kind),
        aliases=", ".join(actor.aliases) or "—", acronyms=", ".join(f"{a.acronym} ({a.expansion})" for a in actor.acronyms) or "—",
    )
    return [main, *subpages]


def actor_pages(corpus: Corpus) -> list[Page]:
    gazetteer = corpus[0][1].gazetteer.union(*(annotations.gazetteer for _, annotations in corpus))  # actors made from each text (not in the gazetteer) too
    pages, entries = [], []
    for actor in gazetteer.actors:
        asked = sum(len(a.addressing(actor.id)) for _, a in corpus)
        mentioned = sum(len(a.mentioning(actor.id)) for _, a in corpus)
        if not asked and not mentioned:
            continue
        pages += _actor_page(actor, corpus)
        entries.append(Entry(actor.name, f"actors/{actor.id}/", [kind_name(actor.kind), asked, mentioned]))
    entries.sort(key=lambda entry: entry.name.casefold())
    intro = "Whom the Council asks or authorizes to act (the addressees of its requests, demands and authorizations), and who else it names."
    headers = ["Actor", "Kind", "Asked of it", "Mentioned in"]
    if len(entries) <= ACTORS_PER_PAGE:
        return [_index("actors/", "Actors", intro, headers, entries), *pages]
    chunks = [entries[start : start + ACTORS_PER_PAGE] for start in range(0, len(entries), ACTORS_PER_PAGE)]
    chapters = [SimpleNamespace(label=f"{chunk[0].name} – {chunk[-1].name}", url=f"actors/{number}/", count=len(chunk)) for number, chunk in enumerate(chunks, 1)]
    most = sorted(entries, key=lambda entry: (-entry.cells[1], entry.name.casefold()))[:25]
    index = _index(
        "actors/", "Actors", intro, headers, most, chapters=chapters, chapters_unit="Actors",
        chapters_intro=f"All {len(entries)} actors, {ACTORS_PER_PAGE} to a page, by name.", entries_title="Most asked", entries_anchor="most-asked",
    )
    numbered = [_index(chapter.url, f"Actors: {chapter.label}", intro, headers, chunk, up=("Actors", "actors/")) for chapter, chunk in zip(chapters, chunks)]
    return [index, *numbered, *pages]


def _index(path: str, title: str, intro: str, headers: list[str], entries: list[Entry], **context: object) -> Page:
    context = {"chapters": [], "chapters_intro": "", "chapters_unit": "", "entries_title": "", "entries_anchor": "", **context}
    description = f"{title}: what each is asked to do, and where it is mentioned." if title.startswith("Actors") else intro
    return Page(path, front_matter(title, description) + render("corpus_index.html.j2", page=path, title=title, intro=intro, headers=headers, entries=entries, **context))


def theme_pages(corpus: Corpus) -> list[Page]:
    taxonomy = corpus[0][1].taxonomy
    themed = {resolution.metadata.number: {theme for _id, found in annotations.elements for theme in found.themes} for resolution, annotations in corpus}
    pages, entries = [], []
    for theme in taxonomy.themes:
        count = sum(len(a.with_theme(theme.id)) for _, a in corpus)
        path = f"themes/{theme.id}/"

        def sections(where: str, part: Corpus, theme=theme) -> list[Section]:
            groups = []
            for resolution, annotations in part:
                tagged = set(annotations.with_theme(theme.id))
                if not tagged:
                    continue
                headed = [("Preamble", [e for p in resolution.preamble for e in p.walk()])]
                headed += [(s.heading, [e for p in resolution.operative if s.first <= p.number <= s.last for e in p.walk()]) for s in resolution.sections]
                outside = [e for p in resolution.operative if resolution.section_of(p.number) is None for e in p.walk()]
                if outside:  # a text without headings, or paragraphs before the first heading
                    headed.insert(1, ("Operative paragraphs" if not resolution.sections else "Under no heading", outside))
                parts = tuple((heading, tuple(_item(resolution, e) for e in elements if e.id in tagged)) for heading, elements in headed)
                groups.append(Group(resolution.metadata.symbol, tuple(part for part in parts if part[1])))
            return [Section("Paragraphs on this theme", "paragraphs", "No paragraph is tagged with this theme yet.", groups=tuple(groups))]

        shown, subpages = listing.split(path, theme.name, corpus, sections, lambda entry, theme=theme: theme.id in themed[entry[0].metadata.number])
        pages += [listing.page(path, theme.name, f"{theme.definition} Every paragraph on this theme.", shown, "corpus_theme.html.j2", definition=theme.definition), *subpages]
        entries.append(Entry(theme.name, path, [theme.definition, count]))
    intro = "Each element, sub-paragraphs included, is tagged by rules that favour precision: a missing tag is likelier than a wrong one."
    index = Page("themes/", front_matter("Themes", "The themes of the resolutions, each with every paragraph and sub-paragraph on it.") + render(
        "corpus_index.html.j2", page="themes/", title="Themes", intro=intro, headers=["Theme", "Definition", "Elements"], entries=entries,
        chapters=[], chapters_intro="", chapters_unit="", entries_title="", entries_anchor="",
    ))
    return [index, *pages]


def verbs_pages(corpus: Corpus) -> list[Page]:
    path = "verbs/"

    def sections(where: str, part: Corpus) -> list[Section]:
        return [
            Section(f"{strength}. {STRENGTHS[strength]}", f"strength-{strength}", groups=_groups(part, lambda a, _id, s=strength: any(v.strength == s for v in a.verbs), _verbs_note))
            for strength in sorted(STRENGTHS, reverse=True)
        ]

    shown, subpages = listing.split(path, "Asks by strength", corpus, sections)
    main = listing.page(path, "Asks by strength", "Every operative verb, from decides and authorizes to welcomes, with the paragraphs that use it.", shown, "corpus_verbs.html.j2")
    return [main, *subpages]


def glossary_page(corpus: Corpus) -> Page:
    """Every acronym of the data the corpus was read with (the lexicon and each situation used).

    Its size is that of the data, not of the corpus: acronyms come from curated files only."""
    gazetteer = corpus[0][1].gazetteer.union(*(annotations.gazetteer for _, annotations in corpus))
    rows = sorted({(a.acronym, a.expansion) for a in gazetteer.acronyms()}, key=lambda row: (row[0].casefold(), row[0]))
    return Page("glossary/", front_matter("Glossary", "Every acronym in the resolutions, with its expansion.") + render("corpus_glossary.html.j2", page="glossary/", acronyms=rows))


def analysis_pages(corpus: Corpus) -> Iterable[Page]:
    """Every actor, theme, verb and glossary page."""
    yield from actor_pages(corpus)
    yield from theme_pages(corpus)
    yield from verbs_pages(corpus)
    yield glossary_page(corpus)
