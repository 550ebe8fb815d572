//! Corpus-wide entity ids: one id for every mention of one real-world entity.

use crate::model::ParsedArticle;

/// Per article, per article-level entity: (corpus-wide id, canonical name).
pub fn link_corpus(articles: &[ParsedArticle]) -> Vec<Vec<(String, String)>> {
    articles
        .iter()
        .map(|a| {
            a.entities
                .iter()
                .map(|e| (entity_id(e.etype.as_str(), &e.name), e.name.clone()))
                .collect()
        })
        .collect()
}

/// A readable, stable id: `PERSON:vladimir_putin`.
pub fn entity_id(etype: &str, name: &str) -> String {
    let slug: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    format!("{etype}:{}", slug.join("_"))
}
