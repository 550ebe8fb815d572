//! Turns raw bytes into text the segmenter can read, or into an `InputError`.
//!
//! Bad input is normal input: compressed, UTF-16 and NUL-riddled files are decoded (and the
//! article says so in its warnings), binary junk, empty and oversized files become error
//! records, never panics. `encoding` gets from bytes to a string, `html` parses pages into
//! blocks with their markup, `structured` reads what a page states for machines (JSON-LD,
//! meta tags, microdata), `json` reads JSON objects and JSON Lines files of many articles.

pub mod encoding;
pub mod html;
pub mod json;
pub mod structured;

pub use encoding::byte_size;
pub use html::{BlockKind, MarkupBlock};
pub use json::JsonFields;

use crate::model::{ErrorKind, Format, InputError};
use chrono::NaiveDate;

/// Default ceiling on one input, large enough for any real article page.
pub const DEFAULT_MAX_BYTES: usize = 20 * 1024 * 1024;

/// Text ready for segmentation plus what the container format said about it.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    pub text: String,
    pub hints: Hints,
    pub warnings: Vec<String>,
}

/// Metadata a container states outright (HTML meta tags, JSON fields); it wins over guesses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    /// A title the caller or a JSON field states: it wins over the page.
    pub title: Option<String>,
    /// The page's `<h1>` headline: the headline as printed, when the markup says so.
    pub headline: Option<String>,
    /// The title a page declares for machines (JSON-LD `headline`, `og:title`): the page's
    /// own printed headline wins over it.
    pub meta_title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The standfirst a page declares (`description`), to recognise it among the blocks.
    pub description: Option<String>,
    /// An HTML page's blocks with their markup; empty for text.
    pub markup: Vec<MarkupBlock>,
}

/// Guesses the format from the file name first, then from the first bytes.
pub fn detect_format(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    let lower = lower
        .trim_end_matches(".gz")
        .trim_end_matches(".zst")
        .trim_end_matches(".zstd");
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    if lower.ends_with(".json")
        || lower.ends_with(".jsonl")
        || lower.ends_with(".ndjson")
        || lower.ends_with(".jsonlines")
    {
        return Format::Json;
    }
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        Format::Html
    } else {
        Format::Text
    }
}

/// One article's worth of an input: a whole file, or one record of a JSON Lines file.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Appended to the input's id and source (`:7` for line 7); empty for a whole file.
    pub suffix: String,
    pub format: Format,
    pub result: Result<Decoded, InputError>,
}

/// Decodes one input that holds one article.
pub fn decode(
    source: &str,
    bytes: &[u8],
    format: Format,
    max_bytes: usize,
) -> Result<Decoded, InputError> {
    let text = to_text(source, bytes, max_bytes)?;
    decode_text(source, text, format, &JsonFields::default())
}

/// Decodes one input into its articles: one, or one per record of a JSON Lines file or a
/// JSON array. `format` is guessed (after decompression) when `None`.
pub fn decode_all(
    source: &str,
    bytes: &[u8],
    format: Option<Format>,
    max_bytes: usize,
    fields: &JsonFields,
) -> Vec<Piece> {
    let whole = |format, result| {
        vec![Piece {
            suffix: String::new(),
            format,
            result,
        }]
    };
    let text = match to_text(source, bytes, max_bytes) {
        Ok(t) => t,
        Err(e) => return whole(format.unwrap_or(Format::Text), Err(e)),
    };
    let format = format.unwrap_or_else(|| detect_format(source, text.text.as_bytes()));
    if format != Format::Json || !json::is_multi_record(source, &text.text) {
        return whole(format, decode_text(source, text, format, fields));
    }
    json::split_records(&text.text, fields)
        .into_iter()
        .map(|record| {
            let suffix = format!(":{}", record.at);
            let named = format!("{source}{suffix}");
            let result = record
                .item
                .map_err(|m| error(&named, ErrorKind::Format, m))
                .and_then(|a| from_json_article(&named, a, text.warnings.clone()));
            Piece {
                suffix,
                format,
                result,
            }
        })
        .collect()
}

fn error(source: &str, kind: ErrorKind, message: String) -> InputError {
    InputError {
        source: source.to_string(),
        kind,
        message,
    }
}

