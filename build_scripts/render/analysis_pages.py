"""Pages that answer "who is asked to do what, on which theme, how strongly", across the corpus.

/actors/ and /actors/ID/; /themes/ and /themes/ID/; /verbs/ (asks by strength); /glossary/.
Every entry links to the exact element, sub-paragraphs included.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import ids
from ..analyse.annotate import Annotations
from ..model import Element, Resolution
from .links import element_name
from .markup import attribute, escape, relative_url
from .pages import Page, front_matter

STRENGTHS = {
    4: "Decides, demands, authorizes: the Council decides or empowers",
    3: "Requests, urges, calls upon: a firm request to a named actor",
    2: "Encourages, invites: a suggestion",
    1: "Welcomes, commends, affirms, reiterates, expresses: the Council states a view",
}

Corpus = list[tuple[Resolution, Annotations]]
Section = tuple[str, str, int]
"""(Markdown heading line, HTML list, number of elements listed)."""

INLINE_RESOLUTIONS = 10
"""Up to this many resolutions, an actor, theme or verb page lists every element itself. Beyond,
it links to one page per resolution, so that no page grows with the corpus."""


def _excerpt(text: str, words: int = 18) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _element_link(page: str, resolution: Resolution, element: Element, note: str = "") -> str:
    url = relative_url(page, ids.permalink(resolution.metadata.number, element.id))
    text = element.text or element.heading
    extra = f" <em>{escape(note)}</em>" if note else ""
    return f'<li><a href="{attribute(url)}">{escape(element_name(element.id).capitalize())}</a>{extra}: {escape(_excerpt(text))}</li>'


def _grouped(page: str, corpus: Corpus, pick, note=lambda r, e, a: "") -> tuple[str, int]:
    """A list per resolution of the elements ``pick(annotations, id)`` selects, and how many."""
    parts, count = [], 0
    for resolution, annotations in corpus:
        items = [(e, annotations.for_element(e.id)) for e in resolution.elements() if pick(annotations.for_element(e.id), e.id)]
        if not items:
            continue
        count += len(items)
        parts.append(f"<h3>{escape(resolution.metadata.symbol)}</h3>")
        parts.append("<ul>" + "".join(_element_link(page, resolution, e, note(resolution, e, a)) for e, a in items) + "</ul>")
    return ("\n".join(parts) if parts else "<p>None.</p>"), count


def _by_resolution(page: str, title: str, corpus: Corpus, sections) -> tuple[str, list[Page]]:
    """The lists of a page, inline for a small corpus; else, under the same headings and anchors,
    a table of resolutions linking to one page per resolution that holds the lists.

    ``sections(page, corpus)`` gives the page's sections for any page path and part of the corpus.
    """
    if len(corpus) <= INLINE_RESOLUTIONS:
        return "\n".join(f"{heading}\n\n{html}\n" for heading, html, _ in sections(page, corpus)), []
    per_resolution: list[tuple[Resolution, list[Section]]] = []
    subpages = []
    for entry in corpus:
        meta = entry[0].metadata
        subpage = f"{page}{meta.number}/"
        parts = sections(subpage, [entry])
        if not any(count for *_, count in parts):
            continue
        per_resolution.append((entry[0], parts))
        body = [front_matter(f"{title}: {meta.symbol}", f"{title} in Security Council resolution {meta.number} ({meta.year})."), f"# {escape(title)}: {escape(meta.symbol)}\n"]
        body += [f"{heading}\n\n{html}\n" for heading, html, _ in parts]
        subpages.append(Page(subpage, "\n".join(body)))
    lists = []
    for index, (heading, _, _) in enumerate(sections(page, corpus[:0])):
        anchor = heading.partition("{ #")[2].rstrip(" }")
        rows = [
            f'<tr><td><a href="{resolution.metadata.number}/{"#" + anchor if anchor else ""}">{escape(resolution.metadata.symbol)}</a></td><td>{parts[index][2]}</td></tr>'
            for resolution, parts in per_resolution
            if parts[index][2]
        ]
        table = f'<table><thead><tr><th scope="col">Resolution</th><th scope="col">Elements</th></tr></thead><tbody>{"".join(rows)}</tbody></table>' if rows else "<p>None.</p>"
        lists.append(f"{heading}\n\n{table}\n")
    return "\n".join(lists), subpages


def _verbs_note(_resolution: Resolution, _element: Element, annotations) -> str:
    return ", ".join(dict.fromkeys(v.lemma for v in annotations.verbs))


def actor_pages(corpus: Corpus) -> list[Page]:
    gazetteer = corpus[0][1].gazetteer.union(*(annotations.gazetteer for _, annotations in corpus))  # actors made from each text (not in the gazetteer) too
    pages = []
    index_rows = []
    for actor in gazetteer.actors:
        asked = sum(len(a.addressing(actor.id)) for _, a in corpus)
        mentioned = sum(len(a.mentioning(actor.id)) for _, a in corpus)
        if not asked and not mentioned:
            continue
        page = f"actors/{actor.id}/"
        aliases = ", ".join(escape(alias) for alias in actor.aliases) or "—"
        acronyms = ", ".join(f"{escape(a.acronym)} ({escape(a.expansion)})" for a in actor.acronyms) or "—"
        body = [
            front_matter(actor.name, f"What the Security Council asks of {actor.name}, and where it is mentioned, paragraph by paragraph."),
            f"# {escape(actor.name)}\n",
            f"<p>{escape(actor.description)}</p>\n",
            f'<table><tbody><tr><th scope="row">Kind</th><td>{escape(actor.kind.value.replace("-", " "))}</td></tr>'
            f'<tr><th scope="row">Also named</th><td>{aliases}</td></tr><tr><th scope="row">Acronyms</th><td>{acronyms}</td></tr></tbody></table>\n',
        ]

        def sections(where: str, part: Corpus, actor=actor) -> list[Section]:
            asked = _grouped(where, part, lambda a, _id: actor.id in a.addressees, _verbs_note)
            named = _grouped(where, part, lambda a, _id: actor.id not in a.addressees and any(m.actor == actor.id for m in (*a.mentions, *a.heading_mentions)))
            return [("## Asked of it { #asked }", *asked), ("## Mentioned in { #mentioned }", *named)]

        lists, subpages = _by_resolution(page, actor.name, corpus, sections)
        pages += [Page(page, "\n".join(body) + "\n" + lists), *subpages]
        index_rows.append(f'<tr><td><a href="{actor.id}/">{escape(actor.name)}</a></td><td>{escape(actor.kind.value.replace("-", " "))}</td><td>{asked}</td><td>{mentioned}</td></tr>')
    index = [
        front_matter("Actors", "Every actor the resolutions name: what each is asked to do, and where it is mentioned."),
        "# Actors\n",
        "Whom the Council asks or authorizes to act (the addressees of its requests, demands and authorizations), and who else it names.\n",
        '<table><thead><tr><th scope="col">Actor</th><th scope="col">Kind</th><th scope="col">Asked of it</th><th scope="col">Mentioned in</th></tr></thead><tbody>' + "".join(index_rows) + "</tbody></table>\n",
    ]
    return [Page("actors/", "\n".join(index)), *pages]


def theme_pages(corpus: Corpus) -> list[Page]:
    taxonomy = corpus[0][1].taxonomy
    pages, rows = [], []
    for theme in taxonomy.themes:
        count = sum(len(a.with_theme(theme.id)) for _, a in corpus)
        page = f"themes/{theme.id}/"

        def sections(where: str, part: Corpus, theme=theme) -> list[Section]:
            html, count = [], 0
            for resolution, annotations in part:
                tagged = set(annotations.with_theme(theme.id))
                if not tagged:
                    continue
                count += len(tagged)
                html.append(f"<h3>{escape(resolution.metadata.symbol)}</h3>")
                groups = [("Preamble", [e for p in resolution.preamble for e in p.walk()])]
                for section in resolution.sections:
                    groups.append((section.heading, [e for p in resolution.operative if section.first <= p.number <= section.last for e in p.walk()]))
                for heading, elements in groups:
                    chosen = [e for e in elements if e.id in tagged]
                    if chosen:
                        html.append(f"<h4>{escape(heading)}</h4><ul>" + "".join(_element_link(where, resolution, e) for e in chosen) + "</ul>")
            return [("## Paragraphs on this theme", "\n".join(html) if html else "<p>No paragraph is tagged with this theme yet.</p>", count)]

        body = [
            front_matter(theme.name, f"{theme.definition} Every paragraph on this theme."),
            f"# {escape(theme.name)}\n",
            f"<p>{escape(theme.definition)}</p>\n",
        ]
        lists, subpages = _by_resolution(page, theme.name, corpus, sections)
        pages += [Page(page, "\n".join(body) + "\n" + lists), *subpages]
        rows.append(f'<tr><td><a href="{theme.id}/">{escape(theme.name)}</a></td><td>{escape(theme.definition)}</td><td>{count}</td></tr>')
    index = [
        front_matter("Themes", "The themes of the resolutions, each with every paragraph and sub-paragraph on it."),
        "# Themes\n",
        "Each element, sub-paragraphs included, is tagged by rules that favour precision: a missing tag is likelier than a wrong one.\n",
        '<table><thead><tr><th scope="col">Theme</th><th scope="col">Definition</th><th scope="col">Elements</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>\n",
    ]
    return [Page("themes/", "\n".join(index)), *pages]


def verbs_pages(corpus: Corpus) -> list[Page]:
    page = "verbs/"
    body = [
        front_matter("Asks by strength", "Every operative verb, from decides and authorizes to welcomes, with the paragraphs that use it."),
        "# Asks by strength\n",
        "Operative paragraphs open with a verb, and one paragraph can carry several. The scale runs from 4 (binding decisions) to 1 (statements of view).\n",
    ]

    def sections(where: str, part: Corpus) -> list[Section]:
        return [
            (f"## {strength}. {escape(STRENGTHS[strength])} {{ #strength-{strength} }}", *_grouped(where, part, lambda a, _id, s=strength: any(v.strength == s for v in a.verbs), _verbs_note))
            for strength in sorted(STRENGTHS, reverse=True)
        ]

    lists, subpages = _by_resolution(page, "Asks by strength", corpus, sections)
    return [Page(page, "\n".join(body) + "\n" + lists), *subpages]


def glossary_page(corpus: Corpus) -> Page:
    gazetteer = corpus[0][1].gazetteer
    rows = sorted({(a.acronym, a.expansion) for a in gazetteer.acronyms()}, key=lambda r: r[0].lower())
    table = "".join(f'<tr><td><abbr title="{attribute(e)}">{escape(a)}</abbr></td><td>{escape(e)}</td></tr>' for a, e in rows)
    body = [
        front_matter("Glossary", "Every acronym in the resolutions, with its expansion."),
        "# Glossary\n",
        "In the text, hover over or focus an acronym to see its expansion.\n",
        f'<table><thead><tr><th scope="col">Acronym</th><th scope="col">Meaning</th></tr></thead><tbody>{table}</tbody></table>\n',
    ]
    return Page("glossary/", "\n".join(body))


def analysis_pages(corpus: Corpus) -> Iterable[Page]:
    """Every actor, theme, verb and glossary page."""
    yield from actor_pages(corpus)
    yield from theme_pages(corpus)
    yield from verbs_pages(corpus)
    yield glossary_page(corpus)
