//! Gives every block a role: finds the body first, then names what surrounds it.
//!
//! The body is the run of prose blocks with the most words, where a run tolerates a few
//! non-prose blocks (headings, promo lines, captions) in between and breaks at page-end
//! markers (comment sections, copyright lines, reference lists, author bios). Page chrome
//! can be hundreds of short lines on either side; it never forms a run of prose, so it never
//! wins. Title, subtitle and bylines are then looked for *before* the body, bios, bylines,
//! references and related links after it.

use super::features::{measure, split_page_title, starts_with_given_name, Features};
use crate::lexicon;
use crate::model::Role;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Non-prose blocks a body run may contain between two prose blocks.
const MAX_GAP: usize = 5;

/// Blocks between a headline and its story's first paragraph: bylines, dates, share
/// buttons, the lead picture and its caption.
const MAX_HEADER: usize = 30;

/// Words that make a run a story rather than a stray paragraph.
const STORY_WORDS: usize = 120;

/// Blocks of chrome between two runs of prose that one story may still span.
const MAX_BRIDGE: usize = 14;

/// Assigns a role to each block.
///
/// `headline` is the page's headline when the markup names it; otherwise a browser-tab
/// title among the first lines points at it.
pub fn assign_roles(texts: &[String], headline: Option<&str>) -> Vec<Role> {
    assign_roles_marked(texts, headline, &[])
}

