//! Words of a stretch of a block, with byte offsets, skipping the inside of quotes.
//!
//! Attribution reads the writer's words around a quote, never the quoted ones, so a
//! reporting verb or a name inside another quote (`told “Comrade” Wang`) cannot pass for a
//! cue or a speaker. Punctuation that matters to attribution (`,` `:` `;` dashes) is kept as
//! one-character words; quotation marks are dropped.

use std::ops::Range;

/// One word (or punctuation mark) of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    pub fn is_punct(&self) -> bool {
        !self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    pub fn is_dash(&self) -> bool {
        matches!(self.text, "—" | "–" | "-" | "―")
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

const MARKS: &[char] = &[
    '“', '”', '"', '‘', '’', '\'', '`', '«', '»', '„', '‟', '‚', '‛',
];

/// Sorted, disjoint ranges covering the same positions (nested quotes overlap): the form
/// `words` expects its masks in.
pub fn disjoint(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Whether `pos` lies inside one of `masked` (sorted and disjoint, see `disjoint`).
pub fn is_masked(masked: &[Range<usize>], pos: usize) -> bool {
    let k = masked.partition_point(|m| m.start <= pos);
    k > 0 && masked[k - 1].contains(&pos)
}

/// Words of `text[range]`, leaving out any word that starts inside a `masked` range.
///
/// Masks are the insides of a block's quotes, sorted and disjoint (`disjoint`); a page of
/// script code can have thousands, so they are binary-searched.
pub fn words<'a>(text: &'a str, range: Range<usize>, masked: &[Range<usize>]) -> Vec<Word<'a>> {
    let mut out = Vec::new();
    let slice = &text[range.clone()];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let start = range.start + pos;
        let end;
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let joins = matches!(d, '’' | '\'' | '-' | '.' | '&')
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if d.is_alphanumeric() || d == '\u{301}' {
                    j += 1;
                } else if joins {
                    j += 2;
                } else {
                    break;
                }
            }
            end = range.start + chars.get(j).map_or(slice.len(), |&(p, _)| p);
            i = j;
        } else {
            end = start + c.len_utf8();
            i += 1;
            if c.is_whitespace() || MARKS.contains(&c) {
                continue;
            }
        }
        if is_masked(masked, start) {
            continue;
        }
        out.push(Word {
            start,
            end,
            text: &text[start..end],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_apostrophes_and_hyphens_and_skip_masked_text() {
        let text = "Yi told “Comrade” Wang’s long-term ally, he said.";
        let masked = vec![Range { start: 8, end: 19 }];
        let got: Vec<&str> = words(text, 0..text.len(), &masked)
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            got,
            [
                "Yi",
                "told",
                "Wang’s",
                "long-term",
                "ally",
                ",",
                "he",
                "said",
                "."
            ]
        );
    }
}
