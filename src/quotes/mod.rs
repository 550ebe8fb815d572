//! Finds quotations, their kind, cue and speaker.
//!
//! Three steps, each in its own module: `marks` pairs quotation marks into spans (per
//! paragraph, tolerant of unbalanced and typographically wrong marks, joining quotes that run
//! over paragraphs); `attribution` reads the writer's words around each span for a cue and a
//! speaker; `kinds` decides direct, partial, scare or title from where the span sits and
//! whether anyone speaks. This module wires them and carries speakers from quote to quote:
//! a split quote (`“Q1,” he said. “Q2.”`), a paragraph that only continues the previous
//! speaker's quote, a colon introduction in the paragraph before, and a headline that repeats
//! words quoted in the body. No quote is ever dropped for want of a speaker.

pub mod attribution;
pub mod kinds;
pub mod marks;
pub mod words;
pub mod written;

use crate::model::{Block, Entity, Mention, Quote, QuoteKind, Role};
use crate::segment::sentences::split_sentences;
use attribution::floor_char_boundary;
use attribution::{Attribution, How, Speaker, Speakers};
use marks::RawQuote;
use std::ops::Range;
use words::Word;

/// Quotes of one article, in reading order.
pub fn extract(blocks: &[Block], entities: &[Entity], mentions: &[Mention]) -> Vec<Quote> {
    let raw = marks::find_quotes(blocks, |b| b.role.is_story());
    if raw.is_empty() {
        return Vec::new();
    }
    let sentences = blocks
        .iter()
        .map(|b| {
            if b.role.is_story() {
                split_sentences(&b.text)
            } else {
                Vec::new()
            }
        })
        .collect();
    let speakers = Speakers::new(
        blocks,
        entities,
        mentions,
        sentences,
        quote_masks(blocks, &raw),
    );
    let mut found: Vec<Found> = Vec::with_capacity(raw.len());
    for q in &raw {
        let f = read_quote(&speakers, blocks, q, &found);
        found.push(f);
    }
    sign_runs(&speakers, &mut found);
    attribute_headlines(&mut found);
    found
        .into_iter()
        .map(|f| {
            let speaker = f.attribution.as_ref().and_then(|a| a.speaker.clone());
            let entity = speaker.as_ref().and_then(|s| s.entity);
            Quote {
                start: f.raw.start,
                end: f.raw.end,
                text: f.raw.text,
                kind: f.kind,
                speaker: speaker.as_ref().map(|s| s.text.clone()),
                speaker_entity: entity,
                speaker_name: entity
                    .map(|e| entities[e].name.clone())
                    .or_else(|| speaker.as_ref().and_then(|s| s.name.clone())),
                cue: f.attribution.and_then(|a| a.cue),
            }
        })
        .collect()
}

/// A quote being read, with what was found about it.
#[derive(Debug, Clone)]
struct Found {
    raw: RawQuote,
    kind: QuoteKind,
    attribution: Option<Attribution>,
}

impl Found {
    fn has_speaker(&self) -> bool {
        self.attribution
            .as_ref()
            .is_some_and(|a| a.speaker.is_some())
    }
}

fn is_headline(role: Role) -> bool {
    matches!(role, Role::Title | Role::Subtitle | Role::Heading)
}

/// Byte ranges, per block, covered by quotes (marks included).
fn quote_masks(blocks: &[Block], raw: &[RawQuote]) -> Vec<Vec<Range<usize>>> {
    let mut masks = vec![Vec::new(); blocks.len()];
    for q in raw {
        for b in q.start.block..=q.end.block {
            let from = if b == q.start.block { q.open_mark } else { 0 };
            let to = match q.close_mark_end {
                Some(c) if b == q.end.block => c,
                _ => blocks[b].text.len(),
            };
            masks[b].push(from..to);
        }
    }
    masks
}

/// The last sentence starting at or before `pos`; sentences are in order, so it is
/// binary-searched (a block can hold thousands of quotes).
fn sentence_at(sentences: &[Range<usize>], pos: usize, len: usize) -> Range<usize> {
    let k = sentences.partition_point(|s| s.start <= pos);
    sentences[..k]
        .last()
        .map_or(0..len, |s| s.start..s.end.max(pos))
}

/// The first of two attributions that names a speaker, else the first that has one at all.
fn prefer(first: Option<Attribution>, second: Option<Attribution>) -> Option<Attribution> {
    let named = |a: &Option<Attribution>| a.as_ref().is_some_and(|a| a.speaker.is_some());
    if named(&first) {
        first
    } else if named(&second) {
        second
    } else {
        first.or(second)
    }
}

fn count_words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

/// Bytes on either side of a quote that attribution patterns read.
const WINDOW: usize = 600;

