//! The publication a page belongs to, from the ways a page names itself.
//!
//! The tab title and an author bio name the site outright. Failing those, a page names its
//! brand in its furniture: the logo's text ("Glamour logo"), self-references ("About
//! Cleveland.com", "Careers at POLITICO", "PEOPLE has affiliate partnerships", "Part of the
//! Daily Mail"), a known outlet standing alone in a menu, and the copyright line, which often
//! names the parent company ("Telegraph Media Group Limited", "Condé Nast"). Each is a vote;
//! the name with the most weight wins, company suffixes cut ("Washingtonian Media Inc" is
//! Washingtonian), and a known outlet's canonical name is used.

use crate::lexicon;
use crate::model::{Block, Role};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A name as pages write a brand: capitalised words, or a domain ("cleveland.com").
const NAME: &str = r"((?:The\s+)?(?:\p{Lu}[\p{L}\d&'’!.-]*|[\p{Ll}\d-]+\.(?:com|net|org|co\.uk|com\.au|ca|news))(?:\s+(?:\p{Lu}[\p{L}\d&'’!.-]*|of|and|&)){0,5})";

static LOGO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\[?\s*{NAME}\s+(?i:logo)\b")).unwrap());
static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[*+•-]\s*)?(?i:about|careers at|work at|work for|welcome to|subscribe to|part of|advertise (?:with|on|in))\s+(?:the\s+)?{NAME}\s*[.,]?$"
    ))
    .unwrap()
});
static SELF_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{NAME}\s+(?:is part of|has affiliate|may (?:receive|earn)|is a (?:registered )?trademark|participates in|is supported by|is owned by|is published by)"
    ))
    .unwrap()
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?:©|\(c\)|(?i:copyright))\s*)+(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d\s*)?,?\s*)?(?:by\s+)?{NAME}"
    ))
    .unwrap()
});

/// Words that end a company's name, not a publication's.
const COMPANY_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "llc",
    "llc.",
    "ltd",
    "ltd.",
    "limited",
    "l.p",
    "l.p.",
    "lp",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "plc",
    "group",
    "holdings",
    "enterprises",
    "ventures",
    "newspapers",
    "network",
    "media",
    "digital",
    "company",
    "publishing",
    "publications",
    "partners",
    "gmbh",
    "s.a.",
    "ag",
    "pty",
    "all",
    "rights",
    "reserved",
];

/// The page's publication, voted from its furniture; `None` when it never names one.
pub fn from_furniture(blocks: &[Block]) -> Option<String> {
    let mut votes: HashMap<String, (f32, usize, String)> = HashMap::new();
    let mut vote = |name: &str, weight: f32, at: usize| {
        let Some(name) = canonical(name) else {
            return;
        };
        let key = name.to_lowercase();
        let key = key.strip_prefix("the ").unwrap_or(&key).to_string();
        let e = votes.entry(key).or_insert((0.0, at, name));
        e.0 += weight;
    };
    let lex = lexicon::get();
    for (i, b) in blocks.iter().enumerate() {
        if matches!(b.role, Role::Body | Role::Title | Role::Subtitle) {
            continue;
        }
        let text = b.text.trim();
        // Footers put the copyright line among their legal small print.
        if let Some(c) = COPYRIGHT.captures(&text[..floor_boundary(text, 2000)]) {
            vote(&c[1], 2.0, i);
        }
        if text.len() > 300 {
            continue;
        }
        if let Some(c) = LOGO.captures(text) {
            vote(&c[1], 3.0, i);
        }
        if let Some(c) = SELF_REFERENCE.captures(text) {
            vote(&c[1], 2.0, i);
        }
        if let Some(c) = SELF_STATEMENT.captures(text) {
            vote(&c[1], 3.0, i);
        }
        // A known outlet standing alone: the logo's text or a footer's brand line.
        let bare = text.trim_start_matches(['*', '+', '•', '-', ' ']);
        if bare.split_whitespace().count() <= 5 && lex.outlet(bare).is_some() {
            vote(bare, 1.5, i);
        }
    }
    votes
        .into_values()
        .filter(|(w, _, _)| *w >= 1.5)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, _, name)| name)
}

/// The largest char boundary at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The publication's name: company words cut from the end, a known outlet's canonical form.
/// `None` for what is no name ("All Rights Reserved", a lone menu word).
pub fn canonical(name: &str) -> Option<String> {
    let name = name.split(". ").next().unwrap_or(name);
    let mut words: Vec<&str> = name
        .trim()
        .trim_end_matches([',', ';', ':'])
        .split_whitespace()
        .collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            let w = w.trim_end_matches(',').to_lowercase();
            COMPANY_WORDS.contains(&w.as_str()) || matches!(w.as_str(), "of" | "and" | "&" | "on")
        })
    {
        words.pop();
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(['.', ',']).trim();
    let lex = lexicon::get();
    if let Some(o) = lex.outlet(name) {
        return Some(o.name.clone());
    }
    let first = words.first()?.trim_end_matches(',');
    let lower = first.to_lowercase();
    if COMPANY_WORDS.contains(&lower.as_str())
        || lex.is_function_word(first) && lower != "the"
        || (words.len() == 1 && (lex.is_chrome_word(first) || lex.is_function_word(first)))
        || lower == "copyright"
        || words.len() == 1 && lower == "the"
    {
        return None;
    }
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block {
            text: text.to_string(),
            role: Role::Other,
        }
    }

    #[test]
    fn company_words_are_cut_and_non_names_refused() {
        assert_eq!(
            canonical("Washingtonian Media Inc").as_deref(),
            Some("Washingtonian")
        );
        assert_eq!(
            canonical("Toronto Star Newspapers Ltd").as_deref(),
            Some("Toronto Star")
        );
        assert_eq!(canonical("All Right Reserved"), None);
        assert_eq!(canonical("Copyright"), None);
    }

    #[test]
    fn the_logo_and_self_references_outvote_the_parent_company() {
        let b = vec![
            block("Daily Planet logo"),
            block("About Daily Planet"),
            block("© 2024 Planet Holdings Group Inc. All rights reserved."),
        ];
        assert_eq!(from_furniture(&b).as_deref(), Some("Daily Planet"));
        let b = vec![block(
            "© Copyright 2023 The Morning Ledger. All rights reserved.",
        )];
        assert_eq!(from_furniture(&b).as_deref(), Some("The Morning Ledger"));
        let b = vec![block("Careers at cleveland.com"), block("Home")];
        assert_eq!(from_furniture(&b).as_deref(), Some("cleveland.com"));
    }

    #[test]
    fn a_page_that_names_no_publication_has_none() {
        let b = vec![block("Home"), block("About Us"), block("Contact")];
        assert_eq!(from_furniture(&b), None);
    }
}
