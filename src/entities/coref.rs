//! Joins an article's mentions into entities: partial names to the fullest form, acronyms
//! to their expansion, known forms to their canonical entry.
//!
//! Full names are grouped first, in any order, so a surname in the headline joins the full
//! name written later in the body. A lone word then joins the person whose name has it as
//! a part (the nearest earlier one when several do), or the organisation whose initials it
//! spells; with neither, it becomes a person only when a reporting verb follows it or it is
//! a known surname, and is dropped otherwise.

use super::RawMention;
use crate::lexicon;
use crate::model::{Block, Entity, EntityType, Mention};
use std::collections::HashMap;

/// Groups raw mentions into article-level entities.
pub fn group(blocks: &[Block], mut raw: Vec<RawMention>) -> (Vec<Entity>, Vec<Mention>) {
    raw.sort_by_key(|m| (m.span.block, m.span.start, std::cmp::Reverse(m.span.end)));
    raw.dedup_by(|b, a| a.span.block == b.span.block && b.span.start < a.span.end);
    let mut entities: Vec<Entity> = Vec::new();
    let mut keys: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut assigned: Vec<Option<usize>> = vec![None; raw.len()];
    let has_token = |e: &Entity, w: &str| e.name.split(' ').any(|x| x == w);
    // People by each word of their name, so a name is compared with the people sharing a
    // word with it, not with every entity of the page (a page of thousands of names).
    let mut people_by_word = PostingLists::default();
    // Organisations, outlets and events by the initials of their name (see `acronym_of`).
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    // Organisations of several words by their first word (see `short_name_of`).
    let mut orgs_by_first_word: HashMap<String, Vec<usize>> = HashMap::new();

    // Known forms and multi-word names.
    for (k, m) in raw.iter().enumerate() {
        let Some(t) = m.etype else { continue };
        let multi = m.text.contains(' ');
        // A lone word typed by a rule may still be the short form of a fuller name: a
        // person's part, or an organisation's first word ("X" posted on, after "X Corp").
        if m.known_name.is_none() && matches!(t, EntityType::Person | EntityType::Org) && !multi {
            continue;
        }
        let name = m.known_name.clone().unwrap_or_else(|| m.text.clone());
        if t == EntityType::Person {
            let words: Vec<&str> = name.split(' ').collect();
            let existing = people_by_word.candidates(&words).into_iter().find(|&i| {
                let e = &entities[i];
                e.etype == EntityType::Person
                    && (words.iter().all(|w| has_token(e, w))
                        || e.name.split(' ').all(|x| words.contains(&x)))
            });
            if let Some(i) = existing {
                if words.len() > entities[i].name.split(' ').count() {
                    entities[i].name = name.clone();
                    people_by_word.add(i, &words);
                }
                assigned[k] = Some(i);
                continue;
            }
        }
        let i = *keys.entry((t, name.clone())).or_insert_with(|| {
            push_indexed(
                &mut entities,
                Entity {
                    name,
                    etype: t,
                    known_id: None,
                    country: m.country.clone(),
                },
                &mut people_by_word,
                &mut by_initials,
                &mut orgs_by_first_word,
            )
        });
        assigned[k] = Some(i);
    }
    // Where each form was written, in order: the last earlier assigned mention of a form is
    // found among its own occurrences, not by walking back over the page.
    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, m) in raw.iter().enumerate() {
        positions.entry(m.text.as_str()).or_default().push(k);
    }

    // Lone words: parts of names, acronyms, or new people.
    let lex = lexicon::get();
    // Acronyms an article defines in brackets: "Civic Democratic Party (ODS)".
    let mut defined: HashMap<String, usize> = HashMap::new();
    for k in 0..raw.len() {
        if assigned[k].is_some() {
            continue;
        }
        let m = &raw[k];
        let word = m.text.as_str();
        if let Some(&e) = defined.get(word) {
            assigned[k] = Some(e);
            continue;
        }
        if let Some(e) = k
            .checked_sub(1)
            .filter(|&j| bracketed_after(blocks, &raw[j], m))
            .and_then(|j| assigned[j])
            .filter(|&e| entities[e].etype != EntityType::Person)
        {
            defined.insert(word.to_string(), e);
            assigned[k] = Some(e);
            continue;
        }
        let typed_org = m.etype == Some(EntityType::Org);
        let lookup = [word];
        let holders: Vec<usize> = people_by_word
            .candidates(if typed_org { &[] } else { &lookup })
            .into_iter()
            .filter(|&i| entities[i].etype == EntityType::Person && has_token(&entities[i], word))
            .collect();
        let target = match holders.len() {
            0 => None,
            1 => Some(holders[0]),
            _ => {
                // The nearest earlier mention of one of the people with that name...
                let nearest = (k.saturating_sub(200)..k)
                    .rev()
                    .find(|&j| assigned[j].is_some_and(|i| holders.binary_search(&i).is_ok()));
                // ...unless the same short form already stood for another of them and the
                // nearest is not in this paragraph or the one before: after "Mary Trump
                // wrote", a later "Trump" is still the Trump the story is about.
                let same_form = &positions[m.text.as_str()];
                let established = same_form[..same_form.partition_point(|&j| j < k)]
                    .iter()
                    .rev()
                    .find(|&&j| assigned[j].is_some())
                    .and_then(|&j| assigned[j]);
                match (nearest, established) {
                    (Some(j), Some(e))
                        if assigned[j] != Some(e) && raw[j].span.block + 1 < m.span.block =>
                    {
                        Some(e)
                    }
                    (Some(j), _) => assigned[j],
                    (None, e) => e.or(Some(holders[0])),
                }
            }
        };
        let target = target
            .or_else(|| acronym_of(word, &by_initials))
            .or_else(|| {
                // "Biden" near "Biden Administration" stays the person: a listed name or
                // a title keeps a word a name; "Newmont said" alone does not.
                let name_word = !typed_org
                    && (m.role.is_some() || lex.is_surname(word) || lex.is_given_name(word));
                short_name_of(word, &orgs_by_first_word).filter(|_| !name_word)
            });
        let target = target.or_else(|| {
            // A speaking plural ("the Orioles said", "Tory MPs say") is a group, not a person.
            let group = word
                .rsplit(' ')
                .next()
                .is_some_and(super::typing::names_a_group);
            let person = m.etype == Some(EntityType::Person)
                || (m.speaks && !group && !typed_org)
                || (!word.contains(' ') && lex.is_surname(word) && m.role.is_some());
            let etype = if person {
                EntityType::Person
            } else if typed_org || (m.speaks && group && m.etype.is_none()) {
                EntityType::Org
            } else {
                // What the trained tagger found, where no rule has anything to say.
                m.learned?
            };
            Some(*keys.entry((etype, word.to_string())).or_insert_with(|| {
                push_indexed(
                    &mut entities,
                    Entity {
                        name: word.to_string(),
                        etype,
                        known_id: None,
                        country: None,
                    },
                    &mut people_by_word,
                    &mut by_initials,
                    &mut orgs_by_first_word,
                )
            }))
        });
        assigned[k] = target;
    }

    // "the Orioles" after (or before) "the Baltimore Orioles", "the News" for "The Detroit
    // News": a one-word organisation joins the one organisation or outlet whose name ends
    // with it.
    let body_like = |t: EntityType| matches!(t, EntityType::Org | EntityType::Media);
    let mut by_last_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (f, e) in entities.iter().enumerate() {
        if body_like(e.etype) && e.name.contains(' ') {
            let last = e.name.rsplit(' ').next().unwrap_or("");
            by_last_word.entry(last).or_default().push(f);
        }
    }
    // A longer name never joins another (it has a space), so one pass of replacements does
    // what replacing entity by entity did.
    let mut joins: Vec<Option<usize>> = vec![None; entities.len()];
    for (e, entity) in entities.iter().enumerate() {
        let name = &entity.name;
        if !body_like(entity.etype) || entity.known_id.is_some() || name.contains(' ') {
            continue;
        }
        if let Some([f]) = by_last_word.get(name.as_str()).map(Vec::as_slice) {
            joins[e] = Some(*f);
        }
    }
    for a in assigned.iter_mut() {
        if let Some(f) = a.and_then(|e| joins[e]) {
            *a = Some(f);
        }
    }

    let mentions = raw
        .into_iter()
        .zip(assigned)
        .filter_map(|(m, a)| {
            a.map(|entity| Mention {
                span: m.span,
                text: m.text,
                etype: entities[entity].etype,
                name: entities[entity].name.clone(),
                role: m.role,
                entity,
            })
        })
        .collect();
    (entities, mentions)
}

