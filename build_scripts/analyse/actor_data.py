"""Reading the actors' data files into :class:`~.actors.Knowledge`, with a line for every problem.

- ``lexicon.yml``: the generic United Nations actors, the missions, the templates made for every
  place, the forms for a resolution's own mission and committee, the not-an-actor phrases and the
  glossary's terms;
- ``places.yml``: States, territories and regions, with their other names and adjectives;
- ``situations/*.yml``: one gazetteer per situation, used where the text names its place.

Every file's header says what each key means. A mistake comes back as ``FILE:LINE: error: …``
naming the entry and the key, never as a traceback.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..data_files import missing_keys, read_entries
from ..model import Diagnostic, Severity
from .actors import Acronym, Actor, ActorKind, Form, Knowledge, Own, Place, PlaceKind, Situation, Tier
from .phrases import PhraseIndex, Spelling, slug

_KINDS = {kind.value: kind for kind in ActorKind}
_PLACE_KINDS = {kind.value: kind for kind in PlaceKind}


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _error(path: Path, line: int, message: str) -> Diagnostic:
    return Diagnostic(str(path), line, Severity.ERROR, message)


def _actor(path: Path, source: str, line: int, values: dict[str, object], lines: dict[str, int]) -> tuple[Actor | None, list[Diagnostic]]:
    """One actor entry (lexicon or situation), or the problems that keep it out."""
    problems = missing_keys(path, line, values, ("id", "name", "kind", "description"), "actor")
    name = values.get("id", "?")
    if not values.get("aliases") and not values.get("acronyms") and not values.get("exact"):
        problems.append(_error(path, line, f"actor '{name}' needs 'aliases', 'exact' or 'acronyms'"))
    if values.get("kind") and values["kind"] not in _KINDS:
        problems.append(_error(path, lines["kind"], f"actor '{name}' has unknown kind '{values['kind']}' (one of: {', '.join(_KINDS)})"))
    acronyms = values.get("acronyms") or []
    if not isinstance(acronyms, list) or not all(isinstance(a, dict) and a.get("acronym") and a.get("expansion") for a in acronyms):
        problems.append(_error(path, lines.get("acronyms", line), f"actor '{name}': each acronym needs keys 'acronym' and 'expansion'"))
        acronyms = []
    if problems:
        return None, problems
    actor = Actor(
        id=str(values["id"]),
        name=str(values["name"]),
        kind=_KINDS[str(values["kind"])],
        description=str(values["description"]),
        aliases=_strings(values.get("aliases")) + _strings(values.get("exact")),
        acronyms=tuple(Acronym(str(a["acronym"]), str(a["expansion"])) for a in acronyms),
        absent=str(values.get("absent") or ""),
        line=line,
        source=source,
        addressed=values.get("addressed") is not False,
    )
    return actor, []


def _forms(actor: Actor, values: dict[str, object], tier: Tier) -> list[tuple[str, Form, bool]]:
    """The phrases that name an actor: aliases (any case), exact forms and acronyms (as printed)."""
    form = Form(actor.id, tier)
    found = [(alias, form, False) for alias in _strings(values.get("aliases"))]
    found += [(alias, form, True) for alias in _strings(values.get("exact"))]
    return found + [(acronym.acronym, form, True) for acronym in actor.acronyms]


def _places(path: Path) -> tuple[dict[str, Place], list[Diagnostic]]:
    entries, problems = read_entries(path, "places")
    places: dict[str, Place] = {}
    for line, values, lines in entries:
        missing = missing_keys(path, line, values, ("id", "name"), "place")
        kind = str(values.get("kind", "state"))
        if kind not in _PLACE_KINDS:
            missing.append(_error(path, lines["kind"], f"place '{values.get('id')}' has unknown kind '{kind}' (one of: {', '.join(_PLACE_KINDS)})"))
        if values.get("id") in places:
            missing.append(_error(path, line, f"duplicate place id '{values['id']}'"))
        if missing:
            problems += missing
            continue
        place_id = str(values["id"])
        places[place_id] = Place(place_id, str(values["name"]), _strings(values.get("aliases")), _strings(values.get("demonyms")), _PLACE_KINDS[kind])
    if not places and not problems:
        problems.append(_error(path, 0, "no 'places' list in the file"))
    return places, problems


def _names(place: Place) -> list[str]:
    """Every way to print a place in a form: each name, with and without 'the'."""
    return [f"{article}{name}" for name in (place.name, *place.aliases) for article in ("", "the ")]


def _expand(form: str, place: Place) -> list[str]:
    """A template's form for one place: one phrase per name and adjective; none without an adjective."""
    if form == "{place}":
        return [place.name, *place.aliases]  # "the Sudan" names the Sudan from its second word
    phrases = [form]
    if "{demonym}" in form:
        phrases = [p.replace("{demonym}", demonym) for p in phrases for demonym in place.demonyms]
    if "{place}" in form:
        phrases = [p.replace("{place}", name) for p in phrases for name in _names(place)]
    return phrases


