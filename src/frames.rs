//! Builds the contract's frames as Arrow record batches.
//!
//! This is the one place that turns the core's byte offsets into the contract's code-point
//! offsets and its enums into strings; column names and types follow `CONTRACT.md` exactly.

use crate::corpus::{hex_digest, Links};
use crate::model::{InputError, ParsedArticle, Role, Span};
use arrow_array::builder::{ListBuilder, StringBuilder, UInt32Builder};
use arrow_array::{Array, ArrayRef, Date32Array, RecordBatch, StringArray, UInt32Array};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use chrono::NaiveDate;
use std::sync::Arc;

/// Names of the frames, in the order they are written.
pub const FRAME_NAMES: [&str; 6] = [
    "articles",
    "paragraphs",
    "entities",
    "quotes",
    "citations",
    "errors",
];

/// Collects named columns for one frame.
struct Columns {
    fields: Vec<Field>,
    arrays: Vec<ArrayRef>,
}

impl Columns {
    fn new() -> Self {
        Columns {
            fields: Vec::new(),
            arrays: Vec::new(),
        }
    }

    fn string(mut self, name: &str, values: Vec<String>) -> Self {
        self.fields.push(Field::new(name, DataType::Utf8, false));
        self.arrays.push(Arc::new(StringArray::from(values)));
        self
    }

    fn opt_string(mut self, name: &str, values: Vec<Option<String>>) -> Self {
        self.fields.push(Field::new(name, DataType::Utf8, true));
        self.arrays.push(Arc::new(StringArray::from(values)));
        self
    }

    fn u32(mut self, name: &str, values: Vec<u32>) -> Self {
        self.fields.push(Field::new(name, DataType::UInt32, false));
        self.arrays.push(Arc::new(UInt32Array::from(values)));
        self
    }

    fn date(mut self, name: &str, values: Vec<Option<NaiveDate>>) -> Self {
        let days: Vec<Option<i32>> = values
            .into_iter()
            .map(|d| d.map(days_since_epoch))
            .collect();
        self.fields.push(Field::new(name, DataType::Date32, true));
        self.arrays.push(Arc::new(Date32Array::from(days)));
        self
    }

    fn string_list(mut self, name: &str, values: Vec<Vec<String>>) -> Self {
        let mut b = ListBuilder::new(StringBuilder::new());
        for row in values {
            for v in row {
                b.values().append_value(v);
            }
            b.append(true);
        }
        let array = b.finish();
        self.fields
            .push(Field::new(name, array.data_type().clone(), false));
        self.arrays.push(Arc::new(array));
        self
    }

    fn u32_list(mut self, name: &str, values: Vec<Vec<u32>>) -> Self {
        let mut b = ListBuilder::new(UInt32Builder::new());
        for row in values {
            for v in row {
                b.values().append_value(v);
            }
            b.append(true);
        }
        let array = b.finish();
        self.fields
            .push(Field::new(name, array.data_type().clone(), false));
        self.arrays.push(Arc::new(array));
        self
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_new(Arc::new(Schema::new(self.fields)), self.arrays)
    }
}

fn days_since_epoch(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    (d - epoch).num_days() as i32
}

