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
from .markup import attribute, escape, relative_url
from .pages import Page, front_matter

INSIGHT_LINKS: list[tuple[str, str]] = [
    ("Obligations to report, inform and plan", "obligations/"),
    ("Timeline of the dates it names", "timeline/"),
    ("Mandate at a glance", "mandate/"),
    ("Map of cross-references", "references-map/"),
    ("Who is asked to act, on what", "matrix/"),
    ("Paragraphs by strength of verb", "strength/"),
]
"""(title, path under N/) of each insight page, in the order the overview lists them."""


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>\n"


def _link(page: str, number: int, element_id: str, text: str = "") -> str:
    url = relative_url(page, ids.permalink(number, element_id))
    return f'<a href="{attribute(url)}">{escape(text or element_name(element_id).capitalize())}</a>'


def _excerpt(text: str, words: int = 24) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _elements(resolution: Resolution) -> dict[str, Element]:
    return {element.id: element for element in resolution.elements()}


def _actor_names(annotations: Annotations, actor_ids: tuple[str, ...]) -> str:
    return ", ".join(escape(annotations.gazetteer.actor(actor).name) for actor in actor_ids) or "—"


def obligations_page(resolution: Resolution, annotations: Annotations, obligations: tuple[Obligation, ...]) -> Page:
    """N/obligations/: one row per obligation; the calendar file is linked where a date is due."""
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/obligations/"
    elements = _elements(resolution)
    rows = []
    for obligation in obligations:
        element = elements[obligation.element_id]
        what = escape(_excerpt(element.text[obligation.clause_start : obligation.clause_end].strip(" ,;"), 40))
        if obligation.focus:
            what += "<ul>" + "".join(f"<li>{_link(page, number, item, ids.citation_label(item))}: {escape(_excerpt(elements[item].text, 16))}</li>" for item in obligation.focus) + "</ul>"
        if obligation.due:
            when = "<br>".join(f"<time datetime=\"{day.isoformat()}\">{escape(long_form(day))}</time>" for day in obligation.due)
            when += f"<br><small>{escape(obligation.computation)}</small>"
        else:
            when = escape(obligation.computation)
        said = f"“{escape(obligation.timing_text)}”" if obligation.timing_text else "—"
        rows.append([_actor_names(annotations, obligation.actors), escape(obligation.kind.value), what, said, when, _link(page, number, obligation.element_id)])
    body = [
        front_matter(f"Obligations in {resolution.metadata.symbol}", "Every request to report, inform or plan: who must act, how often or by when, and the paragraph that says so."),
        f"# Obligations to report, inform and plan\n",
        "<p>Every request in the operative part to report to the Council, keep it informed or develop a plan, and every other request "
        "that sets a time (kind “act”). Who must act is the actor the Council’s verb addresses; a date is given only where the text gives one "
        f"or lets one be computed (from the adoption on {escape(long_form(resolution.metadata.adopted))}, a date it names, or the end of the mandate), "
        "and the table says how.</p>\n",
        _table(["Who", "Kind", "What", "When, as written", "Due", "Evidence"], rows),
    ]
    if any(obligation.due for obligation in obligations):
        # A Markdown link, so that `mkdocs build --strict` checks the file is there.
        body.append("[The due dates as a calendar file (iCalendar)](obligations.ics)\n")
    return Page(page, "\n".join(body))


def timeline_page(resolution: Resolution, timeline: tuple[Event, ...]) -> Page:
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/timeline/"
    rows = []
    for event in timeline:
        if event.source is EventSource.METADATA:
            evidence = f'<a href="{attribute(relative_url(page, f"{number}/"))}">{escape(resolution.header.adoption)}</a>'
        else:
            evidence = _link(page, number, event.element_id)
        date = f'<time datetime="{event.first.isoformat() if event.precision.value == "day" else event.first.strftime("%Y-%m" if event.precision.value == "month" else "%Y")}">{escape(event.printed)}</time>'
        source = {EventSource.TEXT: "named in the text", EventSource.METADATA: "date of adoption", EventSource.COMPUTED: "computed"}[event.source]
        rows.append([date, escape(event.precision.value), escape(event.description), escape(source), evidence])
    body = [
        front_matter(f"Timeline of {resolution.metadata.symbol}", "Every date the resolution names, in order, each linked to the paragraph that names it."),
        "# Timeline\n",
        "<p>Every date the text names, in date order, with the precision the text gives (a day, a month or a year), "
        "the words around it and the paragraph that names it. A month or a year sorts at its first day. "
        "Due dates computed from the text are marked as computed; the obligations page says how.</p>\n",
        _table(["Date", "Precision", "What the text says", "Source", "Evidence"], rows),
    ]
    return Page(page, "\n".join(body))


