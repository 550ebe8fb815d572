//! Finds the sources an article relies on: the citations frame.
//!
//! A cascade of small finders, each owning one kind of source and testable alone:
//!
//! | module | kinds | where it reads |
//! |---|---|---|
//! | `references` | `reference` | numbered reference-list blocks, and `[n]` markers in the text |
//! | `credits` | `wire`, `photo` | credit lines, datelines, captions |
//! | `media` | `media` | body sentences naming an outlet (or "state television", "the report") |
//! | `unnamed` | `anonymous`, `official` | body sentences with unnamed people ("some analysts say") |
//! | `documents` | `document` | body sentences where an institution states or finds something |
//! | `unlisted` | `document` | body sentences citing a name no lexicon or entity knows ("according to Gallup") |
//! | `findings` | `document` | body sentences citing a document by its noun ("according to the affidavit"), or an unlisted author of a finding ("Acme found that") |
//!
//! What makes a sentence an attribution is a cue next to the source: a reporting verb after it
//! (`said`, `reported`, `has found`) or a phrase before it (`according to`, `told`,
//! `as reported by`). A name without a cue is a mention, not a source, so "Reuters is a news
//! agency" and "the report is due in May" yield nothing. Cues live in
//! `lexicons/citation_cues.tsv`; outlets and unnamed-source phrases in their own lexicons.
//!
//! This module splits body blocks into sentences once, runs the finders, keeps one row per
//! distinct (source, sentence), drops "reportedly" where the writer names the report right
//! away, and links sources to the article's entities.

mod credits;
mod cues;
mod documents;
mod findings;
mod media;
mod outlets;
mod references;
mod unlisted;
mod unnamed;

use crate::model::{Block, Citation, CitationKind, Entity, EntityType, Mention, Role, Span};
use crate::segment::sentences::split_sentences;
use cues::Word;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// One body sentence, as the text finders see it.
pub struct Sentence<'a> {
    pub block: usize,
    /// The whole block's text; `range` and word ranges index into it.
    pub text: &'a str,
    pub range: Range<usize>,
    pub words: Vec<Word<'a>>,
}

impl Sentence<'_> {
    /// A citation of `kind` whose source is written at `text[start..end]` of this sentence.
    pub fn citation(
        &self,
        kind: CitationKind,
        source: String,
        start: usize,
        end: usize,
    ) -> Citation {
        Citation {
            kind,
            source,
            source_text: self.text[start..end].to_string(),
            source_entity: None,
            span: Span {
                block: self.block,
                start,
                end,
            },
            marker: None,
            title: None,
            date: None,
            url: None,
            cited_in: Vec::new(),
        }
    }
}

#[cfg(test)]
impl<'a> Sentence<'a> {
    /// A whole text as one sentence of block 0, for the finders' tests.
    pub fn whole(text: &'a str) -> Self {
        Sentence {
            block: 0,
            text,
            range: 0..text.len(),
            words: cues::words(text, 0..text.len()),
        }
    }
}

/// The source name used for "reportedly" and "reports say" with nobody named.
pub const UNNAMED_REPORTS: &str = "unnamed reports";

/// Citations of one article, in reading order.
pub fn extract(blocks: &[Block], entities: &[Entity], mentions: &[Mention]) -> Vec<Citation> {
    let sentences = body_sentences(blocks);
    let mut found = references::find(blocks);
    found.extend(credits::find(blocks));
    let media = media::find(&sentences, mentions);
    found.extend(unnamed_reports_left(
        unnamed::find(&sentences, mentions),
        &media,
        blocks,
    ));
    let media_blocks: Vec<usize> = media.iter().map(|m| m.span.block).collect();
    found.extend(media);
    found.extend(documents::find(&sentences, entities, mentions));
    found.extend(reports_not_the_outlets(
        findings::find(&sentences, mentions),
        &media_blocks,
    ));
    found.extend(unlisted::find(&sentences, |block, start, end| {
        mentions
            .iter()
            .any(|m| m.span.block == block && m.span.start < end && start < m.span.end)
    }));
    found.sort_by_key(|c| (c.span.block, c.span.start));
    let mut found = one_credit_per_source(one_per_source_and_sentence(found, &sentences));
    let index = EntityIndex::new(entities, mentions);
    for c in &mut found {
        if c.source_entity.is_none() {
            c.source_entity = index.link(c);
        }
    }
    found
}

