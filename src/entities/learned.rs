//! Combines the trained tagger (`tagger`) with the rules' candidates.
//!
//! The rules stay first: a span they typed keeps their type and extent. The tagger adds what
//! they miss: a span it tags where no candidate overlaps becomes one, and a candidate the
//! rules found but could not type takes the tagger's type for the same span when the span's
//! shape fits it (`trusted`); both are kept in `RawMention::learned`, so coreference still
//! joins a lone word to a fuller name before falling back on that type. A person the rules
//! read from word shape alone becomes an organisation where the tagger reads one. Typing the
//! rules' candidates unchecked was measured first and lowered the held-out set (animals,
//! nicknames, "AI" as a place); the shape checks keep what it gained (`models/README.md`).
//!
//! Caseless blocks (title-case headlines, text in capitals) are left to the rules: the
//! tagger learnt from text whose capitals mean something.

use super::candidates::{mention, Story};
use super::gazetteer::Gazetteer;
use super::tagger;
use super::tokens::Token;
use super::RawMention;
use crate::lexicon::{self, HashMap};
use crate::model::{Block, EntityType};

/// Adds the names only the tagger finds to `raw`, the rules' candidates of `story`.
pub fn combine(blocks: &[Block], story: &Story, gazetteer: &Gazetteer, raw: &mut Vec<RawMention>) {
    let Some(tagger) = tagger::get() else { return };
    let mut by_block: HashMap<usize, Vec<(usize, usize)>> = HashMap::default();
    // Candidates the rules left untyped, by their span: the tagger may type them.
    let mut untyped: HashMap<(usize, usize, usize), usize> = HashMap::default();
    for (k, m) in raw.iter().enumerate() {
        by_block
            .entry(m.span.block)
            .or_default()
            .push((m.span.start, m.span.end));
        if (m.etype.is_none() || guessed_person(m)) && m.known_name.is_none() {
            untyped.insert((m.span.block, m.span.start, m.span.end), k);
        }
    }
    let lex = lexicon::get();
    let mut typed_later: Vec<(usize, EntityType)> = Vec::new();
    for (i, toks) in &story.tokens {
        if story.caseless.contains(i) {
            continue;
        }
        let text = &blocks[*i].text;
        let found = by_block.get_mut(i).map_or(&mut [][..], Vec::as_mut_slice);
        found.sort_unstable();
        let covered = |t: &Token| overlaps(found, t.start, t.end);
        for sentence in tagger::sentences(toks) {
            // Only a capitalised word no candidate covers (a function word opening the
            // sentence aside) can give a new name: the other sentences are not tagged at
            // all, which keeps the stage fast.
            let (first, last) = (sentence[0].start, sentence[sentence.len() - 1].end);
            let has_untyped = found[found.partition_point(|&(s, _)| s < first)..]
                .iter()
                .take_while(|&&(s, _)| s < last)
                .any(|&(s, e)| untyped.contains_key(&(*i, s, e)));
            let open = has_untyped
                || sentence.iter().any(|t| {
                    t.cap
                        && !covered(t)
                        && !(t.sentence_start && lex.is_function_word(t.text(text)))
                });
            if !open {
                continue;
            }
            for t in tagger.tag_sentence(text, sentence, gazetteer) {
                if let Some(&k) = untyped.get(&(*i, t.start, t.end)) {
                    if let Some(ty) = trusted(text, t.start, t.end, t.etype) {
                        typed_later.push((k, ty));
                    }
                    continue;
                }
                if !overlaps(found, t.start, t.end) && plausible(&text[t.start..t.end]) {
                    let mut m = mention(*i, text, t.start, t.end, None, None, None);
                    m.learned = Some(place_type(&m.text, t.etype));
                    raw.push(m);
                }
            }
        }
    }
    // Only the shape of the words said person for some candidates; the tagger's reading
    // of the sentences ("compiled by Resonance Consultancy") is the better evidence, taken
    // by a majority over every place the form was tagged, so one form keeps one type.
    let mut retyped: HashMap<String, Vec<EntityType>> = HashMap::default();
    for &(k, t) in &typed_later {
        if raw[k].etype.is_none() {
            raw[k].learned = Some(t);
        } else {
            retyped.entry(raw[k].text.clone()).or_default().push(t);
        }
    }
    // A form a title or a listed name makes a person anywhere in the article stays one.
    let sure_people: Vec<String> = raw
        .iter()
        .filter(|m| m.etype == Some(EntityType::Person) && retyped.contains_key(&m.text))
        .filter(|m| !guessed_person(m))
        .map(|m| m.text.clone())
        .collect();
    for text in sure_people {
        retyped.remove(&text);
    }
    for m in raw.iter_mut() {
        if let Some(votes) = retyped.get(&m.text).filter(|_| m.etype.is_some()) {
            let best = most_frequent(votes);
            // An organisation only: unlisted foreign names read as places to the tagger
            // ("Basarab Panduru"), and the rules' shape test is right about those.
            if best == EntityType::Org && guessed_person(m) {
                m.etype = Some(best);
            }
        }
    }
    agree_per_form(raw);
}

