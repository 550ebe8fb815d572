//! Metadata a page states for machines: JSON-LD, OpenGraph / `article:*` / Dublin Core meta
//! tags, microdata and `<time datetime>`.
//!
//! Publishers write these for search engines and social cards, so they are more reliable than
//! anything read off the visible text: a JSON-LD `NewsArticle` names its authors as `Person`
//! objects, where a byline line mixes names with "and", job titles and dates. Each source fills
//! only what the ones before it left empty, in the order JSON-LD, meta tags, microdata, `<time>`.

use super::Hints;
use chrono::NaiveDate;
use serde_json::Value;

/// `@type`s that describe the page's own story (schema.org's Article and its news subtypes).
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "scholarlyarticle",
    "techarticle",
    "webpage",
];

/// What the page's structured data says about its story; empty fields were not stated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<NaiveDate>,
    pub publisher: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
}

impl Stated {
    /// Fills what is still empty from `other`.
    pub fn or(&mut self, other: Stated) {
        if self.headline.is_none() {
            self.headline = other.headline;
        }
        // A template's empty author (", USA TODAY" for "Jane Doe, USA TODAY") names only the
        // outlet: the next source may name the person.
        let lex = crate::lexicon::get();
        if !self.authors.iter().any(|a| lex.outlet(a.trim()).is_none()) {
            self.authors = other.authors;
        }
        if self.published.is_none() {
            self.published = other.published;
        }
        if self.publisher.is_none() {
            self.publisher = other.publisher;
        }
        if self.description.is_none() {
            self.description = other.description;
        }
        if self.url.is_none() {
            self.url = other.url;
        }
    }

    /// Writes into the hints the container passes on, keeping what they already hold.
    pub fn into_hints(self, hints: &mut Hints) {
        if hints.meta_title.is_none() {
            hints.meta_title = self.headline;
        }
        if hints.authors.is_empty() {
            hints.authors = self.authors;
        }
        if hints.published.is_none() {
            hints.published = self.published;
        }
        if hints.outlet.is_none() {
            hints.outlet = self.publisher;
        }
        if hints.description.is_none() {
            hints.description = self.description;
        }
        if hints.url.is_none() {
            hints.url = self.url;
        }
    }
}

/// Reads every JSON-LD block of a page; the first article-typed object found wins, field by field.
///
/// Blocks may hold one object, a list, or a `@graph` whose authors are `{"@id": ...}`
/// references to `Person` nodes elsewhere in the graph; all three are followed. Invalid JSON
/// (a CMS template left half-filled) is skipped, never an error.
pub fn from_json_ld(scripts: &[String]) -> Stated {
    let values: Vec<Value> = scripts
        .iter()
        .filter_map(|s| serde_json::from_str(s.trim().trim_end_matches(';')).ok())
        .collect();
    let mut nodes: Vec<&Value> = Vec::new();
    for v in &values {
        collect_nodes(v, &mut nodes, 0);
    }
    let by_id = |id: &str| {
        nodes
            .iter()
            .find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.get("@type").is_some())
            .copied()
    };
    let mut stated = Stated::default();
    // Specific news types before the generic `WebPage`, which often wraps the article.
    let mut articles: Vec<&Value> = nodes
        .iter()
        .copied()
        .filter(|n| has_type(n, ARTICLE_TYPES))
        .collect();
    articles.sort_by_key(|n| has_type(n, &["webpage"]) && !has_type(n, &ARTICLE_TYPES[..14]));
    for node in articles {
        stated.or(read_article(node, &by_id));
    }
    stated
}

