//! Corpus-wide entity ids: one id for every mention of one real-world entity, in every article.
//!
//! Known entities already share a canonical name, so they share an id. People are joined
//! across articles when their surnames match after transliteration folding and their given
//! names match or differ by one letter (Sergey/Sergei, Zelensky/Zelenskiy); whole-name
//! similarity alone never merges (Wang Yi and Wang Yang stay apart). A lone surname joins
//! the one person in the corpus with that surname.
//!
//! Two rules keep this fast and independent of input order:
//! - people are grouped by folded surname and number of given names, and only people of one
//!   group are compared (`same_person` needs both equal anyway), so the comparisons grow
//!   with the sum of the squared group sizes, not with the square of the corpus's people;
//! - a cluster's canonical name is its most frequent full form, ties broken by the
//!   lexically smallest, so shuffling the inputs never changes an id.

use crate::model::{EntityType, ParsedArticle};
use std::collections::{BTreeMap, HashMap};

/// A full-name person of the corpus: its folded tokens and how often it is mentioned.
struct Person {
    folded: Vec<String>,
    mentions: usize,
}

/// Per article, per article-level entity: (corpus-wide id, canonical name).
pub fn link_corpus(articles: &[ParsedArticle]) -> Vec<Vec<(String, String)>> {
    link_counting(articles).0
}

/// Mentions of every full-name person in the articles: all that linking needs to know of
/// a corpus, and small (one entry per distinct name, not per mention).
pub fn people_of(articles: &[ParsedArticle]) -> BTreeMap<&str, usize> {
    let mut people: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles {
        let mut counts = vec![0usize; a.entities.len()];
        for m in &a.mentions {
            if let Some(c) = counts.get_mut(m.entity) {
                *c += 1;
            }
        }
        for (e, n) in a.entities.iter().zip(counts) {
            if e.etype == EntityType::Person && e.name.contains(' ') {
                *people.entry(e.name.as_str()).or_default() += n;
            }
        }
    }
    people
}

/// `link_corpus`, with the number of name comparisons it made (for tests of scale).
pub fn link_counting(articles: &[ParsedArticle]) -> (Vec<Vec<(String, String)>>, u64) {
    let names = CanonicalNames::new(&people_of(articles));
    let ids = articles
        .iter()
        .map(|a| {
            a.entities
                .iter()
                .map(|e| names.link(e.etype, &e.name))
                .collect()
        })
        .collect();
    (ids, names.comparisons)
}

/// The canonical name of every entity name of a corpus, from its full-name people alone.
///
/// Built once from `people_of` (one parse) or from counts gathered batch by batch (a
/// streamed parse, where articles are long gone): both give the same names, so a streamed
/// corpus gets the ids of a one-shot parse.
pub struct CanonicalNames {
    /// Full name -> canonical full name of its cluster.
    canonical: HashMap<String, String>,
    /// Folded surname -> the one cluster with it (None when several share it).
    lone: HashMap<String, Option<String>>,
    /// Name comparisons made while clustering (for tests of scale).
    pub comparisons: u64,
}

