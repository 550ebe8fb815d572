//! Decides what an unknown capitalised run is, from evidence around and inside it.
//!
//! Evidence, strongest first: an organisation head as last word ("... Council") or an event
//! head ("... War"); a person title before it, inside the run or as an appositive ("top
//! diplomat, Wang Yi"); a known given name first or surname last; a reporting verb right
//! after it ("Heckl told"). A lone word with no evidence is left to coreference.

use crate::lexicon;
use crate::model::EntityType;
use regex::Regex;
use std::sync::LazyLock;

/// What typing concluded about a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Typed(EntityType),
    /// No evidence yet: coreference may join it to a known name.
    Unknown,
}

static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:World War (?:One|Two|Three|I{1,3}|[123])|(?:\p{Lu}[\p{L}-]*\s+)+(?:War|Wars|Olympics|Olympic Games|Cup|Championships?|Summit|Crisis|Revolution|Festival|Expo|Uprising|Massacre|Spring|Marathon|Grand Prix|Open|Election|Referendum|Awards|Tour|Classic|Gala))$").unwrap()
});

/// Holidays and feasts that news writes as names ("Christmas", "Thanksgiving Day", "Lunar
/// New Year"): named events, as the guide counts them, compiled by the newsframe authors from
/// the public and religious holidays of general calendars. One word is enough evidence.
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Christmas|Thanksgiving|Easter|Halloween|Hanukkah|Chanukah|Passover|Ramadan|Diwali|Kwanzaa|Yom Kippur|Rosh Hashanah|Lunar New Year|Mardi Gras|Boxing Day|Memorial Day|Labor Day|Labour Day|Veterans Day|Independence Day|Valentine['’]s Day|Mother['’]s Day|Father['’]s Day|New Year['’]s(?: Day| Eve)?)(?: Day| Eve)?$").unwrap()
});

/// Last words of the names of local and regional governments: "Wayne County", "Orleans
/// Parish", "Hebei Province" are polities (GPE), unlike the streets and landforms of
/// `location_heads.txt`.
const POLITY_HEADS: &[&str] = &[
    "County",
    "Parish",
    "Township",
    "Borough",
    "Province",
    "Prefecture",
    "Oblast",
    "Governorate",
];

/// Lower-case particles inside personal names ("Ursula von der Leyen", "Mohammed bin Salman").
const PARTICLES: &[&str] = &[
    "de", "del", "della", "da", "dos", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la",
    "le", "du", "y",
];

/// Lower-case particles inside personal names ("van", "bin", "de").
pub fn is_name_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// Words that follow a name and make it a speaker.
pub fn is_reporting_verb(word: &str) -> bool {
    // Naming and publishing verbs ("dubbed", "reported") say nothing about a person.
    lexicon::get()
        .reporting_verb(word)
        .is_some_and(|v| matches!(v.class.as_str(), "speech" | "stance"))
}

/// Whether a phrase is a person title ("President", "top diplomat", "Lt. Gen.").
pub fn is_person_title(phrase: &str) -> bool {
    let titles = &lexicon::get().titles;
    titles
        .get(phrase)
        .or_else(|| titles.get(&phrase.to_lowercase()))
        .is_some_and(|k| k == "person")
}

/// Titles of monarchs and their families, which news writes as part of the name ("King
/// Charles", "Princess Anne"), unlike the offices of "President Putin".
pub fn is_sovereign_title(title: &str) -> bool {
    matches!(
        title,
        "King" | "Queen" | "Prince" | "Princess" | "Emperor" | "Empress" | "Tsar" | "Czar"
    )
}

/// Whether a phrase is any title (person or organisation designation).
pub fn is_title(phrase: &str) -> bool {
    let titles = &lexicon::get().titles;
    titles.contains_key(phrase) || titles.contains_key(&phrase.to_lowercase())
}

