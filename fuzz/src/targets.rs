//! What each fuzz target does with one input, and the invariants it checks.
//!
//! The fuzz binaries in `fuzz/fuzz_targets/` are one line each, calling a function here; the
//! root crate's `tests/fuzz_findings.rs` includes this same file and replays the inputs kept
//! in `tests/fuzz_findings/<target>/` through the same function, so a finding stays a test
//! under plain `cargo test` (stable, no sanitizer) once the fuzzer is gone.
//!
//! A panic anywhere is a failure: that is what the fuzzer looks for. Beyond panics the checks
//! are the promises downstream code relies on and would otherwise hide: every span lies in
//! its block on character boundaries (`frames` clamps bad offsets silently, so a wrong span
//! would surface as a wrong highlight, never as a crash), every entity index points at an
//! entity, and an input is either an article with text or an error, never neither.

use newsframe::corpus;
use newsframe::entities::{self, CustomEntities};
use newsframe::frames;
use newsframe::ingest::{self, DEFAULT_MAX_BYTES};
use newsframe::model::{Block, Format, Span};
use newsframe::pipeline::{self, Content, Input, Options};
use newsframe::{citations, quotes, segment};

/// One fuzz target: it runs one input and panics on a finding.
pub type Target = fn(&[u8]);

/// The fuzz targets by name, as `cargo fuzz run NAME` and `tests/fuzz_findings/NAME/` know them.
pub const TARGETS: &[(&str, Target)] = &[
    ("decode", decode),
    ("html", html),
    ("json", json),
    ("segment", segment),
    ("quotes", quotes),
    ("citations", citations),
    ("parse_text", parse_text),
];

/// Bytes in: the format sniffed as the pipeline does, and plain text, through `ingest::decode`.
pub fn decode(data: &[u8]) {
    let sniffed = ingest::detect_format("fuzz-input", data);
    for format in [sniffed, Format::Text] {
        if let Ok(d) = ingest::decode("fuzz-input", data, format, DEFAULT_MAX_BYTES) {
            assert!(
                !d.text.trim().is_empty(),
                "decode returned an article with no text for {format:?}"
            );
        }
    }
    // A limit below the input's size must refuse it, whatever the bytes are.
    if !data.is_empty() {
        assert!(ingest::decode("fuzz-input", data, Format::Text, data.len() - 1).is_err());
    }
    // Every input yields at least one piece: an article, or an error saying why not.
    for format in [None, Some(Format::Json)] {
        let pieces = ingest::decode_all(
            "fuzz-input",
            data,
            format,
            DEFAULT_MAX_BYTES,
            &ingest::JsonFields::default(),
        );
        assert!(
            !pieces.is_empty(),
            "decode_all dropped the input ({format:?})"
        );
    }
}

/// HTML flattening, on the page as text and through `decode` as a page's bytes.
pub fn html(data: &[u8]) {
    let page = String::from_utf8_lossy(data);
    let flat = ingest::html_to_text(&page);
    // Blocks are separated by blank lines and collapsed, so no block is empty.
    assert!(
        flat.text.is_empty() || flat.text.split("\n\n").all(|l| !l.trim().is_empty()),
        "html_to_text produced an empty block"
    );
    let _ = ingest::decode("fuzz-input.html", data, Format::Html, DEFAULT_MAX_BYTES);
}

/// JSON articles: the bytes as a JSON document, and the bytes as the `text` of a JSON object
/// carrying every metadata field the reader looks at (so fuzzing reaches past the parser).
pub fn json(data: &[u8]) {
    let _ = ingest::decode("fuzz-input.json", data, Format::Json, DEFAULT_MAX_BYTES);
    let text = String::from_utf8_lossy(data);
    let first_line = text.lines().next().unwrap_or_default();
    let wrapped = serde_json::json!({
        "text": text,
        "title": first_line,
        "outlet": first_line,
        "url": first_line,
        "date": first_line,
        "authors": text.lines().take(3).collect::<Vec<_>>(),
    });
    let bytes = wrapped.to_string().into_bytes();
    match ingest::decode("fuzz-input.json", &bytes, Format::Json, DEFAULT_MAX_BYTES) {
        Ok(d) => assert_eq!(d.hints.title.as_deref(), Some(first_line)),
        // The object is well formed, so only its text may be refused: blank, markup with no
        // text, or mostly U+FFFD (lossily decoded junk reads as binary, by design).
        Err(e) => assert!(
            text.trim().is_empty()
                || text.trim_start().starts_with('<')
                || e.message.contains("looks binary"),
            "a well-formed JSON article was refused: {}",
            e.message
        ),
    }
}

