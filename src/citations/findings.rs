//! Findings cited by the document that holds them or by an author no list knows: "according
//! to the affidavit", "the study concluded that", "Acme Analytics found that", "Acme's data
//! showed".
//!
//! `documents` cites institutions the entities stage typed as organisations; `unlisted` reads
//! a name after a citing cue. Pages on business and science cite firms, indexes and filings
//! the lists cannot know, often in three shapes, each read here from the words alone:
//! - a document noun (`document_noun` cues: study, report, affidavit, ...) after "according
//!   to" or "based on", or as the subject of a finding verb ("The lawsuit alleges that");
//!   the source is the noun phrase as written ("the affidavit"), since the document's
//!   author is often named sentences away;
//! - a capitalised name opening a clause before a finding verb (`finding_verb` cues: found,
//!   estimates, concluded, announced; "reports" only with a that-clause): verbs of finding,
//!   not of saying, so "Smith says" stays a quote's business;
//! - a possessive name before a document noun, with a cue or a finding verb ("according
//!   to the Acme Institute's survey", "Acme's data showed").
//!
//! A name that opens with a given name, or that the entities stage knows as a person of two
//! or more words, is a person, never a document.

use super::cues::{self, Word};
use super::Sentence;
use crate::lexicon;
use crate::model::{Citation, CitationKind, EntityType, Mention};

/// Longest name read, in words.
const MAX_NAME_WORDS: usize = 5;

/// Lower-case words that may stand between a determiner and a document noun
/// ("a recent court filing", "his birth certificate"), at most.
const MAX_MODIFIERS: usize = 2;

/// Findings in body sentences, in order.
pub fn find(sentences: &[Sentence], mentions: &[Mention]) -> Vec<Citation> {
    let mut out = Vec::new();
    for s in sentences {
        let near = super::mentions_overlapping(mentions, s.block, s.range.clone());
        out.extend(document_phrases(s));
        out.extend(finding_subjects(s, near));
        out.extend(possessive_findings(s, near));
    }
    out
}

fn is_capitalised(w: &Word) -> bool {
    w.text.chars().next().is_some_and(char::is_uppercase)
}

fn lower(w: &Word) -> String {
    w.text.to_lowercase()
}

/// Whether the finding verb at `k` (past auxiliaries and adverbs) cites: "reports" and
/// "reported" need a that-clause, since "Acme reported record sales" is news, not a source.
/// Verbs only documents use (`document_verb`: shows, suggests, alleges) count when `document`:
/// "Jane revealed" is a person's news.
fn finding_verb_at(w: &[Word], k: usize, document: bool) -> bool {
    let c = cues::get();
    let mut k = k;
    while k < w.len()
        && matches!(
            lower(&w[k]).as_str(),
            "has" | "have" | "had" | "also" | "recently" | "previously" | "specifically" | "now"
        )
    {
        k += 1;
    }
    let Some(verb) = w.get(k).filter(|v| !v.punct_before) else {
        return false;
    };
    if !(c.is("finding_verb", verb.text) || (document && c.is("document_verb", verb.text))) {
        return false;
    }
    let needs_that = matches!(verb.text, "reports" | "reported" | "notes" | "states");
    !needs_that || w.get(k + 1).is_some_and(|x| x.text == "that")
}

/// A person named at `a..b`: a given name first, or a known person of two or more words.
fn is_person(s: &Sentence, near: &[Mention], a: usize, b: usize) -> bool {
    let lex = lexicon::get();
    let first = s.text[a..b].split(' ').next().unwrap_or("");
    lex.is_given_name(first)
        || near.iter().any(|m| {
            m.span.block == s.block
                && m.span.start < b
                && a < m.span.end
                && m.etype == EntityType::Person
                && m.name.contains(' ')
                && lex.is_given_name(m.name.split(' ').next().unwrap_or(""))
        })
}

/// One past the last word of a capitalised name starting at `first`.
fn name_end(w: &[Word], first: usize) -> usize {
    let mut end = first + 1;
    while end < w.len() && end - first < MAX_NAME_WORDS && !w[end].punct_before {
        let glue = matches!(w[end].text, "of" | "for" | "and" | "&")
            && w.get(end + 1).is_some_and(is_capitalised);
        if glue {
            end += 2;
        } else if is_capitalised(&w[end]) {
            end += 1;
        } else {
            break;
        }
    }
    end.min(w.len())
}

fn strip_possessive(s: &str) -> &str {
    s.trim_end_matches("’s")
        .trim_end_matches("'s")
        .trim_end_matches(['’', '\''])
}

