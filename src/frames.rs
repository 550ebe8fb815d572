//! Builds the contract's frames as Arrow record batches.
//!
//! This is the one place that turns the core's byte offsets into the contract's code-point
//! offsets and its enums into strings; column names and types follow `CONTRACT.md` exactly.

use crate::corpus::Links;
use crate::model::{InputError, ParsedArticle, Role, Span};
use arrow_array::builder::{ListBuilder, StringBuilder, UInt32Builder};
use arrow_array::{Array, ArrayRef, Date32Array, RecordBatch, StringArray, UInt32Array};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::fmt::Write;
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

    /// A string column read straight from the records: no `Vec<String>` of copies is made
    /// first, so a frame costs its Arrow buffers and nothing more (memory, issue 14).
    fn string<S: AsRef<str>>(mut self, name: &str, values: impl IntoIterator<Item = S>) -> Self {
        self.fields.push(Field::new(name, DataType::Utf8, false));
        self.arrays
            .push(Arc::new(StringArray::from_iter_values(values)));
        self
    }

    fn string_array(mut self, name: &str, array: StringArray) -> Self {
        self.fields.push(Field::new(name, DataType::Utf8, false));
        self.arrays.push(Arc::new(array));
        self
    }

    fn opt_string<S: AsRef<str>>(
        mut self,
        name: &str,
        values: impl IntoIterator<Item = Option<S>>,
    ) -> Self {
        self.fields.push(Field::new(name, DataType::Utf8, true));
        self.arrays
            .push(Arc::new(values.into_iter().collect::<StringArray>()));
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
    body_hash(std::iter::once(body))
}

/// `content_hash` of the parts of a body joined by whitespace, hashed word by word: the
/// normalised body of a 10 MB article is never built (memory, issue 14). Lower-casing a
/// word alone gives what lower-casing the whole text gives, since a space ends every
/// word's context (the final-sigma rule included).
fn body_hash<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hasher = Sha256::new();
    let mut first = true;
    for word in parts.into_iter().flat_map(str::split_whitespace) {
        if !first {
            hasher.update(b" ");
        }
        first = false;
        hasher.update(word.to_lowercase().as_bytes());
    }
    hasher.finalize().iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

/// The body's paragraphs, in order (`ParsedArticle::body` joins them with blank lines).
fn body_parts(a: &ParsedArticle) -> impl Iterator<Item = &str> {
    a.blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .map(|b| b.text.as_str())
}

/// The `body` column, written paragraph by paragraph into the array, with no joined copy.
fn body_column(articles: &[ParsedArticle]) -> StringArray {
    let mut b = StringBuilder::new();
    for a in articles {
        for (i, part) in body_parts(a).enumerate() {
            let separator = if i > 0 { "\n\n" } else { "" };
            // Writing into a string builder cannot fail: it only extends a buffer.
            let _ = write!(b, "{separator}{part}");
        }
        b.append_value("");
    }
    b.finish()
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
    Columns::new()
        .string("article_id", articles.iter().map(|a| &a.article_id))
        .string("source", articles.iter().map(|a| &a.source))
        .string("format", articles.iter().map(|a| a.format.as_str()))
        .opt_string("title", articles.iter().map(|a| a.meta.title.as_ref()))
        .opt_string(
            "subtitle",
            articles.iter().map(|a| a.meta.subtitle.as_ref()),
        )
        .opt_string("outlet", articles.iter().map(|a| a.meta.outlet.as_ref()))
        .string_list(
            "authors",
            articles.iter().map(|a| a.meta.authors.clone()).collect(),
        )
        .date(
            "published",
            articles.iter().map(|a| a.meta.published).collect(),
        )
        .string_array("body", body_column(articles))
        .u32(
            "n_paragraphs",
            articles
                .iter()
                .map(|a| a.blocks.iter().filter(|b| b.role == Role::Body).count() as u32)
                .collect(),
        )
        .u32(
            "n_words",
            articles
                .iter()
                .map(|a| {
                    body_parts(a)
                        .map(|p| p.split_whitespace().count() as u32)
                        .sum()
                })
                .collect(),
        )
        .string(
            "content_hash",
            articles.iter().map(|a| body_hash(body_parts(a))),
        )
        .string_list(
            "warnings",
            articles.iter().map(|a| a.warnings.clone()).collect(),
        )
        .finish()
}

