//! Document citations: a named institution, government or company states or finds something
//! ("the United Nations has found", "China claims", "The US government expressed",
//! "Toyota said in a statement", "the foreign ministry of Chile has stated").
//!
//! The subject is an entity mention of type GPE or ORG (a NORP only with an institution noun:
//! "the Chinese foreign ministry"), optionally grown by an institution noun ("US government",
//! "Russia's defence ministry"). It must be a subject: not after a preposition, not a
//! possessive of something else ("China's president said" is the president's, a person's).
//! The verb after it must be a statement verb (`said`, `claims`, `has found`, `voiced`,
//! `expressed`) or any reporting verb with a that-clause ("China has emphasised that ...");
//! "China has emphasised its ties" or "the US views China as ..." describe, not cite.
//! Coordinated subjects ("Russia and China said") give one row each. An institution after a
//! citing cue is a document too ("according to the World Bank", "a report by the UN"), but
//! not after a cue that makes it an audience ("told the UN").

use super::cues::{self, VerbSense, Word};
use super::Sentence;
use crate::model::{Citation, CitationKind, Entity, EntityType, Mention, Span};
use std::collections::HashMap;

/// Document citations in body sentences, in order.
pub fn find(sentences: &[Sentence], entities: &[Entity], mentions: &[Mention]) -> Vec<Citation> {
    let mut out = Vec::new();
    let heads = org_mentions_by_head(entities, mentions);
    for (k, s) in sentences.iter().enumerate() {
        let here: Vec<&Mention> = super::mentions_overlapping(mentions, s.block, s.range.clone())
            .iter()
            .filter(|m| {
                m.span.block == s.block
                    && s.range.start <= m.span.start
                    && m.span.end <= s.range.end
            })
            .collect();
        let mut i = 0;
        while i < here.len() {
            let Some(subject) = subject_at(s, here[i], entities) else {
                i += 1;
                continue;
            };
            // "according to the World Bank", "a report by the UN"
            if cues::cited_after_cue(&s.words, subject.first) {
                out.push(subject.citation(s));
                i += 1;
                continue;
            }
            // Coordinated subjects: "Russia and China said" -> both.
            let mut group = vec![subject];
            let mut j = i + 1;
            while j < here.len() {
                let last = group.last().unwrap();
                let and = last.after < s.words.len()
                    && matches!(s.words[last.after].text, "and" | "&")
                    && s.words.get(last.after + 1).map(|w| w.range.start)
                        == Some(here[j].span.start);
                match subject_at(s, here[j], entities).filter(|_| and) {
                    Some(next) => group.push(next),
                    None => break,
                }
                j += 1;
            }
            let after = group.last().unwrap().after;
            let next_subject = here.get(j).map_or(s.range.end, |m| m.span.start);
            let said = states(&s.words, after) || says_later(s, after, next_subject);
            if said && group[0].first_ok(s) {
                out.extend(group.iter().map(|g| g.citation(s)));
            }
            i = j;
        }
        out.extend(definite_descriptions(s, entities, mentions, &heads));
        if let Some(prev) = k.checked_sub(1).map(|p| &sentences[p]) {
            out.extend(pronoun_subject(s, prev, entities, mentions));
        }
    }
    out
}

/// "It said the plan could mean ...": a sentence opening on "It" or "They" with a statement
/// stands for the institution named first in the sentence before (same or previous paragraph).
fn pronoun_subject(
    s: &Sentence,
    prev: &Sentence,
    entities: &[Entity],
    mentions: &[Mention],
) -> Option<Citation> {
    let w = &s.words;
    if !matches!(w.first()?.text, "It" | "They") || !states(w, 1) || prev.block + 1 < s.block {
        return None;
    }
    let near = super::mentions_overlapping(mentions, prev.block, prev.range.clone());
    let mut named = near.iter().filter(|m| {
        m.span.block == prev.block
            && prev.range.start <= m.span.start
            && m.span.end <= prev.range.end
            && matches!(m.etype, EntityType::Org | EntityType::Gpe)
            && crate::lexicon::get().outlet(&m.name).is_none()
    });
    // The first institution named is the sentence's topic ("researchers at the Migration
    // Observatory at Oxford University"), unless a second is coordinated with it.
    let first = named.next()?;
    if named.next().is_some_and(|second| {
        second.entity != first.entity
            && matches!(
                prev.text
                    .get(first.span.end..second.span.start)
                    .map(str::trim),
                Some("and" | "or" | "&")
            )
    }) {
        return None;
    }
    let c = Subject {
        source: entities
            .get(first.entity)
            .map_or(first.name.clone(), |e| e.name.clone()),
        entity: Some(first.entity),
        start: w[0].range.start,
        end: w[0].range.end,
        first: 0,
        after: 1,
    }
    .citation(s);
    Some(c)
}