/// Whether a candidate (sorted `(start, end)` spans) overlaps `start..end`. Candidates
/// barely nest, so the few that start last before `end` are enough to look at.
fn overlaps(found: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = found.partition_point(|&(s, _)| s < end);
    found[..k].iter().rev().take(8).any(|&(_, e)| e > start)
}

/// Whether a tagged span can be a name: it starts with a capital, is not shouted in
/// capitals ("NEW YORK" datelines), and a lone word is no plural group ("Liberals"), no
/// function word and no title ("Sen" of "Sen. Jeff Merkley").
fn plausible(span: &str) -> bool {
    use super::typing::is_title;
    if !span.starts_with(char::is_uppercase) {
        return false;
    }
    if span.contains(' ') {
        return span.chars().any(char::is_lowercase);
    }
    !super::typing::names_a_group(span)
        && !lexicon::get().is_function_word(span)
        && !is_title(span)
        && !is_title(&format!("{span}."))
}

/// The tagger's type for a candidate the rules found but could not type, where the span's
/// shape does not contradict it: a person's name is Title-case words ("Tory MPs", "AI",
/// "R-Ky" and a plural such as "Orioles" are not one), and a place is no acronym; a name
/// before a lower-case place word ("Wayne county", "Gertrude streets") is no person.
/// `None` leaves the candidate to coreference, as before.
fn trusted(text: &str, start: usize, end: usize, t: EntityType) -> Option<EntityType> {
    let span = &text[start..end];
    let words: Vec<&str> = span.split(' ').collect();
    let title_case = words.iter().all(|w| title_case_word(w));
    match t {
        EntityType::Person => {
            let last = words[words.len() - 1];
            let before_place_word = text[end..]
                .strip_prefix(' ')
                .and_then(|rest| rest.split([' ', ',', '.']).next())
                .is_some_and(|w| PLACE_WORDS.contains(&w));
            (title_case && !super::typing::names_a_group(last) && !before_place_word).then_some(t)
        }
        EntityType::Loc => title_case.then(|| place_type(span, t)),
        _ => Some(t),
    }
}

/// A person the rules typed from the shape of the words alone (`typing::reads_as_personal_name`:
/// Title-case words no list knows), with no title, no listed given name or surname and no
/// reporting verb: the weakest evidence the rules take, which the tagger may overrule.
fn guessed_person(m: &RawMention) -> bool {
    let lex = lexicon::get();
    let words: Vec<&str> = m.text.split(' ').collect();
    m.etype == Some(EntityType::Person)
        && m.role.is_none()
        && !m.speaks
        && words.len() >= 2
        && !lex.is_given_name(words[0])
        && !lex.is_surname(words[words.len() - 1])
        && super::typing::reads_as_personal_name(&words)
}

/// Lower-case nouns that make the capitalised word before them a place's name.
const PLACE_WORDS: &[&str] = &[
    "county", "counties", "street", "streets", "road", "avenue", "river", "province", "district",
    "township", "valley", "island", "lake", "state",
];

/// A capitalised word of letters written as a name is: "Siddharth", "O'Neill", "McKinsey",
/// "Smith-Jones", not "AI", "R-Ky", "Albert.Thomas" or "LeaderMcConnell" (a capital after
/// more than three lower-case letters is two words run together).
fn title_case_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let mut lower_run = 0;
    let mut letters = 1;
    let mut prev = first;
    for c in chars {
        if c.is_uppercase() {
            if lower_run > 3 || (lower_run == 0 && prev != '.') {
                return false;
            }
            lower_run = 0;
        } else if c == '.' && prev.is_uppercase() {
            // "J.D.": initials
        } else if c.is_lowercase() {
            lower_run += 1;
        } else if !matches!(c, '-' | '\'' | '’') {
            return false;
        } else {
            lower_run = 1; // "Smith-Jones", "O'Neill": a capital may follow
        }
        letters += 1;
        prev = c;
    }
    let initials = w.ends_with('.') && w.len() >= 4;
    first.is_uppercase() && letters >= 2 && (w.chars().any(char::is_lowercase) || initials)
}