/// Bytes to text, or the error row saying why not.
fn to_text(source: &str, bytes: &[u8], max_bytes: usize) -> Result<encoding::Text, InputError> {
    if bytes.len() > max_bytes {
        let (kind, message) = encoding::too_large(bytes.len(), max_bytes);
        return Err(error(source, kind, message));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(error(
            source,
            ErrorKind::Empty,
            "input is empty or only whitespace".into(),
        ));
    }
    encoding::decode_bytes(bytes, max_bytes).map_err(|(kind, message)| error(source, kind, message))
}

fn decode_text(
    source: &str,
    text: encoding::Text,
    format: Format,
    fields: &JsonFields,
) -> Result<Decoded, InputError> {
    let warnings = text.warnings;
    match format {
        Format::Text => finish(
            source,
            Decoded {
                text: text.text,
                hints: Hints::default(),
                warnings,
            },
        ),
        Format::Html => finish(source, html_to_text_with(&text.text, warnings)),
        Format::Json => {
            let article = json::article_from_text(&text.text, fields)
                .map_err(|m| error(source, ErrorKind::Format, m))?;
            from_json_article(source, article, warnings)
        }
    }
}

fn from_json_article(
    source: &str,
    article: json::JsonArticle,
    warnings: Vec<String>,
) -> Result<Decoded, InputError> {
    let mut decoded = if article.is_html {
        html_to_text_with(&article.text, warnings)
    } else {
        Decoded {
            text: article.text,
            hints: Hints::default(),
            warnings,
        }
    };
    // What the record's fields state wins over what its HTML says.
    let stated = article.hints;
    let hints = &mut decoded.hints;
    hints.title = stated.title.or(hints.title.take());
    hints.outlet = stated.outlet.or(hints.outlet.take());
    hints.url = stated.url.or(hints.url.take());
    hints.published = stated.published.or(hints.published);
    if !stated.authors.is_empty() {
        hints.authors = stated.authors;
    }
    finish(source, decoded)
}

fn finish(source: &str, decoded: Decoded) -> Result<Decoded, InputError> {
    if decoded.text.trim().is_empty() {
        return Err(error(
            source,
            ErrorKind::Empty,
            "input has no text once markup is removed".into(),
        ));
    }
    Ok(decoded)
}

/// Parses an HTML page into blocks (one line each in `text`) with its stated metadata.
pub fn html_to_text(html: &str) -> Decoded {
    html_to_text_with(html, Vec::new())
}

fn html_to_text_with(raw: &str, warnings: Vec<String>) -> Decoded {
    let page = html::parse(raw);
    let mut hints = page.hints;
    if hints.meta_title.is_none() {
        hints.meta_title = page.page_title;
    }
    let text = page
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    hints.markup = page.blocks;
    Decoded {
        text,
        hints,
        warnings,
    }
}