def _fill(pattern: str, place: Place) -> str:
    demonym = place.demonyms[0] if place.demonyms else ""
    return pattern.format(place=place.id, name=place.name, demonym=slug(demonym), Demonym=demonym)


def _templates(path: Path, places: dict[str, Place], index: PhraseIndex[Form], listed: dict[str, Actor]) -> tuple[dict[str, Actor], list[tuple[str, Form]], list[Diagnostic]]:
    """The actors each template makes for each place, their forms (added to ``index``), and the own forms."""
    entries, problems = read_entries(path, "templates")
    made: dict[str, Actor] = {}
    own: list[tuple[str, Form]] = []
    for line, values, lines in entries:
        missing = missing_keys(path, line, values, ("id", "name", "kind", "description", "places", "forms"), "template")
        kinds = _strings(values.get("places"))
        if any(kind not in _PLACE_KINDS for kind in kinds):
            missing.append(_error(path, lines["places"], f"template '{values.get('id')}': places must be among {', '.join(_PLACE_KINDS)}"))
        if values.get("kind") and values["kind"] not in _KINDS:
            missing.append(_error(path, lines["kind"], f"template '{values.get('id')}' has unknown kind '{values['kind']}'"))
        if missing:
            problems += missing
            continue
        pattern, forms = str(values["id"]), _strings(values["forms"])
        allowed = tuple(_PLACE_KINDS[kind] for kind in kinds)
        for place in places.values():
            if place.kind not in allowed or ("{demonym}" in pattern and not place.demonyms):
                continue
            actor_id = _fill(pattern, place)
            phrases = [phrase for form in forms for phrase in _expand(form, place)]
            if not phrases:
                continue
            exact = forms == ("{place}",)  # a place's own name is matched with its capitals ("Chad")
            index.update((phrase, Form(actor_id, Tier.PLACE), exact) for phrase in phrases)
            if actor_id not in listed:
                shown = [phrase for phrase in phrases if "the " + place.name not in phrase]
                made[actor_id] = Actor(
                    actor_id, _fill(str(values["name"]), place), _KINDS[str(values["kind"])], _fill(str(values["description"]), place),
                    tuple(dict.fromkeys(shown))[:8], line=line, source=path.name,
                )
        own += [(phrase, Form(pattern, Tier.OWN, own=Own.PLACE, unplaced=str(values.get("unplaced") or ""), places=allowed)) for phrase in _strings(values.get("own"))]
    return made, own, problems


def _lexicon(path: Path, places: dict[str, Place], index: PhraseIndex[Form]) -> tuple[list[Actor], dict[int, str], list[Diagnostic]]:
    """The lexicon's actors and missions, their forms added to ``index``."""
    entries, problems = read_entries(path, "actors")
    actors: list[Actor] = []
    committees: dict[int, str] = {}
    for line, values, lines in entries:
        actor, actor_problems = _actor(path, path.name, line, values, lines)
        problems += actor_problems
        if actor is None:
            continue
        actors.append(actor)
        index.update(_forms(actor, values, Tier.LEXICON))
        for form in _strings(values.get("place_forms")):
            index.update((phrase, Form(actor.id, Tier.LEXICON), False) for place in places.values() for phrase in _expand(form, place))
        committees.update({int(number): actor.id for number in _strings(values.get("committee_of"))})
    missions, mission_problems = read_entries(path, "missions")
    problems += mission_problems
    for line, values, lines in missions:
        missing = missing_keys(path, line, values, ("acronym", "name"), "mission")
        if values.get("place") and values["place"] not in places:
            missing.append(_error(path, lines["place"], f"mission '{values.get('acronym')}' names unknown place '{values['place']}'"))
        if missing:
            problems += missing
            continue
        acronym, name, aliases = str(values["acronym"]), str(values["name"]), _strings(values.get("aliases"))
        actors.append(Actor(slug(acronym), acronym, ActorKind.UN_MISSION, f"{name}, a United Nations mission.", (name, *aliases), (Acronym(acronym, name),), line=line, source=path.name))
        index.update([(phrase, Form(slug(acronym), Tier.LEXICON), False) for phrase in (name, *aliases)])
        index.add(acronym, Form(slug(acronym), Tier.LEXICON), exact=True)
    return actors, committees, problems


def _plain_lists(path: Path) -> dict[str, object]:
    """The keys of a data file that need no lines (spellings, own forms): read as plain YAML."""
    try:
        root = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}  # read_entries has reported it with its line
    return root if isinstance(root, dict) else {}


def _phrases(path: Path, section: str, required: tuple[str, ...], what: str) -> tuple[list[dict[str, object]], list[Diagnostic]]:
    entries, problems = read_entries(path, section)
    found = []
    for line, values, _ in entries:
        missing = missing_keys(path, line, values, required, what)
        problems += missing
        if not missing:
            found.append(values)
    return found, problems