/// `assign_roles`, knowing which blocks the page prints as headings (`headings[i]`; an empty
/// slice when the layout does not say).
pub fn assign_roles_marked(
    texts: &[String],
    headline: Option<&str>,
    headings: &[bool],
) -> Vec<Role> {
    let n = texts.len();
    let mut roles = vec![Role::Other; n];
    if n == 0 {
        return roles;
    }
    let feats: Vec<Features> = texts.iter().map(|t| measure(t)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for t in texts {
        *counts.entry(t.as_str()).or_default() += 1;
    }
    let repeated = |i: usize| counts[texts[i].as_str()] > 1;
    let reference = reference_runs(&feats);

    // Blocks repeated before the first unrepeated prose block are the page header
    // (title and standfirst printed twice), never body.
    let first_unique_prose = (0..n)
        .find(|&i| feats[i].prose && !repeated(i))
        .unwrap_or(n);
    let first_prose = (0..n).find(|&i| feats[i].prose).unwrap_or(n);
    let is_bio = |i: usize| feats[i].bio && i > first_prose;
    let headline = headline
        .and_then(|h| blocks_printing(texts, h, 0))
        .or_else(|| page_headline(texts))
        .or_else(|| markdown_headline(texts, &feats));
    let prose_block = |i: usize| {
        let f = &feats[i];
        f.prose
            && !reference[i]
            && !is_bio(i)
            && !f.related
            && !f.nav
            && !f.byline
            && !f.date_line
            && !f.stop_marker
            && !(repeated(i) && i < first_unique_prose)
    };
    // A headline printed only below the densest prose is a footer's or a pop-up's copy
    // ("Be the first to know", the site's name): the story does not hang from it.
    let unconstrained: Vec<bool> = (0..n).map(prose_block).collect();
    let headline = headline.filter(|h| {
        densest_run(texts, &feats, &unconstrained, &reference, &is_bio, None)
            .is_none_or(|(_, end)| h[0] < end)
    });
    // The story starts under its headline.
    let candidate: Vec<bool> = (0..n)
        .map(|i| unconstrained[i] && headline.as_ref().is_none_or(|h| i > h[0]))
        .collect();

    let under = headline.as_ref().map(|h| h[0]);
    let Some((start, end)) = densest_run(texts, &feats, &candidate, &reference, &is_bio, under)
    else {
        fallback_body(&feats, &mut roles);
        label_chrome(&feats, &reference, &mut roles, 0, n);
        return roles;
    };

    let page = Page {
        texts,
        feats: &feats,
        confirmed: confirmed_names(texts, &feats),
    };
    let start = restart_under_headline(&page, &candidate, start, end);

    for i in start..=end {
        let f = &feats[i];
        roles[i] = if candidate[i] || short_sentence(f) && !reference[i] {
            Role::Body
        } else if f.related {
            Role::Related
        } else if f.caption {
            Role::Caption
        } else if f.credit {
            Role::Credit
        } else if f.nav {
            Role::Nav
        } else if f.byline || f.date_line || page.confirmed[i] {
            Role::Byline
        } else if f.words <= 20 && !f.terminal {
            Role::Heading
        } else {
            Role::Other
        };
    }

    let headline = headline.and_then(|h| h.into_iter().rev().find(|&j| j < start));
    label_header(&page, &repeated, headline, headings, &mut roles, start);
    label_chrome(&feats, &reference, &mut roles, end + 1, n);
    label_trailer(&page, &reference, &is_bio, &mut roles, end + 1);
    roles
}

/// Where the page's own headline stands: the blocks that repeat the headline of a
/// browser-tab title (`Headline | Site`) among the first lines, in page order.
fn page_headline(texts: &[String]) -> Option<Vec<usize>> {
    texts.iter().take(3).enumerate().find_map(|(i, t)| {
        // A tab title without the site's name is the headline itself, printed again below.
        let head = match split_page_title(t) {
            Some((head, _)) => head,
            // Only a headline-sized line that is no sentence of prose.
            None if t.split_whitespace().count() <= 25 && {
                let f = measure(t);
                !f.prose && !f.nav && !f.date_line && !f.byline && chrome_words(t) < 2
            } =>
            {
                t.as_str()
            }
            None => return None,
        };
        if head.split_whitespace().count() < 3 {
            return None;
        }
        blocks_printing(texts, head, i + 1)
    })
}

/// How many of a line's words, stripped of punctuation, `is` holds.
fn count_words(text: &str, is: impl Fn(&str) -> bool) -> usize {
    text.split_whitespace()
        .filter(|w| is(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .count()
}

/// How many of a line's words are menu words ("Contact Us Login give now" has two).
fn chrome_words(text: &str) -> usize {
    let lex = crate::lexicon::get();
    count_words(text, |w| lex.is_chrome_word(w))
}

/// How many of a line's words are account and site-tool buttons ("Log in", "Subscribe",
/// "Contact Us"): menu lines run them together, headlines almost never do.
fn account_words(text: &str) -> usize {
    const BUTTONS: &[&str] = &[
        "login",
        "log",
        "logout",
        "sign",
        "signin",
        "signup",
        "account",
        "subscribe",
        "register",
        "newsletter",
        "newsletters",
        "menu",
        "search",
        "contact",
        "cookies",
        "privacy",
        "settings",
        "profile",
        "password",
    ];
    count_words(text, |w| BUTTONS.contains(&w.to_lowercase().as_str()))
}

/// A markdown `# Headline` (html2text's rendering of `<h1>`) of headline length: the
/// first one, as a page prints its story's headline before any other.
fn markdown_headline(texts: &[String], feats: &[Features]) -> Option<Vec<usize>> {
    (0..texts.len())
        .find(|&i| feats[i].md_heading == 1 && (3..=30).contains(&feats[i].words))
        .map(|i| vec![i])
}

/// The blocks from `from` on whose text is `headline` (any case), in page order.
fn blocks_printing(texts: &[String], headline: &str, from: usize) -> Option<Vec<usize>> {
    let headline = super::blocks::normalize_whitespace(headline);
    let at: Vec<usize> = (from..texts.len())
        .filter(|&j| texts[j].trim().eq_ignore_ascii_case(&headline))
        .collect();
    (!at.is_empty()).then_some(at)
}

/// A short block that still reads as a sentence of the story ("He declined to comment.").
fn short_sentence(f: &Features) -> bool {
    f.terminal
        && f.words >= 3
        && !f.credit
        && !f.caption
        && !f.related
        && !f.nav
        && !f.byline
        && !f.date_line
        && !f.stop_marker
        && !f.name_line
}

/// Runs of two or more numbered entries shaped like citations.
fn reference_runs(feats: &[Features]) -> Vec<bool> {
    let n = feats.len();
    let mut out = vec![false; n];
    let mut i = 0;
    while i < n {
        if feats[i].reference_entry {
            let mut j = i;
            while j + 1 < n && feats[j + 1].reference_entry {
                j += 1;
            }
            if j > i {
                out[i..=j].iter_mut().for_each(|x| *x = true);
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The (first, last) candidate of the run of candidates with the most words, bridged over
/// the promo boxes that interrupt a story.
///
/// A newsletter sign-up or a "Read more:" list with its video player can put more than
/// `MAX_GAP` non-prose blocks between two paragraphs of one story. The best run therefore
/// takes in the runs that follow it within `MAX_BRIDGE` blocks, when nothing between them
/// ends the page (comments, copyright, references, bios) and the next run is story-sized
/// (two paragraphs or more), so a lone teaser sentence further down is not pulled in.
fn densest_run(
    texts: &[String],
    feats: &[Features],
    candidate: &[bool],
    reference: &[bool],
    is_bio: &dyn Fn(usize) -> bool,
    under_headline: Option<usize>,
) -> Option<(usize, usize)> {
    /// (first, last, words, paragraphs)
    type Run = (usize, usize, usize, usize);
    let mut runs: Vec<Run> = Vec::new();
    let mut breaks_after: Vec<bool> = Vec::new(); // a page-end marker follows run k
    let mut current: Option<Run> = None;
    let mut gap = 0usize;
    let mut broken = false;
    for i in 0..texts.len() {
        let breaks = feats[i].stop_marker || reference[i] || is_bio(i);
        if breaks {
            if let Some(c) = current.take() {
                runs.push(c);
                breaks_after.push(true);
            } else if let Some(b) = breaks_after.last_mut() {
                *b = true;
            }
            broken = true;
            continue;
        }
        if candidate[i] {
            match current.as_mut() {
                Some(c) if gap <= MAX_GAP => {
                    c.1 = i;
                    c.2 += feats[i].words;
                    c.3 += 1;
                }
                _ => {
                    if let Some(c) = current.take() {
                        runs.push(c);
                        breaks_after.push(broken);
                    }
                    current = Some((i, i, feats[i].words, 1));
                }
            }
            gap = 0;
            broken = false;
        } else {
            gap += 1;
        }
    }
    if let Some(c) = current.take() {
        runs.push(c);
        breaks_after.push(true);
    }
    // Under a known headline the story is the first story-sized run that follows it; a
    // cookie notice or a teaser column further down can hold more words.
    let story_sized = |r: &Run| r.3 >= 3 || r.2 >= STORY_WORDS;
    let first_under = under_headline.and_then(|h| {
        (0..runs.len())
            .find(|&k| runs[k].0 > h && runs[k].0 <= h + MAX_HEADER && story_sized(&runs[k]))
    });
    let best = first_under.or_else(|| (0..runs.len()).rev().max_by_key(|&k| runs[k].2))?;
    let (mut first, mut last) = (runs[best].0, runs[best].1);
    // A "Trending" or "Related" list inside a story can leave its top part the smaller run:
    // a story-sized run just above, with nothing between that ends a page, is its start.
    if first_under.is_none() {
        for k in (0..best).rev() {
            let bridged =
                !breaks_after[k] && first - runs[k].1 <= MAX_BRIDGE && story_sized(&runs[k]);
            if !bridged {
                break;
            }
            first = runs[k].0;
        }
    }
    for k in best + 1..runs.len() {
        let bridged = !breaks_after[k - 1] && runs[k].0 - last <= MAX_BRIDGE && runs[k].3 >= 2;
        if !bridged {
            break;
        }
        last = runs[k].1;
    }
    Some((first, last))
}

/// The story's start moved below a headline found in its first blocks: a disclaimer or a
/// teaser sentence above the headline ("We may earn commission from links on this page")
/// can open the densest run, but the story hangs from the line its byline or date follows.
/// Only a few short paragraphs may be skipped, so a story's own subheadings stay inside it.
fn restart_under_headline(page: &Page, candidate: &[bool], start: usize, end: usize) -> usize {
    let feats = page.feats;
    let mut skipped = (0usize, 0usize); // (paragraphs, words) above the headline
    for h in start..=end.min(start + 8) {
        let f = &feats[h];
        if candidate[h] {
            skipped = (skipped.0 + 1, skipped.1 + f.words);
            if skipped.0 > 2 || skipped.1 > 60 {
                return start;
            }
            continue;
        }
        let shaped = (3..=24).contains(&f.words)
            && f.cap_ratio > 0.0
            && !f.terminal
            && !(f.nav || f.related || f.credit || f.caption || f.byline || f.date_line)
            && !(f.name_line || f.bullet || f.link_line || f.reference_entry);
        if h > start && shaped && heads_byline(page, h, end + 1) {
            if let Some(next) = (h + 1..=end).find(|&j| candidate[j]) {
                return next;
            }
        }
    }
    start
}

/// With no prose at all, the longest sentence-like block is the body.
fn fallback_body(feats: &[Features], roles: &mut [Role]) {
    let best = (0..feats.len())
        .filter(|&i| {
            let f = &feats[i];
            f.words >= 3
                && !f.nav
                && !f.credit
                && !f.related
                && !f.stop_marker
                && !f.reference_entry
        })
        .max_by_key(|&i| (feats[i].terminal, feats[i].words));
    if let Some(i) = best {
        roles[i] = Role::Body;
    }
}

/// Title, subtitle, bylines and captions before the body.
fn label_header(
    page: &Page,
    repeated: &dyn Fn(usize) -> bool,
    headline: Option<usize>,
    headings: &[bool],
    roles: &mut [Role],
    start: usize,
) {
    let Page {
        texts,
        feats,
        confirmed,
    } = page;
    let headline_shaped = |i: usize| {
        let f = &feats[i];
        (3..=30).contains(&f.words)
            && !texts[i].starts_with(['(', '|'])
            // "9 of 9" counts a gallery's pictures: a headline has words.
            && texts[i]
                .split_whitespace()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                .count()
                >= 2
            && !texts[i]
                .trim_end()
                .ends_with([',', ';', ':', '—', '–', '-', '|'])
            // A headline may end in a full stop when written in Title Case, or in an
            // abbreviation ("... in L.A.").
            && (!texts[i].trim_end().ends_with('.')
                || f.cap_ratio >= 0.75
                || ends_in_abbreviation(&texts[i]))
            && !f.nav
            && !f.related
            && !f.credit
            && !f.caption
            && !f.name_line
            && !f.byline
            && !f.date_line
            && !f.reference_entry
            && !f.stop_marker
            && f.cap_ratio > 0.0
            && !PUBLISHED_IN.is_match(&texts[i])
            && !meta_stamp(&texts[i])
            && !name_with_desk(&texts[i])
            && !page_notice(&texts[i])
            && !starts_mid_sentence(&texts[i])
    };
    // The lead is the story's first blocks printed once: a promo line repeated inside the
    // story ("Have a tip? Get in Touch") would otherwise announce itself.
    let prose_from = |from: usize| {
        (from..texts.len().min(start + 12))
            .filter(|&j| !repeated(j))
            .take(3)
            .map(|j| texts[j].as_str())
    };
    let lead = lead_words(prose_from(start));
    let lead_after = lead_words(prose_from(start + 1));
    // Running count of the blocks a reader reads (not chrome) before each block.
    let mut content_before = vec![0usize; start + 1];
    for i in 0..start {
        let f = &feats[i];
        let chrome =
            f.nav || f.link_line || f.bullet || f.words <= 3 || f.credit || f.byline || f.date_line;
        content_before[i + 1] = content_before[i] + usize::from(!chrome);
    }
    let score = |i: usize| {
        let f = &feats[i];
        let mut s = f.cap_ratio;
        if f.words >= 5 {
            s += 1.0;
        }
        let overlap = lead_overlap(&texts[i], if i < start { &lead } else { &lead_after });
        // A headline printed twice (the tab title and the page) is likely the one, unless
        // the story never uses its words: menus and widgets repeat their labels too.
        if f.words >= 4 && repeated(i) {
            s += if overlap > 0.0 { 3.0 } else { 1.0 };
        }
        // The headline stands just above its story: bylines, dates and a picture between.
        // Menus, share buttons, bylines and picture credits in between do not count.
        let distance = (content_before[start] - content_before[i]) as f32;
        s += 1.5 * (1.0 - distance / 12.0).max(0.0);
        // A line all in capitals is a section banner or slogan more often than a headline.
        if !texts[i].chars().any(char::is_lowercase) {
            s -= 1.0;
        }
        // The headline heads the story's byline and date (a standfirst may sit between);
        // captions, teasers and menus below them do not.
        if heads_byline(page, i, start) {
            s += 2.5;
        }
        // Menus run several menu words together ("Your CNN account Log in"); the more of
        // a line they make, the likelier it is a button ("Sign up for email newsletters").
        let chrome = chrome_words(&texts[i]);
        if chrome >= 2 {
            s -= 1.0 + 2.0 * chrome as f32 / f.words.max(1) as f32;
        }
        if account_words(&texts[i]) >= 2 {
            s -= 1.5;
        }
        // A standfirst is longer than the headline above it.
        if f.words > 24 {
            s -= 1.0;
        }
        // Printed as a heading: the headline is one.
        if headings.get(i) == Some(&true) {
            s += 2.0;
        }
        // A dated line is a timestamp or an event listing more often than a headline.
        if super::features::find_date(&texts[i]).is_some() {
            s -= 1.5;
        }
        // The headline announces the story: its words come back in the first paragraphs,
        // a teaser's do not.
        s += 1.5 * overlap;
        // A label of three words the story never uses is a section name ("Nation & World").
        if f.words <= 3 && overlap == 0.0 {
            s -= 1.0;
        }
        // A line over a call-to-action button ("Learn more", "Play now") is an advert.
        if texts.get(i + 1).is_some_and(|t| call_to_action(t)) {
            s -= 2.0;
        }
        // The line above a picture's credit line is the rest of its caption.
        if feats.get(i + 1).is_some_and(|g| g.caption || g.credit) && f.words >= 12 {
            s -= 1.5;
        }
        s
    };
    // A Title Case first paragraph of headline length is the headline run into the story.
    let title_case_lead = start + 1 < texts.len()
        && headline_shaped(start)
        && feats[start].cap_ratio >= 0.8
        && feats[start].words <= 25
        && roles[start + 1] == Role::Body;
    let last = if title_case_lead { start + 1 } else { start };
    // Each candidate scored once; the best, the later of equals.
    let scores: Vec<(usize, f32)> = (0..last)
        .filter(|&i| headline_shaped(i))
        .map(|i| (i, score(i)))
        .collect();
    let title = headline.or_else(|| {
        let best = scores
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))?;
        let overlap =
            |i: usize| lead_overlap(&texts[i], if i < start { &lead } else { &lead_after });
        Some(headline_over_standfirst(page, &scores, best, &overlap))
    });
    let mut after_title = 0;
    if let Some(t) = title {
        roles[t] = Role::Title;
        after_title = t + 1;
        let mut subtitle_open = true;
        for j in t + 1..start {
            let f = &feats[j];
            if texts[j] == texts[t] {
                continue;
            }
            // A standfirst sits right under the headline, above bylines, dates and pictures;
            // the line under a "Read more:" label is another story's.
            if f.caption
                || f.credit
                || f.byline
                || f.date_line
                || f.name_line
                || feats[j - 1].related
            {
                subtitle_open = false;
            }
            if subtitle_open
                && f.words >= 6
                && (f.words > 12 || account_words(&texts[j]) == 0)
                && !f.nav
                && !f.related
                && !f.name_line
                && !f.byline
                && !f.date_line
                && !f.reference_entry
                && !f.caption
                && !f.credit
                && !texts[start..].contains(&texts[j])
            {
                // The last copy of a repeated standfirst is the one on the page.
                let last_copy = (j..start)
                    .rev()
                    .find(|&k| texts[k] == texts[j])
                    .unwrap_or(j);
                roles[last_copy] = Role::Subtitle;
                break;
            }
        }
        if t + 1 == start && roles[t + 1..start].iter().all(|r| *r != Role::Subtitle) {
            take_standfirst(texts, feats, roles, start);
        }
    }
    for i in 0..start {
        if roles[i] != Role::Other {
            continue;
        }
        let f = &feats[i];
        roles[i] = if f.byline || f.date_line || confirmed[i] {
            Role::Byline
        } else if f.caption {
            Role::Caption
        } else if f.credit {
            Role::Credit
        } else if f.related {
            Role::Related
        } else if f.nav || f.words <= 3 {
            Role::Nav
        } else if i >= after_title && f.words >= 6 && !f.terminal && title.is_some() {
            Role::Caption
        } else {
            Role::Other
        };
    }
}

/// The headline when the best-scored line is the standfirst printed right under it: the
/// line above, with nothing but buttons between, shorter (or not a sentence where the
/// standfirst is one) and scored nearly as well. Standfirsts sit under headlines, so a
/// standfirst's closeness to the story and its words in the lead must not outvote the
/// headline above it.
fn headline_over_standfirst(
    page: &Page,
    scores: &[(usize, f32)],
    best: (usize, f32),
    overlap: &dyn Fn(usize) -> f32,
) -> usize {
    let feats = page.feats;
    let (b, sb) = best;
    let Some(&(p, sp)) = scores.iter().rev().find(|(i, _)| *i < b) else {
        return b;
    };
    let tiny = |j: usize| feats[j].words <= 1 || feats[j].nav && feats[j].words <= 3;
    let adjacent = (p + 1..b).all(tiny);
    let shorter = feats[p].words < feats[b].words || feats[b].terminal && !feats[p].terminal;
    // The headline's words come back in the story; a menu line above a standfirst's do not.
    let announces = overlap(p) >= 0.3 && chrome_words(&page.texts[p]) < 2;
    if adjacent && shorter && announces && feats[p].words >= 4 && sp >= sb - 2.5 {
        p
    } else {
        b
    }
}

/// A call-to-action button alone on its line: what adverts and promo boxes end in.
fn call_to_action(text: &str) -> bool {
    static CTA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:\(button\)\s*)?(?:learn more|find out more|discover more|see more|sign up(?: now| today| for free)?|subscribe(?: now| today)?|get started|try (?:it )?(?:for )?free|shop now|buy now|order now|download(?: now| the app)?|get the app|register now|join now|watch now|listen now|play now|visit now|start (?:your )?free trial)\W*$").unwrap()
    });
    text.len() <= 40 && CTA.is_match(text.trim())
}

/// A timestamp or reading-time line ("Dec. 22, 2023, 5:24 AM UTC / Updated ...",
/// "August 18, 2023 • 3 min read", "5 min read"): page furniture, never a headline.
fn meta_stamp(text: &str) -> bool {
    static CLOCK_OR_READ: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b\d{1,2}:\d{2}\b|\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b|\bread(?:ing)? time\b").unwrap()
    });
    let Some(m) = CLOCK_OR_READ.find(text) else {
        return false;
    };
    let date = super::features::find_date_at(text);
    if m.as_str().contains(':') && date.is_none() {
        return false;
    }
    // The stamp opens the line; a headline run into its byline and time keeps its words.
    let at = date.map_or(m.start(), |d| d.min(m.start()));
    text[..at].split_whitespace().count() <= 2
}

