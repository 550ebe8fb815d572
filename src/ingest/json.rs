//! JSON articles: one object per file, an array of objects, or JSON Lines (one per line).
//!
//! Scrapers and corpora export articles as JSON with their own field names: news-please and
//! CC-News write `maintext`, `title`, `authors`, `date_publish`, `url`, `source_domain`;
//! others `text`, `content`, `body`, `headline`, `published_at`. `JsonFields` lists, per field,
//! the names tried in order; the caller can put their own first. A bad line of a JSON Lines
//! file is one error naming its line, never the loss of the file.

use super::Hints;
use serde_json::{Map, Value};

/// Field names tried, in order, for each part of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonFields {
    pub text: Vec<String>,
    pub title: Vec<String>,
    pub authors: Vec<String>,
    pub published: Vec<String>,
    pub url: Vec<String>,
    pub outlet: Vec<String>,
    pub id: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for JsonFields {
    fn default() -> Self {
        JsonFields {
            text: names(&[
                "maintext",
                "text",
                "content",
                "body",
                "article",
                "articleBody",
                "html",
            ]),
            title: names(&["title", "headline"]),
            authors: names(&["authors", "author", "byline", "creator"]),
            published: names(&[
                "date_publish",
                "published",
                "date",
                "published_at",
                "publish_date",
                "pubdate",
                "datePublished",
                "date_published",
            ]),
            url: names(&["url", "link", "canonical_url"]),
            outlet: names(&[
                "outlet",
                "site_name",
                "publisher",
                "source_domain",
                "source",
                "domain",
            ]),
            id: names(&["id", "_id", "article_id", "uuid"]),
        }
    }
}

/// One article read from a JSON object: its text, whether that text is HTML, and its fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonArticle {
    pub text: String,
    pub is_html: bool,
    pub hints: Hints,
    /// The record's own id field, when it has one.
    pub id: Option<String>,
}

/// Reads one JSON object as an article.
pub fn article_from_object(
    obj: &Map<String, Value>,
    fields: &JsonFields,
) -> Result<JsonArticle, String> {
    let get = |keys: &[String]| {
        keys.iter().find_map(|k| match obj.get(k.as_str()) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(Value::Object(o)) => o.get("name").and_then(Value::as_str).map(str::to_string),
            _ => None,
        })
    };
    let text = get(&fields.text).ok_or_else(|| {
        format!(
            "JSON object has no text field: looked for {}; name yours with `json_fields`",
            fields.text.join(", ")
        )
    })?;
    let is_html = text.trim_start().starts_with('<');
    let mut hints = Hints {
        title: get(&fields.title),
        outlet: get(&fields.outlet),
        url: get(&fields.url),
        published: get(&fields.published).and_then(|d| super::structured::stated_date(&d)),
        ..Default::default()
    };
    hints.authors = fields
        .authors
        .iter()
        .find_map(|k| match obj.get(k.as_str()) {
            Some(Value::String(s)) => Some(super::structured::split_names(s)),
            Some(Value::Array(a)) => Some(
                a.iter()
                    .filter_map(|v| match v {
                        Value::String(s) => Some(s.trim().to_string()),
                        Value::Object(o) => {
                            o.get("name").and_then(Value::as_str).map(str::to_string)
                        }
                        _ => None,
                    })
                    .filter(|s| !s.is_empty())
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default();
    Ok(JsonArticle {
        text,
        is_html,
        hints,
        id: get(&fields.id),
    })
}

/// One record of a multi-article file: where it stands and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// 1-based line number (JSON Lines) or 0-based index (a JSON array).
    pub at: usize,
    pub item: Result<JsonArticle, String>,
}

/// Whether a file holds several articles: JSON Lines by name, or a JSON array of objects.
pub fn is_multi_record(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let lower = lower
        .trim_end_matches(".gz")
        .trim_end_matches(".zst")
        .trim_end_matches(".zstd");
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".jsonlines") || {
        let t = text.trim_start();
        t.starts_with('[') && t[1..].trim_start().starts_with('{')
    }
}

/// Splits a JSON Lines text (or a JSON array) into records; blank lines are skipped.
pub fn split_records(text: &str, fields: &JsonFields) -> Vec<Record> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        if let Ok(Value::Array(items)) = serde_json::from_str::<Value>(trimmed) {
            return items
                .iter()
                .enumerate()
                .map(|(i, v)| Record {
                    at: i,
                    item: object_article(v, fields),
                })
                .collect();
        }
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| Record {
            at: i + 1,
            item: serde_json::from_str::<Value>(line)
                .map_err(|e| format!("not valid JSON ({e})"))
                .and_then(|v| object_article(&v, fields)),
        })
        .collect()
}

/// Reads one standalone JSON document as an article.
pub fn article_from_text(raw: &str, fields: &JsonFields) -> Result<JsonArticle, String> {
    let value: Value = serde_json::from_str(raw)
        .map_err(|e| format!("not valid JSON ({e}); expected one object with a `text` field"))?;
    object_article(&value, fields)
}

fn object_article(v: &Value, fields: &JsonFields) -> Result<JsonArticle, String> {
    let obj = v
        .as_object()
        .ok_or("expected a JSON object holding one article, with a `text` field")?;
    article_from_object(obj, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_fields() {
        let raw = r#"{"maintext": "Body.", "title": "T", "authors": ["A B", "C D"], "date_publish": "2023-02-22 10:00:00", "url": "https://x.example/a", "source_domain": "x.example"}"#;
        let a = article_from_text(raw, &JsonFields::default()).unwrap();
        assert_eq!(a.text, "Body.");
        assert_eq!(a.hints.title.as_deref(), Some("T"));
        assert_eq!(a.hints.authors, vec!["A B", "C D"]);
        assert_eq!(
            a.hints.published,
            chrono::NaiveDate::from_ymd_opt(2023, 2, 22)
        );
        assert_eq!(a.hints.outlet.as_deref(), Some("x.example"));
    }

    #[test]
    fn the_callers_field_names_come_first() {
        let mut f = JsonFields::default();
        f.text.insert(0, "story".into());
        let a = article_from_text(r#"{"story": "Mine.", "text": "Not."}"#, &f).unwrap();
        assert_eq!(a.text, "Mine.");
    }

    #[test]
    fn bad_lines_are_errors_with_their_line_numbers() {
        let text = "{\"text\": \"One.\"}\n\nnot json\n{\"title\": \"no text\"}\n[1]\n{\"text\": \"Two.\"}\n";
        let r = split_records(text, &JsonFields::default());
        let at: Vec<(usize, bool)> = r.iter().map(|r| (r.at, r.item.is_ok())).collect();
        assert_eq!(
            at,
            vec![(1, true), (3, false), (4, false), (5, false), (6, true)]
        );
    }

    #[test]
    fn a_json_array_is_several_articles() {
        let text = r#"[{"text": "One."}, {"text": "Two."}]"#;
        assert!(is_multi_record("x.json", text));
        assert_eq!(split_records(text, &JsonFields::default()).len(), 2);
        assert!(is_multi_record("dump.jsonl.gz", ""));
        assert!(!is_multi_record("x.json", r#"{"text": "One."}"#));
    }
}
