//! Media citations: the text attributes something to a news outlet or agency.
//!
//! Three shapes, all anchored on a cue (see the module doc of `citations`):
//! - a named outlet (lexicon) followed by a speech or publishing verb (`the WSJ said`,
//!   `RIA cited`), by a report noun (`a Reuters report`), or preceded by a cue
//!   (`according to Reuters`, `told The Epoch Times`, `as reported by the Journal`);
//! - unnamed media: a modifier and a media head (`state television`, `local media`) with a cue
//!   (`remarks aired on state television`, `state media reported`);
//! - an anaphor (`the report added`, `said the newspaper`) resolved to the outlet cited last,
//!   if that was in the same or one of the three previous body paragraphs.

use super::cues::{self, VerbSense, Word};
use super::{outlets, Sentence};
use crate::lexicon;
use crate::model::{Citation, CitationKind, EntityType, Mention};

/// How far back (in blocks) an anaphor may reach for its outlet.
const ANAPHOR_REACH: usize = 3;

/// Media citations in body sentences, in order.
pub fn find(sentences: &[Sentence], mentions: &[Mention]) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    for s in sentences {
        let mut here = named_outlets(s, mentions);
        let interviewers = unlisted_interviewers(s, mentions, &here);
        here.extend(interviewers);
        here.extend(unnamed_media(s));
        let last = out
            .iter()
            .chain(&here)
            .rfind(|c| c.source_entity.is_some() || is_named(c))
            .filter(|c| c.span.block + ANAPHOR_REACH >= s.block)
            .cloned();
        if let Some(last) = last {
            here.extend(anaphors(s, &last));
        }
        here.sort_by_key(|c| c.span.start);
        out.extend(here);
    }
    out
}

fn is_named(c: &Citation) -> bool {
    lexicon::get().outlet(&c.source).is_some()
}

fn citation(s: &Sentence, source: String, start: usize, end: usize) -> Citation {
    s.citation(CitationKind::Media, source, start, end)
}

/// Whether the words around `words[first..after]` make it a cited source.
fn cued(words: &[Word], first: usize, after: usize) -> bool {
    let c = cues::get();
    let mut before = first;
    while before > 0 && matches!(words[before - 1].text, "the" | "The" | "a" | "an") {
        before -= 1;
    }
    cues::verb_after(words, after, VerbSense::Speech).is_some()
        || words
            .get(after)
            .is_some_and(|w| c.is("report", w.text) && w.text.chars().all(char::is_lowercase))
        || c.ending_at("before", words, before).is_some()
}

fn named_outlets(s: &Sentence, mentions: &[Mention]) -> Vec<Citation> {
    let mentions = super::mentions_overlapping(mentions, s.block, s.range.clone());
    let sentence = &s.text[s.range.clone()];
    let listed = outlets::find(sentence);
    let mut out: Vec<Citation> = listed
        .iter()
        .filter_map(|n| {
            let (start, end) = (s.range.start + n.range.start, s.range.start + n.range.end);
            let first = cues::word_at_or_after(&s.words, start);
            // The word holding the end may carry a possessive ("Reuters’"): skip past it.
            let after = cues::word_at_or_after(&s.words, end);
            if !cued(&s.words, first, after) {
                return None;
            }
            let mut c = citation(s, n.outlet.name.clone(), start, end);
            c.source_entity = mentions
                .iter()
                .find(|m| {
                    m.span.block == s.block
                        && m.span.start < end
                        && start < m.span.end
                        && m.etype == EntityType::Media
                })
                .map(|m| m.entity);
            Some(c)
        })
        .collect();
    // Outlets the lexicon does not list but the entities stage typed by their nameplate
    // ("the Detroit News reported").
    let unlisted: Vec<&Mention> = mentions
        .iter()
        .filter(|m| {
            m.etype == EntityType::Media
                && m.span.block == s.block
                && s.range.start <= m.span.start
                && m.span.end <= s.range.end
                && !out
                    .iter()
                    .any(|c| c.span.start < m.span.end && m.span.start < c.span.end)
                && lexicon::get().outlet(&m.name).is_none()
        })
        .collect();
    for m in unlisted {
        let first = cues::word_at_or_after(&s.words, m.span.start);
        let after = cues::word_at_or_after(&s.words, m.span.end);
        if cued(&s.words, first, after) {
            let mut c = citation(s, m.name.clone(), m.span.start, m.span.end);
            c.source_entity = Some(m.entity);
            out.push(c);
        }
    }
    out
}