/// Page furniture that reads like a line of text: copyright and rights notices ("©2023 FOX
/// News Network, LLC. All rights reserved"), a story's age ("This article is more than 1
/// month old", "4 days ago"), "as told to" credits, promo headers ("More from NBC") and
/// credits whose name is on the next line ("Recipe tested by").
fn page_notice(text: &str) -> bool {
    static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)©|\bcopyright\b|\ball rights reserved\b|\bmore than (?:a|an|one|\d+) (?:days?|weeks?|months?|years?) old\b|\bas told to\b|^more (?:from|on|in|at)\b|\bby:?$").unwrap()
    });
    NOTICE.is_match(text) || relative_time(text)
}

/// A relative timestamp alone on its line: "4 days ago", "2 hrs ago", "Updated 5 minutes ago".
fn relative_time(text: &str) -> bool {
    static AGO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:updated|published|posted)\s+)?(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?|years?)\s+ago\.?$").unwrap()
    });
    AGO.is_match(text.trim())
}

/// A block that opens with a lower-case word ("sale you've been waiting for ..."): the
/// tail of a sentence split by the layout. Brand words with capitals inside ("iPhone",
/// "eBay") still open headlines.
fn starts_mid_sentence(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    first.starts_with(|c: char| c.is_lowercase())
        && first.chars().all(|c| !c.is_uppercase() && !c.is_numeric())
}