impl CanonicalNames {
    /// Clusters full-name people (name -> mentions) into people.
    pub fn new<S: AsRef<str>>(people: &BTreeMap<S, usize>) -> Self {
        let names: Vec<&str> = people.keys().map(AsRef::as_ref).collect();
        let people: Vec<Person> = people
            .iter()
            .map(|(name, &mentions)| Person {
                folded: fold_name(name.as_ref()),
                mentions,
            })
            .collect();

        // Union people that are the same person under another spelling, within surname
        // groups. `same_person` needs equal surnames and as many given names: those are
        // the groups.
        let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut groups: BTreeMap<(&str, usize), Vec<usize>> = BTreeMap::new();
        for (i, p) in people.iter().enumerate() {
            let surname = p.folded.last().map_or("", String::as_str);
            by_surname.entry(surname).or_default().push(i);
            groups.entry((surname, p.folded.len())).or_default().push(i);
        }
        let mut parent: Vec<usize> = (0..people.len()).collect();
        fn root(parent: &mut [usize], i: usize) -> usize {
            let mut r = i;
            while parent[r] != r {
                r = parent[r];
            }
            let mut j = i;
            while parent[j] != r {
                let next = parent[j];
                parent[j] = r;
                j = next;
            }
            r
        }
        let mut comparisons = 0u64;
        for group in groups.values() {
            for (k, &i) in group.iter().enumerate() {
                for &j in &group[k + 1..] {
                    comparisons += 1;
                    if same_person(&people[i].folded, &people[j].folded) {
                        let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                        parent[b.max(a)] = a.min(b);
                    }
                }
            }
        }
        // Canonical form of each cluster: most mentions, then the lexically smallest name
        // (people are in name order, so the first of equal counts is the smallest).
        let mut best: HashMap<usize, usize> = HashMap::new(); // root -> best person
        for i in 0..people.len() {
            let r = root(&mut parent, i);
            let b = best.entry(r).or_insert(i);
            if people[i].mentions > people[*b].mentions {
                *b = i;
            }
        }
        let mut name_of = |i: usize| names[best[&root(&mut parent, i)]];
        // A lone surname belongs to the one person in the corpus who has it.
        let lone = by_surname
            .iter()
            .map(|(surname, group)| {
                let mut clusters: Vec<&str> = group.iter().map(|&i| name_of(i)).collect();
                clusters.sort_unstable();
                clusters.dedup();
                let only = (clusters.len() == 1).then(|| clusters[0].to_string());
                (surname.to_string(), only)
            })
            .collect();
        let canonical = (0..names.len())
            .map(|i| (names[i].to_string(), name_of(i).to_string()))
            .collect();
        CanonicalNames {
            canonical,
            lone,
            comparisons,
        }
    }

    /// The canonical name of an article-level entity of type `etype` named `name`.
    pub fn name<'a>(&'a self, etype: EntityType, name: &'a str) -> &'a str {
        if etype != EntityType::Person {
            name
        } else if name.contains(' ') {
            self.canonical.get(name).map_or(name, String::as_str)
        } else {
            match self.lone.get(fold_token(name).as_str()) {
                Some(Some(person)) => person,
                _ => name,
            }
        }
    }

    /// (corpus-wide id, canonical name) of an article-level entity.
    pub fn link(&self, etype: EntityType, name: &str) -> (String, String) {
        let canonical = self.name(etype, name);
        (entity_id(etype.as_str(), canonical), canonical.to_string())
    }
}

/// The key an unlinked parse writes where the id goes: `PERSON:Sergei Lavrov`, the type and
/// the article-level name as found (types hold no `:`, so the first one splits it back).
pub fn linking_key(etype: EntityType, name: &str) -> String {
    format!("{}:{name}", etype.as_str())
}

/// Type and name of a `linking_key`; None when it is not one.
pub fn parse_linking_key(key: &str) -> Option<(EntityType, &str)> {
    let (etype, name) = key.split_once(':')?;
    Some((EntityType::parse(etype)?, name))
}