/// Every object in a JSON-LD value: the value itself, list items, `@graph` members and
/// `mainEntity` objects. Depth-bounded, since JSON-LD is caller data.
fn collect_nodes<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_nodes(i, out, depth + 1)),
        Value::Object(obj) => {
            out.push(v);
            for key in [
                "@graph",
                "mainEntity",
                "mainEntityOfPage",
                "itemListElement",
            ] {
                if let Some(inner) = obj.get(key) {
                    collect_nodes(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn has_type(node: &Value, types: &[&str]) -> bool {
    let matches = |t: &Value| {
        t.as_str()
            .is_some_and(|s| types.contains(&s.to_ascii_lowercase().as_str()))
    };
    match node.get("@type") {
        Some(Value::Array(ts)) => ts.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

fn read_article<'a>(node: &'a Value, by_id: &dyn Fn(&str) -> Option<&'a Value>) -> Stated {
    let text = |key: &str| node.get(key).and_then(plain_text);
    Stated {
        headline: text("headline").or_else(|| text("name")),
        authors: node
            .get("author")
            .or_else(|| node.get("creator"))
            .map(|a| person_names(a, by_id))
            .unwrap_or_default(),
        published: text("datePublished")
            .or_else(|| text("dateCreated"))
            .and_then(|d| stated_date(&d)),
        publisher: node.get("publisher").and_then(|p| {
            let p = resolve(p, by_id);
            p.get("name").and_then(plain_text).or_else(|| plain_text(p))
        }),
        description: text("description"),
        url: text("url"),
    }
}

/// Follows a `{"@id": ...}` reference to the node it names, when the graph holds it.
fn resolve<'a>(v: &'a Value, by_id: &dyn Fn(&str) -> Option<&'a Value>) -> &'a Value {
    match v.get("@id").and_then(Value::as_str) {
        Some(id) if v.get("name").is_none() => by_id(id).unwrap_or(v),
        _ => v,
    }
}

/// Names of the people in an `author` value: strings, `Person` objects, lists of either.
/// Organisations and URLs are not bylines.
fn person_names<'a>(v: &'a Value, by_id: &dyn Fn(&str) -> Option<&'a Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    for item in items {
        let item = resolve(item, by_id);
        let name = match item {
            Value::String(s) => Some(s.clone()),
            Value::Object(_) => {
                if has_type(
                    item,
                    &["organization", "newsmediaorganization", "corporation"],
                ) {
                    None
                } else {
                    item.get("name").and_then(plain_text)
                }
            }
            _ => None,
        };
        for name in name.iter().flat_map(|n| split_names(n)) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// A byline string as names: `By A and B`, `A, B`; URLs and empty parts dropped.
pub fn split_names(s: &str) -> Vec<String> {
    let s = s.trim();
    if s.contains("://") || s.starts_with("www.") {
        return Vec::new();
    }
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(s);
    s.split([',', ';', '|', '&'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty() && p.chars().any(char::is_alphabetic))
        .collect()
}

/// A string value, or the text of a `{"@value": ...}`; HTML entities some CMSs leave in decoded.
fn plain_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("@value")?.as_str()?,
        Value::Array(a) => return a.first().and_then(plain_text),
        _ => return None,
    };
    let s = super::html::decode_entities(s);
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The day of an ISO 8601 date or date-time (`2023-02-22`, `2023-02-22T10:00:00Z`).
pub fn stated_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .or_else(|| crate::metadata::parse_date(s))
}

/// One `<meta>` tag's name (`property`, `name` or `itemprop`) and content, read in page order.
pub fn from_meta(tags: &[(String, String)]) -> Stated {
    let mut stated = Stated::default();
    for (key, content) in tags {
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        match key.as_str() {
            "og:title" | "twitter:title" | "dc.title" | "dcterms.title"
                if stated.headline.is_none() =>
            {
                stated.headline = Some(content.to_string())
            }
            "og:site_name" | "application-name" | "dc.publisher" | "dcterms.publisher"
            | "publisher"
                if stated.publisher.is_none() =>
            {
                stated.publisher = Some(content.to_string())
            }
            "author" | "article:author" | "sailthru.author" | "byl" | "dc.creator"
            | "dcterms.creator" | "parsely-author" | "cxenseparse:author" => {
                for name in split_names(content) {
                    if !stated.authors.contains(&name) {
                        stated.authors.push(name);
                    }
                }
            }
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.date"
            | "dcterms.created"
            | "dcterms.issued"
            | "sailthru.date"
            | "parsely-pub-date"
            | "og:published_time"
            | "article.published"
            | "cxenseparse:recs:publishtime"
                if stated.published.is_none() =>
            {
                stated.published = stated_date(content)
            }
            "og:description" | "description" | "twitter:description" | "dc.description"
                if stated.description.is_none() =>
            {
                stated.description = Some(content.to_string())
            }
            "og:url" if stated.url.is_none() => stated.url = Some(content.to_string()),
            _ => {}
        }
    }
    stated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(s: &str) -> Stated {
        from_json_ld(&[s.to_string()])
    }

    #[test]
    fn a_template_author_naming_no_one_gives_way() {
        let s = from_json_ld(&[
            r#"{"@type":"NewsArticle","headline":"Talks","author":{"@type":"Person","name":", USA TODAY"}}"#.to_string(),
            r#"{"@type":"NewsArticle","author":[{"name":"Kay Lee"}]}"#.to_string(),
        ]);
        assert_eq!(s.authors, vec!["Kay Lee"]);
    }

    #[test]
    fn news_article_fields() {
        let s = ld(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ministers meet","datePublished":"2023-02-22T10:00:00Z","author":{"@type":"Person","name":"Jane Doe"},"publisher":{"@type":"Organization","name":"The Daily"},"description":"A meeting."}"#,
        );
        assert_eq!(s.headline.as_deref(), Some("Ministers meet"));
        assert_eq!(s.authors, vec!["Jane Doe"]);
        assert_eq!(s.published, NaiveDate::from_ymd_opt(2023, 2, 22));
        assert_eq!(s.publisher.as_deref(), Some("The Daily"));
        assert_eq!(s.description.as_deref(), Some("A meeting."));
    }

    #[test]
    fn graph_with_author_references() {
        let s = ld(
            r##"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","@id":"p","name":"Page | Site"},{"@type":["ReportageNewsArticle"],"headline":"Real headline","author":[{"@id":"#a1"},{"@id":"#a2"}],"datePublished":"2024-05-01"},{"@type":"Person","@id":"#a1","name":"Jane Doe"},{"@type":"Person","@id":"#a2","name":"John Roe"}]}"##,
        );
        assert_eq!(s.headline.as_deref(), Some("Real headline"));
        assert_eq!(s.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(s.published, NaiveDate::from_ymd_opt(2024, 5, 1));
    }

    #[test]
    fn lists_of_objects_and_organisation_authors() {
        let s = ld(
            r#"[{"@type":"BreadcrumbList"},{"@type":"Article","headline":"H","author":[{"@type":"Organization","name":"Staff"},{"@type":"Person","name":"Ann Lee"},"https://site.example/authors/x"]}]"#,
        );
        assert_eq!(s.authors, vec!["Ann Lee"]);
    }

    #[test]
    fn invalid_json_ld_is_skipped() {
        let s = from_json_ld(&[
            "{not json".into(),
            r#"{"@type":"Article","headline":"Kept"}"#.into(),
        ]);
        assert_eq!(s.headline.as_deref(), Some("Kept"));
    }

    #[test]
    fn meta_tags_in_page_order() {
        let tags = vec![
            ("og:site_name".to_string(), "The Daily".to_string()),
            ("author".to_string(), "By Jane Doe and John Roe".to_string()),
            ("dc.date".to_string(), "2022-01-03".to_string()),
            (
                "article:author".to_string(),
                "https://x.example/jane".to_string(),
            ),
        ];
        let s = from_meta(&tags);
        assert_eq!(s.publisher.as_deref(), Some("The Daily"));
        assert_eq!(s.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(s.published, NaiveDate::from_ymd_opt(2022, 1, 3));
    }
}