/// Verbs that report an utterance itself (Levin 1993, 37.7 "say verbs", with the common
/// argument verbs of news copy), as opposed to urging or indicating something.
const SAY_VERBS: &[&str] = &[
    "say", "add", "state", "note", "claim", "insist", "argue", "warn", "stress", "explain",
    "declare", "announce", "reply", "respond", "assert", "maintain",
];

/// "Russia proposed an amendment ..., saying that ...": the subject's own finite verb, then
/// a say-verb participle after a comma, before any other name or a quotation could be its
/// subject.
fn says_later(s: &Sentence, after: usize, before_pos: usize) -> bool {
    let words = &s.words;
    let finite = words
        .get(after)
        .is_some_and(|w| !w.punct_before && w.text.chars().all(char::is_lowercase));
    finite
        && (after + 1..words.len())
            .take_while(|&k| words[k].range.start < before_pos)
            .take_while(|&k| {
                let gap = &s.text[words[k - 1].range.end..words[k].range.start];
                !matches!(words[k].text, "who" | "which" | "whom" | "whose")
                    && !gap.contains(['“', '”', '"'])
            })
            .any(|k| {
                let gap = &s.text[words[k - 1].range.end..words[k].range.start];
                gap.contains(',')
                    && words[k].text.ends_with("ing")
                    && crate::lexicon::get()
                        .reporting_verb(words[k].text)
                        .is_some_and(|v| SAY_VERBS.contains(&v.lemma.as_str()))
            })
}

/// "the zoo said", "the ministry has stated": a lower-case head noun that ends the name of an
/// organisation already named in the article stands for it.
/// Organisation mentions by the last word of their entity's name (of two words or more),
/// ASCII lower case, in reading order: the look-up `Entity::ends_with_head` answers per
/// mention, made once per article so a description is not compared with every mention
/// before it.
fn org_mentions_by_head(entities: &[Entity], mentions: &[Mention]) -> HashMap<String, Vec<usize>> {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let head = entities
            .get(m.entity)
            .filter(|_| m.etype == EntityType::Org)
            .and_then(|e| e.name.rsplit_once(' '));
        if let Some((_, head)) = head {
            index.entry(head.to_ascii_lowercase()).or_default().push(i);
        }
    }
    crate::work::add(mentions.len());
    index
}

fn definite_descriptions(
    s: &Sentence,
    entities: &[Entity],
    mentions: &[Mention],
    heads: &HashMap<String, Vec<usize>>,
) -> Vec<Citation> {
    let w = &s.words;
    let mut out = Vec::new();
    for k in 1..w.len() {
        let noun = w[k].text;
        if !w[k - 1].text.eq_ignore_ascii_case("the")
            || !noun.chars().all(char::is_lowercase)
            || noun.len() < 3
            || w[k].punct_before
            || !states(w, k + 1)
            || (k >= 2 && cues::is_preposition(w[k - 2].text))
        {
            continue;
        }
        let pos = w[k].range.start;
        // Mentions ending before `pos` are a prefix: (block, end) is sorted.
        let same_head = heads
            .get(&noun.to_ascii_lowercase())
            .map_or(&[][..], Vec::as_slice);
        let earlier = same_head.partition_point(|&i| {
            let m = &mentions[i].span;
            (m.block, m.end) <= (s.block, pos)
        });
        crate::work::add(1);
        let antecedent = same_head[..earlier].last().map(|&i| &mentions[i]);
        if let Some(m) = antecedent {
            let start = w[k - 1].range.start;
            out.push(
                Subject {
                    source: entities[m.entity].name.clone(),
                    entity: Some(m.entity),
                    start,
                    end: w[k].range.end,
                    first: k - 1,
                    after: k + 1,
                }
                .citation(s),
            );
        }
    }
    out
}

/// An institution subject: its source name, its span and the word index after it.
struct Subject {
    source: String,
    entity: Option<usize>,
    start: usize,
    end: usize,
    first: usize,
    after: usize,
}

impl Subject {
    /// The subject is not an object or part of a longer name.
    fn first_ok(&self, s: &Sentence) -> bool {
        let w = &s.words;
        let mut b = self.first;
        while b > 0 && matches!(w[b - 1].text, "the" | "The") {
            b -= 1;
        }
        if b == 0 {
            return true;
        }
        let prev = w[b - 1].text;
        // "Air China said": the mention is the tail of a longer name.
        let joined = cues::touching(s.text, w[b - 1].range.end, w[b].range.start)
            && prev.chars().next().is_some_and(char::is_uppercase)
            && !crate::lexicon::get().is_function_word(prev);
        !cues::is_preposition(prev) && !joined && !prev.ends_with("’s") && !prev.ends_with("'s")
    }

