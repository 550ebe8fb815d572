//! Finds news outlets and agencies named in a text, by the lexicon's names and aliases.
//!
//! One Aho-Corasick automaton over every form (with and without a leading "The"), matched
//! case-sensitively and leftmost-longest, so `AP` never fires inside `APEC` or on `ap`, and
//! `The Wall Street Journal` wins over `Wall Street Journal`. A match must stand as whole words.

use crate::lexicon::{self, Outlet};
use aho_corasick::{AhoCorasick, MatchKind, StartKind};
use std::ops::Range;
use std::sync::LazyLock;

/// An outlet named in a text.
#[derive(Debug, Clone)]
pub struct Named {
    pub range: Range<usize>,
    pub outlet: &'static Outlet,
}

struct Finder {
    automaton: AhoCorasick,
    outlet_of_pattern: Vec<usize>,
    /// One word left once "The" is dropped ("Hill" of "The Hill", "Age" of "The Age"): it
    /// names the outlet only after a "the", as in "told the Hill"; alone it is a word.
    needs_the: Vec<bool>,
}

static FINDER: LazyLock<Finder> = LazyLock::new(|| {
    let lex = lexicon::get();
    let mut patterns = Vec::new();
    let mut outlet_of_pattern = Vec::new();
    let mut needs_the = Vec::new();
    for (i, o) in lex.outlets.iter().enumerate() {
        for form in std::iter::once(&o.name).chain(&o.aliases) {
            let bare = form.strip_prefix("The ").unwrap_or(form);
            for f in [form.as_str(), bare] {
                if f.chars().count() >= 2 && !patterns.contains(&f.to_string()) {
                    patterns.push(f.to_string());
                    outlet_of_pattern.push(i);
                    needs_the.push(f.len() < form.len() && !f.contains(' '));
                }
            }
        }
    }
    Finder {
        automaton: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&patterns)
            .expect("outlet patterns build"),
        outlet_of_pattern,
        needs_the,
    }
});

/// Outlets named in `text`, in order.
pub fn find(text: &str) -> Vec<Named> {
    let lex = lexicon::get();
    super::cues::whole_word_matches(&FINDER.automaton, text)
        .into_iter()
        .filter(|(_, r)| whole_word(text, r.start, r.end))
        .filter(|(p, r)| {
            !FINDER.needs_the[*p] || {
                let before = text[..r.start].trim_end_matches(' ');
                before.len() < r.start
                    && (before.ends_with("the") || before.ends_with("The"))
                    && !before[..before.len() - 3].ends_with(char::is_alphanumeric)
            }
        })
        .map(|(p, range)| Named {
            range,
            outlet: &lex.outlets[FINDER.outlet_of_pattern[p]],
        })
        .collect()
}

/// The outlet a short credit part names (`REUTERS`, `Getty Images`, `AFP`), any case.
pub fn lookup_credit(part: &str) -> Option<&'static Outlet> {
    let lex = lexicon::get();
    lex.outlet(part).or_else(|| {
        lex.outlets.iter().find(|o| {
            std::iter::once(&o.name)
                .chain(&o.aliases)
                .any(|f| f.eq_ignore_ascii_case(part) && f.len() > 3)
        })
    })
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_and_aliases_as_whole_words() {
        let hill: Vec<&str> = find("Hill said the Hill reported it.")
            .iter()
            .map(|n| n.outlet.name.as_str())
            .collect();
        assert_eq!(hill, ["The Hill"]);
        let t = "The WSJ and Agence France-Presse wrote, APEC did not, SYRIA RIA did.";
        let found: Vec<&str> = find(t).iter().map(|n| n.outlet.name.as_str()).collect();
        assert_eq!(
            found,
            [
                "The Wall Street Journal",
                "Agence France-Presse",
                "RIA Novosti"
            ]
        );
    }

    #[test]
    fn credit_parts_match_in_capitals() {
        assert_eq!(
            lookup_credit("REUTERS").map(|o| o.name.as_str()),
            Some("Reuters")
        );
        assert!(lookup_credit("Jane Doe").is_none());
    }
}
