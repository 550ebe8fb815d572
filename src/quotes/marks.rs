//! Pairs quotation marks into quoted spans, paragraph by paragraph.
//!
//! Each mark is first read from its neighbours, not from its glyph alone: a mark with a space
//! (or the paragraph start) before it and a word after it opens, one with a word before it and
//! a space or punctuation after it closes. The glyph only breaks ties, so a mistyped `“` after a
//! word still closes and a straight `"` needs no special case. A right single mark between
//! letters (`don’t`, `Putin’s`) or before a digit (`’90s`) is an apostrophe; after an `s`
//! (`countries’`) it may be either, and it closes only when the next single mark does not.
//!
//! Pairing uses a stack per paragraph, so nesting (`“he called it ‘a farce’”`) pairs inside
//! out; only outermost spans are returned, since a nested quote is part of its speaker's words.
//! An unbalanced mark never stops anything: a stray closer is ignored, an opener left open runs
//! to the end of its paragraph, and when the next story paragraph opens again the two are one
//! quote (the usual convention for quotes over several paragraphs) if the open part reads as
//! speech of its own (capitalised); an open lower-case fragment is a missing closing mark.

use crate::model::{Block, Span};

/// A quoted span: the words inside the marks, possibly over several blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Byte offset of the opening mark in `start.block`.
    pub open_mark: usize,
    /// First byte inside the opening mark.
    pub start: Span,
    /// Last byte inside the closing mark (or the paragraph end), in `end.block`.
    pub end: Span,
    /// Byte just after the closing mark in `end.block`; `None` when left open.
    pub close_mark_end: Option<usize>,
    /// The quoted words; paragraphs joined by one space.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Open,
    Close,
    /// A straight `"` whose neighbours do not tell: closes an open `"`, else opens.
    Toggle,
    /// `’` after an `s` before a space: a closer or a plural possessive.
    CloseOrApostrophe,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    reading: Reading,
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«' | '„'
                )
        }
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '…'
                        | '”'
                        | '’'
                        | '"'
                        | '\''
                        | '»'
                )
        }
    }
}

