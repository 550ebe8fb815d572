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
        r"^(?:[*+•-]\s*)?(?i:about|careers at|work at|work for|welcome to|subscribe to|part of|advertise (?:with|on|in)|contact|read more (?:on|from)|new stories on|emails from|sign up (?:to|for))\s+(?:the\s+)?{NAME}\s*[.,!]?$"
    ))
    .unwrap()
});
/// Weaker self-references: a menu line "Follow X", "More from X", "X Newsletter" may name a
/// section or a writer as well as the site.
static SELF_MENU: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[*+•-]\s*)?(?:(?i:follow|subscribe|download the|more from)\s+(?:the\s+)?{NAME}(?:\s+(?i:app))?|{NAME}\s+(?i:newsletters?|app))\s*$"
    ))
    .unwrap()
});
static SELF_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[.!?:]\s+)(?:[*+•-]\s*)?{NAME}\s+(?:is part of|has affiliate|may (?:receive|earn)|is a (?:(?:federally )?registered )?trademark|participates in|is supported by|is owned by|is published by|uses cookies|values your|can email you)"
    ))
    .unwrap()
});
/// Consent lines of newsletter boxes: "I agree to receive emails from X".
static EMAILS_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:receive (?:e-?mails?|newsletters?|updates|offers) from)\s+{NAME}"
    ))
    .unwrap()
});
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?:©|\(c\)|(?i:copyright))\s*)+(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d\s*)?,?\s*)?(?:by\s+)?{NAME}"
    ))
    .unwrap()
});
/// A link in a Markdown-style dump (`[ The Daily Sound ](https://thedailysound.com/)`).
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[\s*([^\[\]\n]{2,60}?)\s*\]\(\s*https?://([A-Za-z0-9.-]+)[^)\s]*").unwrap()
});
/// A URL's host, anywhere in the text (html2text links, lynx's reference list).
static HOST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"https?://([A-Za-z0-9.-]+\.[A-Za-z]{2,})").unwrap());

/// Words that end a company's legal name, never a publication's.
const LEGAL_WORDS: &[&str] = &[
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
    "gmbh",
    "s.a.",
    "ag",
    "pty",
    "all",
    "rights",
    "reserved",
];

/// Words that end a company's name and sometimes a publication's ("Fast Company").
const COMPANY_WORDS: &[&str] = &[
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
];

/// The page's publication, voted from its furniture; `None` when it never names one.
///
/// Each way a page names itself is a vote of some weight; a name that spells the site's own
/// domain (the host most links point to) gains most, because a parent company or a section
/// seldom does. A name extended by another voted name ("The Globe" / "The Globe and Mail")
/// gives its votes to the longer one, the logo cut short.
pub fn from_furniture(blocks: &[Block]) -> Option<String> {
    let mut votes: HashMap<String, Vote> = HashMap::new();
    let mut vote = |name: &str, weight: f32, at: usize, copyright: bool| {
        let Some(name) = canonical(name.trim_start_matches(['#', ' '])) else {
            return;
        };
        let key = vote_key(&name);
        let e = votes.entry(key).or_insert((0.0, at, name.clone(), false));
        e.0 += weight;
        e.3 |= copyright;
        // Prefer the form with lower-case letters over an all-caps menu form.
        if e.2.chars().all(|c| !c.is_lowercase()) && name.chars().any(char::is_lowercase) {
            e.2 = name;
        }
    };
    let lex = lexicon::get();
    let own = own_domain(blocks);
    for (i, b) in blocks.iter().enumerate() {
        if matches!(b.role, Role::Body | Role::Title | Role::Subtitle) {
            continue;
        }
        let text = b.text.trim();
        // Footers put the copyright line among their legal small print.
        if let Some(c) = COPYRIGHT.captures(&text[..floor_boundary(text, 2000)]) {
            vote(&c[1], COPYRIGHT_WEIGHT, i, true);
        }
        for c in LINK.captures_iter(&text[..floor_boundary(text, 2000)]) {
            // Only links to the site itself: every page links "Facebook" to facebook.com.
            let to_self = own.as_deref() == Some(domain_label(&c[2]).as_str());
            if to_self && spells_domain(&c[1], &domain_label(&c[2])) {
                vote(&c[1], 3.0, i, false);
            }
        }
        if let Some(c) = SELF_STATEMENT.captures(&text[..floor_boundary(text, 2000)]) {
            vote(&c[1], 3.0, i, false);
        }
        if let Some(c) = EMAILS_FROM.captures(&text[..floor_boundary(text, 500)]) {
            vote(&c[1], 2.0, i, false);
        }
        if text.len() > 300 {
            continue;
        }
        if let Some(c) = LOGO.captures(text) {
            vote(&c[1], 3.0, i, false);
        }
        if let Some(c) = SELF_REFERENCE.captures(text) {
            vote(&c[1], 2.0, i, false);
        }
        if let Some(c) = SELF_MENU.captures(text) {
            if let Some(m) = c.get(1).or_else(|| c.get(2)) {
                vote(m.as_str(), 1.0, i, false);
            }
        }
        // A known outlet standing alone: the logo's text or a footer's brand line.
        let bare = text.trim_start_matches(['*', '+', '•', '-', '#', ' ']);
        let short = bare.split_whitespace().count() <= 5;
        if short && lex.outlet(bare).is_some() {
            vote(bare, 1.5, i, false);
        }
        // A line that spells the site's own domain is its name.
        if short && own.as_deref().is_some_and(|d| spells_domain(bare, d)) {
            vote(bare, 1.0, i, false);
        }
    }
    if let Some(own) = &own {
        for (w, _, name, _) in votes.values_mut() {
            if spells_domain(name, own) {
                *w += 3.0;
            }
        }
    }
    let mut votes = merge_spacings(votes);
    let keys: Vec<String> = votes.keys().cloned().collect();
    for short in &keys {
        let longer = keys
            .iter()
            .filter(|k| k.len() > short.len() && k.starts_with(short.as_str()))
            .filter(|k| k.as_bytes()[short.len()] == b' ')
            .find(|k| votes[k.as_str()].3);
        if let Some(longer) = longer {
            let moved = votes[short].0;
            votes.get_mut(longer.as_str()).unwrap().0 += moved;
            votes.get_mut(short.as_str()).unwrap().0 = 0.0;
        }
    }
    votes
        .into_values()
        .filter(|v| v.0 >= 1.5)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|v| v.2)
}

