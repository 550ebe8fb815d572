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
        let first = out.len();
        for c in authored_documents(s, near) {
            // The possessive finder may have read the same author already.
            if !out[..first]
                .iter()
                .any(|o| o.span == c.span && o.source == c.source)
            {
                out.push(c);
            }
        }
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

/// Lower-case words that may stand between a document noun's preposition and its author
/// ("data from remote work software firm Scoop"), at most.
const MAX_AUTHOR_MODIFIERS: usize = 4;

/// Whether the word after a document noun ends its noun phrase: nothing, punctuation, a
/// function word or a verb of finding. "a Gallup survey found" ends; "Acme's data centre" runs on.
fn noun_phrase_ends(w: &[Word], k: usize) -> bool {
    let lex = lexicon::get();
    w.get(k).is_none_or(|x| {
        x.punct_before
            || lex.is_function_word(x.text)
            || finding_verb_at(w, k, true)
            || cues::is_preposition(x.text)
    })
}

/// Whether the name at `a..b` may author a document: no outlet (`media` cites those), no
/// place and no month ("a report in May", "a study in Texas").
fn may_author(s: &Sentence, near: &[Mention], a: usize, b: usize) -> bool {
    let lex = lexicon::get();
    let name = strip_possessive(&s.text[a..b]);
    lex.outlet(name).is_none()
        && !cues::is_month(&name.to_lowercase())
        && !near.iter().any(|m| {
            m.span.block == s.block
                && m.span.start < b
                && a < m.span.end
                && matches!(
                    m.etype,
                    EntityType::Media | EntityType::Gpe | EntityType::Loc | EntityType::Norp
                )
        })
}

/// A document named with its author, with or without a verb: writers cite a finding by
/// naming who made it, and the naming is the citation.
/// - the author before the noun: "a Gallup survey", "the Vanguard analysis", "The Brookings
///   Report";
/// - the author after it: "a new report from the Brookings Institution", "a recent analysis
///   by Artsy", "a 2018 report in Translational Psychiatry", "a study conducted by Jane Roe".
fn authored_documents(s: &Sentence, near: &[Mention]) -> Vec<Citation> {
    let c = cues::get();
    let lex = lexicon::get();
    let w = &s.words;
    let mut out = Vec::new();
    for (k, word) in w.iter().enumerate() {
        if !c.is("document_noun", word.text) {
            continue;
        }
        // Before the noun: determiner, (lower-case modifiers), Name, noun.
        if k >= 2 && !word.punct_before && noun_phrase_ends(w, k + 1) {
            let mut first = k;
            while first > 0
                && k - first < MAX_NAME_WORDS
                && !w[first].punct_before
                && is_capitalised(&w[first - 1])
                && !lex.is_function_word(w[first - 1].text)
            {
                first -= 1;
            }
            let determined = first < k
                && first > 0
                && !w[first].punct_before
                && matches!(lower(&w[first - 1]).as_str(), "a" | "an" | "the");
            let (a, b) = (w[first].range.start, w[k - 1].range.end);
            // Only a document cited: after a cue, as a clause's subject or before a finding
            // verb; "he confirmed the Acme assessment" discusses it.
            let det = first.saturating_sub(1);
            let cited = determined
                && ((det > 0
                    && (c.ending_at("before", w, det).is_some()
                        || c.ending_at("document_cue", w, det).is_some()))
                    || det == 0
                    || w[det].punct_before
                    || finding_verb_at(w, k + 1, true));
            if determined && cited && !is_person(s, near, a, b) && may_author(s, near, a, b) {
                let source = strip_possessive(&s.text[a..b]).to_string();
                out.push(s.citation(CitationKind::Document, source.clone(), a, a + source.len()));
                continue;
            }
        }
        // After the noun: (past participle), by / from / in, (the), (modifiers), Name.
        let mut p = k + 1;
        if w.get(p).is_some_and(|x| {
            !x.punct_before
                && matches!(
                    x.text,
                    "conducted" | "compiled" | "published" | "released" | "commissioned" | "led"
                )
        }) {
            p += 1;
        }
        let Some(prep) = w.get(p).filter(|x| !x.punct_before) else {
            continue;
        };
        if !matches!(prep.text, "by" | "from" | "in") {
            continue;
        }
        let mut first = p + 1;
        if w.get(first).is_some_and(|x| x.text == "the") {
            first += 1;
        }
        let mut skipped = 0;
        // Modifiers are plain words: no function word ("from its Flex Index" is the same
        // author's) and no participle ("from the state confirming that Joe Biden won").
        while w.get(first).is_some_and(|x| {
            !x.punct_before
                && x.text.chars().all(|ch| ch.is_lowercase() || ch == '-')
                && !lex.is_function_word(x.text)
                && !x.text.ends_with("ing")
        }) && skipped < MAX_AUTHOR_MODIFIERS
        {
            first += 1;
            skipped += 1;
        }
        let Some(head) = w.get(first) else {
            continue;
        };
        // "in" names a venue only right after it ("a report in Nature"), never past
        // modifiers ("a report in the city of Austin").
        if head.punct_before
            || !is_capitalised(head)
            || lex.is_function_word(head.text)
            || (prep.text == "in" && skipped > 0)
        {
            continue;
        }
        let end = name_end(w, first);
        let (a, b) = (w[first].range.start, w[end - 1].range.end);
        if may_author(s, near, a, b) && (prep.text != "in" || !is_person(s, near, a, b)) {
            let source = strip_possessive(&s.text[a..b]).to_string();
            out.push(s.citation(CitationKind::Document, source.clone(), a, a + source.len()));
        }
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
        // The author named right after is the source, never the noun.
        assert!(
            !sources("Prices rose, according to a report by Acme Weekly.")
                .iter()
                .any(|x| x.contains("report"))
        );
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

    #[test]
    fn a_document_named_with_its_author() {
        assert_eq!(
            sources("Prices fell, according to a Gallup survey of workers."),
            ["Gallup"]
        );
        assert_eq!(
            sources("The title of a new report from the Brookings Institution is long."),
            ["Brookings Institution"]
        );
        assert_eq!(
            sources("Prices, a recent analysis by Artsy suggests, have fallen."),
            ["Artsy"]
        );
        assert_eq!(
            sources("It was a 2018 report in Translational Psychiatry."),
            ["Translational Psychiatry"]
        );
        assert_eq!(
            sources("Data from remote work software firm Scoop and others agree."),
            ["Scoop"]
        );
        assert!(sources("He wrote a report in May about the city.").is_empty());
        assert!(sources("She read the report in the office.").is_empty());
        assert!(sources("Acme’s data centre opened in May.").is_empty());
        assert!(sources("The study was long.").is_empty());
        assert_eq!(
            sources("He confirmed the Acme assessment but said no more."),
            Vec::<String>::new()
        );
        assert!(
            sources("It signed the document from the state confirming that Jane Roe won.")
                .is_empty()
        );
        assert_eq!(
            sources("Acme gets its data from its Flex Index."),
            Vec::<String>::new()
        );
    }
}
