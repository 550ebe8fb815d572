"""Citations through the Python API: every kind of source, lookalikes that are none, and the
three questions an analyst asks of `corpus.citations`."""

from __future__ import annotations

import polars as pl

import newsframe as nf

#: Seed citation F1 reached by the citations stage; the gold check must not fall below it.
CITATION_F1 = 1.0


def rows(corpus: nf.Corpus) -> list[tuple[str, str]]:
    return [(r["kind"], r["source"]) for r in corpus.citations.iter_rows(named=True)]


#: A lead of two sentences, so that the paragraphs under test are body, not a standfirst.
LEAD = "The harbour deal was signed on Monday. Both sides called it a fair compromise."


def story(*paragraphs: str, title: str = "Harbour Deal Signed") -> str:
    return "\n\n".join([title, LEAD, *paragraphs])


# --- gold --------------------------------------------------------------------------------


def test_seed_citation_f1(scores: dict[str, float]) -> None:
    assert scores["citation_f1"] >= CITATION_F1, f"citation_f1 = {scores['citation_f1']:.3f}"


# --- one behaviour per test ----------------------------------------------------------------


def test_media_attribution_names_the_outlet_canonically() -> None:
    c = nf.from_texts([story(
        "The port operator will cut 400 jobs by the end of the year, the WSJ said on Monday in a short note.",
        "Unions plan to contest the cuts in court, and a hearing has been set for the autumn session.",
    )])
    row = c.citations.row(0, named=True)
    assert (row["kind"], row["source"], row["source_text"]) == ("media", "The Wall Street Journal", "WSJ")
    para = c.paragraphs.filter(pl.col("paragraph_id") == row["paragraph_id"])["text"][0]
    assert para[row["start"]:row["end"]] == "WSJ"


def test_anaphoric_report_resolves_to_the_outlet_just_named() -> None:
    c = nf.from_texts([story(
        "The harbour deal is worth $2 billion over ten years, according to Bloomberg, which saw the contract.",
        "Work could begin in the spring of next year, the report added, without naming the builders.",
    )])
    assert rows(c) == [("media", "Bloomberg"), ("media", "Bloomberg")]
    assert c.citations["source_text"].to_list() == ["Bloomberg", "the report"]


def test_unnamed_people_and_officials() -> None:
    c = nf.from_texts([story(
        "The deal was delayed twice last year, citing people familiar with the negotiations over the fees.",
        "Some economists say the fees are too high for smaller shipping lines to bear for long.",
        "Canadian officials confirmed the signing on Friday after a short ceremony at the harbour.",
    )])
    assert rows(c) == [
        ("anonymous", "people familiar with the negotiations over the fees"),
        ("anonymous", "some economists"),
        ("official", "Canadian officials"),
    ]


def test_institution_statement_is_a_document_linked_to_its_entity() -> None:
    c = nf.from_texts([story(
        "The World Bank has found that port fees doubled in the region over the last decade alone.",
        "Shipping lines have long complained about the fees, which they call a tax on trade.",
    )])
    row = c.citations.row(0, named=True)
    assert (row["kind"], row["source"]) == ("document", "World Bank")
    entity = c.entities.filter(pl.col("entity_id") == row["source_entity_id"])
    assert entity["name"][0] == "World Bank"


def test_wire_and_photo_credits() -> None:
    c = nf.from_texts([story(
        "Cranes unload a container ship at dawn. (Jane Roe/Xinhua/AFP via Getty Images)",
        "The new terminal will double the port's capacity by 2030, its operator said on Monday morning.",
        "The operator expects the first ships to dock at the terminal early in the following year.",
        "Reuters contributed to this report.",
    )])
    assert set(rows(c)) >= {
        ("photo", "Xinhua"),
        ("photo", "Agence France-Presse"),
        ("photo", "Getty Images"),
        ("wire", "Reuters"),
    }
    assert ("photo", "Jane Roe") not in rows(c)


def test_labelled_credit_lines_in_forms_the_sample_lacks() -> None:
    body = (
        "The new terminal will double the port's capacity by 2030, its operator said on Monday, "
        "and the first ships are expected to dock there early in the following year."
    )
    c = nf.from_texts([story(
        "Illustration by Jane Roe / Reuters", body, "Photo by John Doe/AFP via Getty Images", body
    )])
    assert set(rows(c)) >= {
        ("photo", "Reuters"),
        ("photo", "Agence France-Presse"),
        ("photo", "Getty Images"),
    }


