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
    let person_tokens = |e: &Entity| e.name.split(' ').map(str::to_string).collect::<Vec<_>>();

    // Known forms and multi-word names.
    for (k, m) in raw.iter().enumerate() {
        let Some(t) = m.etype else { continue };
        let multi = m.text.contains(' ');
        if m.known_name.is_none() && t == EntityType::Person && !multi {
            continue;
        }
        let name = m.known_name.clone().unwrap_or_else(|| m.text.clone());
        if t == EntityType::Person {
            let words: Vec<&str> = name.split(' ').collect();
            let existing = entities.iter().position(|e| {
                e.etype == EntityType::Person && {
                    let et = person_tokens(e);
                    words.iter().all(|w| et.iter().any(|x| x == w))
                        || et.iter().all(|x| words.contains(&x.as_str()))
                }
            });
            if let Some(i) = existing {
                if words.len() > entities[i].name.split(' ').count() {
                    entities[i].name = name.clone();
                }
                assigned[k] = Some(i);
                continue;
            }
        }
        let i = *keys.entry((t, name.clone())).or_insert_with(|| {
            entities.push(Entity {
                name,
                etype: t,
                known_id: None,
                country: m.country.clone(),
            });
            entities.len() - 1
        });
        assigned[k] = Some(i);
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
        let holders: Vec<usize> = (0..entities.len())
            .filter(|&i| {
                entities[i].etype == EntityType::Person
                    && person_tokens(&entities[i]).iter().any(|x| x == word)
            })
            .collect();
        let target = match holders.len() {
            0 => None,
            1 => Some(holders[0]),
            _ => {
                // The nearest earlier mention of one of the people with that name...
                let nearest = (k.saturating_sub(200)..k)
                    .rev()
                    .find(|&j| assigned[j].is_some_and(|i| holders.contains(&i)));
                // ...unless the same short form already stood for another of them and the
                // nearest is not in this paragraph or the one before: after "Mary Trump
                // wrote", a later "Trump" is still the Trump the story is about.
                let established = (0..k)
                    .rev()
                    .find(|&j| raw[j].text == m.text && assigned[j].is_some())
                    .and_then(|j| assigned[j]);
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
        let target = target.or_else(|| acronym_of(word, &entities)).or_else(|| {
            // "Biden" near "Biden Administration" stays the person: a listed name or
            // a title keeps a word a name; "Newmont said" alone does not.
            let name_word = m.role.is_some() || lex.is_surname(word) || lex.is_given_name(word);
            short_name_of(word, &entities).filter(|_| !name_word)
        });
        let target = target.or_else(|| {
            // A speaking plural ("the Orioles said", "Tory MPs say") is a group, not a person.
            let group = word
                .rsplit(' ')
                .next()
                .is_some_and(super::typing::names_a_group);
            let person = m.etype == Some(EntityType::Person)
                || (m.speaks && !group)
                || (!word.contains(' ') && lex.is_surname(word) && m.role.is_some());
            let etype = if person {
                EntityType::Person
            } else if m.speaks && group && m.etype.is_none() {
                EntityType::Org
            } else {
                return None;
            };
            Some(*keys.entry((etype, word.to_string())).or_insert_with(|| {
                entities.push(Entity {
                    name: word.to_string(),
                    etype,
                    known_id: None,
                    country: None,
                });
                entities.len() - 1
            }))
        });
        assigned[k] = target;
    }

    // "the Orioles" after (or before) "the Baltimore Orioles", "the News" for "The Detroit
    // News": a one-word organisation joins the one organisation or outlet whose name ends
    // with it.
    let body_like = |t: EntityType| matches!(t, EntityType::Org | EntityType::Media);
    for e in 0..entities.len() {
        let name = &entities[e].name;
        if !body_like(entities[e].etype) || entities[e].known_id.is_some() || name.contains(' ') {
            continue;
        }
        let longer: Vec<usize> = (0..entities.len())
            .filter(|&f| {
                body_like(entities[f].etype)
                    && entities[f].name.contains(' ')
                    && entities[f].name.rsplit(' ').next() == Some(name.as_str())
            })
            .collect();
        if let [f] = longer[..] {
            for a in assigned.iter_mut().filter(|a| **a == Some(e)) {
                *a = Some(f);
            }
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
fn short_name_of(word: &str, entities: &[Entity]) -> Option<usize> {
    if word.contains(' ') || !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut orgs = entities.iter().enumerate().filter(|(_, e)| {
        e.etype == EntityType::Org
            && e.name
                .split_once(' ')
                .is_some_and(|(first, _)| first == word)
    });
    match (orgs.next(), orgs.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// The organisation whose initials the word spells ("CCP" for Chinese Communist Party).
fn acronym_of(word: &str, entities: &[Entity]) -> Option<usize> {
    if word.chars().count() < 2 || !word.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    entities.iter().position(|e| {
        matches!(
            e.etype,
            EntityType::Org | EntityType::Media | EntityType::Event
        ) && e
            .name
            .split([' ', '-'])
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect::<String>()
            == word
    })
}
