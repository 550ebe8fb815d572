//! Speakers read from the words themselves, when no entity backs them.
//!
//! The entities stage knows the names its lexicons and rules can find; a capitalised name next
//! to a cue is the speaker even when it knows nothing of them (`“Q,” said Geoff Garin, a
//! pollster`, `“Q,” Mr. Prince said`). A name here is a run of capitalised words that are not
//! function words (so `On Monday, …` is no speaker), led by optional titles (`Rep.`, `Mr.`) and
//! holding at least one word that is not a title. A description (`the 46-year-old`, `a spokesman
//! for the buyer`) is a determiner and a few lower-case words, kept as written with no name.

use super::words::Word;
use crate::entities::typing::is_title;
use crate::lexicon;
use std::ops::Range;

/// Longest description kept as a speaker, in words (`the former top aide to the president`).
const MAX_DESCRIPTION: usize = 7;

const DETERMINERS: &[&str] = &["the", "a", "an", "one", "another"];
const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our"];

/// Words that end a description: a clause or an aside starts there.
const DESCRIPTION_ENDS: &[&str] = &[
    "who", "which", "that", "and", "but", "said", "says", "told", "in", "on", "at", "during",
];

/// Heads of a definite description that never stand for a person named before: bodies and
/// documents ("the company said", "the lawsuit alleges") and people the story has not named
/// ("the spokesman said", "the source said").
const IMPERSONAL_HEADS: &[&str] = &[
    "company",
    "firm",
    "group",
    "agency",
    "ministry",
    "department",
    "office",
    "government",
    "team",
    "club",
    "police",
    "court",
    "university",
    "school",
    "network",
    "channel",
    "newspaper",
    "paper",
    "magazine",
    "site",
    "website",
    "brand",
    "council",
    "committee",
    "board",
    "union",
    "party",
    "campaign",
    "administration",
    "organisation",
    "organization",
    "statement",
    "report",
    "study",
    "survey",
    "lawsuit",
    "complaint",
    "filing",
    "ruling",
    "letter",
    "post",
    "caption",
    "document",
    "memo",
    "book",
    "film",
    "show",
    "series",
    "bill",
    "law",
    "order",
    "account",
    "video",
    "message",
    "email",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "official",
    "representative",
    "rep",
    "witness",
    "caller",
    "reporter",
    "author",
    "writer",
    "narrator",
    "voice",
    "label",
    "studio",
    "station",
];

/// Whether `words` (a whole description) is a definite description of one person the story
/// named before: "the musician said", "the 28-year-old said", "the former Bachelor star
/// wrote". Such a phrase is an anaphor, resolved as "he" or "she" would be; an indefinite
/// one ("a friend said") brings in someone new, and a plural or impersonal head is no person.
pub fn is_anaphoric_description(words: &[Word]) -> bool {
    let (Some(first), Some(head)) = (words.first(), words.last()) else {
        return false;
    };
    let head_lower = head.lower();
    words.len() >= 2
        && first.lower() == "the"
        && head
            .text
            .chars()
            .all(|c| c.is_lowercase() || c == '-' || c.is_ascii_digit())
        && head.text.chars().any(char::is_alphabetic)
        && (!head_lower.ends_with('s')
            || head_lower.ends_with("ss")
            || head_lower.ends_with("-old"))
        && !IMPERSONAL_HEADS.contains(&head_lower.as_str())
        && words[1..].iter().all(|w| !w.is_punct())
}

fn is_name_word(w: &Word) -> bool {
    w.is_capitalised() && !lexicon::get().is_function_word(w.text)
}

/// An abbreviation's dot (`Mr.`, `K.`, `Jr.`): a dot right after a short capitalised word.
pub fn is_abbreviation_dot(words: &[Word], i: usize) -> bool {
    words[i].text == "."
        && i > 0
        && words[i - 1].end == words[i].start
        && words[i - 1].is_capitalised()
        && words[i - 1].text.chars().count() <= 3
}

fn part_of_name(words: &[Word], i: usize) -> bool {
    is_name_word(&words[i]) || is_abbreviation_dot(words, i)
}

/// A run holds a name when some word of it is neither a title nor an initial, and it does not
/// end in a possessive (`Trump’s campaign manager`: the run is a modifier).
fn holds_name(words: &[Word]) -> bool {
    let possessive = words
        .last()
        .is_some_and(|w| w.text.ends_with("’s") || w.text.ends_with("'s"));
    // After an abbreviated title any word is a name (`Mr. Prince`, `Dr. Ward`).
    let after_dot = words.len() >= 2 && words[words.len() - 2].text == ".";
    !possessive
        && (after_dot
            || words.iter().any(|w| {
                is_name_word(w)
                    && w.text.chars().count() > 1
                    && !is_title(w.text)
                    && !is_title(&format!("{}.", w.text))
            }))
}

/// The name run that ends right before `end` (word index, exclusive), a parenthesis after it
/// (`Rep. Earl Blumenauer (D-Ore.)`) skipped.
pub fn name_ending(words: &[Word], end: usize) -> Option<Range<usize>> {
    let mut end = end.min(words.len());
    if end > 0 && words[end - 1].text == ")" {
        end = words[..end].iter().rposition(|w| w.text == "(")?;
    }
    let mut start = end;
    // A possessive before the name is its modifier (`Iowa State University's Dianne Bystrom`).
    let possessive = |w: &Word| w.text.ends_with("’s") || w.text.ends_with("'s");
    while start > 0
        && part_of_name(words, start - 1)
        && !(start < end && possessive(&words[start - 1]))
    {
        start -= 1;
    }
    // A dot cannot start a name.
    while start < end && words[start].text == "." {
        start += 1;
    }
    (start < end && holds_name(&words[start..end])).then_some(start..end)
}