/// Whether a line's last word is an abbreviation with inner stops ("L.A.", "U.S.", "D.C."),
/// whose stop ends no sentence.
fn ends_in_abbreviation(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    let letters = last.trim_end_matches('.');
    letters.contains('.')
        && letters
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// A byline without "By": a name, then the outlet or desk ("Jane Roe USA TODAY",
/// "Jane Roe, NBA.com", "Jane Roe Senior Features Editor"). The name opens with a known
/// given name; what follows must be capitals, desk words or a known outlet, so a Title
/// Case headline opening with a name ("Taylor Swift Wins Big") is not one.
fn name_with_desk(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(3..=8).contains(&words.len()) {
        return false;
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let tail_is_desk = |from: usize| {
        let rest: Vec<&str> = words[from..]
            .iter()
            .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '/' | '|')))
            .filter(|w| !w.is_empty())
            .collect();
        let joined = rest.join(" ");
        !rest.is_empty()
            && (lexicon::get().outlet(&joined).is_some()
                || rest
                    .iter()
                    .all(|w| crate::metadata::is_desk_word(w) || matches!(*w, "&" | "and" | "of")))
    };
    // "Jane Roe, NBA.com": after a comma, a web address.
    let domain = |k: usize| {
        words[k - 1].ends_with(',')
            && words.len() == k + 1
            && words[k].contains('.')
            && !words[k].ends_with('.')
    };
    let named = lexicon::get().is_given_name(words[0]);
    // Without a known given name, a job title must close the line and every word be
    // capitalised: "Jane Roe Showbiz & TV Reporter".
    let job_tail = JOB_NOUN.is_match(words[words.len() - 1])
        && words
            .iter()
            .all(|w| capital(w) || matches!(*w, "&" | "and" | "of"));
    (2..=3.min(words.len() - 1)).any(|k| {
        words[1..k].iter().all(|w| capital(w))
            && (named && (tail_is_desk(k) || domain(k)) || job_tail && words.len() > k)
    })
}

