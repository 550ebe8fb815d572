//! US states in the abbreviations of news style after a town: "Tacoma, Wash.", "Seattle,
//! Fla.", "Raleigh, N.C.". Alone, most of these are words or titles ("Miss.", "Ill.",
//! "Mass."); after a capitalised word and a comma they name the state, and mean the same
//! entity as the state's full name elsewhere in the story. So do they in a legislator's
//! party tag, "(D-W.Va.)".
//!
//! The forms are those of the AP Stylebook's state abbreviations (the eight states it never
//! abbreviates are left out, "Tex." kept from older wire copy).

use regex::Regex;
use std::sync::LazyLock;

/// (abbreviation as written, the state's name as `places.tsv` has it).
const STATES: &[(&str, &str)] = &[
    ("Ala.", "Alabama"),
    ("Ariz.", "Arizona"),
    ("Ark.", "Arkansas"),
    ("Calif.", "California"),
    ("Colo.", "Colorado"),
    ("Conn.", "Connecticut"),
    ("Del.", "Delaware"),
    ("Fla.", "Florida"),
    ("Ga.", "Georgia"),
    ("Ill.", "Illinois"),
    ("Ind.", "Indiana"),
    ("Kan.", "Kansas"),
    ("Ky.", "Kentucky"),
    ("La.", "Louisiana"),
    ("Md.", "Maryland"),
    ("Mass.", "Massachusetts"),
    ("Mich.", "Michigan"),
    ("Minn.", "Minnesota"),
    ("Miss.", "Mississippi"),
    ("Mo.", "Missouri"),
    ("Mont.", "Montana"),
    ("Neb.", "Nebraska"),
    ("Nev.", "Nevada"),
    ("N.H.", "New Hampshire"),
    ("N.J.", "New Jersey"),
    ("N.M.", "New Mexico"),
    ("N.Y.", "New York"),
    ("N.C.", "North Carolina"),
    ("N.D.", "North Dakota"),
    ("Okla.", "Oklahoma"),
    ("Ore.", "Oregon"),
    ("Pa.", "Pennsylvania"),
    ("R.I.", "Rhode Island"),
    ("S.C.", "South Carolina"),
    ("S.D.", "South Dakota"),
    ("Tenn.", "Tennessee"),
    ("Tex.", "Texas"),
    ("Vt.", "Vermont"),
    ("Va.", "Virginia"),
    ("Wash.", "Washington"),
    ("W.Va.", "West Virginia"),
    ("Wis.", "Wisconsin"),
    ("Wyo.", "Wyoming"),
];

/// A capitalised word, a comma, then an abbreviation; the abbreviation is group 1. The
/// abbreviation must end the word ("La." but not "La.-based" or "Ga.s").
static AFTER_TOWN: LazyLock<Regex> = LazyLock::new(|| {
    abbreviation_after(
        r"\p{Lu}[\p{L}'’.-]*\p{Ll}[)]?, (?:\(?)",
        r"(?:[\s,;:)”\x22]|$)",
    )
});

/// A legislator's party and state in news style, "(D-W.Va.)", "Sen. Rand Paul, R-Ky.,":
/// the party's initial, a hyphen, the abbreviation (group 1).
static PARTY_TAG: LazyLock<Regex> =
    LazyLock::new(|| abbreviation_after(r"(?:^|[\s(\[])[DRI]-", r"(?:[\s,;:)\]”\x22]|$)"));

/// `before`, any state's abbreviation as group 1, then `after`.
fn abbreviation_after(before: &str, after: &str) -> Regex {
    let alts: Vec<String> = STATES.iter().map(|(a, _)| regex::escape(a)).collect();
    Regex::new(&format!("{before}({}){after}", alts.join("|"))).unwrap()
}

/// Byte spans of the state abbreviations written after a town in `text`, with the state.
pub fn after_towns(text: &str) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    if text.contains(", ") {
        out.extend(AFTER_TOWN.captures_iter(text).filter_map(state_of));
    }
    if text.contains('-') {
        out.extend(PARTY_TAG.captures_iter(text).filter_map(state_of));
        out.sort_unstable();
    }
    out
}

fn state_of(c: regex::Captures) -> Option<(usize, usize, &'static str)> {
    let m = c.get(1)?;
    let state = STATES.iter().find(|(a, _)| *a == m.as_str())?.1;
    Some((m.start(), m.end(), state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abbreviation_after_a_town_is_the_state() {
        let text = "He moved from Tacoma, Wash., to Jackson, Miss. and then Raleigh, N.C.";
        let found: Vec<&str> = after_towns(text).iter().map(|f| f.2).collect();
        assert_eq!(found, ["Washington", "Mississippi", "North Carolina"]);
        let (s, e, _) = after_towns(text)[0];
        assert_eq!(&text[s..e], "Wash.");
    }

    #[test]
    fn an_abbreviation_in_a_party_tag_is_the_state() {
        for (text, form, state) in [
            (
                "Sen. Joe Manchin (D-W.Va.) said no.",
                "W.Va.",
                "West Virginia",
            ),
            ("Sen. Rand Paul, R-Ky., disagreed.", "Ky.", "Kentucky"),
            ("He thanked (I-Vt.).", "Vt.", "Vermont"),
        ] {
            match after_towns(text)[..] {
                [(s, e, found)] => assert_eq!((&text[s..e], found), (form, state)),
                ref other => panic!("{text}: {other:?}"),
            }
        }
        assert!(after_towns("The X-Ky. line and BD-Va. code").is_empty());
    }

    #[test]
    fn an_abbreviation_alone_or_after_a_lower_case_word_is_not() {
        assert!(after_towns("Miss. Smith arrived. It was ill, Ill. said nothing.").is_empty());
        assert!(after_towns("The La.-based firm, Pa.s and Ma.").is_empty());
    }
}
