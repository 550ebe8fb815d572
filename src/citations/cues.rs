//! The words around a source that make a sentence an attribution, and the word-level view of a
//! sentence the finders read them from.
//!
//! Cues are data (`lexicons/citation_cues.tsv`, one class per row); this module only loads them
//! and answers "is this word run a cue of class X?". A sentence is looked at as a list of words
//! with byte ranges, so every finder asks the same two questions the same way: what stands
//! right before a source, and does a reporting verb follow it (past auxiliaries, adverbs and
//! time phrases such as "on Tuesday").

use crate::lexicon::{with_lowercase, HashMap};
use aho_corasick::{AhoCorasick, Anchored, Input};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Cue phrases by class, lower case.
///
/// Finders ask at nearly every word whether a cue of some class starts or ends there. Each
/// phrase maps to the bit set of its classes, and the first and last words of all phrases
/// are indexed the same way, so a word that opens (or closes) no cue of the class is turned
/// down with one look-up and no string built.
#[derive(Debug, Default)]
pub struct Cues {
    /// Class names; a class's bit is `1 << index`.
    class_names: Vec<String>,
    /// Phrases of each class, sorted, for building matchers.
    by_class: Vec<Vec<String>>,
    /// Phrase -> classes it belongs to.
    phrases: HashMap<String, u64>,
    /// First word of a phrase -> classes of the phrases it opens.
    first_words: HashMap<String, u64>,
    /// Last word of a phrase -> classes of the phrases it closes.
    last_words: HashMap<String, u64>,
    /// `institution` and `unnamed_media` phrases -> the form used as source.
    canonical: HashMap<String, String>,
    /// Longest phrase of any class, in words.
    longest: usize,
}

static CUES: LazyLock<Cues> =
    LazyLock::new(|| Cues::parse(include_str!("../../lexicons/citation_cues.tsv")));

/// The embedded cue lexicon.
pub fn get() -> &'static Cues {
    &CUES
}

