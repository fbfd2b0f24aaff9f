"""Pages that read the resolution as a whole: obligations, timeline, mandate, and three pictures.

``insight_pages(resolution, analysis)`` returns, for resolution N, each of these pages that has
something to show (it only reads the analysis; nothing is computed here) (a thematic text has no mandate page; a text that cites nothing
has no map of cross-references):

- ``N/obligations/``: every request to report, inform, plan or act by a time, who, when, with the
  evidence, and a link to ``N/obligations.ics`` where a date is due;
- ``N/timeline/``: every date the text names, in order, each linked to its element;
- ``N/mandate/``: what the resolution mandates and to whom: the paragraphs that extend or renew
  a mandate, the task lists with strength and modality, figures, use of force, other requests;
- ``N/references-map/``: which paragraphs refer to which, and what they cite elsewhere;
- ``N/matrix/``: whom the Council asks to act, on which theme;
- ``N/strength/``: the operative paragraphs by section and strongest verb.

Every picture has a table beside it that says the same in words. ``INSIGHT_LINKS`` gives the
titles and path suffixes for the overview, which links only the pages that were made.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from .. import ids
from ..analyse.analysis import Analysis
from ..analyse.annotate import Annotations
from ..analyse.dates import long_form
from ..analyse.facts import strength_facts
from ..analyse.mandate import Mandate, TaskList
from ..model import Element, Resolution
from ..analyse.obligations import Obligation
from ..analyse.references import Reference, ReferenceKind
from ..analyse.timeline import Event, EventSource
from ..analyse.verbs import VerbUse
from . import svg
from .analysis_pages import STRENGTHS
from .links import element_name
from .markup import relative_url
from .pages import Page, front_matter
from .templating import render, url

INSIGHT_LINKS: list[tuple[str, str]] = [
    ("Obligations to report, inform and plan", "obligations/"),
    ("Timeline of the dates it names", "timeline/"),
    ("Mandate at a glance", "mandate/"),
    ("Map of cross-references", "references-map/"),
    ("Who is asked to act, on what", "matrix/"),
    ("Paragraphs by strength of verb", "strength/"),
]
"""(title, path under N/) of each insight page, in the order the overview lists them."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A link in a table: its text and site-relative (or absolute) target; no target, plain text."""

    text: str
    url: str = ""


def _ref(number: int, element_id: str, text: str = "") -> Cell:
    return Cell(text or element_name(element_id).capitalize(), ids.permalink(number, element_id))


def _excerpt(text: str, words: int = 24) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _elements(resolution: Resolution) -> dict[str, Element]:
    return {element.id: element for element in resolution.elements()}


def _actor_names(annotations: Annotations, actor_ids: tuple[str, ...]) -> str:
    return ", ".join(annotations.gazetteer.actor(actor).name for actor in actor_ids) or "—"


def _page(path: str, heading: str, summary: str, template: str, **context: object) -> Page:
    """A page from ``template``: the front matter (title ``heading``, description ``summary``), then the body."""
    return Page(path, front_matter(heading, summary) + render(template, page=path, **context))


def obligations_page(resolution: Resolution, annotations: Annotations, obligations: tuple[Obligation, ...]) -> Page:
    """N/obligations/: one row per obligation; the calendar file is linked where a date is due."""
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/obligations/"
    elements = _elements(resolution)
    rows = []
    for obligation in obligations:
        element = elements[obligation.element_id]
        rows.append(SimpleNamespace(
            who=_actor_names(annotations, obligation.actors),
            kind=obligation.kind.value,
            what=_excerpt(element.text[obligation.clause_start : obligation.clause_end].strip(" ,;"), 40),
            focus=[SimpleNamespace(text=ids.citation_label(item), url=ids.permalink(number, item), excerpt=_excerpt(elements[item].text, 16)) for item in obligation.focus],
            due=[(day.isoformat(), long_form(day)) for day in obligation.due],
            computation=obligation.computation,
            said=obligation.timing_text,
            evidence=_ref(number, obligation.element_id),
        ))
    return _page(
        page, f"Obligations in {resolution.metadata.symbol}",
        "Every request to report, inform or plan: who must act, how often or by when, and the paragraph that says so.",
        "insight_obligations.html.j2", obligations=rows, adopted=long_form(resolution.metadata.adopted),
        calendar=any(obligation.due for obligation in obligations),
    )