/// The longest person title the text before a name ends with, as written.
///
/// `before` is the text up to the name. Looks at up to five words, so "Kremlin spokesman"
/// gives "spokesman" and "China's top diplomat" gives "top diplomat"; an appositive comma
/// ("the foreign minister, Sergey Lavrov") is allowed.
pub fn title_before(before: &str) -> Option<String> {
    // Five words fit in the last 120 bytes; never scan the whole block.
    let mut cut = before.len().saturating_sub(120);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let before = &before[cut..];
    let trimmed = before.trim_end();
    let trimmed = trimmed.strip_suffix(',').unwrap_or(trimmed).trim_end();
    if trimmed.len() == before.len() && !before.is_empty() {
        return None; // the name is glued to the previous word
    }
    let words: Vec<&str> = trimmed.split(' ').collect();
    for n in (1..=5.min(words.len())).rev() {
        let phrase = words[words.len() - n..].join(" ");
        let phrase = phrase.trim_start_matches(['“', '"', '(', '‘']);
        if is_person_title(phrase) {
            return Some(phrase.to_string());
        }
    }
    None
}

/// Verbs of posting that, with "on", name the platform posted on: "posted on X", "wrote on
/// Substack", "said in a post on Instagram".
const POSTING: &[&str] = &[
    "post",
    "posts",
    "posted",
    "posting",
    "tweet",
    "tweets",
    "tweeted",
    "tweeting",
    "wrote",
    "writes",
    "writing",
    "shared",
    "shares",
    "sharing",
    "uploaded",
    "streamed",
    "livestreamed",
    "comment",
    "comments",
    "commented",
    "video",
    "videos",
    "account",
    "accounts",
    "page",
    "channel",
    "message",
    "statement",
    "announced",
    "followers",
];

/// Whether the text before a word ends with a posting verb and "on" ("She posted on ").
pub fn posted_on(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(" on ") else {
        return false;
    };
    let verb = rest.rsplit([' ', '\n']).next().unwrap_or("");
    POSTING.contains(&verb)
}

/// "Tory MPs", "Labour MEPs": a plural acronym ends a group's name, never a person's.
fn is_plural_acronym(word: &str) -> bool {
    word.len() >= 3
        && word.ends_with('s')
        && word[..word.len() - 1]
            .chars()
            .all(|c| c.is_ascii_uppercase())
}

/// Whether a name ending in `last` names a group of people ("Democrats", "Tory MPs"): a
/// plural that is no known surname, so a reporting verb after it is no evidence of a person.
pub fn names_a_group(last: &str) -> bool {
    is_plural_acronym(last)
        || (last.ends_with('s') && !last.ends_with("ss") && !lexicon::get().is_surname(last))
}

/// "Elizabeth Street", "Carlton Gardens", "Royal Exhibition Building": a place by its head
/// word; "Nathan Lane" stays a name, as the head is also a surname after a given name.
pub fn is_location_name(words: &[&str]) -> bool {
    let lex = lexicon::get();
    // "Bourke St East", "Main Street North": a compass point after the head.
    let compass = ["North", "South", "East", "West"];
    let words = match words {
        [rest @ .., last] if rest.len() >= 2 && compass.contains(last) => rest,
        _ => words,
    };
    let n = words.len();
    let Some(&also_surname) = lex.location_heads.get(words[n - 1]) else {
        return false;
    };
    n >= 2
        && !lex.is_function_word(words[0])
        && !(also_surname && n == 2 && lex.is_given_name(words[0]))
}

