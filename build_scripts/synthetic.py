"""Synthetic corpora for tests and benchmarks only: the seed under new numbers and dates.

Each synthetic resolution is the text of S/RES/2364 (2017) renumbered, re-dated and marked
``synthetic: true`` in its metadata, so it is never published (``build`` skips it unless given
``--synthetic``). Its references are rewired so that the corpus links to itself: "resolution
2295 (2016)" (the previous mandate) and "paragraph 2 of resolution 2253 (2015)" point to the
previous resolution of the corpus, as a real chain of mandate renewals would.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import yaml

FIRST_NUMBER = 9001
"""Synthetic numbers start far above real ones, so they can never be confused with them."""
REWIRED = ("2295 (2016)", "2253 (2015)")
"""Citations in the seed rewired to the previous resolution of the corpus."""


def synthetic_name(number: int, year: int) -> str:
    return f"s-res-{number}-{year}"


def write_corpus(seed: Path, out: Path, count: int) -> list[Path]:
    """Write ``count`` synthetic resolutions (text + metadata) into ``out``; the text paths."""
    text = seed.read_text(encoding="utf-8")
    metadata = yaml.safe_load(seed.with_suffix(".yml").read_text(encoding="utf-8"))
    seed_number, seed_year = metadata["number"], metadata["year"]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    previous = (seed_number, seed_year)
    for index in range(count):
        number, year = FIRST_NUMBER + index, seed_year + 1 + index
        adopted = datetime.date(year, 6, 29)
        body = text.replace(f"Resolution {seed_number} ({seed_year})", f"Resolution {number} ({year})")
        body = re.sub(rf"S/RES/{seed_number} \({seed_year}\)", f"S/RES/{number} ({year})", body)
        body = body.replace(f"on\n29 June {seed_year}", f"on\n29 June {year}")
        for cited in REWIRED:
            body = body.replace(cited, f"{previous[0]} ({previous[1]})")
        meta = dict(metadata)
        meta.update(
            symbol=f"S/RES/{number} ({year})",
            number=number,
            year=year,
            adopted=adopted,
            subject=f"{metadata['subject']} (synthetic test resolution)",
            official_url=f"https://undocs.org/S/RES/{number}({year})",
            synthetic=True,
        )
        path = out / f"{synthetic_name(number, year)}.txt"
        path.write_text(body, encoding="utf-8")
        path.with_suffix(".yml").write_text("# Synthetic: generated for tests and benchmarks, never published.\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
        written.append(path)
        previous = (number, year)
    return written
