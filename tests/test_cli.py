"""The CLI: parse --json writes the model; bad input gets FILE:LINE: error and exit 1, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from build_scripts.cli import COMMANDS, _parser, main
from tests.conftest import ROOT, SEED

RAW = SEED.read_text(encoding="utf-8")


def test_parse_writes_the_json_model(tmp_path):
    out = tmp_path / "model.json"
    assert main(["parse", str(SEED), "--json", str(out)]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert {"symbol", "number", "year", "adopted", "meeting", "sections", "preamble", "operative", "repairs"} <= set(model)
    assert (model["symbol"], model["number"], model["year"], model["adopted"], model["meeting"]) == ("S/RES/2364 (2017)", 2364, 2017, "2017-06-29", 7991)
    op20 = model["operative"][19]
    assert {"id", "label", "heading", "text", "items"} <= set(op20)
    assert op20["items"][0]["heading"].startswith("Support to the implementation")
    assert op20["items"][0]["items"][1]["items"][1]["id"] == "op-20-a-ii-2"
    assert {r["rule"] for r in model["repairs"]} == {"page-furniture", "split-word", "spaced-hyphen", "erratum"}


def variant(tmp_path, text: str | bytes, name: str = "bad.txt"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    shutil.copy(SEED.with_suffix(".yml"), path.with_suffix(".yml"))
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


BAD_INPUTS = {
    "empty": ("", "1: error: the file is empty"),
    "whitespace": ("  \n\n \t\n", "1: error: the file is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "3: error: binary data"),
    "latin-1": (RAW.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("•", "*").replace("—", "-").encode("latin-1", errors="replace"), "error: not valid UTF-8"),
    "duplicate": (RAW.replace("11. Calls for the inclusion", "10. Calls for the inclusion"), f"{line_of(RAW, '11. Calls for')}: error: duplicated operative paragraph number 10 (first at line {line_of(RAW, ' 10. Affirms')})"),
    "gap": (RAW.replace("11. Calls for the inclusion", "12. Calls for the inclusion", 1), "error: missing operative paragraph 11: paragraph 10 is followed by 12"),
    "no text": (RAW.replace("19. Requests MINUSMA to achieve its more proactive and robust posture to\ncarry out its mandate;", "19."), "error: operative paragraph 19 has no text"),
    "truncated": (RAW[: RAW.index("Acting under Chapter VII")], "error: no operative paragraph found"),
    "not a resolution": ("Hello world\nThis is a letter.\n", "error: no 'The Security Council,' line"),
    "label sequence": (RAW.replace("(b)\n\nGood offices", "(c)\n\nGood offices"), "error: unknown sub-paragraph label sequence in paragraph 20: (c) after (a)"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gets_file_line_error_and_exit_1(tmp_path, capsys, case):
    text, expected = BAD_INPUTS[case]
    path = variant(tmp_path, text)
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and expected in err
    assert "Traceback" not in err


def test_latin_1_error_names_the_line_of_the_first_bad_byte(tmp_path, capsys):
    text = RAW.replace("Sécuritaire", "X").encode("utf-8").replace("sécuritaire".encode(), "s\xe9curitaire".encode("latin-1"))
    path = variant(tmp_path, text)
    assert main(["parse", str(path)]) == 1
    assert f"{path}:{line_of(RAW, 'Arrangement sécuritaire')}: error: not valid UTF-8 (byte 0xE9" in capsys.readouterr().err


def test_a_truncated_last_paragraph_is_an_error(tmp_path, capsys):
    path = variant(tmp_path, RAW.replace("seized of the matter.", "seized of the"))
    assert main(["parse", str(path), "--json", str(tmp_path / "out.json")]) == 1
    assert f"{path}:{line_of(RAW, 'seized of the matter.')}: error: the text ends mid-sentence" in capsys.readouterr().err


def test_a_last_paragraph_without_its_full_stop_is_a_warning(tmp_path, capsys):
    """'… seized of the matter' ends the text, so nothing is missing but the full stop."""
    path = variant(tmp_path, RAW.replace("seized of the matter.", "seized of the matter"))
    assert main(["parse", str(path), "--json", str(tmp_path / "out.json")]) == 0
    assert "warning: the last operative paragraph does not end with a full stop" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("meting: 7991\n", "1: error: unknown key 'meting'"),
        ("symbol: [unclosed\n", "error: malformed YAML"),
        ("- just\n- a list\n", "1: error: expected a mapping"),
    ],
)
def test_malformed_metadata_names_the_key(tmp_path, capsys, yaml_text, expected):
    path = variant(tmp_path, RAW)
    path.with_suffix(".yml").write_text(yaml_text, encoding="utf-8")
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path.with_suffix('.yml')}:" in err and expected in err


def test_bad_values_name_their_key_and_line(tmp_path, capsys):
    path = variant(tmp_path, RAW)
    meta = path.with_suffix(".yml")
    meta.write_text(meta.read_text(encoding="utf-8").replace("meeting: 7991", "meeting: seventh"), encoding="utf-8")
    assert main(["parse", str(path)]) == 1
    assert f"{meta}:8: error: key 'meeting' must be a whole number" in capsys.readouterr().err


def test_an_erratum_without_a_reason_names_the_key(tmp_path, capsys):
    path = variant(tmp_path, RAW)
    meta = path.with_suffix(".yml")
    meta.write_text(meta.read_text(encoding="utf-8") + "  - original: the ir\n    correction: their\n", encoding="utf-8")
    assert main(["parse", str(path)]) == 1
    assert "errata[5] lacks key 'reason'" in capsys.readouterr().err


def test_the_module_runs_as_a_program_without_traceback(tmp_path):
    path = variant(tmp_path, b"\x00\x01")
    result = subprocess.run([sys.executable, "-m", "build_scripts", "parse", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}:1: error: binary data")
    assert "Traceback" not in result.stderr


def test_every_command_is_documented():
    for name, function in COMMANDS.items():
        assert function.__doc__ and len(function.__doc__.split()) > 10, name
    help_text = _parser().format_help()
    assert all(name in help_text for name in COMMANDS)
