"""Actors: who a resolution names, from a generic lexicon, per-situation gazetteers and the places.

The knowledge is data (``data/lexicon.yml``, ``data/places.yml``, ``data/situations/*.yml``,
read by :mod:`.actor_data`). For one resolution, ``Knowledge.matcher_for`` reads the whole text
once to learn its context — the place it is about, its own mission and committee, and the
situations whose gazetteers apply because the text names their place — and returns a
:class:`Matcher`, whose ``find_mentions`` gives ``(start, end)`` spans on any element's text.

Where forms overlap the longest wins and spans never overlap, so "the Secretary-General" is never
found inside "Special Representative of the Secretary-General for Mali". At equal length a
situation's entry wins over the lexicon, and the lexicon over a form made from a place.

A :class:`Gazetteer` is what the rest of the site reads: the actors a resolution may name, by id,
with the glossary's acronyms. It holds no matching machinery, so that it pickles small.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ..data_files import DATA
from ..model import Diagnostic, Resolution
from .phrases import PhraseIndex, Spelling, tokens


class ActorKind(str, Enum):
    """What sort of actor an entry is."""

    UN_ORGAN_OR_OFFICIAL = "un-organ-or-official"
    UN_MISSION = "un-mission"
    STATE_OR_GOVERNMENT = "state-or-government"
    ARMED_GROUP_PARTY = "armed-group-party"
    """A party to a conflict or to a peace agreement (the Plateforme, the Forces nouvelles, …)."""
    TERRORIST_GROUP = "terrorist-group"
    REGIONAL_OR_INTERNATIONAL_ORGANIZATION = "regional-or-international-organization"
    OTHER = "other"


class PlaceKind(str, Enum):
    """What a place of ``places.yml`` is, which says the actors it makes."""

    STATE = "state"
    TERRITORY = "territory"
    REGION = "region"


@dataclass(frozen=True, slots=True)
class Acronym:
    """A short form and what it stands for."""

    acronym: str
    """As printed: 'MINUSMA', 'EUTM Mali', 'MoUs'."""
    expansion: str
    """The full name."""
    description: str = ""
    """For terms that are not actors: what the thing is."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone a resolution may name: an entry of the data, or a phrase the text addresses."""

    id: str
    """URL slug, e.g. 'secretary-general'."""
    name: str
    """Display name."""
    kind: ActorKind
    """What sort of actor it is."""
    description: str
    """One line for readers; for an actor not in the gazetteer, says so."""
    aliases: tuple[str, ...]
    """Surface forms that name it."""
    acronyms: tuple[Acronym, ...] = ()
    """Short forms with expansions."""
    absent: str = ""
    """Why a situation's actor has no mention of its own in that situation's seed text."""
    line: int = 0
    """Line of the entry in its data file (0 for an actor made from the text)."""
    source: str = ""
    """The data file the entry comes from ('lexicon.yml', 'situations/mali.yml'); '' if made from the text."""
    listed: bool = True
    """False for an actor the open-world fallback made from the text: not in the gazetteer."""
    addressed: bool = True
    """False for an actor the Council never asks, whatever the grammar says (the Council itself)."""

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Everything that names the actor: aliases, then acronyms."""
        return self.aliases + tuple(acronym.acronym for acronym in self.acronyms)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named at ``text[start:end]``."""

    actor: str
    """Id of the actor."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    """A State, territory or region of ``places.yml``."""

    id: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    """Adjectives as printed; the first one makes ids ('ivorian-parties')."""
    kind: PlaceKind


class Tier(int, Enum):
    """Which of two forms of equal length wins: the lower."""

    NOT_ACTOR = 0
    SITUATION = 1
    LEXICON = 2
    OWN = 3
    PLACE = 4


class Own(str, Enum):
    """What a form such as 'the Mission' or 'the Government' stands for in one resolution."""

    MISSION = "mission"
    COMMITTEE = "committee"
    PLACE = "place"
    """A template's actor for the resolution's own place ('the Government' → its government)."""


@dataclass(frozen=True, slots=True)
class Form:
    """What a phrase of an index names."""

    actor: str
    """Actor id; '' for a not-an-actor phrase; for an :class:`Own` form, a template id ('srsg-{place}')."""
    tier: Tier
    own: Own | None = None
    unplaced: str = ""
    """For an own place form: the actor it means when the resolution is about no place."""
    places: tuple[PlaceKind, ...] = ()
    """For an own place form: the kinds of place its template applies to."""


@dataclass(frozen=True, slots=True)
class Situation:
    """A gazetteer of ``situations/*.yml``: used for a resolution that names one of its places."""

    id: str
    name: str
    places: tuple[str, ...]
    actors: tuple[Actor, ...]
    index: PhraseIndex[Form]
    """Its forms."""
    own_forms: tuple[tuple[str, Form], ...]
    """Forms that mean its actors only where the resolution is about one of its places."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The actors one resolution may name (or, from :func:`load_gazetteer`, every listed actor)."""

    actors: tuple[Actor, ...]
    """The lexicon's and every situation's actors in file order, then those made for this resolution."""
    terms: tuple[Acronym, ...]
    """Acronyms that name no actor (HRDDP, SSR, …)."""
    by_id: dict[str, Actor]

    @classmethod
    def of(cls, actors: Iterable[Actor], terms: Iterable[Acronym]) -> Gazetteer:
        """A gazetteer of ``actors`` (the first of two with one id is kept) and ``terms``."""
        by_id: dict[str, Actor] = {}
        for actor in actors:
            by_id.setdefault(actor.id, actor)
        return cls(tuple(by_id.values()), tuple(terms), by_id)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; KeyError for an unknown id (a bug, not bad input)."""
        return self.by_id[actor_id]

    def acronyms(self) -> tuple[Acronym, ...]:
        """Every acronym, of actors and of terms, for a glossary."""
        return tuple(a for actor in self.actors for a in actor.acronyms) + self.terms

    def union(self, *others: Gazetteer) -> Gazetteer:
        """This gazetteer's actors, then the others' that it lacks: one list for a whole corpus."""
        terms = dict.fromkeys((*self.terms, *(t for other in others for t in other.terms)))
        return Gazetteer.of((*self.actors, *(a for other in others for a in other.actors)), terms)


@dataclass(frozen=True, slots=True)
class Knowledge:
    """Everything the data files say about actors, loaded once."""

    listed: tuple[Actor, ...]
    """The lexicon's actors and missions, then each situation's, in file order."""
    by_id: dict[str, Actor]
    """The listed actors and those a template makes for a place ('government-of-iraq'), by id."""
    missions: frozenset[str]
    """Ids of the missions of the lexicon."""
    index: PhraseIndex[Form]
    """The lexicon's, the missions' and the places' forms, and the not-an-actor phrases."""
    own_forms: tuple[tuple[str, Form], ...]
    """Forms such as 'the Mission', resolved per resolution."""
    situations: tuple[Situation, ...]
    places: dict[str, Place]
    place_names: PhraseIndex[str]
    """Every name and adjective of every place, matched with its capitals: how a text's places are counted."""
    terms: tuple[Acronym, ...]
    spelling: Spelling
    committees: dict[int, str]
    """Resolution number → id of a listed committee it established (1267 → 'sanctions-committee')."""

    def catalogue(self) -> Gazetteer:
        """Every listed actor, with every term: the gazetteer of no resolution in particular."""
        return Gazetteer.of(self.listed, self.terms)

    def matcher_for(self, resolution: Resolution) -> Matcher:
        """A matcher that knows what ``resolution`` is about (see the module docstring)."""
        texts = [text for element in resolution.elements() for text in (element.heading, element.text) if text]
        plain = Matcher(self, Context(number=resolution.metadata.number))
        mentions = [m for text in texts for m in plain.find_mentions(text)]
        counts = Counter(m.value for text in texts for m in self.place_names.find(tokens(text, self.spelling)))
        subject = [m.value for m in self.place_names.find(tokens(resolution.metadata.subject, self.spelling))]
        missions = Counter(m.actor for m in mentions if m.actor in self.missions)
        committees = [actor for text in texts for _, _, actor in _committees(text, resolution.metadata.number, self.committees)]
        context = Context(
            number=resolution.metadata.number,
            place=self._own_place(counts, subject),
            mission=missions.most_common(1)[0][0] if missions else "",
            committee=committees[0] if committees else "",
            situations=tuple(s.id for s in self.situations if any(p in counts or p in subject for p in s.places)),
        )
        own = PhraseIndex[Form](self.spelling)
        own.update((phrase, form, True) for phrase, form in self.own_forms)
        for situation in self.situations:
            if context.place in situation.places:
                own.update((phrase, form, True) for phrase, form in situation.own_forms)
        return Matcher(self, context, own)

    def _own_place(self, counts: Counter[str], subject: list[str]) -> str:
        """The place the agenda item names (the most named if several), else the one the text names most."""
        kinds = (PlaceKind.STATE, PlaceKind.TERRITORY)
        named = [p for p in subject if self.places[p].kind in kinds]
        if named:
            return max(named, key=lambda p: (counts[p], -named.index(p)))
        ranked = [(n, p) for p, n in counts.most_common() if self.places[p].kind in kinds]
        if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            return ranked[0][1]
        return next(iter(subject), "")


@dataclass(frozen=True, slots=True)
class Context:
    """What one resolution is about, as far as its actors go."""

    number: int
    place: str = ""
    """Id of its own place ('mali'): what 'the Government' and 'the Special Representative' mean."""
    mission: str = ""
    """Id of its own mission, the one it names most: what 'the Mission' means."""
    committee: str = ""
    """Id of the committee it names first: what 'the Committee' means."""
    situations: tuple[str, ...] = ()
    """Ids of the situations whose gazetteers apply: it names one of their places."""


_COMMITTEE = re.compile(
    r"""
    (?:Security\s+Council\s+)?Committee
    (?:\s+of\s+the\s+Security\s+Council)?
    \s+established\s+(?:pursuant\s+to|by|under|in)\s+
    (?:
        (?:paragraph\s+\d+\s+of\s+)?resolutions?\s+(?P<number>\d{3,4})   # the resolution that established it
        (?:\s*\(\d{4}\))?                                                 # and its year
        (?:\s*(?:,\s*|\s+and\s+)\d{3,4}(?:\s*\(\d{4}\))?)*                 # and those that changed it: 'and 1989 (2011)'
      | paragraph\s+\d+\s+(?P<this>below|above|of\s+(?:the\s+present|this)\s+resolution)  # this one did
    )
    | (?<![\w/])(?P<short>\d{3,4})\s+Committee\b                        # 'the 1533 Committee'
    | (?<=\ba\s)(?P<new>Committee\s+of\s+the\s+Security\s+Council)     # 'Decides to establish … a Committee of the Security Council'
    """,
    re.VERBOSE,
)


def committee_id(number: int, listed: dict[int, str]) -> str:
    """The id of the committee established by resolution ``number``."""
    return listed.get(number, f"committee-{number}")


def _committees(text: str, number: int, listed: dict[int, str]) -> list[tuple[int, int, str]]:
    """Committees named by the resolution that established them: (start, end, actor id)."""
    found = []
    for match in _COMMITTEE.finditer(text):
        established = match["number"] or match["short"]
        actor = committee_id(int(established) if established else number, listed)
        start = match.start("new") if match["new"] else match.start()
        found.append((start, match.end(), actor))
    return found


_GOVERNMENTS = re.compile(r"Governments\s+of\s+(?:the\s+)?$")
_LIST = re.compile(r"\s*(?:,\s*|\s+)(?:and\s+)?(?:of\s+)?(?:the\s+)?")
_QUALIFIED = re.compile(r"\s+(?:for|on|in)\s+(?:the\s+)?[A-Z]")
"""After 'the Special Representative of the Secretary-General': a place or topic of its own follows."""


@dataclass(frozen=True, slots=True)
class Matcher:
    """Finds actors in the texts of one resolution (see :meth:`Knowledge.matcher_for`)."""

    knowledge: Knowledge
    context: Context
    own_index: PhraseIndex[Form] = field(default_factory=PhraseIndex)
    """Forms such as 'the Mission', which mean what the context says (nothing without one)."""

    def _resolve(self, form: Form) -> str:
        if form.own is Own.MISSION:
            return self.context.mission
        if form.own is Own.COMMITTEE:
            return self.context.committee or "committee"
        if form.own is Own.PLACE:
            place = self.knowledge.places.get(self.context.place)
            actor = form.actor.format(place=place.id) if place and place.kind in form.places else ""
            return actor if actor in self.knowledge.by_id else form.unplaced
        return form.actor

    def find_mentions(self, text: str) -> tuple[ActorMention, ...]:
        """Non-overlapping actor spans in ``text``, in order; the longest match wins."""
        if not text:
            return ()
        found = tokens(text, self.knowledge.spelling)
        indexes = [s.index for s in self.knowledge.situations if s.id in self.context.situations]
        indexes += [self.knowledge.index, self.own_index]
        candidates: list[tuple[int, int, int, str]] = []
        for index in indexes:
            for match in index.find(found):
                form = match.value
                if form.own is Own.PLACE and _QUALIFIED.match(text, match.end):
                    continue
                actor = self._resolve(form) if form.own else form.actor
                if actor or form.tier is Tier.NOT_ACTOR:
                    candidates.append((match.start, match.end, form.tier, actor))
        candidates += [(s, e, Tier.LEXICON, a) for s, e, a in _committees(text, self.context.number, self.knowledge.committees)]
        candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
        taken: list[tuple[int, int, str]] = []
        for start, end, _, actor in candidates:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, actor))
        return self._governments(text, tuple(ActorMention(a, s, e) for s, e, a in sorted(taken) if a))

    def _governments(self, text: str, mentions: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
        """'the Governments of Chad and the Sudan': each State named after 'Governments of' is its Government."""
        found, listing = [], False
        for mention in mentions:
            before = text[found[-1].end if found else 0 : mention.start]
            if _GOVERNMENTS.search(before):
                listing, start = True, mention.start - len(_GOVERNMENTS.search(before).group())
            elif listing and _LIST.fullmatch(before):
                start = mention.start
            else:
                listing = False
            government = f"government-of-{mention.actor}"
            if listing and government in self.knowledge.by_id:
                found.append(ActorMention(government, start, mention.end))
            else:
                listing = False
                found.append(mention)
        return tuple(found)

    def actor(self, actor_id: str) -> Actor:
        """Any actor this matcher can name: listed, made from a place, or a committee by number."""
        if actor_id in self.knowledge.by_id:
            return self.knowledge.by_id[actor_id]
        number = actor_id.removeprefix("committee-")
        if number.isdigit():
            return Actor(
                actor_id, f"Committee established pursuant to resolution {number}", ActorKind.UN_ORGAN_OR_OFFICIAL,
                f"The Security Council committee established pursuant to resolution {number}.",
                (f"Committee established pursuant to resolution {number}",), source="lexicon.yml",
            )
        raise KeyError(actor_id)

    def gazetteer(self, named: Iterable[str], made: Iterable[Actor] = ()) -> Gazetteer:
        """The listed actors, those of ``named`` made for this resolution, then ``made``."""
        extra = [self.actor(actor_id) for actor_id in dict.fromkeys(named)]
        return Gazetteer.of((*self.knowledge.listed, *extra, *made), self.knowledge.terms)


def load_knowledge(folder: Path = DATA) -> tuple[Knowledge | None, list[Diagnostic]]:
    """The lexicon, places and situations under ``folder``, or None with every problem found."""
    from .actor_data import read_knowledge

    return read_knowledge(folder)


def load_gazetteer(folder: Path = DATA) -> tuple[Gazetteer | None, list[Diagnostic]]:
    """Every listed actor under ``folder``, or None with every problem found (file, line and key)."""
    knowledge, problems = load_knowledge(folder)
    return (knowledge.catalogue() if knowledge else None), problems
