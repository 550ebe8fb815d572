//! Known names compiled into one Aho-Corasick automaton: countries, demonyms, places,
//! organisations, outlets, and the caller's own entities.
//!
//! One leftmost-longest pass over a block finds every known form ("North Korean" beats
//! "North Korea" beats "Korea"); matching is case-sensitive because case is what separates
//! "US" from "us". When one form names several entries, the first source in priority order
//! wins: caller entities, outlets, organisations, countries, demonyms, places.

use super::CustomEntities;
use crate::lexicon;
use crate::lexicon::HashMap;
use crate::model::EntityType;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// What a known form refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub etype: EntityType,
    /// A country the entry belongs to (the country of a demonym, city or region).
    pub country: Option<String>,
    /// From the caller's watch list.
    pub custom: bool,
    /// Which list the entry comes from.
    pub source: Source,
}

/// The list an entry comes from; places yield to people ("Vladimir" the city, "Jackson").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Custom,
    Outlet,
    Organization,
    Country,
    Demonym,
    Region,
    Place,
}

/// An automaton over known forms.
pub struct Gazetteer {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    /// Pattern index -> entry index.
    pattern_entry: Vec<usize>,
    forms: HashMap<String, usize>,
}

/// A known form found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'g> {
    pub start: usize,
    pub end: usize,
    pub entry: &'g Entry,
}

/// Adjectives of world regions and blocs (`Asian`, `Western`), compiled by the newsframe
/// authors from general usage; the guide types continent adjectives as NORP and treats
/// "Western" as the adjective of the geopolitical West.
const REGION_ADJECTIVES: &[(&str, EntityType, &str)] = &[
    ("Asian", EntityType::Norp, "Asian"),
    ("European", EntityType::Norp, "European"),
    ("African", EntityType::Norp, "African"),
    ("Arab", EntityType::Norp, "Arab"),
    ("Latin American", EntityType::Norp, "Latin American"),
    ("Middle Eastern", EntityType::Norp, "Middle Eastern"),
    ("Scandinavian", EntityType::Norp, "Scandinavian"),
    ("Nordic", EntityType::Norp, "Nordic"),
    ("Baltic", EntityType::Norp, "Baltic"),
    ("Caribbean", EntityType::Norp, "Caribbean"),
    ("Western", EntityType::Loc, "the West"),
];

impl Gazetteer {
    fn build(custom: &CustomEntities) -> Gazetteer {
        let lex = lexicon::get();
        let mut entries: Vec<Entry> = Vec::new();
        let mut forms: HashMap<String, usize> = HashMap::default();
        let mut add = |forms_of: Vec<String>, entry: Entry, entries: &mut Vec<Entry>| {
            let idx = entries.len();
            entries.push(entry);
            for f in forms_of {
                let f = f.trim().to_string();
                if f.chars().count() < 2 {
                    continue;
                }
                // "the West" is also written "The West" at a sentence start.
                if let Some(rest) = f.strip_prefix("the ") {
                    forms.entry(format!("The {rest}")).or_insert(idx);
                }
                forms.entry(f).or_insert(idx);
            }
        };
        for c in &custom.entries {
            let mut fs = vec![c.name.clone()];
            fs.extend(c.aliases.iter().cloned());
            add(
                fs,
                Entry {
                    name: c.name.clone(),
                    etype: c.etype,
                    country: None,
                    custom: true,
                    source: Source::Custom,
                },
                &mut entries,
            );
        }
        for o in &lex.outlets {
            let mut fs = vec![o.name.clone()];
            fs.extend(o.aliases.iter().cloned());
            // "Wall Street Journal" for "The Wall Street Journal", but not "National" for
            // "The National": one bare word is too often a common word.
            if let Some(rest) = o.name.strip_prefix("The ").filter(|r| r.contains(' ')) {
                fs.push(rest.to_string());
            }
            add(
                fs,
                Entry {
                    name: o.name.clone(),
                    etype: EntityType::Media,
                    country: None,
                    custom: false,
                    source: Source::Outlet,
                },
                &mut entries,
            );
        }
        for o in &lex.organizations {
            let mut fs = vec![o.name.clone()];
            fs.extend(o.aliases.iter().cloned());
            add(
                fs,
                Entry {
                    name: o.name.clone(),
                    etype: EntityType::Org,
                    country: None,
                    custom: false,
                    source: Source::Organization,
                },
                &mut entries,
            );
        }
        for c in &lex.countries {
            let mut fs = vec![c.name.clone()];
            fs.extend(c.aliases.iter().filter(|a| !a.starts_with("the ")).cloned());
            add(
                fs,
                Entry {
                    name: c.name.clone(),
                    etype: EntityType::Gpe,
                    country: Some(c.name.clone()),
                    custom: false,
                    source: Source::Country,
                },
                &mut entries,
            );
        }
        for c in &lex.countries {
            if let Some(first) = c.demonyms.first() {
                let singular = first.clone();
                add(
                    c.demonyms.clone(),
                    Entry {
                        name: singular,
                        etype: EntityType::Norp,
                        country: Some(c.name.clone()),
                        custom: false,
                        source: Source::Demonym,
                    },
                    &mut entries,
                );
            }
        }
        for (name, forms) in &lex.groups {
            add(
                forms.clone(),
                Entry {
                    name: name.clone(),
                    etype: EntityType::Norp,
                    country: None,
                    custom: false,
                    source: Source::Demonym,
                },
                &mut entries,
            );
        }
        for (form, etype, name) in REGION_ADJECTIVES {
            add(
                vec![form.to_string()],
                Entry {
                    name: name.to_string(),
                    etype: *etype,
                    country: None,
                    custom: false,
                    source: Source::Region,
                },
                &mut entries,
            );
        }
        for p in &lex.places {
            let mut fs = vec![p.name.clone()];
            fs.extend(p.aliases.iter().cloned());
            let etype = if p.is_gpe {
                EntityType::Gpe
            } else {
                EntityType::Loc
            };
            let country = Some(p.country.clone()).filter(|c| !c.is_empty());
            add(
                fs,
                Entry {
                    name: p.name.clone(),
                    etype,
                    country,
                    custom: false,
                    source: Source::Place,
                },
                &mut entries,
            );
        }
        // "the West", "the Pacific": a leading lowercase "the" is part of the form.
        let mut patterns: Vec<String> = forms.keys().cloned().collect();
        patterns.sort();
        let pattern_entry = patterns.iter().map(|p| forms[p]).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("gazetteer automaton builds");
        Gazetteer {
            automaton,
            entries,
            pattern_entry,
            forms,
        }
    }