fn read_quote(speakers: &Speakers, blocks: &[Block], q: &RawQuote, earlier: &[Found]) -> Found {
    let sb = q.start.block;
    let eb = q.end.block;
    let text = &blocks[sb].text;
    let headline = is_headline(blocks[sb].role);
    let sentence = sentence_at(speakers.sentences(sb), q.open_mark, text.len());
    // Attribution lives near the marks; a "sentence" of page code can be the whole block.
    let from = floor_char_boundary(text, sentence.start.max(q.open_mark.saturating_sub(WINDOW)));
    let before = speakers.words(sb, from..q.open_mark);
    let after = match q.close_mark_end {
        Some(c) => {
            let end_text = &blocks[eb].text;
            let sentences = speakers.sentences(eb);
            let s = sentence_at(sentences, c.saturating_sub(1), end_text.len());
            // `“Q?” Trump asked.`: a splitter ends the sentence at the mark, but the cue after
            // it is the quote's own.
            // A splitter may also end one at `Mr.`: a short next sentence takes one more.
            let mut next = sentences[sentences.partition_point(|n| n.start < c)..].iter();
            let end = match next.next() {
                Some(n) if end_text.get(c..s.end).is_none_or(|t| t.trim().is_empty()) => {
                    match next.next() {
                        Some(m) if n.end - n.start < 8 => m.end,
                        _ => n.end,
                    }
                }
                _ => s.end,
            };
            let to = floor_char_boundary(end_text, end.max(c).min(c + WINDOW));
            speakers.words(eb, c..to.max(c))
        }
        None => Default::default(),
    };
    let sentence_initial = before.iter().all(|w| w.is_punct() && w.text != ":");
    let opens_paragraph = text[..q.open_mark].trim().is_empty();
    let n_words = count_words(&q.text);
    // A nested quote's mark may close first: `“… called ‘miracles,’” she said`.
    let set_off = q
        .text
        .trim_end_matches(['’', '\''])
        .ends_with([',', '?', '!', '—', '–'])
        || after.first().is_some_and(|w| w.text == "," || w.is_dash());

    let lead = speakers.before(sb, &before, headline);
    let trailing = (sentence_initial || set_off)
        .then(|| speakers.after(eb, &after, headline))
        .flatten();
    let mut attribution = if sentence_initial {
        prefer(trailing, lead.attribution.clone())
    } else {
        prefer(lead.attribution.clone(), trailing)
    };
    // `“Q,” and …, Gilbert said.`, `is about “Q1” and “Q2,” he said.`: a cue closing the
    // sentence speaks for every quote in it that has none nearer.
    if attribution.as_ref().is_none_or(|a| a.speaker.is_none()) {
        attribution = prefer(attribution, speakers.sentence_final(eb, &after, headline));
    }
    if attribution.as_ref().is_none_or(|a| a.speaker.is_none()) {
        let sentence_words: Vec<Word> = before.iter().chain(after.iter()).copied().collect();
        attribution = prefer(attribution, speakers.according_to(sb, &sentence_words));
    }

    // `“Q.” —` ending the paragraph: a signature line may follow.
    if attribution.as_ref().is_none_or(|a| a.speaker.is_none()) {
        if let Some(rest) = q.close_mark_end.and_then(|c| blocks[eb].text.get(c..)) {
            let rest = rest.trim();
            let dashed =
                !rest.is_empty() && rest.chars().all(|c| matches!(c, '—' | '–' | '-' | '―'));
            if rest.is_empty() || dashed {
                attribution = prefer(attribution, speakers.signed(eb + 1, dashed));
            }
        }
    }

    // Nothing in the sentence: the speaker may carry over from before.
    let mut continuation = false;
    let may_inherit = !headline && (sentence_initial || n_words > 4);
    if may_inherit && attribution.as_ref().is_none_or(|a| a.speaker.is_none()) {
        let previous = earlier
            .last()
            .filter(|p| !is_headline(blocks[p.raw.start.block].role));
        let same_paragraph = previous
            .filter(|p| p.raw.end.block == sb && p.kind != QuoteKind::Scare && p.has_speaker());
        let prev_block = speakers.previous_story(sb);
        if let Some(p) = same_paragraph {
            attribution = inherit(p);
        } else if opens_paragraph && sentence_initial {
            if let Some(intro) = prev_block.and_then(|b| speakers.colon_intro(b)) {
                attribution = Some(intro);
                continuation = true;
            } else if let Some(p) =
                previous.filter(|p| Some(p.raw.end.block) == prev_block && speaks_on(speakers, p))
            {
                attribution = inherit(p);
                continuation = true;
            } else if let Some(reported) = prev_block.and_then(|b| reported_speech(speakers, b)) {
                attribution = Some(reported);
            }
        }
        if attribution.as_ref().is_none_or(|a| a.speaker.is_none()) {
            attribution = prefer(
                attribution,
                previous_sentence(speakers, blocks, sb, &sentence),
            );
        }
    }

    // `“Q,” she said` where no sentence before names her as an entity: the person an earlier
    // quote nearby was given to, as written (`Persoons said …`), is who she is.
    if let Some(a) = attribution.as_mut() {
        if let Some(sp) = a
            .speaker
            .as_mut()
            .filter(|sp| attribution::is_bare_pronoun(sp))
        {
            if let Some(named) = recent_person(speakers, sb, earlier) {
                sp.entity = named.entity;
                sp.name = named.name;
            }
        }
    }

    let attributive = before
        .last()
        .is_some_and(|w| ["a", "an", "the"].contains(&w.lower().as_str()))
        && after.first().is_some_and(|w| {
            !w.is_punct()
                && w.start == q.close_mark_end.unwrap_or(0) + 1
                && !w.is_capitalised()
                && !crate::lexicon::get().is_function_word(w.text)
        });
    let evidence = kinds::Evidence {
        headline,
        sentence_initial,
        continuation,
        adjacent_cue: lead.adjacent,
        attributed: attribution.is_some(),
        naming: lead.naming,
        attributive,
        n_words,
        clause: kinds::is_clause(&q.text),
    };
    let kind = kinds::classify(&evidence);
    if kind == QuoteKind::Scare {
        attribution = None; // a label is nobody's words
    }
    Found {
        raw: q.clone(),
        kind,
        attribution,
    }
}