/// Whether `m` is an acronym in brackets right after `prev`: "the Civic Democratic Party (ODS)".
fn bracketed_after(blocks: &[Block], prev: &RawMention, m: &RawMention) -> bool {
    let word = m.text.as_str();
    let acronym = (2..=6).contains(&word.chars().count())
        && word.chars().all(|c| c.is_uppercase() || c == '-');
    let Some(text) = blocks.get(m.span.block).map(|b| b.text.as_str()) else {
        return false;
    };
    acronym
        && prev.span.block == m.span.block
        && text.get(prev.span.end..m.span.start) == Some(" (")
        && text[m.span.end..].starts_with(')')
}

/// The one organisation whose multi-word name starts with the word: "Newmont" after
/// "Newmont Mining Corp", "Zywiec" after "Zywiec SA". Only a word nothing else claimed
/// gets here, so a person's surname never does.
fn short_name_of(word: &str, orgs_by_first_word: &HashMap<String, Vec<usize>>) -> Option<usize> {
    if word.contains(' ') || !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    match orgs_by_first_word.get(word).map(Vec::as_slice) {
        Some([i]) => Some(*i),
        _ => None,
    }
}

/// The organisation whose initials the word spells ("CCP" for Chinese Communist Party):
/// the first such entity of the article.
fn acronym_of(word: &str, by_initials: &HashMap<String, usize>) -> Option<usize> {
    if word.chars().count() < 2 || !word.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    by_initials.get(word).copied()
}