/// The tagger knows places only as LOC; the frames tell polities (GPE) from other places.
/// An unlisted place the tagger finds is most often a town, county or region, so it is a
/// GPE unless its last word is a street, building, landform or water head
/// (`lexicons/location_heads.txt`).
fn place_type(span: &str, t: EntityType) -> EntityType {
    if t != EntityType::Loc {
        return t;
    }
    let last = span.rsplit(' ').next().unwrap_or(span);
    if span.contains(' ') && lexicon::get().location_heads.contains_key(last) {
        EntityType::Loc
    } else {
        EntityType::Gpe
    }
}

/// One learned type per form in an article: the most frequent (the first seen on a tie), so
/// a word is not a place in one paragraph and a club in the next.
fn agree_per_form(raw: &mut [RawMention]) {
    let mut votes: HashMap<String, Vec<EntityType>> = HashMap::default();
    for m in raw.iter() {
        if let Some(t) = m.learned {
            votes.entry(m.text.clone()).or_default().push(t);
        }
    }
    for m in raw.iter_mut().filter(|m| m.learned.is_some()) {
        m.learned = Some(most_frequent(&votes[&m.text]));
    }
}

/// The most frequent of `votes` (not empty), the first seen on a tie.
fn most_frequent(votes: &[EntityType]) -> EntityType {
    let count = |t: &EntityType| votes.iter().filter(|x| *x == t).count();
    let mut best = votes[0];
    for t in votes {
        if count(t) > count(&best) {
            best = *t;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::{extract, CustomEntities};
    use crate::model::{Block, Role};

    #[test]
    fn a_name_only_the_tagger_finds_becomes_an_entity() {
        if super::tagger::get().is_none() {
            return;
        }
        let blocks = vec![Block {
            // No rule finds him: "Judge" reads as a title, and nothing lists the name.
            text: "Yankees slugger Aaron Judge hit two home runs.".into(),
            role: Role::Body,
        }];
        let (entities, _) = extract(&blocks, &CustomEntities::default());
        assert!(
            entities
                .iter()
                .any(|e| e.name == "Aaron Judge" && e.etype.as_str() == "PERSON"),
            "{entities:?}"
        );
    }

    #[test]
    fn the_taggers_type_must_fit_the_spans_shape() {
        use super::{trusted, EntityType::*};
        let t = |text: &str, span: &str, ty| {
            let s = text.find(span).unwrap();
            trusted(text, s, s + span.len(), ty)
        };
        assert_eq!(t("Siddharth left.", "Siddharth", Person), Some(Person));
        assert_eq!(t("The Orioles won.", "Orioles", Person), None);
        assert_eq!(t("Use AI now.", "AI", Person), None);
        assert_eq!(t("Use AI now.", "AI", Loc), None);
        assert_eq!(t("Ask LeaderMcConnell.", "LeaderMcConnell", Person), None);
        assert_eq!(t("Ask McKinsey.", "McKinsey", Person), Some(Person));
        assert_eq!(
            t("Ask J.D. Martinez.", "J.D. Martinez", Person),
            Some(Person)
        );
        assert_eq!(t("Ask Albert.Thomas now.", "Albert.Thomas", Person), None);
        assert_eq!(t("The Wayne county board met.", "Wayne", Person), None);
        assert_eq!(t("We flew to Dunedin.", "Dunedin", Loc), Some(Gpe));
        assert_eq!(t("Use AI now.", "AI", Org), Some(Org));
    }

    #[test]
    fn only_a_person_read_from_word_shape_alone_is_a_guess() {
        use super::super::RawMention;
        use super::guessed_person;
        use crate::model::{EntityType, Span};
        let m = |text: &str, role: Option<&str>| RawMention {
            span: Span {
                block: 0,
                start: 0,
                end: text.len(),
            },
            text: text.into(),
            etype: Some(EntityType::Person),
            known_name: None,
            role: role.map(String::from),
            speaks: false,
            country: None,
            learned: None,
        };
        assert!(guessed_person(&m("Zorblat Quimbo", None)));
        assert!(!guessed_person(&m("Zorblat Quimbo", Some("President"))));
        assert!(!guessed_person(&m("John Quimbo", None)));
    }

    #[test]
    fn unlisted_places_are_polities_unless_a_head_says_otherwise() {
        use super::{place_type, EntityType::*};
        assert_eq!(place_type("Montclair", Loc), Gpe);
        assert_eq!(place_type("Victory Lane", Loc), Loc);
        assert_eq!(place_type("Gensler", Org), Org);
    }

    #[test]
    fn lower_case_and_shouted_spans_are_no_names() {
        assert!(!super::plausible("learykin"));
        assert!(!super::plausible("NEW YORK"));
        assert!(!super::plausible("Liberals"));
        assert!(!super::plausible("Sen"));
        assert!(super::plausible("Delmarva Shorebirds"));
    }
}