/// The name run that starts at `start` (`said Geoff Garin, a Democratic pollster`).
pub fn name_starting(words: &[Word], start: usize) -> Option<Range<usize>> {
    if start >= words.len() || !is_name_word(&words[start]) {
        return None;
    }
    let mut end = start + 1;
    while end < words.len() && part_of_name(words, end) {
        end += 1;
    }
    holds_name(&words[start..end]).then_some(start..end)
}

/// A description that starts at `start` with a determiner (`the 46-year-old`, `a spokesman
/// for the buyer`), up to the first punctuation or clause word.
pub fn description_starting(words: &[Word], start: usize) -> Option<Range<usize>> {
    let first = words.get(start)?;
    // A possessive determines as an article does: "Obama's former strategist", "his aide".
    let possessive = first.text.ends_with("’s")
        || first.text.ends_with("'s")
        || POSSESSIVES.contains(&first.lower().as_str());
    if !DETERMINERS.contains(&first.lower().as_str()) && !possessive {
        return None;
    }
    let mut end = start + 1;
    while end < words.len()
        && end - start < MAX_DESCRIPTION
        && !words[end].is_punct()
        && !DESCRIPTION_ENDS.contains(&words[end].lower().as_str())
    {
        end += 1;
    }
    let body = &words[start + 1..end];
    let described = !body.is_empty() && body.iter().any(|w| !w.is_capitalised());
    described.then_some(start..end)
}

/// The name a run stands for: the run without its leading titles (`Rep. Earl Blumenauer` ->
/// `Earl Blumenauer`, `Mr. Prince` -> `Prince`). A title without a dot goes only when two
/// words are left, since it may be a given name (`Earl Blumenauer`).
pub fn name_text(text: &str, words: &[Word], run: Range<usize>) -> String {
    let mut from = run.start;
    while from + 1 < run.end {
        let w = words[from].text;
        let dotted = words[from + 1].text == ".";
        let words_left = words[from + 1..run.end]
            .iter()
            .filter(|w| w.text != ".")
            .count();
        if w == "." || (dotted && is_title(&format!("{w}."))) || (is_title(w) && words_left >= 2) {
            from += 1;
        } else {
            break;
        }
    }
    text[words[from].start..words[run.end - 1].end].to_string()
}

/// The run as written.
pub fn span_text(text: &str, words: &[Word], run: Range<usize>) -> String {
    text[words[run.start].start..words[run.end - 1].end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::words;

    fn run(text: &str, f: impl Fn(&[Word]) -> Option<Range<usize>>) -> Option<String> {
        let ws = words(text, 0..text.len(), &[]);
        f(&ws).map(|r| span_text(text, &ws, r))
    }

    #[test]
    fn a_name_before_a_cue_keeps_its_title_and_drops_a_party_label() {
        let text = "Rep. Earl Blumenauer (D-Ore.) said";
        assert_eq!(
            run(text, |w| name_ending(w, w.len() - 1)).as_deref(),
            Some("Rep. Earl Blumenauer")
        );
        let ws = words(text, 0..text.len(), &[]);
        let r = name_ending(&ws, ws.len() - 1).unwrap();
        assert_eq!(name_text(text, &ws, r), "Earl Blumenauer");
    }

    #[test]
    fn a_definite_description_of_one_person_is_an_anaphor() {
        let yes = |t: &str| is_anaphoric_description(&words(t, 0..t.len(), &[]));
        assert!(yes("the musician"));
        assert!(yes("the 28-year-old"));
        assert!(yes("the former Bachelor star"));
        assert!(!yes("a friend"));
        assert!(!yes("the company"));
        assert!(!yes("the lawsuit"));
        assert!(!yes("the experts"));
        assert!(!yes("the spokesman"));
        assert!(!yes("the Bachelor"));
    }

    #[test]
    fn a_modifier_before_the_name_is_not_part_of_it() {
        let text = "former Obama adviser David Axelrod said";
        assert_eq!(
            run(text, |w| name_ending(w, w.len() - 1)).as_deref(),
            Some("David Axelrod")
        );
    }

    #[test]
    fn a_possessive_before_the_name_is_not_part_of_it() {
        let text = "Iowa State University's Dianne Bystrom agreed";
        assert_eq!(
            run(text, |w| name_ending(w, w.len() - 1)).as_deref(),
            Some("Dianne Bystrom")
        );
    }

    #[test]
    fn a_weekday_or_a_bare_title_is_no_name() {
        assert_eq!(run("On Monday", |w| name_ending(w, w.len())), None);
        assert_eq!(run("the Senator", |w| name_ending(w, w.len())), None);
    }

    #[test]
    fn a_name_after_a_cue_stops_at_its_apposition() {
        let text = "said Oliver K. Hedge, who appraises";
        assert_eq!(
            run(text, |w| name_starting(w, 1)).as_deref(),
            Some("Oliver K. Hedge")
        );
    }

    #[test]
    fn a_description_runs_to_its_first_clause_word() {
        let text = "said the former top aide to Bush, adding";
        assert_eq!(
            run(text, |w| description_starting(w, 1)).as_deref(),
            Some("the former top aide to Bush")
        );
        assert_eq!(run("said The Times", |w| description_starting(w, 1)), None);
        assert_eq!(
            run("said Acme's chief economist", |w| description_starting(
                w, 1
            ))
            .as_deref(),
            Some("Acme's chief economist")
        );
    }
}