/// The job nouns that close a byline's job title ("Assistant Features Editor").
static JOB_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Reporter|Writer|Editor|Correspondent|Contributor|Columnist|Producer|Photographer|Critic|Historian|Analyst|Intern)$").unwrap()
});

/// Whether a byline or date line follows block `i` closely: after at most one other
/// block (a standfirst), not counting bullets and one-word buttons ("*", "Share"). A
/// byline may be split ("By" / "Jane Doe") or a bullet with a date ("* Jane Doe, May 2, 2024").
fn heads_byline(page: &Page, i: usize, start: usize) -> bool {
    let Page {
        texts,
        feats,
        confirmed,
    } = page;
    let mut others = 0;
    for j in i + 1..start.min(i + 8) {
        let f = &feats[j];
        let dated = f.words <= 14 && super::features::find_date(&texts[j]).is_some()
            || relative_time(&texts[j]);
        let bare_by = texts[j].trim().eq_ignore_ascii_case("by");
        if f.byline || f.date_line || dated || bare_by || confirmed[j] {
            return true;
        }
        // Buttons and the lead picture's caption and credit sit between too.
        if f.words <= 1 || f.nav && f.words <= 3 || f.caption || f.credit {
            continue;
        }
        others += 1;
        // One block may sit between; two when the first is the standfirst right under the
        // line (headline, standfirst, the lead picture's caption, byline).
        let standfirst_below = feats.get(i + 1).is_some_and(|g| g.words >= 8 && !g.nav);
        if others > 1 + usize::from(standfirst_below) {
            return false;
        }
    }
    false
}

