//! Finds quotations, their kind, cue and speaker.

use crate::model::{Block, Entity, Mention, Quote};

/// Quotes of one article, in reading order.
pub fn extract(_blocks: &[Block], _entities: &[Entity], _mentions: &[Mention]) -> Vec<Quote> {
    Vec::new()
}