    /// Known forms in `text` that stand as whole words.
    pub fn find<'g>(&'g self, text: &str) -> Vec<Found<'g>> {
        self.automaton
            .find_iter(text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .map(|m| Found {
                start: m.start(),
                end: m.end(),
                entry: &self.entries[self.pattern_entry[m.pattern().as_usize()]],
            })
            .collect()
    }

    /// Known forms in text written in capitals ("JAPAN GET LUCKY WIN", "ROME 1996-12-06"),
    /// where case says nothing: each word is matched as written and in title case
    /// ("JAPAN" as "Japan"), so "US" and "UN" still match as themselves. Title-casing keeps
    /// byte offsets only for words whose case change keeps their length; others are left as
    /// written. Function words ("MAY", "WILL") are no names here.
    pub fn find_in_capitals<'g>(&'g self, text: &str) -> Vec<Found<'g>> {
        let lex = lexicon::get();
        let titled = title_case_words(text);
        let mut found = self.find(text);
        for f in self.find(&titled) {
            let form = &text[f.start..f.end];
            if lex.is_function_word(form)
                || found.iter().any(|g| g.start < f.end && f.start < g.end)
            {
                continue;
            }
            found.push(f);
        }
        found.sort_by_key(|f| f.start);
        found
    }

    /// The entry of an exact form.
    pub fn lookup(&self, form: &str) -> Option<&Entry> {
        self.forms.get(form).map(|&i| &self.entries[i])
    }
}

/// Each all-capital word of two or more letters in title case ("ROME" -> "Rome"), where
/// that keeps its byte length.
fn title_case_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = letters >= 2 && word.chars().all(|c| !c.is_lowercase());
        let titled: String = word
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                if i == 0 {
                    c.to_uppercase().collect::<Vec<_>>()
                } else {
                    c.to_lowercase().collect()
                }
            })
            .collect();
        if capitals && titled.len() == word.len() {
            out.push_str(&titled);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Not glued to letters or digits on either side (a hyphen or apostrophe is a boundary).
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let dotted_after = text[end..].starts_with('.')
        && text[end + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    !glued(before) && !glued(after) && !dotted_after
}

static DEFAULT: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::build(&CustomEntities::default()));

impl CustomEntities {
    /// The gazetteer for these caller entities: the shared built-in one when there are none,
    /// else one built once per run and cached here.
    pub fn gazetteer(&self) -> &Gazetteer {
        if self.entries.is_empty() {
            &DEFAULT
        } else {
            self.cache.get_or_init(|| Gazetteer::build(self))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_capitals_finds_known_forms_in_any_case() {
        let c = CustomEntities::default();
        let g = c.gazetteer();
        let t = "JAPAN MAY BEAT CHINA AND THE US IN ROME";
        let found: Vec<&str> = g
            .find_in_capitals(t)
            .iter()
            .map(|f| f.entry.name.as_str())
            .collect();
        assert_eq!(found, ["Japan", "China", "United States", "Rome"]);
    }

    #[test]
    fn longest_known_form_wins_and_case_matters() {
        let c = CustomEntities::default();
        let g = c.gazetteer();
        let t = "North Korean troops and the US, not us, met the WSJ.";
        let found: Vec<(&str, &str)> = g
            .find(t)
            .iter()
            .map(|f| (&t[f.start..f.end], f.entry.name.as_str()))
            .collect();
        assert!(found.contains(&("North Korean", "North Korean")));
        assert!(found.contains(&("US", "United States")));
        assert!(found.contains(&("WSJ", "The Wall Street Journal")));
        assert!(!found.iter().any(|(s, _)| *s == "us"));
    }

    #[test]
    fn hyphenated_parts_are_found() {
        let c = CustomEntities::default();
        let g = c.gazetteer();
        let t = "Chinese-Russian relations";
        assert_eq!(g.find(t).len(), 2);
    }

    #[test]
    fn caller_entities_win() {
        let custom = CustomEntities::new(vec![super::super::CustomEntity {
            name: "Acme Widgets".into(),
            etype: EntityType::Org,
            aliases: vec!["Acme".into()],
        }]);
        let g = custom.gazetteer();
        let f = g.find("Acme said so.");
        assert_eq!(f[0].entry.name, "Acme Widgets");
        assert!(f[0].entry.custom);
    }
}