/// A name's weight, where it was first seen, its best-written form, and whether a copyright
/// line voted for it.
type Vote = (f32, usize, String, bool);

/// A copyright line's vote: it often names the parent company, so it weighs less than the
/// page's own self-references together.
const COPYRIGHT_WEIGHT: f32 = 2.0;

/// The key names are voted under: lower case, without a leading "the".
fn vote_key(name: &str) -> String {
    let key = name.to_lowercase();
    key.strip_prefix("the ").unwrap_or(&key).to_string()
}

/// Joins the votes of names that differ only in spacing ("DailyMail", "Daily Mail"), under
/// the spaced form.
fn merge_spacings(votes: HashMap<String, Vote>) -> HashMap<String, Vote> {
    let mut merged: HashMap<String, Vote> = HashMap::new();
    for (key, v) in votes {
        let squashed: String = key.split_whitespace().collect();
        match merged.get_mut(&squashed) {
            Some(m) => {
                m.0 += v.0;
                m.1 = m.1.min(v.1);
                m.3 |= v.3;
                if v.2.split_whitespace().count() > m.2.split_whitespace().count() {
                    m.2 = v.2;
                }
            }
            None => {
                merged.insert(squashed, v);
            }
        }
    }
    merged.into_values().map(|v| (vote_key(&v.2), v)).collect()
}

/// The distinctive label of a host: "www.thedailysound.com" -> "thedailysound",
/// "newsinfo.inquirer.net" -> "inquirer", "www.bbc.co.uk" -> "bbc".
fn domain_label(host: &str) -> String {
    let host = host.to_ascii_lowercase();
    let parts: Vec<&str> = host.split('.').filter(|p| !p.is_empty()).collect();
    let n = parts.len();
    let second_level = n >= 3
        && parts[n - 1].len() == 2
        && matches!(parts[n - 2], "co" | "com" | "org" | "net" | "gov" | "ac");
    let at = if second_level {
        n.saturating_sub(3)
    } else {
        n.saturating_sub(2)
    };
    parts.get(at).copied().unwrap_or("").to_string()
}

