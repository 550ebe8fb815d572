//! Parses many inputs in parallel and links what spans articles: corpus-wide entity ids
//! and quote groups.
//!
//! Parsing is embarrassingly parallel (rayon); linking runs after, single-threaded, over
//! records in input order, so ids never depend on thread scheduling.

use crate::model::{InputError, ParsedArticle};
use crate::pipeline::{parse_input_records, Input, Options};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

/// Parses inputs in parallel; results are in input order (a JSON Lines file gives several).
/// Once `options.cancel` is set, the inputs left end as errors of kind `cancelled` unread.
pub fn parse_all(inputs: &[Input], options: &Options) -> Vec<Result<ParsedArticle, InputError>> {
    inputs
        .par_iter()
        .flat_map_iter(|i| parse_input_records(i, options))
        .collect()
}

/// Corpus-wide ids, computed over all articles.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// Per article, per article-level entity: (entity_id, canonical name).
    pub entity_ids: Vec<Vec<(String, String)>>,
    /// Per article, per quote: the quote group id.
    pub quote_groups: Vec<Vec<String>>,
}

/// Links entities and quotes across the corpus.
pub fn link(articles: &[ParsedArticle]) -> Links {
    let entity_ids = crate::entities::link::link_corpus(articles);
    Links {
        entity_ids,
        quote_groups: quote_groups(articles),
    }
}

/// Ids left for a later pass over the whole corpus: each entity gets its `linking_key` as
/// id and its article-level name, so batches parsed apart can be linked as one parse would.
pub fn unlinked(articles: &[ParsedArticle]) -> Links {
    use crate::entities::link::linking_key;
    let entity_ids = articles
        .iter()
        .map(|a| {
            a.entities
                .iter()
                .map(|e| (linking_key(e.etype, &e.name), e.name.clone()))
                .collect()
        })
        .collect();
    Links {
        entity_ids,
        quote_groups: quote_groups(articles),
    }
}

fn quote_groups(articles: &[ParsedArticle]) -> Vec<Vec<String>> {
    articles
        .iter()
        .map(|a| a.quotes.iter().map(|q| quote_group(&q.text)).collect())
        .collect()
}

/// Normalised words of a text: lower case, letters and digits only.
pub fn normalized_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The same words, whatever the marks, case and punctuation, give the same group.
pub fn quote_group(text: &str) -> String {
    format!("q{}", &hex_digest(&normalized_words(text))[..12])
}

/// Hex SHA-256 of a string.
pub fn hex_digest(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_groups_ignore_marks_case_and_punctuation() {
        assert_eq!(quote_group("New frontiers."), quote_group("new frontiers"));
        assert_ne!(quote_group("new frontiers"), quote_group("old frontiers"));
    }
}
