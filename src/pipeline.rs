//! Parses one input into an article: decode, segment, metadata, entities, quotes, citations.
//!
//! Each stage is a pure function of the previous stages' records; this module only wires
//! them and turns I/O and panics into `InputError`s naming the input.

use crate::entities::CustomEntities;
use crate::ingest::{self, DEFAULT_MAX_BYTES};
use crate::model::{ErrorKind, Format, InputError, ParsedArticle, Role};
use crate::{citations, entities, metadata, quotes, segment};
use std::path::PathBuf;

/// Where an input's bytes come from.
#[derive(Debug, Clone)]
pub enum Content {
    Path(PathBuf),
    Text(String),
}

/// One input: its article id, how to name it in output, and its content.
#[derive(Debug, Clone)]
pub struct Input {
    pub id: String,
    pub source: String,
    pub content: Content,
    /// Forced format; guessed from the name and first bytes when `None`.
    pub format: Option<Format>,
}

/// Options shared by every input of a run.
#[derive(Debug, Clone)]
pub struct Options {
    pub max_bytes: usize,
    pub custom_entities: CustomEntities,
    /// Field names read from JSON articles, the caller's first.
    pub json_fields: ingest::JsonFields,
    /// Which blocks entities are looked for in (the story by default).
    pub entity_scope: entities::Scope,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            custom_entities: CustomEntities::default(),
            json_fields: ingest::JsonFields::default(),
            entity_scope: entities::Scope::Story,
        }
    }
}

/// Parses one input that holds one article. Never panics: a panic inside a stage becomes an
/// error naming the input.
pub fn parse_input(input: &Input, options: &Options) -> Result<ParsedArticle, InputError> {
    parse_input_records(input, options)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            Err(InputError {
                source: input.source.clone(),
                kind: ErrorKind::Empty,
                message: "input holds no article".into(),
            })
        })
}

/// Parses one input into its articles: one for a page, one per record of a JSON Lines file
/// (ids and sources `file.jsonl:LINE`), each an article or an error. Never panics.
pub fn parse_input_records(
    input: &Input,
    options: &Options,
) -> Vec<Result<ParsedArticle, InputError>> {
    let bytes: Vec<u8> = match &input.content {
        Content::Text(t) => t.clone().into_bytes(),
        Content::Path(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                return vec![Err(InputError {
                    source: input.source.clone(),
                    kind: ErrorKind::Io,
                    message: format!("cannot read {}: {e}", p.display()),
                })]
            }
        },
    };
    let internal = |panic: Box<dyn std::any::Any + Send>| {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        InputError {
            source: input.source.clone(),
            kind: ErrorKind::Format,
            message: format!("internal error while parsing this input (please report it): {what}"),
        }
    };
    let pieces = std::panic::catch_unwind(|| {
        ingest::decode_all(
            &input.source,
            &bytes,
            input.format,
            options.max_bytes,
            &options.json_fields,
        )
    });
    let pieces = match pieces {
        Ok(p) => p,
        Err(panic) => return vec![Err(internal(panic))],
    };
    pieces
        .into_iter()
        .map(|piece| {
            let decoded = piece.result?;
            let one = Input {
                id: format!("{}{}", input.id, piece.suffix),
                source: format!("{}{}", input.source, piece.suffix),
                content: input.content.clone(),
                format: Some(piece.format),
            };
            std::panic::catch_unwind(|| {
                parse_text(
                    &one,
                    &decoded.text,
                    piece.format,
                    &decoded.hints,
                    decoded.warnings.clone(),
                    options,
                )
            })
            .map_err(internal)
        })
        .collect()
}

/// Runs every stage on decoded text.
pub fn parse_text(
    input: &Input,
    text: &str,
    format: Format,
    hints: &ingest::Hints,
    mut warnings: Vec<String>,
    options: &Options,
) -> ParsedArticle {
    let blocks = segment::segment_page(text, hints);
    if !blocks.iter().any(|b| b.role == Role::Body) {
        warnings.push("no body paragraphs found".into());
    }
    let meta = metadata::derive(&blocks, hints);
    let (entities, mentions) =
        entities::extract_in(&blocks, &options.custom_entities, options.entity_scope);
    let quotes = quotes::extract(&blocks, &entities, &mentions);
    let citations = citations::extract(&blocks, &entities, &mentions);
    let source = hints
        .url
        .clone()
        .filter(|_| matches!(input.content, Content::Text(_)));
    ParsedArticle {
        article_id: input.id.clone(),
        source: source.unwrap_or_else(|| input.source.clone()),
        format,
        blocks,
        meta,
        entities,
        mentions,
        quotes,
        citations,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word salad from a vocabulary rich in what the stages react to: cue verbs, quote marks,
    /// titles, outlets, numbers, brackets, unbalanced punctuation.
    fn salad(seed: u64, words: usize) -> String {
        const VOCAB: &[&str] = &[
            "said",
            "told",
            "according",
            "to",
            "officials",
            "Reuters",
            "the",
            "WSJ",
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "'",
            "«",
            "»",
            "„",
            "President",
            "Putin",
            "Wang",
            "Yi",
            "he",
            "she",
            "they",
            "China",
            "U.S.",
            "(AP)",
            "—",
            "-",
            ",",
            ".",
            ":",
            ";",
            "?",
            "[3]",
            "0.",
            "1.",
            "Photo:",
            "via",
            "Getty",
            "Images",
            "/",
            "AFP",
            "people",
            "familiar",
            "with",
            "the",
            "plan",
            "reportedly",
            "Ministry",
            "of",
            "Foreign",
            "Affairs",
            "\n",
            "\n\n",
            "Lt.",
            "Gen.",
            "Mr.",
            "’s",
            "s’",
            "…",
            "Also",
            "read:",
            "By",
            "Jane",
            "Doe",
            "2023",
            "Feb.",
            "22,",
            "is",
            "a",
            "news",
            "agency",
            "report",
            "added",
            "saying",
            "it",
            "was",
            "é",
            "日本",
        ];
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut out = String::new();
        for _ in 0..words {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            out.push_str(VOCAB[(x % VOCAB.len() as u64) as usize]);
            if x % 3 != 0 {
                out.push(' ');
            }
        }
        out
    }

    #[test]
    fn no_stage_panics_on_word_salad() {
        let input = Input {
            id: "x".into(),
            source: "x".into(),
            content: Content::Text(String::new()),
            format: None,
        };
        for seed in 0..(std::env::var("SALAD_SEEDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(400u64))
        {
            let text = salad(seed, 20 + (seed as usize % 7) * 60);
            let article = parse_text(
                &input,
                &text,
                Format::Text,
                &ingest::Hints::default(),
                Vec::new(),
                &Options::default(),
            );
            for q in &article.quotes {
                assert!(q.start.block < article.blocks.len() && q.end.block < article.blocks.len());
            }
            for m in &article.mentions {
                assert!(article.blocks[m.span.block]
                    .text
                    .get(m.span.start..m.span.end)
                    .is_some());
            }
        }
    }
}