/// A word as `lead_overlap` compares it: lower case, without surrounding punctuation.
fn overlap_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The words of the story's first paragraphs (the first 400: a lead is short).
fn lead_words<'a>(lead: impl Iterator<Item = &'a str>) -> HashSet<String> {
    lead.flat_map(str::split_whitespace)
        .take(400)
        .map(overlap_key)
        .collect()
}

/// Share of a line's content words (four letters or more) that the story's lead uses too.
fn lead_overlap(line: &str, lead: &HashSet<String>) -> f32 {
    let words: Vec<String> = line
        .split_whitespace()
        .take(40)
        .map(overlap_key)
        .filter(|w| w.chars().count() >= 4)
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|w| lead.contains(*w)).count() as f32 / words.len() as f32
}

/// A one-sentence block right under the title, followed by more body, is a standfirst
/// ("Putin says relations have reached new frontiers."), unless it opens with a dateline.
/// Followed instead by the byline, date or picture that separates a standfirst from the
/// story (menu lines such as "Author:" may sit between), it may run to three sentences.
fn take_standfirst(texts: &[String], feats: &[Features], roles: &mut [Role], start: usize) {
    let text = &texts[start];
    let sentences = super::sentences::split_sentences(text).len();
    let separator = |f: &Features| f.caption || f.credit || f.byline || f.date_line || f.name_line;
    let separated = feats
        .iter()
        .enumerate()
        .skip(start + 1)
        .take(4)
        .take_while(|(k, f)| *k == start + 1 || separator(f) || f.nav || roles[*k] != Role::Body)
        .any(|(_, f)| separator(f));
    let next_is_body = roles.get(start + 1) == Some(&Role::Body) || separated;
    let fits = sentences == 1 && feats[start].words <= 40
        || separated && sentences <= 3 && feats[start].words <= 60;
    if fits && next_is_body && !DATELINE.is_match(text) {
        roles[start] = Role::Subtitle;
    }
}

/// "Published in Practice in Public", "Posted by the editors": where and by whom, no headline.
static PUBLISHED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:published|posted|updated|written|filed|first appeared)\s+(?i:in|by|on|at)\b")
        .unwrap()
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{Lu}\s.,'-]{2,}(?:\([^)]*\))?\s*[-–—:]|\p{Lu}[\p{Lu}.'-]+(?:\s+\p{Lu}[\p{Lu}.'-]+)*\s*\()").unwrap()
});

/// Nav, related, credit and reference roles for blocks the body run did not take.
fn label_chrome(
    feats: &[Features],
    reference: &[bool],
    roles: &mut [Role],
    from: usize,
    to: usize,
) {
    for i in from..to {
        if roles[i] != Role::Other {
            continue;
        }
        let f = &feats[i];
        roles[i] = if reference[i] {
            Role::Reference
        } else if f.caption {
            Role::Caption
        } else if f.credit {
            Role::Credit
        } else if f.related {
            Role::Related
        } else if f.nav || f.stop_marker {
            Role::Nav
        } else {
            Role::Other
        };
    }
}

/// Bylines, bios and link lists after the body.
fn label_trailer(
    page: &Page,
    reference: &[bool],
    is_bio: &dyn Fn(usize) -> bool,
    roles: &mut [Role],
    from: usize,
) {
    let Page {
        texts,
        feats,
        confirmed,
    } = page;
    let mut in_link_list = false;
    for i in from..texts.len() {
        let f = &feats[i];
        if reference[i] {
            in_link_list = false;
            continue;
        }
        if is_bio(i) {
            roles[i] = Role::Bio;
            in_link_list = false;
        } else if f.byline || confirmed[i] {
            roles[i] = Role::Byline;
            in_link_list = false;
        } else if f.related {
            roles[i] = Role::Related;
            in_link_list = true;
        } else if in_link_list && f.words >= 3 && !f.terminal && !f.nav {
            roles[i] = Role::Related;
        } else {
            in_link_list = false;
        }
    }
}

/// The blocks of a page with what the labelling steps read of them.
struct Page<'a> {
    texts: &'a [String],
    feats: &'a [Features],
    /// Name lines confirmed as bylines (`confirmed_names`).
    confirmed: Vec<bool>,
}

/// Per block, whether it is a name-shaped line that is a byline: the name is known, sits
/// next to another byline name, or opens an author bio on the page. Computed once per page,
/// with the bios sorted so a name finds the bios it opens by binary search.
fn confirmed_names(texts: &[String], feats: &[Features]) -> Vec<bool> {
    let mut bios: Vec<&str> = texts
        .iter()
        .zip(feats)
        .filter(|(_, f)| f.bio)
        .map(|(t, _)| t.as_str())
        .collect();
    bios.sort_unstable();
    let opens_bio = |name: &str| {
        let at = bios.partition_point(|t| *t < name);
        bios[at..]
            .iter()
            .take_while(|t| t.starts_with(name))
            .any(|t| t.len() > name.len())
    };
    let known =
        |j: usize| j < texts.len() && feats[j].name_line && starts_with_given_name(&texts[j]);
    // Bylines without "By" sit on the line next to the story's date.
    let dated = |j: usize| j < texts.len() && (feats[j].date_line || feats[j].byline);
    (0..texts.len())
        .map(|i| {
            let beside_date = dated(i.wrapping_sub(1)) || dated(i + 1);
            feats[i].name_line
                && (starts_with_given_name(&texts[i])
                    || opens_bio(&texts[i])
                    || known(i.wrapping_sub(1))
                    || known(i + 1)
                    || beside_date)
                || feats[i].bullet && beside_date && bulleted_name(&texts[i])
                || name_job_and_date(&texts[i], &feats[i])
                || name_for_outlet(&texts[i], &feats[i])
                || as_told_to(&texts[i], &feats[i])
        })
        .collect()
}

