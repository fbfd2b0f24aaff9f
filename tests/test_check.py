"""The check command: which files count, figures that add up, refusals grouped, exceptions counted, never raised."""

from __future__ import annotations

import json
import shutil

import pytest

from build_scripts import check
from build_scripts.check import check_file, error_kind, find_resolution_files
from build_scripts.cli import main
from tests.conftest import ROOT, SEED

FIXTURES = ROOT / "tests" / "fixtures" / "akn"
XML = FIXTURES / "S_RES_2364_1710886E.xml"


def touch(path, text="<x/>"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_only_english_resolutions_are_found(tmp_path):
    wanted = [
        touch(tmp_path / "Pre-2020" / "2017" / "S_RES_2364_1710886E.xml"),
        touch(tmp_path / "2021" / "English" / "SC_2564_2021-E.xml"),
        touch(tmp_path / "2025" / "English" / "S_RES-2779-2507317E.xml"),
    ]
    for unwanted in (
        "2021/French/SC_2564_2021-F.xml",
        "2023/German/S_RES_2690_G.xml",
        "2020/English/S_PRST_2020_11.xml",
        "2020/English/test",
        "2023/English/test.txt",
        "2023/test.txt",
        "PRST/2006/S_PRST_2006_1.xml",
        "Not adopted/2017/S_2017_970.xml",
        "data_extract/2000.json",
    ):
        touch(tmp_path / unwanted)
    assert find_resolution_files(tmp_path) == sorted(wanted)
    assert find_resolution_files(wanted[0]) == [wanted[0]]


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("missing operative paragraph 11: paragraph 10 is followed by 12", "missing operative paragraph N: paragraph N is followed by N"),
        ("unknown sub-paragraph label sequence in paragraph 20: (c) after (a)", "unknown sub-paragraph label sequence in paragraph N: (x) after (x)"),
        ("fidelity: the model's words differ from the file's near 'abc' (model: \"it's\")", "fidelity: the model's words differ from the file's near '…' (model: '…')"),
    ],
)
def test_refusals_group_by_their_message_without_numbers_labels_or_quotations(message, kind):
    assert error_kind(message) == kind


def test_a_real_file_parses_keeps_its_words_and_round_trips():
    report = check_file(XML)
    assert (report.parsed, report.number, report.errors, report.tracebacks) == (True, 2364, (), ())
    assert report.fidelity is True
    assert report.round_trip == ()


def test_a_bad_file_is_refused_with_file_line_error(tmp_path):
    report = check_file(touch(tmp_path / "S_RES_1_bad.xml", "<akomaNtoso><statement>"))
    assert not report.parsed and report.tracebacks == ()
    assert report.errors[0].startswith(f"{tmp_path / 'S_RES_1_bad.xml'}:1: error: malformed XML")


def test_an_exception_is_counted_as_a_traceback_never_raised(monkeypatch, tmp_path, capsys):
    def broken(path):
        raise KeyError("boom")

    monkeypatch.setattr(check, "load_resolution", broken)
    report = check_file(XML)
    assert report.tracebacks and report.tracebacks[0].startswith("read: KeyError: 'boom' (at test_check.py:")
    shutil.copy(XML, tmp_path)
    assert main(["check", str(tmp_path), "--jobs", "1"]) == 1
    out = capsys.readouterr().out
    assert "tracebacks           1" in out and "KeyError: 'boom'" in out and "Traceback (most recent" not in out


def seed_folder(tmp_path):
    """A folder holding only the seed's text and its .yml."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copy(SEED.with_suffix(suffix), folder)
    return folder


def test_check_prints_and_writes_figures_that_add_up(tmp_path, capsys):
    corpus = tmp_path / "corpus" / "Pre-2020" / "2017"
    corpus.mkdir(parents=True)
    shutil.copy(XML, corpus)
    touch(corpus / "S_RES_9999_empty.xml", "")
    touch(corpus / "S_RES_9998_empty.xml", " ")
    texts = seed_folder(tmp_path)
    out_json = tmp_path / "figures.json"
    assert main(["check", str(tmp_path / "corpus"), str(texts), "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "files found          4" in out and "parsed               2" in out and "refused              2" in out
    assert "      2  the file is empty: expected the Akoma Ntoso XML of a resolution" in out
    assert "S_RES_9998_empty.xml:1: error: the file is empty" in out
    figures = json.loads(out_json.read_text(encoding="utf-8"))
    assert (figures["files"], figures["parsed"], figures["refused"], figures["tracebacks"]) == (4, 2, 2, [])
    assert (figures["fidelity_checked"], figures["fidelity_identical"], figures["fidelity_percent"]) == (1, 1, 100.0)
    assert (figures["round_trip_checked"], figures["round_trip_identical"]) == (2, 2)
    assert figures["duplicates"] == {"2364": [str(corpus / XML.name), str(texts / SEED.name)]}


def test_parsed_into_links_one_file_per_resolution_not_given_besides(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in FIXTURES.glob("*.xml"):
        shutil.copy(path, corpus)
    shutil.copy(XML, corpus / "S_RES_2364_copy.xml")
    touch(corpus / "S_RES_9999_empty.xml", "")
    into = tmp_path / "links"
    assert main(["check", str(corpus), "--no-round-trip", "--parsed-into", str(into), "--besides", str(seed_folder(tmp_path))]) == 0
    linked = sorted(path.name for path in into.iterdir())
    assert linked == sorted(path.name for path in FIXTURES.glob("*.xml") if path != XML)  # 2364 is given besides
    assert all((into / name).is_symlink() and (into / name).resolve().parent == corpus.resolve() for name in linked)
    assert main(["check", str(corpus), "--no-round-trip", "--parsed-into", str(into)]) == 0
    assert sorted(path.name for path in into.iterdir()) == sorted([*linked, XML.name])  # the first file of 2364
