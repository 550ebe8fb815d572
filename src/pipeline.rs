//! Parses one input into an article: decode, segment, metadata, entities, quotes, citations.
//!
//! Each stage is a pure function of the previous stages' records; this module only wires
//! them and turns I/O, panics and spent work budgets (see `work`) into `InputError`s naming
//! the input.
//!
//! A file's size is checked twice before its bytes are parsed: from its metadata, so an
//! oversized file is refused without reading it, and while reading, which stops one byte past
//! `max_bytes`, so a file that grows (or a FIFO that reports no size) costs no more memory.

use crate::entities::CustomEntities;
use crate::ingest::{self, DEFAULT_MAX_BYTES};
use crate::model::{ErrorKind, Format, InputError, ParsedArticle, Role};
use crate::work::{self, Budget, Stop};
use crate::{citations, entities, metadata, quotes, segment};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

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
    /// Work budget per input byte (see `work`): an article that needs more becomes an error
    /// of kind `limit`.
    pub steps_per_byte: u64,
    /// Set to stop the run: articles not yet parsed, and the one being parsed, end as
    /// errors of kind `cancelled`.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            custom_entities: CustomEntities::default(),
            json_fields: ingest::JsonFields::default(),
            entity_scope: entities::Scope::Story,
            steps_per_byte: work::DEFAULT_STEPS_PER_BYTE,
            cancel: None,
        }
    }
}

impl Options {
    pub fn is_cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    }
}

fn error(input: &Input, kind: ErrorKind, message: String) -> InputError {
    InputError {
        source: input.source.clone(),
        kind,
        message,
    }
}

/// The error of an input above `max_bytes`.
pub fn too_large(source: &str, bytes: u64, max_bytes: usize) -> InputError {
    InputError {
        source: source.to_string(),
        kind: ErrorKind::TooLarge,
        message: format!(
            "input is {:.1} MB, above the {:.1} MB limit for one article; split it or raise `max_bytes`",
            bytes as f64 / 1e6,
            max_bytes as f64 / 1e6
        ),
    }
}

