"""A record's answers are printed in its pack's words, read from pack.yaml alone
(rules/model/library.py bundled_questionnaire): the same words as the loaded pack's."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from leadfit.errors import PackError
from leadfit.rules.model import library
from leadfit.rules.model.library import bundled_pack, bundled_pack_names, bundled_questionnaire


def _words(questionnaire) -> list:
    """Everything a printed answer reads (ask_if decides only when a question is asked)."""
    return [(s.id, s.title, s.help, [dataclasses.replace(q, ask_if=None) for q in s.questions])
            for s in questionnaire.sections] + [
        (q.id, q.title, q.options) for q in questionnaire.questions.values()]


@pytest.mark.parametrize("name", bundled_pack_names())
def test_every_bundled_pack_words_its_answers_as_the_loaded_pack_does(name):
    read = bundled_questionnaire(name)
    loaded = bundled_pack(name).questionnaire
    assert read is not loaded          # read from pack.yaml, not taken from the loaded pack
    assert read.version == loaded.version and _words(read) == _words(loaded)


def test_a_pack_that_rewords_questions_prints_its_words():
    worded = bundled_questionnaire("public-sector").questions["stream.revenue_impact"]
    assert worded.title == "How many service users depend on this stream?"
    assert bundled_questionnaire("default").questions["stream.revenue_impact"].title != worded.title


def test_a_name_that_is_not_bundled_is_refused_by_name():
    with pytest.raises(PackError, match="no bundled pack named 'client'"):
        bundled_questionnaire("client")


DEFAULT = bundled_pack("default").label


@pytest.mark.parametrize("odd", ["questions: [a, b]\n", "extends: nowhere@1.0\n",
                                 f"extends: {DEFAULT}\nquestions:\n  stream.name: just words\n",
                                 f"extends: {DEFAULT}\nquestionnaire: two\n"])
def test_a_pack_yaml_it_does_not_expect_is_not_read_this_way(tmp_path, odd):
    """The loader then loads the pack whole (and names any problem), never guesses."""
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "pack.yaml").write_text("name: client\nversion: '1.0'\ntitle: A client\n" + odd)
    assert library._questionnaire_from_settings(folder) is None


def test_a_client_pack_on_the_default_reads_the_default_words(tmp_path):
    folder = tmp_path / "client"
    folder.mkdir()
    (folder / "pack.yaml").write_text("name: client\nversion: '1.0'\ntitle: A client\n"
                                      f"extends: {DEFAULT}\n")
    assert _words(library._questionnaire_from_settings(folder)) == _words(bundled_questionnaire("default"))
