//! Cuts page text into blocks: one per non-empty line, with hard-wrapped lines re-joined.
//!
//! Text dumps of web pages put one paragraph on one line, but e-mail and wire copy wrap lines
//! at a fixed width; a line that is long, has no closing punctuation and is followed by a line
//! starting in lower case is a wrapped paragraph, not two blocks.

/// Splits text into whitespace-normalised blocks, in reading order.
pub fn split_blocks(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    for raw in text.split(['\n', '\r']) {
        let line = normalize_whitespace(raw);
        if line.is_empty() {
            joinable = false;
            continue;
        }
        if joinable && starts_lowercase(&line) {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(&line);
                joinable = looks_wrapped(last);
                continue;
            }
        }
        joinable = looks_wrapped(&line);
        out.push(line);
    }
    out
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
    fn crlf_is_handled() {
        assert_eq!(split_blocks("a\r\nb\r\n"), vec!["a", "b"]);
    }
}
