//! The lexicons compiled into the binary (see `lexicons/SOURCES.md` for sources and licenses).
//!
//! Files are embedded with `include_str!` so the wheel needs no data files at run time, and
//! parsed once on first use. Lookups are case-sensitive where case carries meaning (names,
//! outlets) and case-insensitive for function words.
//!
//! Look-ups run for nearly every word of every article, so the sets hash with `ahash` (a few
//! times faster than the standard SipHash on short strings, still keyed per process) and
//! case-insensitive look-ups lower-case ASCII words on the stack (`with_lowercase`).

use std::sync::LazyLock;

/// The hash map the hot look-ups use: `ahash`, keyed randomly per process like the standard
/// one, so no input can be crafted to collide.
pub type HashMap<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;
/// The hash set the hot look-ups use (see `HashMap`).
pub type HashSet<K> = std::collections::HashSet<K, ahash::RandomState>;

/// Calls `f` with `word` in lower case (`str::to_lowercase`), without allocating for ASCII
/// words up to 64 bytes: the per-word `String` was a tenth of the pipeline's time.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const STACK: usize = 64;
    if !word.is_ascii() || word.len() > STACK {
        return f(&word.to_lowercase());
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    let mut buf = [0u8; STACK];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
}

/// A country with the forms news writes it in and its demonyms.
#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
}

/// A named place: `GPE` for places with a government, `LOC` for geography.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: String,
    pub is_gpe: bool,
    pub country: String,
    pub aliases: Vec<String>,
}

/// A news outlet or agency.
#[derive(Debug, Clone)]
pub struct Outlet {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
}

/// An organisation and its aliases.
#[derive(Debug, Clone)]
pub struct Organization {
    pub name: String,
    pub aliases: Vec<String>,
}

/// A reporting verb form with its lemma and class (`speech`, `stance`, `report`).
#[derive(Debug, Clone)]
pub struct ReportingVerb {
    pub lemma: String,
    pub class: String,
}

/// All lexicons, parsed.
#[derive(Debug, Default)]
pub struct Lexicons {
    pub countries: Vec<Country>,
    /// Religions, ethnic and political groups: (canonical name, surface forms), typed NORP.
    pub groups: Vec<(String, Vec<String>)>,
    pub places: Vec<Place>,
    pub organizations: Vec<Organization>,
    pub outlets: Vec<Outlet>,
    given_names: HashSet<String>,
    surnames: HashSet<String>,
    function_words: HashSet<String>,
    common_words: HashSet<String>,
    chrome_words: HashSet<String>,
    /// Reporting verb forms (lower case) -> verb.
    pub reporting_verbs: HashMap<String, ReportingVerb>,
    /// Title words and phrases -> kind (`person` or `org`).
    pub titles: HashMap<String, String>,
    pub org_suffixes: HashSet<String>,
    /// Words that open an organisation's name ("PT", "AC", "Real").
    pub org_prefixes: HashSet<String>,
    /// Sports nouns written after a team's name (`after`: adjectives may come between;
    /// `next`: right after it) or before it (`before`).
    pub team_roles_after: HashSet<String>,
    pub team_roles_next: HashSet<String>,
    pub team_roles_before: HashSet<String>,
    /// Last words of newspaper and broadcaster names ("... News", "... Herald").
    pub nameplate_heads: HashSet<String>,
    /// Last words of street, building and landform names ("... Street", "... Gardens") ->
    /// whether the word is also a common surname ("Lane", "Bay").
    pub location_heads: HashMap<String, bool>,
    /// Unnamed-source phrases (lower case) -> `anonymous` or `official`.
    pub anonymous_sources: Vec<(String, String)>,
    outlet_index: HashMap<String, usize>,
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::load);

/// The embedded lexicons.
pub fn get() -> &'static Lexicons {
    &LEXICONS
}

/// Data lines of a lexicon file: no comments, no blank lines.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn team_roles(side: &str) -> HashSet<String> {
    rows(include_str!("../lexicons/team_roles.tsv"))
        .filter(|r| r.get(1) == Some(&side))
        .map(|r| r[0].to_string())
        .collect()
}

fn list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