/// Byte to code-point offsets of one text in constant time per look-up.
///
/// Counting code points from the start of the block for every span is quadratic on a long
/// block (a one-line page with 100,000 quotes); instead the count is stored at every
/// `STRIDE`-th byte once, and a look-up counts at most `STRIDE` bytes from the checkpoint
/// before it. ASCII text (most news) needs no table at all.
struct CharIndex<'a> {
    text: &'a str,
    /// Code points before byte `k * STRIDE`; empty for ASCII text.
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 64;

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            let bytes = text.as_bytes();
            checkpoints.reserve(bytes.len() / STRIDE + 1);
            let mut count = 0u32;
            for chunk in bytes.chunks(STRIDE) {
                checkpoints.push(count);
                // A code point starts at every byte that is not a continuation byte.
                count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
            }
        }
        CharIndex { text, checkpoints }
    }

    /// Code-point offset of a byte offset (a byte inside a code point counts as its start).
    fn char_offset(&self, byte: usize) -> u32 {
        let mut b = byte.min(self.text.len());
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        if self.checkpoints.is_empty() {
            return b as u32;
        }
        // The end of a text whose length is a multiple of STRIDE lies past the last
        // checkpoint: count it from the last one.
        let k = (b / STRIDE).min(self.checkpoints.len() - 1);
        let from = k * STRIDE;
        self.checkpoints[k]
            + self.text.as_bytes()[from..b]
                .iter()
                .filter(|&&x| (x as i8) >= -0x40)
                .count() as u32
    }
}

/// Code-point offset of a byte offset in `text`.
#[cfg(test)]
fn char_offset(text: &str, byte: usize) -> u32 {
    CharIndex::new(text).char_offset(byte)
}

/// Byte-to-code-point maps of every block of every article, built once per frame set.
struct Offsets<'a> {
    articles: Vec<Vec<CharIndex<'a>>>,
}

impl<'a> Offsets<'a> {
    fn new(articles: &'a [ParsedArticle]) -> Self {
        Offsets {
            articles: articles
                .iter()
                .map(|a| a.blocks.iter().map(|b| CharIndex::new(&b.text)).collect())
                .collect(),
        }
    }

    /// Code-point (start, end) of a span of article `ai`.
    fn span(&self, ai: usize, span: &Span) -> (u32, u32) {
        match self.articles[ai].get(span.block) {
            Some(index) => (index.char_offset(span.start), index.char_offset(span.end)),
            None => (0, 0),
        }
    }
}

/// Hex digest of the body with case and whitespace normalised.
pub fn content_hash(body: &str) -> String {
    let normalised: String = body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    hex_digest(&normalised)
}

/// All six frames, in `FRAME_NAMES` order.
pub fn build(
    articles: &[ParsedArticle],
    errors: &[InputError],
    links: &Links,
) -> Result<Vec<RecordBatch>, ArrowError> {
    let offsets = Offsets::new(articles);
    Ok(vec![
        articles_frame(articles)?,
        paragraphs_frame(articles)?,
        entities_frame(articles, links, &offsets)?,
        quotes_frame(articles, links, &offsets)?,
        citations_frame(articles, links, &offsets)?,
        errors_frame(errors)?,
    ])
}

fn articles_frame(articles: &[ParsedArticle]) -> Result<RecordBatch, ArrowError> {
    let bodies: Vec<String> = articles.iter().map(ParsedArticle::body).collect();
    Columns::new()
        .string(
            "article_id",
            articles.iter().map(|a| a.article_id.clone()).collect(),
        )
        .string(
            "source",
            articles.iter().map(|a| a.source.clone()).collect(),
        )
        .string(
            "format",
            articles
                .iter()
                .map(|a| a.format.as_str().to_string())
                .collect(),
        )
        .opt_string(
            "title",
            articles.iter().map(|a| a.meta.title.clone()).collect(),
        )
        .opt_string(
            "subtitle",
            articles.iter().map(|a| a.meta.subtitle.clone()).collect(),
        )
        .opt_string(
            "outlet",
            articles.iter().map(|a| a.meta.outlet.clone()).collect(),
        )
        .string_list(
            "authors",
            articles.iter().map(|a| a.meta.authors.clone()).collect(),
        )
        .date(
            "published",
            articles.iter().map(|a| a.meta.published).collect(),
        )
        .string("body", bodies.clone())
        .u32(
            "n_paragraphs",
            articles
                .iter()
                .map(|a| a.blocks.iter().filter(|b| b.role == Role::Body).count() as u32)
                .collect(),
        )
        .u32(
            "n_words",
            bodies
                .iter()
                .map(|b| b.split_whitespace().count() as u32)
                .collect(),
        )
        .string(
            "content_hash",
            bodies.iter().map(|b| content_hash(b)).collect(),
        )
        .string_list(
            "warnings",
            articles.iter().map(|a| a.warnings.clone()).collect(),
        )
        .finish()
}

