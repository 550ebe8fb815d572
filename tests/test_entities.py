"""Entities through the Python API: identity across forms and articles, types, watch lists."""

from __future__ import annotations

import polars as pl
import pytest

import newsframe as nf


def ids_of(corpus: nf.Corpus, *forms: str) -> set[str]:
    return set(corpus.entities.filter(pl.col("text").is_in(forms))["entity_id"])


def test_person_forms_share_one_id() -> None:
    corpus = nf.from_texts([
        "Talks Resume\n\nPresident Amara Okafor met envoys on Monday. Okafor's aides said Okafor was pleased with the talks."
    ])
    assert len(ids_of(corpus, "Amara Okafor", "Okafor")) == 1
    row = corpus.entities.filter(pl.col("text") == "Amara Okafor").row(0, named=True)
    assert row["type"] == "PERSON"
    assert row["role"] == "President"


def test_transliterated_names_join_across_articles() -> None:
    corpus = nf.from_texts([
        "Talks Resume\n\nForeign Minister Sergey Lavrov met envoys on Monday. They talked for hours about trade.",
        "Talks End\n\nForeign Minister Sergei Lavrov left on Tuesday. They talked for hours about energy.",
    ])
    ids = ids_of(corpus, "Sergey Lavrov", "Sergei Lavrov")
    assert len(ids) == 1
    assert set(corpus.entities.filter(pl.col("entity_id").is_in(ids))["name"]) == {"Sergey Lavrov"} or len(ids) == 1


def test_outlet_abbreviation_country_forms_and_demonym_link() -> None:
    corpus = nf.from_texts([
        "Markets Move\n\nThe Wall Street Journal reported the deal first. The WSJ said the U.S. and the United States "
        "Treasury agreed. Chinese officials declined to comment on the report."
    ])
    assert len(ids_of(corpus, "Wall Street Journal", "WSJ")) == 1
    assert len(ids_of(corpus, "U.S.", "United States")) == 1
    chinese = corpus.entities.filter(pl.col("text") == "Chinese").row(0, named=True)
    assert chinese["type"] == "NORP" and chinese["country"] == "China"


def test_sentence_initial_words_are_not_entities() -> None:
    corpus = nf.from_texts(["Quiet Day\n\nHowever, nothing happened. Meanwhile the talks stalled. Preparations continued slowly."])
    assert corpus.entities.height == 0


def test_watch_list_entities_win() -> None:
    corpus = nf.from_texts(
        ["Launch Day\n\nZorbex Labs said the rocket flew. Analysts at Zorbex were surprised by the launch."],
        entities=[{"name": "Zorbex Laboratories", "type": "ORG", "aliases": "Zorbex Labs|Zorbex"}],
    )
    rows = corpus.entities.filter(pl.col("name") == "Zorbex Laboratories")
    assert rows.height == 2
    assert set(rows["type"]) == {"ORG"}


def test_sample_entity_ids_are_consistent_across_articles(sample: nf.Corpus) -> None:
    per_name = sample.entities.group_by("name").agg(pl.col("entity_id").n_unique().alias("ids"))
    assert per_name["ids"].max() == 1
    lavrov = sample.entities.filter(pl.col("text").is_in(["Sergey Lavrov", "Sergei Lavrov"]))
    assert lavrov["entity_id"].n_unique() == 1


def test_entity_scope_all_reads_lines_that_are_no_story() -> None:
    wire = (
        "SOCCER - LEEDS FINED FOR FRACAS.\n\nLONDON 1996-12-06\n\n"
        "Leeds striker Lee Bowyer was fined on Friday for a disturbance at a restaurant in London, "
        "the club said, and he was expected to play against Middlesbrough on Saturday.\n\n"
        "Squad: Gheorghe Hagi, Basarab Panduru, Ovidiu Stinga."
    )
    story = nf.from_texts([wire])
    everything = nf.from_texts([wire], entity_scope="all")
    assert everything.entities.height > story.entities.height
    people = set(everything.entities.filter(pl.col("type") == "PERSON")["text"])
    assert {"Lee Bowyer", "Gheorghe Hagi", "Basarab Panduru"} <= people
    assert "ORG" in set(everything.entities.filter(pl.col("text") == "Leeds")["type"])


def test_unknown_entity_scope_is_an_error() -> None:
    with pytest.raises(ValueError, match="entity_scope must be .story"):
        nf.from_texts(["Some text."], entity_scope="captions")


def test_the_trained_tagger_finds_a_name_the_rules_miss() -> None:
    from newsframe import _native

    text = "Yankees slugger Aaron Judge hit two home runs."
    spans = _native.tag_entities(text)
    assert (16, 27, "PERSON") in spans
    assert spans == _native.tag_entities(text), "tagging must be deterministic"
    people = nf.from_texts(["Baseball\n\n" + text]).entities.filter(pl.col("type") == "PERSON")
    assert "Aaron Judge" in set(people["text"])


def test_the_tagger_takes_bad_input_and_bad_models_quietly() -> None:
    from newsframe import _native

    assert _native.tag_entities("") == []
    assert _native.tag_entities("\x00 \ufffd ' ’s") == []
    assert _native.tag_entities("Aaron Judge hit.", b"not a model") == []
    with pytest.raises(ValueError, match="outside its sentence"):
        _native.train_entity_tagger([("Aaron Judge", [(0, 40, "PER")])], epochs=1, bits=12)


def test_a_tagger_trained_twice_on_the_same_data_is_the_same() -> None:
    from newsframe import _native

    data = [("Analysts at Quorin Group said Helen Marsh would leave.", [(12, 24, "ORG"), (30, 41, "PER")])] * 3
    a = bytes(_native.train_entity_tagger(data, epochs=3, bits=12))
    assert a == bytes(_native.train_entity_tagger(data, epochs=3, bits=12))
    assert (30, 41, "PERSON") in _native.tag_entities(data[0][0], a)


def test_a_drop_down_list_glued_into_one_line_gives_no_entities() -> None:
    menu = "Country  United States of AmericaCanadaMexico, United Mexican StatesBahamas, Commonwealth of theCuba, Republic ofDominican RepublicHaiti, Republic ofJamaicaAfghanistanAlbania"
    story = "Officials in Ottawa said the border would reopen on Monday, and the mayor agreed."
    corpus = nf.from_texts([f"Border to reopen\n\n{story}\n\n{menu}\n\n{story}"], entity_scope="all")
    glued = corpus.entities.filter(pl.col("text").str.contains(r"\p{Ll}{3}\p{Lu}"))
    assert glued.is_empty(), glued


def test_a_platform_people_post_on_is_an_organisation() -> None:
    text = (
        "Zoo keepers celebrated the birth on Friday.\n\n"
        "“We are delighted,” the zoo said in a post on X, and a keeper wrote on Substack that the calf was well."
    )
    orgs = nf.from_texts([text]).entities.filter(pl.col("type") == "ORG")
    assert {"X", "Substack"} <= set(orgs["text"])