/// Whether a quote ending the paragraph before lends its speaker to a paragraph that is only a
/// quote: a direct quote does, and so does a fragment with a cue of its own in the paragraph's
/// last sentence (`X said Tesla was “in real difficulties”.` then `“It’s just …”`), as news
/// style follows reported speech with the speaker's full words.
fn speaks_on(speakers: &Speakers, p: &Found) -> bool {
    let cued = p
        .attribution
        .as_ref()
        .is_some_and(|a| a.speaker.is_some() && a.cue.is_some() && a.how != How::Inherited);
    let last_sentence = || {
        speakers
            .sentences(p.raw.end.block)
            .last()
            .is_none_or(|s| s.start <= p.raw.open_mark)
    };
    match p.kind {
        QuoteKind::Direct => p.has_speaker(),
        QuoteKind::Partial => cued && p.raw.start.block == p.raw.end.block && last_sentence(),
        _ => false,
    }
}

/// Story paragraphs back an unresolved pronoun may reach for an earlier quote's speaker.
const PRONOUN_QUOTE_REACH: usize = 3;

/// The person speaking the nearest earlier quote within a few story paragraphs of `block`:
/// an entity that is a person, or a name as written.
fn recent_person(speakers: &Speakers, block: usize, earlier: &[Found]) -> Option<Speaker> {
    let near = speakers.paragraphs_back(block, PRONOUN_QUOTE_REACH + 1);
    earlier
        .iter()
        .rev()
        .take_while(|f| near.contains(&f.raw.end.block))
        .filter_map(|f| f.attribution.as_ref()?.speaker.as_ref())
        .find(|sp| {
            sp.entity
                .map_or(sp.name.is_some(), |e| speakers.is_person(e))
        })
        .cloned()
}

fn inherit(p: &Found) -> Option<Attribution> {
    p.attribution.as_ref().map(|a| Attribution {
        speaker: a.speaker.clone(),
        cue: None,
        how: How::Inherited,
    })
}

/// The attribution of the sentence before, in the same paragraph: `… according to X.
/// Instead, “Q”` and `X said …. “Q”`.
fn previous_sentence(
    speakers: &Speakers,
    blocks: &[Block],
    block: usize,
    sentence: &Range<usize>,
) -> Option<Attribution> {
    let sentences = speakers.sentences(block);
    let prev = sentences[..sentences.partition_point(|s| s.end <= sentence.start)].last()?;
    // Its attribution is near its end, as a quote's is near the quote: a window of it is
    // read, so a paragraph of long sentences full of quotes is not read once per quote.
    let text = &blocks[block].text;
    let from = floor_char_boundary(text, prev.start.max(prev.end.saturating_sub(WINDOW)));
    let all = speakers.words(block, from..prev.end);
    let ws = words::without_stops(&all);
    let found = speakers
        .according_to(block, ws)
        .or_else(|| speakers.before(block, ws, false).attribution)
        .filter(|a| a.speaker.is_some())?;
    Some(Attribution {
        how: How::Inherited,
        cue: None,
        ..found
    })
}

/// `Mr Chishty, 60, said he has now chosen to sue.` then a paragraph that is only a quote: the
/// speaker of reported speech ending the paragraph before speaks on, as news style writes it.
/// Only a paragraph with no quote of its own counts, so a quote's speaker is never taken from
/// someone else's quoted words.
fn reported_speech(speakers: &Speakers, block: usize) -> Option<Attribution> {
    if !speakers.masks(block).is_empty() {
        return None;
    }
    let last = speakers.sentences(block).last()?.clone();
    let all = speakers.words(block, last);
    let found = speakers
        .before(block, words::without_stops(&all), false)
        .attribution
        .filter(|a| a.speaker.is_some() && a.cue.is_some())?;
    Some(Attribution {
        how: How::Inherited,
        cue: None,
        ..found
    })
}

/// A signature speaks for the run of unattributed quotes in the paragraphs right above it
/// (a testimonial of several paragraphs, signed once at its end); a quote with a speaker of
/// its own ends the run.
fn sign_runs(speakers: &Speakers, found: &mut [Found]) {
    let mut carry: Option<(Attribution, usize)> = None;
    for f in found.iter_mut().rev() {
        if f.attribution.as_ref().is_some_and(|a| a.how == How::Signed) {
            carry = f.attribution.clone().map(|a| (a, f.raw.start.block));
            continue;
        }
        if f.kind == QuoteKind::Scare {
            continue;
        }
        let near = carry.as_ref().is_some_and(|(_, b)| {
            f.raw.end.block == *b || speakers.previous_story(*b) == Some(f.raw.end.block)
        });
        match carry.take() {
            Some((a, _)) if near && !f.has_speaker() => {
                f.attribution = Some(Attribution {
                    how: How::Inherited,
                    cue: None,
                    ..a.clone()
                });
                carry = Some((a, f.raw.start.block));
            }
            _ => {}
        }
    }
}

