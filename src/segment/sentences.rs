//! Splits a block into sentences, as byte ranges into the block's text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes) followed by a space and
//! a capital, digit or opening quote, unless the word before the point is an abbreviation
//! of a title, month or initial ("Lt. Gen.", "Feb. 21", "J. Smith", "U.S. officials").

use std::ops::Range;

pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "brig", "sen", "rep", "gov", "pres", "st", "jr", "sr", "no", "nos", "inc", "corp", "co", "ltd",
    "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mt", "ft", "rev", "hon", "gov", "approx", "dept", "est", "fig", "vol", "u.s", "u.k",
    "u.n", "e.u", "d.c", "a.m", "p.m", "del", "amb", "atty", "supt",
];

/// Sentence ranges covering the whole text (whitespace between sentences excluded).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    crate::work::add(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '.' | '!' | '?'
                )
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            if j < chars.len() && chars[j].1 == ' ' {
                let next = chars.get(j + 1).map(|&(_, c)| c);
                let opens = next.is_some_and(|n| {
                    n.is_uppercase()
                        || n.is_numeric()
                        || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '«')
                });
                if opens && !(c == '.' && is_abbreviation(&text[start..pos], next)) {
                    out.push(start..end);
                    start = chars[j + 1].0;
                    i = j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(start..text.trim_end().len().max(start));
    }
    out
}

/// Whether the word ending at the point is an abbreviation that does not end a sentence.
fn is_abbreviation(before: &str, next: Option<char>) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        // An initial runs on into a name ("J. Smith"); before a quotation it ended a
        // sentence ("posted on X. “Our thoughts ...”").
        return !next.is_some_and(|n| matches!(n, '“' | '"' | '«'));
    }
    if matches!(lower.as_str(), "u.s" | "u.k" | "u.n" | "e.u") {
        // "U.S. officials" runs on; "in the U.S. The next" is rare and ambiguous: keep joined.
        return true;
    }
    // Two dotted initials ("G.K. Butterfield") run on as one initial does; three are more
    // often an agency ending its sentence ("by the F.B.I. The").
    let initials = word.split('.').count() == 2
        && word.split('.').all(|p| p.chars().count() == 1)
        && word.chars().filter(|c| *c != '.').all(char::is_uppercase);
    if initials {
        return !next.is_some_and(|n| matches!(n, '“' | '"' | '«'));
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_on_sentence_ends() {
        assert_eq!(
            split("He left. She stayed! Why? “Yes.” Done"),
            vec!["He left.", "She stayed!", "Why?", "“Yes.”", "Done"]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Lt. Gen. Karl Smith met Dr. Jones on Feb. 21 in the U.S. Capitol."),
            vec!["Lt. Gen. Karl Smith met Dr. Jones on Feb. 21 in the U.S. Capitol."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“We agree,” he said. “It works.”"),
            vec!["“We agree,” he said.", "“It works.”"]
        );
    }

    #[test]
    fn an_initial_before_a_quotation_ends_the_sentence() {
        assert_eq!(
            split("The club posted on X. “Our thoughts are with his family.”"),
            [
                "The club posted on X.",
                "“Our thoughts are with his family.”"
            ]
        );
        assert_eq!(
            split("It was J. Smith who spoke."),
            ["It was J. Smith who spoke."]
        );
        assert_eq!(
            split("It was Rep. A.B. Carter and Del. Jo Ann Ray who spoke."),
            ["It was Rep. A.B. Carter and Del. Jo Ann Ray who spoke."]
        );
    }
}
