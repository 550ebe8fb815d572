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
/// script code can have thousands, so they are binary-searched. The text of a masked range is
/// skipped in one jump rather than read char by char: quotes are read with a window of the
/// writer's words on either side, and on a paragraph of thousands of short quotes that window
/// is mostly other quotes.
pub fn words<'a>(text: &'a str, range: Range<usize>, masked: &[Range<usize>]) -> Vec<Word<'a>> {
    let mut out = Vec::new();
    let reader = Reader {
        text,
        end: range.end,
    };
    let mut p = range.start;
    while let Some(c) = reader.at(p) {
        crate::work::add(1);
        if is_masked(masked, p) {
            p = reader.past_mask(p, masked);
            continue;
        }
        let start = p;
        if c.is_alphanumeric() {
            p = reader.word_end(p);
        } else {
            p += c.len_utf8();
            if c.is_whitespace() || MARKS.contains(&c) {
                continue;
            }
        }
        out.push(Word {
            start,
            end: p,
            text: &text[start..p],
        });
    }
    out
}

/// Reads `text[..end]` by byte position.
struct Reader<'a> {
    text: &'a str,
    end: usize,
}

impl Reader<'_> {
    fn at(&self, p: usize) -> Option<char> {
        self.text.get(p..self.end)?.chars().next()
    }

    /// The char ending at byte `p`, if it starts at or after `floor`.
    fn before(&self, p: usize, floor: usize) -> Option<(usize, char)> {
        let c = self.text[..p].chars().next_back()?;
        let q = p - c.len_utf8();
        (q >= floor).then_some((q, c))
    }

    /// End of the word whose letter starts at `p`: letters, digits and combining accents,
    /// joined over `’ ' - . &` when a letter follows (`Wang’s`, `long-term`, `U.S`).
    fn word_end(&self, p: usize) -> usize {
        let mut j = p + self.at(p).map_or(0, char::len_utf8);
        while let Some(d) = self.at(j) {
            let next = self.at(j + d.len_utf8());
            if d.is_alphanumeric() || d == '\u{301}' {
                j += d.len_utf8();
            } else if matches!(d, '’' | '\'' | '-' | '.' | '&')
                && next.is_some_and(char::is_alphanumeric)
            {
                j += d.len_utf8() + next.map_or(0, char::len_utf8);
            } else {
                break;
            }
        }
        j
    }

    /// Whether the char at `q` is inside a word read from `floor` on: a letter, or a
    /// combining accent after one.
    fn wordy(&self, mut q: usize, floor: usize) -> bool {
        loop {
            match self.at(q) {
                Some('\u{301}') => match self.before(q, floor) {
                    Some((b, _)) => q = b,
                    None => return false,
                },
                Some(c) => return c.is_alphanumeric(),
                None => return false,
            }
        }
    }

    /// Where reading resumes when byte `p` starts inside a mask: the mask's end, or past the
    /// end of a word begun inside it that runs on through the closing mark (`‘yes’s`). Every
    /// word starting in between is masked, so none is lost.
    fn past_mask(&self, p: usize, masked: &[Range<usize>]) -> usize {
        let k = masked.partition_point(|m| m.start <= p);
        // The first char not masked starts at the first char boundary at or after the end.
        let mut j = masked[k - 1].end;
        while j < self.end && !self.text.is_char_boundary(j) {
            j += 1;
        }
        if j >= self.end {
            return self.end;
        }
        let joiner = |c: char| matches!(c, '’' | '\'' | '-' | '.' | '&');
        let alnum = |x: usize| self.at(x).is_some_and(char::is_alphanumeric);
        let Some((q, last)) = self.before(j, p) else {
            return j;
        };
        let Some(first) = self.at(j) else {
            return j;
        };
        if self.wordy(q, p) {
            let continues = first.is_alphanumeric()
                || first == '\u{301}'
                || (joiner(first) && alnum(j + first.len_utf8()));
            if continues {
                return self.word_end(q);
            }
        } else if joiner(last)
            && first.is_alphanumeric()
            && self.before(q, p).is_some_and(|(r, _)| self.wordy(r, p))
        {
            return self.word_end(j);
        }
        j
    }
}

/// The words without the stops that close them: a closing stop would start a clause of its
/// own for the attribution patterns, leaving no words to read.
pub fn without_stops<'a, 'w>(words: &'w [Word<'a>]) -> &'w [Word<'a>] {
    let end = words
        .iter()
        .rposition(|w| !matches!(w.text, "." | "!" | "?"))
        .map_or(0, |i| i + 1);
    &words[..end]
}

/// Longest parenthetical aside left out by `without_asides`, in words.
const MAX_ASIDE: usize = 8;

/// The words without short parenthetical asides (`Rep. Ann Lee (D-Ore.), a member, said`):
/// a party label or an acronym between a name and its apposition must not push the cue out
/// of reach. A parenthesis left open, or a long one, is kept.
pub fn without_asides<'a>(words: &[Word<'a>]) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if words[i].text == "(" {
            let close = words[i + 1..]
                .iter()
                .take(MAX_ASIDE + 1)
                .position(|w| w.text == ")" || w.text == "(");
            if let Some(k) = close.filter(|&k| words[i + 1 + k].text == ")") {
                i += k + 2;
                continue;
            }
        }
        out.push(words[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` as first written, reading every masked char: the jump must not change a word.
    fn words_char_by_char<'a>(
        text: &'a str,
        range: Range<usize>,
        masked: &[Range<usize>],
    ) -> Vec<Word<'a>> {
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

    #[test]
    fn skipping_masks_reads_the_same_words_as_reading_every_char() {
        const PIECES: &[&str] = &[
            "a", "yes", "é", "’", "'", "“", "”", "\"", "‘", " ", "-", ".", "&", ",", "\u{301}", "7",
        ];
        let mut x: u64 = 0x9E3779B97F4A7C15;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..20_000 {
            let text: String = (0..next(40)).map(|_| PIECES[next(PIECES.len())]).collect();
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&b| text.is_char_boundary(b))
                .collect();
            let mut cuts: Vec<usize> = (0..next(6) * 2)
                .map(|_| bounds[next(bounds.len())])
                .collect();
            cuts.sort();
            // Masks may end inside a char, as byte ranges from other code can.
            let masks = disjoint(cuts.chunks(2).map(|c| c[0]..c[1] + next(2)).collect());
            let from = bounds[next(bounds.len())];
            let range = from..text.len();
            assert_eq!(
                words(&text, range.clone(), &masks),
                words_char_by_char(&text, range, &masks),
                "{text:?} {masks:?}"
            );
        }
    }

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

    #[test]
    fn closing_stops_are_dropped_and_inner_ones_kept() {
        let text = "Mr. Lee agreed.";
        let ws = words(text, 0..text.len(), &[]);
        let kept: Vec<&str> = without_stops(&ws).iter().map(|w| w.text).collect();
        assert_eq!(kept.last(), Some(&"agreed"));
        assert!(kept.contains(&"."), "{kept:?}");
    }

    #[test]
    fn short_asides_are_left_out_and_open_ones_kept() {
        let text = "Ann Lee (D-Ore.), a member (of the panel, said";
        let all = words(text, 0..text.len(), &[]);
        let kept: Vec<&str> = without_asides(&all).iter().map(|w| w.text).collect();
        assert_eq!(
            kept,
            ["Ann", "Lee", ",", "a", "member", "(", "of", "the", "panel", ",", "said"]
        );
    }
}