/// Types a run of capitalised words (`words`, as written, possessive cut).
pub fn classify(words: &[&str], role: Option<&str>, speaks: bool) -> Verdict {
    let lex = lexicon::get();
    let n = words.len();
    let last = words[n - 1];
    // Before the heads of organisations: "World Baseball Classic", "Sony World Photography
    // Awards" end in an event's head whatever words lead them.
    let joined = words.join(" ");
    if (n >= 2 && EVENT.is_match(&joined)) || HOLIDAY.is_match(&joined) {
        return Verdict::Typed(EntityType::Event);
    }
    // "The Detroit News", "Otago Daily Times": a newspaper's nameplate, all in capitals.
    if n >= 2
        && lex.nameplate_heads.contains(last)
        && !lex.is_function_word(words[0])
        && words.iter().all(|w| !w.starts_with(char::is_lowercase))
    {
        return Verdict::Typed(EntityType::Media);
    }
    if n >= 2 && (lex.org_suffixes.contains(last) || lex.org_prefixes.contains(words[0])) {
        return Verdict::Typed(EntityType::Org);
    }
    // "FileHippo", "QuestionPro", "TheStreet": a word run on into a second capitalised word
    // is how companies, apps and sites are named, seldom people ("McKinsey", "DeSantis").
    if n == 1 && is_compound_brand(last) {
        return Verdict::Typed(EntityType::Org);
    }
    // "Elizabeth Street", "Carlton Gardens": places named after people are still places.
    if is_location_name(words) {
        return Verdict::Typed(EntityType::Loc);
    }
    // "Broward County", "Sichuan Province": a county, parish or province governs itself.
    if n >= 2 && POLITY_HEADS.contains(&last) && !lex.is_function_word(words[0]) {
        return Verdict::Typed(EntityType::Gpe);
    }
    // "Bank of England", "Center for Cognition": an organisation head before "of" or "for".
    if n >= 3
        && words.windows(2).enumerate().any(|(k, w)| {
            // "for" only near the start: "Secretary of State for Urbanism" is an office.
            (w[1] == "of" || (w[1] == "for" && k <= 1)) && lex.org_suffixes.contains(w[0])
        })
    {
        return Verdict::Typed(EntityType::Org);
    }
    // Person names are Title-case words (or initials) joined only by name particles; an
    // acronym or "of"/"for" makes it something else ("Atlas VPN", "Hunt for Gold").
    let name_shaped = words.iter().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let lower_initial = w.chars().next().is_some_and(char::is_lowercase);
        if lower_initial {
            return PARTICLES.contains(w);
        }
        letters <= 1 || w.chars().skip(1).any(char::is_lowercase)
    });
    if !name_shaped {
        let acronym =
            n == 1 && words[0].chars().count() >= 2 && words[0].chars().all(|c| c.is_uppercase());
        return if acronym && speaks {
            Verdict::Typed(EntityType::Org)
        } else {
            Verdict::Unknown
        };
    }
    if is_plural_acronym(last) {
        return Verdict::Unknown;
    }
    if role.is_some_and(is_person_title) {
        return Verdict::Typed(EntityType::Person);
    }
    if (2..=4).contains(&n) {
        let given = lex.is_given_name(words[0]);
        let surname_last = lex.is_surname(last);
        let surname_first = n <= 3 && lex.is_surname(words[0]);
        if given || surname_last || surname_first {
            return Verdict::Typed(EntityType::Person);
        }
    }
    if speaks && n <= 3 && !names_a_group(last) {
        return Verdict::Typed(EntityType::Person);
    }
    if reads_as_personal_name(words) {
        return Verdict::Typed(EntityType::Person);
    }
    Verdict::Unknown
}

/// Name prefixes that a capital follows inside surnames: "MacArthur", "VanDyke", "FitzGerald",
/// "DelGado", "LaRue", "DiCaprio" (one- and two-letter ones are never taken as a brand).
const SURNAME_PREFIXES: &[&str] = &["Mac", "Van", "Von", "Vander", "Fitz", "Del", "Della", "San"];

/// Title-case parts run together ("File|Hippo", "Go|Fund|Me", "Open|AI"): two capitals or
/// more may end the word, no digit and no capital pair inside (identifiers such as "SB9MorcxLy" are
/// no names).
static COMPOUND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{Lu}\p{Ll}+)+(?:\p{Lu}\p{Ll}+|\p{Lu}{2,})$").unwrap());

