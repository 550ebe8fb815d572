//! Derives an article's title, subtitle, authors, outlet and date from its blocks' roles.
//!
//! What a container states (HTML meta tags, JSON fields) wins; otherwise each field comes
//! from the blocks that carry it: the title block, byline names, an author bio ("X is a
//! correspondent for The Daily"), a copyright line, a short date line before the body.

use crate::ingest::Hints;
use crate::lexicon;
use crate::model::{Block, Metadata, Role};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static BYLINE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:by|written by|words by|story by|reporting by)\s+").unwrap());
static NAME_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|\band\b|&|\||·|•|;)\s*").unwrap());
static PERSON_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|al|bin|le|la|del|di)){1,4}$").unwrap()
});
static OUTLET_IN_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:correspondent|reporter|journalist|editor|writer|columnist|contributor|producer|analyst|chief|head)\s+(?i:for|at|with|of)\s+((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}&'’.-]*|of|and|&)){0,5})").unwrap()
});
static OUTLET_SELF_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,5}) is (?:a|an|the)\b[^.]{0,80}?\b(?i:(?:news|media) (?:portal|site|website|outlet|organi[sz]ation|company|publication|network|platform|agency|brand)|newspaper|magazine|broadcaster|tabloid|news agency|wire service)\b").unwrap()
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:©|\(c\)|(?i:copyright))\s*(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d\s*)?)?((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,5})").unwrap()
});
static MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b").unwrap()
});

/// Builds the article's metadata.
pub fn derive(blocks: &[Block], hints: &Hints) -> Metadata {
    let first = |role: Role| {
        blocks
            .iter()
            .find(|b| b.role == role)
            .map(|b| b.text.clone())
    };
    let title = hints
        .title
        .clone()
        .or_else(|| first(Role::Title).map(|t| strip_site_suffix(&t)));
    let authors = if hints.authors.is_empty() {
        byline_authors(blocks)
    } else {
        hints.authors.clone()
    };
    Metadata {
        title,
        subtitle: first(Role::Subtitle),
        outlet: hints.outlet.clone().or_else(|| find_outlet(blocks)),
        authors,
        published: hints.published.or_else(|| find_published(blocks)),
    }
}

/// "Headline | Site" keeps the headline.
fn strip_site_suffix(title: &str) -> String {
    match title.rsplit_once(" | ") {
        Some((head, site))
            if site.split_whitespace().count() <= 5 && head.split_whitespace().count() >= 3 =>
        {
            head.trim().to_string()
        }
        _ => title.to_string(),
    }
}

/// Names from byline blocks: "By A and B", "A, Reuters", a bare "A B" line.
fn byline_authors(blocks: &[Block]) -> Vec<String> {
    let lex = lexicon::get();
    let mut out: Vec<String> = Vec::new();
    for b in blocks.iter().filter(|b| b.role == Role::Byline) {
        if parse_date(&b.text).is_some() && !BYLINE_PREFIX.is_match(&b.text) {
            continue;
        }
        let rest = BYLINE_PREFIX.replace(&b.text, "");
        for part in NAME_SPLIT.split(&rest) {
            let part = part.trim().trim_end_matches('.');
            if PERSON_NAME.is_match(part)
                && lex.outlet(part).is_none()
                && !out.iter().any(|a| a == part)
            {
                out.push(part.to_string());
            }
        }
    }
    out
}

fn find_outlet(blocks: &[Block]) -> Option<String> {
    let canonical = |s: &str| {
        let s = s.split(". ").next().unwrap_or(s);
        let s = s.trim().trim_end_matches(['.', ',']);
        let s = s
            .trim_end_matches(" of")
            .trim_end_matches(" and")
            .trim_end_matches(" &");
        lexicon::get()
            .outlet(s)
            .map(|o| o.name.clone())
            .unwrap_or_else(|| s.to_string())
    };
    for b in blocks.iter().filter(|b| b.role == Role::Bio) {
        if let Some(c) = OUTLET_IN_BIO.captures(&b.text) {
            return Some(canonical(&c[1]));
        }
        if let Some(c) = OUTLET_SELF_BIO.captures(&b.text) {
            return Some(canonical(&c[1]));
        }
    }
    blocks
        .iter()
        .filter(|b| !matches!(b.role, Role::Body | Role::Title | Role::Subtitle))
        .find_map(|b| COPYRIGHT.captures(&b.text).map(|c| canonical(&c[1])))
}

/// A date stated on a byline/date line before the body.
fn find_published(blocks: &[Block]) -> Option<NaiveDate> {
    let body_start = blocks
        .iter()
        .position(|b| b.role == Role::Body)
        .unwrap_or(blocks.len());
    blocks[..body_start]
        .iter()
        .filter(|b| b.role == Role::Byline)
        .find_map(|b| parse_date(&b.text))
}

/// Parses the first date written in the text.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let c = MONTH_DATE.captures(text)?;
    let month = |m: &str| {
        [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ]
        .iter()
        .position(|x| m.to_lowercase().starts_with(x))
        .map(|p| p as u32 + 1)
    };
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    if c.get(1).is_some() {
        NaiveDate::from_ymd_opt(num(3)? as i32, month(&c[1])?, num(2)?)
    } else if c.get(5).is_some() {
        NaiveDate::from_ymd_opt(num(6)? as i32, month(&c[5])?, num(4)?)
    } else {
        NaiveDate::from_ymd_opt(num(7)? as i32, num(8)?, num(9)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, role: Role) -> Block {
        Block {
            text: text.into(),
            role,
        }
    }

    #[test]
    fn outlet_from_bio() {
        let b = vec![block(
            "Jane Doe is a national security correspondent for The Daily Planet covering defense.",
            Role::Bio,
        )];
        assert_eq!(find_outlet(&b).as_deref(), Some("The Daily Planet"));
        let b = vec![block(
            "Planet News is a dynamic online news portal dedicated to coverage.",
            Role::Bio,
        )];
        assert_eq!(find_outlet(&b).as_deref(), Some("Planet News"));
        let b = vec![block(
            "Jane Doe is the Multimedia and Social Media Editor at Asia Weekly. She writes.",
            Role::Bio,
        )];
        assert_eq!(find_outlet(&b).as_deref(), Some("Asia Weekly"));
    }

    #[test]
    fn authors_from_bylines() {
        let b = vec![
            block("By Jane Doe and John Roe", Role::Byline),
            block("Mary Major", Role::Byline),
        ];
        assert_eq!(
            byline_authors(&b),
            vec!["Jane Doe", "John Roe", "Mary Major"]
        );
    }

    #[test]
    fn dates_in_several_shapes() {
        assert_eq!(
            parse_date("Feb. 22, 2023"),
            NaiveDate::from_ymd_opt(2023, 2, 22)
        );
        assert_eq!(
            parse_date("22 February 2023"),
            NaiveDate::from_ymd_opt(2023, 2, 22)
        );
        assert_eq!(
            parse_date("Updated 2023-02-22"),
            NaiveDate::from_ymd_opt(2023, 2, 22)
        );
    }

    #[test]
    fn date_only_from_lines_before_the_body() {
        let b = vec![
            block("Title Here Now", Role::Title),
            block("Body mentions Feb. 21, 2023 in passing.", Role::Body),
            block("March 1, 2023", Role::Byline),
        ];
        assert_eq!(find_published(&b), None);
    }
}