    fn citation(&self, s: &Sentence) -> Citation {
        Citation {
            kind: CitationKind::Document,
            source: self.source.clone(),
            source_text: s.text[self.start..self.end].to_string(),
            source_entity: self.entity,
            span: Span {
                block: s.block,
                start: self.start,
                end: self.end,
            },
            marker: None,
            title: None,
            date: None,
            url: None,
            cited_in: Vec::new(),
        }
    }
}

fn subject_at(s: &Sentence, m: &Mention, entities: &[Entity]) -> Option<Subject> {
    let w = &s.words;
    let c = cues::get();
    let first = cues::word_at_or_after(w, m.span.start);
    let holder = cues::words_before(w, m.span.end);
    // The word holding the mention's end: the mention itself or its possessive ("China’s").
    let (last, possessive) = if holder > first && w[holder - 1].range.end == m.span.end {
        (holder - 1, false)
    } else {
        let k = cues::word_at_or_after(w, m.span.start).max(holder);
        let word = w.get(k)?;
        let rest = &s.text[m.span.end..word.range.end];
        if !matches!(rest, "’s" | "'s" | "’" | "'") {
            return None; // the mention ends inside a word ("China-based")
        }
        (k, true)
    };
    if first >= w.len() || w[first].range.start != m.span.start {
        return None;
    }
    let name = entities
        .get(m.entity)
        .map_or(m.name.as_str(), |e| e.name.as_str());
    if crate::lexicon::get().outlet(name).is_some() {
        return None; // an outlet typed ORG: the media finder cites it
    }
    let institution = c.starting_at("institution", w, last + 1).filter(|&n| {
        // A common noun: "government", not "Government Accountability Office".
        w[last + 1]
            .text
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            && !w
                .get(last + 1 + n)
                .is_some_and(|x| x.text.chars().next().is_some_and(char::is_uppercase))
    });
    match (m.etype, institution) {
        (EntityType::Gpe | EntityType::Norp, Some(n)) => {
            let noun = cues::join(&w[last + 1..last + 1 + n]);
            let canon = c.canonical("institution", &noun).unwrap_or(&noun);
            // "China's foreign ministry" -> "Chinese Foreign Ministry"; "US government" ->
            // "United States government": a name as written unless English wants the adjective.
            let proper = canon.chars().next().is_some_and(char::is_uppercase);
            let owner = if possessive || proper {
                demonym_of(name).unwrap_or(name)
            } else {
                name
            };
            Some(Subject {
                source: format!("{owner} {canon}"),
                entity: None,
                start: m.span.start,
                end: w[last + n].range.end,
                first,
                after: last + 1 + n,
            })
        }
        (EntityType::Gpe | EntityType::Org, None) if !possessive => Some(Subject {
            source: name.to_string(),
            entity: Some(m.entity),
            start: m.span.start,
            end: m.span.end,
            first,
            after: last + 1,
        }),
        _ => None,
    }
}

/// The adjective of a country ("German" for "Germany"); demonyms are their own adjective.
fn demonym_of(name: &str) -> Option<&'static str> {
    crate::lexicon::get()
        .countries
        .iter()
        .find(|c| c.name == name)
        .and_then(|c| c.demonyms.first())
        .map(String::as_str)
}

