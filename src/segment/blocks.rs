//! Cuts page text into blocks: one per non-empty line, with hard-wrapped lines and
//! paragraphs broken at inline markup re-joined.
//!
//! Text dumps of web pages put one paragraph on one line, but e-mail and wire copy wrap lines
//! at a fixed width; a line that is long, has no closing punctuation and is followed by a line
//! starting in lower case is a wrapped paragraph, not two blocks.
//!
//! Pages rendered to text tag by tag break a paragraph wherever a link or an italic run starts
//! or ends, often with blank lines between the pieces: `... said the` / `draft resolution` /
//! `had been “neutered”.` A paragraph never begins in lower case or with a comma, so such a
//! piece continues the block before it when that block left its sentence open; a piece in
//! capitals (a linked name) continues it only when the block stopped on a comma or a function
//! word, where no headline or menu item ends.

/// Splits text into whitespace-normalised blocks, in reading order.
pub fn split_blocks(text: &str) -> Vec<String> {
    split_marked_blocks(text).0
}

/// `split_blocks`, with whether each block is a heading of a fixed-width dump.
///
/// `lynx -dump` and `w3m -dump` indent text three columns and print headings flush left,
/// and wrap every line at the page width: there a line continues the one above when its
/// first word would not have fitted on it, whatever its case.
pub fn split_marked_blocks(text: &str) -> (Vec<String>, Vec<bool>) {
    let width = fixed_width(text);
    let mut out: Vec<String> = Vec::new();
    let mut headings: Vec<bool> = Vec::new();
    let mut joinable = false;
    // The line above, when no blank line came between: (indent, text column, length).
    let mut above: Option<(usize, usize, usize)> = None;
    for raw in text.split(['\n', '\r']) {
        crate::work::add(1 + raw.len());
        let line = normalize_whitespace(raw);
        if line.is_empty() {
            joinable = false;
            above = None;
            continue;
        }
        let indent = raw.chars().take_while(|c| *c == ' ').count();
        let length = raw.trim_end().chars().count();
        let column = indent + list_marker_width(&line);
        if let (Some(width), Some((indent_above, column_above, length_above)), Some(last)) =
            (width, above, out.last_mut())
        {
            let first_word = line
                .split_whitespace()
                .next()
                .map_or(0, |w| w.chars().count());
            let continues = (indent == column_above || indent == indent_above)
                && list_marker_width(&line) == 0
                && length_above + 1 + first_word > width;
            if continues {
                last.push(' ');
                last.push_str(&line);
                above = Some((indent_above, column_above, length));
                joinable = false;
                continue;
            }
        }
        above = Some((indent, column, length));
        if let Some(last) = out.last_mut() {
            let wrapped = joinable && starts_lowercase(&line);
            if wrapped || continues_fragment(last, &line) {
                if !glues_left(&line) {
                    last.push(' ');
                }
                last.push_str(&line);
                joinable = looks_wrapped(last);
                continue;
            }
        }
        joinable = looks_wrapped(&line);
        out.push(line);
        headings.push(width.is_some() && indent == 0);
    }
    (out, headings)
}

/// The wrap width of a fixed-width dump (lynx, w3m): most lines indented by three spaces and
/// none much wider than the rest. `None` for any other text.
fn fixed_width(text: &str) -> Option<usize> {
    let mut lines = 0usize;
    let mut indented = 0usize;
    let mut lengths: Vec<usize> = Vec::new();
    for raw in text.lines().filter(|l| !l.trim().is_empty()).take(5000) {
        lines += 1;
        indented += usize::from(raw.starts_with("   ") && !raw[3..].starts_with(' '));
        lengths.push(raw.trim_end().chars().count());
    }
    if lines < 20 || indented * 5 < lines * 2 {
        return None;
    }
    lengths.sort_unstable();
    // The width is what the longest lines reach; a few wider ones are unbreakable words.
    let width = lengths[lengths.len() * 99 / 100];
    (40..=200).contains(&width).then_some(width)
}