fn paragraphs_frame(articles: &[ParsedArticle]) -> Result<RecordBatch, ArrowError> {
    let (mut ids, mut pids, mut roles, mut texts) = (vec![], vec![], vec![], vec![]);
    for a in articles {
        for (i, b) in a.blocks.iter().enumerate() {
            ids.push(a.article_id.clone());
            pids.push(i as u32);
            roles.push(b.role.as_str().to_string());
            texts.push(b.text.clone());
        }
    }
    Columns::new()
        .string("article_id", ids)
        .u32("paragraph_id", pids)
        .string("role", roles)
        .string("text", texts)
        .finish()
}

fn entities_frame(
    articles: &[ParsedArticle],
    links: &Links,
    offsets: &Offsets,
) -> Result<RecordBatch, ArrowError> {
    let (mut ids, mut mids, mut pids, mut starts, mut ends) =
        (vec![], vec![], vec![], vec![], vec![]);
    let (mut texts, mut types, mut eids, mut names, mut roles) =
        (vec![], vec![], vec![], vec![], vec![]);
    let mut countries = vec![];
    for (ai, a) in articles.iter().enumerate() {
        for (mi, m) in a.mentions.iter().enumerate() {
            let (s, e) = offsets.span(ai, &m.span);
            let (eid, name) = links.entity_ids[ai][m.entity].clone();
            ids.push(a.article_id.clone());
            mids.push(mi as u32);
            pids.push(m.span.block as u32);
            starts.push(s);
            ends.push(e);
            texts.push(m.text.clone());
            types.push(a.entities[m.entity].etype.as_str().to_string());
            eids.push(eid);
            names.push(name);
            roles.push(m.role.clone());
            countries.push(a.entities[m.entity].country.clone());
        }
    }
    Columns::new()
        .string("article_id", ids)
        .u32("mention_id", mids)
        .u32("paragraph_id", pids)
        .u32("start", starts)
        .u32("end", ends)
        .string("text", texts)
        .string("type", types)
        .string("entity_id", eids)
        .string("name", names)
        .opt_string("role", roles)
        .opt_string("country", countries)
        .finish()
}

