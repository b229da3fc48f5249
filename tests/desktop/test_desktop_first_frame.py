"""The form drawn in the first frame (from the questionnaire's data alone) and the pack's
own form must agree, or the window builds the pack's: a property over the words a pack
may change (a question's title or help, an option's label, an idea's title)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from leadfit.desktop import first_frame
from leadfit.rules.model.library import resolve_pack

PACK = resolve_pack(None)
PREVIEW = first_frame.preview()
ASKED = [q for s in PACK.questionnaire.sections for q in s.questions]
INFORMED = sorted({code for q in ASKED for code in q.informs})
WORDS = st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=30)


def _pack(questionnaire=PACK.questionnaire, catalogue=PACK.catalogue):
    return SimpleNamespace(questionnaire=questionnaire, catalogue=catalogue)


def test_the_bundled_pack_asks_what_the_first_frame_shows():
    assert PREVIEW is not None
    assert first_frame.same_form(PREVIEW, PACK)


@given(st.sampled_from(ASKED), st.sampled_from(["title", "help"]), WORDS)
def test_a_reworded_question_is_told_apart(question, field, words):
    reworded = PACK.questionnaire.with_words({question.id: {field: words}})
    changed = getattr(question, field) != words
    assert first_frame.same_form(PREVIEW, _pack(reworded)) is not changed


@given(st.sampled_from([q for q in ASKED if q.options]), st.data())
def test_a_relabelled_option_is_told_apart(question, data):
    option = data.draw(st.sampled_from(sorted(question.options)))
    label = data.draw(WORDS)
    relabelled = PACK.questionnaire.with_words({question.id: {"options": {option: label}}})
    changed = question.options[option] != label
    assert first_frame.same_form(PREVIEW, _pack(relabelled)) is not changed


@given(st.sampled_from(INFORMED), WORDS)
def test_an_idea_retitled_is_told_apart(code, title):
    retitled = PACK.catalogue.with_wording({code: {"title": title}})
    changed = PACK.catalogue.title(code) != title
    assert first_frame.same_form(PREVIEW, _pack(catalogue=retitled)) is not changed