/// Width of a list marker and its space at the start of a line ("* ", "+ ", "1. ").
fn list_marker_width(line: &str) -> usize {
    let marker = line.split(' ').next().unwrap_or("");
    let is_marker = matches!(marker, "*" | "+" | "o" | "-" | "•")
        || marker.len() <= 4
            && marker.ends_with('.')
            && marker[..marker.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit())
            && marker.len() > 1;
    if is_marker && line.len() > marker.len() {
        marker.chars().count() + 1
    } else {
        0
    }
}

/// Whether `next` is the rest of a paragraph that inline markup cut after `prev`.
fn continues_fragment(prev: &str, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return false;
    };
    if ends_open_sentence(prev).is_none() {
        return false;
    }
    if glues_left(next) {
        return true;
    }
    // "eBay", "iPhone": lower-case brand names can open a paragraph.
    let word = next.split_whitespace().next().unwrap_or("");
    // A lone lower-case word ("share", "more") under a headline is a menu item, not the rest
    // of the headline, unless the block before stopped where no sentence can.
    let phrase = next.split_whitespace().nth(1).is_some() || ends_sentence_mark(next);
    if first.is_lowercase()
        && !word.chars().skip(1).any(char::is_uppercase)
        && (phrase || ends_open_sentence(prev) == Some(true))
    {
        return true;
    }
    // A linked name inside a sentence: only after a comma or a function word, and only in
    // a block long enough to be prose rather than a menu item or a headline.
    // A short block qualifies when the piece reads on as a sentence ("McDaniel is from" /
    // "Michigan and was also on the call"), which no Title Case headline does.
    let reads_on = next
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    first.is_uppercase()
        && (prev.split_whitespace().count() >= 8 || (reads_on && prev.contains(' ')))
        && ends_open_sentence(prev) == Some(true)
}

/// `None` when `text` ends a sentence or a block (closing punctuation); otherwise whether it
/// stops on a comma or a function word, where a sentence cannot end.
fn ends_open_sentence(text: &str) -> Option<bool> {
    let t = text.trim_end();
    if t.ends_with([
        '.', '!', '?', ':', ';', '"', '”', ')', ']', '…', '|', '•', '·',
    ]) {
        return None;
    }
    if t.ends_with(',') {
        return Some(true);
    }
    let last = t.rsplit(' ').next().unwrap_or(t);
    let lowered = last.to_lowercase();
    let lex = crate::lexicon::get();
    // "... Povich told" / "Entertainment Tonight": a past-tense speech verb wants its
    // audience or object next, as a function word wants its phrase. Headlines say "says"
    // and end in nouns like "report", so neither joins.
    let past = lowered.ends_with("ed") || matches!(lowered.as_str(), "said" | "told" | "wrote");
    let reporting = past
        && lex
            .reporting_verb(&lowered)
            .is_some_and(|v| v.class == "speech");
    Some(
        last.chars().next().is_some_and(char::is_lowercase)
            && (DANGLING.contains(&lowered.as_str()) || reporting),
    )
}

fn ends_sentence_mark(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', '”', '"'])
}

/// Closed-class words no sentence, headline or menu item ends on: articles, prepositions,
/// conjunctions, auxiliaries and possessive determiners ("Connect with us" may end on "us").
const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto",
    "about", "between", "among", "against", "during", "than", "via", "per", "and", "or", "but",
    "nor", "as", "that", "whose", "which", "who", "whom", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "its",
    "their", "his", "our", "your", "my", "this", "these", "those", "such",
];

/// Punctuation that closes what came before: `,` `.` `”` and the like start no paragraph.
fn glues_left(line: &str) -> bool {
    line.starts_with([',', '.', ';', ':', '!', '?', ')', ']', '”', '’'])
        && !line.starts_with("...")
        && !line.starts_with("…")
}

