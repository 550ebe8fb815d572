//! Finds who said a quote and with which verb: cue patterns and speaker resolution.
//!
//! A cue is a reporting verb of the lexicon used as a verb (not after a determiner: "the
//! report", "a call"). Patterns are tried on the writer's words around the quote, with the
//! inside of every quote masked out (see `words`):
//!
//! - after the quote: `“Q,” X said`, `“Q,” said X`, `“Q,” RIA cited X` (a `report` verb's
//!   speaker is its object), `“Q” — X`;
//! - before it: `X said: “Q”`, `X said “Q”`, `X told Y that … “Q”`, `X …, saying “Q”`,
//!   `X: “Q”`;
//! - anywhere in the sentence: `according to X`.
//!
//! The speaker of a cue is looked for in its clause, the stretch of the sentence before the
//! first cue (so `X has said he …, saying “Q”` gives X, not whoever `he` is near), preferring a
//! person to an organisation or country, a name to a pronoun, and a head to a possessive
//! (`China’s top diplomat Wang Yi` gives Wang Yi). A pronoun goes to the subject (first
//! compatible mention) of the nearest sentence that has one: `he`/`she` to a person,
//! `it`/`they` to an organisation, outlet or country. Surnames need nothing here: the
//! entities stage already links `Wang` to Wang Yi.

use super::words::Word;
use super::written;
use crate::lexicon::{self, ReportingVerb};
use crate::model::{Block, Entity, EntityType, Mention, Role};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

/// Who said a quote, as written nearest to it, and the entity that backs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub text: String,
    pub entity: Option<usize>,
    /// A name read from the words themselves when no entity backs the speaker (`Smith`).
    pub name: Option<String>,
}

/// Which pattern gave the attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    After,
    Before,
    AccordingTo,
    Dash,
    Colon,
    /// Carried over from an earlier quote or sentence (split quotes, continuations).
    Inherited,
    /// Copied from the body quote a headline repeats.
    Repeated,
    /// Signed by the short line after its paragraph (`“Q.” —` then `Jane Doe, CEO of X`).
    Signed,
}

/// A speaker and cue found for a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
    pub how: How,
}

/// What the words before a quote say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    pub attribution: Option<Attribution>,
    /// The nearest cue governs the quote directly (`said “…”`, `told reporters that “…”`,
    /// `said: “…”`), with no clause of the writer's own in between.
    pub adjacent: bool,
    /// The quote is a name given to something (`calling it an “invasion”`, `dubbed “…”`).
    pub naming: bool,
}

/// A reporting verb found among words.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    /// Index of its first word.
    pub index: usize,
    /// Number of words (`pointed out` is two).
    pub len: usize,
    pub verb: &'static ReportingVerb,
}

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
    "your", "no", "any", "each", "every",
];

/// Verbs that make a clause of their own: a cue behind one of them does not govern the quote.
pub const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "am", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
];

/// Words that start another clause: what follows them is not a speaker phrase.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "or", "which", "who", "while", "because", "if", "when", "where", "as", "though",
    "although", "so", "since", "after", "before",
];

const PERSON_PRONOUNS: &[&str] = &["he", "she"];

/// Prepositions that attach a group to the person before them (`a spokesman for X`).
const QUALIFYING_PREPOSITIONS: &[&str] = &["of", "for", "at", "from", "with"];
const GROUP_PRONOUNS: &[&str] = &["it", "they"];
/// Prepositions that open a place or time phrase after a verb, never its object.
const PLACE_PREPOSITIONS: &[&str] = &["from", "in", "at", "on", "during", "outside", "inside"];

/// How far after a quote an `“Q,” X said` cue may sit, in words.
const AFTER_REACH: usize = 10;
/// Commas from a sentence's end a closing cue is looked for after (`, said X, who …`).
const SENTENCE_FINAL_COMMAS: usize = 2;
/// How far after a quote the cue closing a speaker's apposition may sit, in words.
const APPOSITION_REACH: usize = 40;
/// Longest signature line under a quote, in words and bytes (`Jane Doe, 41, a designer at X`).
const MAX_SIGNATURE_WORDS: usize = 25;
const SIGNATURE_BYTES: usize = 200;
/// How many words may separate a cue from the quote it governs directly.
const ADJACENT_REACH: usize = 6;

/// A definite person title among `words`: (index of "the", words including it), as in "the
/// prime minister" or "the former senator"; a title in capitals is part of a name instead.
fn title_description(words: &[Word]) -> Option<(usize, usize)> {
    (0..words.len()).find_map(|i| {
        if !words[i].text.eq_ignore_ascii_case("the") {
            return None;
        }
        (1..=3).rev().find_map(|n| {
            let phrase = words.get(i + 1..i + 1 + n)?;
            let contiguous = phrase.windows(2).all(|p| p[1].start == p[0].end + 1);
            let text = phrase.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
            let lower = text.chars().next().is_some_and(char::is_lowercase);
            let next_is_name = words.get(i + 1 + n).is_some_and(|w| w.is_capitalised());
            (contiguous
                && lower
                && !next_is_name
                && crate::entities::typing::is_person_title(&text))
            .then_some((i, n + 1))
        })
    })
}

/// Sentences a pronoun's antecedent is looked for in.
const MAX_ANTECEDENT_SENTENCES: usize = 8;
/// Bytes of a sentence, back from its end (or the pronoun), its subject is looked for in.
const ANTECEDENT_REACH: usize = 600;

/// The start of the char at or before byte `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Words from which a line is prose even with no stop at its end (a paragraph a link cut).
const PROSE_WORDS: usize = 12;

/// A paragraph of prose ends its last sentence with a stop, a closing mark or a bracket, or
/// runs longer than a promo line does.
fn is_prose(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '”', '"', '’', '\'', ')', ']', ':', '…'])
        || text.split_whitespace().nth(PROSE_WORDS - 1).is_some()
}

fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word.to_lowercase().as_str())
}