/// (article index, article, record index, record) of every record of every article: the
/// rows of a frame, walked once per column instead of copied into per-column vectors.
fn records<'a, T: 'a>(
    articles: &'a [ParsedArticle],
    of: fn(&'a ParsedArticle) -> &'a [T],
) -> impl Iterator<Item = (usize, &'a ParsedArticle, usize, &'a T)> {
    articles
        .iter()
        .enumerate()
        .flat_map(move |(ai, a)| of(a).iter().enumerate().map(move |(i, r)| (ai, a, i, r)))
}

fn paragraphs_frame(articles: &[ParsedArticle]) -> Result<RecordBatch, ArrowError> {
    let rows = || records(articles, |a| &a.blocks);
    Columns::new()
        .string("article_id", rows().map(|(_, a, _, _)| &a.article_id))
        .u32(
            "paragraph_id",
            rows().map(|(_, _, i, _)| i as u32).collect(),
        )
        .string("role", rows().map(|(.., b)| b.role.as_str()))
        .string("text", rows().map(|(.., b)| &b.text))
        .finish()
}

fn entities_frame(
    articles: &[ParsedArticle],
    links: &Links,
    offsets: &Offsets,
) -> Result<RecordBatch, ArrowError> {
    let rows = || records(articles, |a| &a.mentions);
    let spans: Vec<(u32, u32)> = rows()
        .map(|(ai, _, _, m)| offsets.span(ai, &m.span))
        .collect();
    let link = |ai: usize, m: &crate::model::Mention| &links.entity_ids[ai][m.entity];
    fn entity<'e>(a: &'e ParsedArticle, m: &crate::model::Mention) -> &'e crate::model::Entity {
        &a.entities[m.entity]
    }
    Columns::new()
        .string("article_id", rows().map(|(_, a, _, _)| &a.article_id))
        .u32(
            "mention_id",
            rows().map(|(_, _, mi, _)| mi as u32).collect(),
        )
        .u32(
            "paragraph_id",
            rows().map(|(.., m)| m.span.block as u32).collect(),
        )
        .u32("start", spans.iter().map(|s| s.0).collect())
        .u32("end", spans.iter().map(|s| s.1).collect())
        .string("text", rows().map(|(.., m)| &m.text))
        .string(
            "type",
            rows().map(|(_, a, _, m)| entity(a, m).etype.as_str()),
        )
        .string("entity_id", rows().map(|(ai, _, _, m)| &link(ai, m).0))
        .string("name", rows().map(|(ai, _, _, m)| &link(ai, m).1))
        .opt_string("role", rows().map(|(.., m)| m.role.as_ref()))
        .opt_string(
            "country",
            rows().map(|(_, a, _, m)| entity(a, m).country.as_ref()),
        )
        .finish()
}

fn quotes_frame(
    articles: &[ParsedArticle],
    links: &Links,
    offsets: &Offsets,
) -> Result<RecordBatch, ArrowError> {
    let rows = || records(articles, |a| &a.quotes);
    let linked =
        |ai: usize, q: &crate::model::Quote| q.speaker_entity.map(|i| &links.entity_ids[ai][i]);
    Columns::new()
        .string("article_id", rows().map(|(_, a, _, _)| &a.article_id))
        .u32("quote_id", rows().map(|(_, _, qi, _)| qi as u32).collect())
        .u32(
            "paragraph_id",
            rows().map(|(.., q)| q.start.block as u32).collect(),
        )
        .u32(
            "start",
            rows()
                .map(|(ai, .., q)| offsets.span(ai, &q.start).0)
                .collect(),
        )
        .u32(
            "end_paragraph_id",
            rows().map(|(.., q)| q.end.block as u32).collect(),
        )
        .u32(
            "end",
            rows()
                .map(|(ai, .., q)| offsets.span(ai, &q.end).1)
                .collect(),
        )
        .string("text", rows().map(|(.., q)| &q.text))
        .string("kind", rows().map(|(.., q)| q.kind.as_str()))
        .opt_string("speaker", rows().map(|(.., q)| q.speaker.as_ref()))
        .opt_string(
            "speaker_name",
            rows().map(|(ai, .., q)| linked(ai, q).map(|l| &l.1).or(q.speaker_name.as_ref())),
        )
        .opt_string(
            "speaker_entity_id",
            rows().map(|(ai, .., q)| linked(ai, q).map(|l| &l.0)),
        )
        .opt_string("cue", rows().map(|(.., q)| q.cue.as_ref()))
        .string(
            "quote_group",
            rows().map(|(ai, _, qi, _)| &links.quote_groups[ai][qi]),
        )
        .finish()
}

fn citations_frame(
    articles: &[ParsedArticle],
    links: &Links,
    offsets: &Offsets,
) -> Result<RecordBatch, ArrowError> {
    let rows = || records(articles, |a| &a.citations);
    let spans: Vec<(u32, u32)> = rows()
        .map(|(ai, .., c)| offsets.span(ai, &c.span))
        .collect();
    Columns::new()
        .string("article_id", rows().map(|(_, a, _, _)| &a.article_id))
        .u32(
            "citation_id",
            rows().map(|(_, _, ci, _)| ci as u32).collect(),
        )
        .string("kind", rows().map(|(.., c)| c.kind.as_str()))
        .string("source", rows().map(|(.., c)| &c.source))
        .string("source_text", rows().map(|(.., c)| &c.source_text))
        .opt_string(
            "source_entity_id",
            rows().map(|(ai, .., c)| c.source_entity.map(|i| &links.entity_ids[ai][i].0)),
        )
        .u32(
            "paragraph_id",
            rows().map(|(.., c)| c.span.block as u32).collect(),
        )
        .u32("start", spans.iter().map(|s| s.0).collect())
        .u32("end", spans.iter().map(|s| s.1).collect())
        .opt_string("marker", rows().map(|(.., c)| c.marker.as_ref()))
        .opt_string("title", rows().map(|(.., c)| c.title.as_ref()))
        .date("date", rows().map(|(.., c)| c.date).collect())
        .opt_string("url", rows().map(|(.., c)| c.url.as_ref()))
        .u32_list(
            "cited_in",
            rows().map(|(.., c)| c.cited_in.clone()).collect(),
        )
        .finish()
}

fn errors_frame(errors: &[InputError]) -> Result<RecordBatch, ArrowError> {
    Columns::new()
        .string("source", errors.iter().map(|e| &e.source))
        .string("kind", errors.iter().map(|e| e.kind.as_str()))
        .string("error", errors.iter().map(|e| &e.message))
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
