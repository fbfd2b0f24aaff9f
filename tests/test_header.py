"""The text's own header gives the metadata; the .yml beside it is optional and must agree with it.

The header variants are real: each is the header of the resolution it names, as the UN's XML
files (UNxml/SCresolutions, coverPage ``docTitle``) print it, laid out as a PDF extraction
would give it, wrapped or not, sometimes with the first page's furniture around it.
"""

from __future__ import annotations

import datetime
import shutil
from dataclasses import replace

import pytest

from build_scripts.cli import main
from build_scripts.model import Severity
from build_scripts.pipeline import load_resolution
from build_scripts.read.clean import clean_text
from build_scripts.read.header import read_header, resolve_metadata
from build_scripts.read.source import MetadataFile
from tests.conftest import SEED

RAW = SEED.read_text(encoding="utf-8")
META = SEED.with_suffix(".yml").read_text(encoding="utf-8")
ERRATA = META[META.index("errata:") :]

# (header lines as extracted, number, year, date of adoption, meeting)
HEADERS = [
    (" Resolution 2364 (2017)\nAdopted by the Security Council at its 7991st meeting, on\n29 June 2017", 2364, 2017, "2017-06-29", 7991),
    ("Resolution 1826 (2008)\nAdopted by the Security Council at its 5945th meeting, on 29 July 2008", 1826, 2008, "2008-07-29", 5945),
    # The first page's furniture: symbol, distribution date and job number above the title.
    (
        "United Nations S/RES/1826 (2008)\nSecurity Council Distr.: General\n29 July 2008\n08-44260 (E)\nS/RES/1826 (2008)\n"
        "Resolution 1826 (2008)\nAdopted by the Security Council at its 5945th meeting, on\n29 July 2008",
        1826, 2008, "2008-07-29", 5945,
    ),
    ("RESOLUTION 1285 (2000)\nAdopted by the Security Council at its 4088th meeting, on\n13 January 2000", 1285, 2000, "2000-01-13", 4088),
    ("Resolution 1294 (2000)\nAdopted by the Security Council at its 4126th meeting, on13 April 2000", 1294, 2000, "2000-04-13", 4126),
    ("Resolution 1312 (2000)\nAdopted by the Security Council at its 4181st meeting, on 31 July 2000", 1312, 2000, "2000-07-31", 4181),
    ("Resolution 1297 (2000)\nAdopted by the Security Council at its 4142nd meeting, on 12 May 2000", 1297, 2000, "2000-05-12", 4142),
    ("Resolution 1293 (2000)\nAdopted by the Security Council at its 4123rd meeting, on 31 March 2000", 1293, 2000, "2000-03-31", 4123),
    ("Resolution 1701 (2006)\nAdopted by the Security Council at its 5511th meeting, on 11 August 2006", 1701, 2006, "2006-08-11", 5511),
    ("Resolution 1737 (2006)\nAdopted by the Security Council at its 5612th meeting, on\n23 December 2006", 1737, 2006, "2006-12-23", 5612),
    ("Resolution 1738 (2006)\nAdopted by the Security Council at its 5613th meeting, on 23 December 2006", 1738, 2006, "2006-12-23", 5613),
    ("Resolution 2470 (2019)\nAdopted by the Security Council at its 8531st meeting, on 21 May 2019", 2470, 2019, "2019-05-21", 8531),
    ("Resolution 1652 (2006)\nAdopted by the Security Council at its 5354th meeting on 24 January 2006", 1652, 2006, "2006-01-24", 5354),
    ("Resolution 1358 (2001)\nAdopted by the Security Council at its 4337th (closed) meeting, on 27 June 2001", 1358, 2001, "2001-06-27", 4337),
    ("Resolution 1506 (2003)\nAdopted by the Security Council at its 4820th meeting(Part II), on 12 September 2003", 1506, 2003, "2003-09-12", 4820),
    ("Resolution 1574 (2004)\nAdopted by the Security Council at its 5082nd meeting, on 19 November 2004 in Nairobi", 1574, 2004, "2004-11-19", 5082),
    ("Resolution 2802 (2025)\nAdopted by the Security Council at its 10042nd (resumed)\nmeeting, on 14 November 2025", 2802, 2025, "2025-11-14", 10042),
    # Adopted by written procedure during the pandemic: no meeting.
    ("Resolution 2515 (2020)\nAdopted by the Security Council on 30 March 2020", 2515, 2020, "2020-03-30", None),
]


def header_of(text: str):
    clean, problems = clean_text(text + "\nThe Security Council,\nRecalling its resolutions,\n1. Decides to remain seized of the matter.\n")
    assert problems == []
    return read_header(clean.lines, source="x.txt")


@pytest.mark.parametrize(("text", "number", "year", "adopted", "meeting"), HEADERS)
def test_the_header_gives_number_year_date_and_meeting(text, number, year, adopted, meeting):
    facts, diagnostics = header_of(text)
    assert diagnostics == []
    assert (facts.number, facts.year, facts.adopted, facts.meeting) == (number, year, datetime.date.fromisoformat(adopted), meeting)