/// `he’s`, `it's`, `that’s`: a pronoun with `is` or `has`, which no possessive ends like.
fn is_contracted_pronoun(word: &str) -> bool {
    let stem = word.split(['’', '\'']).next().unwrap_or(word);
    is_in(&["he", "she", "it", "that", "there", "who", "what"], stem)
}

/// A `he` or `she` that no entity backs: the pronoun was not resolved.
pub fn is_bare_pronoun(s: &Speaker) -> bool {
    s.entity.is_none() && s.name.is_none() && is_person_pronoun(&s.text)
}

/// `he`, `she`, also contracted with an auxiliary (`He’s claiming`, `she'd said`).
fn is_person_pronoun(word: &str) -> bool {
    let stem = word.split(['’', '\'']).next().unwrap_or(word);
    is_in(PERSON_PRONOUNS, stem)
}

/// Reporting verbs among `words`, in order. In running text a cue is lower case; headlines
/// capitalise every word, so there any case counts.
pub fn find_cues(words: &[Word], headline: bool) -> Vec<Cue> {
    let lex = lexicon::get();
    let mut cues = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // "the report", "Wang’s talks": a noun, not a verb.
        // "He’s claiming" is a pronoun and an auxiliary, not a possessive.
        let after_determiner = i > 0
            && (is_in(DETERMINERS, words[i - 1].text)
                || ((words[i - 1].text.ends_with("’s") || words[i - 1].text.ends_with("'s"))
                    && !is_contracted_pronoun(words[i - 1].text)));
        let lower_case = headline || !w.is_capitalised();
        // "press secretary", "call center": the word starts a title, not a verb.
        let in_title = words.get(i + 1).is_some_and(|n| {
            !n.is_punct()
                && crate::entities::typing::is_person_title(&format!("{} {}", w.text, n.text))
        });
        let usable = !w.is_punct() && lower_case && !after_determiner && !in_title;
        if usable {
            let two = words
                .get(i + 1)
                .filter(|n| !n.is_punct())
                .and_then(|n| lex.reporting_verb(&format!("{} {}", w.text, n.text)));
            if let Some(verb) = two {
                cues.push(Cue {
                    index: i,
                    len: 2,
                    verb,
                });
                i += 2;
                continue;
            }
            if let Some(verb) = lex.reporting_verb(w.text) {
                cues.push(Cue {
                    index: i,
                    len: 1,
                    verb,
                });
            }
        }
        i += 1;
    }
    cues
}

fn cue_text(words: &[Word], cue: &Cue, block: &str) -> String {
    block[words[cue.index].start..words[cue.index + cue.len - 1].end].to_string()
}

fn is_passive(words: &[Word], cue: &Cue) -> bool {
    let mut j = cue.index;
    while j > 0 {
        j -= 1;
        let w = words[j].lower();
        if w.ends_with("ly") {
            continue; // "was widely quoted"
        }
        return is_in(&["is", "are", "was", "were", "be", "been", "being"], &w)
            && !words[cue.index].text.ends_with("ing");
    }
    false
}

/// Index of the first word after the last clause break (`;`, or a sentence end the sentence
/// splitter did not see, as before a reference marker: `… Journal.[3] Putin welcomed`).
fn clause_start(words: &[Word]) -> usize {
    words
        .iter()
        .rposition(|w| matches!(w.text, ";" | "." | "!" | "?"))
        .map_or(0, |i| i + 1)
}

/// A speaker phrase as written; a run of capitalised words also stands as its name.
fn as_written(text: &str, phrase: &[Word]) -> Speaker {
    let written = text[phrase[0].start..phrase[phrase.len() - 1].end].to_string();
    let is_name = phrase.iter().all(Word::is_capitalised);
    Speaker {
        name: is_name.then(|| written.clone()),
        text: written,
        entity: None,
    }
}

/// Whether a mention ends at or before `pos` of `block`: mentions do not overlap and are in
/// reading order, so those that do are a prefix.
fn is_before(m: &Mention, block: usize, pos: usize) -> bool {
    m.span.block < block || (m.span.block == block && m.span.end <= pos)
}

fn can_speak(etype: EntityType) -> bool {
    matches!(
        etype,
        EntityType::Person
            | EntityType::Org
            | EntityType::Media
            | EntityType::Gpe
            | EntityType::Norp
    )
}

/// The mentions and sentences of an article, for finding and resolving speakers.
///
/// Everything a quote's attribution looks up is computed once per article or block and then
/// searched, never rescanned per quote: a block can hold a hundred thousand quotes, and a
/// page as many titles and descriptions.
pub struct Speakers<'a> {
    blocks: &'a [Block],
    entities: &'a [Entity],
    by_block: Vec<Vec<&'a Mention>>,
    sentences: Vec<Vec<Range<usize>>>,
    /// Inside of quotes per block: mentions there are quoted words, not speakers.
    masks: Vec<Vec<Range<usize>>>,
    /// The writer's words of each block, read once when a quote first needs them.
    words: Vec<OnceCell<Vec<Word<'a>>>>,
    /// Person mentions with a role, by each trailing run of the role's words, lower case
    /// (`minister`, `prime minister`, `former prime minister`), in reading order.
    titled: OnceCell<HashMap<String, Vec<&'a Mention>>>,
    /// Person mentions in reading order, each with the person named most often up to it.
    salient: OnceCell<Vec<(&'a Mention, Option<usize>)>>,
    /// The first organisation or outlet of several words by its last word, ASCII lower case.
    by_head: OnceCell<HashMap<String, usize>>,
    /// The nearest story block before each block, skipping captions, credits and chrome.
    previous_story: Vec<Option<usize>>,
}

/// Trailing words of a role that are indexed: a title (`title_description`) has at most 3.
const MAX_TITLE_WORDS: usize = 3;

