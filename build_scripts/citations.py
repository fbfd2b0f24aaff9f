"""Ready-made citations of a resolution or one of its elements, in the styles readers use.

UN style ``S/RES/2364 (2017), para. 20 (c) (ii)``; OSCOLA ``UNSC Res 2364 (29 June 2017) UN Doc
S/RES/2364, para 20(c)(ii)``; Bluebook ``S.C. Res. 2364, ¶ 20(c)(ii) (June 29, 2017)``; BibTeX;
CSL-JSON; the permalink. Preambular paragraphs cite as ``S/RES/2364 (2017), preambular paragraph 3``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from . import ids
from .model import Metadata

DEFAULT_SITE_URL = "https://resolution-site.github.io/resolution-site/"
"""Same default as mkdocs.yml; the deploy workflow sets SITE_URL."""
AUTHOR = "United Nations Security Council"


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


def _compact(label: str) -> str:
    """'20 (c) (ii)' → '20(c)(ii)', the form OSCOLA and the Bluebook use."""
    return label.replace(" (", "(")


def citations(meta: Metadata, element_id: str | None = None) -> list[Citation]:
    """Every format for the resolution (``element_id`` None) or one of its elements."""
    date = meta.adopted
    long_date = f"{date.day} {date:%B %Y}"
    us_date = f"{date:%B} {date.day}, {date.year}"
    short_symbol = meta.symbol.split(" (")[0]
    url = absolute_permalink(meta, element_id)
    prefix, _ = ids.paragraph_of(element_id) if element_id else ("", 0)
    if element_id is None:
        un, prose, oscola_pin, bluebook_pin, title = meta.symbol, f"resolution {meta.number} ({meta.year})", "", "", f"Security Council resolution {meta.number} ({meta.year})"
    elif prefix == ids.PREAMBULAR_PREFIX:
        number = ids.paragraph_of(element_id)[1]
        un = f"{meta.symbol}, preambular paragraph {number}"
        prose = f"preambular paragraph {number} of resolution {meta.number} ({meta.year})"
        oscola_pin, bluebook_pin = f", preamble para {number}", f", pmbl. para. {number}"
        title = f"Security Council resolution {meta.number} ({meta.year}), preambular paragraph {number}"
    else:
        label = ids.citation_label(element_id)
        un = f"{meta.symbol}, para. {label}"
        prose = f"paragraph {label} of resolution {meta.number} ({meta.year})"
        oscola_pin, bluebook_pin = f", para {_compact(label)}", f", ¶ {_compact(label)}"
        title = f"Security Council resolution {meta.number} ({meta.year}), paragraph {label}"
    key = f"unsc-res-{meta.number}-{meta.year}" + (f"-{element_id}" if element_id else "")
    bibtex = (
        f"@misc{{{key},\n  title = {{{title}}},\n  author = {{{{{AUTHOR}}}}},\n  year = {{{meta.year}}},\n"
        f"  date = {{{date.isoformat()}}},\n  number = {{{meta.symbol}}},\n  url = {{{url}}},\n"
        f"  note = {{Adopted at the {meta.meeting}th meeting of the Security Council}}\n}}"
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


def citation_meta(meta: Metadata, element_id: str | None = None) -> list[tuple[str, str]]:
    """Highwire Press and Dublin Core <meta> pairs, which Zotero and other reference managers read."""
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
        ("DC.title", title),
        ("DC.creator", AUTHOR),
        ("DC.date", date.isoformat()),
        ("DC.identifier", meta.symbol),
        ("DC.type", "Text"),
        ("DC.source", meta.official_url),
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
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