def test_the_header_of_the_seed_names_its_lines():
    facts, _ = header_of(HEADERS[0][0])
    assert (facts.title, facts.title_line, facts.meeting_words, facts.date_words, facts.adoption_line) == (
        "Resolution 2364 (2017)", 1, "7991st meeting", "29 June 2017", 2,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Resolution 2364 (2017)\nAdopted by the Security Council at its 7991st meeting, on 31 June 2017", "x.txt:2: error: the date of adoption '31 June 2017' in the header is not a calendar date"),
        ("Resolution 2364 (2017)\nAdopted by the Security Council at its 7991st meeting, on 29 June 2016", "x.txt:2: error: the header says 'Resolution 2364 (2017)' but adopted on 29 June 2016: the years differ"),
        ("Resolution 2364 (2017)\nAdopted by the Security Council at its 7997st meeting, on 29 June 2017", "x.txt:2: warning: '7997st meeting' should read '7997th'"),
        ("Resolution 2364 (2017)\nAdopted by the Security Council at its 7991st meeting, on 29 Juin 2017", "x.txt:2: warning: cannot read the meeting and date of adoption"),
    ],
)
def test_a_header_that_is_wrong_or_unreadable_is_reported_at_its_line(text, expected):
    _, diagnostics = header_of(text)
    assert len(diagnostics) == 1 and str(diagnostics[0]).startswith(expected), diagnostics


def test_what_the_header_does_not_say_is_missing_not_guessed():
    facts, diagnostics = header_of("Adopted by the Security Council on 30 March 2020")
    assert diagnostics == [] and (facts.number, facts.year, facts.meeting) == (None, 2020, None)


# --- metadata from the header and the optional .yml --------------------------------------------


def test_without_a_yml_the_metadata_is_derived_from_the_header():
    facts, _ = header_of(HEADERS[1][0])
    metadata, diagnostics = resolve_metadata(facts, MetadataFile("s-res-1826-2008.yml"), source="s-res-1826-2008.txt")
    assert diagnostics == []
    assert (metadata.symbol, metadata.official_url, metadata.subject) == ("S/RES/1826 (2008)", "https://undocs.org/S/RES/1826(2008)", "")
    assert (metadata.number, metadata.year, metadata.adopted, metadata.meeting) == (1826, 2008, datetime.date(2008, 7, 29), 5945)


def test_a_yml_value_that_contradicts_the_header_is_an_error_at_its_line():
    facts, _ = header_of(HEADERS[1][0])
    given = MetadataFile("s-res-1826-2008.yml", meeting=5946, lines={"meeting": 5})
    metadata, diagnostics = resolve_metadata(facts, given, source="s-res-1826-2008.txt")
    assert metadata is None
    assert [str(d).split(";")[0] for d in diagnostics] == ["s-res-1826-2008.yml:5: error: key 'meeting' is 5946 but the text's header says 5945th meeting"]


def test_the_yml_gives_what_the_header_does_not():
    facts, _ = header_of(HEADERS[-1][0])
    metadata, diagnostics = resolve_metadata(facts, MetadataFile("s-res-2515-2020.yml"), source="s-res-2515-2020.txt")
    assert metadata is None
    assert [str(d) for d in diagnostics] == [
        "s-res-2515-2020.txt:2: error: neither the text's header nor s-res-2515-2020.yml gives the meeting that adopted it "
        "(as in 'at its 7991st meeting'): add key 'meeting' to s-res-2515-2020.yml"
    ]
    metadata, diagnostics = resolve_metadata(facts, MetadataFile("s-res-2515-2020.yml", meeting=8711, lines={"meeting": 1}), source="s-res-2515-2020.txt")
    assert diagnostics == [] and metadata.meeting == 8711 and metadata.adopted == datetime.date(2020, 3, 30)


def test_a_symbol_in_the_yml_must_be_the_resolutions_own():
    facts, _ = header_of(HEADERS[0][0])
    given = MetadataFile("a.yml", symbol="S/RES/2364(2017)", lines={"symbol": 3})
    _, diagnostics = resolve_metadata(facts, given, source="a.txt")
    assert [str(d) for d in diagnostics] == ["a.yml:3: error: key 'symbol' is 'S/RES/2364(2017)' but resolution 2364 (2017) is S/RES/2364 (2017)"]


@pytest.mark.parametrize("yml", [ERRATA, None], ids=["only-errata", "no-yml"])
def test_the_seed_without_its_metadata_keys_has_the_same_metadata(tmp_path, resolution, yml):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    if yml is not None:
        path.with_suffix(".yml").write_text(yml, encoding="utf-8")
    model, diagnostics = load_resolution(path)
    assert diagnostics == []
    # The agenda item is the one thing the header never says.
    assert model.metadata == replace(resolution.metadata, subject="")
    if yml is not None:
        assert replace(model, metadata=resolution.metadata) == resolution


def test_a_yml_that_contradicts_the_header_fails_the_parse_naming_the_yml_line(tmp_path, capsys):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    meta = path.with_suffix(".yml")
    meta.write_text(META.replace("meeting: 7991", "meeting: 7992"), encoding="utf-8")
    assert main(["parse", str(path)]) == 1
    line = META[: META.index("meeting: 7991")].count("\n") + 1
    errors = [entry for entry in capsys.readouterr().err.splitlines() if ": error: " in entry]
    assert errors == [
        f"{meta}:{line}: error: key 'meeting' is 7992 but the text's header says 7991st meeting; "
        "if the extraction misread the header, correct it with an erratum"
    ]


def test_a_text_with_no_yml_parses_from_its_header_alone(tmp_path, capsys):
    path = tmp_path / "s-res-1826-2008.txt"
    path.write_text(HEADERS[2][0] + "\nThe Security Council,\nRecalling its resolutions,\n1. Decides to remain seized of the matter.\n", encoding="utf-8")
    model, diagnostics = load_resolution(path)
    assert [d for d in diagnostics if d.severity is Severity.ERROR] == []
    assert model.metadata.symbol == "S/RES/1826 (2008)" and model.metadata.meeting == 5945
