"""Fidelity: apart from logged repairs, every source word is in the model, in the original order."""

from __future__ import annotations

from dataclasses import replace

from build_scripts.read.fidelity import check_fidelity, model_words
from tests.conftest import SEED

RAW = SEED.read_text(encoding="utf-8")


def test_every_source_word_is_in_the_model_in_order(resolution):
    assert check_fidelity(RAW, resolution) == []


def test_the_model_has_as_many_words_as_the_source_less_repairs(resolution):
    source_words = len(RAW.split())
    assert source_words - 60 < len(model_words(resolution)) <= source_words + 12


def test_a_dropped_word_fails_the_check(resolution):
    op5 = resolution.operative[4]
    damaged = replace(op5, text=op5.text.replace("cease hostilities, ", ""))
    broken = replace(resolution, operative=resolution.operative[:4] + (damaged,) + resolution.operative[5:])
    problems = check_fidelity(RAW, broken, source="seed.txt")
    assert len(problems) == 1
    assert "cease hostilities," in problems[0].message and problems[0].file == "seed.txt"
    assert problems[0].line in range(260, 275)


def test_a_dropped_paragraph_fails_the_check(resolution):
    broken = replace(resolution, operative=resolution.operative[:10] + resolution.operative[11:])
    assert check_fidelity(RAW, broken)


def test_an_unlogged_change_fails_the_check(resolution):
    pp1 = resolution.preamble[0]
    changed = replace(pp1, text=pp1.text.replace("Mali", "Malí", 1))
    broken = replace(resolution, preamble=(changed,) + resolution.preamble[1:])
    assert check_fidelity(RAW, broken)
