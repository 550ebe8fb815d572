//! Splits a page into blocks and gives every block a role.
//!
//! `blocks` cuts the text into paragraphs and lines; `features` measures each block (length,
//! sentence shape, chrome patterns); `roles` finds the story's body as the densest run of
//! prose and names everything around it. `sentences` splits a block into sentences for the
//! later stages.

pub mod blocks;
pub mod features;
pub mod roles;
pub mod sentences;

use crate::model::Block;

/// Segments a page's text into role-labelled blocks.
pub fn segment(text: &str) -> Vec<Block> {
    segment_under(text, None)
}

/// Segments a page whose headline is known (an HTML page's `<h1>`): the story starts under
/// the block that prints it.
pub fn segment_under(text: &str, headline: Option<&str>) -> Vec<Block> {
    let texts = blocks::split_blocks(text);
    let roles = roles::assign_roles(&texts, headline);
    texts
        .into_iter()
        .zip(roles)
        .map(|(text, role)| Block { text, role })
        .collect()
}