/// Reads every quotation mark of a paragraph; apostrophes are left out.
fn read_marks(text: &str) -> Vec<Mark> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    crate::work::add(chars.len());
    let mut marks = Vec::new();
    let mut skip = false;
    for (i, &(pos, c)) in chars.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let mut next = chars.get(i + 1).map(|&(_, c)| c);
        // Archive copies (LexisNexis, the NYT's) write a double mark as two apostrophes and
        // an opening one as two backticks: one straight double mark, two bytes long.
        let doubled = matches!(c, '\'' | '`') && next == Some(c);
        if doubled {
            skip = true;
            next = chars.get(i + 2).map(|&(_, c)| c);
        }
        let c = if doubled { '"' } else { c };
        let opens = is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace());
        let closes = prev.is_some_and(|p| !p.is_whitespace()) && is_closing_context(next);
        let between_letters =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        let (family, reading) = match c {
            '“' | '„' | '‟' | '«' => (
                Family::Double,
                if closes && !opens && c == '“' {
                    Reading::Close
                } else {
                    Reading::Open
                },
            ),
            '”' | '»' => (
                Family::Double,
                if opens && !closes && c == '”' {
                    Reading::Open
                } else {
                    Reading::Close
                },
            ),
            '"' => (
                Family::Double,
                match (opens, closes) {
                    (true, false) => Reading::Open,
                    (false, true) => Reading::Close,
                    _ => Reading::Toggle,
                },
            ),
            '‘' | '‚' | '‛' => {
                if between_letters || next.is_some_and(|n| n.is_ascii_digit()) {
                    continue; // "Un‘s", "‘90s": an apostrophe typed with the wrong glyph
                }
                (
                    Family::Single,
                    if closes && !opens {
                        Reading::Close
                    } else {
                        Reading::Open
                    },
                )
            }
            '’' | '\'' => {
                if between_letters || (opens && next.is_some_and(|n| n.is_ascii_digit())) {
                    continue; // don’t, Putin’s, ’90s
                }
                if opens && !closes {
                    (Family::Single, Reading::Open)
                } else if closes {
                    let possessive = prev.is_some_and(|p| p == 's' || p == 'S')
                        && next.is_some_and(char::is_whitespace);
                    (
                        Family::Single,
                        if possessive {
                            Reading::CloseOrApostrophe
                        } else {
                            Reading::Close
                        },
                    )
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        marks.push(Mark {
            pos,
            len: if doubled { 2 } else { c.len_utf8() },
            family,
            reading,
        });
    }
    marks
}

/// A pair found in one paragraph: byte ranges of the opening and closing marks.
#[derive(Debug, Clone, Copy)]
struct Pair {
    open: Mark,
    close: Option<Mark>,
}

/// Pairs the marks of one paragraph; returns outermost pairs, the last possibly left open.
fn pair_paragraph(marks: &[Mark]) -> Vec<Pair> {
    let mut stack: Vec<Mark> = Vec::new();
    let mut pairs: Vec<Pair> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        let top_double = stack.iter().rposition(|o| o.family == Family::Double);
        match (m.family, m.reading) {
            (Family::Double, Reading::Open) => {
                if let Some(d) = top_double {
                    // Double marks do not nest in double marks: the earlier one was never
                    // closed, so its quote ends where the new one starts.
                    let open = stack[d];
                    stack.truncate(d);
                    pairs.push(Pair {
                        open,
                        close: Some(Mark { len: 0, ..*m }),
                    });
                }
                stack.push(*m);
            }
            (Family::Double, Reading::Toggle) => match top_double {
                Some(d) if stack[d].reading == Reading::Toggle || stack[d].len == 1 => {
                    let open = stack[d];
                    stack.truncate(d);
                    pairs.push(Pair {
                        open,
                        close: Some(*m),
                    });
                }
                _ => stack.push(*m),
            },
            (Family::Double, _) => {
                if let Some(d) = top_double {
                    let open = stack[d];
                    stack.truncate(d);
                    pairs.push(Pair {
                        open,
                        close: Some(*m),
                    });
                }
            }
            (Family::Single, Reading::Open) => stack.push(*m),
            (Family::Single, reading) => {
                let floor = top_double.map_or(0, |d| d + 1);
                let Some(s) = stack[floor..]
                    .iter()
                    .rposition(|o| o.family == Family::Single)
                    .map(|s| s + floor)
                else {
                    continue;
                };
                if reading == Reading::CloseOrApostrophe {
                    let next_single = marks[i + 1..].iter().find(|n| n.family == Family::Single);
                    if next_single.is_some_and(|n| n.reading != Reading::Open) {
                        continue; // "‘the countries’ leaders’": the later mark closes
                    }
                }
                let open = stack[s];
                stack.truncate(s);
                pairs.push(Pair {
                    open,
                    close: Some(*m),
                });
            }
        }
    }
    // What is still open runs to the end of the paragraph; the outermost double opener wins,
    // and a lone single opener (more often a stray apostrophe) only counts at the very start.
    if let Some(open) = stack
        .iter()
        .find(|o| o.family == Family::Double)
        .or_else(|| stack.first().filter(|o| o.pos == 0))
    {
        pairs.push(Pair {
            open: *open,
            close: None,
        });
    }
    pairs.sort_by_key(|p| p.open.pos);
    // Keep outermost pairs only.
    let mut outer: Vec<Pair> = Vec::new();
    for p in pairs {
        let inside_previous = outer.last().is_some_and(|o| match o.close {
            None => true,
            Some(c) => p.open.pos < c.pos,
        });
        if !inside_previous {
            outer.push(p);
        }
    }
    outer
}

/// Trims whitespace off a byte range of `text`.
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