def _strongest(verbs: tuple[VerbUse, ...]) -> tuple[int, str]:
    if not verbs:
        return 0, ""
    best = max(verbs, key=lambda verb: verb.strength)
    return best.strength, best.lemma


def _names(names: tuple[str, ...]) -> str:
    """'UNOCI', 'UNOCI and French forces', 'A, B and C'."""
    return " and ".join(filter(None, [", ".join(names[:-1]), names[-1]])) if names else ""


def _task_list_headings(task_lists: tuple[TaskList, ...]) -> list[str]:
    """'Priority tasks { #priority }', then 'Other tasks { #other }'; 'Tasks { #tasks }' where none is priority.

    A second list of the same kind gets '{ #other-2 }' and so on, so every anchor is unique.
    """
    any_priority = any(task_list.priority for task_list in task_lists)
    headings, used = [], {}
    for task_list in task_lists:
        title, anchor = ("Priority tasks", "priority") if task_list.priority else (("Other tasks", "other") if any_priority else ("Tasks", "tasks"))
        used[anchor] = used.get(anchor, 0) + 1
        if used[anchor] > 1:
            title, anchor = f"{title} ({used[anchor]})", f"{anchor}-{used[anchor]}"
        headings.append(f"## {title} {{ #{anchor} }}\n")
    return headings


def _tasks_table(page: str, resolution: Resolution, annotations: Annotations, task_list: TaskList) -> str:
    number = resolution.metadata.number
    elements = _elements(resolution)
    strength, lemma = _strongest(dict(annotations.elements)[task_list.element_id].verbs)
    rows = []
    for task in task_list.tasks:
        element = elements[task.element_id]
        label = ids.citation_label(task.element_id)
        heading = escape(element.heading) if element.heading else ""
        modality = escape(", ".join(task.modality)) if task.modality else "—"
        rows.append([_link(page, number, task.element_id, label), heading, modality, escape(_excerpt(element.text, 20)) if element.text else "<em>see its items</em>"])
    chapeau = escape(_excerpt(elements[task_list.element_id].text, 20))
    verb = f" — strongest verb <strong>{escape(lemma)}</strong> ({strength} of 4)" if lemma else ""
    intro = f"<p>{_link(page, number, task_list.element_id)}: “{chapeau}”{verb}.</p>\n"
    return intro + _table(["Task", "Heading", "Modality", "Text"], rows)