def _iso(event: Event) -> str:
    return event.first.isoformat() if event.precision.value == "day" else event.first.strftime("%Y-%m" if event.precision.value == "month" else "%Y")


def timeline_page(resolution: Resolution, timeline: tuple[Event, ...]) -> Page:
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/timeline/"
    source = {EventSource.TEXT: "named in the text", EventSource.METADATA: "date of adoption", EventSource.COMPUTED: "computed"}
    events = [
        SimpleNamespace(
            iso=_iso(event), printed=event.printed, precision=event.precision.value, description=event.description, source=source[event.source],
            evidence=Cell(resolution.header.adoption, f"{number}/") if event.source is EventSource.METADATA else _ref(number, event.element_id),
        )
        for event in timeline
    ]
    return _page(page, f"Timeline of {resolution.metadata.symbol}", "Every date the resolution names, in order, each linked to the paragraph that names it.", "insight_timeline.html.j2", events=events)


def _strongest(verbs: tuple[VerbUse, ...]) -> tuple[int, str]:
    if not verbs:
        return 0, ""
    best = max(verbs, key=lambda verb: verb.strength)
    return best.strength, best.lemma


def _names(names: tuple[str, ...]) -> str:
    """'UNOCI', 'UNOCI and French forces', 'A, B and C'."""
    return " and ".join(filter(None, [", ".join(names[:-1]), names[-1]])) if names else ""


def _task_list_headings(task_lists: tuple[TaskList, ...]) -> list[tuple[str, str]]:
    """('Priority tasks', 'priority'), then ('Other tasks', 'other'); ('Tasks', 'tasks') where none is priority.

    A second list of the same kind gets 'other-2' and so on, so every anchor is unique.
    """
    any_priority = any(task_list.priority for task_list in task_lists)
    headings, used = [], {}
    for task_list in task_lists:
        title, anchor = ("Priority tasks", "priority") if task_list.priority else (("Other tasks", "other") if any_priority else ("Tasks", "tasks"))
        used[anchor] = used.get(anchor, 0) + 1
        if used[anchor] > 1:
            title, anchor = f"{title} ({used[anchor]})", f"{anchor}-{used[anchor]}"
        headings.append((title, anchor))
    return headings


def _task_list(resolution: Resolution, annotations: Annotations, task_list: TaskList, title: str, anchor: str) -> SimpleNamespace:
    number = resolution.metadata.number
    elements = _elements(resolution)
    strength, lemma = _strongest(dict(annotations.elements)[task_list.element_id].verbs)
    tasks = [
        SimpleNamespace(
            evidence=_ref(number, task.element_id, ids.citation_label(task.element_id)),
            heading=elements[task.element_id].heading or "",
            modality=", ".join(task.modality) or "—",
            text=_excerpt(elements[task.element_id].text, 20),
        )
        for task in task_list.tasks
    ]
    return SimpleNamespace(
        title=title, anchor=anchor, evidence=_ref(number, task_list.element_id), chapeau=_excerpt(elements[task_list.element_id].text, 20),
        lemma=lemma, strength=strength, tasks=tasks,
    )


def mandate_page(resolution: Resolution, annotations: Annotations, mandate: Mandate) -> Page:
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/mandate/"
    elements = _elements(resolution)
    bodies = _names(mandate.bodies) or "the bodies it names"
    grants = [
        SimpleNamespace(whose=_names(grant.bodies), until=grant.until or "not given", evidence=_ref(number, grant.element_id), text=_excerpt(elements[grant.element_id].text, 60))
        for grant in mandate.grants
    ]
    figures = [SimpleNamespace(name=fact.name, value=fact.value, evidence=_ref(number, fact.element_id)) for fact in strength_facts(resolution)]
    force = []
    for item in mandate.force:
        authorized = _actor_names(annotations, dict(annotations.elements)[item.element_id].addressees)
        if authorized == "—" and item.bodies:
            authorized = _names(item.bodies)
        force.append(SimpleNamespace(evidence=_ref(number, item.element_id), authorized=authorized, text=_excerpt(elements[item.element_id].text, 40)))
    task_lists = [_task_list(resolution, annotations, task_list, title, anchor) for (title, anchor), task_list in zip(_task_list_headings(mandate.task_lists), mandate.task_lists)]
    requests = [
        SimpleNamespace(evidence=_ref(number, request.element_id), asked=_names(request.bodies), modality=", ".join(request.modality) or "—", text=_excerpt(elements[request.element_id].text, 40))
        for request in mandate.requests
    ]
    asked = tuple(dict.fromkeys(body for request in mandate.requests for body in request.bodies))
    return _page(
        page, f"Mandate at a glance: {resolution.metadata.symbol}",
        f"What the resolution mandates {bodies} to do: the mandate, its tasks, how strongly each is given, figures and use-of-force language.",
        "insight_mandate.html.j2", bodies=bodies, grants=grants, figures=figures, force=force,
        force_phrases=sorted({item.phrase.lower() for item in mandate.force}), task_lists=task_lists, requests=requests,
        requests_title=f"{'Other requests' if mandate.task_lists else 'Requests'} to {_names(asked)}",
    )


