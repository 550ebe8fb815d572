//! Decides a quote's kind: `title`, `direct`, `partial` or `scare`.
//!
//! The signals are where the quote sits in the writer's sentence and whether anyone is said
//! to have spoken. A quote in a headline block is `title`. A label (`a “no limits” pact`,
//! `calling it an “invasion”`) is `scare` whatever surrounds it. A quote that opens its
//! sentence, follows a colon, continues a speaker's earlier quote, or follows its cue directly
//! and reads as a clause (`saying “there is lots to talk about”`) is `direct`. Any other quote
//! with a cue or speaker is `partial`: the words are someone's even if the sentence is the
//! writer's (`said ties had reached “new frontiers”`). What is left is short and unattributed,
//! a `scare` quote, unless it is long enough to be somebody's words anyway.

use super::attribution::AUXILIARIES;
use crate::model::QuoteKind;

/// The evidence `classify` decides on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub headline: bool,
    /// Nothing of the writer's before the quote in its sentence.
    pub sentence_initial: bool,
    /// Continues the quote of the previous paragraph's speaker.
    pub continuation: bool,
    /// The nearest cue (or a colon) governs the quote directly.
    pub adjacent_cue: bool,
    /// Someone is said to speak: a cue or a speaker was found.
    pub attributed: bool,
    /// Named by a naming verb or `so-called`.
    pub naming: bool,
    /// Between a determiner and the noun it modifies (`a “no limits” partnership`).
    pub attributive: bool,
    pub n_words: usize,
    pub clause: bool,
}

/// Longest quote that can pass for a term or label.
const LABEL_WORDS: usize = 4;

/// Whether quoted words read as a clause: a capitalised start (a sentence of its own) or a
/// finite auxiliary (`there is lots to talk about`).
pub fn is_clause(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let capitalised = words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let finite = words.iter().any(|w| {
        let lower = w.to_lowercase();
        AUXILIARIES.contains(&lower.as_str())
            || lower.ends_with("n’t")
            || lower.ends_with("n't")
            || (lower.contains(['’', '\'']) && is_pronoun_contraction(&lower))
    });
    (capitalised && words.len() >= 3) || finite
}

fn is_pronoun_contraction(word: &str) -> bool {
    let stem = word.split(['’', '\'']).next().unwrap_or("");
    matches!(
        stem,
        "i" | "you" | "he" | "she" | "it" | "we" | "they" | "there" | "that" | "what"
    )
}

/// The kind of a quote from its evidence.
pub fn classify(e: &Evidence) -> QuoteKind {
    if e.headline {
        return QuoteKind::Title;
    }
    if e.naming || (e.attributive && e.n_words <= LABEL_WORDS) {
        return QuoteKind::Scare;
    }
    if e.continuation || (e.sentence_initial && (e.clause || e.n_words > LABEL_WORDS)) {
        return QuoteKind::Direct;
    }
    if e.adjacent_cue && e.clause {
        return QuoteKind::Direct;
    }
    if e.attributed || e.n_words > LABEL_WORDS {
        return QuoteKind::Partial;
    }
    QuoteKind::Scare
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_are_capitalised_sentences_or_have_a_finite_verb() {
        assert!(is_clause("We must act now,"));
        assert!(is_clause("there is lots to talk about"));
        assert!(is_clause("we don’t know"));
        assert!(!is_clause("very important to stabilise the region"));
        assert!(!is_clause("Comrade"));
        assert!(!is_clause("the farmers’ union"));
    }

    #[test]
    fn headline_quotes_are_title() {
        let e = Evidence {
            headline: true,
            attributed: true,
            ..Default::default()
        };
        assert_eq!(classify(&e), QuoteKind::Title);
    }

    #[test]
    fn short_unattributed_quote_is_scare_and_long_one_partial() {
        let mut e = Evidence {
            n_words: 2,
            ..Default::default()
        };
        assert_eq!(classify(&e), QuoteKind::Scare);
        e.n_words = 9;
        assert_eq!(classify(&e), QuoteKind::Partial);
    }
}