/// Collapses every run of whitespace (including no-break and other Unicode spaces) to one space.
pub fn normalize_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_whitespace() || matches!(ch, '\u{200b}' | '\u{feff}') {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// A line long enough to have been wrapped, that does not end a sentence.
fn looks_wrapped(line: &str) -> bool {
    line.chars().count() >= 50
        && !line
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '”', '’', ')', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_a_block_and_blank_lines_vanish() {
        let b = split_blocks("Title\n\n  First   para.\nSecond\u{a0}line.\n\n\n");
        assert_eq!(b, vec!["Title", "First para.", "Second line."]);
    }

    #[test]
    fn hard_wrapped_lines_are_rejoined() {
        let text = "The minister said on Tuesday that the talks would resume\nnext week in Geneva, officials added.\nA new line.";
        let b = split_blocks(text);
        assert_eq!(b.len(), 2);
        assert!(b[0].ends_with("officials added."));
    }

    #[test]
    fn paragraphs_cut_at_links_are_rejoined() {
        let text = "Before the vote, Russia proposed an amendment, saying that the\n\ndraft resolution\n\nhad been “neutered” by the US.\n\nNext paragraph here.";
        let b = split_blocks(text);
        assert_eq!(
            b[0],
            "Before the vote, Russia proposed an amendment, saying that the draft resolution had been “neutered” by the US."
        );
        assert_eq!(b[1], "Next paragraph here.");
        let b = split_blocks(
            "“It is hard,” said the UN Secretary-General, the\n\nAntonio Guterres\n\n, on Friday.",
        );
        assert_eq!(b.len(), 1);
        assert!(b[0].ends_with("the Antonio Guterres, on Friday."));
        let b = split_blocks("McDaniel is from\n\nMichigan and was also on the call.");
        assert_eq!(
            b,
            vec!["McDaniel is from Michigan and was also on the call."]
        );
        let b = split_blocks("The host of the long-running talk show later told\n\nEntertainment Tonight\n\nthat he loved it.");
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn headlines_and_menus_are_not_joined() {
        let b = split_blocks("Connect with us\n\nChina and Russia Strengthen Ties");
        assert_eq!(b.len(), 2);
        let b = split_blocks("Officials pressured not to certify the vote – report\n\nRecording shows the call, paper says");
        assert_eq!(b.len(), 2);
        let b = split_blocks(
            "Ministers Meet in Geneva\n\nThe minister said on Tuesday that talks resume.",
        );
        assert_eq!(b.len(), 2);
        let b = split_blocks("Home\n\nWorld\n\nMore\n\neBay said on Tuesday it would cut jobs.");
        assert_eq!(b.len(), 4);
        let b = split_blocks("The minister said on Tuesday that talks resume.\n\nand then some");
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn fixed_width_dumps_rejoin_wrapped_lines_and_mark_flush_headings() {
        let mut text = String::new();
        for _ in 0..10 {
            text.push_str("   Menu item\n\n");
        }
        text.push_str(
            "Ministers Meet in Geneva as Talks on the Future of the Region Begin\nAgain\n\n",
        );
        text.push_str("   The minister said on Tuesday that the talks between the two sides\n");
        text.push_str("   Would resume next week.\n   A caption that is short\n");
        for _ in 0..10 {
            text.push_str("   More text of the page here.\n\n");
        }
        let (b, headings) = split_marked_blocks(&text);
        let title = b.iter().position(|t| t.starts_with("Ministers")).unwrap();
        assert_eq!(
            b[title],
            "Ministers Meet in Geneva as Talks on the Future of the Region Begin Again"
        );
        assert!(headings[title] && !headings[title + 1]);
        assert!(b[title + 1].ends_with("Would resume next week."));
        assert_eq!(b[title + 2], "A caption that is short");
    }

    #[test]
    fn crlf_is_handled() {
        assert_eq!(split_blocks("One\r\nTwo\r\n"), vec!["One", "Two"]);
    }
}