def _paragraph_label(paragraph_id: str) -> str:
    """'op-20' → 'OP 20', 'pp-3' → 'PP 3', 'annex-1' → 'Annex 1'."""
    prefix, _, rest = paragraph_id.partition("-")
    return f"{prefix.upper() if prefix in ('op', 'pp') else prefix.capitalize()} {rest}"


def references_map_page(resolution: Resolution, references: tuple[Reference, ...]) -> Page:
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/references-map/"
    paragraph_of = {element.id: f"{ids.paragraph_of(element.id)[0]}-{ids.paragraph_of(element.id)[1]}" for element in resolution.elements()}
    paragraph_of.update({annex.id: annex.id for annex in resolution.annexes})
    order = [p.id for p in (*resolution.preamble, *resolution.operative, *resolution.annexes)]
    involved = {paragraph_of[r.element_id] for r in references} | {paragraph_of[t] for r in references for t in r.targets}
    nodes = [paragraph for paragraph in order if paragraph in involved]
    index = {paragraph: position for position, paragraph in enumerate(nodes)}
    kinds = [("Council resolutions", ReferenceKind.RESOLUTION), ("Other UN documents", ReferenceKind.DOCUMENT), ("Named instruments", ReferenceKind.INSTRUMENT)]
    documents: dict[ReferenceKind, dict[str, svg.Link]] = {kind: {} for _, kind in kinds}
    internal, cited, rows = [], [], []
    for reference in references:
        source = paragraph_of[reference.element_id]
        citing = _ref(number, reference.element_id, ids.citation_label(reference.element_id))
        if reference.kind is ReferenceKind.INTERNAL:
            for target in reference.targets:
                internal.append((index[source], index[paragraph_of[target]]))
                rows.append(SimpleNamespace(source=citing, kind="this resolution", target=_ref(number, target, ids.citation_label(target))))
            continue
        name = reference.instrument.name if reference.instrument else reference.symbol
        if reference.provision:
            name = f"{name}, {reference.provision}"
        documents[reference.kind].setdefault(name, svg.Link(name, reference.url, name))
        cited.append((index[source], reference.kind, name))
        rows.append(SimpleNamespace(source=citing, kind=next(title for title, kind in kinds if kind is reference.kind), target=Cell(name, reference.url)))
    groups = [(title, kind) for title, kind in kinds if documents[kind]]
    group_index = {kind: position for position, (_, kind) in enumerate(groups)}
    document_index = {kind: {name: position for position, name in enumerate(documents[kind])} for _, kind in groups}
    external = [(citing, group_index[kind], document_index[kind][name]) for citing, kind, name in cited]
    links = [svg.Link(_paragraph_label(p), relative_url(page, ids.permalink(number, p)), element_name(p)) for p in nodes]
    drawing = svg.reference_map(
        links, internal, [(title, [svg.Link(d.label, url(page, d.href) if d.href else "", d.name) for d in documents[kind].values()]) for title, kind in groups], external
    )
    described = sum(len(documents[kind]) for _, kind in groups)
    return _page(
        page, f"Map of cross-references in {resolution.metadata.symbol}", "Which paragraphs refer to which, and what they cite outside the resolution.",
        "insight_references_map.html.j2", references=rows, drawing=drawing, title=f"Cross-references in {resolution.metadata.symbol}",
        description=f"{len(nodes)} paragraphs that refer or are referred to, with {len(set(internal))} internal references drawn as arcs and lines to {described} documents cited elsewhere, grouped by kind.",
    )