/// Whether the words from `after` are a statement: a statement verb, or any reporting verb
/// followed by "that".
fn states(words: &[Word], after: usize) -> bool {
    let Some(v) = cues::verb_after(words, after, VerbSense::Any) else {
        return false;
    };
    cues::get().is("statement", words[v].text)
        || words
            .get(v + 1)
            .is_some_and(|w| w.text.eq_ignore_ascii_case("that"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::sentences::split_sentences;

    /// Finds documents in `text` where `names` are the entity mentions (type, form).
    fn documents_in(text: &str, names: &[(EntityType, &str)]) -> Vec<(String, String)> {
        let mut entities = Vec::new();
        let mut mentions = Vec::new();
        for (t, form) in names {
            let start = text.find(form).unwrap();
            entities.push(Entity {
                name: form.to_string(),
                etype: *t,
                known_id: None,
                country: None,
            });
            mentions.push(Mention {
                span: Span {
                    block: 0,
                    start,
                    end: start + form.len(),
                },
                text: form.to_string(),
                etype: *t,
                name: form.to_string(),
                role: None,
                entity: entities.len() - 1,
            });
        }
        mentions.sort_by_key(|m| m.span.start);
        let sentences: Vec<Sentence> = split_sentences(text)
            .into_iter()
            .map(|r| Sentence {
                block: 0,
                text,
                words: cues::words(text, r.clone()),
                range: r,
            })
            .collect();
        find(&sentences, &entities, &mentions)
            .into_iter()
            .map(|c| (c.source, c.source_text))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn institution_states_or_finds() {
        assert_eq!(
            documents_in(
                "The World Bank has found that poverty fell.",
                &[(EntityType::Org, "World Bank")]
            ),
            [pair("World Bank", "World Bank")]
        );
        assert_eq!(
            documents_in(
                "Honda said in a statement it would recall cars.",
                &[(EntityType::Org, "Honda")]
            ),
            [pair("Honda", "Honda")]
        );
        assert_eq!(
            documents_in(
                "Brazil claims the border was crossed.",
                &[(EntityType::Gpe, "Brazil")]
            ),
            [pair("Brazil", "Brazil")]
        );
    }

    #[test]
    fn a_platform_posted_on_is_a_channel_not_a_document() {
        assert!(documents_in(
            "The zoo said in a post on X that the baby was a girl.",
            &[(EntityType::Org, "X")]
        )
        .is_empty());
    }

    #[test]
    fn country_with_an_institution_noun() {
        assert_eq!(
            documents_in(
                "The French government voiced concern over the vote.",
                &[(EntityType::Norp, "French")]
            ),
            [pair("French government", "French government")]
        );
        assert_eq!(
            documents_in(
                "Peru’s foreign ministry has stated that talks ended.",
                &[(EntityType::Gpe, "Peru")]
            ),
            [pair("Peruvian Foreign Ministry", "Peru’s foreign ministry")]
        );
    }

    #[test]
    fn coordinated_subjects_give_a_row_each() {
        assert_eq!(
            documents_in(
                "Chile and Peru announced a joint patrol.",
                &[(EntityType::Gpe, "Chile"), (EntityType::Gpe, "Peru")]
            ),
            [pair("Chile", "Chile"), pair("Peru", "Peru")]
        );
    }

    #[test]
    fn descriptions_and_objects_are_not_documents() {
        let kenya = [(EntityType::Gpe, "Kenya")];
        assert!(documents_in("Kenya has emphasised its ties with Uganda.", &kenya).is_empty());
        assert!(documents_in("Kenya views Uganda as a partner.", &kenya).is_empty());
        assert!(documents_in("Talks with Kenya said little.", &kenya).is_empty());
        assert!(documents_in("Kenya’s president said he would go.", &kenya).is_empty());
        assert!(documents_in("Kenya-based groups said they would go.", &kenya).is_empty());
        assert!(documents_in("Kenya has blacklisted two firms.", &kenya).is_empty());
        let council = [(EntityType::Org, "Security Council")];
        assert!(documents_in(
            "Ruto, head of the Security Council, told reporters.",
            &council
        )
        .is_empty());
    }

    #[test]
    fn institution_after_a_citing_cue() {
        let bank = [(EntityType::Org, "World Bank")];
        assert_eq!(
            documents_in("Growth will slow, according to the World Bank.", &bank),
            [pair("World Bank", "World Bank")]
        );
        assert!(documents_in("The minister told the World Bank it would pay.", &bank).is_empty());
    }

    #[test]
    fn a_that_clause_makes_any_reporting_verb_a_statement() {
        let kenya = [(EntityType::Gpe, "Kenya")];
        assert_eq!(
            documents_in("Kenya has emphasised that the deal stands.", &kenya),
            [pair("Kenya", "Kenya")]
        );
    }

    #[test]
    fn a_participle_after_the_subjects_own_verb() {
        let chile = [(EntityType::Gpe, "Chile")];
        assert_eq!(
            documents_in(
                "Chile tabled an amendment on Monday, saying the draft was too weak.",
                &chile
            ),
            [pair("Chile", "Chile")]
        );
        assert_eq!(
            documents_in("Chile tabled an amendment that Peru backed.", &chile),
            []
        );
    }

    #[test]
    fn the_head_noun_of_a_named_organisation_stands_for_it() {
        let zoo = [(EntityType::Org, "Lagos City Zoo")];
        assert_eq!(
            documents_in(
                "A cub was born at the Lagos City Zoo. The father was unknown, the zoo said on Monday.",
                &zoo
            ),
            [pair("Lagos City Zoo", "the zoo")]
        );
        assert_eq!(
            documents_in(
                "A cub was born at the Lagos City Zoo. Visitors to the zoo said it was cute.",
                &zoo
            ),
            []
        );
    }

    #[test]
    fn it_after_the_one_institution_just_named() {
        let obs = [(EntityType::Org, "Migration Observatory")];
        assert_eq!(
            documents_in(
                "The plan was criticised by researchers at the Migration Observatory. It said the plan could hurt families.",
                &obs
            ),
            [pair("Migration Observatory", "It")]
        );
        let two = [
            (EntityType::Org, "Migration Observatory"),
            (EntityType::Gpe, "France"),
        ];
        assert_eq!(
            documents_in(
                "The Migration Observatory and France disagreed. It said the plan could hurt families.",
                &two
            ),
            []
        );
    }
}