/// Months as abbreviated in datelines: "GriffinOct" is a name glued to a date.
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// A word of Title-case parts run together whose first part (of two) has two lower-case
/// letters or more and is no surname prefix, and no later part a "Mc" surname or a month: "FileHippo",
/// "ShareWareOnSale", "TheStreet", not "McKinsey", "MacArthur", "DeSantis" or the glued
/// "LeaderMcConnell".
pub fn is_compound_brand(word: &str) -> bool {
    if !COMPOUND.is_match(word) {
        return false;
    }
    let starts: Vec<usize> = word
        .char_indices()
        .filter(|(_, c)| c.is_uppercase())
        .map(|(i, _)| i)
        .collect();
    let first = &word[..starts[1]];
    let mut parts = starts[1..].iter().map(|&i| {
        let rest = &word[i..];
        let end = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| c.is_uppercase())
            .map_or(rest.len(), |(k, _)| k);
        &rest[..end]
    });
    (first.chars().count() >= 3 || starts.len() >= 3)
        && !SURNAME_PREFIXES.contains(&first)
        && parts
            .clone()
            .all(|p| !p.starts_with("Mc") && !p.starts_with("Mac"))
        && parts.next_back().is_some_and(|p| !MONTHS.contains(&p))
}

/// "Gheorghe Hagi", "Takuya Takagi": two or three Title-case words that no list knows and no
/// head word marks as an organisation, place or event, at least one of them no common
/// English word (so "White Elephant", "Transit Lounge" stay out). In news prose such a run
/// is a person's name far more often than anything else, whatever the name's origin, so
/// the name lists stop being the limit of what is recognised.
pub fn reads_as_personal_name(words: &[&str]) -> bool {
    let lex = lexicon::get();
    let n = words.len();
    (2..=3).contains(&n)
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                && w.chars().skip(1).any(char::is_lowercase)
                && !lex.is_function_word(w)
                && !is_title(w)
                && !lex.org_suffixes.contains(*w)
                && !lex.org_prefixes.contains(*w)
                && !lex.location_heads.contains_key(*w)
        })
        && !names_a_group(words[n - 1])
        && words.iter().any(|w| !lex.is_common_word(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streets_with_a_compass_point_are_places() {
        assert!(is_location_name(&["Bourke", "St", "East"]));
        assert!(is_location_name(&["Main", "Street", "North"]));
        assert!(!is_location_name(&["Kim", "Jong", "West"]));
    }

    #[test]
    fn unknown_name_shaped_runs_are_people_common_words_are_not() {
        assert!(reads_as_personal_name(&["Gheorghe", "Hagi"]));
        assert!(reads_as_personal_name(&["Shivnarine", "Chanderpaul"]));
        assert!(!reads_as_personal_name(&["White", "Elephant"]));
        assert!(!reads_as_personal_name(&["Transit", "Lounge"]));
        assert!(!reads_as_personal_name(&["Hagi"]));
        assert!(!reads_as_personal_name(&["Tory", "MPs"]));
    }

    #[test]
    fn organisation_and_event_heads() {
        assert_eq!(
            classify(&["National", "Tea", "Council"], None, false),
            Verdict::Typed(EntityType::Org)
        );
        assert_eq!(
            classify(&["Cold", "War"], None, false),
            Verdict::Typed(EntityType::Event)
        );
        assert_eq!(
            classify(&["World", "War", "Two"], None, false),
            Verdict::Typed(EntityType::Event)
        );
    }

    #[test]
    fn words_run_on_into_a_capital_are_brands_not_surnames() {
        for w in [
            "FileHippo",
            "ShareWareOnSale",
            "TheStreet",
            "QuestionPro",
            "OpenAI",
            "CaféTO",
        ] {
            assert!(is_compound_brand(w), "{w}");
            assert_eq!(classify(&[w], None, true), Verdict::Typed(EntityType::Org));
        }
        for w in [
            "McKinsey",
            "MacArthur",
            "DeSantis",
            "LeBron",
            "VanDyke",
            "NATO",
            "Smith",
            "SB9MorcxLy",
            "CjwKCAiAhJWsBhAa",
            "LeaderMcConnell",
            "GriffinOct",
        ] {
            assert!(!is_compound_brand(w), "{w}");
        }
    }

    #[test]
    fn sovereigns_titles_only() {
        assert!(is_sovereign_title("King") && is_sovereign_title("Princess"));
        assert!(!is_sovereign_title("President") && !is_sovereign_title("king"));
    }

    #[test]
    fn counties_and_provinces_are_polities() {
        assert_eq!(
            classify(&["Broward", "County"], None, false),
            Verdict::Typed(EntityType::Gpe)
        );
        assert_eq!(
            classify(
                &["Wayne", "County", "Board", "of", "Canvassers"],
                None,
                false
            ),
            Verdict::Typed(EntityType::Org)
        );
        assert_eq!(classify(&["County"], None, false), Verdict::Unknown);
    }

    #[test]
    fn streets_and_buildings_are_places() {
        assert_eq!(
            classify(&["Elizabeth", "Street"], None, false),
            Verdict::Typed(EntityType::Loc)
        );
        assert_eq!(
            classify(&["Royal", "Exhibition", "Building"], None, false),
            Verdict::Typed(EntityType::Loc)
        );
        assert_eq!(classify(&["Street"], None, false), Verdict::Unknown);
        assert_eq!(
            classify(&["Nathan", "Lane"], None, false),
            Verdict::Typed(EntityType::Person)
        );
        assert_eq!(
            classify(&["Drury", "Lane"], None, false),
            Verdict::Typed(EntityType::Loc)
        );
    }

    #[test]
    fn newspaper_nameplates() {
        assert_eq!(
            classify(&["Detroit", "News"], None, false),
            Verdict::Typed(EntityType::Media)
        );
        assert_eq!(
            classify(&["Otago", "Daily", "Times"], None, false),
            Verdict::Typed(EntityType::Media)
        );
        assert_eq!(classify(&["News"], None, false), Verdict::Unknown);
        assert_eq!(
            classify(&["Install", "the", "Sky", "News"], None, false),
            Verdict::Unknown
        );
    }

    #[test]
    fn person_evidence() {
        assert_eq!(
            classify(&["Zorblat", "Quimby"], Some("President"), false),
            Verdict::Typed(EntityType::Person)
        );
        assert_eq!(
            classify(&["Jake", "Zorblat"], None, false),
            Verdict::Typed(EntityType::Person)
        );
        assert_eq!(
            classify(&["Zorblat"], None, true),
            Verdict::Typed(EntityType::Person)
        );
        assert_eq!(classify(&["Zorblat"], None, false), Verdict::Unknown);
        assert_eq!(classify(&["Zorblats"], None, true), Verdict::Unknown);
        assert_eq!(classify(&["Atlas", "VPN"], None, false), Verdict::Unknown);
        assert_eq!(
            classify(&["Hunt", "for", "Gold"], None, false),
            Verdict::Unknown
        );
        assert_eq!(
            classify(&["ZXQ"], None, true),
            Verdict::Typed(EntityType::Org)
        );
    }

    #[test]
    fn a_word_posted_on_is_a_platform() {
        assert!(posted_on("the zoo said in a post on "));
        assert!(posted_on("Gullis wrote on "));
        assert!(!posted_on("He met officials on "));
        assert!(!posted_on("posted "));
    }

    #[test]
    fn titles_before_a_name() {
        assert_eq!(title_before("a spokesman ").as_deref(), Some("spokesman"));
        assert_eq!(
            title_before("Russia's foreign minister, ").as_deref(),
            Some("foreign minister")
        );
        assert_eq!(title_before("talks with "), None);
    }
}
