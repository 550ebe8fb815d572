//! Roles for the blocks of an HTML page, from what its markup says first.
//!
//! `ingest::html` has found the story's container on the DOM and marked page furniture;
//! here each block gets its role from that and from its element: a heading inside the story
//! is a heading, a `<figcaption>` a caption or credit, a link-dense block a related link,
//! the `<h1>` the title. The same per-block tests the text path uses (`features`) still catch
//! what markup cannot say: a "Read more:" paragraph, a "By Jane Doe" line, a copyright line.
//! A page whose container cannot be found (no run of paragraphs scores) goes to the text
//! path's rules over its blocks instead.

use super::features::{measure, Features};
use super::roles;
use crate::ingest::{BlockKind, Hints, MarkupBlock};
use crate::model::Role;

/// Share of link text above which a short block is a link, not prose.
const LINK_DENSE: f32 = 0.6;

/// Gives every block of an HTML page its role.
pub fn assign_markup_roles(blocks: &[MarkupBlock], hints: &Hints) -> Vec<Role> {
    let texts: Vec<String> = blocks.iter().map(|b| b.text.clone()).collect();
    if !blocks.iter().any(|b| b.in_story && !b.chrome) {
        return roles::assign_roles(&texts, hints.headline.as_deref());
    }
    let feats: Vec<Features> = texts.iter().map(|t| measure(t)).collect();
    let mut out = vec![Role::Other; blocks.len()];
    let title = title_block(blocks, hints);
    // Story words after each block: a comment-count or copyright line ends the story only
    // when less of it follows than came before (share bars print "Comments (40)" up top).
    let story_words: Vec<usize> = blocks
        .iter()
        .zip(&feats)
        .map(|(b, f)| {
            if b.in_story && !b.chrome && f.prose {
                f.words
            } else {
                0
            }
        })
        .collect();
    let total: usize = story_words.iter().sum();
    let mut before = 0usize;
    let mut stopped = false;
    for (i, b) in blocks.iter().enumerate() {
        before += story_words[i];
        if Some(i) == title {
            out[i] = Role::Title;
            continue;
        }
        out[i] = if b.in_story && !b.chrome && !stopped {
            if feats[i].stop_marker {
                stopped = total - before < before;
                Role::Nav
            } else {
                story_role(b, &feats[i])
            }
        } else {
            chrome_role(b, &feats[i])
        };
    }
    // Bylines and dates stand before the story; a bio sits after it.
    let first_body = out.iter().position(|r| *r == Role::Body);
    if let Some(first) = first_body {
        for i in 0..first {
            if out[i] == Role::Other && feats[i].name_line {
                out[i] = Role::Byline;
            }
        }
        // A short name line the markup marks as the author's, up to the story's second
        // paragraph (standfirsts and captions often come first): "Greg Potts" linking to
        // `/author/greg-potts`, `<span class="byline">Craig Meyer USA TODAY NETWORK</span>`.
        let second_body = out
            .iter()
            .enumerate()
            .filter(|(_, r)| **r == Role::Body)
            .nth(2)
            .map_or(blocks.len(), |(i, _)| i);
        for i in title.map_or(0, |t| t + 1)..second_body {
            if blocks[i].author && out[i] != Role::Title && author_line(&blocks[i].text, &feats[i])
            {
                out[i] = Role::Byline;
            }
        }
        for i in first..blocks.len() {
            if out[i] == Role::Byline && !feats[i].byline && feats[i].bio {
                out[i] = Role::Bio;
            }
        }
        if let Some(t) = title {
            mark_subtitle(blocks, &feats, hints, &mut out, t, first);
        }
    }
    out
}

/// A line that can be an author-marked byline: a few words, two of them capitalised, not a
/// sentence.
fn author_line(text: &str, f: &Features) -> bool {
    let capitalised = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (f.words <= 10 || f.date_line) && capitalised >= 2 && !f.prose && !f.bio
}

/// The block printing the headline the page names (`<h1>`), else the first `<h1>`.
fn title_block(blocks: &[MarkupBlock], hints: &Hints) -> Option<usize> {
    let same = |a: &str, b: &str| {
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        norm(a) == norm(b)
    };
    let named = hints.title.as_deref().or(hints.headline.as_deref());
    named
        .and_then(|h| blocks.iter().position(|b| same(&b.text, h)))
        .or_else(|| {
            blocks.iter().position(|b| {
                b.kind == BlockKind::Heading(1) && b.text.split_whitespace().count() >= 2
            })
        })
}

