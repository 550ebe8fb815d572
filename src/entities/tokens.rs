//! Word tokens of a block with byte offsets and the flags name-finding needs.
//!
//! A token keeps its possessive (`Putin’s`) as a flag and excludes it from its span, so a
//! mention's text is the name as written without the `’s`. Dotted abbreviations (`U.S.`) are
//! one token.

use regex::Regex;
use std::sync::LazyLock;

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[’'‘\-.&][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*").unwrap()
});

/// One word of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span of the word, possessive excluded.
    pub start: usize,
    pub end: usize,
    /// The word ended in `’s`/`'s`, now cut off.
    pub possessive: bool,
    /// First character is upper case.
    pub cap: bool,
    /// First word of a sentence (after any opening quote or bracket).
    pub sentence_start: bool,
}

impl Token {
    pub fn text<'a>(&self, block: &'a str) -> &'a str {
        &block[self.start..self.end]
    }
}

/// Tokenises a block; `sentence_starts` are byte offsets where sentences begin.
pub fn tokenize(text: &str, sentence_starts: &[usize]) -> Vec<Token> {
    WORD.find_iter(text)
        .map(|m| {
            let word = m.as_str();
            let mut end = m.end();
            let mut possessive = false;
            for suffix in ["’s", "'s", "‘s", "’S", "'S"] {
                if word.len() > suffix.len() && word.ends_with(suffix) {
                    end -= suffix.len();
                    possessive = true;
                    break;
                }
            }
            let cap = word.chars().next().is_some_and(char::is_uppercase);
            let before = &text[..m.start()];
            let lead = before.trim_end_matches(|c: char| {
                matches!(
                    c,
                    '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–' | '•'
                ) || c.is_whitespace()
            });
            // Sentence starts are sorted: the first one at or after `lead` decides.
            let k = sentence_starts.partition_point(|&s| s < lead.len());
            let sentence_start =
                sentence_starts.get(k).is_some_and(|&s| s <= m.start()) || lead.is_empty();
            Token {
                start: m.start(),
                end,
                possessive,
                cap,
                sentence_start,
            }
        })
        .collect()
}

/// Index of the first token starting at or after `byte` (tokens are sorted).
pub fn first_at_or_after(toks: &[Token], byte: usize) -> usize {
    toks.partition_point(|t| t.start < byte)
}

/// Whether only a single space (or nothing) separates two byte offsets.
pub fn adjacent(text: &str, left_end: usize, right_start: usize) -> bool {
    right_start >= left_end && matches!(&text[left_end..right_start], "" | " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_are_cut_and_flagged() {
        let t = "Putin’s visit to the U.S. capital";
        let toks = tokenize(t, &[0]);
        assert_eq!(toks[0].text(t), "Putin");
        assert!(toks[0].possessive);
        assert!(toks.iter().any(|k| k.text(t) == "U.S."));
    }

    #[test]
    fn sentence_starts_look_through_opening_quotes() {
        let t = "He left. “Russia is ready,” he said.";
        let toks = tokenize(t, &[0, 9]);
        let russia = toks.iter().find(|k| k.text(t) == "Russia").unwrap();
        assert!(russia.sentence_start);
        assert!(!toks[1].sentence_start);
    }
}