/// Words that may follow the outlet a person told something: a clause or a time phrase
/// ("told TheStreet that", "told Glossy in 2018", "told Acme News last week").
const AFTER_INTERVIEWER: &[&str] = &[
    "that",
    "in",
    "at",
    "last",
    "earlier",
    "through",
    "during",
    "on",
    "about",
    "this",
    "recently",
    "previously",
    "before",
    "after",
    "when",
    "while",
    "how",
    "why",
    "what",
    "back",
    "via",
];

/// Longest unlisted outlet name read after an interview cue, in words.
const MAX_INTERVIEWER_WORDS: usize = 4;

/// An outlet no list names, right after a cue of giving words to a publication: "she told
/// TheStreet", "in an interview with Acme Weekly". A person is told things as often, so the
/// name must not open with a given name or a surname, nor be a person (of a given name),
/// place or organisation the entities stage knows, nor a title ("told President X"), and what follows
/// must end the clause or open a time phrase or a that-clause.
fn unlisted_interviewers(s: &Sentence, mentions: &[Mention], named: &[Citation]) -> Vec<Citation> {
    let c = cues::get();
    let lex = lexicon::get();
    let w = &s.words;
    let mentions = super::mentions_overlapping(mentions, s.block, s.range.clone());
    let capitalised = |x: &Word| x.text.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for i in 1..w.len() {
        if w[i].punct_before || c.ending_at("interviewer", w, i).is_none() {
            continue;
        }
        let first = i + usize::from(matches!(w[i].text, "the" | "The"));
        let Some(head) = w.get(first).filter(|x| capitalised(x) && !x.punct_before) else {
            continue;
        };
        let mut end = first + 1;
        while end < w.len()
            && end - first < MAX_INTERVIEWER_WORDS
            && !w[end].punct_before
            && capitalised(&w[end])
        {
            end += 1;
        }
        let follows_ok = w.get(end).is_none_or(|x| {
            x.punct_before || AFTER_INTERVIEWER.contains(&x.text.to_lowercase().as_str())
        });
        let lower = head.text.to_lowercase();
        let personal = lex.is_given_name(head.text)
            || lex.is_surname(head.text)
            || lex.is_function_word(head.text)
            || lex.titles.contains_key(&lower)
            || lex.titles.contains_key(head.text);
        let (a, b) = (w[first].range.start, w[end - 1].range.end);
        let known = mentions.iter().any(|m| {
            m.span.start < b
                && a < m.span.end
                && match m.etype {
                    // The entities stage takes any two capitalised words for a person.
                    EntityType::Person => {
                        m.name.contains(' ')
                            && lex.is_given_name(m.name.split(' ').next().unwrap_or(""))
                    }
                    EntityType::Media => false,
                    // The tagger also takes unlisted names for organisations: only a
                    // listed one, or one named by its head word ("Finance Committee"), is known.
                    EntityType::Org => {
                        let last = m.name.split(' ').next_back().unwrap_or("");
                        lex.org_suffixes.contains(last)
                            || lex
                                .org_prefixes
                                .contains(m.name.split(' ').next().unwrap_or(""))
                            || crate::entities::CustomEntities::default()
                                .gazetteer()
                                .lookup(&m.name)
                                .is_some()
                    }
                    _ => true,
                }
        });
        let taken = named.iter().any(|n| n.span.start < b && a < n.span.end);
        if follows_ok && !personal && !known && !taken {
            let source = s.text[a..b]
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_string();
            out.push(citation(s, source, a, b));
        }
    }
    out
}