/// The capitalised initials of a name: "CCP" for Chinese Communist Party.
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Adds a new entity and enters it in the look-ups `group` keeps: people by name word,
/// organisations, outlets and events by initials (their names never change once made).
/// Returns its index.
fn push_indexed(
    entities: &mut Vec<Entity>,
    e: Entity,
    people_by_word: &mut PostingLists,
    by_initials: &mut HashMap<String, usize>,
    orgs_by_first_word: &mut HashMap<String, Vec<usize>>,
) -> usize {
    let i = entities.len();
    entities.push(e);
    let e = &entities[i];
    if e.etype == EntityType::Org {
        if let Some((first, _)) = e.name.split_once(' ') {
            orgs_by_first_word
                .entry(first.to_string())
                .or_default()
                .push(i);
        }
    }
    match e.etype {
        EntityType::Person => people_by_word.add(i, &e.name.split(' ').collect::<Vec<_>>()),
        EntityType::Org | EntityType::Media | EntityType::Event => {
            by_initials.entry(initials(&e.name)).or_insert(i);
        }
        _ => {}
    }
    i
}

/// People a word of a name is looked up among, at most: a story has a handful of people
/// sharing a name (a family, namesakes), while a page of generated names from a small
/// vocabulary has thousands per word, and comparing every new name with all of them made
/// grouping quadratic. The first people to have the word are kept, so the first match that
/// `group` takes is the same whenever a real page has fewer.
const MAX_SHARING_A_WORD: usize = 32;

/// Entity indices by word, each list ascending, without repeats, and at most
/// [`MAX_SHARING_A_WORD`] long.
#[derive(Default)]
struct PostingLists {
    lists: HashMap<String, Vec<usize>>,
}

impl PostingLists {
    fn add(&mut self, i: usize, words: &[&str]) {
        for w in words {
            let list = self.lists.entry(w.to_string()).or_default();
            if let Err(at) = list.binary_search(&i) {
                if list.len() < MAX_SHARING_A_WORD {
                    list.insert(at, i);
                } else if at < list.len() {
                    list.insert(at, i);
                    list.pop();
                }
            }
        }
    }

    /// Entities with at least one of `words`, ascending: every entity a name can be a part
    /// or a whole of shares a word with it.
    fn candidates(&self, words: &[&str]) -> Vec<usize> {
        let mut out: Vec<usize> = words
            .iter()
            .filter_map(|w| self.lists.get(*w))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        crate::work::add(1 + out.len());
        out
    }
}
