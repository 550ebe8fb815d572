//! Teams named after their city: "Porto", "Leeds", "Eagles" used as clubs, not places.
//!
//! A city (a known place that belongs to a country, never the country itself: national
//! sides stay their country) or a capitalised word nothing typed yet is a team when sports
//! words frame it: a player's or staff role right after it ("Porto central defender",
//! "Eagles quarterback", "Leeds fans"), or a team noun right before it ("Turkish club
//! Galatasaray", "leaders Vicenza"). The words are data (`lexicons/team_roles.tsv`).
//! One sense per article: once a form is a team, every mention of that form in the article
//! is, so "Porto captain Jorge Costa" makes the later "against Porto" a club too.

use super::RawMention;
use crate::lexicon;
use crate::model::{Block, EntityType};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// "Bologna (4) v Piacenza", "Lazio vs AS Roma": the two sides of a fixture.
static FIXTURE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^( \(\d+\))? vs?\.? \p{Lu}").unwrap());
static FIXTURE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{L}( \(\d+\))? vs?\.? $").unwrap());

/// One side of a fixture: a city either way, a word nothing typed only with a table
/// position in brackets ("Piacenza (13)"), as "Roe v. Wade" is no fixture.
fn fixture(m: &RawMention, before: &str, after: &str) -> bool {
    let ranked = |c: Option<regex::Captures>| c.is_some_and(|c| c.get(1).is_some());
    let (a, b) = (
        FIXTURE_AFTER.captures(after),
        FIXTURE_BEFORE.captures(before),
    );
    if m.etype.is_none() {
        ranked(a) || ranked(b)
    } else {
        a.is_some() || b.is_some()
    }
}

/// Lower-case words that may stand between a team and an `after` role ("central", "left").
const MAX_BETWEEN: usize = 2;

/// Retypes the article's city and untyped mentions that are used as teams.
pub fn retype(blocks: &[Block], raw: &mut [RawMention]) {
    let teams: HashSet<String> = raw
        .iter()
        .filter(|m| may_be_team(m))
        .filter(|m| {
            let text = &blocks[m.span.block].text;
            let (before, after) = (&text[..m.span.start], &text[m.span.end..]);
            role_follows(after) || team_noun_precedes(before) || fixture(m, before, after)
        })
        .map(|m| m.text.clone())
        .collect();
    if teams.is_empty() {
        return;
    }
    for m in raw
        .iter_mut()
        .filter(|m| may_be_team(m) && teams.contains(&m.text))
    {
        m.etype = Some(EntityType::Org);
        m.known_name = None;
        m.country = None;
    }
}

/// A city or region of a country, or a capitalised run nothing has typed.
fn may_be_team(m: &RawMention) -> bool {
    match m.etype {
        None => true,
        Some(EntityType::Gpe | EntityType::Loc) => m.country.is_some(),
        _ => false,
    }
}

/// Whether the text after a name starts with a player's or staff role.
fn role_follows(after: &str) -> bool {
    let lex = lexicon::get();
    let after = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .unwrap_or(after);
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let words: Vec<&str> = rest.split(' ').take(MAX_BETWEEN + 2).collect();
    for k in 0..words.len() {
        let word = words[k].trim_end_matches([',', '.', ';', ':', ')']);
        if !word.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let two = words.get(k + 1).map(|n| format!("{word} {n}"));
        let role = lex.team_roles_after.contains(word)
            || two.as_ref().is_some_and(|t| {
                lex.team_roles_after
                    .contains(t.trim_end_matches([',', '.']))
            });
        if role || (k == 0 && lex.team_roles_next.contains(word)) {
            return true;
        }
        if word.len() != words[k].len() || k == MAX_BETWEEN {
            return false; // punctuation ends the phrase
        }
    }
    false
}

/// Whether the text before a name ends with a team noun ("club", "side", "leaders").
fn team_noun_precedes(before: &str) -> bool {
    before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|w| lexicon::get().team_roles_before.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_after_a_name() {
        assert!(role_follows(" central defender Joao Pinto"));
        assert!(role_follows(" quarterback Ty Detmer was"));
        assert!(role_follows("’s fans said"));
        assert!(role_follows(" defensive end Cornell Brown"));
        assert!(!role_follows(" police guard the gate"));
        assert!(!role_follows(", striker"));
        assert!(!role_follows(" officials said"));
    }

    #[test]
    fn fixtures_name_two_sides() {
        assert!(FIXTURE_AFTER.is_match(" (4) v Piacenza (13) 1330"));
        assert!(FIXTURE_AFTER.is_match(" vs. Chelsea"));
        assert!(FIXTURE_BEFORE.is_match("Lazio (12) v "));
        assert!(!FIXTURE_AFTER.is_match(" voted"));
    }

    #[test]
    fn team_nouns_before_a_name() {
        assert!(team_noun_precedes("moved to Turkish club "));
        assert!(team_noun_precedes("Along with leaders "));
        assert!(!team_noun_precedes("in the city of "));
    }
}