def test_unlisted_pollster_or_journal_after_a_citing_cue_is_a_document() -> None:
    c = nf.from_texts([story(
        "Support for the harbour plan has doubled, according to a 2023 Quorvex survey of residents.",
        "The findings on silt were published in Coastal Dynamics Letters last spring.",
    )])
    assert {("document", "Quorvex"), ("document", "Coastal Dynamics Letters")} <= set(rows(c))


def test_an_unlisted_outlet_told_something_is_media() -> None:
    c = nf.from_texts([story(
        "The harbour will reopen in May, the mayor told Quaysider Weekly on Tuesday.",
        "“We are ready,” she said in an interview with Quaysider Weekly.",
    )])
    assert ("media", "Quaysider Weekly") in set(rows(c))


def test_a_finding_of_an_unlisted_firm_or_a_document_is_a_document() -> None:
    c = nf.from_texts([story(
        "Quorvex Analytics found that most berths stood empty in winter.",
        "The dredging cost rose by a third, according to the affidavit filed in court.",
    )])
    assert {("document", "Quorvex Analytics"), ("document", "the affidavit")} <= set(rows(c))


def test_a_picture_library_alone_under_a_picture_is_a_photo_credit() -> None:
    body = "The harbour authority approved the dredging plan on Monday after a long debate."
    c = nf.from_texts([story(body, "Jane Roe/Bloomberg/Getty Images", body)])
    kinds = {k for k, s in rows(c) if s == "Getty Images"}
    assert kinds == {"photo"}


def test_lookalikes_are_not_citations() -> None:
    c = nf.from_texts([story(
        "Reuters is a news agency with bureaus in many cities, and it employs thousands of people.",
        "The report is due in May, when the port authority will publish its yearly figures again.",
        "He met Canadian officials during the visit and toured the new terminal with its engineers.",
    )])
    assert c.citations.is_empty()


# --- the analyst's questions: one polars expression each -----------------------------------


def anonymous_share(citations: pl.DataFrame) -> pl.DataFrame:
    """Share of an article's cited sources that are unnamed (credits are not sources)."""
    return (
        citations.filter(~pl.col("kind").is_in(["photo", "wire"]))
        .group_by("article_id")
        .agg(
            sources=pl.len(),
            anonymous_share=pl.col("kind").is_in(["anonymous", "official"]).mean(),
        )
        .sort("anonymous_share", descending=True)
    )


def outlets_cited_by_outlet(citations: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Which outlets each publishing outlet cites, in how many of its articles."""
    return (
        citations.filter(pl.col("kind").is_in(["media", "reference", "wire"]))
        .join(articles.select("article_id", "outlet"), on="article_id")
        .group_by("outlet", cited="source")
        .agg(articles=pl.col("article_id").n_unique())
        .sort(["outlet", "articles"], descending=[False, True])
    )


def wire_copy(citations: pl.DataFrame, paragraphs: pl.DataFrame) -> pl.DataFrame:
    """Articles credited to an agency as a whole: a wire credit that is not a mere
    'contributed to this report' or 'additional reporting' line."""
    return (
        citations.filter(pl.col("kind") == "wire")
        .join(paragraphs, on=["article_id", "paragraph_id"])
        .filter(~pl.col("text").str.contains(r"(?i)contribut|additional reporting"))
        .select("article_id", agency="source")
        .unique()
        .sort("article_id")
    )


def test_share_of_anonymous_sources_per_article(sample: nf.Corpus) -> None:
    share = anonymous_share(sample.citations)
    by_article = dict(zip(share["article_id"], share["anonymous_share"]))
    assert by_article["003_d54735a94b88601a.txt"] == 1 / 3
    assert by_article["000_72595cca6cc67f59.txt"] == 0.0
    assert share["anonymous_share"].is_between(0, 1).all()


def test_outlets_cited_per_outlet(sample: nf.Corpus) -> None:
    cited = outlets_cited_by_outlet(sample.citations, sample.articles)
    epoch = cited.filter(pl.col("outlet") == "The Epoch Times")
    assert ("The Epoch Times", 1) in list(zip(epoch["cited"], epoch["articles"]))
    assert {"Reuters", "RIA Novosti", "The Wall Street Journal"} <= set(cited["cited"])


def test_articles_that_are_mostly_wire_copy(sample: nf.Corpus) -> None:
    wire = wire_copy(sample.citations, sample.paragraphs)
    assert wire.rows() == [("001_e936042f398e4b38.txt", "Reuters")]