def mandate_page(resolution: Resolution, annotations: Annotations, mandate: Mandate) -> Page:
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/mandate/"
    elements = _elements(resolution)
    bodies = _names(mandate.bodies) or "the bodies it names"
    body = [
        front_matter(f"Mandate at a glance: {resolution.metadata.symbol}", f"What the resolution mandates {bodies} to do: the mandate, its tasks, how strongly each is given, figures and use-of-force language."),
        "# Mandate at a glance\n",
        f"<p>What the resolution mandates {escape(bodies)} to do, read from its words: the paragraphs that extend or renew a mandate, "
        "the tasks it lists, the figures it gives, its use-of-force language and the other paragraphs that ask a mandated body to act.</p>\n",
    ]
    if mandate.grants:
        rows = [[escape(_names(grant.bodies)), escape(grant.until) if grant.until else "not given", _link(page, number, grant.element_id), escape(_excerpt(elements[grant.element_id].text, 60))] for grant in mandate.grants]
        body += ["## Mandate extended or renewed { #renewal }\n", _table(["Whose", "Until", "Evidence", "Text"], rows)]
    figures = [[escape(fact.name), escape(fact.value), _link(page, number, fact.element_id)] for fact in strength_facts(resolution)]
    if figures:
        body += ["## Figures\n", _table(["Fact", "Value", "Evidence"], figures)]
    if mandate.force:
        rows = []
        for force in mandate.force:
            authorized = _actor_names(annotations, dict(annotations.elements)[force.element_id].addressees)
            if authorized == "—" and force.bodies:
                authorized = escape(_names(force.bodies))
            rows.append([_link(page, number, force.element_id), authorized, escape(_excerpt(elements[force.element_id].text, 40))])
        phrases = sorted({force.phrase.lower() for force in mandate.force})
        body += [
            "## Use of force\n",
            f"<p>Where the text authorizes {' or '.join(f'“{escape(phrase)}”' for phrase in phrases)}.</p>\n",
            _table(["Paragraph", "Authorized", "Text"], rows),
        ]
    if mandate.task_lists:
        body.append("<p>In the task lists below, modality is the verb or verbs a task opens with (“To support, monitor and supervise …”); “—” where none leads.</p>\n")
    for heading, task_list in zip(_task_list_headings(mandate.task_lists), mandate.task_lists):
        body += [heading, _tasks_table(page, resolution, annotations, task_list)]
    if mandate.requests:
        rows = [
            [_link(page, number, request.element_id), escape(_names(request.bodies)), escape(", ".join(request.modality)) if request.modality else "—", escape(_excerpt(elements[request.element_id].text, 40))]
            for request in mandate.requests
        ]
        asked = tuple(dict.fromkeys(body for request in mandate.requests for body in request.bodies))
        body += [
            f"## {'Other requests' if mandate.task_lists else 'Requests'} to {escape(_names(asked))} {{ #requests }}\n",
            "<p>Other paragraphs whose verb asks or authorizes a mandated body by name, with the verbs of what it is asked to do.</p>\n",
            _table(["Paragraph", "Asked", "Modality", "Text"], rows),
        ]
    return Page(page, "\n".join(body))


def references_map_page(resolution: Resolution, references: tuple[Reference, ...]) -> Page:
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/references-map/"
    paragraph_of = {element.id: f"{ids.paragraph_of(element.id)[0]}-{ids.paragraph_of(element.id)[1]}" for element in resolution.elements()}
    paragraph_of.update({annex.id: annex.id for annex in resolution.annexes})
    order = [p.id for p in (*resolution.preamble, *resolution.operative, *resolution.annexes)]
    involved = {paragraph_of[r.element_id] for r in references} | {paragraph_of[t] for r in references for t in r.targets}
    nodes = [paragraph for paragraph in order if paragraph in involved]
    index = {paragraph: position for position, paragraph in enumerate(nodes)}
    groups: list[tuple[str, list[svg.Link]]] = [("Council resolutions", []), ("Other UN documents", []), ("Named instruments", [])]
    group_of = {ReferenceKind.RESOLUTION: 0, ReferenceKind.DOCUMENT: 1, ReferenceKind.INSTRUMENT: 2}
    internal, external, rows, seen = [], [], [], set()
    for reference in references:
        source = paragraph_of[reference.element_id]
        if reference.kind is ReferenceKind.INTERNAL:
            for target in reference.targets:
                internal.append((index[source], index[paragraph_of[target]]))
                rows.append([_link(page, number, reference.element_id, ids.citation_label(reference.element_id)), "this resolution", _link(page, number, target, ids.citation_label(target))])
            continue
        group = group_of[reference.kind]
        name = reference.instrument.name if reference.instrument else reference.symbol
        if reference.provision:
            name = f"{name}, {reference.provision}"
        if (group, name) not in seen:
            seen.add((group, name))
            groups[group][1].append(svg.Link(name if len(name) <= 30 else name[:29] + "…", reference.url, name))
        external.append((index[source], group))
        target = f'<a href="{attribute(reference.url)}">{escape(name)}</a>' if reference.url else escape(name)
        rows.append([_link(page, number, reference.element_id, ids.citation_label(reference.element_id)), escape(groups[group][0]), target])
    nodes_links = [svg.Link(f"{p.split('-')[0]} {p.split('-')[1]}", relative_url(page, ids.permalink(number, p)), element_name(p)) for p in nodes]
    kept = [(title, links) for title, links in groups if links]
    renumber = {old: new for new, old in enumerate(i for i, (_, links) in enumerate(groups) if links)}
    drawing, height = svg.reference_map(nodes_links, internal, kept, [(c, renumber[g]) for c, g in external])
    body = [
        front_matter(f"Map of cross-references in {resolution.metadata.symbol}", "Which paragraphs refer to which, and what they cite outside the resolution."),
        "# Map of cross-references\n",
        svg.figure(
            "references-map", f"Cross-references in {resolution.metadata.symbol}",
            f"{len(nodes)} paragraphs that refer or are referred to, with {len(set(internal))} internal references drawn as arcs and lines to {sum(len(l) for _, l in kept)} documents cited elsewhere, grouped by kind.",
            height, drawing, "Paragraphs in document order; an arc joins a paragraph to one it cites (the dot marks the cited end); grey lines lead to the documents cited outside the resolution.",
        ),
        "## Every reference, as a table\n",
        _table(["From", "To", "Cited"], rows),
    ]
    return Page(page, "\n".join(body))


