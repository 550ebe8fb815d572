//! Corpus-wide entity ids: one id for every mention of one real-world entity, in every article.
//!
//! Known entities already share a canonical name, so they share an id. People are joined
//! across articles when their surnames match after transliteration folding and their given
//! names match or differ by one letter (Sergey/Sergei, Zelensky/Zelenskiy); whole-name
//! similarity alone never merges (Wang Yi and Wang Yang stay apart). A lone surname joins
//! the one person in the corpus with that surname. The cluster's canonical name is its most
//! frequent full form.

use crate::model::{EntityType, ParsedArticle};
use std::collections::HashMap;

/// Per article, per article-level entity: (corpus-wide id, canonical name).
pub fn link_corpus(articles: &[ParsedArticle]) -> Vec<Vec<(String, String)>> {
    // Every full-name person, with how often each exact form is mentioned.
    let mut people: Vec<(Vec<String>, String, usize)> = Vec::new(); // folded tokens, name, mentions
    for a in articles {
        for (i, e) in a.entities.iter().enumerate() {
            if e.etype == EntityType::Person && e.name.contains(' ') {
                let n = a.mentions.iter().filter(|m| m.entity == i).count();
                match people.iter_mut().find(|p| p.1 == e.name) {
                    Some(p) => p.2 += n,
                    None => people.push((fold_name(&e.name), e.name.clone(), n)),
                }
            }
        }
    }
    // Union people that are the same person under another spelling.
    let mut parent: Vec<usize> = (0..people.len()).collect();
    fn root(parent: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while parent[r] != r {
            r = parent[r];
        }
        parent[i] = r;
        r
    }
    for i in 0..people.len() {
        for j in i + 1..people.len() {
            if same_person(&people[i].0, &people[j].0) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[b] = a;
            }
        }
    }
    let mut canonical: HashMap<usize, usize> = HashMap::new(); // root -> index of best name
    for i in 0..people.len() {
        let r = root(&mut parent, i);
        let best = canonical.entry(r).or_insert(i);
        if people[i].2 > people[*best].2 {
            *best = i;
        }
    }
    let name_of = |name: &str, parent: &mut Vec<usize>| -> Option<String> {
        let i = people.iter().position(|p| p.1 == name)?;
        let r = root(parent, i);
        Some(people[canonical[&r]].1.clone())
    };
    // A lone surname belongs to the one person in the corpus who has it.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, person) in people.iter().enumerate() {
        let r = root(&mut parent, i);
        let surname = person.0.last().cloned().unwrap_or_default();
        let roots = by_surname.entry(surname).or_default();
        if !roots.contains(&r) {
            roots.push(r);
        }
    }
    articles
        .iter()
        .map(|a| {
            a.entities
                .iter()
                .map(|e| {
                    let name = if e.etype != EntityType::Person {
                        e.name.clone()
                    } else if e.name.contains(' ') {
                        name_of(&e.name, &mut parent).unwrap_or_else(|| e.name.clone())
                    } else {
                        let folded = fold_token(&e.name);
                        match by_surname.get(&folded).map(Vec::as_slice) {
                            Some([r]) => people[canonical[r]].1.clone(),
                            _ => e.name.clone(),
                        }
                    };
                    (entity_id(e.etype.as_str(), &name), name)
                })
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

fn fold_name(name: &str) -> Vec<String> {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(fold_token)
        .collect()
}

/// Folds the spelling differences of romanised names: y/i, doubled letters, kh/h, w/v, ks/x.
pub fn fold_token(word: &str) -> String {
    let lower: String = word.to_lowercase().chars().map(strip_accent).collect();
    let replaced = lower
        .replace("kh", "h")
        .replace("ks", "x")
        .replace("ph", "f")
        .replace('w', "v")
        .replace(['y', 'j'], "i");
    let mut out = String::with_capacity(replaced.len());
    for c in replaced.chars() {
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

fn strip_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ç' | 'č' | 'ć' => 'c',
        'ñ' | 'ń' => 'n',
        'š' | 'ś' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ğ' => 'g',
        'ř' => 'r',
        other => other,
    }
}

/// Same folded surname, and given names equal or one edit apart (long enough to tell).
fn same_person(a: &[String], b: &[String]) -> bool {
    if a.len() < 2 || b.len() < 2 || a.last() != b.last() {
        return false;
    }
    let (ga, gb) = (&a[..a.len() - 1], &b[..b.len() - 1]);
    if ga == gb {
        return true;
    }
    ga.len() == gb.len()
        && ga
            .iter()
            .zip(gb)
            .all(|(x, y)| x == y || (x.len() >= 5 && y.len() >= 5 && edit_distance(x, y) <= 1))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(n: &str) -> Vec<String> {
        fold_name(n)
    }

    #[test]
    fn transliterations_are_one_person() {
        assert!(same_person(
            &folded("Sergey Lavrov"),
            &folded("Sergei Lavrov")
        ));
        assert!(same_person(
            &folded("Volodymyr Zelensky"),
            &folded("Volodymyr Zelenskiy")
        ));
        assert!(same_person(
            &folded("Dmitry Peskov"),
            &folded("Dmitri Peskov")
        ));
    }

    #[test]
    fn different_given_names_are_different_people() {
        assert!(!same_person(&folded("Wang Yi"), &folded("Wang Yang")));
        assert!(!same_person(&folded("Joe Biden"), &folded("Hunter Biden")));
        assert!(!same_person(
            &folded("Sergey Lavrov"),
            &folded("Sergey Lavrentiev")
        ));
    }

    #[test]
    fn ids_are_readable_slugs() {
        assert_eq!(entity_id("GPE", "United States"), "GPE:united_states");
    }
}
