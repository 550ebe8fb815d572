"""Quotes through the Python API: gold accuracy on the sample, and behaviour on fresh text."""

from __future__ import annotations

import polars as pl
import pytest

import newsframe as nf

#: quote measure -> the lowest score accepted on the sample corpus (issue 4 asks 0.95/0.90/0.90).
QUOTE_THRESHOLDS = {
    "quote_f1": 0.95,
    "quote_kind_acc": 0.95,
    "quote_speaker_acc": 0.95,
}


@pytest.mark.parametrize("name", sorted(QUOTE_THRESHOLDS))
def test_quote_measure_reaches_threshold(scores: dict[str, float], name: str) -> None:
    assert scores[name] >= QUOTE_THRESHOLDS[name], f"{name} = {scores[name]:.3f}"


LEAD = (
    "Heavy rain fell across the river valley for a third straight day on Sunday, and officials in "
    "the regional capital opened emergency shelters for families living near the water."
)
TAIL = (
    "Forecasters expect the weather to clear by the middle of the week, although the river is "
    "likely to stay high for several days as water drains from the hills upstream."
)


def article(*paragraphs: str) -> str:
    """A news article around the given paragraphs, long enough for its body to be found."""
    return "\n\n".join(["Flood Defences Hold", LEAD, *paragraphs, TAIL])


def quotes_of(*paragraphs: str) -> pl.DataFrame:
    return nf.from_texts([article(*paragraphs)]).quotes


CONTEXT = (
    "Mayor Ana Torres visited the levee on Sunday with engineer Karl Berg of the regional water "
    "board, who has monitored the embankment since the first storm arrived last week."
)


def test_odd_mark_count_keeps_every_quote(sample: nf.Corpus) -> None:
    quotes = sample.quotes.filter(pl.col("article_id").str.starts_with("001_"))
    assert quotes.height == 17


def test_quote_with_speaker_after_it() -> None:
    q = quotes_of(CONTEXT, "“We will rebuild the bridge before winter,” Torres said.").row(
        0, named=True
    )
    assert q["text"] == "We will rebuild the bridge before winter,"
    assert (q["kind"], q["speaker"], q["speaker_name"], q["cue"]) == (
        "direct",
        "Torres",
        "Ana Torres",
        "said",
    )


def test_odd_marks_do_not_stop_the_article() -> None:
    q = quotes_of(
        CONTEXT,
        "On Saturday Torres said the levee “would hold.",
        "“We will not evacuate,” Torres said on Monday. Her aides’ memo was blunt.”",
    )
    assert q["text"].to_list() == ["would hold.", "We will not evacuate,"]


def test_multi_paragraph_quote_ends_in_a_later_paragraph() -> None:
    q = quotes_of(
        CONTEXT,
        "“The bridge is unsafe,” Berg said. “It must close now.",
        "“Repairs will take a year.”",
    ).row(1, named=True)
    assert q["text"] == "It must close now. Repairs will take a year."
    assert q["end_paragraph_id"] > q["paragraph_id"]
    assert q["speaker_name"] == "Karl Berg"


def test_scare_quote_has_no_speaker() -> None:
    q = quotes_of(
        CONTEXT, "The water board adopted a “zero tolerance” policy on illegal building in May."
    ).row(0, named=True)
    assert (q["kind"], q["speaker"]) == ("scare", None)


def test_speaker_entity_joins_the_entities_frame() -> None:
    corpus = nf.from_texts([article(CONTEXT, "“The embankment is sound,” Berg told reporters.")])
    q = corpus.quotes.row(0, named=True)
    assert q["speaker_entity_id"] is not None
    joined = corpus.quotes.join(corpus.entities, left_on="speaker_entity_id", right_on="entity_id")
    assert set(joined["name"]) == {"Karl Berg"}


def test_text_without_quotes_has_no_quote_rows() -> None:
    assert quotes_of(CONTEXT).height == 0


def speaker_of(*paragraphs: str) -> tuple[str | None, str | None, str | None, str]:
    q = quotes_of(*paragraphs).row(0, named=True)
    return q["speaker"], q["speaker_name"], q["cue"], q["kind"]


def test_unlisted_name_after_the_cue_is_the_speaker_not_its_affiliation() -> None:
    speaker, name, cue, _ = speaker_of(
        "“The water is still rising,” said Dorota Wielgosz, a hydrologist at the Institute of Rivers."
    )
    assert (speaker, name, cue) == ("Dorota Wielgosz", "Dorota Wielgosz", "said")


def test_modifier_before_the_speaker_is_not_the_speaker() -> None:
    _, name, _, _ = speaker_of(
        "“We were ready,” former Torres adviser Lukas Brandt said on Sunday."
    )
    assert name == "Lukas Brandt"


def test_speaker_after_an_apposition_with_an_age_and_a_job() -> None:
    _, name, cue, _ = speaker_of(
        "“I have never seen it this high,” Marta Oyelaran, 67, a retired teacher in Lenz, told reporters."
    )
    assert (name, cue) == ("Marta Oyelaran", "told")


def test_words_a_speaker_calls_something_are_partial_and_theirs() -> None:
    _, name, cue, kind = speaker_of(CONTEXT, "Torres called the levee “the best defence we have” on Sunday.")
    assert (name, cue, kind) == ("Ana Torres", "called", "partial")


def test_question_quote_keeps_the_cue_after_it() -> None:
    _, name, cue, _ = speaker_of(CONTEXT, "“Will the bridge hold?” Berg asked.")
    assert (name, cue) == ("Karl Berg", "asked")


def test_archive_double_apostrophes_are_quotation_marks() -> None:
    q = quotes_of(CONTEXT, "''We will rebuild the bridge,'' Torres said.").row(0, named=True)
    assert (q["text"], q["speaker_name"]) == ("We will rebuild the bridge,", "Ana Torres")


def test_quote_paragraph_after_reported_speech_is_that_speaker_s() -> None:
    _, name, _, _ = speaker_of(
        CONTEXT,
        "Berg said he had asked the board for more pumps weeks ago.",
        "“Nobody listened to us until the water came over the road.”",
    )
    assert name == "Karl Berg"



def test_cue_closing_the_sentence_after_a_clause_names_the_speaker() -> None:
    _, name, cue, _ = speaker_of(
        CONTEXT, "“The water is falling now,” and the pumps ran through the night, Berg said."
    )
    assert (name, cue) == ("Karl Berg", "said")


def test_quote_after_a_short_cued_sentence_is_that_speaker_s() -> None:
    _, name, _, _ = speaker_of(CONTEXT, "Torres agreed. “The shelters stay open until the river drops.”")
    assert name == "Ana Torres"


def test_subject_after_an_opening_phrase_is_the_speaker() -> None:
    q = quotes_of(
        CONTEXT, "In a call with Karl Berg on Monday, the mayor said the plan would “keep every home dry.”"
    ).row(0, named=True)
    assert q["speaker"] == "the mayor"


def test_signature_line_under_quote_paragraphs_names_their_speaker() -> None:
    qs = quotes_of(
        CONTEXT,
        "“We sandbagged the east bank first. It held.”",
        "“The west bank is next, and it will need more hands.” —",
        "Lena Ortiz, 52, a volunteer from the upper valley",
    )
    assert qs["speaker_name"].to_list() == ["Lena Ortiz", "Lena Ortiz"]


def test_person_title_word_is_not_taken_for_a_cue() -> None:
    _, name, cue, _ = speaker_of(
        CONTEXT, "“The shelters have room,” board press secretary Ana Torres said on Monday."
    )
    assert (name, cue) == ("Ana Torres", "said")
