//! Turns raw bytes into text the segmenter can read, or into an `InputError`.
//!
//! Bad input is normal input: invalid UTF-8 is decoded lossily (and the article says so),
//! binary junk, empty and oversized files become error records, never panics. HTML is
//! flattened to one line per block with its `<title>` and meta tags kept as hints; JSON
//! objects give their text field plus whatever metadata they carry.

use crate::model::{ErrorKind, Format, InputError};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// A title the caller or a JSON field states: it wins over the page.
    pub title: Option<String>,
    /// The page's first `<h1>`: the headline as printed, when the markup says so.
    pub headline: Option<String>,
    /// The title a page declares for sharing (`og:title`): often the SEO variant with the
    /// site's name, so the page's own headline wins over it.
    pub meta_title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// Guesses the format from the file name first, then from the first bytes.
pub fn detect_format(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    if lower.ends_with(".json") {
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

/// A size as a person reads it: bytes below a megabyte ("1000 bytes"), else "20.0 MB".
pub fn byte_size(n: usize) -> String {
    if n < 1_000_000 {
        format!("{n} bytes")
    } else {
        format!("{:.1} MB", n as f64 / 1e6)
    }
}

/// Decodes one input. `source` only names the input in messages.
pub fn decode(
    source: &str,
    bytes: &[u8],
    format: Format,
    max_bytes: usize,
) -> Result<Decoded, InputError> {
    let err = |kind, message: String| InputError {
        source: source.to_string(),
        kind,
        message,
    };
    if bytes.len() > max_bytes {
        return Err(err(
            ErrorKind::TooLarge,
            format!(
                "input is {}, above the {} limit for one article; split it or raise `max_bytes`",
                byte_size(bytes.len()),
                byte_size(max_bytes)
            ),
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(err(
            ErrorKind::Empty,
            "input is empty or only whitespace".into(),
        ));
    }
    if looks_binary(bytes) {
        return Err(err(
            ErrorKind::Format,
            "input looks binary (NUL or control bytes), not text, HTML or JSON".into(),
        ));
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let replaced = lossy.matches('\u{fffd}').count();
            warnings.push(format!(
                "invalid UTF-8: {replaced} undecodable byte sequence(s) replaced with U+FFFD"
            ));
            lossy
        }
    };
    let text = text.trim_start_matches('\u{feff}').to_string();
    let mut decoded = match format {
        Format::Text => Decoded {
            text,
            ..Default::default()
        },
        Format::Html => html_to_text(&text),
        Format::Json => json_article(&text).map_err(|m| err(ErrorKind::Format, m))?,
    };
    decoded.warnings.splice(0..0, warnings);
    if decoded.text.trim().is_empty() {
        return Err(err(
            ErrorKind::Empty,
            "input has no text once markup is removed".into(),
        ));
    }
    Ok(decoded)
}

/// NUL bytes or many C0 control bytes in the first 8 KiB mean this is not a text document.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len()
}

/// Elements whose content is never text a reader sees.
const RAW_ELEMENTS: &[&str] = &["script", "style", "noscript", "svg", "template", "iframe"];

/// Cuts out raw-text elements and comments, each up to *its own* closing tag.
///
/// A script's strings often hold other markup (`"<style>…</style>"`), so the element ends
/// only at the closing tag of the same name; the regex crate has no backreferences, hence
/// a scan. Linear: every search resumes where the last one stopped. An element left open
/// runs to the end of the page, as browsers treat it.
fn drop_raw_elements(html: &str) -> String {
    let lower = html.to_ascii_lowercase(); // same byte offsets as `html`
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    while let Some(rel) = lower[pos..].find('<') {
        let lt = pos + rel;
        let rest = &lower[lt + 1..];
        let (close, skip) = if rest.starts_with("!--") {
            ("-->".to_string(), 4)
        } else if let Some(tag) = RAW_ELEMENTS.iter().find(|t| {
            rest.starts_with(*t)
                && rest[t.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
        }) {
            (format!("</{tag}"), tag.len() + 1)
        } else {
            out.push_str(&html[pos..=lt]);
            pos = lt + 1;
            continue;
        };
        out.push_str(&html[pos..lt]);
        out.push('\n');
        let from = lt + skip;
        let after_close = lower[from..].find(&close).map(|c| from + c + close.len());
        pos = match after_close {
            // A closing tag runs to its `>` (`</script >`); a comment ends at `-->`.
            Some(after) if close != "-->" => lower[after..]
                .find('>')
                .map_or(html.len(), |g| after + g + 1),
            Some(after) => after,
            None => html.len(),
        };
    }
    out.push_str(&html[pos..]);
    out
}
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<title\b[^>]*>(.*?)</title\s*>").unwrap());
static H1: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<h1\b[^>]*>(.*?)</h1\s*>").unwrap());
static HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<head\b[^>]*>.*?</head\s*>").unwrap());
static META: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<meta\b[^>]*>").unwrap());
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)([a-z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#).unwrap()
});
static BLOCK_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|figure|figcaption|blockquote|aside|nav|main|hr|pre|dd|dt|dl|form|address|time)\b[^>]*>").unwrap()
});
static ANY_TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").unwrap());
static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").unwrap());