impl<'a> Speakers<'a> {
    pub fn new(
        blocks: &'a [Block],
        entities: &'a [Entity],
        mentions: &'a [Mention],
        sentences: Vec<Vec<Range<usize>>>,
        masks: Vec<Vec<Range<usize>>>,
    ) -> Self {
        let mut by_block: Vec<Vec<&Mention>> = vec![Vec::new(); blocks.len()];
        for m in mentions {
            if m.span.block < blocks.len() && m.entity < entities.len() {
                by_block[m.span.block].push(m);
            }
        }
        for ms in &mut by_block {
            ms.sort_by_key(|m| m.span.start);
        }
        Speakers {
            blocks,
            entities,
            by_block,
            sentences,
            masks: masks.into_iter().map(super::words::disjoint).collect(),
            words: (0..blocks.len()).map(|_| OnceCell::new()).collect(),
            titled: OnceCell::new(),
            salient: OnceCell::new(),
            by_head: OnceCell::new(),
            previous_story: blocks
                .iter()
                .enumerate()
                .scan(None, |last, (i, b)| {
                    let before = *last;
                    if b.role.is_story() {
                        *last = Some(i);
                    }
                    Some(before)
                })
                .collect(),
        }
    }

    /// `block` (if it is story) and the story paragraphs before it, `n` in all, nearest first.
    /// A line of the story's role that ends in no sentence mark ("Breaking News", "Install
    /// the app for free") is a promo or chrome line between paragraphs and is not counted.
    pub fn paragraphs_back(&self, block: usize, n: usize) -> Vec<usize> {
        let first = Some(block).filter(|&b| self.blocks[b].role.is_story());
        std::iter::successors(first.or(self.previous_story[block]), |&b| {
            self.previous_story[b]
        })
        .filter(|&b| b == block || is_prose(&self.blocks[b].text))
        .take(n)
        .collect()
    }

    /// Whether entity `e` is a person.
    pub fn is_person(&self, e: usize) -> bool {
        self.entities
            .get(e)
            .is_some_and(|x| x.etype == EntityType::Person)
    }

    /// The previous story block, skipping captions, credits and other chrome in between.
    pub fn previous_story(&self, block: usize) -> Option<usize> {
        self.previous_story[block]
    }

    pub fn sentences(&self, block: usize) -> &[Range<usize>] {
        &self.sentences[block]
    }