/// "Jane Roe as told to Mary Smith": a first-person story's byline, both names.
fn as_told_to(text: &str, f: &Features) -> bool {
    if f.words > 10 || f.terminal {
        return false;
    }
    let Some(at) = text.find(" as told to ") else {
        return false;
    };
    let (teller, writer) = (&text[..at], &text[at + 12..]);
    let named = |part: &str| {
        (2..=4).contains(&part.split_whitespace().count()) && super::features::is_name(part)
    };
    named(teller) && named(writer)
}

/// "Jane Roe For Daily Mail Australia": a known given name, the name, "For" and the outlet.
fn name_for_outlet(text: &str, f: &Features) -> bool {
    if f.words > 10 || f.terminal || !starts_with_given_name(text) {
        return false;
    }
    let Some(at) = text.find(" For ").or_else(|| text.find(" for ")) else {
        return false;
    };
    let head = &text[..at];
    (2..=3).contains(&head.split_whitespace().count())
        && super::features::is_name(head)
        && text[at + 5..].starts_with(char::is_uppercase)
}

/// A list item that is only a name ("* Jane Roe"): a byline when a date item is beside it.
fn bulleted_name(text: &str) -> bool {
    let rest = text
        .trim_start_matches(['*', '+', '-', '•', '·'])
        .trim_start();
    rest.len() < text.len() && super::features::is_name(rest)
}