/// Sentences of the story's text: body blocks, and unclassified blocks between the first and
/// the last body block (whole-page dumps break a paragraph the segmenter could not place, and
/// what stands inside the story is the story's).
fn body_sentences(blocks: &[Block]) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let first = blocks.iter().position(|b| b.role == Role::Body);
    let last = blocks.iter().rposition(|b| b.role == Role::Body);
    for (i, b) in blocks.iter().enumerate() {
        let inside = first.is_some_and(|f| f < i) && last.is_some_and(|l| i < l);
        if !(b.role == Role::Body || (inside && b.role == Role::Other)) {
            continue;
        }
        for r in split_sentences(&b.text) {
            // Every sentence's words are held at once: no growth slack (memory, issue 14).
            let mut words = cues::words(&b.text, r.clone());
            words.shrink_to_fit();
            out.push(Sentence {
                block: i,
                text: &b.text,
                words,
                range: r,
            });
        }
    }
    out
}

/// The mentions of `block` that overlap `range`. Mentions come sorted by (block, start) and
/// disjoint (the entities stage keeps the longest of overlapping ones), so their ends are
/// sorted too and both bounds are binary searches: looking up a sentence's mentions costs
/// its own mentions, not the article's.
pub fn mentions_overlapping(mentions: &[Mention], block: usize, range: Range<usize>) -> &[Mention] {
    let from = mentions.partition_point(|m| (m.span.block, m.span.end) <= (block, range.start));
    let to = mentions.partition_point(|m| (m.span.block, m.span.start) < (block, range.end));
    crate::work::add(1 + to.saturating_sub(from));
    &mentions[from..to.max(from)]
}

/// "Reportedly" that the writer resolves to a named outlet in the same or the next body
/// paragraph ("Xi is reportedly preparing a visit. ... the Journal reported") is not unnamed.
fn unnamed_reports_left(
    found: Vec<Citation>,
    media: &[Citation],
    blocks: &[Block],
) -> Vec<Citation> {
    let media_blocks: HashSet<usize> = media.iter().map(|m| m.span.block).collect();
    let next_body = |b: usize| (b + 1..blocks.len()).find(|&j| blocks[j].role == Role::Body);
    found
        .into_iter()
        .filter(|c| {
            c.source != UNNAMED_REPORTS
                || !(media_blocks.contains(&c.span.block)
                    || next_body(c.span.block).is_some_and(|b| media_blocks.contains(&b)))
        })
        .collect()
}

/// Keeps the first row of each (kind, source, sentence): a wire dateline and "told Reuters"
/// in one sentence are two citations. Rows outside body sentences are all kept.
fn one_per_source_and_sentence(found: Vec<Citation>, sentences: &[Sentence]) -> Vec<Citation> {
    let mut seen = HashSet::new();
    found
        .into_iter()
        .filter(|c| {
            // Sentences are in reading order and disjoint: the one holding the start is the
            // last that starts at or before it.
            let k = sentences
                .partition_point(|s| (s.block, s.range.start) <= (c.span.block, c.span.start));
            let sentence = k.checked_sub(1).filter(|&i| {
                let s = &sentences[i];
                s.block == c.span.block && s.range.contains(&c.span.start)
            });
            match sentence {
                Some(s) => seen.insert((c.kind, c.source.to_lowercase(), s)),
                None => true,
            }
        })
        .collect()
}

/// "According to the report" after an outlet was cited is the outlet's report, cited already.
fn reports_not_the_outlets(found: Vec<Citation>, media_blocks: &[usize]) -> Vec<Citation> {
    found
        .into_iter()
        .filter(|c| {
            let report = c.source.to_lowercase().ends_with(" report");
            !report
                || !media_blocks
                    .iter()
                    .any(|&b| b <= c.span.block && c.span.block <= b + 3)
        })
        .collect()
}

/// Keeps the first photo or wire credit of each source: a page credits Getty Images under
/// every picture and "(AP)" above a story that ends "AP contributed", and each is one source.
fn one_credit_per_source(found: Vec<Citation>) -> Vec<Citation> {
    let mut seen = HashSet::new();
    found
        .into_iter()
        .filter(|c| {
            !matches!(c.kind, CitationKind::Photo | CitationKind::Wire)
                || seen.insert((c.kind, c.source.to_lowercase()))
        })
        .collect()
}

/// The article's mentions and entities, indexed so that linking a source costs a binary
/// search and a hash look-up, not a scan of every mention (pages with thousands of both).
struct EntityIndex<'a> {
    entities: &'a [Entity],
    /// Mentions sorted by (block, start), as the entities stage gives them.
    mentions: &'a [Mention],
    /// Longest mention, in bytes: a mention overlapping a span starts at most this far before.
    longest: usize,
    /// Entities by bare name (see `bare_name`), in order.
    by_name: HashMap<String, Vec<usize>>,
}