def matrix_page(resolution: Resolution, annotations: Annotations) -> Page:
    number, page = resolution.metadata.number, f"{resolution.metadata.number}/matrix/"
    counts: dict[tuple[str, str], int] = {}
    for _element_id, found in annotations.elements:
        for actor in found.addressees:
            for theme in found.themes:
                counts[(actor, theme)] = counts.get((actor, theme), 0) + 1
    actors = [a for a in annotations.gazetteer.actors if any(key[0] == a.id for key in counts)]
    themes = [t for t in annotations.taxonomy.themes if any(key[1] == t.id for key in counts)]
    actor_url = {a.id: relative_url(page, f"actors/{a.id}/#asked") for a in actors}
    cells = [(r, c, counts[(a.id, t.id)], actor_url[a.id]) for r, a in enumerate(actors) for c, t in enumerate(themes) if (a.id, t.id) in counts]
    drawing, height = svg.matrix([svg.Link(a.name, actor_url[a.id], f"What is asked of {a.name}") for a in actors], [t.name for t in themes], cells)
    rows = [
        [f'<a href="{attribute(actor_url[a.id])}">{escape(a.name)}</a>', escape(t.name), str(counts[(a.id, t.id)])]
        for a in actors for t in themes if (a.id, t.id) in counts
    ]
    body = [
        front_matter(f"Who is asked to act, on what: {resolution.metadata.symbol}", "How many elements ask each actor to act on each theme."),
        "# Who is asked to act, on what\n",
        "<p>Each count is the number of elements (paragraphs, sub-paragraphs, items) that ask or authorize the actor to act and are tagged with the theme. "
        "An element on two themes counts once for each. Each actor and count links to what is asked of the actor.</p>\n",
        svg.figure(
            "actor-theme-matrix", "Actors asked to act, by theme",
            f"{len(actors)} actors in rows and {len(themes)} themes in numbered columns; a circle's size and its number give how many elements ask the actor to act on the theme.",
            height, drawing, "Rows: actors asked to act. Columns: themes, numbered and named in the key below the grid.",
        ),
        "## The same counts, as a table\n",
        _table(["Actor", "Theme", "Elements"], rows),
    ]
    return Page(page, "\n".join(body))


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
            rows.append([_link(page, number, paragraph.id), escape(heading), escape(lemma), str(strength)])
        sections.append((heading, squares))
    legend = [(strength, STRENGTHS[strength].split(":")[0].lower()) for strength in sorted(STRENGTHS, reverse=True)]
    drawing, height = svg.strength_grid(sections, legend)
    body = [
        front_matter(f"Paragraphs by strength of verb: {resolution.metadata.symbol}", "Every operative paragraph by section, with the strength of its strongest verb."),
        "# Paragraphs by strength of verb\n",
        "<p>One square per operative paragraph, grouped under its section heading. The bar in each square rises one quarter per step of strength of the paragraph’s strongest verb, "
        "from 1 (states a view) to 4 (decides, demands, authorizes); the legend names the steps. <a href=\"" + attribute(relative_url(page, "verbs/")) + "\">Asks by strength</a> lists the verbs.</p>\n",
        svg.figure(
            "strength-grid", "Operative paragraphs by strength of their strongest verb",
            f"{len(rows)} squares in {len(sections)} sections; each is numbered with its paragraph and links to it.",
            height, drawing, "Operative paragraphs by section; the taller and darker the bar, the stronger the verb.",
        ),
        "## The same, as a table\n",
        _table(["Paragraph", "Section", "Strongest verb", "Strength"], rows),
    ]
    return Page(page, "\n".join(body))


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