/// `state television`, `Russian state media`, `local media` with a cue.
fn unnamed_media(s: &Sentence) -> Vec<Citation> {
    let c = cues::get();
    let lex = lexicon::get();
    let w = &s.words;
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let Some(n) = c.starting_at("unnamed_media", w, i) else {
            i += 1;
            continue;
        };
        let head = cues::join(&w[i..i + n]);
        // Heads are common nouns: "Media" or "TV" in a name ("Media Matters") is not one.
        let lowercase_head = w[i].text.chars().next().is_some_and(char::is_lowercase)
            || w[i].text.chars().all(char::is_uppercase);
        let mut first = i;
        while first > 0 && c.is("unnamed_media_mod", w[first - 1].text) {
            first -= 1;
        }
        let has_modifier = first < i;
        if first > 0 && is_demonym(lex, w[first - 1].text) {
            first -= 1;
        }
        // "shared via social media": a channel the words went through, not a source.
        let channel = first > 0 && w[first - 1].text.eq_ignore_ascii_case("via");
        if lowercase_head && first < i && has_modifier && !channel && cued(w, first, i + n) {
            let mods: Vec<&str> = w[first..i].iter().map(|x| x.text).collect();
            let canon = c.canonical("unnamed_media", &head).unwrap_or(&head);
            let source = format!("{} {}", mods.join(" "), canon);
            let source = lower_first_unless_name(&source, lex);
            out.push(citation(
                s,
                source,
                w[first].range.start,
                w[i + n - 1].range.end,
            ));
        }
        i += n;
    }
    out
}

fn is_demonym(lex: &lexicon::Lexicons, word: &str) -> bool {
    lex.countries
        .iter()
        .any(|c| c.demonyms.iter().any(|d| d == word))
}