impl Cues {
    fn parse(text: &str) -> Cues {
        let mut cues = Cues::default();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (phrase, class) = (cols[0].to_lowercase(), cols.get(1).copied().unwrap_or(""));
            cues.longest = cues.longest.max(phrase.split(' ').count());
            if let Some(canon) = cols.get(2).filter(|c| !c.is_empty()) {
                cues.canonical
                    .insert(format!("{class}:{phrase}"), canon.to_string());
            }
            let index = match cues.class_names.iter().position(|c| c == class) {
                Some(i) => i,
                None => {
                    cues.class_names.push(class.to_string());
                    cues.by_class.push(Vec::new());
                    cues.class_names.len() - 1
                }
            };
            assert!(index < 64, "at most 64 cue classes fit a bit set");
            let bit = 1u64 << index;
            let first = phrase.split(' ').next().unwrap_or("");
            let last = phrase.rsplit(' ').next().unwrap_or("");
            *cues.first_words.entry(first.to_string()).or_default() |= bit;
            *cues.last_words.entry(last.to_string()).or_default() |= bit;
            *cues.phrases.entry(phrase.clone()).or_default() |= bit;
            if !cues.by_class[index].contains(&phrase) {
                cues.by_class[index].push(phrase);
            }
        }
        cues.by_class.iter_mut().for_each(|p| p.sort());
        cues
    }

    /// The bit of `class`; 0 (nothing matches) for a class the lexicon does not have.
    fn bit(&self, class: &str) -> u64 {
        self.class_names
            .iter()
            .position(|c| c == class)
            .map_or(0, |i| 1 << i)
    }

    fn in_class(map: &HashMap<String, u64>, bit: u64, lower: &str) -> bool {
        map.get(lower).is_some_and(|classes| classes & bit != 0)
    }

    /// Whether `phrase` (any case) is a cue of `class`.
    pub fn is(&self, class: &str, phrase: &str) -> bool {
        let bit = self.bit(class);
        bit != 0 && with_lowercase(phrase, |p| Self::in_class(&self.phrases, bit, p))
    }

    /// The source form of an `institution` or `unnamed_media` phrase.
    pub fn canonical(&self, class: &str, phrase: &str) -> Option<&str> {
        self.canonical
            .get(&format!("{class}:{}", phrase.to_lowercase()))
            .map(String::as_str)
    }

    /// Phrases of a class, for building matchers.
    pub fn phrases(&self, class: &str) -> impl Iterator<Item = &str> {
        self.class_names
            .iter()
            .position(|c| c == class)
            .into_iter()
            .flat_map(|i| self.by_class[i].iter().map(String::as_str))
    }

    /// The longest cue of `class` made of the words ending at `words[..end]`, as a word count.
    pub fn ending_at(&self, class: &str, words: &[Word], end: usize) -> Option<usize> {
        let bit = self.bit(class);
        let max = self.longest.min(end);
        if max == 0
            || !with_lowercase(words[end - 1].text, |w| {
                Self::in_class(&self.last_words, bit, w)
            })
        {
            return None;
        }
        // `key` is `join(&words[end - max..end])`; `starts[k]` where its word `k` starts, so
        // the last `n` words are `key[starts[max - n]..]`.
        let (key, starts) = joined(&words[end - max..end]);
        (1..=max)
            .rev()
            .find(|&n| Self::in_class(&self.phrases, bit, &key[starts[max - n]..]))
    }

    /// The longest cue of `class` made of the words starting at `words[start..]`, as a word count.
    pub fn starting_at(&self, class: &str, words: &[Word], start: usize) -> Option<usize> {
        let bit = self.bit(class);
        let max = self.longest.min(words.len().saturating_sub(start));
        if max == 0
            || !with_lowercase(words[start].text, |w| {
                Self::in_class(&self.first_words, bit, w)
            })
        {
            return None;
        }
        // The first `n` words are `key[..ends[n - 1]]`.
        let (key, starts) = joined(&words[start..start + max]);
        let end_of = |n: usize| starts.get(n).map_or(key.len(), |&s| s - 1);
        (1..=max)
            .rev()
            .find(|&n| Self::in_class(&self.phrases, bit, &key[..end_of(n)]))
    }
}

/// `join(words)` and the byte offset in it where each word starts.
fn joined(words: &[Word]) -> (String, Vec<usize>) {
    let mut key = String::new();
    let mut starts = Vec::with_capacity(words.len());
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            key.push(' ');
        }
        starts.push(key.len());
        with_lowercase(w.text, |l| key.push_str(l));
    }
    (key, starts)
}