/// A block inside the story's container.
fn story_role(b: &MarkupBlock, f: &Features) -> Role {
    if f.related {
        return Role::Related;
    }
    if f.nav {
        return Role::Nav;
    }
    if f.credit {
        return Role::Credit;
    }
    if f.byline || f.date_line {
        return Role::Byline;
    }
    match b.kind {
        BlockKind::Heading(_) => return Role::Heading,
        BlockKind::Caption => return Role::Caption,
        _ => {}
    }
    if f.caption {
        return Role::Caption;
    }
    if b.link_density > LINK_DENSE && f.words < 40 {
        return Role::Related;
    }
    if f.bio {
        return Role::Bio;
    }
    if f.words >= 4 || f.terminal {
        Role::Body
    } else {
        Role::Other
    }
}

/// A block of furniture or outside the story.
fn chrome_role(b: &MarkupBlock, f: &Features) -> Role {
    if f.byline || f.date_line {
        Role::Byline
    } else if b.kind == BlockKind::Caption || f.caption {
        Role::Caption
    } else if f.credit {
        Role::Credit
    } else if f.related {
        Role::Related
    } else if f.bio {
        Role::Bio
    } else if f.nav || b.link_density > LINK_DENSE || f.words <= 3 {
        Role::Nav
    } else {
        Role::Other
    }
}

/// The standfirst between the title and the story: the block printing the page's stated
/// description, else a sentence-sized block right under the title.
fn mark_subtitle(
    blocks: &[MarkupBlock],
    feats: &[Features],
    hints: &Hints,
    out: &mut [Role],
    title: usize,
    first_body: usize,
) {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let described = hints
        .description
        .as_deref()
        .map(norm)
        .filter(|d| d.len() >= 20);
    let window = title + 1..first_body.min(title + 4);
    for i in window {
        if !matches!(out[i], Role::Other | Role::Heading | Role::Caption) {
            continue;
        }
        let f = &feats[i];
        let said = described.as_ref().is_some_and(|d| {
            let n = norm(&blocks[i].text);
            n.len() >= 20 && (d.starts_with(&n) || n.starts_with(d.as_str()))
        });
        let shaped = f.words >= 6
            && f.words <= 60
            && !blocks[i].chrome
            && b_is_text(&blocks[i])
            && !f.byline
            && !f.date_line
            && !f.credit;
        if said || shaped {
            out[i] = Role::Subtitle;
            return;
        }
    }
}

fn b_is_text(b: &MarkupBlock) -> bool {
    matches!(
        b.kind,
        BlockKind::Paragraph | BlockKind::Text | BlockKind::Heading(2..=3)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str, kind: BlockKind, in_story: bool, chrome: bool) -> MarkupBlock {
        MarkupBlock {
            text: text.into(),
            kind,
            chrome,
            in_story,
            link_density: 0.0,
            author: false,
        }
    }

    const P: &str = "The minister met his counterpart on Tuesday, and they discussed trade.";

    #[test]
    fn an_author_marked_name_line_is_a_byline() {
        let mut name = block("Greg Potts", BlockKind::Text, true, false);
        name.author = true;
        name.link_density = 1.0;
        let mut sentence = block(P, BlockKind::Paragraph, true, false);
        sentence.author = true;
        let blocks = vec![
            block(
                "Ministers meet in Geneva",
                BlockKind::Heading(1),
                true,
                false,
            ),
            name,
            block("Published: 22 Dec 2023", BlockKind::Text, true, false),
            block(P, BlockKind::Paragraph, true, false),
            sentence,
        ];
        let r = assign_markup_roles(&blocks, &Hints::default());
        assert_eq!(r[1], Role::Byline);
        assert_eq!(
            r[4],
            Role::Body,
            "a sentence is story text wherever it sits"
        );
    }

    #[test]
    fn roles_follow_the_markup() {
        let blocks = vec![
            block("Home", BlockKind::Item, false, true),
            block(
                "Ministers meet in Geneva",
                BlockKind::Heading(1),
                true,
                false,
            ),
            block(
                "Talks resume after a year of silence between them",
                BlockKind::Paragraph,
                false,
                false,
            ),
            block("By Jane Doe", BlockKind::Text, true, false),
            block(P, BlockKind::Paragraph, true, false),
            block("What comes next", BlockKind::Heading(2), true, false),
            block(
                "The ministers at the talks (Reuters)",
                BlockKind::Caption,
                true,
                false,
            ),
            block(P, BlockKind::Paragraph, true, false),
            block(
                "Copyright 2024 The Daily",
                BlockKind::Paragraph,
                false,
                true,
            ),
        ];
        let hints = Hints {
            headline: Some("Ministers meet in Geneva".into()),
            ..Default::default()
        };
        let r = assign_markup_roles(&blocks, &hints);
        assert_eq!(
            r,
            vec![
                Role::Nav,
                Role::Title,
                Role::Subtitle,
                Role::Byline,
                Role::Body,
                Role::Heading,
                Role::Caption,
                Role::Body,
                Role::Other
            ]
        );
    }
}