/// "State media" -> "state media"; "Russian state media" stays.
fn lower_first_unless_name(s: &str, lex: &lexicon::Lexicons) -> String {
    let first = s.split(' ').next().unwrap_or("");
    if is_demonym(lex, first) {
        return s.to_string();
    }
    let mut chars = s.chars();
    chars
        .next()
        .map(|f| f.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `the report added`, `the newspaper said`, `..., said the agency.`
fn anaphors(s: &Sentence, last: &Citation) -> Vec<Citation> {
    let c = cues::get();
    let w = &s.words;
    let mut out = Vec::new();
    for i in 0..w.len() {
        if !matches!(w[i].text, "the" | "The") {
            continue;
        }
        let Some(n) = c.starting_at("anaphor", w, i + 1) else {
            continue;
        };
        let after = i + 1 + n;
        let verb_follows = cues::verb_after(w, after, VerbSense::Speech).is_some();
        let inverted = i > 0
            && after == w.len()
            && lexicon::get()
                .reporting_verb(w[i - 1].text)
                .is_some_and(|v| v.class != "stance");
        if verb_follows || inverted {
            let mut a = citation(
                s,
                last.source.clone(),
                w[i].range.start,
                w[after - 1].range.end,
            );
            a.source_entity = last.source_entity;
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::sentences::split_sentences;

    fn media_in(texts: &[&str]) -> Vec<(String, String)> {
        let sentences: Vec<Sentence> = texts
            .iter()
            .enumerate()
            .flat_map(|(b, t)| {
                split_sentences(t).into_iter().map(move |r| Sentence {
                    block: b,
                    text: t,
                    words: cues::words(t, r.clone()),
                    range: r,
                })
            })
            .collect();
        find(&sentences, &[])
            .into_iter()
            .map(|c| (c.source, c.source_text))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn an_unlisted_outlet_told_something() {
        assert_eq!(
            media_in(&["“It works,” she told GlossyWeekly in 2019."]),
            [pair("GlossyWeekly", "GlossyWeekly")]
        );
        assert_eq!(
            media_in(&["He said in an interview with Harbour Radio that prices rose."]),
            [pair("Harbour Radio", "Harbour Radio")]
        );
    }

    #[test]
    fn a_person_or_a_title_told_is_no_outlet() {
        assert!(media_in(&["She told John that prices rose."]).is_empty());
        assert!(media_in(&["She told President Roe that prices rose."]).is_empty());
        assert!(media_in(&["She told Smith that prices rose."]).is_empty());
        assert!(media_in(&["She told Harbour Radio staff to leave."]).is_empty());
    }

    #[test]
    fn outlet_followed_by_a_reporting_verb() {
        assert_eq!(
            media_in(&["Exports fell, the Financial Times reported on Monday."]),
            [pair("The Financial Times", "Financial Times")]
        );
        assert_eq!(
            media_in(&["The plant will close, the WSJ said."]),
            [pair("The Wall Street Journal", "WSJ")]
        );
        assert_eq!(
            media_in(&["“We will stay,” TASS quoted the governor as saying."]),
            [pair("TASS", "TASS")]
        );
    }

    #[test]
    fn cue_before_the_outlet() {
        assert_eq!(
            media_in(&["The deal is worth $2bn, according to Bloomberg."]),
            [pair("Bloomberg", "Bloomberg")]
        );
        assert_eq!(
            media_in(&["“It was a mistake,” the mayor told Al Jazeera."]),
            [pair("Al Jazeera", "Al Jazeera")]
        );
        assert_eq!(
            media_in(&["Talks stalled in March, as reported by the Guardian."]),
            [pair("The Guardian", "Guardian")]
        );
    }

    #[test]
    fn an_outlet_that_saw_or_relayed_the_words() {
        assert_eq!(
            media_in(&["Documents of the offer, seen by the Guardian, show a clause."]),
            [pair("The Guardian", "Guardian")]
        );
        assert_eq!(
            media_in(&["He said so in a statement obtained by Bloomberg."]),
            [pair("Bloomberg", "Bloomberg")]
        );
        assert_eq!(
            media_in(&["Others piled on (via Reuters): “It was a mistake.”"]),
            [pair("Reuters", "Reuters")]
        );
    }

    #[test]
    fn unnamed_media_as_a_channel_is_no_source() {
        assert!(media_in(&["They confirmed it via social media in 2021."]).is_empty());
    }

    #[test]
    fn a_report_noun_after_the_outlet() {
        assert_eq!(
            media_in(&["A Reuters investigation found gaps in the records."]),
            [pair("Reuters", "Reuters")]
        );
    }

    #[test]
    fn a_correspondent_of_the_outlet() {
        assert_eq!(
            media_in(&["An Al Jazeera correspondent in the city said the bridge was down."]),
            [pair("Al Jazeera", "Al Jazeera")]
        );
    }

    #[test]
    fn unnamed_state_media() {
        assert_eq!(
            media_in(&["The speech was aired on state TV late on Sunday."]),
            [pair("state television", "state TV")]
        );
        assert_eq!(
            media_in(&["Iranian state media reported two arrests."]),
            [pair("Iranian state media", "Iranian state media")]
        );
    }

    #[test]
    fn anaphor_resolves_to_the_outlet_just_cited() {
        assert_eq!(
            media_in(&[
                "The bank will cut jobs, the Financial Times reported.",
                "Cuts could start in June, the report added."
            ]),
            [
                pair("The Financial Times", "Financial Times"),
                pair("The Financial Times", "the report")
            ]
        );
    }

    #[test]
    fn outlet_mentions_without_cue_are_not_citations() {
        assert!(media_in(&["Reuters is a news agency."]).is_empty());
        assert!(media_in(&["She worked for Bloomberg for ten years."]).is_empty());
        assert!(media_in(&["The report is due in May."]).is_empty());
        assert!(media_in(&["The report comes as prices rise, and Media Matters grew."]).is_empty());
    }
}