fn quotes_frame(
    articles: &[ParsedArticle],
    links: &Links,
    offsets: &Offsets,
) -> Result<RecordBatch, ArrowError> {
    let (mut ids, mut qids, mut pids, mut starts, mut epids, mut ends) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let (mut texts, mut kinds, mut speakers, mut snames, mut seids, mut cues, mut groups) =
        (vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
    for (ai, a) in articles.iter().enumerate() {
        for (qi, q) in a.quotes.iter().enumerate() {
            let (s, _) = offsets.span(ai, &q.start);
            let (_, e) = offsets.span(ai, &q.end);
            ids.push(a.article_id.clone());
            qids.push(qi as u32);
            pids.push(q.start.block as u32);
            starts.push(s);
            epids.push(q.end.block as u32);
            ends.push(e);
            texts.push(q.text.clone());
            kinds.push(q.kind.as_str().to_string());
            speakers.push(q.speaker.clone());
            let linked = q.speaker_entity.map(|i| links.entity_ids[ai][i].clone());
            snames.push(
                linked
                    .as_ref()
                    .map(|l| l.1.clone())
                    .or_else(|| q.speaker_name.clone()),
            );
            seids.push(linked.map(|l| l.0));
            cues.push(q.cue.clone());
            groups.push(links.quote_groups[ai][qi].clone());
        }
    }
    Columns::new()
        .string("article_id", ids)
        .u32("quote_id", qids)
        .u32("paragraph_id", pids)
        .u32("start", starts)
        .u32("end_paragraph_id", epids)
        .u32("end", ends)
        .string("text", texts)
        .string("kind", kinds)
        .opt_string("speaker", speakers)
        .opt_string("speaker_name", snames)
        .opt_string("speaker_entity_id", seids)
        .opt_string("cue", cues)
        .string("quote_group", groups)
        .finish()
}

fn citations_frame(
    articles: &[ParsedArticle],
    links: &Links,
    offsets: &Offsets,
) -> Result<RecordBatch, ArrowError> {
    let (mut ids, mut cids, mut kinds, mut sources, mut stexts, mut seids) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    let (mut pids, mut starts, mut ends, mut markers, mut titles, mut dates, mut urls, mut cited) = (
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
        vec![],
    );
    for (ai, a) in articles.iter().enumerate() {
        for (ci, c) in a.citations.iter().enumerate() {
            let (s, e) = offsets.span(ai, &c.span);
            ids.push(a.article_id.clone());
            cids.push(ci as u32);
            kinds.push(c.kind.as_str().to_string());
            sources.push(c.source.clone());
            stexts.push(c.source_text.clone());
            seids.push(c.source_entity.map(|i| links.entity_ids[ai][i].0.clone()));
            pids.push(c.span.block as u32);
            starts.push(s);
            ends.push(e);
            markers.push(c.marker.clone());
            titles.push(c.title.clone());
            dates.push(c.date);
            urls.push(c.url.clone());
            cited.push(c.cited_in.clone());
        }
    }
    Columns::new()
        .string("article_id", ids)
        .u32("citation_id", cids)
        .string("kind", kinds)
        .string("source", sources)
        .string("source_text", stexts)
        .opt_string("source_entity_id", seids)
        .u32("paragraph_id", pids)
        .u32("start", starts)
        .u32("end", ends)
        .opt_string("marker", markers)
        .opt_string("title", titles)
        .date("date", dates)
        .opt_string("url", urls)
        .u32_list("cited_in", cited)
        .finish()
}

fn errors_frame(errors: &[InputError]) -> Result<RecordBatch, ArrowError> {
    Columns::new()
        .string("source", errors.iter().map(|e| e.source.clone()).collect())
        .string(
            "kind",
            errors.iter().map(|e| e.kind.as_str().to_string()).collect(),
        )
        .string("error", errors.iter().map(|e| e.message.clone()).collect())
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let t = "“Hi” Putin’s";
        let byte = t.find("Putin").unwrap();
        assert_eq!(char_offset(t, byte), 5);
    }

    #[test]
    fn the_end_of_a_text_a_whole_number_of_strides_long_has_an_offset() {
        // Found by the from_frame property test: 128 bytes, not ASCII, span ending at the end.
        let t = format!("é{}", "a".repeat(2 * STRIDE - 2));
        assert_eq!(t.len(), 2 * STRIDE);
        assert_eq!(
            CharIndex::new(&t).char_offset(t.len()),
            t.chars().count() as u32
        );
    }

    #[test]
    fn char_offsets_match_counting_from_the_start_at_every_byte() {
        let t = "é日本 “quoted” words ".repeat(40);
        let index = CharIndex::new(&t);
        for byte in 0..=t.len() + 2 {
            let mut b = byte.min(t.len());
            while !t.is_char_boundary(b) {
                b -= 1;
            }
            assert_eq!(index.char_offset(byte), t[..b].chars().count() as u32);
        }
    }

    #[test]
    fn empty_corpus_still_has_every_frame() {
        let frames = build(&[], &[], &Links::default()).unwrap();
        assert_eq!(frames.len(), FRAME_NAMES.len());
        assert!(frames.iter().all(|f| f.num_rows() == 0));
    }

    #[test]
    fn content_hash_ignores_whitespace_and_case() {
        assert_eq!(content_hash("A  b\n\nc"), content_hash("a b c"));
    }
}