impl<'a> EntityIndex<'a> {
    fn new(entities: &'a [Entity], mentions: &'a [Mention]) -> Self {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            by_name.entry(bare_name(&e.name)).or_default().push(i);
        }
        EntityIndex {
            entities,
            mentions,
            longest: mentions
                .iter()
                .map(|m| m.span.end.saturating_sub(m.span.start))
                .max()
                .unwrap_or(0),
            by_name,
        }
    }

    /// The entity a source is: a mention overlapping its span of a fitting type, else an
    /// entity of the same canonical name (credits and references sit outside the story).
    fn link(&self, c: &Citation) -> Option<usize> {
        let fits = |t: EntityType| match c.kind {
            CitationKind::Document => matches!(t, EntityType::Org | EntityType::Gpe),
            CitationKind::Anonymous | CitationKind::Official => false,
            _ => matches!(t, EntityType::Media | EntityType::Org),
        };
        if matches!(c.kind, CitationKind::Anonymous | CitationKind::Official) {
            return None;
        }
        let key = |m: &Mention| (m.span.block, m.span.start);
        let from = self.mentions.partition_point(|m| {
            key(m) < (c.span.block, c.span.start.saturating_sub(self.longest))
        });
        let to = self
            .mentions
            .partition_point(|m| key(m) < (c.span.block, c.span.end));
        let source = bare_name(&c.source);
        self.mentions[from..to.max(from)]
            .iter()
            .find(|m| {
                m.span.block == c.span.block
                    && m.span.start < c.span.end
                    && c.span.start < m.span.end
                    && fits(m.etype)
                    && bare_name(&self.entities[m.entity].name) == source
            })
            .map(|m| m.entity)
            .or_else(|| {
                self.by_name
                    .get(&source)?
                    .iter()
                    .copied()
                    .find(|&i| fits(self.entities[i].etype))
            })
    }
}

/// A name without a leading "The", lower case: "The Times" and "the times" are one source.
fn bare_name(s: &str) -> String {
    let s = s.trim();
    s.strip_prefix("The ")
        .or(s.strip_prefix("the "))
        .unwrap_or(s)
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn body(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| Block {
                text: t.to_string(),
                role: Role::Body,
            })
            .collect()
    }

    fn rows(found: &[Citation]) -> Vec<(&str, &str)> {
        found
            .iter()
            .map(|c| (c.kind.as_str(), c.source.as_str()))
            .collect()
    }

    #[test]
    fn unlisted_outlet_typed_by_its_nameplate() {
        let b = body(&["The call was first reported by the Otago Daily Times on Friday."]);
        let (entities, mentions) = crate::entities::extract(&b, &Default::default());
        assert_eq!(
            rows(&extract(&b, &entities, &mentions)),
            [("media", "Otago Daily Times")]
        );
    }

    #[test]
    fn one_row_per_source_and_sentence() {
        let b =
            body(&["The Financial Times reported the deal, the FT said, and the FT added more."]);
        assert_eq!(
            rows(&extract(&b, &[], &[])),
            [("media", "The Financial Times")]
        );
    }

    #[test]
    fn dateline_and_interview_in_one_sentence_are_two_rows() {
        let b = body(&["LAGOS (Reuters) - Fuel ran out, two traders told Reuters."]);
        assert_eq!(
            rows(&extract(&b, &[], &[])),
            [
                ("wire", "Reuters"),
                ("anonymous", "two traders"),
                ("media", "Reuters")
            ]
        );
    }

    #[test]
    fn reportedly_resolved_by_the_next_paragraph_is_not_unnamed() {
        let b = body(&[
            "The minister is reportedly planning a trip.",
            "The trip may come in June, the Financial Times reported.",
        ]);
        assert_eq!(
            rows(&extract(&b, &[], &[])),
            [("media", "The Financial Times")]
        );
        let b = body(&[
            "The rebels reportedly seized the town.",
            "Fighting went on.",
        ]);
        assert_eq!(
            rows(&extract(&b, &[], &[])),
            [("anonymous", UNNAMED_REPORTS)]
        );
    }

    #[test]
    fn sources_link_to_the_entity_they_overlap() {
        let b = body(&["Investors fled, the Financial Times reported."]);
        let entities = vec![Entity {
            name: "Financial Times".into(),
            etype: EntityType::Media,
            known_id: None,
            country: None,
        }];
        let start = b[0].text.find("Financial").unwrap();
        let mentions = vec![Mention {
            span: Span {
                block: 0,
                start,
                end: start + "Financial Times".len(),
            },
            text: "Financial Times".into(),
            etype: EntityType::Media,
            name: "Financial Times".into(),
            role: None,
            entity: 0,
        }];
        let found = extract(&b, &entities, &mentions);
        assert_eq!(found[0].source_entity, Some(0));
    }

    #[test]
    fn lookalikes_are_not_citations() {
        let b = body(&[
            "Reuters is a news agency.",
            "The report is due in May.",
            "Analysts from three banks attended the meeting on Friday.",
        ]);
        assert!(extract(&b, &[], &[]).is_empty());
    }
}