    /// The writer's words of `block` inside `range` (see `words::words`), sliced from the
    /// block's words read once. A range that cuts a word (a window edge inside a long
    /// sentence) is read afresh, as the cut word reads differently; such a range is at most a
    /// window long.
    pub fn words(&self, block: usize, range: Range<usize>) -> Cow<'_, [Word<'a>]> {
        let text = self.text(block);
        let all = self.words[block]
            .get_or_init(|| super::words::words(text, 0..text.len(), &self.masks[block]));
        let i = all.partition_point(|w| w.start < range.start);
        let j = i + all[i..].partition_point(|w| w.start < range.end);
        crate::work::add(1);
        let cut_start = i > 0 && all[i - 1].end > range.start;
        let cut_end = j > i && all[j - 1].end > range.end;
        if cut_start || cut_end {
            Cow::Owned(super::words::words(text, range, &self.masks[block]))
        } else {
            Cow::Borrowed(&all[i..j])
        }
    }

    pub fn masks(&self, block: usize) -> &[Range<usize>] {
        &self.masks[block]
    }

    fn text(&self, block: usize) -> &'a str {
        &self.blocks[block].text
    }

    fn is_possessive(&self, m: &Mention) -> bool {
        let after = &self.text(m.span.block)[m.span.end..];
        after.starts_with("’s")
            || after.starts_with("'s")
            || after.starts_with("’ ")
            || after.starts_with("' ")
    }

    fn is_masked(&self, block: usize, pos: usize) -> bool {
        super::words::is_masked(&self.masks[block], pos)
    }

    fn etype(&self, m: &Mention) -> EntityType {
        self.entities[m.entity].etype
    }

    fn speaker_of(&self, m: &Mention) -> Speaker {
        Speaker {
            text: m.text.clone(),
            entity: Some(m.entity),
            name: None,
        }
    }

    /// Speaking mentions inside `range` of a block, outside quotes, in order. Mentions are
    /// sorted by start, so only those starting inside the range are looked at.
    fn mentions_in(&self, block: usize, range: Range<usize>) -> Vec<&'a Mention> {
        let ms = &self.by_block[block];
        let from = ms.partition_point(|m| m.span.start < range.start);
        let to = from + ms[from..].partition_point(|m| m.span.start < range.end);
        crate::work::add(1 + to - from);
        ms[from..to]
            .iter()
            .copied()
            .filter(|m| m.span.start >= range.start && m.span.end <= range.end)
            .filter(|m| !self.is_masked(block, m.span.start) && can_speak(self.etype(m)))
            .collect()
    }

    /// The subject among the words of a clause: a person, else an organisation or country,
    /// else a pronoun, else a demonym or a possessive.
    pub fn pick(&self, block: usize, clause: &[Word]) -> Option<Speaker> {
        self.head_of_phrase(block, clause)
            .or_else(|| self.subject_after_opener(block, clause))
            .or_else(|| self.pick_in_clause(block, clause))
    }

    /// `In an interview with host Joe Smith, the senator said`: after an opening phrase the
    /// subject is the head of the words after its comma, not a name inside the phrase.
    fn subject_after_opener(&self, block: usize, clause: &[Word]) -> Option<Speaker> {
        let comma = clause.iter().rposition(|w| w.text == ",")?;
        self.head_of_phrase(block, &clause[comma + 1..])
    }

    /// The speaker a phrase's head names: the mention or the written name that ends the phrase
    /// before its first comma or aside, so a modifier is not taken for the speaker (`former Obama
    /// adviser David Axelrod`, `Clinton campaign manager Robby Mook`, `Howard Dean, the former
    /// governor of Vermont`, `Levine, who has given money to Rubio,`). A phrase that opens with
    /// a function word (`On Monday, …`, `As for …`) has no head here.
    fn head_of_phrase(&self, block: usize, phrase: &[Word]) -> Option<Speaker> {
        let end = phrase
            .iter()
            .position(|w| matches!(w.text, "," | ";" | ":" | "(") || w.is_dash())
            .unwrap_or(phrase.len());
        let head = &phrase[..end];
        let first = head.first()?;
        // "She greeted supporters in Houston and told them": a clause opening with a pronoun
        // has it for subject, whatever is named after it.
        if is_person_pronoun(first.text) || first.lower() == "they" {
            return Some(Speaker {
                text: first.text.to_string(),
                entity: self.resolve_pronoun(first.text, block, first.start),
                name: None,
            });
        }
        let lex = lexicon::get();
        let determiner = is_in(DETERMINERS, first.text) || is_in(&["one", "another"], first.text);
        if lex.is_function_word(first.text) && !determiner {
            return None;
        }
        let last = head.last()?;
        let ending = self
            .mentions_in(block, first.start..last.end)
            .into_iter()
            .rev()
            .find(|m| m.span.end >= last.end && !self.is_possessive(m));
        // "a spokesman for committee Democrats", "Jane Doe of the Acme Institute": a group
        // named after a preposition qualifies the head before it, which speaks.
        if let Some(m) = ending.filter(|m| self.etype(m) != EntityType::Person) {
            let qualifier = head[1..]
                .iter()
                .position(|w| is_in(QUALIFYING_PREPOSITIONS, w.text))
                .map(|k| k + 1)
                .filter(|&k| head[k].end <= m.span.start);
            if let Some(speaker) = qualifier.and_then(|k| self.head_of_phrase(block, &head[..k])) {
                return Some(speaker);
            }
        }
        if let Some(m) = ending {
            return Some(self.speaker_of(m));
        }
        if let Some(run) = written::name_ending(head, head.len()) {
            return Some(self.written(block, head, run));
        }
        // "a friend said on Facebook", "the Florida senator said": a description is the
        // speaker, not a name further on, unless an apposition names it ("his brother, Tom
        // Lee, said").
        let described = written::description_starting(head, 0).filter(|r| r.end == head.len())?;
        if let Some(named) = self.apposition_name(block, &phrase[end..]) {
            return Some(named);
        }
        self.organisation_description(head)
            .or_else(|| self.described_person(block, head))
            .or_else(|| {
                // "the musician said": the person the story last made a subject.
                let entity = written::is_anaphoric_description(&head[described.clone()])
                    .then(|| self.resolve_pronoun("he", block, head[0].start))
                    .flatten();
                Some(Speaker {
                    text: written::span_text(self.text(block), head, described),
                    entity,
                    name: None,
                })
            })
    }

    /// `, Tom Lee,` (or to the end): the person an apposition right after a description names.
    fn apposition_name(&self, block: usize, rest: &[Word]) -> Option<Speaker> {
        let inner = rest.strip_prefix(&[rest.first().copied().filter(|w| w.text == ",")?][..])?;
        let len = inner
            .iter()
            .position(|w| w.text == "," || w.text == ";" || w.is_dash())
            .unwrap_or(inner.len());
        let seg = &inner[..len];
        let (first, last) = (seg.first()?, seg.last()?);
        let person = self
            .mentions_in(block, first.start..last.end)
            .into_iter()
            .find(|m| {
                m.span.start == first.start
                    && m.span.end == last.end
                    && self.etype(m) == EntityType::Person
            });
        if let Some(m) = person {
            return Some(self.speaker_of(m));
        }
        written::name_ending(seg, seg.len())
            .filter(|r| r.start == 0)
            .map(|r| self.written(block, seg, r))
    }

    /// A definite person title among the words (`the prime minister`), resolved.
    fn described_person(&self, block: usize, clause: &[Word]) -> Option<Speaker> {
        let (i, n) = title_description(clause)?;
        let last = &clause[i + n - 1];
        Some(Speaker {
            text: self.text(block)[clause[i].start..last.end].to_string(),
            entity: self.resolve_description(&clause[i + 1..i + n], block, clause[i].start),
            name: None,
        })
    }

    fn written(&self, block: usize, words: &[Word], run: Range<usize>) -> Speaker {
        let text = self.text(block);
        Speaker {
            text: written::span_text(text, words, run.clone()),
            entity: None,
            name: Some(written::name_text(text, words, run)),
        }
    }

    /// The subject among the words of a clause by entity type (see `pick`).
    fn pick_in_clause(&self, block: usize, clause: &[Word]) -> Option<Speaker> {
        let (first, last) = (clause.first()?, clause.last()?);
        let ms = self.mentions_in(block, first.start..last.end);
        let named = |want: &dyn Fn(EntityType) -> bool| {
            ms.iter()
                .find(|m| want(self.etype(m)) && !self.is_possessive(m))
                .map(|m| self.speaker_of(m))
        };
        let person = ms
            .iter()
            .position(|m| self.etype(m) == EntityType::Person && !self.is_possessive(m))
            .map(|k| self.modified_head(clause, &ms, k))
            .map(|m| self.speaker_of(m));
        person
            .or_else(|| {
                named(&|t| matches!(t, EntityType::Org | EntityType::Media | EntityType::Gpe))
            })
            .or_else(|| self.organisation_description(clause))
            .or_else(|| self.described_person(block, clause))
            .or_else(|| {
                let pronoun = clause
                    .iter()
                    .rev()
                    .find(|w| is_person_pronoun(w.text) || is_in(GROUP_PRONOUNS, w.text))?;
                Some(Speaker {
                    text: pronoun.text.to_string(),
                    entity: self.resolve_pronoun(pronoun.text, block, pronoun.start),
                    name: None,
                })
            })
            .or_else(|| ms.first().map(|m| self.speaker_of(m)))
    }

    /// `Trump campaign spokesman Steven Cheung`: a person named right before a few lower-case
    /// role words and another person modifies that person, who is the head and speaks.
    fn modified_head(&self, clause: &[Word], ms: &[&'a Mention], k: usize) -> &'a Mention {
        let lex = lexicon::get();
        let mut k = k;
        while let Some(next) = ms
            .get(k + 1)
            .filter(|n| self.etype(n) == EntityType::Person)
        {
            let (a, b) = (ms[k].span.end, next.span.start);
            let between: Vec<&Word> = clause
                .iter()
                .filter(|w| w.start >= a && w.end <= b)
                .collect();
            let modifier = !between.is_empty()
                && between.len() <= MAX_TITLE_WORDS
                && between.iter().all(|w| {
                    !w.is_punct()
                        && !w.is_capitalised()
                        && !lex.is_function_word(w.text)
                        && lex.reporting_verb(w.text).is_none()
                });
            if !modifier {
                break;
            }
            k += 1;
        }
        ms[k]
    }

    /// The entity a pronoun stands for: the subject of the nearest sentence, at or before the
    /// pronoun, that has a compatible one.
    pub fn resolve_pronoun(&self, pronoun: &str, block: usize, pos: usize) -> Option<usize> {
        let person = is_person_pronoun(pronoun);
        let fits = |t: EntityType| {
            if person {
                t == EntityType::Person
            } else {
                matches!(t, EntityType::Org | EntityType::Media | EntityType::Gpe)
            }
        };
        // Four story paragraphs back; promo lines and captions in between do not count.
        let story = self.paragraphs_back(block, 4);
        // An antecedent is a few sentences back at most; a bound keeps blocks of page code
        // with thousands of marks linear.
        let mut budget = MAX_ANTECEDENT_SENTENCES;
        for b in story {
            let limit = if b == block { pos } else { usize::MAX };
            let sentences = &self.sentences[b];
            for s in sentences[..sentences.partition_point(|s| s.start < limit)]
                .iter()
                .rev()
            {
                if budget == 0 {
                    return None;
                }
                crate::work::add(1);
                budget -= 1;
                // The subject of a sentence longer than a window is looked for near its end:
                // one sentence of a hundred thousand words must not be read per pronoun.
                let end = s.end.min(limit);
                let range = floor_char_boundary(
                    self.text(b),
                    s.start.max(end.saturating_sub(ANTECEDENT_REACH)),
                )..end;
                let found = self
                    .mentions_in(b, range.clone())
                    .into_iter()
                    .find(|m| fits(self.etype(m)) && !self.is_possessive(m));
                if let Some(m) = found {
                    return Some(m.entity);
                }
                // "The prime minister said ... He added": the description is the antecedent.
                if person {
                    let words = self.words(b, range);
                    if let Some((i, n)) = title_description(&words) {
                        return self.resolve_description(&words[i + 1..i + n], b, words[i].start);
                    }
                }
            }
        }
        None
    }

    /// "the zoo said", "the ministry said": a lower-case head noun after "the" that ends the
    /// name of an organisation or outlet of the article stands for it.
    fn organisation_description(&self, clause: &[Word]) -> Option<Speaker> {
        clause.windows(2).find_map(|pair| {
            let (the, noun) = (&pair[0], &pair[1]);
            if !the.text.eq_ignore_ascii_case("the")
                || noun.text.len() < 3
                || !noun.text.chars().all(char::is_lowercase)
            {
                return None;
            }
            let entity = *self.by_head().get(&noun.text.to_ascii_lowercase())?;
            Some(Speaker {
                text: format!("{} {}", the.text, noun.text),
                entity: Some(entity),
                name: None,
            })
        })
    }

    /// See the `by_head` field: what `Entity::ends_with_head` tests, as a look-up.
    fn by_head(&self) -> &HashMap<String, usize> {
        self.by_head.get_or_init(|| {
            let mut index = HashMap::new();
            for (i, e) in self.entities.iter().enumerate() {
                if !matches!(e.etype, EntityType::Org | EntityType::Media) {
                    continue;
                }
                if let Some((_, head)) = e.name.rsplit_once(' ') {
                    index.entry(head.to_ascii_lowercase()).or_insert(i);
                }
            }
            index
        })
    }

    /// See the `titled` field.
    fn titled(&self) -> &HashMap<String, Vec<&'a Mention>> {
        self.titled.get_or_init(|| {
            let mut index: HashMap<String, Vec<&'a Mention>> = HashMap::new();
            for m in self.by_block.iter().flatten() {
                let Some(role) = m
                    .role
                    .as_deref()
                    .filter(|_| self.etype(m) == EntityType::Person)
                else {
                    continue;
                };
                let lower = role.to_lowercase();
                let words: Vec<&str> = lower.split(' ').collect();
                crate::work::add(words.len());
                for n in 1..=words.len().min(MAX_TITLE_WORDS) {
                    index
                        .entry(words[words.len() - n..].join(" "))
                        .or_default()
                        .push(m);
                }
            }
            index
        })
    }

    /// See the `salient` field: the running most-named person, counted once for the page.
    fn salient(&self) -> &[(&'a Mention, Option<usize>)] {
        self.salient.get_or_init(|| {
            let mut counts: HashMap<usize, usize> = HashMap::new();
            let mut best: Option<(usize, usize)> = None; // (entity, count)
            let mut out = Vec::new();
            for m in self.by_block.iter().flatten() {
                if self.etype(m) != EntityType::Person {
                    continue;
                }
                let c = counts.entry(m.entity).or_default();
                *c += 1;
                // The mention just seen is the latest, so its person wins ties.
                if best.is_none_or(|(_, n)| *c >= n) {
                    best = Some((m.entity, *c));
                }
                out.push((*m, best.filter(|&(_, n)| n >= 2).map(|(e, _)| e)));
            }
            crate::work::add(out.len());
            out
        })
    }

    /// The person a definite title stands for ("the prime minister", "the senator"): the
    /// person the article gives that title, nearest before; else, like "he", the subject of
    /// the nearest sentence before with a person in it.
    fn resolve_description(&self, title: &[Word], block: usize, pos: usize) -> Option<usize> {
        let title = title.iter().map(|w| w.text).collect::<Vec<_>>().join(" ");
        let titled = |m: &Mention| {
            self.etype(m) == EntityType::Person
                && m.role.as_deref().is_some_and(|r| {
                    r.eq_ignore_ascii_case(&title)
                        || r.to_lowercase()
                            .ends_with(&format!(" {}", title.to_lowercase()))
                })
        };
        // The index narrows the mentions to those whose role ends with the title's words;
        // `titled` still decides, as it always did.
        let candidates = self
            .titled()
            .get(&title.to_lowercase())
            .map_or(&[][..], Vec::as_slice);
        let k = candidates.partition_point(|m| is_before(m, block, pos));
        crate::work::add(1);
        let before = candidates[..k].iter().rev().find(|m| titled(m));
        let any = || candidates.iter().find(|m| titled(m));
        before
            .or_else(any)
            .map(|m| m.entity)
            .or_else(|| self.salient_person(block, pos))
            .or_else(|| self.resolve_pronoun("he", block, pos))
    }

    /// The person named most often before a position (at least twice): the one a story
    /// calls "the prime minister" without saying who, because the reader knows.
    fn salient_person(&self, block: usize, pos: usize) -> Option<usize> {
        let running = self.salient();
        let k = running.partition_point(|(m, _)| is_before(m, block, pos));
        crate::work::add(1);
        running[..k].last().and_then(|&(_, e)| e)
    }

    /// The speaker named right after a cue (`said Foreign Minister X`, `said Geoff Garin, a
    /// pollster at Y`): the name run there, backed by the mention that ends it or as written;
    /// else a description (`said the 46-year-old`); else the first speaking mention among the
    /// next few words.
    fn mention_after(&self, block: usize, words: &[Word], from: usize) -> Option<Speaker> {
        let from = from.min(words.len());
        // The phrase ends at its first comma, clause or preposition (`said Trump at a rally in
        // Ohio`); its head is the speaker (`said Virginia delegate Beau Correll`).
        let lex = lexicon::get();
        let len = words[from..]
            .iter()
            .enumerate()
            .position(|(k, w)| {
                let dot = k > 0 && written::is_abbreviation_dot(&words[from..], k);
                (w.is_punct() && !dot)
                    || (k > 0 && lex.is_function_word(w.text) && !is_in(DETERMINERS, w.text))
            })
            .unwrap_or(words.len() - from);
        let phrase = &words[from..from + len.min(ADJACENT_REACH + 2)];
        self.head_of_phrase(block, phrase)
            .or_else(|| self.first_mention_after(block, words, from))
    }

    /// The first speaking mention among the next few words.
    fn first_mention_after(&self, block: usize, words: &[Word], from: usize) -> Option<Speaker> {
        let stretch = &words[from.min(words.len())..];
        let end = stretch
            .iter()
            .take(ADJACENT_REACH + 2)
            .take_while(|w| w.text != ";" && !is_in(CLAUSE_WORDS, w.text))
            .last()?;
        let ms = self.mentions_in(block, stretch.first()?.start..end.end);
        ms.iter()
            .find(|m| self.etype(m) == EntityType::Person)
            .or(ms.first())
            .map(|m| self.speaker_of(m))
    }

    /// `“Q,” X said`, `“Q,” said X`, `“Q,” RIA cited X`, `“Q” — X`: `after` are the words
    /// from the closing mark to the end of its sentence.
    pub fn after(&self, block: usize, after: &[Word], headline: bool) -> Option<Attribution> {
        let after = &super::words::without_asides(after);
        let found = self.after_adjacent(block, after, headline);
        if found.as_ref().is_some_and(|a| a.speaker.is_some()) {
            return found;
        }
        self.after_apposition(block, after, headline).or(found)
    }

    /// `“Q,” X, a professor at Y who …, said`, `“Q,” X, 67, a retired teacher, told`: the speaker
    /// phrase before the first comma, its cue right after the comma that closes the apposition.
    fn after_apposition(
        &self,
        block: usize,
        after: &[Word],
        headline: bool,
    ) -> Option<Attribution> {
        let start = after.iter().position(|w| !w.is_punct())?;
        if !after[..start].iter().all(|w| w.text == ",") {
            return None;
        }
        let rest = &after[start..];
        let comma = rest
            .iter()
            .take(ADJACENT_REACH + 2)
            .position(|w| w.text == ",")?;
        if comma == 0 || rest[..comma].iter().any(|w| w.is_punct() && w.text != ".") {
            return None;
        }
        let closes = rest
            .iter()
            .take(APPOSITION_REACH)
            .enumerate()
            .skip(comma + 1)
            .take_while(|(_, w)| !matches!(w.text, ";" | "!" | "?" | ":"))
            .filter(|(_, w)| w.text == ",")
            .find_map(|(k, _)| {
                let next = &rest[k + 1..rest.len().min(k + 3)];
                let cue = *find_cues(next, headline).first().filter(|c| c.index == 0)?;
                Some((k + 1, cue))
            });
        let (at, cue) = closes?;
        let speaker = self.pick(block, &rest[..comma])?;
        Some(Attribution {
            speaker: Some(speaker),
            cue: Some(cue_text(&rest[at..], &cue, self.text(block))),
            how: How::After,
        })
    }

    /// `“Q,” and donations rose, Gilbert said.`, `“Q,” since …, said Lee Epstein, who …`,
    /// `is about “Q1” and “Q2,” he said.`: a cue closing the sentence after a clause of the
    /// writer's own, read from one of its last commas (or the end of a later quote) as if it
    /// followed the quote.
    pub fn sentence_final(
        &self,
        block: usize,
        after: &[Word],
        headline: bool,
    ) -> Option<Attribution> {
        let words = super::words::without_stops(after);
        let end = words.len();
        let masks = &self.masks[block];
        let after_quote = |k: usize| {
            let i = masks.partition_point(|m| m.end <= words[k].start);
            i > 0 && masks[i - 1].start >= words[k - 1].end
        };
        words
            .iter()
            .enumerate()
            .rev()
            .filter(|(k, w)| *k > 0 && (w.text == "," || after_quote(*k)))
            .take(SENTENCE_FINAL_COMMAS)
            .take_while(|(k, _)| end - k <= AFTER_REACH + 1)
            .find_map(|(k, _)| {
                self.after_adjacent(block, &words[k..], headline)
                    .filter(|a| a.speaker.is_some())
            })
    }

    fn after_adjacent(&self, block: usize, after: &[Word], headline: bool) -> Option<Attribution> {
        let mut i = 0;
        while i < after.len() && matches!(after[i].text, "," | "." | "?" | "!") {
            i += 1;
        }
        let rest = &after[i..];
        if rest.first().is_some_and(Word::is_dash) {
            let speaker = self.mention_after(block, rest, 1)?;
            return Some(Attribution {
                speaker: Some(speaker),
                cue: None,
                how: How::Dash,
            });
        }
        let window = &rest[..rest.len().min(AFTER_REACH)];
        let cue = *find_cues(window, headline).first()?;
        let lead_in = &window[..cue.index];
        // "“Q,” X has said": an auxiliary of the cue itself is no clause of its own.
        let of_cue = |k: usize| {
            lead_in[k + 1..].iter().all(|w| {
                is_in(AUXILIARIES, w.text) || w.text.ends_with("ly") || w.lower() == "also"
            })
        };
        if lead_in.iter().enumerate().any(|(k, w)| {
            (is_in(AUXILIARIES, w.text) && !of_cue(k))
                || is_in(CLAUSE_WORDS, w.text)
                || w.text == ";"
        }) {
            return None;
        }
        let aux = lead_in
            .iter()
            .position(|w| is_in(AUXILIARIES, w.text))
            .unwrap_or(lead_in.len());
        let lead_in = &lead_in[..aux];
        // "“Q,” X reported from UN headquarters": a place phrase follows, not an object.
        let no_object = rest
            .get(cue.index + cue.len)
            .is_some_and(|w| is_in(PLACE_PREPOSITIONS, w.text));
        let speaker = if cue.verb.class == "report" && !no_object {
            // "“Q,” RIA cited X": the object speaks; "“Q,” the Post reported": the subject.
            self.mention_after(block, rest, cue.index + cue.len)
                .or_else(|| self.pick(block, lead_in))
        } else if cue.verb.class == "report" {
            self.pick(block, lead_in)
        } else {
            // A speaker the entities stage does not know: "“Q,” the spokesman said"; one
            // written before the cue is its subject, whatever is named after it ("“Q,” his
            // former strategist said in an interview with X").
            let written = || {
                let lex = lexicon::get();
                (lead_in.iter().all(|w| !w.is_punct())
                    && lead_in
                        .iter()
                        .any(|w| !lex.is_function_word(w.text) && !w.text.ends_with("ly")))
                .then(|| as_written(self.text(block), lead_in))
            };
            self.pick(block, lead_in)
                .or_else(written)
                .or_else(|| self.mention_after(block, rest, cue.index + cue.len))
        };
        Some(Attribution {
            speaker,
            cue: Some(cue_text(rest, &cue, self.text(block))),
            how: How::After,
        })
    }

    /// `X said “Q”`, `X said: “Q”`, `X told Y that … “Q”`, `X …, saying “Q”`, `X: “Q”`:
    /// `before` are the words from the sentence start to the opening mark.
    pub fn before(&self, block: usize, before: &[Word], headline: bool) -> Lead {
        // A sentence end the splitter missed (".[3] Putin said") starts a new clause too.
        let before = &before[clause_start(before)..];
        if let Some(attribution) = self.named_by(block, before) {
            return Lead {
                attribution: Some(attribution),
                adjacent: false,
                naming: false,
            };
        }
        let cues = find_cues(before, headline);
        let colon = before.last().is_some_and(|w| w.text == ":");
        let naming = self.is_naming(before);
        let speaking: Vec<&Cue> = cues.iter().filter(|c| c.verb.class != "naming").collect();
        let Some(first) = speaking.first() else {
            let attribution = colon
                .then(|| self.pick(block, &before[..before.len() - 1]))
                .flatten()
                .map(|speaker| Attribution {
                    speaker: Some(speaker),
                    cue: None,
                    how: How::Colon,
                });
            return Lead {
                adjacent: colon,
                attribution,
                naming,
            };
        };
        // The cue shown is the nearest speech verb; the speaker is the subject of the first.
        let nearest = speaking
            .iter()
            .rev()
            .find(|c| c.verb.class != "stance")
            .or(speaking.last())
            .expect("non-empty");
        let clause_start = clause_start(&before[..first.index]);
        let passive = is_passive(before, first);
        // "The Post reports that …": a report verb with a clause for object has the
        // publisher for subject, as a speech verb has the speaker.
        let reports_clause = before
            .get(first.index + first.len)
            .is_some_and(|w| w.lower() == "that");
        let speaker = if first.verb.class == "report" && !passive && !reports_clause {
            self.mention_after(block, before, first.index + first.len)
        } else if passive && first.verb.class != "report" {
            // "were described as …": only an agent ("by X") speaks.
            let by = before[first.index + first.len..]
                .iter()
                .take(3)
                .position(|w| w.lower() == "by")
                .map(|i| first.index + first.len + i + 1);
            by.and_then(|i| self.mention_after(block, before, i))
        } else {
            // "As for pundits who claim …, Bolton said “Q”": the subject right before the cue
            // that governs the quote wins over that of a cue in an aside.
            let own = before[clause_start..nearest.index]
                .iter()
                .rposition(|w| w.text == ",")
                .map_or(clause_start, |i| clause_start + i + 1);
            let own_subject = (nearest.index > first.index && !is_passive(before, nearest))
                .then(|| self.pick(block, &before[own..nearest.index]))
                .flatten();
            own_subject
                .or_else(|| self.pick(block, &before[clause_start..first.index]))
                .or_else(|| self.mention_after(block, before, nearest.index + nearest.len))
        };
        let between = &before[nearest.index + nearest.len..];
        let adjacent = colon
            || (between.len() <= ADJACENT_REACH
                && !between
                    .iter()
                    .any(|w| is_in(AUXILIARIES, w.text) || w.text == ";"));
        Lead {
            attribution: Some(Attribution {
                speaker,
                cue: Some(cue_text(before, nearest, self.text(block))),
                how: How::Before,
            }),
            adjacent,
            naming,
        }
    }

    /// A quote that names something: a naming verb, or `call` with its object, right before
    /// the quote (`calling it an “invasion”`), or `so-called`.
    fn is_naming(&self, before: &[Word]) -> bool {
        let tail_start = before.len().saturating_sub(4);
        let tail = &before[tail_start..];
        tail.last().is_some_and(|w| w.lower() == "so-called") || self.naming_cue(before).is_some()
    }

    /// The naming verb right before the quote (`calling it an “invasion”`), if any.
    fn naming_cue(&self, before: &[Word]) -> Option<Cue> {
        let tail_start = before.len().saturating_sub(4);
        let tail = &before[tail_start..];
        let cue = *find_cues(tail, false)
            .iter()
            .rev()
            .find(|c| c.verb.class == "naming" || c.verb.lemma == "call")?;
        let i = cue.index + cue.len;
        let direct = !tail[i..]
            .iter()
            .any(|w| w.is_punct() || is_in(&["on", "for", "that", "to"], w.text));
        direct.then_some(Cue {
            index: tail_start + cue.index,
            ..cue
        })
    }

    /// `X called it “the least bad option”`, `X described Ohio as “…”`: a finite naming verb
    /// with a subject attributes the words to that subject (a fragment of theirs); a gerund or
    /// a bare verb (`calling it an “invasion”`, `what we might call “street kids”`) names
    /// something in the writer's voice.
    fn named_by(&self, block: usize, before: &[Word]) -> Option<Attribution> {
        let cue = self.naming_cue(before)?;
        let verb = before[cue.index + cue.len - 1].lower();
        let finite = verb.ends_with("ed") || (verb.ends_with('s') && !verb.ends_with("ss"));
        if !finite || is_passive(before, &cue) {
            return None;
        }
        let from = clause_start(&before[..cue.index]);
        let speaker = self.pick(block, &before[from..cue.index])?;
        Some(Attribution {
            speaker: Some(speaker),
            cue: Some(cue_text(before, &cue, self.text(block))),
            how: How::Before,
        })
    }

    /// `according to X` anywhere among the words.
    pub fn according_to(&self, block: usize, words: &[Word]) -> Option<Attribution> {
        let i = words
            .windows(2)
            .position(|w| w[0].lower() == "according" && w[1].lower() == "to")?;
        let speaker = self.mention_after(block, words, i + 2).or_else(|| {
            let pronoun = words[i + 2..]
                .first()
                .filter(|w| is_person_pronoun(w.text) || is_in(GROUP_PRONOUNS, w.text))?;
            Some(Speaker {
                text: pronoun.text.to_string(),
                entity: self.resolve_pronoun(pronoun.text, block, pronoun.start),
                name: None,
            })
        })?;
        Some(Attribution {
            speaker: Some(speaker),
            cue: None,
            how: How::AccordingTo,
        })
    }

    /// `“Q.” —` closing a paragraph, then a short line naming who said it (`Jane Doe, 41,
    /// designer`, `—Jane Doe, partner,`): the signature of a testimonial or a round-up, the
    /// dash on either side of the break. `dashed` says whether the quote's paragraph ended in
    /// one.
    pub fn signed(&self, block: usize, dashed: bool) -> Option<Attribution> {
        let b = self.blocks.get(block)?;
        let text = b.text.as_str();
        // "—Reporting by X" credits the writer, not a speaker.
        if b.role == Role::Credit || text.len() > SIGNATURE_BYTES || text.contains(['“', '"']) {
            return None;
        }
        let all = super::words::words(text, 0..text.len(), &[]);
        let lead = all.iter().take_while(|w| w.is_dash()).count();
        let words = &all[lead..];
        if !(dashed || lead > 0) || words.len() > MAX_SIGNATURE_WORDS {
            return None;
        }
        let comma = words.iter().position(|w| w.text == ",");
        let head = &words[..comma.unwrap_or(words.len())];
        let sentence_end =
            (0..head.len()).any(|i| head[i].text == "." && !written::is_abbreviation_dot(head, i));
        let lex = lexicon::get();
        let credit = head
            .get(1)
            .is_some_and(|w| !w.is_capitalised() && lex.is_function_word(w.text));
        if !head.first()?.is_capitalised() || sentence_end || credit {
            return None; // a sentence, or "Photo by X", "Reporting from Y"
        }
        let first = head.first()?;
        let run = written::name_starting(head, 0);
        let run_end = run.as_ref().map_or(0, |r| head[r.end - 1].end);
        // The mention that opens the line, unless the written name runs on past it (the
        // entities stage may know only a given name).
        let speaker = self
            .mentions_in(block, first.start..head.last()?.end)
            .into_iter()
            .find(|m| {
                m.span.start == first.start && m.span.end >= run_end && !self.is_possessive(m)
            })
            .map(|m| self.speaker_of(m))
            .or_else(|| run.map(|run| self.written(block, head, run)))?;
        Some(Attribution {
            speaker: Some(speaker),
            cue: None,
            how: How::Signed,
        })
    }

    /// A paragraph that introduces the next one's quote with a colon: `The mayor said:`,
    /// `From the mayor:`.
    pub fn colon_intro(&self, block: usize) -> Option<Attribution> {
        let text = self.text(block).trim_end();
        if !text.ends_with(':') {
            return None;
        }
        let sentence = self.sentences[block].last()?.clone();
        let words = self.words(block, sentence.start..text.len());
        let lead = self.before(block, &words, false);
        if let Some(a) = lead.attribution.filter(|a| a.speaker.is_some()) {
            return Some(a);
        }
        // No verb: the phrase itself names the source ("From the mayor:").
        let phrase = &words[..words.len().saturating_sub(1)];
        let start = phrase
            .iter()
            .position(|w| !is_in(&["from", "according", "to"], w.text))?;
        let phrase = &phrase[start..];
        let speaker = self
            .pick(block, phrase)
            .unwrap_or_else(|| as_written(text, phrase));
        Some(Attribution {
            speaker: Some(speaker),
            cue: None,
            how: How::Colon,
        })
    }
}