/// The host label most of the page's links point to: the site's own domain. Needs three
/// links, so one stray link names nothing.
fn own_domain(blocks: &[Block]) -> Option<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for b in blocks.iter().filter(|b| b.role != Role::Body) {
        for c in HOST.captures_iter(&b.text) {
            let label = domain_label(&c[1]);
            if !matches!(
                label.as_str(),
                "" | "facebook"
                    | "twitter"
                    | "instagram"
                    | "youtube"
                    | "google"
                    | "x"
                    | "linkedin"
                    | "pinterest"
                    | "tiktok"
                    | "apple"
                    | "whatsapp"
                    | "reddit"
            ) {
                *counts.entry(label).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(label, _)| label)
}

/// Whether a name, letters and digits only, spells a domain label ("The Daily Sound" and
/// "thedailysound", "Times of India" and "timesofindia").
fn spells_domain(name: &str, label: &str) -> bool {
    if label.len() < 3 {
        return false;
    }
    let squashed: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let squashed = squashed
        .strip_suffix("com")
        .filter(|_| name.to_lowercase().ends_with(".com"))
        .unwrap_or(&squashed);
    squashed == label
        || squashed.strip_prefix("the") == Some(label)
        || label.strip_prefix("the") == Some(squashed)
}

/// The largest char boundary at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The publication's name as the page writes it, company words cut from the end. `None` for
/// what is no name ("All Rights Reserved", a lone menu word).
///
/// Legal suffixes ("Inc", "Ltd") always go; words that also name brands ("Media", "Group",
/// "Company") go only after a legal suffix, from a name of three words or more, or where
/// what is left is a known outlet: "Fast Company" stays whole, "Telegraph Media Group" and
/// "Washingtonian Media Inc" lose them.
pub fn canonical(name: &str) -> Option<String> {
    let name = name.split(". ").next().unwrap_or(name);
    let mut words: Vec<&str> = name
        .trim()
        .trim_end_matches([',', ';', ':'])
        .split_whitespace()
        .collect();
    let lex = lexicon::get();
    let lower = |w: &str| w.trim_end_matches(',').to_lowercase();
    let is_joiner = |w: &str| matches!(lower(w).as_str(), "of" | "and" | "&" | "on");
    let mut legal_cut = false;
    while words.len() > 1 {
        let last = lower(words[words.len() - 1]);
        if LEGAL_WORDS.contains(&last.as_str()) || is_joiner(&last) {
            legal_cut |= !is_joiner(&last);
            words.pop();
            continue;
        }
        // A menu run on after the name: "X Privacy Policy", "X Terms".
        if words.len() > 2
            && lex.is_chrome_word(&last)
            && lex.is_chrome_word(&lower(words[words.len() - 2]))
        {
            words.truncate(words.len() - 2);
            continue;
        }
        if COMPANY_WORDS.contains(&last.as_str()) {
            let rest = words[..words.len() - 1].join(" ");
            if legal_cut || words.len() >= 3 || lex.outlet(&rest).is_some() {
                words.pop();
                continue;
            }
        }
        break;
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(['.', ',']).trim();
    if lex.outlet(name).is_some() {
        return Some(name.to_string());
    }
    let first = words.first()?.trim_end_matches(',');
    let first_lower = first.to_lowercase();
    // "In Touch Weekly" is a name; "Our Partners" and "Us" are not.
    let titled = words.len() >= 3
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    if COMPANY_WORDS.contains(&first_lower.as_str())
        || LEGAL_WORDS.contains(&first_lower.as_str())
        || lex.is_function_word(first) && first_lower != "the" && !titled
        || (words.len() == 1 && (lex.is_chrome_word(first) || lex.is_function_word(first)))
        || first_lower == "copyright"
        || words.len() == 1 && first_lower == "the"
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
    fn brand_words_stay_unless_a_legal_suffix_or_a_long_name_shows_a_company() {
        assert_eq!(canonical("Fast Company").as_deref(), Some("Fast Company"));
        assert_eq!(
            canonical("Planet Holdings Group Inc.").as_deref(),
            Some("Planet")
        );
        assert_eq!(
            canonical("In Touch Weekly").as_deref(),
            Some("In Touch Weekly")
        );
        assert_eq!(canonical("Our Partners"), None);
    }

    #[test]
    fn the_sites_own_domain_outvotes_sections_and_social_links() {
        let b = vec![
            block("[ The Daily Planet ](https://www.thedailyplanet.com/)"),
            block("* [Sports](https://www.thedailyplanet.com/sports)"),
            block("* [Facebook](https://facebook.com/thedailyplanet)"),
            block("* [Weather](https://www.thedailyplanet.com/weather)"),
            block("More from Planet Money"),
            block("© 2024 Planet Holdings Group Inc. All rights reserved."),
        ];
        assert_eq!(from_furniture(&b).as_deref(), Some("The Daily Planet"));
        assert_eq!(domain_label("newsinfo.inquirer.net"), "inquirer");
        assert_eq!(domain_label("www.bbc.co.uk"), "bbc");
        assert!(spells_domain("Times of India", "timesofindia"));
        assert!(!spells_domain("Facebook", "thedailyplanet"));
    }

    #[test]
    fn newsletter_and_cookie_lines_name_the_site_not_the_parent() {
        let b = vec![
            block("Morning Ledger Newsletter"),
            block("I agree to receive emails from Morning Ledger. Unsubscribe at any time."),
            block("Morning Ledger uses cookies for analytics and personalization."),
            block("© 2023 by Ledger Holdings LLC. All rights reserved."),
        ];
        assert_eq!(from_furniture(&b).as_deref(), Some("Morning Ledger"));
    }

    #[test]
    fn a_logo_cut_short_gives_its_votes_to_the_copyright_name() {
        let b = vec![
            block("Morning Globe logo"),
            block("© Copyright 2023 The Morning Globe and Ledger Inc. All rights reserved."),
        ];
        assert_eq!(
            from_furniture(&b).as_deref(),
            Some("The Morning Globe and Ledger")
        );
        let b = vec![
            block("DailyPlanet"),
            block("Follow Daily Planet"),
            block("Subscribe Daily Planet"),
        ];
        assert_eq!(from_furniture(&b).as_deref(), Some("Daily Planet"));
    }

    #[test]
    fn a_page_that_names_no_publication_has_none() {
        let b = vec![block("Home"), block("About Us"), block("Contact")];
        assert_eq!(from_furniture(&b), None);
    }
}
