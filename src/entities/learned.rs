//! Combines the trained tagger (`tagger`) with the rules' candidates.
//!
//! The rules stay first: a span they found keeps their type and extent. The tagger adds the
//! names they miss: a span it tags where no candidate overlaps becomes one, typed only by
//! the tagger (`RawMention::learned`), so coreference still joins a lone word to a fuller
//! name before falling back on that type. Giving the tagger's type to candidates the rules
//! left untyped was measured too and left out: it raised the dev set and UNER but lowered
//! the held-out set (`models/README.md`).
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
    for m in raw.iter() {
        by_block
            .entry(m.span.block)
            .or_default()
            .push((m.span.start, m.span.end));
    }
    let lex = lexicon::get();
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
            let open = sentence.iter().any(|t| {
                t.cap && !covered(t) && !(t.sentence_start && lex.is_function_word(t.text(text)))
            });
            if !open {
                continue;
            }
            for t in tagger.tag_sentence(text, sentence, gazetteer) {
                if !overlaps(found, t.start, t.end) && plausible(&text[t.start..t.end]) {
                    let mut m = mention(*i, text, t.start, t.end, None, None, None);
                    m.learned = Some(t.etype);
                    raw.push(m);
                }
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
        let v = &votes[&m.text];
        let count = |t: &EntityType| v.iter().filter(|x| *x == t).count();
        let mut best = v[0];
        for t in v {
            if count(t) > count(&best) {
                best = *t;
            }
        }
        m.learned = Some(best);
    }
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
    fn lower_case_and_shouted_spans_are_no_names() {
        assert!(!super::plausible("learykin"));
        assert!(!super::plausible("NEW YORK"));
        assert!(!super::plausible("Liberals"));
        assert!(!super::plausible("Sen"));
        assert!(super::plausible("Delmarva Shorebirds"));
    }
}