/// "according to the affidavit", "based on current statistics", "The study concluded that".
fn document_phrases(s: &Sentence) -> Vec<Citation> {
    let c = cues::get();
    let w = &s.words;
    let mut out = Vec::new();
    for i in 0..w.len() {
        let det = lower(&w[i]);
        let determiner = matches!(
            det.as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that" | "these"
        );
        let cue = i > 0
            && (c.ending_at("before", w, i).is_some()
                || c.ending_at("document_cue", w, i).is_some())
            && !w[i].punct_before;
        let start = if determiner { i + 1 } else { i };
        if !(cue || determiner) {
            continue;
        }
        // The noun after at most two lower-case modifiers.
        let Some(noun) = (start..(start + MAX_MODIFIERS + 1).min(w.len()))
            .take_while(|&k| {
                !w[k].punct_before && w[k].text.chars().all(|ch| ch.is_lowercase() || ch == '-')
            })
            .find(|&k| c.is("document_noun", w[k].text))
        else {
            continue;
        };
        let subject =
            determiner && (i == 0 || w[i].punct_before) && finding_verb_at(w, noun + 1, true);
        // "a report by The Detroit News": the author named right after is the source, and
        // the finders that know names cite it.
        let author_follows = w
            .get(noun + 1)
            .is_some_and(|x| matches!(x.text, "by" | "from" | "in" | "of"))
            && w.get(noun + 2).is_some_and(|x| {
                is_capitalised(x)
                    || (matches!(x.text, "the") && w.get(noun + 3).is_some_and(is_capitalised))
            });
        if (cue || subject) && !author_follows {
            let from = if determiner { i } else { start };
            out.push(s.citation(
                CitationKind::Document,
                s.text[w[from].range.start..w[noun].range.end].to_string(),
                w[from].range.start,
                w[noun].range.end,
            ));
        }
    }
    out
}

/// "Acme Analytics found that ...", "About the city, Acme reports that ...".
fn finding_subjects(s: &Sentence, near: &[Mention]) -> Vec<Citation> {
    let lex = lexicon::get();
    let w = &s.words;
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let opens_clause = i == 0 || w[i].punct_before || matches!(w[i - 1].text, "and" | "but");
        if !opens_clause || !is_capitalised(&w[i]) || lex.is_function_word(w[i].text) {
            i += 1;
            continue;
        }
        let end = name_end(w, i);
        let (a, b) = (w[i].range.start, w[end - 1].range.end);
        // Organisations and outlets the entities stage knows are `documents`' and `media`'.
        let known = near.iter().any(|m| {
            m.span.block == s.block
                && m.span.start < b
                && a < m.span.end
                && matches!(
                    m.etype,
                    EntityType::Org | EntityType::Gpe | EntityType::Media | EntityType::Norp
                )
        });
        if !known
            && !is_person(s, near, a, b)
            && lex.outlet(&s.text[a..b]).is_none()
            && finding_verb_at(w, end, false)
        {
            let source = strip_possessive(&s.text[a..b]).to_string();
            out.push(s.citation(CitationKind::Document, source, a, b));
        }
        i = end;
    }
    out
}

/// "Acme's data showed", "according to the Acme Institute's survey".
fn possessive_findings(s: &Sentence, near: &[Mention]) -> Vec<Citation> {
    let c = cues::get();
    let lex = lexicon::get();
    let w = &s.words;
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if !is_capitalised(&w[i]) || lex.is_function_word(w[i].text) {
            i += 1;
            continue;
        }
        let end = name_end(w, i);
        let last = w[end - 1].text;
        let possessive = last.ends_with("’s") || last.ends_with("'s");
        // The document noun after the possessive, past one modifier ("price monitoring").
        let noun = (end..(end + 2).min(w.len()))
            .take_while(|&k| !w[k].punct_before)
            .find(|&k| c.is("document_noun", w[k].text));
        let (a, b) = (w[i].range.start, w[end - 1].range.end);
        if let (true, Some(noun)) = (possessive, noun) {
            let mut first = i;
            if first > 0 && matches!(w[first - 1].text, "the" | "The") {
                first -= 1;
            }
            let cued = first > 0
                && (c.ending_at("before", w, first).is_some()
                    || c.ending_at("document_cue", w, first).is_some());
            if (cued || finding_verb_at(w, noun + 1, true)) && !is_person(s, near, a, b) {
                let source = strip_possessive(&s.text[a..b]).to_string();
                let end_at = a + source.len();
                out.push(s.citation(CitationKind::Document, source, a, end_at));
            }
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(text: &str) -> Vec<String> {
        let s = Sentence::whole(text);
        find(&[s], &[]).into_iter().map(|c| c.source).collect()
    }

    #[test]
    fn a_document_cited_by_its_noun() {
        assert_eq!(
            sources("The cart was bought that day, according to the affidavit."),
            ["the affidavit"]
        );
        assert_eq!(
            sources("The lawsuit alleges that the firm copied the books."),
            ["The lawsuit"]
        );
        assert!(sources("The lawsuit was filed in May.").is_empty());
        assert!(sources("Prices rose, according to a report by Acme Weekly.").is_empty());
    }

    #[test]
    fn an_unlisted_author_of_a_finding() {
        assert_eq!(
            sources("Acme Analytics found that most desks stood empty."),
            ["Acme Analytics"]
        );
        assert_eq!(
            sources("About the city, Acme reports that growth held up."),
            ["Acme"]
        );
        assert!(sources("Acme reported record sales.").is_empty());
        assert!(sources("Acme revealed its new phone.").is_empty());
        assert!(sources("John Roe found that most desks stood empty.").is_empty());
    }

    #[test]
    fn a_possessive_before_a_document_noun() {
        assert_eq!(
            sources("In one office, Acme’s data showed that desks stood empty."),
            ["Acme"]
        );
        assert_eq!(
            sources("Prices fell, according to the Acme Institute’s survey."),
            ["Acme Institute"]
        );
        assert!(sources("Acme’s data centre opened in May.").is_empty());
    }
}
