//! The features the entity tagger scores a word by, hashed into a fixed table.
//!
//! One function computes them for training and for tagging, so the two can never drift
//! apart. Each feature is a template number and a value (the lower-cased word, its shape,
//! a suffix, the word two places left, a lexicon list it is in, the punctuation before
//! it...), hashed with FNV-1a: no vocabulary is stored, unseen words cost nothing, and the
//! table's size is fixed by `bits` whatever the training data. Lexicon and gazetteer
//! membership carry what the project's lists know, so the model learns how far to trust
//! them in context instead of replacing them.

use super::gazetteer::{Found, Gazetteer, Source};
use super::tokens::Token;
use crate::lexicon;
use crate::lexicon::Lexicons;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The hash of a template and its value parts.
fn key(template: u8, parts: &[&[u8]]) -> u64 {
    let mut h = fnv(FNV_OFFSET, &[template]);
    for p in parts {
        h = fnv(h, p);
        h = fnv(h, &[0xff]);
    }
    // Final mix: FNV's low bits are weak for short inputs.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// "Xxxx", "XX", "dd", "X.X.": each character's class, runs cut at `cap` repeats.
fn shape(word: &str, cap: usize) -> String {
    let mut out = String::new();
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= cap {
            out.push(k);
        }
    }
    out
}

/// One word's view for feature making: lower-cased form, shapes, lexicon flags.
struct Word<'a> {
    written: &'a str,
    lower: String,
    shape: String,
    short: String,
    flags: u16,
}

/// Lexicon lists a word is in, one bit each.
fn flags(lex: &Lexicons, w: &str) -> u16 {
    let tests: [bool; 10] = [
        lex.is_given_name(w),
        lex.is_surname(w),
        lex.is_common_word(w),
        lex.is_function_word(w),
        super::typing::is_person_title(w),
        lex.org_suffixes.contains(w),
        lex.org_prefixes.contains(w),
        lex.location_heads.contains_key(w),
        lex.nameplate_heads.contains(w),
        lex.reporting_verb(w).is_some(),
    ];
    tests
        .iter()
        .enumerate()
        .fold(0, |acc, (i, &t)| if t { acc | 1 << i } else { acc })
}

fn word<'a>(lex: &Lexicons, written: &'a str) -> Word<'a> {
    Word {
        written,
        lower: written.to_lowercase(),
        shape: shape(written, 2),
        short: shape(written, 1),
        flags: flags(lex, written),
    }
}

/// Punctuation between two words, spaces dropped, at most three characters ("," "(" "”,").
fn gap(text: &str, from: usize, to: usize) -> String {
    text.get(from..to)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(3)
        .collect()
}

/// Gazetteer source of each token (as a B/I code), from the known forms in the text.
fn known_forms(toks: &[Token], found: &[Found]) -> Vec<u8> {
    let mut out = vec![0u8; toks.len()];
    let mut j = 0;
    for (i, t) in toks.iter().enumerate() {
        while j < found.len() && found[j].end <= t.start {
            j += 1;
        }
        if let Some(f) = found
            .get(j)
            .filter(|f| f.start <= t.start && t.end <= f.end)
        {
            let source = match f.entry.source {
                Source::Custom => 1,
                Source::Outlet => 2,
                Source::Organization => 3,
                Source::Country => 4,
                Source::Demonym => 5,
                Source::Region => 6,
                Source::Place => 7,
            };
            out[i] = source * 2 + u8::from(f.start < t.start);
        }
    }
    out
}