def matrix_page(resolution: Resolution, annotations: Annotations) -> Page:
    page = f"{resolution.metadata.number}/matrix/"
    counts: dict[tuple[str, str], int] = {}
    for _element_id, found in annotations.elements:
        for actor in found.addressees:
            for theme in found.themes:
                counts[(actor, theme)] = counts.get((actor, theme), 0) + 1
    actors = [a for a in annotations.gazetteer.actors if any(key[0] == a.id for key in counts)]
    themes = [t for t in annotations.taxonomy.themes if any(key[1] == t.id for key in counts)]
    target = {a.id: f"actors/{a.id}/#asked" for a in actors}
    names = svg.unique_labels([a.name for a in actors])
    cells = [(r, c, counts[(a.id, t.id)], relative_url(page, target[a.id])) for r, a in enumerate(actors) for c, t in enumerate(themes) if (a.id, t.id) in counts]
    drawing = svg.matrix([svg.Link(name, relative_url(page, target[a.id]), f"What is asked of {name}") for a, name in zip(actors, names)], [t.name for t in themes], cells)
    rows = [
        SimpleNamespace(actor=Cell(name, target[a.id]), theme=t.name, count=counts[(a.id, t.id)])
        for a, name in zip(actors, names) for t in themes if (a.id, t.id) in counts
    ]
    return _page(
        page, f"Who is asked to act, on what: {resolution.metadata.symbol}", "How many elements ask each actor to act on each theme.",
        "insight_matrix.html.j2", counts=rows, drawing=drawing,
        description=f"{len(actors)} actors in rows and {len(themes)} themes in columns; a circle’s size and its number give how many elements ask the actor to act on the theme.",
    )


def strength_page(resolution: Resolution, annotations: Annotations) -> Page:
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/strength/"
    sections, rows = [], []
    by_element = dict(annotations.elements)
    # Paragraphs under no heading (all of them, in a text without headings) are a group of their own.
    outside = [p for p in resolution.operative if resolution.section_of(p.number) is None]
    groups = [("Operative paragraphs" if not resolution.sections else "Under no heading", outside)] if outside else []
    groups += [(s.heading, [p for p in resolution.operative if s.first <= p.number <= s.last]) for s in resolution.sections]
    for heading, paragraphs in groups:
        squares = []
        for paragraph in paragraphs:
            strength, lemma = _strongest(by_element[paragraph.id].verbs)
            url = relative_url(page, ids.page_path(number, paragraph.id))
            squares.append((svg.Link(str(paragraph.number), url, f"Paragraph {paragraph.number}: {lemma}, strength {strength} of 4"), strength))
            rows.append(SimpleNamespace(paragraph=_ref(number, paragraph.id), section=heading, lemma=lemma, strength=strength))
        sections.append((heading, squares))
    legend = [(strength, STRENGTHS[strength].split(":")[0].lower()) for strength in sorted(STRENGTHS, reverse=True)]
    drawing = svg.strength_grid(sections, legend)
    return _page(
        page, f"Paragraphs by strength of verb: {resolution.metadata.symbol}", "Every operative paragraph by section, with the strength of its strongest verb.",
        "insight_strength.html.j2", paragraphs=rows, drawing=drawing,
        description=f"{len(rows)} squares in {len(sections)} sections; each is numbered with its paragraph and links to it.",
    )


def _asks_on_themes(annotations: Annotations) -> bool:
    return any(found.addressees and found.themes for _id, found in annotations.elements)


def insight_pages(resolution: Resolution, analysis: Analysis) -> list[Page]:
    """The insight pages of one resolution that have something to show, in the order of :data:`INSIGHT_LINKS`."""
    annotations, references, obligations, mandate = analysis.annotations, analysis.references, analysis.obligations, analysis.mandate
    pages = []
    if obligations:
        pages.append(obligations_page(resolution, annotations, obligations))
    if any(event.source is not EventSource.METADATA for event in analysis.timeline):
        pages.append(timeline_page(resolution, analysis.timeline))
    if mandate.applies:
        pages.append(mandate_page(resolution, annotations, mandate))
    if references:
        pages.append(references_map_page(resolution, references))
    if _asks_on_themes(annotations):
        pages.append(matrix_page(resolution, annotations))
    if resolution.operative:
        pages.append(strength_page(resolution, annotations))
    return pages
