//! Sources named after a citing cue that neither the lexicons nor the entities stage know:
//! "according to Gallup", "according to a McKinsey report", "published in PLOS Biology".
//!
//! `documents` and `media` cite only what is an entity mention or a listed outlet, so a journal,
//! a pollster or a small publication that no list names was no source at all. After a cue that
//! cites a finding (the `document_cue` class: "according to", "published in", "a study by"; not
//! a channel such as "in a post on" or an audience such as "told"), a run of capitalised words
//! is the name of what is cited, optionally after an article and before a noun of a published
//! piece ("a Gallup survey"). It is a `document` (a finding or statement of an institution):
//! with nothing known about the name, that is the kind most such sources have. A run that any
//! mention overlaps is left to the stages that know it, and a run that opens with a given name
//! is a person, whose words are quotes, not sources.

use super::cues::{self, Word};
use super::Sentence;
use crate::lexicon;
use crate::model::{Citation, CitationKind};

/// Longest name read, in words (`Institute for Basic Science`).
const MAX_NAME_WORDS: usize = 6;

/// Small words that may stand inside a name between capitalised words.
const NAME_GLUE: &[&str] = &["of", "for", "and", "&", "on", "de"];

/// Document citations named only in the words, in sentence order.
pub fn find(
    sentences: &[Sentence],
    covered: impl Fn(usize, usize, usize) -> bool,
) -> Vec<Citation> {
    let mut out = Vec::new();
    for s in sentences {
        let w = &s.words;
        let mut i = 0;
        while i < w.len() {
            let Some(first) = name_start(w, i) else {
                i += 1;
                continue;
            };
            let end = name_end(w, first);
            let (a, b) = (w[first].range.start, w[end - 1].range.end);
            let lex = lexicon::get();
            let person = lex.is_given_name(w[first].text);
            let known = lex.outlet(&s.text[a..b]).is_some();
            if !person && !known && !covered(s.block, a, b) {
                out.push(citation(s, a, b));
            }
            i = end;
        }
    }
    out
}

fn is_capitalised(w: &Word) -> bool {
    w.text.chars().next().is_some_and(char::is_uppercase)
}

/// The first word of a name cited at word `i`: `i` itself right after a cue, or past an article
/// and a year (`according to a 2023 Gallup survey`).
fn name_start(w: &[Word], i: usize) -> Option<usize> {
    let lex = lexicon::get();
    let c = cues::get();
    if c.ending_at("document_cue", w, i).is_none() || w[i].punct_before {
        return None;
    }
    let mut j = i;
    if matches!(
        w[j].text.to_lowercase().as_str(),
        "a" | "an" | "new" | "recent"
    ) {
        j += 1;
    }
    if w.get(j)
        .is_some_and(|x| x.text.len() == 4 && x.text.chars().all(|c| c.is_ascii_digit()))
    {
        j += 1;
    }
    let first = w.get(j)?;
    (is_capitalised(first) && !lex.is_function_word(first.text) && (j == i || !first.punct_before))
        .then_some(j)
}

/// One past the last word of the name that starts at `first`.
fn name_end(w: &[Word], first: usize) -> usize {
    let mut end = first + 1;
    while end < w.len() && end - first < MAX_NAME_WORDS && !w[end].punct_before {
        let glue = NAME_GLUE.contains(&w[end].text) && w.get(end + 1).is_some_and(is_capitalised);
        if is_capitalised(&w[end]) || glue {
            end += if glue { 2 } else { 1 };
        } else {
            break;
        }
    }
    end.min(w.len())
}

fn citation(s: &Sentence, start: usize, end: usize) -> Citation {
    let written = s.text[start..end].trim_end_matches(['’', '\'']);
    let source = written
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string();
    s.citation(CitationKind::Document, source, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(text: &str) -> Vec<String> {
        let s = Sentence::whole(text);
        find(&[s], |_, _, _| false)
            .into_iter()
            .map(|c| c.source)
            .collect()
    }

    #[test]
    fn a_name_after_according_to_is_a_document() {
        assert_eq!(
            sources("Sales rose, according to a 2023 Gallup survey."),
            ["Gallup"]
        );
        assert_eq!(
            sources("The findings were published in PLOS Biology."),
            ["PLOS Biology"]
        );
    }

    #[test]
    fn a_person_an_audience_or_a_channel_is_no_document() {
        assert!(sources("It was late, according to John Smith.").is_empty());
        assert!(sources("She told Congress the plan would work.").is_empty());
        assert!(sources("The zoo said in a post on X that it was a girl.").is_empty());
    }
}