/// Hashed features of every token of one sentence of `text` (tokens in order).
pub fn sentence_features(text: &str, toks: &[Token], gazetteer: &Gazetteer) -> Vec<Vec<u64>> {
    let lex = lexicon::get();
    let words: Vec<Word> = toks.iter().map(|t| word(lex, t.text(text))).collect();
    let span_start = toks.first().map_or(0, |t| t.start);
    let span_end = toks.last().map_or(0, |t| t.end);
    let found = gazetteer.find(&text[span_start..span_end]);
    let found: Vec<Found> = found
        .into_iter()
        .map(|f| Found {
            start: f.start + span_start,
            end: f.end + span_start,
            entry: f.entry,
        })
        .collect();
    let known = known_forms(toks, &found);
    let none = Word {
        written: "",
        lower: String::from("<none>"),
        shape: String::from("<none>"),
        short: String::from("<none>"),
        flags: 0,
    };
    let at = |i: isize| -> &Word {
        if i < 0 || i as usize >= words.len() {
            &none
        } else {
            &words[i as usize]
        }
    };
    let known_at = |i: isize| -> u8 {
        if i < 0 || i as usize >= known.len() {
            0
        } else {
            known[i as usize]
        }
    };
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        let k = i as isize;
        let w = &words[i];
        let (p, n, p2, n2) = (at(k - 1), at(k + 1), at(k - 2), at(k + 2));
        let before = gap(
            text,
            if i == 0 { t.start } else { toks[i - 1].end },
            t.start,
        );
        let after_end = toks.get(i + 1).map_or(t.end + 3, |x| x.start);
        let after = if t.possessive {
            String::from("'s")
        } else {
            gap(text, t.end, after_end.min(text.len()))
        };
        let lw = w.lower.as_bytes();
        let lower = w.lower.as_str();
        let affix = |from_end: bool, n: usize| -> &str {
            let cut = if from_end {
                lower.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b)
            } else {
                lower.char_indices().nth(n).map_or(lower.len(), |(b, _)| b)
            };
            if from_end {
                &lower[cut..]
            } else {
                &lower[..cut]
            }
        };
        let start = [u8::from(t.sentence_start)];
        let mut f = vec![
            key(0, &[]),
            key(1, &[lw]),
            key(2, &[p.lower.as_bytes()]),
            key(3, &[n.lower.as_bytes()]),
            key(4, &[p2.lower.as_bytes()]),
            key(5, &[n2.lower.as_bytes()]),
            key(6, &[w.shape.as_bytes()]),
            key(7, &[p.short.as_bytes()]),
            key(8, &[n.short.as_bytes()]),
            key(9, &[affix(false, 2).as_bytes()]),
            key(10, &[affix(false, 3).as_bytes()]),
            key(11, &[affix(true, 2).as_bytes()]),
            key(12, &[affix(true, 3).as_bytes()]),
            key(13, &[affix(true, 4).as_bytes()]),
            key(14, &[&start, w.short.as_bytes()]),
            key(15, &[before.as_bytes()]),
            key(16, &[after.as_bytes()]),
            key(17, &[&[known_at(k)]]),
            key(18, &[&[known_at(k - 1), known_at(k)]]),
            key(19, &[&[known_at(k), known_at(k + 1)]]),
            key(20, &[w.written.as_bytes()]),
            key(21, &[p.lower.as_bytes(), w.short.as_bytes()]),
            key(22, &[w.short.as_bytes(), n.lower.as_bytes()]),
            key(
                23,
                &[p.short.as_bytes(), w.short.as_bytes(), n.short.as_bytes()],
            ),
            key(24, &[p2.lower.as_bytes(), p.lower.as_bytes()]),
            key(25, &[before.as_bytes(), w.short.as_bytes()]),
            key(26, &[&start, &[u8::from(i == 0)], p.lower.as_bytes()]),
        ];
        // The lists a word and its neighbours are in, as one feature each (not one per
        // list): fewer table look-ups per word, and the combination is what tells.
        let (wf, pf, nf) = (
            w.flags.to_le_bytes(),
            p.flags.to_le_bytes(),
            n.flags.to_le_bytes(),
        );
        f.push(key(30, &[&wf, w.short.as_bytes()]));
        f.push(key(31, &[&pf]));
        f.push(key(32, &[&nf]));
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_long_runs() {
        assert_eq!(shape("Washington", 2), "Xxx");
        assert_eq!(shape("U.S.", 2), "X.X.");
        assert_eq!(shape("1996", 1), "d");
    }

    #[test]
    fn features_are_the_same_for_the_same_sentence() {
        let text = "Talks with Zorbex Ltd resumed in Pretoria.";
        let toks = super::super::tokens::tokenize(text, &[0]);
        let g = super::super::CustomEntities::default();
        let a = sentence_features(text, &toks, g.gazetteer());
        let b = sentence_features(text, &toks, g.gazetteer());
        assert_eq!(a, b);
        assert_eq!(a.len(), toks.len());
    }
}