/// One word of a sentence: its text and byte range in the block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    /// Whether a comma, colon, semicolon, bracket or quote mark stands between this word and
    /// the one before it.
    pub punct_before: bool,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}]+(?:[.\-’'&][\p{L}\p{N}]+)*\.?").unwrap());

/// The words of `text[range]`, with ranges into `text`. A trailing point stays on a word only
/// when the word has inner points (`U.S.`), so sentence-final points are not words.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let mut previous_end = range.start;
    WORD.find_iter(&text[range.clone()])
        .map(|m| {
            crate::work::add(1);
            let (mut s, mut e) = (range.start + m.start(), range.start + m.end());
            let w = &text[s..e];
            if w.ends_with('.') && !w[..w.len() - 1].contains('.') {
                e -= 1;
            }
            if s > e {
                s = e;
            }
            let punct_before = text[previous_end.min(s)..s]
                .contains([',', ';', ':', '(', ')', '[', ']', '“', '”', '"', '—', '–']);
            previous_end = e;
            Word {
                text: &text[s..e],
                range: s..e,
                punct_before,
            }
        })
        .collect()
}

/// Words joined by single spaces, lower case.
pub fn join(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| w.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Index of the first word starting at or after byte `pos`.
pub fn word_at_or_after(words: &[Word], pos: usize) -> usize {
    words.partition_point(|w| w.range.start < pos)
}

/// Index one past the last word ending at or before byte `pos`.
pub fn words_before(words: &[Word], pos: usize) -> usize {
    words.partition_point(|w| w.range.end <= pos)
}

/// Whether only spaces, a possessive or nothing separates two byte positions.
pub fn touching(text: &str, end: usize, start: usize) -> bool {
    end <= start && text[end..start].chars().all(|c| c.is_whitespace())
}

/// Leftmost-longest matches of `automaton` that start and end on word boundaries.
///
/// A plain leftmost search would take "an official" inside "Canadian officials", drop it as
/// not a whole word, and resume past "officials". Searching anchored at each word start
/// avoids that: the automaton must be built with `StartKind::Both`.
pub fn whole_word_matches(automaton: &AhoCorasick, text: &str) -> Vec<(usize, Range<usize>)> {
    let is_word = |c: char| c.is_alphanumeric();
    let mut out = Vec::new();
    let mut resume = 0;
    let mut prev: Option<char> = None;
    crate::work::add(text.len());
    for (i, c) in text.char_indices() {
        let starts_word = is_word(c) && !prev.is_some_and(is_word);
        prev = Some(c);
        if i < resume || !starts_word {
            continue;
        }
        let input = Input::new(text).range(i..).anchored(Anchored::Yes);
        if let Ok(Some(m)) = automaton.try_find(input) {
            let after = text[m.end()..].chars().next();
            let last = text[..m.end()].chars().next_back();
            // Not followed by a letter or hyphen that would continue the last word.
            let continues = after.is_some_and(|a| is_word(a) || a == '-');
            let ends_word = !(continues && last.is_some_and(is_word));
            if ends_word {
                out.push((m.pattern().as_usize(), m.start()..m.end()));
                resume = m.end();
            }
        }
    }
    out
}

/// The `before` cue ending right before word `first` (past a "the"), if it is not a
/// `recipient` cue: "according to analysts" cites them, "told analysts" does not.
pub fn cited_after_cue(words: &[Word], first: usize) -> bool {
    let c = get();
    let mut b = first;
    while b > 0 && matches!(words[b - 1].text, "the" | "The") {
        b -= 1;
    }
    c.ending_at("before", words, b)
        .is_some_and(|n| !c.is("recipient", &join(&words[b - n..b])))
}

/// Which reporting verbs count after a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbSense {
    /// Speech and publishing verbs (`said`, `reported`, `cited`): outlets and anaphora.
    Speech,
    /// Speech, publishing and belief verbs (`believe`, `expect`): unnamed people.
    Any,
}

/// The reporting verb the words from `start` lead to, past skippable words, if any: its index.
///
/// Skippable are auxiliaries, adverbs in -ly (not `reportedly`) and time phrases; at most four,
/// and nothing may stand between the source and its verb but spaces and commas around them.
pub fn verb_after(words: &[Word], start: usize, sense: VerbSense) -> Option<usize> {
    let cues = get();
    let lex = crate::lexicon::get();
    let mut i = start;
    let mut skipped = 0;
    while i < words.len() && skipped <= 4 {
        let w = words[i].text;
        let verb = lex
            .reporting_verb(w)
            .map(|v| v.class.as_str())
            .or_else(|| cues.is("statement", w).then_some("speech"));
        // A comma, colon or quote mark between source and verb starts an apposition or a
        // quotation ("Patrushev, secretary of the Security Council, told"): no attribution.
        if words[i].punct_before {
            return None;
        }
        // "declined to comment": an infinitive is not the source's own statement.
        if i > 0 && words[i - 1].text.eq_ignore_ascii_case("to") {
            return None;
        }
        if let Some(class) = verb {
            let ok = match sense {
                VerbSense::Speech => class != "stance",
                VerbSense::Any => true,
            };
            // A capitalised verb form mid-sentence is a name ("Say", "Post").
            let capitalised = w.chars().next().is_some_and(char::is_uppercase) && i > 0;
            return (ok && !capitalised).then_some(i);
        }
        let skippable = with_lowercase(w, |lw| {
            cues.is("skip", lw)
                || (lw.ends_with("ly") && lw != "reportedly" && lw.len() > 4)
                || lw.chars().all(|c| c.is_ascii_digit())
                || is_month(lw)
        });
        if !skippable {
            return None;
        }
        i += 1;
        skipped += 1;
    }
    None
}

pub fn is_month(w: &str) -> bool {
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    .contains(&w)
}

/// Prepositions after which a noun phrase is an object, never the subject of a verb.
pub fn is_preposition(word: &str) -> bool {
    with_lowercase(word, |w| {
        [
            "of", "with", "to", "from", "in", "on", "at", "by", "for", "against", "between",
            "among", "toward", "towards", "into", "over", "about", "than", "like", "under",
            "through", "versus", "vs", "upon", "onto", "within", "without", "across", "behind",
            "beyond",
        ]
        .contains(&w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_points_and_drop_final_ones() {
        let t = "U.S. officials said it. Fine.";
        let w: Vec<&str> = words(t, 0..t.len()).iter().map(|w| w.text).collect();
        assert_eq!(w, ["U.S.", "officials", "said", "it", "Fine"]);
    }

    #[test]
    fn a_verb_after_time_phrases_and_auxiliaries() {
        let t = "the agency has also on Monday reported a loss";
        let w = words(t, 0..t.len());
        assert_eq!(verb_after(&w, 2, VerbSense::Speech), Some(6));
        let t = "the agency is a news agency";
        let w = words(t, 0..t.len());
        assert_eq!(verb_after(&w, 2, VerbSense::Speech), None);
    }

    #[test]
    fn belief_verbs_count_only_for_people() {
        let t = "experts believe it";
        let w = words(t, 0..t.len());
        assert_eq!(verb_after(&w, 1, VerbSense::Any), Some(1));
        assert_eq!(verb_after(&w, 1, VerbSense::Speech), None);
    }

    #[test]
    fn cue_lookups_take_the_longest_phrase() {
        let t = "as reported by the paper";
        let w = words(t, 0..t.len());
        assert_eq!(get().ending_at("before", &w, 3), Some(3));
        assert!(get().is("statement", "Found"));
        assert_eq!(get().canonical("unnamed_media", "TV"), Some("television"));
    }

    /// The indexed look-ups answer as the plain definition would: some phrase of the class
    /// equals the joined, lower-cased words (longest first).
    #[test]
    fn indexed_lookups_agree_with_joining_every_window() {
        let c = get();
        let t = "Two senior officials, who spoke on condition of anonymity, said, according to \
                 reports, as reported by the State Media; some analysts say state TV aired it";
        let w = words(t, 0..t.len());
        for class in [
            "anonymity",
            "before",
            "quantifier",
            "unnamed_media",
            "rank",
            "nope",
        ] {
            let phrases: Vec<&str> = c.phrases(class).collect();
            let is = |ws: &[Word]| phrases.contains(&join(ws).as_str());
            for i in 0..=w.len() {
                let starting = (1..=c.longest.min(w.len() - i))
                    .rev()
                    .find(|&n| is(&w[i..i + n]));
                let ending = (1..=c.longest.min(i)).rev().find(|&n| is(&w[i - n..i]));
                assert_eq!(c.starting_at(class, &w, i), starting, "{class} at {i}");
                assert_eq!(c.ending_at(class, &w, i), ending, "{class} to {i}");
            }
        }
        // The sentence holds cues, so the comparison is not vacuous.
        assert!((0..w.len()).any(|i| c.starting_at("anonymity", &w, i).is_some()));
        assert!((0..w.len()).any(|i| c.ending_at("before", &w, i) == Some(2)));
    }
}