/// Reads a file of at most `max_bytes`, refusing a larger one before (metadata) or while
/// (bounded read) reading it.
fn read_bounded(input: &Input, path: &Path, max_bytes: usize) -> Result<Vec<u8>, InputError> {
    let io = |e: std::io::Error| {
        error(
            input,
            ErrorKind::Io,
            format!("cannot read {}: {e}", path.display()),
        )
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > max_bytes as u64 {
        return Err(too_large(&input.source, size, max_bytes));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > max_bytes {
        return Err(too_large(&input.source, bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
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

/// Parses one input and says how many work steps its (last) article took (see `work`).
pub fn parse_counting(
    input: &Input,
    options: &Options,
) -> (Result<ParsedArticle, InputError>, u64) {
    (parse_input(input, options), work::steps())
}

/// Parses one input into its articles: one for a page, one per record of a JSON Lines file
/// (ids and sources `file.jsonl:LINE`), each an article or an error. Never panics.
pub fn parse_input_records(
    input: &Input,
    options: &Options,
) -> Vec<Result<ParsedArticle, InputError>> {
    if options.is_cancelled() {
        return vec![Err(error(
            input,
            ErrorKind::Cancelled,
            "run cancelled".into(),
        ))];
    }
    let owned;
    let bytes: &[u8] = match &input.content {
        Content::Text(t) => t.as_bytes(),
        Content::Path(p) => match read_bounded(input, p, options.max_bytes) {
            Ok(b) => {
                owned = b;
                &owned
            }
            Err(e) => return vec![Err(e)],
        },
    };
    let internal = |panic: Box<dyn std::any::Any + Send>| {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        error(
            input,
            ErrorKind::Format,
            format!("internal error while parsing this input (please report it): {what}"),
        )
    };
    let pieces = std::panic::catch_unwind(|| {
        ingest::decode_all(
            &input.source,
            bytes,
            input.format,
            options.max_bytes,
            &options.json_fields,
        )
    });
    let pieces = match pieces {
        Ok(p) => p,
        Err(panic) => return vec![Err(internal(panic))],
    };
    let n = pieces.len().max(1);
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
            // A record of a JSON Lines file has its share of the file's bytes as budget.
            let size = decoded.text.len().max(bytes.len() / n);
            work::start(&Budget::for_bytes(
                size,
                options.steps_per_byte,
                options.cancel.clone(),
            ));
            let input = &one;
            let caught = std::panic::catch_unwind(move || {
                // The blocks hold the text from here on: the decoded copy goes before the
                // later stages build their records (see `parse_blocks`).
                let blocks = segment::segment_page(&decoded.text, &decoded.hints);
                drop(decoded.text);
                parse_blocks(
                    input,
                    blocks,
                    piece.format,
                    &decoded.hints,
                    decoded.warnings,
                    options,
                )
            });
            let steps = work::finish();
            caught.map_err(|panic| match panic.downcast_ref::<Stop>() {
                Some(Stop::Limit { .. }) => error(
                    &one,
                    ErrorKind::Limit,
                    format!(
                        "parsing stopped after {steps} steps, above the work limit of {} steps per byte for this {size}-byte input; \
                         the page is likely machine-made (thousands of quote marks or names in one paragraph); \
                         raise `steps_per_byte` to parse it anyway",
                        options.steps_per_byte,
                    ),
                ),
                Some(Stop::Cancelled) => error(&one, ErrorKind::Cancelled, "run cancelled".into()),
                None => internal(panic),
            })
        })
        .collect()
}

/// Runs every stage on decoded text.
pub fn parse_text(
    input: &Input,
    text: &str,
    format: Format,
    hints: &ingest::Hints,
    warnings: Vec<String>,
    options: &Options,
) -> ParsedArticle {
    let blocks = segment::segment_page(text, hints);
    parse_blocks(input, blocks, format, hints, warnings, options)
}

/// Runs every stage after segmentation on a page's blocks.
fn parse_blocks(
    input: &Input,
    blocks: Vec<crate::model::Block>,
    format: Format,
    hints: &ingest::Hints,
    mut warnings: Vec<String>,
    options: &Options,
) -> ParsedArticle {
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

    /// Pseudo-random numbers for the shapes below (xorshift: no dependency, same every run).
    fn rng(seed: u64) -> impl FnMut(usize) -> usize {
        let mut x = seed | 1;
        move |n| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        }
    }

    /// A capitalised made-up word: names nobody's lexicon holds.
    fn made_up_name(next: &mut impl FnMut(usize) -> usize) -> String {
        const SYLLABLES: &[&str] = &["ka", "lo", "mi", "ran", "tes", "vo", "zu", "bel", "dor"];
        let mut s: String = (0..2 + next(2))
            .map(|_| SYLLABLES[next(SYLLABLES.len())])
            .collect();
        s[..1].make_ascii_uppercase();
        s
    }

    /// Makes one piece of a generated page from random numbers below a bound.
    type Piece<'a> = dyn Fn(&mut dyn FnMut(usize) -> usize) -> String + 'a;

    /// The adversarial shapes of issue 14, about `bytes` long: (name, format, text).
    fn shapes(bytes: usize) -> Vec<(&'static str, Format, String)> {
        let repeat = |unit: &str| {
            let mut s = String::from("Title\n\n");
            while s.len() < bytes {
                s.push_str(unit);
            }
            s
        };
        let generated = |seed: u64, f: &Piece<'_>| {
            let mut next = rng(seed);
            let mut s = String::from("Title\n\n");
            while s.len() < bytes {
                s.push_str(&f(&mut next));
            }
            s
        };
        let marks = ['"', '“', '”', '\'', '‘', '’', '«', '»', '„', ' ', 'a', '.'];
        vec![
            ("news", Format::Text, repeat("The minister told reporters on Tuesday that the talks had gone well, according to officials. “We agree,” said Wang Yi of China.\n\n")),
            ("initials", Format::Text, repeat("Mr. A. B. Smith said yes. ")),
            ("said_quote", Format::Text, repeat("Smith said \"yes\". ")),
            ("paired_curly", Format::Text, repeat("“yes” ")),
            ("paired_straight", Format::Text, repeat("\"yes\" ")),
            ("paired_single", Format::Text, repeat("‘yes’ ")),
            ("paired_guillemets", Format::Text, repeat("«yes» „ja“ ")),
            ("quote_kinds", Format::Text, repeat("‹yes› »ja« ‚ja‘ 'yes' `yes' ")),
            ("unpaired_open", Format::Text, repeat("“yes ")),
            ("unpaired_close", Format::Text, repeat("yes” ")),
            ("unpaired_marks", Format::Text, generated(1, &|n| marks[n(marks.len())].to_string())),
            ("pronoun_quotes", Format::Text, repeat("“Yes,” he said, and ")),
            ("descriptions", Format::Text, generated(3, &|n| {
                let mut n = n;
                format!(
                    "{} {} met {} Corp officials. “We agree,” the minister said. The ministry said it would.\n\n",
                    made_up_name(&mut n), made_up_name(&mut n), made_up_name(&mut n)
                )
            })),
            ("markers", Format::Text, repeat("As shown [12] the report [3] said. ")),
            ("one_line", Format::Text, repeat("word and more words, ")),
            ("one_sentence", Format::Text, repeat("word ")),
            ("one_word_lines", Format::Text, repeat("word\n")),
            ("capitalised_runs", Format::Text, repeat("Alpha Beta Gamma Delta Epsilon ")),
            ("distinct_names", Format::Text, generated(2, &|n| {
                let mut n = n;
                format!("{} {} said the {} Ministry was {}. ", made_up_name(&mut n), made_up_name(&mut n), made_up_name(&mut n), made_up_name(&mut n))
            })),
            ("nested_html", Format::Html, format!("<html><body>{}<p>Deep down, a sentence.</p></body></html>", "<div>".repeat(bytes / 5))),
            ("script", Format::Html, format!("<html><body><p>Hi.</p><script>{}</script></body></html>", "var a = \"x\"; ".repeat(bytes / 14))),
        ]
    }

    fn steps_for(format: Format, text: &str) -> u64 {
        let input = Input {
            id: "x".into(),
            source: "x".into(),
            content: Content::Text(text.to_string()),
            format: Some(format),
        };
        let (result, steps) = parse_counting(&input, &Options::default());
        assert!(result.is_ok(), "{:?}", result.err());
        steps
    }

    /// Bytes of the smaller page of each shape in the tests of linear work; `SHAPE_BYTES`
    /// raises it (`SHAPE_BYTES=600000 cargo test --release work_grows` gives the issue's
    /// 100,000-word sentence and 100,000 one-word lines).
    fn shape_bytes() -> usize {
        std::env::var("SHAPE_BYTES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(16 * 1024)
    }

    const STAGES: [&str; 5] = ["decode", "segment", "entities", "quotes", "citations"];

    /// Steps each stage takes on a page, counted apart (see `STAGES`).
    fn stage_steps(format: Format, text: &str) -> [u64; 5] {
        let unlimited = Budget {
            limit: u64::MAX,
            cancel: None,
        };
        let mut steps = [0; 5];
        work::start(&unlimited);
        let piece = ingest::decode_all(
            "x",
            text.as_bytes(),
            Some(format),
            usize::MAX,
            &ingest::JsonFields::default(),
        )
        .remove(0);
        let decoded = piece.result.expect("decodes");
        steps[0] = work::finish();
        work::start(&unlimited);
        let blocks = segment::segment_page(&decoded.text, &decoded.hints);
        steps[1] = work::finish();
        work::start(&unlimited);
        let (entities, mentions) =
            entities::extract_in(&blocks, &CustomEntities::default(), entities::Scope::Story);
        steps[2] = work::finish();
        work::start(&unlimited);
        quotes::extract(&blocks, &entities, &mentions);
        steps[3] = work::finish();
        work::start(&unlimited);
        citations::extract(&blocks, &entities, &mentions);
        steps[4] = work::finish();
        steps
    }

    /// Each stage on its own: a shape at four times the size takes each stage at most about
    /// four times the steps, so a stage that turns quadratic cannot hide behind a cheap one.
    #[test]
    fn every_stage_s_work_grows_linearly_on_adversarial_shapes() {
        let n = shape_bytes();
        for ((name, format, small), (_, _, large)) in shapes(n).into_iter().zip(shapes(4 * n)) {
            let (a, b) = (stage_steps(format, &small), stage_steps(format, &large));
            for (stage, (a, b)) in STAGES.iter().zip(a.into_iter().zip(b)) {
                assert!(
                    b <= a * 9 / 2 + 20_000,
                    "{name}, {stage}: {a} steps at {} bytes but {b} at {} bytes",
                    small.len(),
                    large.len()
                );
            }
            assert!(a.iter().sum::<u64>() > 0, "{name}: no work counted");
        }
    }

    /// The shapes make each stage work: a shape that never reached the stage it is about
    /// would pass the linear test without testing anything.
    #[test]
    fn the_shapes_reach_the_stages_they_are_about() {
        let n = 16 * 1024;
        let steps: std::collections::HashMap<&str, [u64; 5]> = shapes(n)
            .into_iter()
            .map(|(name, format, text)| (name, stage_steps(format, &text)))
            .collect();
        let quotes = |name: &str| steps[name][3];
        for name in [
            "paired_curly",
            "quote_kinds",
            "pronoun_quotes",
            "said_quote",
        ] {
            assert!(quotes(name) > 1_000, "{name}: {:?}", steps[name]);
        }
        for name in ["distinct_names", "descriptions", "capitalised_runs"] {
            assert!(steps[name][2] > 1_000, "{name}: {:?}", steps[name]);
        }
        assert!(steps["markers"][4] > 1_000, "{:?}", steps["markers"]);
    }

    /// Work, not time: every shape at four times the size takes at most about four times the
    /// steps (plus slack for the fixed cost of a page).
    #[test]
    fn work_grows_linearly_on_adversarial_shapes() {
        let n = shape_bytes();
        for ((name, format, small), (_, _, large)) in shapes(n).into_iter().zip(shapes(4 * n)) {
            let (a, b) = (steps_for(format, &small), steps_for(format, &large));
            assert!(
                b <= a * 9 / 2 + 50_000,
                "{name}: {a} steps at {} bytes but {b} at {} bytes",
                small.len(),
                large.len()
            );
            assert!(a > 0, "{name}: no work counted");
        }
    }

    #[test]
    fn an_article_over_its_work_budget_is_a_limit_error() {
        let input = Input {
            id: "x".into(),
            source: "x.txt".into(),
            content: Content::Text("Mr. A. B. Smith said “yes”. ".repeat(400)),
            format: None,
        };
        let options = Options {
            steps_per_byte: 0,
            ..Options::default()
        };
        // A base budget of zero steps per byte still parses small pages...
        assert!(parse_input(&input, &options).is_ok());
        // ...and a page that needs more than its budget becomes an error row, not a stall.
        let big = Input {
            content: Content::Text("Mr. A. B. Smith said “yes”. ".repeat(100_000)),
            ..input
        };
        let err = parse_input(&big, &options).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Limit);
        assert!(err.message.contains("steps_per_byte"), "{}", err.message);
    }

    #[test]
    fn a_cancelled_run_parses_nothing() {
        let input = Input {
            id: "x".into(),
            source: "x".into(),
            content: Content::Text("Text.".into()),
            format: None,
        };
        let options = Options {
            cancel: Some(Arc::new(AtomicBool::new(true))),
            ..Options::default()
        };
        assert_eq!(
            parse_input(&input, &options).unwrap_err().kind,
            ErrorKind::Cancelled
        );
    }

    #[test]
    fn an_oversized_file_is_refused_before_it_is_read() {
        let dir = std::env::temp_dir().join(format!("nf-size-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        std::fs::write(&path, "word ".repeat(1000)).unwrap();
        let input = Input {
            id: "big.txt".into(),
            source: path.display().to_string(),
            content: Content::Path(path.clone()),
            format: None,
        };
        let options = Options {
            max_bytes: 100,
            ..Options::default()
        };
        let err = parse_input(&input, &options).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(err.kind, ErrorKind::TooLarge);
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