impl Lexicons {
    fn load() -> Lexicons {
        let mut lex = Lexicons {
            countries: rows(include_str!("../lexicons/countries.tsv"))
                .map(|r| Country {
                    name: r[0].to_string(),
                    aliases: list(r.get(1)),
                    demonyms: list(r.get(2)),
                })
                .collect(),
            places: rows(include_str!("../lexicons/places.tsv"))
                .map(|r| Place {
                    name: r[0].to_string(),
                    is_gpe: r.get(1).is_none_or(|t| *t != "LOC"),
                    country: r.get(2).unwrap_or(&"").to_string(),
                    aliases: list(r.get(3)),
                })
                .collect(),
            organizations: rows(include_str!("../lexicons/organizations.tsv"))
                .map(|r| Organization {
                    name: r[0].to_string(),
                    aliases: list(r.get(1)),
                })
                .collect(),
            outlets: rows(include_str!("../lexicons/outlets.tsv"))
                .map(|r| Outlet {
                    name: r[0].to_string(),
                    kind: r.get(1).unwrap_or(&"").to_string(),
                    aliases: list(r.get(3)),
                })
                .collect(),
            given_names: rows(include_str!("../lexicons/given_names.txt"))
                .map(|r| r[0].to_string())
                .collect(),
            surnames: rows(include_str!("../lexicons/surnames.txt"))
                .map(|r| r[0].to_string())
                .collect(),
            function_words: rows(include_str!("../lexicons/function_words.txt"))
                .map(|r| r[0].to_lowercase())
                .collect(),
            common_words: rows(include_str!("../lexicons/common_words.txt"))
                .map(|r| r[0].to_string())
                .collect(),
            chrome_words: rows(include_str!("../lexicons/chrome_words.txt"))
                .map(|r| r[0].to_lowercase())
                .collect(),
            titles: rows(include_str!("../lexicons/titles.tsv"))
                .map(|r| (r[0].to_string(), r.get(1).unwrap_or(&"person").to_string()))
                .collect(),
            groups: rows(include_str!("../lexicons/groups.tsv"))
                .map(|r| (r[0].to_string(), list(r.get(1))))
                .collect(),
            team_roles_after: team_roles("after"),
            team_roles_next: team_roles("next"),
            team_roles_before: team_roles("before"),
            org_prefixes: rows(include_str!("../lexicons/org_prefixes.txt"))
                .map(|r| r[0].to_string())
                .collect(),
            org_suffixes: rows(include_str!("../lexicons/org_suffixes.txt"))
                .map(|r| r[0].to_string())
                .collect(),
            nameplate_heads: rows(include_str!("../lexicons/nameplate_heads.txt"))
                .map(|r| r[0].to_string())
                .collect(),
            location_heads: rows(include_str!("../lexicons/location_heads.txt"))
                .map(|r| (r[0].to_string(), r.get(1) == Some(&"surname")))
                .collect(),
            anonymous_sources: rows(include_str!("../lexicons/anonymous_sources.tsv"))
                .map(|r| {
                    (
                        r[0].to_lowercase(),
                        r.get(1).unwrap_or(&"anonymous").to_string(),
                    )
                })
                .collect(),
            ..Default::default()
        };
        for r in rows(include_str!("../lexicons/reporting_verbs.tsv")) {
            let verb = ReportingVerb {
                lemma: r[0].to_string(),
                class: r.get(2).unwrap_or(&"speech").to_string(),
            };
            for form in list(r.get(1)).into_iter().chain([r[0].to_string()]) {
                lex.reporting_verbs
                    .entry(form.to_lowercase())
                    .or_insert_with(|| verb.clone());
            }
        }
        for (i, o) in lex.outlets.iter().enumerate() {
            for form in std::iter::once(&o.name).chain(&o.aliases) {
                lex.outlet_index.entry(form.clone()).or_insert(i);
                if let Some(rest) = form.strip_prefix("The ") {
                    lex.outlet_index.entry(rest.to_string()).or_insert(i);
                }
            }
        }
        lex
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Frequent English words mostly written in lower case ("lounge", "panic"), any case.
    pub fn is_common_word(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.common_words.contains(w))
    }

    /// Function words, sentence adverbs, months, weekdays and menu words, any case.
    pub fn is_function_word(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.function_words.contains(w))
    }

    /// Menu and page-chrome words ("Home", "Subscribe", "World"), any case.
    pub fn is_chrome_word(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.chrome_words.contains(w))
    }

    /// The outlet written as `form` (name or alias, with or without a leading "The"/"the").
    pub fn outlet(&self, form: &str) -> Option<&Outlet> {
        let form = form.trim();
        let bare = form
            .strip_prefix("the ")
            .or(form.strip_prefix("The "))
            .unwrap_or(form);
        self.outlet_index
            .get(form)
            .or_else(|| self.outlet_index.get(bare))
            .map(|&i| &self.outlets[i])
    }

    /// The reporting verb of a word form, if it is one.
    pub fn reporting_verb(&self, word: &str) -> Option<&ReportingVerb> {
        with_lowercase(word, |w| self.reporting_verbs.get(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_answer() {
        let lex = get();
        assert!(lex.is_function_word("However"));
        assert!(lex.outlet("the Wall Street Journal").is_some());
        assert_eq!(
            lex.reporting_verb("said").map(|v| v.lemma.as_str()),
            Some("say")
        );
        assert!(lex.countries.iter().any(|c| c.name == "China"));
    }

    #[test]
    fn with_lowercase_agrees_with_to_lowercase() {
        let long = "A".repeat(65);
        for w in [
            "said",
            "Said",
            "U.S.",
            "ÉLYSÉE",
            "İstanbul",
            "ΟΔΟΣ",
            long.as_str(),
            "",
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase());
        }
    }
}
