//! Entries of numbered reference lists (`0. “Title” The Guardian, 22 Feb. 2023,`) and the
//! paragraphs that cite them by marker (`... this week.[0]`).
//!
//! Segmentation already marks reference-list blocks; an entry is read as marker, quoted title,
//! outlet (the first lexicon outlet after the title, else the words right after it, else the
//! URL's host), date (the first date after the title) and URL. Titles are read before the
//! outlet and date so that an outlet or a date *inside* a title is never taken for the entry's.

use super::outlets;
use crate::metadata::parse_date;
use crate::model::{Block, Citation, CitationKind, Role, Span};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\[(\d{1,3})\]|\^?(\d{1,3})[.):]?)\s+").unwrap());
static TITLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"[“"«]([^”"»]{3,})[”"»]"#).unwrap());
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:https?://|www\.)[^\s<>“”]+[^\s<>“”.,;:)\]]").unwrap());
static CITE_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]").unwrap());
/// The words right after a title when no known outlet is named: up to the next comma or point.
static SOURCE_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s,.–—-]*(\p{Lu}[^,.;(]{1,60}?)\s*(?:[,.;(]|$)").unwrap());

/// One row per entry of every reference-list block.
pub fn find(blocks: &[Block]) -> Vec<Citation> {
    let cited = markers_cited(blocks);
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.role == Role::Reference)
        .filter_map(|(i, b)| read_entry(i, &b.text))
        .map(|mut c| {
            if let Some(m) = &c.marker {
                c.cited_in = cited.get(m).cloned().unwrap_or_default();
            }
            c
        })
        .collect()
}

/// Reads one reference entry; `None` when the block names neither a title nor a source.
pub fn read_entry(block: usize, text: &str) -> Option<Citation> {
    let marker_cap = MARKER.captures(text);
    let marker = marker_cap
        .as_ref()
        .and_then(|c| c.get(1).or(c.get(2)))
        .map(|m| m.as_str().to_string());
    let body_start = marker_cap.as_ref().map_or(0, |c| c.get(0).unwrap().end());
    let title = TITLE.captures(&text[body_start..]);
    let after_title = title
        .as_ref()
        .map_or(body_start, |c| body_start + c.get(0).unwrap().end());
    let url = URL.find(text).map(|m| m.as_str().to_string());
    let url_start = URL.find(text).map_or(text.len(), |m| m.start());
    let tail_end = url_start.max(after_title);
    let tail = &text[after_title..tail_end];

    let (source, range) = if let Some(n) = outlets::find(tail).into_iter().next() {
        (
            n.outlet.name.clone(),
            after_title + n.range.start..after_title + n.range.end,
        )
    } else if let Some(m) = SOURCE_WORDS.captures(tail).and_then(|c| c.get(1)) {
        let s = m.as_str().trim();
        (
            s.to_string(),
            after_title + m.start()..after_title + m.start() + s.len(),
        )
    } else if let Some(u) = &url {
        let host = host_of(u);
        let start = url_start + u.find(&host).unwrap_or(0);
        (host.clone(), start..start + host.len())
    } else {
        return None;
    };
    if title.is_none() && marker.is_none() {
        return None;
    }
    Some(Citation {
        kind: CitationKind::Reference,
        source,
        source_text: text[range.clone()].to_string(),
        source_entity: None,
        span: Span {
            block,
            start: range.start,
            end: range.end,
        },
        marker,
        title: title.map(|c| c[1].trim().to_string()),
        date: parse_date(tail),
        url,
        cited_in: Vec::new(),
    })
}

/// The host of a URL without `www.`.
fn host_of(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.trim_start_matches("www.").to_string()
}

/// Marker -> paragraphs whose text cites it (`[3]`, `[2, 4]`, `[1–3]`), outside the list itself.
fn markers_cited(blocks: &[Block]) -> HashMap<String, Vec<u32>> {
    let mut cited: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if b.role == Role::Reference {
            continue;
        }
        for c in CITE_MARK.captures_iter(&b.text) {
            for m in expand_markers(&c[1]) {
                let list = cited.entry(m).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
    }
    cited
}

/// `2, 4` -> [2, 4]; `1–3` -> [1, 2, 3].
fn expand_markers(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in list.split(',') {
        let ends: Vec<u32> = part
            .split(['–', '-'])
            .filter_map(|s| s.trim().parse().ok())
            .collect();
        match ends[..] {
            [a, b] if a <= b && b - a < 50 => out.extend((a..=b).map(|n| n.to_string())),
            [a] => out.push(a.to_string()),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn block(text: &str, role: Role) -> Block {
        Block {
            text: text.into(),
            role,
        }
    }

    #[test]
    fn entry_with_quoted_title_outlet_and_date() {
        let c = read_entry(
            0,
            "7. “Dockworkers end strike after pay deal” Reuters, 3 Mar. 2021,",
        )
        .unwrap();
        assert_eq!(c.marker.as_deref(), Some("7"));
        assert_eq!(
            c.title.as_deref(),
            Some("Dockworkers end strike after pay deal")
        );
        assert_eq!(c.source, "Reuters");
        assert_eq!(c.source_text, "Reuters");
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2021, 3, 3));
    }

    #[test]
    fn outlet_and_date_inside_the_title_are_not_the_entry_s() {
        let c = read_entry(0, "[2] \"What Bloomberg said on 1 May 2020\" Financial Chronicle, 9 June 2020. https://www.fin-chron.example/a/1").unwrap();
        assert_eq!(c.marker.as_deref(), Some("2"));
        assert_eq!(c.source, "Financial Chronicle");
        assert_eq!(c.date, NaiveDate::from_ymd_opt(2020, 6, 9));
        assert_eq!(c.url.as_deref(), Some("https://www.fin-chron.example/a/1"));
    }

    #[test]
    fn entry_without_source_words_falls_back_to_the_url_host() {
        let c = read_entry(
            0,
            "3. “Harvest report” https://www.farmnews.example/harvest",
        )
        .unwrap();
        assert_eq!(c.source, "farmnews.example");
    }

    #[test]
    fn paragraphs_citing_a_marker_are_listed() {
        let blocks = vec![
            block("Crops failed.[1] Prices rose.[0][1]", Role::Body),
            block("Rain came late.[0–1]", Role::Body),
            block("0. “Crops” The Guardian, 2 Jan. 2022,", Role::Reference),
            block("1. “Prices” Bloomberg, 3 Jan. 2022,", Role::Reference),
        ];
        let found = find(&blocks);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].cited_in, vec![0, 1]);
        assert_eq!(found[1].cited_in, vec![0, 1]);
        assert_eq!(found[1].source, "Bloomberg");
    }

    #[test]
    fn a_plain_line_in_a_reference_block_is_no_entry() {
        assert!(read_entry(0, "see more").is_none());
    }
}
