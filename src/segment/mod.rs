//! Splits a page into blocks and gives every block a role.
//!
//! `blocks` cuts the text into paragraphs and lines; `features` measures each block (length,
//! sentence shape, chrome patterns); `roles` finds the story's body as the densest run of
//! prose and names everything around it; `markup` gives an HTML page's blocks their roles
//! from their elements. `sentences` splits a block into sentences for the
//! later stages.

pub mod blocks;
pub mod features;
pub mod markup;
pub mod roles;
pub mod sentences;

use crate::ingest::Hints;
use crate::model::{Block, Role};

/// Segments a page's text into role-labelled blocks.
pub fn segment(text: &str) -> Vec<Block> {
    segment_under(text, None)
}

/// Segments a decoded page: an HTML page's blocks keep the roles their markup gives them,
/// text is cut into blocks and read by the text rules.
pub fn segment_page(text: &str, hints: &Hints) -> Vec<Block> {
    if hints.markup.is_empty() {
        return segment_under(text, hints.headline.as_deref());
    }
    // The DOM's container misses stories it cannot score (each paragraph in its own
    // wrapper, a donation box that outscores the text); the text rules, which look for the
    // densest run of prose, then find far more body. The markup's roles stand unless they
    // hold under 60% of the body words the text rules find (NAEB body F1 0.855 markup only,
    // 0.873 text only, 0.886 so combined).
    let texts: Vec<String> = hints.markup.iter().map(|b| b.text.clone()).collect();
    let by_markup = markup::assign_markup_roles(&hints.markup, hints);
    let by_text = roles::assign_roles(&texts, hints.headline.as_deref());
    let body_words = |roles: &[Role]| -> usize {
        roles
            .iter()
            .zip(&texts)
            .filter(|(r, _)| **r == Role::Body)
            .map(|(_, t)| t.split_whitespace().count())
            .sum()
    };
    let roles = if body_words(&by_markup) * 10 >= body_words(&by_text) * 6 {
        by_markup
    } else {
        by_text
    };
    texts
        .into_iter()
        .zip(roles)
        .map(|(text, role)| Block { text, role })
        .collect()
}

/// Segments a page whose headline is known (an HTML page's `<h1>`): the story starts under
/// the block that prints it.
pub fn segment_under(text: &str, headline: Option<&str>) -> Vec<Block> {
    let (texts, headings) = blocks::split_marked_blocks(text);
    let roles = roles::assign_roles_marked(&texts, headline, &headings);
    texts
        .into_iter()
        .zip(roles)
        .map(|(text, role)| Block { text, role })
        .collect()
}
