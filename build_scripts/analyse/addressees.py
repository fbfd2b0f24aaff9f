"""Addressees: whom the Council asks, urges, requests, authorizes, encourages or calls upon.

For each verb whose lexicon entry ``addresses``, ``find_addressees`` takes the zone it governs:

- "Verb X … to …": the words between the verb and its "to" (or the next verb, or ``;`` ``:``);
- "Verb that X shall …" ("Decides that all States shall", "Demands that all parties cease"): the
  subject of the that-clause, up to its verb;
- "Decides to authorize / request / establish X …": the object of that verb;
- "its call upon X" after any verb ("Reiterates its call upon all parties to …").

"Decides to extend the mandate of MINUSMA" therefore addresses nobody: the Council acts itself.
The zone is cut into noun phrases at commas and at "and", "or", "as well as" (but not inside a
known actor's name, nor between two capitalised words: "the Defense and Security Force").
Phrases that open with a preposition or a participle are asides ("with the assistance of MINUSMA",
"in consultation with the Committee", "taking into account …") and are dropped. Each other phrase
gives:

- the known actors at its head: "interested Member States with relevant capabilities" is Member
  States, but "the Office of the Secretary-General’s Envoy on Youth" is not the Secretary-General
  (a possessive or a noun after the name makes it a modifier, as does a name inside "of …");
- else a pronoun's antecedents ("encourages them", "calls on him"): the actors named in the
  clause before;
- else, outside "Decides that …" (whose subjects are as often measures as actors), the phrase
  itself as an actor the gazetteer does not know, with an id made from its words ("Calls upon
  the donors" without a lexicon would give ``donors``). Phrases after "including" or "in
  particular" only repeat those before them and never make an actor.

Actors that are never asked (the Security Council itself) are dropped at the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .actors import Actor, ActorKind, ActorMention
from .phrases import slug
from .verbs import Lexicon, VerbUse

_THAT = re.compile(r"\s*(?:(?:further|also|moreover|furthermore|again|once\s+again|therefore|in\s+particular)\s+)?,?\s*that\b(?:\s*,[^,;:]*,)?")
"""'Decides that', 'Demands moreover that', and an aside after it ('that, immediately after …,')."""
_DECIDES_TO = re.compile(
    r"""
    \s*,?\s*(?:further\s+|also\s+)?to\s+
    (?P<verb>authorize|request|call\s+upon|call\s+on|urge|encourage|invite   # the Council asks through 'decides to …'
      | establish)                                                           # or sets up a body with tasks
    \b
    """,
    re.VERBOSE,
)
_ITS_CALL = re.compile(
    r"""
    \b(?:its|their)\s+(?:renewed\s+)?
    (?:calls?|appeals?|requests?|demands?)   # the noun of a request the Council repeats
    \s+(?:(?:up)?on|to)\b                    # 'its call upon all parties', 'its call to the Government'
    """,
    re.VERBOSE,
)
_ZONE_END = re.compile(r"\bto\b|[;:]")
_INFINITIVE = re.compile(r"\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|all|any|each|every|such|other|both|which|whom|date|what|by|with|in|on|at|for|from|as|and|or)\b)[a-z]+\b")
_SUBJECT_END = re.compile(
    r"""
    \b(?:shall|should|must|will|would|may|can|not|is|are|be|have|has)\b      # the clause's verb
    | \b\w+ly\b                                                                # 'immediately', 'fully'
    | \b(?:cease|stop|put|take|refrain|respect|comply|allow|ensure|abide|release|withdraw|end
        |halt|desist|facilitate|cooperate|engage|implement|provide|protect|grant|continue|make
        |redouble|abstain|bring|uphold|honour|adhere|disarm|return|resume|lay|remains?)\b   # or a verb of demand
    | [;:]
    """,
    re.VERBOSE,
)
_SEPARATOR = re.compile(r"\s+(?:and|or|as\s+well\s+as|together\s+with|along\s+with)\s+")
_CONNECTOR = re.compile(r"^(?:and|or|as\s+well\s+as|and\s+also|but\s+also|nor)\s+", re.I)
_ADVERBIAL = re.compile(
    r"^(?:as\s+a\s+consequence|in\s+this\s+regard|in\s+this\s+respect|in\s+this\s+context|in\s+addition|further|furthermore"
    r"|also|again|once\s+again|strongly|urgently|therefore|accordingly|equally|likewise)\b,?\s*",
    re.I,
)
_ELABORATION = re.compile(r"^(?:including|in\s+particular|particularly|notably|especially|inter\s+alia|among\s+others|such\s+as)\b\s*", re.I)
_HEDGE = re.compile(r"^(?:as|where|if|when|whenever)\s+(?:appropriate|necessary|relevant|possible|applicable|needed|required|requested)$", re.I)
_PRONOUN = re.compile(r"^(?:them|they|him|her|it|those|these|he|she)$", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|his|her|its|their)\s+", re.I)
_TRAILING = re.compile(r"(?:\s+(?:\w+ly|again|further|as\s+appropriate|as\s+well|and|or))+$", re.I)
_CLAUSE = re.compile(r"\s(?:who|which|that|whose|where)\s|\s\(")
_POSSESSIVE = re.compile(r"^['’]s?\b")
_MANDATE = re.compile(
    r"""^['’]s?\s+
    (?: (?:strategic\s+)?priorit(?:y|ies) | mandate | tasks                      # 'MINUSMA’s mandate shall include'
      | (?:[\w-]+,?\s+(?:and\s+)?){0,4}(?:components|personnel|forces|troops|contingents|units|staff)  # 'AUSSOM’s military, police and civilian components'
    )\b""",
    re.VERBOSE,
)
_TASKS_OF = re.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:priority|priorities|mandate|tasks)\s+of\s+(?:the\s+)?$", re.I)

_PREMODIFIERS = frozenset(
    "the all relevant concerned interested other both each any respective its their his her a an such those these "
    "individual several some certain key affected and or cooperating designating contributing participating "
    "neighbouring sponsoring supplying".split()
)
"""Words that may stand before a known actor at the head of a phrase: 'all relevant Member States'."""
_LINKS = frozenset("and or as well the its their all both".split())
"""Words that may join two known actors at the head of one phrase: 'the Plateforme and Coordination armed groups'."""
_FOLLOWERS = frozenset(
    "of with in to for on at from by under and or as including who which that whose concerned themselves itself "
    "where when while if through within among together acting once again also further still now able willing wishing "
    "shall should must will would may".split()
)
"""Words that may follow a known actor without making it a modifier: 'Member States with …'."""
_PERSON = re.compile(r"\b(?:Secretary-General|Representative|Envoy|Commissioner|Director|Prosecutor|President|Coordinator|Facilitator|Adviser|Mediator|Chair)")
"""A title in an actor's name: who 'him' or 'her' can stand for."""
_COLLECTIVE = frozenset("mission missions force forces troops personnel contingents units components staff".split())
"""Nouns after a known actor that still mean it: 'its EUTM Mali and EUCAP Sahel Mali missions'."""
_THINGS = frozenset(
    "efforts effort support cooperation work steps measures action actions progress access use dialogue reporting "
    "exchange information capabilities capacities capacity resources funding assistance legislation robbery piracy "
    "nationality location goals priorities areas plans plan policies policy strategy strategies means training "
    "funds procedures process processes role contributions proposals recommendations reports report review "
    "consultations attention importance need view views commitments reforms reform analysis data acts reviews attacks "
    "violations response responses".split()
)
"""Lower-case head nouns of things, not agents: an object such as 'renewed efforts' is not addressed."""
_THING_ENDINGS = ("tion", "tions", "ment", "ments", "ance", "ances", "ence", "ences", "ity", "ities", "ness", "sion", "sions", "ism")
_AGENTS = frozenset(
    "institutions organizations organisations associations coalitions federations governments government movements "
    "commission commissions mission missions communities community authorities entities agencies parties forces "
    "stakeholders actors partners donors states members representatives leaders operators personnel".split()
)
"""Lower-case heads that look like things by their ending but name agents: 'national institutions'."""
_SHARED_HEAD = frozenset(
    "international regional subregional sub-regional national local bilateral multilateral military police civilian "
    "political humanitarian financial technical judicial governmental non-governmental nongovernmental public private".split()
)
"""Adjectives that, before a comma or 'and', share the noun after them: 'military, police and civilian components'."""
_PARTICIPLES = frozenset("based aimed established designated referred mandated provided guided supported assisted taken given".split())
"""Past participles that open an aside ('based on critical peace and State building goals,')."""
_NOT_A_HEAD = frozenset(
    "in within with through by for from on under at as after before without upon via according consistent pursuant to "
    "where when while if notwithstanding following subject inter on behalf which who whose whom".split()
)
"""First words of an aside: a phrase opening with one of them (or a participle) names nobody."""


@dataclass(frozen=True, slots=True)
class Addressed:
    """Whom an element's verbs address."""

    actors: tuple[str, ...]
    """Actor ids, in order of first mention."""
    made: tuple[Actor, ...] = ()
    """Actors the open-world fallback made from the text (not in the gazetteer)."""
    mentions: tuple[ActorMention, ...] = ()
    """Where the made actors are named."""


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def _is_head(text: str, chunk_start: int, mention: ActorMention, chunk_end: int, before: list[ActorMention], subject: bool = False) -> bool:
    """Whether a known actor heads the phrase ``text[chunk_start:chunk_end]`` rather than modifying it.

    In a that-clause (``subject``) the word after the actor may be the clause's verb
    ("Requests that the Secretary-General reports …")."""
    previous = max((m.end for m in before if m.end <= mention.start), default=chunk_start)
    lead = text[max(previous, chunk_start) : mention.start]
    if _TASKS_OF.match(lead):
        return True  # "Decides that the strategic priority of MINUSMA remains …": the mission is tasked
    allowed = _LINKS if previous > chunk_start else _PREMODIFIERS  # after a name, only 'and the', 'as well as'
    if any(word.lower() not in allowed for word in _words(lead)):
        return False
    after = text[mention.end : chunk_end]
    if _MANDATE.match(after):
        return True  # "Decides that MINUSMA’s mandate shall include": the mission is tasked
    if _POSSESSIVE.match(after) or (after[:1] and after[:1] in "-\u2010\u2011"):
        return False
    rest = after.lstrip()
    if not rest or rest[0] in "(,":
        return True
    word = _words(rest)[0].lower() if _words(rest) else ""
    return subject or word in _FOLLOWERS or word in _COLLECTIVE or word.endswith(("ing", "ed", "ly"))


def _is_aside(piece: str, starts_with_name: bool) -> bool:
    """Whether a phrase opens with a preposition or a participle: it names a helper or a circumstance."""
    if _ELABORATION.match(piece):
        return False  # "including peacekeeping missions" repeats who is addressed
    word = (_words(piece) or [""])[0]
    first = word.lower()
    if first in _PREMODIFIERS or starts_with_name:
        return False  # "cooperating States", "the Monitoring Group"
    return first in _NOT_A_HEAD or first in _PARTICIPLES or (word.islower() and first.endswith("ing") and first != "peacekeeping")


def _shares_head(left: str, right: str) -> bool:
    """Whether ``left`` only qualifies the head noun of ``right``, as in "international, regional and
    subregional organizations", "Afghan and international parties" or "troops and police"."""
    left_words = _words(re.sub(r"^(?:all\s+)?", "", _DETERMINER.sub("", left.strip())))
    right_words = _words(right.strip())
    if not left_words or not right_words or _DETERMINER.match(right.strip() + " "):
        return False
    if left_words[-1].lower() in _SHARED_HEAD:
        return True
    word = left_words[0]
    if len(left_words) == 1 and (word.islower() or (not word.isupper() and word.endswith(("an", "ese", "ian", "i")))):
        return not word.lower().endswith("s")  # "Afghan and international parties", not "donors and partners"
    return len(right_words) == 1 and right_words[0].islower() and left_words[-1].islower()


def _chunks(text: str, start: int, end: int, mentions: tuple[ActorMention, ...]) -> list[tuple[int, int, bool]]:
    """The noun phrases of ``text[start:end]``: cut at commas, less the asides, then at conjunctions.

    The bool says the phrase follows "including" or "in particular": it only repeats who is asked.

    An aside runs to its comma ("within its existing resources and mandate,"), and one that ends
    in "and" also takes the name after it ("in consultation with X and, where appropriate, Y,").
    """
    pieces, position = [], start
    for match in re.finditer(",", text[start:end]):
        comma = start + match.start()
        if any(m.start < comma < m.end for m in mentions):
            continue
        if not any(m.end == comma for m in mentions) and _shares_head(text[position:comma], text[comma + 1 : end]):
            continue
        pieces.append((position, comma))
        position = comma + 1
    pieces.append((position, end))
    kept: list[tuple[int, int, bool]] = []
    continuing = in_aside = listing = False
    for piece_start, piece_end in pieces:
        lead, _, elaboration = _trim(text, piece_start, piece_end)
        piece = text[lead:piece_end].strip()
        named = any(m.start == lead for m in mentions)
        if re.match(r"\s*as\s+well\s+as\b", text[piece_start:piece_end]):
            listing = False  # "…, notably X, as well as Y": the main list resumes
        listing = listing or elaboration
        if _HEDGE.match(piece):
            continue  # ", as appropriate,": neither a name nor an aside that goes on
        if _is_aside(piece, named):
            continuing = bool(re.search(r"\s(?:and|or)$", piece)) or (continuing and _words(piece)[:1] in (["where"], ["as"], ["if"], ["when"]))
            in_aside = True
            continue
        if continuing:
            continuing = False
            continue
        if in_aside and (elaboration or (not named and piece[:1].islower() and not _DETERMINER.match(piece + " "))):
            continue  # "within their existing mandates, resources, and capabilities,"; "with … bodies, in particular CTED,"
        in_aside = False
        kept += [(s, e, listing) for s, e in _conjuncts(text, lead, piece_end, mentions)]
    return [(s, e, elaboration) for s, e, elaboration in kept if text[s:e].strip()]


def _conjuncts(text: str, start: int, end: int, mentions: tuple[ActorMention, ...]) -> list[tuple[int, int]]:
    """A phrase cut at 'and', 'or', 'as well as', except inside a known name, between two capitalised
    words ("the Defense and Security Force") and where the words before only qualify a shared noun."""
    cuts: list[tuple[int, int]] = []
    position = start
    for match in _SEPARATOR.finditer(text, start, end):
        if any(m.start < match.end() and match.start() < m.end for m in mentions):
            continue
        left = re.search(r"(\S+)$", text[start : match.start()])
        right = re.match(r"(\S+)", text[match.end() : end])
        single = re.fullmatch(r"\s*[a-z]+\s*", text[match.end() : end]) is not None and not any(m.start == match.end() for m in mentions)
        if any(m.end == match.start() or m.start == match.end() for m in mentions) and not single:
            cuts.append((match.start(), match.end()))
        elif left and right and left[1][:1].isupper() and right[1][:1].isupper():
            continue
        elif re.search(r"\s(?:who|whose|which|that|where)\s", text[position : match.start()]):
            continue  # "States whose naval vessels and military aircraft operate …": inside a relative clause
        elif re.search(r"\s(?:of|in|for|on|at|from|between|with)\s", text[position : match.start()]) and not _DETERMINER.match(text[match.end() : end] + " "):
            continue  # "States of the nationality of victims and perpetrators of piracy", "entities in Côte d’Ivoire and Liberia"
        elif not _shares_head(text[position : match.start()], text[match.end() : end]):
            cuts.append((match.start(), match.end()))
        else:
            continue
        position = match.end()
    spans, position = [], start
    for cut_start, cut_end in cuts:
        spans.append((position, cut_start))
        position = cut_end
    spans.append((position, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """The phrase without connectors, adverbials and an 'including' (the bool says it was there)."""
    elaboration = False
    while True:
        piece = text[start:end]
        stripped = len(piece) - len(piece.lstrip())
        start += stripped
        piece = text[start:end]
        for pattern in (_CONNECTOR, _ADVERBIAL, _ELABORATION):
            match = pattern.match(piece)
            if match and match.end():
                start += match.end()
                elaboration = elaboration or pattern is _ELABORATION
                break
        else:
            break
    piece = text[start:end]
    end = start + len(piece.rstrip(" ,"))
    return start, end, elaboration


def _is_thing(phrase: str) -> bool:
    """Whether a phrase's head noun (its last word before 'of', 'to', 'for', …) names a thing or an
    action rather than someone: lower-case words such as 'efforts', 'implementation', 'support'."""
    head_part = re.split(r"\s(?:of|to|towards|for|on|in|by|with|from|at|under|between|among|within|through|that|which)\s", phrase, maxsplit=1)[0]
    words = _words(head_part)
    head = words[-1] if words else ""
    if head in ("Agreement", "Agreements", "Convention", "Protocol", "Charter", "Plan", "Strategy", "Report", "Framework"):
        return True  # an instrument: "the N’Djamena Humanitarian Ceasefire Agreement"
    if not head.islower() or head in _AGENTS:
        return False
    return head in _THINGS or head.endswith(_THING_ENDINGS)


def _is_name(phrase: str) -> bool:
    """A short phrase whose first word after an article is capitalised: 'the Forces nouvelles'."""
    words = _words(_DETERMINER.sub("", phrase))
    return 0 < len(words) <= 6 and words[0][:1].isupper()


def _made(text: str, start: int, end: int) -> tuple[Actor, ActorMention] | None:
    """An actor the gazetteer does not know, from the phrase ``text[start:end]``, if it is a noun phrase."""
    clause = _CLAUSE.search(text, start, end)
    end = clause.start() if clause else end
    phrase = text[start:end]
    trailing = _TRAILING.search(phrase)
    if trailing:
        phrase = phrase[: trailing.start()]
    determiner = _DETERMINER.match(phrase)
    if determiner:
        start, phrase = start + determiner.end(), phrase[determiner.end() :]
    words = _words(phrase)
    if not words or not phrase[:1].isalpha() or len(words) > 12:
        return None
    first = words[0].lower()
    if first in ("no", "none", "neither", "nor", "not") or first in _NOT_A_HEAD or _PRONOUN.match(first) or (first.endswith("ing") and len(words) > 1 and first != "peacekeeping"):
        return None
    if not any(len(word) > 2 or word.isupper() for word in words) or any(char.isdigit() for char in words[0]):
        return None
    if _is_thing(phrase):
        return None  # "Urges renewed efforts to …", "Encourages the incorporation of …": a thing, not an agent
    phrase = phrase.rstrip()
    actor = Actor(
        id=slug(phrase),
        name=phrase[:1].upper() + phrase[1:],
        kind=ActorKind.OTHER,
        description=f"Not in the gazetteer: the Council addresses “{phrase}”, found in the text by the open-world fallback.",
        aliases=(phrase,),
        listed=False,
    )
    return actor, ActorMention(actor.id, start, start + len(phrase))


@dataclass(slots=True)
class _Finder:
    """The state of one element's search: its text, known mentions and what has been found."""

    text: str
    mentions: tuple[ActorMention, ...]
    known: Callable[[str], Actor | None]
    found: list[str]
    made: list[Actor]
    made_mentions: list[ActorMention]

    def zone(self, start: int, end: int, open_world: bool, clause: tuple[int, int], subject: bool = False) -> list[str]:
        """The actors a zone addresses (see the module docstring).

        A that-clause's subject (``subject``) ends with the first phrase that names no actor: only
        the first phrase may be made an actor, and what follows is the rest of the clause.
        """
        actors: list[str] = []
        inside = tuple(m for m in self.mentions if start <= m.start and m.end <= end)
        for number, (chunk_start, chunk_end, listed_after) in enumerate(_chunks(self.text, start, end, inside)):
            if subject and number and not actors:
                break
            chunk_start, chunk_end, elaboration = _trim(self.text, chunk_start, chunk_end)
            elaboration = elaboration or listed_after
            if chunk_start >= chunk_end:
                continue
            phrase = self.text[chunk_start:chunk_end]
            if _PRONOUN.match(phrase) or (subject and _PRONOUN.match((_words(phrase) or [""])[0])):
                actors += self.antecedents(_words(phrase)[0].lower(), clause)
                continue
            here = [m for m in inside if chunk_start <= m.start and m.end <= chunk_end]
            if _is_aside(phrase, bool(here) and here[0].start == chunk_start):
                continue  # an aside: "with the assistance of MINUSMA", "taking into account …"
            first_named = bool(here) and all(w.lower() in _PREMODIFIERS for w in _words(self.text[chunk_start : here[0].start]))
            opening = subject or (number == 0 and first_named)  # "Requests the Secretary-General report …"
            heads = [m for i, m in enumerate(here) if _is_head(self.text, chunk_start, m, chunk_end, here[:i], opening)]
            if heads:
                actors += [m.actor for m in heads]
            elif subject and number and not (open_world and _is_name(phrase)):
                break  # the subject's list has ended ("…, participate fully")
            elif open_world and not elaboration:
                made = _made(self.text, chunk_start, chunk_end)
                if made:
                    actor, mention = made
                    if self.known(actor.id) is None:
                        self.made.append(actor)
                    self.made_mentions.append(mention)
                    actors.append(actor.id)
        return actors

    def antecedents(self, pronoun: str, clause: tuple[int, int]) -> list[str]:
        """Whom 'them' or 'him' stands for: the actors named before, in the clause before this one."""
        before = [m for m in self.mentions if m.end <= clause[1] and not _POSSESSIVE.match(self.text[m.end :])]
        if pronoun in ("him", "her", "he", "she"):
            people = [m for m in before if (actor := self.known(m.actor)) is not None and _PERSON.search(actor.name)]
            return [people[-1].actor] if people else self.found[-1:]
        nearest = [m.actor for m in before if m.start >= clause[0]]
        return nearest or list(self.found)


def find_addressees(
    text: str, verbs: tuple[VerbUse, ...], mentions: tuple[ActorMention, ...], lexicon: Lexicon, known: Callable[[str], Actor | None]
) -> Addressed:
    """Whom the verbs of ``text`` ask or authorize (see the module docstring).

    ``known(id)`` gives a known actor (None for an id the gazetteer does not know).
    """
    finder = _Finder(text, mentions, known, [], [], [])
    for index, use in enumerate(verbs):
        end = verbs[index + 1].start if index + 1 < len(verbs) else len(text)
        clause = (verbs[index - 1].start if index else 0, use.start)
        zones: list[tuple[int, int, bool, bool]] = []
        entry = lexicon.by_lemma(use.lemma)
        that = _THAT.match(text, use.end, end)
        decides_to = _DECIDES_TO.match(text, use.end, end)
        if entry.addresses and that:
            stop = _SUBJECT_END.search(text, that.end(), end)
            zones.append((that.end(), stop.start() if stop else end, stop is not None and use.lemma != "decides", True))
        elif entry.addresses and decides_to:
            stop, infinitive = _zone_end(text, mentions, decides_to.end(), end)
            zones.append((decides_to.end(), stop, infinitive and decides_to["verb"] != "establish", False))
        elif entry.addresses and use.lemma != "decides":
            stop, infinitive = _zone_end(text, mentions, use.end, end)
            elliptical = text[use.start : use.end].lower() == "upon"  # "… and upon the Coordination": never "upon his request"
            zones.append((use.end, stop, infinitive and not elliptical, False))
        for call in _ITS_CALL.finditer(text, use.end, end):
            stop, infinitive = _zone_end(text, mentions, call.end(), end)
            zones.append((call.end(), stop, infinitive, False))
        for start, stop, open_world, subject in zones:
            finder.found += finder.zone(start, stop, open_world, clause, subject)
    addressed = [a for a in dict.fromkeys(finder.found) if (actor := known(a)) is None or actor.addressed]
    return Addressed(tuple(addressed), tuple({a.id: a for a in finder.made}.values()), tuple(finder.made_mentions))


def _zone_end(text: str, mentions: tuple[ActorMention, ...], start: int, end: int) -> tuple[int, bool]:
    """Where an object zone ends: its 'to' (or ';', ':'), not one inside a known name; and whether
    an infinitive follows ("Calls upon the donors to increase"), the sign that the zone names an
    agent and not a thing ("Requests enhanced reporting by MINUSMA to the Security Council")."""
    for match in _ZONE_END.finditer(text, start, end):
        if any(m.start <= match.start() < m.end for m in mentions):
            continue
        if match.group() != "to":
            return match.start(), False
        if _INFINITIVE.match(text, match.end()):
            return match.start(), True
        if not re.match(r"\s+(?:the|a|an)\s", text[match.end() :]):
            return match.start(), False  # 'to armed conflict', 'to those': no infinitive follows this zone
    return end, False