/// `2023-02-22`, `2023-02-22T10:00:00Z` and the like.
pub fn iso_date(s: &str) -> Option<NaiveDate> {
    structured::stated_date(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_limits_are_said_in_bytes() {
        let e = decode("x", b"Hello world", Format::Text, 5).unwrap_err();
        assert!(
            e.message.contains("11 bytes, above the 5 bytes limit"),
            "{}",
            e.message
        );
        assert_eq!(byte_size(20_971_520), "21.0 MB");
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let d = decode("x", b"Hello \xff world", Format::Text, DEFAULT_MAX_BYTES).unwrap();
        assert!(d.text.contains("Hello"));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn binary_input_is_a_format_error() {
        let e = decode("x", &[0u8, 1, 2, 3, 0, 0], Format::Text, DEFAULT_MAX_BYTES).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Format);
    }

    #[test]
    fn empty_input_is_an_empty_error() {
        let e = decode("x", b"  \n\n ", Format::Text, DEFAULT_MAX_BYTES).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Empty);
    }

    #[test]
    fn oversized_input_is_too_large() {
        let e = decode("x", &[b'a'; 100], Format::Text, 10).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn html_keeps_blocks_and_meta() {
        let html = r#"<html><head><title>A &amp; B</title><meta property="og:site_name" content="The Daily"><meta property="article:published_time" content="2023-02-22T10:00Z"></head>
        <body><script>var x = "<p>no</p>";</script><p>First <b>para</b>.</p><div>Second&nbsp;one&#8217;s</div></body></html>"#;
        let d = decode("x.html", html.as_bytes(), Format::Html, DEFAULT_MAX_BYTES).unwrap();
        let lines: Vec<&str> = d.text.split("\n\n").collect();
        assert_eq!(lines, vec!["First para.", "Second one’s"]);
        assert_eq!(d.hints.meta_title.as_deref(), Some("A & B"));
        assert_eq!(d.hints.outlet.as_deref(), Some("The Daily"));
        assert_eq!(d.hints.published, NaiveDate::from_ymd_opt(2023, 2, 22));
    }

    #[test]
    fn a_script_ends_at_its_own_closing_tag() {
        let html = r#"<p>Before.</p><script>x("<style>a{}</style>", "<p>code</p>")</script><p>After.</p><!-- <p>gone</p> --><p>End.</p><style>"#;
        let kept = html_to_text(html).text;
        assert!(kept.contains("Before.") && kept.contains("After.") && kept.contains("End."));
        assert!(!kept.contains("code") && !kept.contains("gone"), "{kept}");
        assert!(html_to_text("<scripting>ok</scripting>")
            .text
            .contains("ok"));
    }

    #[test]
    fn jsonl_gives_one_article_per_line_and_an_error_per_bad_line() {
        let raw = "{\"text\": \"One.\"}\n{broken\n{\"maintext\": \"Two.\", \"title\": \"T\"}\n";
        let pieces = decode_all(
            "a.jsonl",
            raw.as_bytes(),
            None,
            DEFAULT_MAX_BYTES,
            &JsonFields::default(),
        );
        let suffixes: Vec<&str> = pieces.iter().map(|p| p.suffix.as_str()).collect();
        assert_eq!(suffixes, vec![":1", ":2", ":3"]);
        let bad = pieces[1].result.as_ref().unwrap_err();
        assert_eq!(bad.source, "a.jsonl:2");
        assert_eq!(bad.kind, ErrorKind::Format);
        let two = pieces[2].result.as_ref().unwrap();
        assert_eq!(
            (two.text.as_str(), two.hints.title.as_deref()),
            ("Two.", Some("T"))
        );
    }

    #[test]
    fn gzipped_html_is_detected_after_decompression() {
        use std::io::Write;
        let html = "<!doctype html><html><body><h1>Ministers meet</h1><p>Body text here.</p></body></html>";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(html.as_bytes()).unwrap();
        let bytes = gz.finish().unwrap();
        let pieces = decode_all(
            "page.html.gz",
            &bytes,
            None,
            DEFAULT_MAX_BYTES,
            &JsonFields::default(),
        );
        assert_eq!(pieces[0].format, Format::Html);
        let d = pieces[0].result.as_ref().unwrap();
        assert_eq!(d.hints.headline.as_deref(), Some("Ministers meet"));
        assert!(d.warnings.iter().any(|w| w.contains("gzip")));
    }

    #[test]
    fn the_first_h1_is_the_headline_and_og_title_a_fallback() {
        let html = r#"<html><head><title>SEO Title Here | Site</title><meta property="og:title" content="SEO Title Here"></head><body><h1>The <em>quantum</em> phantom</h1><p>Body.</p></body></html>"#;
        let d = html_to_text(html);
        assert_eq!(d.hints.headline.as_deref(), Some("The quantum phantom"));
        assert_eq!(d.hints.meta_title.as_deref(), Some("SEO Title Here"));
        assert_eq!(d.hints.title, None);
    }

    #[test]
    fn json_object_gives_text_and_fields() {
        let raw = r#"{"title": "T", "text": "Body text.", "authors": ["A B"], "published": "2024-01-02"}"#;
        let d = decode("x.json", raw.as_bytes(), Format::Json, DEFAULT_MAX_BYTES).unwrap();
        assert_eq!(d.text, "Body text.");
        assert_eq!(d.hints.title.as_deref(), Some("T"));
        assert_eq!(d.hints.authors, vec!["A B"]);
    }

    #[test]
    fn json_without_text_is_a_format_error() {
        let e = decode("x.json", br#"{"a": 1}"#, Format::Json, DEFAULT_MAX_BYTES).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Format);
    }
}
