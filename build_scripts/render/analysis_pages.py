"""Pages that answer "who is asked to do what, on which theme, how strongly", across the corpus.

/actors/ and /actors/ID/; /themes/ and /themes/ID/; /verbs/ (asks by strength); /glossary/.
Every entry links to the exact element, sub-paragraphs included.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import ids
from ..annotate import Annotations
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


def _excerpt(text: str, words: int = 18) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _element_link(page: str, resolution: Resolution, element: Element, note: str = "") -> str:
    url = relative_url(page, ids.permalink(resolution.metadata.number, element.id))
    text = element.text or element.heading
    extra = f" <em>{escape(note)}</em>" if note else ""
    return f'<li><a href="{attribute(url)}">{escape(element_name(element.id).capitalize())}</a>{extra}: {escape(_excerpt(text))}</li>'


def _grouped(page: str, corpus: Corpus, pick, note=lambda r, e, a: "") -> str:
    """A list per resolution (and per section) of the elements ``pick(annotations, id)`` selects."""
    parts = []
    for resolution, annotations in corpus:
        items = [(e, annotations.for_element(e.id)) for e in resolution.elements() if pick(annotations.for_element(e.id), e.id)]
        if not items:
            continue
        parts.append(f"<h3>{escape(resolution.metadata.symbol)}</h3>")
        parts.append("<ul>" + "".join(_element_link(page, resolution, e, note(resolution, e, a)) for e, a in items) + "</ul>")
    return "\n".join(parts) if parts else "<p>None.</p>"


def _verbs_note(_resolution: Resolution, _element: Element, annotations) -> str:
    return ", ".join(dict.fromkeys(v.lemma for v in annotations.verbs))


def actor_pages(corpus: Corpus) -> list[Page]:
    gazetteer = corpus[0][1].gazetteer
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
            "## Asked of it { #asked }\n",
            _grouped(page, corpus, lambda a, _id, actor=actor: actor.id in a.addressees, _verbs_note) + "\n",
            "## Mentioned in { #mentioned }\n",
            _grouped(page, corpus, lambda a, _id, actor=actor: actor.id not in a.addressees and any(m.actor == actor.id for m in (*a.mentions, *a.heading_mentions))) + "\n",
        ]
        pages.append(Page(page, "\n".join(body)))
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
        sections = []
        for resolution, annotations in corpus:
            tagged = set(annotations.with_theme(theme.id))
            if not tagged:
                continue
            sections.append(f"<h3>{escape(resolution.metadata.symbol)}</h3>")
            groups = [("Preamble", [e for p in resolution.preamble for e in p.walk()])]
            for section in resolution.sections:
                groups.append((section.heading, [e for p in resolution.operative if section.first <= p.number <= section.last for e in p.walk()]))
            for heading, elements in groups:
                chosen = [e for e in elements if e.id in tagged]
                if chosen:
                    sections.append(f"<h4>{escape(heading)}</h4><ul>" + "".join(_element_link(page, resolution, e) for e in chosen) + "</ul>")
        body = [
            front_matter(theme.name, f"{theme.definition} Every paragraph on this theme."),
            f"# {escape(theme.name)}\n",
            f"<p>{escape(theme.definition)}</p>\n",
            "## Paragraphs on this theme\n",
            ("\n".join(sections) if sections else "<p>No paragraph is tagged with this theme yet.</p>") + "\n",
        ]
        pages.append(Page(page, "\n".join(body)))
        rows.append(f'<tr><td><a href="{theme.id}/">{escape(theme.name)}</a></td><td>{escape(theme.definition)}</td><td>{count}</td></tr>')
    index = [
        front_matter("Themes", "The themes of the resolutions, each with every paragraph and sub-paragraph on it."),
        "# Themes\n",
        "Each element, sub-paragraphs included, is tagged by rules that favour precision: a missing tag is likelier than a wrong one.\n",
        '<table><thead><tr><th scope="col">Theme</th><th scope="col">Definition</th><th scope="col">Elements</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>\n",
    ]
    return [Page("themes/", "\n".join(index)), *pages]


def verbs_page(corpus: Corpus) -> Page:
    page = "verbs/"
    body = [
        front_matter("Asks by strength", "Every operative verb, from decides and authorizes to welcomes, with the paragraphs that use it."),
        "# Asks by strength\n",
        "Operative paragraphs open with a verb, and one paragraph can carry several. The scale runs from 4 (binding decisions) to 1 (statements of view).\n",
    ]
    for strength in sorted(STRENGTHS, reverse=True):
        body.append(f"## {strength}. {escape(STRENGTHS[strength])} {{ #strength-{strength} }}\n")
        body.append(_grouped(page, corpus, lambda a, _id, s=strength: any(v.strength == s for v in a.verbs), _verbs_note) + "\n")
    return Page(page, "\n".join(body))


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
    yield verbs_page(corpus)
    yield glossary_page(corpus)