/// Links keys gathered over a whole corpus (key -> mentions): (id, canonical name) per key
/// in order, or the first key that is not a `linking_key`.
pub fn link_keys(keys: &[(String, usize)]) -> Result<Vec<(String, String)>, String> {
    let mut parsed = Vec::with_capacity(keys.len());
    let mut people: BTreeMap<&str, usize> = BTreeMap::new();
    for (key, mentions) in keys {
        let (etype, name) = parse_linking_key(key).ok_or_else(|| key.clone())?;
        if etype == EntityType::Person && name.contains(' ') {
            *people.entry(name).or_default() += mentions;
        }
        parsed.push((etype, name));
    }
    let names = CanonicalNames::new(&people);
    Ok(parsed
        .into_iter()
        .map(|(etype, name)| names.link(etype, name))
        .collect())
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

    fn article(id: usize, people: &[(&str, usize)]) -> ParsedArticle {
        use crate::model::{Entity, Format, Mention, Metadata, Span};
        let entities = people
            .iter()
            .map(|(name, _)| Entity {
                name: name.to_string(),
                etype: EntityType::Person,
                known_id: None,
                country: None,
            })
            .collect();
        let mentions = people
            .iter()
            .enumerate()
            .flat_map(|(i, (name, n))| {
                (0..*n).map(move |_| Mention {
                    span: Span {
                        block: 0,
                        start: 0,
                        end: 1,
                    },
                    text: name.to_string(),
                    etype: EntityType::Person,
                    name: name.to_string(),
                    role: None,
                    entity: i,
                })
            })
            .collect();
        ParsedArticle {
            article_id: id.to_string(),
            source: id.to_string(),
            format: Format::Text,
            blocks: Vec::new(),
            meta: Metadata::default(),
            entities,
            mentions,
            quotes: Vec::new(),
            citations: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn canonical_names_do_not_depend_on_input_order() {
        let a = article(0, &[("Volodymyr Zelensky", 2), ("Zelensky", 1)]);
        let b = article(1, &[("Volodymyr Zelenskiy", 2)]);
        let forward = link_corpus(&[a.clone(), b.clone()]);
        let backward = link_corpus(&[b, a]);
        assert_eq!(forward[0][0], backward[1][0]);
        assert_eq!(forward[1][0], backward[0][0]);
        // Equal counts: the lexically smallest form names the cluster, in either order.
        assert_eq!(forward[0][0].1, "Volodymyr Zelenskiy");
        assert_eq!(forward[0][1].1, "Volodymyr Zelenskiy");
    }

    /// 20,000 articles of six new people each, every surname shared by four people with
    /// different given names: comparisons grow with the people, not with their square (all
    /// pairs would be 7.2e9 at 120,000 people).
    #[test]
    fn linking_compares_near_linearly_in_distinct_people() {
        const SYLLABLES: &[&str] = &[
            "ka", "lo", "mi", "ran", "tes", "vo", "zu", "bel", "dor", "sen",
        ];
        // Distinct numbers give distinct (and fold-distinct) made-up words.
        let word = |mut n: usize| {
            let mut s = String::from("Q");
            loop {
                s.push_str(SYLLABLES[n % 10]);
                n /= 10;
                if n == 0 {
                    break s;
                }
            }
        };
        let corpus: Vec<Vec<String>> = (0..20_000)
            .map(|a| {
                (0..6)
                    .map(|j| {
                        let person = a * 6 + j;
                        format!("{} {}", word(person * 7 + 3), word(person / 4))
                    })
                    .collect()
            })
            .collect();
        let comparisons = |n: usize| {
            let articles: Vec<ParsedArticle> = corpus[..n]
                .iter()
                .enumerate()
                .map(|(i, names)| {
                    let people: Vec<(&str, usize)> =
                        names.iter().map(|s| (s.as_str(), 1)).collect();
                    article(i, &people)
                })
                .collect();
            link_counting(&articles).1
        };
        let (small, large) = (comparisons(5_000), comparisons(20_000));
        assert!(
            large <= small * 9 / 2 + 1_000,
            "{small} comparisons at 5,000 articles, {large} at 20,000"
        );
        assert!(
            large <= 20_000 * 6 * 2,
            "{large} comparisons for 120,000 people"
        );
    }

    #[test]
    fn linking_keys_give_the_ids_of_linking_articles() {
        let a = article(0, &[("Volodymyr Zelensky", 2), ("Zelensky", 1)]);
        let b = article(1, &[("Volodymyr Zelenskiy", 3), ("Wang Yi", 1)]);
        let articles = [a, b];
        let direct: Vec<(String, String)> = link_corpus(&articles).concat();
        let mut keys: Vec<(String, usize)> = Vec::new();
        for a in &articles {
            for (i, e) in a.entities.iter().enumerate() {
                let n = a.mentions.iter().filter(|m| m.entity == i).count();
                keys.push((linking_key(e.etype, &e.name), n));
            }
        }
        assert_eq!(link_keys(&keys).unwrap(), direct);
        assert_eq!(direct[1].0, "PERSON:volodymyr_zelenskiy");
    }

    #[test]
    fn a_key_that_is_not_one_is_named() {
        assert_eq!(
            link_keys(&[("no type here".into(), 1)]),
            Err("no type here".to_string())
        );
        assert_eq!(
            parse_linking_key("ORG:Acme: the company"),
            Some((EntityType::Org, "Acme: the company"))
        );
    }

    #[test]
    fn ids_are_readable_slugs() {
        assert_eq!(entity_id("GPE", "United States"), "GPE:united_states");
    }
}