/// Segmentation and sentence splitting.
pub fn segment(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    // An odd first byte also tries the first line as a known headline, as HTML's `<h1>` does.
    let headline = (data.first().is_some_and(|b| b % 2 == 1))
        .then(|| text.lines().next().unwrap_or_default().to_string());
    let blocks = segment::segment_under(&text, headline.as_deref());
    for block in &blocks {
        let mut last_end = 0;
        for s in segment::sentences::split_sentences(&block.text) {
            assert!(
                s.start >= last_end && s.start <= s.end && s.end <= block.text.len(),
                "sentence {s:?} out of order or out of bounds (previous ended at {last_end}) in {:?}",
                block.text
            );
            assert!(
                block.text.is_char_boundary(s.start) && block.text.is_char_boundary(s.end),
                "sentence {s:?} cuts a character in {:?}",
                block.text
            );
            last_end = s.end;
        }
    }
}

/// Quotes over segmented blocks and their entities.
pub fn quotes(data: &[u8]) {
    let blocks = segment::segment(&String::from_utf8_lossy(data));
    let (entities, mentions) = entities::extract(&blocks, &CustomEntities::default());
    check_mentions(&blocks, &entities, &mentions);
    for q in quotes::extract(&blocks, &entities, &mentions) {
        check_quote(&blocks, &q);
        if let Some(e) = q.speaker_entity {
            assert!(e < entities.len(), "speaker entity {e} out of range: {q:?}");
        }
    }
}

/// Citations over segmented blocks and their entities.
pub fn citations(data: &[u8]) {
    let blocks = segment::segment(&String::from_utf8_lossy(data));
    let (entities, mentions) = entities::extract(&blocks, &CustomEntities::default());
    for c in citations::extract(&blocks, &entities, &mentions) {
        check_span(&blocks, &c.span, "citation");
        if let Some(e) = c.source_entity {
            assert!(e < entities.len(), "source entity {e} out of range: {c:?}");
        }
        assert!(
            c.cited_in.iter().all(|&b| (b as usize) < blocks.len()),
            "cited_in names a block that does not exist: {c:?}"
        );
    }
}

/// The whole pipeline on one input (JSON when it opens like JSON), then corpus linking and
/// every frame.
pub fn parse_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let format = if text.trim_start().starts_with(['{', '[']) {
        Format::Json
    } else {
        ingest::detect_format("fuzz-input", data)
    };
    let input = Input {
        id: "fuzz".into(),
        source: "fuzz-input".into(),
        content: Content::Text(text),
        format: Some(format),
    };
    // One input is one article or error, or one per record of a JSON array or JSON Lines.
    let results = pipeline::parse_input_records(&input, &Options::default());
    assert!(!results.is_empty(), "input not accounted for");
    let (mut articles, mut errors) = (Vec::new(), Vec::new());
    for result in results {
        match result {
            Ok(article) => {
                check_mentions(&article.blocks, &article.entities, &article.mentions);
                for q in &article.quotes {
                    check_quote(&article.blocks, q);
                }
                for c in &article.citations {
                    check_span(&article.blocks, &c.span, "citation");
                }
                articles.push(article);
            }
            Err(e) => {
                // `parse_input_records` turns a panic into an error; the fuzzer's panic hook
                // aborts first, but a replayed finding must fail here too.
                assert!(
                    !e.message.contains("internal error"),
                    "a stage panicked: {}",
                    e.message
                );
                errors.push(e);
            }
        }
    }
    let links = corpus::link(&articles);
    let built = frames::build(&articles, &errors, &links).expect("frames build");
    assert_eq!(
        built[0].num_rows() + built[5].num_rows(),
        articles.len() + errors.len(),
        "a parsed record is missing from the frames"
    );
}

fn check_mentions(
    blocks: &[Block],
    entities: &[newsframe::model::Entity],
    mentions: &[newsframe::model::Mention],
) {
    for m in mentions {
        check_span(blocks, &m.span, "mention");
        // The entities frame promises `paragraphs.text[start:end] == text`.
        let written = &blocks[m.span.block].text[m.span.start..m.span.end];
        assert_eq!(written, m.text, "mention text differs from its span: {m:?}");
        assert!(
            m.entity < entities.len(),
            "mention points at entity {} of {}: {m:?}",
            m.entity,
            entities.len()
        );
    }
}

/// A quote's spans lie in their blocks in reading order; a quote inside one paragraph is
/// exactly the text between its spans, as the quotes frame's offsets promise.
fn check_quote(blocks: &[Block], q: &newsframe::model::Quote) {
    check_span(blocks, &q.start, "quote start");
    check_span(blocks, &q.end, "quote end");
    assert!(
        (q.start.block, q.start.start) <= (q.end.block, q.end.end),
        "quote ends before it starts: {q:?}"
    );
    if q.start.block == q.end.block {
        let written = &blocks[q.start.block].text[q.start.start..q.end.end];
        assert_eq!(written, q.text, "quote text differs from its span: {q:?}");
    }
}

fn check_span(blocks: &[Block], span: &Span, what: &str) {
    let text = &blocks
        .get(span.block)
        .unwrap_or_else(|| panic!("{what} span {span:?} names a block that does not exist"))
        .text;
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} out of bounds of {text:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} cuts a character in {text:?}"
    );
}
