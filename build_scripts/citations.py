"""Ready-made citations of a resolution or one of its elements, in the styles readers use.

UN style ``S/RES/2364 (2017), para. 20 (c) (ii)``; OSCOLA ``UNSC Res 2364 (29 June 2017) UN Doc
S/RES/2364, para 20(c)(ii)``; Bluebook ``S.C. Res. 2364, ¶ 20(c)(ii) (June 29, 2017)``; BibTeX;
CSL-JSON; the permalink. Preambular paragraphs cite as ``S/RES/2364 (2017), preambular paragraph 3``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from . import ids
from .model import Metadata
from .read.header import ordinal as ordinal_suffix

DEFAULT_SITE_URL = "https://resolution-site.github.io/resolution-site/"
"""Same default as mkdocs.yml; the deploy workflow sets SITE_URL."""
AUTHOR = "United Nations Security Council"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
"""English month names, whatever the locale (strftime's %B follows it)."""
BLUEBOOK_MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
"""The Bluebook's abbreviations (table T12): 'Dec. 17, 2015', but 'June 29, 2017'."""


def site_url() -> str:
    """The site's base URL, ending in '/'."""
    url = os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def absolute_permalink(meta: Metadata, element_id: str | None = None) -> str:
    """The URL that never changes: the resolution's overview, or an element's paragraph page and anchor."""
    return site_url() + (ids.permalink(meta.number, element_id) if element_id else f"{meta.number}/")


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation format."""

    style: str
    """Name shown to readers: 'UN', 'OSCOLA', …"""
    text: str
    """The citation, ready to paste."""


def ordinal(number: int) -> str:
    """'7991st', '9082nd', '6953rd', '4011th': the number with the suffix the reader checks headers against."""
    return f"{number}{ordinal_suffix(number)}"


def _compact(label: str) -> str:
    """'20 (c) (ii)' → '20(c)(ii)', the form OSCOLA and the Bluebook use; '(unnumbered)' is not a label."""
    return re.sub(r" \((?=[a-z]{1,5}\))", "(", label)


def citations(meta: Metadata, element_id: str | None = None) -> list[Citation]:
    """Every format for the resolution (``element_id`` None) or one of its elements.

    docs/assets/javascripts/cite.js builds the same strings in the browser from a page's
    ``cite_data``; tests/test_browser_reader.py checks that they are identical, character for character.
    """
    date = meta.adopted
    long_date = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    us_date = f"{BLUEBOOK_MONTHS[date.month - 1]} {date.day}, {date.year}"
    short_symbol = meta.symbol.split(" (")[0]
    url = absolute_permalink(meta, element_id)
    prefix, _ = ids.paragraph_of(element_id) if element_id else ("", 0)
    whole = f"resolution {meta.number} ({meta.year})"
    if element_id is None:
        un, prose, oscola_pin, bluebook_pin, title = meta.symbol, whole, "", "", f"Security Council {whole}"
    elif prefix == ids.PREAMBULAR_PREFIX:
        number = ids.paragraph_of(element_id)[1]
        un = f"{meta.symbol}, preambular paragraph {number}"
        prose = f"preambular paragraph {number} of {whole}"
        oscola_pin, bluebook_pin = f", preamble para {number}", f", pmbl. para. {number}"
        title = f"Security Council {whole}, preambular paragraph {number}"
    elif prefix == ids.ANNEX_PREFIX:
        # 'annex, para. 3 (b)': the annex names itself, so no 'para.' goes before it.
        label = ids.citation_label(element_id)
        un, prose = f"{meta.symbol}, {label}", f"{label} of {whole}"
        annex, _, rest = label.partition(", ")
        pin = f"{annex}, {_compact(rest)}" if rest else annex
        oscola_pin, bluebook_pin = f", {pin.replace('para. ', 'para ')}", f", {pin.replace('para. ', '¶ ')}"
        title = f"Security Council {whole}, {label}"
    else:
        label = ids.citation_label(element_id)
        un = f"{meta.symbol}, para. {label}"
        prose = f"paragraph {label} of {whole}"
        oscola_pin, bluebook_pin = f", para {_compact(label)}", f", ¶ {_compact(label)}"
        title = f"Security Council {whole}, paragraph {label}"
    key = f"unsc-res-{meta.number}-{meta.year}" + (f"-{element_id}" if element_id else "")
    note = f",\n  note = {{Adopted at the {ordinal(meta.meeting)} meeting of the Security Council}}" if meta.meeting else ""
    bibtex = (
        f"@misc{{{key},\n  title = {{{title}}},\n  author = {{{{{AUTHOR}}}}},\n  year = {{{meta.year}}},\n"
        f"  date = {{{date.isoformat()}}},\n  number = {{{meta.symbol}}},\n  url = {{{url}}}{note}\n}}"
    )
    csl = {
        "id": key,
        "type": "legislation",
        "title": title,
        "author": [{"literal": AUTHOR}],
        "authority": AUTHOR,
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "number": meta.symbol,
        "URL": url,
    }
    return [
        Citation("UN", un),
        Citation("UN, in prose", prose),
        Citation("OSCOLA", f"UNSC Res {meta.number} ({long_date}) UN Doc {short_symbol}{oscola_pin}"),
        Citation("Bluebook", f"S.C. Res. {meta.number}{bluebook_pin} ({us_date})"),
        Citation("BibTeX", bibtex),
        Citation("CSL-JSON", json.dumps(csl, ensure_ascii=False, indent=2)),
        Citation("Permalink", url),
    ]


def cite_data(meta: Metadata) -> str:
    """What cite.js needs to build every citation of every element of a page, as JSON for a <script>.

    Once per page instead of seven citations per element: the browser derives each element's
    label and permalink from its id, as ``ids.citation_label`` and ``ids.permalink`` do."""
    data = {"site": site_url(), "symbol": meta.symbol, "number": meta.number, "year": meta.year, "date": meta.adopted.isoformat(), "meeting": meta.meeting or 0}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def citation_meta(meta: Metadata, element_id: str | None = None) -> list[tuple[str, str]]:
    """Highwire Press <meta> pairs, which Zotero, Google Scholar and other reference managers read.

    No Dublin Core tags: they said the same again on every page. The link to the official document
    (their DC.source) is the JSON-LD's ``sameAs``."""
    title = f"Security Council resolution {meta.number} ({meta.year})"
    if element_id:
        title = citations(meta, element_id)[0].text
    date = meta.adopted
    return [
        ("citation_title", title),
        ("citation_author", AUTHOR),
        ("citation_publication_date", f"{date:%Y/%m/%d}"),
        ("citation_technical_report_number", meta.symbol),
        ("citation_publisher", "United Nations"),
        ("citation_public_url", absolute_permalink(meta, element_id)),
        ("citation_language", "en"),
    ]


def json_ld(meta: Metadata, element_id: str | None = None, title: str = "", parts: list[str] = ()) -> str:
    """schema.org Legislation as a JSON string safe to put inside <script>."""
    whole = {
        "@type": "Legislation",
        "name": f"Security Council resolution {meta.number} ({meta.year})",
        "legislationIdentifier": meta.symbol,
        "url": absolute_permalink(meta),
        "sameAs": meta.official_url,
    }
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "legislationDate": meta.adopted.isoformat(),
        "legislationPassedBy": {"@type": "Organization", "name": AUTHOR},
        "legislationJurisdiction": "United Nations",
        "inLanguage": "en",
    }
    if element_id:
        data |= {"name": title, "legislationIdentifier": citations(meta, element_id)[0].text, "url": absolute_permalink(meta, element_id), "isPartOf": whole}
    else:
        data |= {key: value for key, value in whole.items() if key != "@type"} | {"about": meta.subject}
        data["hasPart"] = [{"@type": "Legislation", "legislationIdentifier": citations(meta, part)[0].text, "url": absolute_permalink(meta, part)} for part in parts]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