def _situation(path: Path, places: dict[str, Place], spelling: Spelling) -> tuple[Situation | None, list[Acronym], list[Diagnostic]]:
    root = _plain_lists(path)
    header = root.get("situation") if isinstance(root.get("situation"), dict) else {}
    problems = missing_keys(path, 1, header, ("id", "name", "places"), "situation")
    unknown = [p for p in _strings(header.get("places")) if p not in places]
    if unknown:
        problems.append(_error(path, 1, f"situation '{header.get('id')}' names unknown places: {', '.join(unknown)}"))
    entries, entry_problems = read_entries(path, "actors")
    problems += entry_problems
    actors: list[Actor] = []
    index = PhraseIndex[Form](spelling)
    own: list[tuple[str, Form]] = []
    source = f"situations/{path.name}"
    for line, values, lines in entries:
        actor, actor_problems = _actor(path, source, line, values, lines)
        problems += actor_problems
        if actor is not None:
            actors.append(actor)
            index.update(_forms(actor, values, Tier.SITUATION))
            own += [(phrase, Form(actor.id, Tier.SITUATION)) for phrase in _strings(values.get("own"))]
    terms, term_problems = _phrases(path, "terms", ("acronym", "expansion", "description"), "term")
    problems += term_problems
    if problems:
        return None, [], problems
    situation = Situation(str(header["id"]), str(header["name"]), _strings(header["places"]), tuple(actors), index, tuple(own))
    return situation, [Acronym(str(t["acronym"]), str(t["expansion"]), str(t["description"])) for t in terms], []


def read_knowledge(folder: Path) -> tuple[Knowledge | None, list[Diagnostic]]:
    """The lexicon, places and situations under ``folder``, or None with every problem found."""
    lexicon_path = folder / "lexicon.yml"
    files = [lexicon_path, folder / "places.yml", *sorted((folder / "situations").glob("*.yml"))]
    unreadable = [problem for path in files for problem in read_entries(path, "")[1]]
    if unreadable:
        return None, unreadable  # one line per file that cannot be read or parsed, not one per section
    plain = _plain_lists(lexicon_path)
    words = plain.get("spellings") if isinstance(plain.get("spellings"), dict) else {}
    spelling = Spelling({str(k).lower(): str(v).lower() for k, v in words.items()}, frozenset(str(c).lower() for c in plain.get("compounds") or ()))
    places, problems = _places(folder / "places.yml")
    index = PhraseIndex[Form](spelling)
    actors, committees, lexicon_problems = _lexicon(lexicon_path, places, index)
    problems += lexicon_problems
    situations: list[Situation] = []
    terms: list[Acronym] = []
    for path in sorted((folder / "situations").glob("*.yml")):
        situation, situation_terms, situation_problems = _situation(path, places, spelling)
        problems += situation_problems
        if situation is not None:
            situations.append(situation)
            actors += situation.actors
            terms += situation_terms
    seen: dict[str, Actor] = {}
    for actor in actors:
        if actor.id in seen:
            problems.append(_error(folder / actor.source, actor.line, f"duplicate actor id '{actor.id}' (also {seen[actor.id].source}:{seen[actor.id].line})"))
        seen[actor.id] = actor
    made, own, template_problems = _templates(lexicon_path, places, index, seen)
    problems += template_problems
    lexicon_terms, term_problems = _phrases(lexicon_path, "terms", ("acronym", "expansion", "description"), "term")
    excluded, excluded_problems = _phrases(lexicon_path, "not_actors", ("phrase", "reason"), "not_actors entry")
    problems += term_problems + excluded_problems
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    index.update((str(values["phrase"]), Form("", Tier.NOT_ACTOR), False) for values in excluded)
    own += [(str(phrase), Form("", Tier.OWN, own=Own.MISSION)) for phrase in plain.get("own_mission") or ()]
    own += [(str(phrase), Form("", Tier.OWN, own=Own.COMMITTEE)) for phrase in plain.get("own_committee") or ()]
    named = PhraseIndex[str](spelling)
    named.update((name, place.id, True) for place in places.values() for name in (place.name, *place.aliases, *place.demonyms))
    knowledge = Knowledge(
        listed=tuple(actors),
        by_id={**made, **seen},
        missions=frozenset(a.id for a in actors if a.kind is ActorKind.UN_MISSION and a.acronyms and a.source == lexicon_path.name),
        index=index,
        own_forms=tuple(own),
        situations=tuple(situations),
        places=places,
        place_names=named,
        terms=tuple(Acronym(str(t["acronym"]), str(t["expansion"]), str(t["description"])) for t in lexicon_terms) + tuple(terms),
        spelling=spelling,
        committees=committees,
    )
    return knowledge, problems