/// All quoted spans of the story blocks (`is_story`), in reading order.
pub fn find_quotes(blocks: &[Block], is_story: impl Fn(&Block) -> bool) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    // A quote left open at the end of the previous story block, waiting to see whether the
    // next one reopens it.
    let mut pending: Option<RawQuote> = None;
    for (b, block) in blocks.iter().enumerate() {
        if !is_story(block) {
            continue;
        }
        let text = &block.text;
        let marks = read_marks(text);
        let mut pairs = pair_paragraph(&marks).into_iter().peekable();
        if let Some(mut open) = pending.take() {
            // Only a quote that reads as speech of its own (capitalised, as after "said:")
            // runs on; an open fragment ("said the levee “would hold.") is a typo.
            let speech = open
                .text
                .starts_with(|c: char| c.is_uppercase() || c.is_numeric());
            let reopens = speech
                && pairs.peek().is_some_and(|p| {
                    text[..p.open.pos].trim().is_empty()
                        && block.role == blocks[open.end.block].role
                });
            if reopens {
                let p = pairs.next().expect("peeked");
                let inner_start = p.open.pos + p.open.len;
                let inner_end = p.close.map_or(text.len(), |c| c.pos);
                let (s, e) = trim_range(text, inner_start, inner_end);
                open.text.push(' ');
                open.text.push_str(&text[s..e]);
                open.end = Span {
                    block: b,
                    start: s,
                    end: e,
                };
                open.close_mark_end = p.close.map(|c| c.pos + c.len);
                if open.close_mark_end.is_none() {
                    pending = Some(open);
                } else {
                    out.push(open);
                }
            } else {
                out.push(open);
            }
        }
        for p in pairs {
            let inner_start = p.open.pos + p.open.len;
            let inner_end = p.close.map_or(text.len(), |c| c.pos);
            let (s, e) = trim_range(text, inner_start, inner_end);
            if s >= e {
                continue; // "“”" or a mark at the very end
            }
            let quote = RawQuote {
                open_mark: p.open.pos,
                start: Span {
                    block: b,
                    start: s,
                    end: e,
                },
                end: Span {
                    block: b,
                    start: s,
                    end: e,
                },
                close_mark_end: p.close.map(|c| c.pos + c.len),
                text: text[s..e].to_string(),
            };
            if p.close.is_none() {
                pending = Some(quote);
            } else {
                out.push(quote);
            }
        }
    }
    out.extend(pending);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn body(paragraphs: &[&str]) -> Vec<Block> {
        paragraphs
            .iter()
            .map(|t| Block {
                text: t.to_string(),
                role: Role::Body,
            })
            .collect()
    }

    fn texts(paragraphs: &[&str]) -> Vec<String> {
        find_quotes(&body(paragraphs), |_| true)
            .into_iter()
            .map(|q| q.text)
            .collect()
    }

    #[test]
    fn curly_double_marks_pair() {
        assert_eq!(
            texts(&["“We will rebuild the bridge,” the mayor said."]),
            ["We will rebuild the bridge,"]
        );
    }

    #[test]
    fn straight_double_marks_pair() {
        assert_eq!(
            texts(&["She called the plan \"reckless\" and said \"we will vote no.\""]),
            ["reckless", "we will vote no."]
        );
    }

    #[test]
    fn guillemets_and_low_nine_marks_pair() {
        assert_eq!(
            texts(&["He spoke of «a new era» and of „a fresh start“ in Berlin."]),
            ["a new era", "a fresh start"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            texts(&[
                "The council’s chair didn’t attend; the ’90s rules and the farmers’ union stay."
            ]),
            Vec::<String>::new()
        );
    }

    #[test]
    fn single_marks_pair_around_apostrophes() {
        assert_eq!(
            texts(&["Mayor’s plan is ‘dead on arrival’, critics say of the farmers’ deal."]),
            ["dead on arrival"]
        );
    }

    #[test]
    fn plural_possessive_inside_single_marks_does_not_close() {
        assert_eq!(
            texts(&["Unions called it ‘the workers’ last stand’ on Friday."]),
            ["the workers’ last stand"]
        );
    }

    #[test]
    fn single_marks_ending_in_s_close_before_the_next_opener() {
        assert_eq!(
            texts(&["He promised ‘new horizons’ and ‘fresh ideas’ to voters."]),
            ["new horizons", "fresh ideas"]
        );
    }

    #[test]
    fn nested_quote_stays_inside_its_outer_quote() {
        assert_eq!(
            texts(&["“They told me ‘go home’ and I did,” the farmer said."]),
            ["They told me ‘go home’ and I did,"]
        );
    }

    #[test]
    fn odd_mark_count_keeps_every_closed_quote() {
        assert_eq!(
            texts(&[
                "The minister said “the talks failed and left.",
                "Officials called it “a pause” on Monday.”",
                "He added: “We are ready.”"
            ]),
            ["the talks failed and left.", "a pause", "We are ready."]
        );
    }

    #[test]
    fn stray_opener_mid_paragraph_ends_at_the_next_opener() {
        assert_eq!(
            texts(&["“We will win, she said. “Nothing can stop us,” she added."]),
            ["We will win, she said.", "Nothing can stop us,"]
        );
    }

    #[test]
    fn quote_reopened_in_next_paragraph_is_one_quote() {
        let q = find_quotes(
            &body(&[
                "“The dam is safe,” the engineer said. “We checked every bolt.",
                "“We will check again in spring.”",
            ]),
            |_| true,
        );
        assert_eq!(q.len(), 2);
        assert_eq!(
            q[1].text,
            "We checked every bolt. We will check again in spring."
        );
        assert_eq!((q[1].start.block, q[1].end.block), (0, 1));
    }

    #[test]
    fn open_quote_not_reopened_ends_at_paragraph_end() {
        let q = find_quotes(
            &body(&["He said: “It is over.", "The crowd left."]),
            |_| true,
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "It is over.");
        assert_eq!(q[0].close_mark_end, None);
    }

    #[test]
    fn doubled_apostrophes_are_one_double_mark() {
        let got = texts(&["''It's anti-reform,'' said Holtz-Eakin. ``Yes,'' he added."]);
        assert_eq!(got, ["It's anti-reform,", "Yes,"]);
    }

    #[test]
    fn text_without_marks_has_no_quotes() {
        assert!(texts(&["Rain is expected on Tuesday across the region."]).is_empty());
    }
}