/// A byline that names the writer, a job and the date without "By" ("Jane Roe, Money
/// Reporter 22 December 2023 • 3:55pm"): a known given name, a comma after two or three
/// names, a date before the twentieth word.
fn name_job_and_date(text: &str, f: &Features) -> bool {
    if f.words > 20 || f.terminal || !starts_with_given_name(text) {
        return false;
    }
    let Some(comma) = text.find(',') else {
        return false;
    };
    let head = &text[..comma];
    let names = head.split_whitespace().count();
    (2..=3).contains(&names)
        && super::features::is_name(head)
        && super::features::find_date_at(&text[comma..]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_beside_the_date_need_no_by() {
        let texts: Vec<String> = [
            "Jane Roe",
            "Oct 17, 2023",
            "* Mary Smith",
            "* Published : 16:46, 22 Dec 2023",
            "* Home",
            "Noah Eastwood, Money Reporter 22 December 2023 • 3:55pm",
            "Council Approves Budget",
            "Marta Jary For Daily Mail Australia",
            "Mary Poppins for the win",
            "Amie Stone as told to Heather Eastman",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let feats: Vec<Features> = texts.iter().map(|t| measure(t)).collect();
        let c = confirmed_names(&texts, &feats);
        assert_eq!(
            c,
            vec![true, false, true, false, false, true, false, true, false, true]
        );
    }

    fn roles_of(lines: &[&str]) -> Vec<Role> {
        let texts: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        assign_roles(&texts, None)
    }

    const P1: &str =
        "The minister met his counterpart on Tuesday. They discussed trade, security and the war.";
    const P2: &str = "Officials said the talks would continue next week in the capital, according to the statement.";
    const P3: &str =
        "Analysts expect little progress before the summit, which is scheduled for the spring.";

    #[test]
    fn stamps_and_name_lines_with_desks_are_not_headlines() {
        assert!(meta_stamp(
            "Dec. 22, 2023, 5:24 AM UTC / Updated Dec. 22, 2023"
        ));
        assert!(meta_stamp("5 min read"));
        assert!(!meta_stamp(
            "Trump speaks by Jane Roe - 12/22/23 11:35 AM ET"
        ));
        assert!(name_with_desk("Jane Roe USA TODAY"));
        assert!(name_with_desk("Jane Roe Senior Political Reporter"));
        assert!(name_with_desk("Jane Roe, example.com"));
        assert!(!name_with_desk("Taylor Swift Wins Big At The Awards"));
        // No known given name: a job title closing an all-capitalised line.
        assert!(name_with_desk("Xanthe Quill Showbiz & TV Reporter"));
        assert!(!name_with_desk(
            "Xanthe Quill Wins the Award for Best Reporter"
        ));
    }

    #[test]
    fn notices_fragments_and_abbreviations() {
        assert!(page_notice(
            "Copyright © 2023, The Daily Example | Terms of Service"
        ));
        assert!(page_notice(
            "This material may not be published. All rights reserved."
        ));
        assert!(page_notice("This article is more than 1 month old"));
        assert!(page_notice("Jane Roe as told to John Doe"));
        assert!(page_notice("More from the Example Network"));
        assert!(page_notice("Recipe tested by"));
        assert!(page_notice("4 days ago"));
        assert!(page_notice("Updated 35 mins ago"));
        assert!(!page_notice(
            "Council approves budget after four days of talks"
        ));
        assert!(starts_mid_sentence(
            "sale you have been waiting for is here"
        ));
        assert!(!starts_mid_sentence(
            "iPhone 15 review: the best just got better"
        ));
        assert!(ends_in_abbreviation(
            "What it is like to skip Christmas in L.A."
        ));
        assert!(!ends_in_abbreviation("Markets fell again today."));
    }

    #[test]
    fn a_sentence_case_headline_beats_a_section_label_and_a_notice() {
        let roles = roles_of(&[
            "Home",
            "Nation & World",
            "Council approves new budget after four days of talks",
            "This article is more than 1 month old",
            "By Jane Doe",
            "May 2, 2024",
            "The city council approved a new budget on Tuesday after four days of talks, ending a dispute over school funding that had lasted since spring.",
            "Members voted nine to two in favour of the plan, which raises spending on schools and parks while cutting the cost of running city offices.",
            "The mayor said the budget would be signed this week and take effect in July, when the new fiscal year begins for the city.",
        ]);
        assert_eq!(roles[2], Role::Title);
        assert_ne!(roles[1], Role::Title);
        assert_ne!(roles[3], Role::Title);
    }

    #[test]
    fn buttons_that_call_to_action() {
        assert!(call_to_action("LEARN MORE"));
        assert!(call_to_action("Play Now"));
        assert!(call_to_action("Sign up for free"));
        assert!(!call_to_action("Learn more about the council's budget"));
    }

    #[test]
    fn the_headline_heads_its_standfirst_caption_and_byline() {
        let roles = roles_of(&[
            "Council approves new budget after four days of talks",
            "Members ended a dispute over school funding that had lasted since spring",
            "The council chamber in the old city hall seen from the public gallery",
            "By Jane Doe",
            "The city council approved a new budget on Tuesday after four days of talks, ending a dispute over school funding that had lasted since spring.",
            "Members voted nine to two in favour of the plan, which raises spending on schools and parks while cutting the cost of running city offices.",
            "The mayor said the budget would be signed this week and take effect in July, when the new fiscal year begins for the city.",
        ]);
        // The caption sits closer to the byline, but the headline heads the standfirst,
        // the caption and the byline.
        assert_eq!(roles[0], Role::Title);
        assert_ne!(roles[2], Role::Title);
    }

    #[test]
    fn menu_lines_title_and_body() {
        let r = roles_of(&[
            "Home",
            "World",
            "Politics",
            "Ministers Meet to Discuss Trade and Security",
            P1,
            P2,
            P3,
            "Leave a Comment",
        ]);
        assert_eq!(&r[..3], &[Role::Nav, Role::Nav, Role::Nav]);
        assert_eq!(r[3], Role::Title);
        assert_eq!(&r[4..7], &[Role::Body, Role::Body, Role::Body]);
        assert_eq!(r[7], Role::Nav);
    }

    #[test]
    fn headings_and_promo_lines_inside_the_body() {
        let r = roles_of(&[
            "Ministers Meet to Discuss Trade",
            P1,
            "Also on XY: Another Story Here",
            P2,
            "Security talks",
            P3,
        ]);
        assert_eq!(r[2], Role::Related);
        assert_eq!(r[4], Role::Heading);
        assert_eq!(r[5], Role::Body);
    }

    #[test]
    fn repeated_title_and_standfirst() {
        let sub = "The minister says relations have reached a new high and confirmed a summit.";
        let r = roles_of(&[
            "Ministers Meet Again in Geneva",
            sub,
            "Ministers Meet Again in Geneva",
            sub,
            P1,
            P2,
        ]);
        assert_eq!(r.iter().filter(|&&x| x == Role::Title).count(), 1);
        assert_eq!(r.iter().filter(|&&x| x == Role::Subtitle).count(), 1);
        assert_eq!(&r[4..], &[Role::Body, Role::Body]);
    }

    #[test]
    fn one_sentence_standfirst_under_the_title() {
        let sub = "The minister says relations have reached a new high and confirmed a summit.";
        let r = roles_of(&["Ministers Meet Again in Geneva", sub, P1, P2]);
        assert_eq!(r[1], Role::Subtitle);
        let dateline =
            "GENEVA (Reuters) - The minister says relations have reached a new high today.";
        let r = roles_of(&["Ministers Meet Again in Geneva", dateline, P1, P2]);
        assert_eq!(r[1], Role::Body);
    }

    #[test]
    fn trailer_byline_and_bio() {
        let r = roles_of(&[
            "Ministers Meet Again in Geneva",
            P1,
            P2,
            P3,
            "Jane Doe",
            "Jane Doe is a correspondent for The Daily covering diplomacy and trade.",
        ]);
        assert_eq!(r[4], Role::Byline);
        assert_eq!(r[5], Role::Bio);
    }

    #[test]
    fn reference_list_is_not_body() {
        let r = roles_of(&[
            "Ministers Meet Again in Geneva",
            P1,
            P2,
            "0. “First piece” The Daily, 22 Feb. 2023,",
            "1. “Second piece” The Other, 21 Feb. 2023,",
        ]);
        assert_eq!(&r[3..], &[Role::Reference, Role::Reference]);
    }

    #[test]
    fn the_tab_title_points_at_the_headline_among_teasers() {
        let r = roles_of(&[
            "Ministers Meet Again in Geneva | World News | The Daily",
            "Home",
            "Markets Rally After Central Bank Decision Stuns Traders",
            "Ministers Meet Again in Geneva",
            "The two sides say progress is possible before the summit in spring.",
            "By Jane Doe",
            P1,
            P2,
            P3,
        ]);
        assert_eq!(r[3], Role::Title);
        assert_eq!(r[4], Role::Subtitle);
        assert_eq!(r[5], Role::Byline);
        assert_eq!(&r[6..], &[Role::Body, Role::Body, Role::Body]);
    }

    #[test]
    fn a_promo_box_inside_the_story_does_not_cut_the_body() {
        let mut lines = vec!["Ministers Meet Again in Geneva", P1, P2];
        lines.extend([
            "Read more:",
            "Sign up to",
            "Free newsletter",
            "Privacy Notice:",
        ]);
        lines.extend([
            "and",
            "Terms of Service apply.",
            "after newsletter promotion",
        ]);
        lines.extend([P3, P1, "Leave a Comment", P2]);
        let r = roles_of(&lines);
        assert_eq!(r[10], Role::Body);
        assert_eq!(r[11], Role::Body);
        assert_eq!(
            r[13],
            Role::Other,
            "comments after the page-end marker stay out"
        );
    }

    #[test]
    fn text_with_no_prose_still_gets_a_body() {
        let r = roles_of(&["Short note here"]);
        assert_eq!(r, vec![Role::Body]);
    }
}