/// Lower-case words of a text, for comparing quotes whatever their marks and punctuation.
fn plain_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// A headline quote usually repeats words quoted in the body; their speaker is the headline
/// quote's speaker, whatever the headline's own (often elliptic) wording suggests.
fn attribute_headlines(found: &mut [Found]) {
    let body: Vec<(Vec<String>, Attribution)> = found
        .iter()
        .filter(|f| f.kind != QuoteKind::Title && f.has_speaker())
        .filter_map(|f| Some((plain_words(&f.raw.text), f.attribution.clone()?)))
        .collect();
    for f in found.iter_mut().filter(|f| f.kind == QuoteKind::Title) {
        let words = plain_words(&f.raw.text);
        let repeated = body
            .iter()
            .find(|(b, _)| contains_run(b, &words) || contains_run(&words, b));
        if let Some((_, a)) = repeated {
            let cue = f.attribution.as_ref().and_then(|own| own.cue.clone());
            f.attribution = Some(Attribution {
                speaker: a.speaker.clone(),
                cue,
                how: How::Repeated,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Span};

    /// One article: blocks (`# ` marks the headline), entities and every mention of their forms.
    fn article(
        paragraphs: &[&str],
        people: &[(&str, EntityType, &[&str])],
    ) -> (Vec<Block>, Vec<Entity>, Vec<Mention>) {
        let blocks: Vec<Block> = paragraphs
            .iter()
            .map(|p| match p.strip_prefix("# ") {
                Some(t) => Block {
                    text: t.to_string(),
                    role: Role::Title,
                },
                None => Block {
                    text: p.to_string(),
                    role: Role::Body,
                },
            })
            .collect();
        let entities: Vec<Entity> = people
            .iter()
            .map(|(name, etype, _)| Entity {
                name: name.to_string(),
                etype: *etype,
                known_id: None,
                country: None,
            })
            .collect();
        let mut mentions = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            let mut taken: Vec<Range<usize>> = Vec::new();
            let mut forms: Vec<(usize, &str)> = people
                .iter()
                .enumerate()
                .flat_map(|(e, (name, _, forms))| {
                    std::iter::once((e, *name)).chain(forms.iter().map(move |f| (e, *f)))
                })
                .collect();
            forms.sort_by_key(|(_, f)| std::cmp::Reverse(f.len()));
            for (e, form) in forms {
                for (start, _) in block.text.match_indices(form) {
                    let end = start + form.len();
                    let bounded = !block.text[..start].ends_with(char::is_alphanumeric)
                        && !block.text[end..].starts_with(char::is_alphanumeric);
                    if bounded && !taken.iter().any(|r| r.start < end && start < r.end) {
                        taken.push(start..end);
                        mentions.push(Mention {
                            span: Span {
                                block: b,
                                start,
                                end,
                            },
                            text: form.to_string(),
                            etype: entities[e].etype,
                            name: entities[e].name.clone(),
                            role: None,
                            entity: e,
                        });
                    }
                }
            }
        }
        mentions.sort_by_key(|m| m.span);
        (blocks, entities, mentions)
    }

    fn quotes(paragraphs: &[&str], people: &[(&str, EntityType, &[&str])]) -> Vec<Quote> {
        let (blocks, entities, mentions) = article(paragraphs, people);
        extract(&blocks, &entities, &mentions)
    }

    /// (text, kind, speaker as written, speaker name, cue) of each quote.
    type Row = (
        String,
        &'static str,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    fn rows(paragraphs: &[&str], people: &[(&str, EntityType, &[&str])]) -> Vec<Row> {
        quotes(paragraphs, people)
            .into_iter()
            .map(|q| (q.text, q.kind.as_str(), q.speaker, q.speaker_name, q.cue))
            .collect()
    }

    fn row(
        text: &str,
        kind: &'static str,
        speaker: Option<&str>,
        name: Option<&str>,
        cue: Option<&str>,
    ) -> Row {
        (
            text.into(),
            kind,
            speaker.map(Into::into),
            name.map(Into::into),
            cue.map(Into::into),
        )
    }

    const PERSON: EntityType = EntityType::Person;

    #[test]
    fn a_modifier_before_the_speaker_is_not_the_speaker() {
        let got = rows(
            &["“It is a scripted show,” said Virginia delegate Beau Correll, angered."],
            &[("Virginia", EntityType::Gpe, &[])],
        );
        assert_eq!(
            got,
            [row(
                "It is a scripted show,",
                "direct",
                Some("Beau Correll"),
                Some("Beau Correll"),
                Some("said")
            )]
        );
    }

    #[test]
    fn an_unlisted_name_with_a_title_is_taken_as_written() {
        let got = rows(&["“It is risky?” Mr. Prince asked."], &[]);
        assert_eq!(
            got,
            [row(
                "It is risky?",
                "direct",
                Some("Mr. Prince"),
                Some("Prince"),
                Some("asked")
            )]
        );
    }

    #[test]
    fn the_subject_of_the_governing_cue_wins_over_one_in_an_aside() {
        let got = rows(
            &["As for pundits who claim to prefer Clinton, Bolton said, “They are wrong.”"],
            &[("Bolton", PERSON, &[]), ("Clinton", PERSON, &[])],
        );
        assert_eq!(got[0].2.as_deref(), Some("Bolton"));
    }

    #[test]
    fn a_speaker_with_an_apposition_before_the_cue_is_found() {
        let got = rows(
            &["“It is stunning,” Lee Epstein, who teaches law at Yale University, said."],
            &[("Yale University", EntityType::Org, &[])],
        );
        assert_eq!(got[0].3.as_deref(), Some("Lee Epstein"));
        assert_eq!(got[0].4.as_deref(), Some("said"));
    }

    #[test]
    fn words_a_speaker_calls_something_are_a_partial_quote_of_theirs() {
        let got = rows(
            &["Smith called it “the least bad option” for the town."],
            &[("Smith", PERSON, &[])],
        );
        assert_eq!(
            got,
            [row(
                "the least bad option",
                "partial",
                Some("Smith"),
                Some("Smith"),
                Some("called")
            )]
        );
        let gerund = rows(
            &["Smith refrained from calling it an “invasion.”"],
            &[("Smith", PERSON, &[])],
        );
        assert_eq!(gerund[0].1, "scare");
    }

    #[test]
    fn an_auxiliary_before_the_cue_after_a_quote_is_the_cue_s_own() {
        let got = rows(
            &["“A wise judge would know,” Sotomayor has said in speeches."],
            &[("Sotomayor", PERSON, &[])],
        );
        assert_eq!(got[0].2.as_deref(), Some("Sotomayor"));
        assert_eq!(got[0].4.as_deref(), Some("said"));
    }

    #[test]
    fn a_quote_paragraph_after_reported_speech_is_that_speaker_s() {
        let got = rows(
            &[
                "Mr Chishty, 60, said he has now chosen to start legal proceedings.",
                "“It is now four years later and nothing has happened.”",
            ],
            &[("Mazher Chishty", PERSON, &["Chishty"])],
        );
        assert_eq!(got[0].3.as_deref(), Some("Mazher Chishty"));
    }

    #[test]
    fn a_quote_paragraph_after_a_cued_fragment_is_that_speaker_s() {
        let got = rows(
            &[
                "Dan Kerr, a lawyer, said the firm was “in real difficulties”.",
                "“It is just straight forward. You bought something you did not get.”",
            ],
            &[("Dan Kerr", PERSON, &["Kerr"])],
        );
        assert_eq!(got[1].3.as_deref(), Some("Dan Kerr"));
    }

    #[test]
    fn a_fragment_not_ending_its_paragraph_lends_no_speaker() {
        let got = rows(
            &[
                "Kerr said the firm was “in real difficulties”. Sales fell by half.",
                "“It is just straight forward. You bought something you did not get.”",
            ],
            &[("Dan Kerr", PERSON, &["Kerr"])],
        );
        assert_eq!(got[1].3, None);
    }

    #[test]
    fn an_unresolved_pronoun_is_the_speaker_of_the_quote_before() {
        let got = rows(
            &[
                "“We are hopeful,” Persoons said.",
                "The plan was approved in May.",
                "“It is long overdue,” she said.",
            ],
            &[],
        );
        assert_eq!(got[1].2.as_deref(), Some("she"));
        assert_eq!(got[1].3.as_deref(), Some("Persoons"));
    }

    #[test]
    fn a_report_verb_before_a_place_has_its_subject_for_speaker() {
        let got = rows(
            &["“Most members want a ceasefire,” correspondent Karl Berg reported from UN headquarters."],
            &[BERG, ("United Nations", ORG, &["UN"])],
        );
        assert_eq!(got[0].3.as_deref(), Some("Karl Berg"));
    }

    #[test]
    fn a_person_modifying_a_role_is_not_the_speaker_after_an_opener() {
        let got = rows(
            &["On Thursday Roe campaign spokesman Karl Berg issued a statement saying it was “lawful”."],
            &[BERG, ("Tom Roe", PERSON, &["Roe"])],
        );
        assert_eq!(got[0].3.as_deref(), Some("Karl Berg"));
        let got = rows(
            &["On Thursday Roe and Karl Berg issued a statement saying it was “lawful”."],
            &[BERG, ("Tom Roe", PERSON, &["Roe"])],
        );
        assert_eq!(got[0].3.as_deref(), Some("Tom Roe"));
    }

    #[test]
    fn promo_lines_between_paragraphs_do_not_hide_a_pronoun_s_antecedent() {
        let got = rows(
            &[
                "Karl Berg visited the plant on Friday.",
                "Be the first to get",
                "Breaking News",
                "Install the app for free",
                "“Prices will fall,” he said.",
            ],
            &[BERG],
        );
        assert_eq!(got[0].3.as_deref(), Some("Karl Berg"));
    }

    #[test]
    fn a_description_speaks_rather_than_a_place_after_the_cue() {
        let got = rows(
            &["“He was kind,” a friend said on Facebook."],
            &[("Facebook", EntityType::Org, &[])],
        );
        assert_eq!(got[0].2.as_deref(), Some("a friend"));
    }
    const ORG: EntityType = EntityType::Org;
    const GPE: EntityType = EntityType::Gpe;
    const TORRES: (&str, EntityType, &[&str]) = ("Ana Torres", PERSON, &["Torres"]);
    const BERG: (&str, EntityType, &[&str]) = ("Karl Berg", PERSON, &["Berg"]);

    #[test]
    fn quote_then_speaker_then_verb() {
        assert_eq!(
            rows(
                &["“We will rebuild the bridge,” Mayor Ana Torres said."],
                &[TORRES]
            ),
            [row(
                "We will rebuild the bridge,",
                "direct",
                Some("Ana Torres"),
                Some("Ana Torres"),
                Some("said")
            )]
        );
    }

    #[test]
    fn quote_then_verb_then_speaker() {
        assert_eq!(
            rows(
                &["“The budget is balanced,” said Finance Minister Karl Berg."],
                &[BERG]
            ),
            [row(
                "The budget is balanced,",
                "direct",
                Some("Karl Berg"),
                Some("Karl Berg"),
                Some("said")
            )]
        );
    }

    #[test]
    fn speaker_verb_colon_quote() {
        assert_eq!(
            rows(&["Berg said: “We have no debt.”"], &[BERG]),
            [row(
                "We have no debt.",
                "direct",
                Some("Berg"),
                Some("Karl Berg"),
                Some("said")
            )]
        );
    }

    #[test]
    fn speaker_verb_quote_without_colon() {
        assert_eq!(
            rows(&["Berg said “we have no debt” on Monday."], &[BERG]),
            [row(
                "we have no debt",
                "direct",
                Some("Berg"),
                Some("Karl Berg"),
                Some("said")
            )]
        );
    }

    #[test]
    fn fragment_in_reported_clause_is_partial() {
        assert_eq!(
            rows(
                &["Berg said the deal was a “historic step” for the region."],
                &[BERG]
            ),
            [row(
                "historic step",
                "partial",
                Some("Berg"),
                Some("Karl Berg"),
                Some("said")
            )]
        );
    }

    #[test]
    fn split_quote_gives_both_parts_the_speaker() {
        let got = rows(
            &[
                "Ana Torres toured the flooded district on Sunday.",
                "“We are ready,” she said. “The trucks leave at dawn.”",
            ],
            &[TORRES],
        );
        assert_eq!(
            got,
            [
                row(
                    "We are ready,",
                    "direct",
                    Some("she"),
                    Some("Ana Torres"),
                    Some("said")
                ),
                row(
                    "The trucks leave at dawn.",
                    "direct",
                    Some("she"),
                    Some("Ana Torres"),
                    None
                ),
            ]
        );
    }

    #[test]
    fn continuation_paragraph_keeps_the_previous_speaker() {
        let got = rows(
            &[
                "“The harvest failed,” Torres said.",
                "“Nobody planned for a drought of this length.”",
            ],
            &[TORRES],
        );
        assert_eq!(got[1].1, "direct");
        assert_eq!(got[1].3.as_deref(), Some("Ana Torres"));
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote_with_the_speaker() {
        let q = quotes(
            &[
                "“The bridge is unsafe,” Berg said. “It must close now.",
                "“Repairs will take a year.”",
            ],
            &[BERG],
        );
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].text, "It must close now. Repairs will take a year.");
        assert_eq!((q[1].start.block, q[1].end.block), (0, 1));
        assert_eq!(q[1].speaker_name.as_deref(), Some("Karl Berg"));
        assert_eq!(q[1].kind, QuoteKind::Direct);
    }

    #[test]
    fn speaker_told_listener_quote() {
        assert_eq!(
            rows(&["Torres told reporters “the river is dry.”"], &[TORRES]),
            [row(
                "the river is dry.",
                "direct",
                Some("Torres"),
                Some("Ana Torres"),
                Some("told")
            )]
        );
    }

    #[test]
    fn according_to_names_the_speaker() {
        let got = rows(
            &["The dam is “structurally sound”, according to the Water Authority."],
            &[("Water Authority", ORG, &[])],
        );
        assert_eq!(got[0].1, "partial");
        assert_eq!(got[0].3.as_deref(), Some("Water Authority"));
        assert_eq!(got[0].4, None);
    }

    #[test]
    fn organisation_speaks_through_a_participle() {
        assert_eq!(
            rows(
                &["Norway responded on Friday saying it was “deeply concerned” about the spill."],
                &[("Norway", GPE, &[])]
            ),
            [row(
                "deeply concerned",
                "partial",
                Some("Norway"),
                Some("Norway"),
                Some("saying")
            )]
        );
    }

    #[test]
    fn participle_speaker_is_the_clause_subject_not_the_nearest_name() {
        let got = rows(
            &["Berg has said he will not meet Torres, saying “there is nothing to discuss”."],
            &[BERG, TORRES],
        );
        assert_eq!(got[0].1, "direct");
        assert_eq!(got[0].3.as_deref(), Some("Karl Berg"));
        assert_eq!(got[0].4.as_deref(), Some("saying"));
    }

    #[test]
    fn dash_attribution() {
        let got = rows(
            &["“Leave no one behind” — Ana Torres, at the rally."],
            &[TORRES],
        );
        assert_eq!(got[0].3.as_deref(), Some("Ana Torres"));
        assert_eq!(got[0].1, "direct");
    }

    #[test]
    fn colon_introduction_in_the_previous_paragraph() {
        let got = rows(
            &[
                "Governor Lena Ortiz issued a short statement:",
                "“We will reopen the schools on Monday.”",
            ],
            &[("Lena Ortiz", PERSON, &["Ortiz"])],
        );
        assert_eq!(got[0].1, "direct");
        assert_eq!(got[0].3.as_deref(), Some("Lena Ortiz"));
    }

    #[test]
    fn colon_introduction_without_a_name_keeps_the_phrase() {
        let q = quotes(&["From the fire chief:", "“Stay indoors tonight.”"], &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("the fire chief"));
        assert_eq!(q[0].speaker_name, None);
    }

    #[test]
    fn unknown_speaker_is_kept_as_written() {
        let q = quotes(&["“The water is rising fast,” the fire chief said."], &[]);
        assert_eq!(q[0].speaker.as_deref(), Some("the fire chief"));
        assert_eq!(q[0].speaker_name, None);
        let q = quotes(&["“The water is rising fast,” Okonkwo said."], &[]);
        assert_eq!(q[0].speaker_name.as_deref(), Some("Okonkwo"));
    }

    #[test]
    fn it_resolves_to_an_organisation() {
        let got = rows(
            &["Acme Corp published its results on Friday. “Sales doubled,” it said."],
            &[("Acme Corp", ORG, &[])],
        );
        assert_eq!(got[0].2.as_deref(), Some("it"));
        assert_eq!(got[0].3.as_deref(), Some("Acme Corp"));
    }

    #[test]
    fn report_verb_speaker_is_its_object() {
        let got = rows(
            &["“Talks will resume,” Radio Alpha quoted Berg as saying."],
            &[BERG, ("Radio Alpha", EntityType::Media, &[])],
        );
        assert_eq!(got[0].3.as_deref(), Some("Karl Berg"));
    }

    #[test]
    fn nested_quote_belongs_to_the_outer_speaker() {
        let got = rows(
            &["“The guards told me ‘go home’ and I did,” Torres said."],
            &[TORRES],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "The guards told me ‘go home’ and I did,");
        assert_eq!(got[0].3.as_deref(), Some("Ana Torres"));
    }

    #[test]
    fn labels_are_scare_quotes_without_speaker() {
        let got = rows(
            &[
                "Berg signed a “zero tolerance” policy in May.",
                "Critics call it a “land grab” and worse.",
                "The so-called “peace plan” was shelved.",
            ],
            &[BERG],
        );
        for r in &got {
            assert_eq!((r.1, &r.3), ("scare", &None), "{r:?}");
        }
    }

    #[test]
    fn noun_after_possessive_is_not_a_cue() {
        let got = rows(
            &["Torres’s talks with Berg were called “frank and useful”."],
            &[TORRES, BERG],
        );
        assert_eq!(got[0].3, None);
    }

    #[test]
    fn passive_cue_without_agent_has_no_speaker() {
        let got = rows(
            &["Torres met Berg. The talks were described as “frank and useful”."],
            &[TORRES, BERG],
        );
        assert_eq!(got[0].1, "partial");
        assert_eq!(got[0].3, None);
        assert_eq!(got[0].4.as_deref(), Some("described"));
    }

    #[test]
    fn headline_quote_takes_the_speaker_of_the_body_quote_it_repeats() {
        let got = rows(
            &[
                "# Port Deal Is ‘Historic Step’, Minister Says",
                "Berg said the deal was a “historic step” for the region.",
            ],
            &[BERG],
        );
        assert_eq!(got[0].1, "title");
        assert_eq!(got[0].3.as_deref(), Some("Karl Berg"));
    }

    #[test]
    fn headline_colon_attribution() {
        let got = rows(&["# Berg: ‘We Have No Debt’"], &[BERG]);
        assert_eq!(got[0].1, "title");
        assert_eq!(got[0].3.as_deref(), Some("Karl Berg"));
    }

    #[test]
    fn odd_mark_count_still_yields_every_quote() {
        let got = rows(
            &[
                "Torres said the levee “would hold.",
                "“We will not evacuate,” Torres said. The mayor’s aides’ memo was blunt.”",
            ],
            &[TORRES],
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|r| r.3.as_deref() == Some("Ana Torres")));
    }

    #[test]
    fn unattributed_quote_is_kept_with_no_speaker() {
        let got = rows(
            &["The banner read “Jobs for all, homes for all, bread for all”."],
            &[],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].3, None);
    }

    #[test]
    fn no_marks_no_quotes() {
        assert!(rows(&["Rain is expected across the region on Tuesday."], &[]).is_empty());
    }

    #[test]
    fn a_cue_closing_the_sentence_after_a_clause_names_the_speaker() {
        let got = rows(
            &["“The lines are shorter now,” and the queue eased by noon, Torres said."],
            &[TORRES],
        );
        assert_eq!(got[0].3.as_deref(), Some("Ana Torres"), "{got:?}");
    }

    #[test]
    fn a_cue_before_a_trailing_apposition_names_the_speaker() {
        let got = rows(
            &["“Nothing was settled,” since the vote was close, said Ana Torres, who chairs it."],
            &[TORRES],
        );
        assert_eq!(got[0].3.as_deref(), Some("Ana Torres"), "{got:?}");
    }

    #[test]
    fn a_quote_after_a_cued_sentence_takes_its_speaker() {
        let got = rows(
            &["Karl Berg agreed. “The harbour needs a second crane before winter.”"],
            &[BERG],
        );
        assert_eq!(got[0].3.as_deref(), Some("Karl Berg"), "{got:?}");
    }

    #[test]
    fn the_subject_after_an_opening_phrase_speaks() {
        let got = rows(
            &["In a talk with Karl Berg, the mayor said the plan would “help every family.”"],
            &[BERG],
        );
        assert_eq!(got[0].2.as_deref(), Some("the mayor"), "{got:?}");
    }

    #[test]
    fn a_group_after_a_preposition_qualifies_the_speaker() {
        let got = rows(
            &["“The figures are wrong,” a spokesman for the Harbour Board said."],
            &[("Harbour Board", ORG, &[])],
        );
        assert_eq!(got[0].2.as_deref(), Some("a spokesman"), "{got:?}");
        let got = rows(
            &["Ana Torres of the Harbour Board warned that costs “may double by spring.”"],
            &[TORRES, ("Harbour Board", ORG, &[])],
        );
        assert_eq!(got[0].3.as_deref(), Some("Ana Torres"), "{got:?}");
    }

    #[test]
    fn a_pronoun_opening_the_clause_is_its_subject() {
        let got = rows(
            &[
                "Ana Torres spoke first.",
                "She met workers in Lyon and told them they would “share in the gains.”",
            ],
            &[TORRES, ("Lyon", GPE, &[])],
        );
        assert_eq!(got[0].3.as_deref(), Some("Ana Torres"), "{got:?}");
    }

    #[test]
    fn a_description_led_by_one_speaks() {
        let got = rows(
            &["One strategist described the race as “a contest of turnout.”"],
            &[],
        );
        assert_eq!(got[0].2.as_deref(), Some("One strategist"), "{got:?}");
    }

    /// The speaker as written and the cue of each quote.
    fn speakers_of(
        paragraphs: &[&str],
        people: &[(&str, EntityType, &[&str])],
    ) -> Vec<Option<String>> {
        quotes(paragraphs, people)
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn a_signature_line_speaks_for_the_quote_paragraphs_above_it() {
        let got = speakers_of(
            &[
                "“We moved the team to two floors. It worked.”",
                "“Nobody wants to commute for a desk.” —",
                "Jane Roe, 41, a planner at a design firm",
                "“Another view entirely.” —",
                "—Reporting by Sam Poe",
            ],
            &[],
        );
        assert_eq!(
            got,
            [Some("Jane Roe".into()), Some("Jane Roe".into()), None]
        );
    }

    #[test]
    fn a_party_label_in_parentheses_does_not_push_the_cue_out_of_reach() {
        let got = speakers_of(
            &["“We will not wait,” Rep. Ann Lee (D-Ore.), a member of the panel, said on Monday."],
            &[("Ann Lee", PERSON, &[])],
        );
        assert_eq!(got, [Some("Ann Lee".into())]);
    }

    #[test]
    fn a_description_before_the_cue_beats_a_name_after_it() {
        let got = speakers_of(
            &["“That was wrong,” the mayor's former aide said in an interview with Tom Reed."],
            &[("Tom Reed", PERSON, &[])],
        );
        assert_eq!(got, [Some("the mayor's former aide".into())]);
    }

    #[test]
    fn an_apposition_names_the_description_it_follows() {
        let got = speakers_of(
            &["“He was kind,” his younger sister, Mia Park, said."],
            &[("Mia Park", PERSON, &[])],
        );
        assert_eq!(got, [Some("Mia Park".into())]);
    }

    #[test]
    fn a_cue_closing_the_sentence_speaks_for_the_quotes_inside_it() {
        let got = speakers_of(
            &["Tom Reed spoke first. Design is about “our hands” and “our time,” he said."],
            &[("Tom Reed", PERSON, &[])],
        );
        assert_eq!(got, [Some("he".into()), Some("he".into())]);
    }

    #[test]
    fn a_contracted_pronoun_is_a_subject() {
        let got = speakers_of(
            &["Tom Reed arrived late. He’s claiming the vote was “a big problem” for the town."],
            &[("Tom Reed", PERSON, &[])],
        );
        assert_eq!(got, [Some("He’s".into())]);
    }

    #[test]
    fn a_title_word_is_no_cue() {
        let got = speakers_of(
            &["“We are open to it,” White House press secretary Lou Hart said at a briefing."],
            &[
                ("White House", EntityType::Org, &[]),
                ("Lou Hart", PERSON, &[]),
            ],
        );
        assert_eq!(got, [Some("Lou Hart".into())]);
    }

    #[test]
    fn a_report_verb_with_a_clause_has_its_subject_for_speaker() {
        let got = speakers_of(
            &["The Daily Ledger reports that the mayor wanted to “keep it quiet.”"],
            &[("The Daily Ledger", EntityType::Media, &[])],
        );
        assert_eq!(got, [Some("The Daily Ledger".into())]);
        let got = speakers_of(
            &["“The plan is dead,” the Daily Ledger reported."],
            &[("Daily Ledger", EntityType::Media, &[])],
        );
        assert_eq!(got, [Some("Daily Ledger".into())]);
    }
}