/// Flattens HTML: one line per block element, inline markup dropped, entities decoded.
pub fn html_to_text(html: &str) -> Decoded {
    let mut hints = Hints::default();
    for m in META.find_iter(html) {
        let mut key = String::new();
        let mut content = String::new();
        for a in ATTR.captures_iter(m.as_str()) {
            let name = a[1].to_ascii_lowercase();
            let value = a
                .get(2)
                .or(a.get(3))
                .or(a.get(4))
                .map_or("", |v| v.as_str());
            match name.as_str() {
                "property" | "name" | "itemprop" => key = value.to_ascii_lowercase(),
                "content" => content = decode_entities(value).trim().to_string(),
                _ => {}
            }
        }
        if content.is_empty() {
            continue;
        }
        match key.as_str() {
            "og:title" | "twitter:title" if hints.meta_title.is_none() => {
                hints.meta_title = Some(content)
            }
            "og:site_name" | "application-name" if hints.outlet.is_none() => {
                hints.outlet = Some(content)
            }
            "author" | "article:author" | "sailthru.author" | "byl" => {
                let name = content.trim_start_matches("By ").trim_start_matches("by ");
                if !name.contains("://") && !hints.authors.iter().any(|a| a == name) {
                    hints.authors.push(name.to_string());
                }
            }
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "dc.date"
            | "dc.date.issued"
            | "sailthru.date"
            | "parsely-pub-date"
                if hints.published.is_none() =>
            {
                hints.published = iso_date(&content)
            }
            "og:url" if hints.url.is_none() => hints.url = Some(content),
            _ => {}
        }
    }
    let title = TITLE
        .captures(html)
        .map(|c| collapse_ws(&decode_entities(&ANY_TAG.replace_all(&c[1], ""))));
    let body = drop_raw_elements(html);
    hints.headline = H1.captures_iter(&body).find_map(|c| {
        // Tags vanish as in the body text, so the headline equals its block there.
        let t = collapse_ws(&decode_entities(&ANY_TAG.replace_all(&c[1], "")));
        (t.split_whitespace().count() >= 2).then_some(t)
    });
    let body = HEAD.replace_all(&body, "\n");
    let body = BLOCK_TAG.replace_all(&body, "\n");
    let body = ANY_TAG.replace_all(&body, "");
    let mut lines: Vec<String> = Vec::new();
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        lines.push(t);
    }
    for line in decode_entities(&body).lines() {
        let line = collapse_ws(line);
        if !line.is_empty() {
            lines.push(line);
        }
    }
    Decoded {
        text: lines.join("\n\n"),
        hints,
        warnings: Vec::new(),
    }
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes numeric entities and the named ones news pages actually use.
pub fn decode_entities(s: &str) -> String {
    ENTITY
        .replace_all(s, |c: &regex::Captures| {
            let name = &c[1];
            let ch = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            ch.map_or_else(|| c[0].to_string(), |ch| ch.to_string())
        })
        .into_owned()
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "laquo" => '«',
        "raquo" => '»',
        "bdquo" => '„',
        "sbquo" => '‚',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "szlig" => 'ß',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        _ => return None,
    })
}

/// `2023-02-22`, `2023-02-22T10:00:00Z` and the like.
pub fn iso_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// Reads one JSON object: text from `text`/`body`/`content`/`article`, metadata from the usual keys.
fn json_article(raw: &str) -> Result<Decoded, String> {
    let value: serde_json::Value = serde_json::from_str(raw)
        .map_err(|e| format!("not valid JSON ({e}); expected one object with a `text` field"))?;
    let obj = value
        .as_object()
        .ok_or("JSON input must be one object with a `text` field")?;
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| obj.get(*k).and_then(|v| v.as_str()))
            .map(str::to_string)
    };
    let text = get(&["text", "body", "content", "article", "maintext"])
        .ok_or("JSON object has no `text`, `body` or `content` string field holding the article")?;
    let is_html = text.trim_start().starts_with('<');
    let mut decoded = if is_html {
        html_to_text(&text)
    } else {
        Decoded {
            text,
            ..Default::default()
        }
    };
    let hints = &mut decoded.hints;
    if let Some(t) = get(&["title", "headline"]) {
        hints.title = Some(t);
    }
    if let Some(o) = get(&["outlet", "site_name", "publisher", "source_domain"]) {
        hints.outlet = Some(o);
    }
    if let Some(u) = get(&["url", "link"]) {
        hints.url = Some(u);
    }
    if let Some(d) = get(&[
        "published",
        "date",
        "date_publish",
        "published_at",
        "pubdate",
    ]) {
        hints.published = iso_date(&d);
    }
    match obj.get("authors").or(obj.get("author")) {
        Some(serde_json::Value::String(s)) => hints.authors = vec![s.clone()],
        Some(serde_json::Value::Array(a)) => {
            hints.authors = a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        }
        _ => {}
    }
    Ok(decoded)
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
        assert_eq!(lines, vec!["A & B", "First para.", "Second one’s"]);
        assert_eq!(d.hints.outlet.as_deref(), Some("The Daily"));
        assert_eq!(d.hints.published, NaiveDate::from_ymd_opt(2023, 2, 22));
    }

    #[test]
    fn a_script_ends_at_its_own_closing_tag() {
        let html = r#"<p>Before.</p><script>x("<style>a{}</style>", "<p>code</p>")</script><p>After.</p><!-- <p>gone</p> --><p>End.</p><style>"#;
        let kept = drop_raw_elements(html);
        assert!(kept.contains("Before.") && kept.contains("After.") && kept.contains("End."));
        assert!(!kept.contains("code") && !kept.contains("gone"), "{kept}");
        assert_eq!(
            drop_raw_elements("<scripting>ok</scripting>"),
            "<scripting>ok</scripting>"
        );
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
