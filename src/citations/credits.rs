//! Credit lines: wire credits (`Reuters contributed to this report.`, `• AFP, with additional
//! editing by ...`, `MOSCOW (Reuters) —`, `(AP)`) and photo credits (`Photo: Reuters`,
//! `(Jane Roe/Sputnik/AFP via Getty Images)`), one row per agency named.
//!
//! A wire credit is a whole short line, never a sentence of the story: either it ends in a
//! "contributed to this report" phrase, or it opens with a credit lead (`With reporting by`),
//! or it *is* a list of outlets (after bullets and dashes) optionally followed by an editing
//! credit. A dateline credit is an outlet in parentheses after the place at the start of the
//! first body paragraph. Photo credits are read in captions and credit blocks after a label
//! (`Photo:`), inside a closing parenthesis with a slash or `via`, or as a trailing `A/B` run.
//! Credit parts are split on `/`, `via`, commas and `and`; a part counts when it is a known
//! outlet or organisation or a single name that is not a person's given name, so
//! photographers are never sources.

use super::cues;
use super::outlets;
use crate::lexicon;
use crate::model::{Block, Citation, CitationKind, Role, Span};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Wire and photo credits of an article, in block order.
pub fn find(blocks: &[Block]) -> Vec<Citation> {
    let first_body = blocks.iter().position(|b| b.role == Role::Body);
    let region = article_region(blocks);
    let mut out = Vec::new();
    // A picture's caption is often printed twice (image alt text and figure caption).
    let mut seen_credits: std::collections::HashSet<&str> = Default::default();
    for (i, b) in blocks.iter().enumerate() {
        if !region.contains(&i) && b.role != Role::Nav {
            continue;
        }
        if matches!(b.role, Role::Caption | Role::Credit) && !seen_credits.insert(b.text.as_str()) {
            continue;
        }
        let in_story = region.contains(&i);
        match b.role {
            Role::Caption => out.extend(photo_credits(i, &b.text)),
            // A short credit line between paragraphs reads like a subheading to the segmenter,
            // and a caption printed as a line of its own often does too.
            Role::Heading if is_credit_line(&b.text) || ends_in_credit(&b.text) => {
                out.extend(photo_credits(i, &b.text))
            }
            Role::Nav if in_story && is_labelled_credit(&b.text) => {
                out.extend(photo_credits(i, &b.text))
            }
            // "© 2024 The Associated Press": the page is wire copy, wherever the line sits.
            Role::Nav | Role::Bio | Role::Related => out.extend(copyright_credit(i, &b.text)),
            Role::Credit | Role::Other | Role::Body | Role::Byline => {
                let wire = wire_credits(i, &b.text);
                if !wire.is_empty() {
                    out.extend(wire);
                } else if Some(i) == first_body {
                    out.extend(dateline_credit(i, &b.text));
                } else if b.role == Role::Credit
                    || is_credit_line(&b.text)
                    || (b.role == Role::Other && ends_in_credit(&b.text))
                {
                    out.extend(photo_credits(i, &b.text));
                }
            }
            _ => {}
        }
    }
    out
}

/// The blocks that belong to the story: from just above its headline (or its body when no
/// headline was found) to a few blocks past its last paragraph. Whole pages name outlets
/// everywhere else, in network menus, teasers and footers, and none of those credits the story.
fn article_region(blocks: &[Block]) -> Range<usize> {
    let body: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].role == Role::Body)
        .collect();
    let (Some(&first), Some(&last)) = (body.first(), body.last()) else {
        return 0..blocks.len();
    };
    // The lead picture often stands above the headline.
    let start = blocks[..first]
        .iter()
        .rposition(|b| b.role == Role::Title)
        .unwrap_or(first)
        .saturating_sub(6);
    start..(last + 9).min(blocks.len())
}

static LEADING_MARKS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s•·*–—\-(\[]+").unwrap());
static TRAILING_MARKS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\s.)\]]+$").unwrap());
static EDITING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?\s*(?:with\s+)?(?:additional\s+)?(?:reporting|editing|writing|inputs?|contributions?|translation)\s+(?:by|from)\b").unwrap()
});
/// Separators that may stand between the outlets of a credit list.
static LIST_GLUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\s*(?:,|/|;|&|\band\b|\+)\s*)*$").unwrap());
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{Lu}\p{Lu}\s,.'’-]{1,60})?\s*\(([^()]{2,40})\)\s*[-–—:]").unwrap()
});
static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?").unwrap());

/// Wire credits in a line that is wholly a credit line.
pub fn wire_credits(block: usize, text: &str) -> Vec<Citation> {
    if text.chars().count() > 200 {
        return Vec::new();
    }
    let start = LEADING_MARKS.find(text).map_or(0, |m| m.end());
    let end = TRAILING_MARKS
        .find(&text[start..])
        .map_or(text.len(), |m| start + m.start());
    let line = &text[start..end];
    let lower = line.to_lowercase();
    let cue = cues::get();

    // "X and Y contributed to this report"
    if let Some(tail) = cue.phrases("wire_tail").filter_map(|p| lower.find(p)).min() {
        return outlet_rows(block, text, start..start + tail, CitationKind::Wire, false);
    }
    // "With reporting by X", "Source: X"
    let lead = cue
        .phrases("wire_lead")
        .filter(|p| lower.starts_with(p) && lower[p.len()..].starts_with([' ', ':', ',']))
        .map(str::len)
        .max();
    if let Some(n) = lead {
        // The lead must introduce a credit list, not a sentence ("With prices rising, ...").
        let rest = &text[start + n..end];
        let first = outlets::find(rest).into_iter().next();
        let opens_list = first.is_some_and(|f| {
            rest[..f.range.start]
                .trim_matches([' ', ':', ','])
                .is_empty()
        });
        return if opens_list {
            outlet_rows(block, text, start + n..end, CitationKind::Wire, false)
        } else {
            Vec::new()
        };
    }
    // "Reuters", "AP/AFP", "Reuters, with additional editing by ..."
    if let Some(m) = COPYRIGHT.find(line) {
        let rest = start + m.end();
        let rows = outlet_rows(block, text, rest..end, CitationKind::Wire, true);
        return rows.into_iter().filter(|c| is_agency(&c.source)).collect();
    }
    let named = outlets::find(line);
    if named.first().is_none_or(|n| n.range.start != 0) {
        return Vec::new();
    }
    let mut last = 0;
    for n in &named {
        if !LIST_GLUE.is_match(&line[last..n.range.start]) {
            break;
        }
        last = n.range.end;
    }
    let rest = &line[last..];
    if rest.trim().is_empty() || EDITING_CREDIT.is_match(rest) {
        let mut rows = outlet_rows(block, text, start..start + last, CitationKind::Wire, true);
        // "Getty Images" under a picture credits the picture: libraries sell no wire copy.
        if rest.trim().is_empty() && rows.iter().all(|c| is_picture_agency(&c.source)) {
            rows.iter_mut().for_each(|c| c.kind = CitationKind::Photo);
        }
        return rows;
    }
    Vec::new()
}

fn is_picture_agency(name: &str) -> bool {
    cues::get().is("picture_agency", name)
}

fn copyright_credit(block: usize, text: &str) -> Vec<Citation> {
    let start = LEADING_MARKS.find(text).map_or(0, |m| m.end());
    if COPYRIGHT.is_match(&text[start..]) {
        wire_credits(block, text)
    } else {
        Vec::new()
    }
}

fn is_agency(name: &str) -> bool {
    lexicon::get()
        .outlet(name)
        .is_some_and(|o| o.kind == "agency")
}

/// `MOSCOW (Reuters) - ...` at the start of the first body paragraph.
fn dateline_credit(block: usize, text: &str) -> Vec<Citation> {
    let Some(c) = DATELINE.captures(text) else {
        return Vec::new();
    };
    let m = c.get(1).unwrap();
    outlet_rows(block, text, m.range(), CitationKind::Wire, true)
}

/// One row per outlet named in `text[range]`.
fn outlet_rows(
    block: usize,
    text: &str,
    range: Range<usize>,
    kind: CitationKind,
    whole: bool,
) -> Vec<Citation> {
    let part = &text[range.clone()];
    let named = outlets::find(part);
    if whole && named.is_empty() {
        return Vec::new();
    }
    named
        .into_iter()
        .map(|n| {
            let r = range.start + n.range.start..range.start + n.range.end;
            row(kind, n.outlet.name.clone(), text, block, r)
        })
        .collect()
}

fn row(kind: CitationKind, source: String, text: &str, block: usize, r: Range<usize>) -> Citation {
    Citation {
        kind,
        source,
        source_text: text[r.clone()].to_string(),
        source_entity: None,
        span: Span {
            block,
            start: r.start,
            end: r.end,
        },
        marker: None,
        title: None,
        date: None,
        url: None,
        cited_in: Vec::new(),
    }
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let mut labels: Vec<String> = cues::get()
        .phrases("credit_label")
        .map(regex::escape)
        .collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    Regex::new(&format!(
        r"(?i)(?:^|[\s(\[|.,;])(?:{})\s*(?::|\||\bby\b)\s*",
        labels.join("|")
    ))
    .unwrap()
});
static CLOSING_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[(\[]([^()\[\]]{2,120})[)\]]\s*\.?\s*$").unwrap());
static TRAILING_SLASH_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([\p{L}][\p{L}\d.\- ]{1,40}/[\p{L}\d.\- /]{2,60})\s*$").unwrap()
});
static CREDIT_PART_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:/|\bvia\b|,|;|\||\band\b|\s\+\s)\s*").unwrap());
/// A lower-case "file" or "file photo" after an agency's name in a credit.
static FILE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+file(?:\s+(?:photo|image|picture))?$").unwrap());
/// "Courtesy of Jane Roe", "Courtesy Acme": the owner of a picture lends it.
static COURTESY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[Cc]ourtesy|COURTESY)(?:\s+of)?\s+").unwrap());
/// "Getty Images for The Met Museum": the party after "for" commissioned the picture.
static COMMISSIONED_FOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+for\s+\p{Lu}").unwrap());

/// Longest line read as a labelled credit outside a caption or credit block, in characters.
const MAX_CREDIT_LINE: usize = 120;

/// A short line that opens with a credit label (`Illustration by Jane Roe / Reuters`,
/// `Photo by X/AFP via Getty Images`): a credit whatever role the segmenter gave its block,
/// since whole-page dumps print credits as lines of their own between paragraphs.
fn is_labelled_credit(text: &str) -> bool {
    let start = LEADING_MARKS.find(text).map_or(0, |m| m.end());
    text.chars().count() <= MAX_CREDIT_LINE
        && LABEL.find(&text[start..]).is_some_and(|m| m.start() == 0)
}

/// A short line that is wholly a credit: labelled, "Courtesy of X", or a slash run
/// (`Jane Roe/Bloomberg/Getty Images`, `ITV News / YouTube`).
fn is_credit_line(text: &str) -> bool {
    let start = LEADING_MARKS.find(text).map_or(0, |m| m.end());
    is_labelled_credit(text)
        || (text.chars().count() <= MAX_CREDIT_LINE && COURTESY.is_match(&text[start..]))
        || is_slash_credit(text.trim_matches(['[', ']', '(', ')']))
}

/// `Jane Roe/Bloomberg/Getty Images`: a slash run one of whose parts is a known outlet or
/// agency, so that "EU/EEA Notice" or "Style / Arts" is no credit.
fn is_slash_credit(line: &str) -> bool {
    TRAILING_SLASH_RUN.is_match(line)
        && CREDIT_PART_SPLIT
            .split(line)
            .any(|p| outlets::lookup_credit(p.trim()).is_some())
}

/// Longest credit read at the end of a caption-like line, in characters.
const MAX_TRAILING_CREDIT: usize = 80;

/// A caption-like line whose last words are a labelled credit (`... Photo by Jane Roe/AFP`) or
/// a parenthesised source (`... (Fox News)`), or that ends in ` | Jane Roe/Belga via AFP`.
fn ends_in_credit(text: &str) -> bool {
    let labelled = LABEL
        .find_iter(text)
        .last()
        .is_some_and(|m| text.len() - m.end() <= MAX_TRAILING_CREDIT);
    let piped = text
        .rsplit_once(" | ")
        .is_some_and(|(_, tail)| is_slash_credit(tail));
    labelled || piped || CLOSING_PAREN.is_match(text)
}

/// Photo credits of a caption or credit block.
pub fn photo_credits(block: usize, text: &str) -> Vec<Citation> {
    let segment = if let Some(m) = LABEL.find_iter(text).last() {
        let end = TRAILING_MARKS
            .find(&text[m.end()..])
            .map_or(text.len(), |t| m.end() + t.start());
        Some(m.end()..end)
    } else if let Some(c) = CLOSING_PAREN.captures(text) {
        let m = c.get(1).unwrap();
        let inner = m.as_str();
        (inner.contains('/')
            || inner.contains(" via ")
            || outlets::lookup_credit(inner.trim()).is_some())
        .then(|| m.range())
    } else if let Some(m) = COURTESY.find(text.trim_start_matches(['[', '('])) {
        let off = text.len() - text.trim_start_matches(['[', '(']).len();
        let end = TRAILING_MARKS
            .find(&text[off + m.end()..])
            .map_or(text.len(), |t| off + m.end() + t.start());
        Some(off + m.end()..end)
    } else if let Some(c) = {
        // Only the caption's last sentence (or what follows its last " | ") can be a bare
        // "AGENCY/Name" credit.
        let tail = text
            .rfind(". ")
            .map(|p| p + 2)
            .into_iter()
            .chain(text.rfind(" | ").map(|p| p + 3))
            .max()
            .unwrap_or(0);
        TRAILING_SLASH_RUN
            .captures(&text[tail..])
            .map(|c| (tail, c))
    } {
        let (tail, c) = c;
        let m = c.get(1).unwrap();
        Some(tail + m.start()..tail + m.end())
    } else {
        None
    };
    let Some(mut segment) = segment else {
        return Vec::new();
    };
    if let Some(m) = COMMISSIONED_FOR.find(&text[segment.clone()]) {
        segment.end = segment.start + m.start();
    }
    let parts = credit_parts(text, segment);
    let n = parts.len();
    parts
        .into_iter()
        .enumerate()
        .filter_map(|(k, r)| {
            let part = &text[r.clone()];
            // The last of several parts, or the only one, is the agency or owner credited
            // ("Jane Roe / Advance Local"), even when no list knows the name.
            let owner = k + 1 == n;
            credit_source(part, owner).map(|s| row(CitationKind::Photo, s, text, block, r))
        })
        .collect()
}

/// Byte ranges of the parts of a credit (`Jane Roe/Sputnik/AFP via Getty Images`).
fn credit_parts(text: &str, segment: Range<usize>) -> Vec<Range<usize>> {
    let seg = &text[segment.clone()];
    let mut parts = Vec::new();
    let mut last = 0;
    for m in CREDIT_PART_SPLIT.find_iter(seg) {
        parts.push(last..m.start());
        last = m.end();
    }
    parts.push(last..seg.len());
    parts
        .into_iter()
        .filter_map(|r| {
            let p = &seg[r.clone()];
            let trimmed = p.trim_matches(|c: char| !c.is_alphanumeric());
            // "via AP file", "Reuters file photo": the agency's archive picture; the agency
            // is the part's name.
            let trimmed = FILE_SUFFIX
                .find(trimmed)
                .map_or(trimmed, |m| &trimmed[..m.start()]);
            let off = p.find(trimmed)?;
            (!trimmed.is_empty()).then(|| {
                segment.start + r.start + off..segment.start + r.start + off + trimmed.len()
            })
        })
        .collect()
}

/// The source a credit part names: an outlet, an organisation, or one non-person name.
fn credit_source(part: &str, owner: bool) -> Option<String> {
    let part = COURTESY.find(part).map_or(part, |m| &part[m.end()..]);
    if let Some(o) = outlets::lookup_credit(part) {
        return Some(o.name.clone());
    }
    let lex = lexicon::get();
    if let Some(org) = lex
        .organizations
        .iter()
        .find(|o| o.name == part || o.aliases.iter().any(|a| a == part))
    {
        return Some(org.name.clone());
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // "Four Seam Images", "Alamy Stock Photo": picture agencies name themselves so.
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() >= 2
        && words.iter().all(|w| capitalised(w))
        && matches!(
            words[words.len() - 1],
            "Images"
                | "Photo"
                | "Photos"
                | "Pictures"
                | "Press"
                | "Agency"
                | "Archive"
                | "Archives"
        )
    {
        return Some(part.to_string());
    }
    // "Video/Hill.TV": a label is no source.
    let label = cues::get()
        .phrases("credit_label")
        .any(|l| l.eq_ignore_ascii_case(part));
    let single = words.len() == 1;
    let person = lex.is_given_name(part) || lex.is_surname(part);
    // "MG23": a photographer's code, not an agency; "JaneRoe.com": a photographer's site.
    let code = part.chars().any(|c| c.is_ascii_digit()) || part.contains('.');
    if single {
        return (capitalised(part)
            && !label
            && !person
            && !code
            && !lex.is_function_word(part)
            && part.chars().count() > 1)
            .then(|| part.to_string());
    }
    // "Advance Local", "The University of Tokyo": a name of capitalised words (and small
    // glue) in the owner's place, not opening with a given name (the photographer's).
    let glue = |w: &str| matches!(w, "of" | "for" | "and" | "&" | "de" | "the");
    let named = words.len() <= 5
        && words.iter().all(|w| capitalised(w) || glue(w))
        && !lex.is_given_name(words[0]);
    (owner && named && !code && !label)
        .then(|| part.strip_prefix("The ").unwrap_or(part).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(found: &[Citation]) -> Vec<(&str, &str)> {
        found
            .iter()
            .map(|c| (c.kind.as_str(), c.source.as_str()))
            .collect()
    }

    #[test]
    fn a_labelled_credit_line_is_a_credit_in_any_block() {
        assert!(is_labelled_credit("Illustration by Jane Roe / Reuters"));
        assert!(is_labelled_credit("Photo by Jane Roe/AFP via Getty Images"));
        assert!(!is_labelled_credit(
            "Photos of the flood spread quickly on social media."
        ));
    }

    #[test]
    fn contributed_to_this_report() {
        let f = wire_credits(
            3,
            "The Associated Press and Reuters contributed to this report.",
        );
        assert_eq!(
            sources(&f),
            [("wire", "Associated Press"), ("wire", "Reuters")]
        );
        assert_eq!(f[1].source_text, "Reuters");
    }

    #[test]
    fn outlet_with_editing_credit() {
        let f = wire_credits(0, "• AFP, with additional editing by Jane Roe");
        assert_eq!(sources(&f), [("wire", "Agence France-Presse")]);
        assert_eq!(f[0].source_text, "AFP");
    }

    #[test]
    fn bare_outlet_lines_and_leads() {
        assert_eq!(
            sources(&wire_credits(0, "— Reuters")),
            [("wire", "Reuters")]
        );
        assert_eq!(
            sources(&wire_credits(0, "(AP)")),
            [("wire", "Associated Press")]
        );
        assert_eq!(
            sources(&wire_credits(0, "With reporting by Kyodo and Jane Roe")),
            [("wire", "Kyodo News")]
        );
    }

    #[test]
    fn a_sentence_about_an_agency_is_no_credit() {
        assert!(wire_credits(0, "Reuters is a news agency.").is_empty());
        assert!(wire_credits(0, "Reuters, the agency, said so.").is_empty());
    }

    #[test]
    fn dateline_names_the_wire() {
        let blocks = vec![Block {
            text: "NAIROBI (Reuters) - Kenya raised rates on Tuesday.".into(),
            role: Role::Body,
        }];
        assert_eq!(sources(&find(&blocks)), [("wire", "Reuters")]);
    }

    #[test]
    fn agency_copyright_line_marks_wire_copy() {
        let blocks = vec![Block {
            text: "© 2024 The Associated Press. All rights reserved.".into(),
            role: Role::Nav,
        }];
        assert_eq!(sources(&find(&blocks)), [("wire", "Associated Press")]);
        assert!(wire_credits(0, "© 2024 The Daily Planet").is_empty());
    }

    #[test]
    fn labelled_photo_credit() {
        let f = photo_credits(1, "Harbour cranes at dawn. Photo: Reuters");
        assert_eq!(sources(&f), [("photo", "Reuters")]);
    }

    #[test]
    fn an_agency_file_picture_credits_the_agency() {
        let f = photo_credits(1, "Jane Roe / Four Seam Images via AP file");
        assert_eq!(
            sources(&f),
            [("photo", "Four Seam Images"), ("photo", "Associated Press")]
        );
    }

    #[test]
    fn one_row_per_agency_and_no_photographer() {
        let f = photo_credits(
            1,
            "Ships leave port on May 2. (Jane Roe/Xinhua/AFP via Getty Images)",
        );
        assert_eq!(
            sources(&f),
            [
                ("photo", "Xinhua"),
                ("photo", "Agence France-Presse"),
                ("photo", "Getty Images")
            ]
        );
    }

    #[test]
    fn credit_of_an_agency_in_capitals_and_an_institution() {
        assert_eq!(
            sources(&photo_credits(
                0,
                "A comet over the desert. REUTERS/Jane Roe"
            )),
            [("photo", "Reuters")]
        );
        assert_eq!(
            sources(&photo_credits(0, "The nebula. Credit: NASA/JPL-Caltech")),
            [
                ("photo", "National Aeronautics and Space Administration"),
                ("photo", "JPL-Caltech")
            ]
        );
    }

    #[test]
    fn a_picture_library_alone_on_a_line_credits_a_photo() {
        assert_eq!(
            sources(&wire_credits(0, "Getty Images")),
            [("photo", "Getty Images")]
        );
        assert_eq!(sources(&wire_credits(0, "Reuters")), [("wire", "Reuters")]);
    }

    #[test]
    fn the_owner_of_a_credit_need_not_be_listed() {
        assert_eq!(
            sources(&photo_credits(
                0,
                "A harbour. Illustration by Jane Roe / Harbour Local"
            )),
            [("photo", "Harbour Local")]
        );
        assert_eq!(
            sources(&photo_credits(
                0,
                "Cells. Credit: Jane Roe, The University of Nowhere"
            )),
            [("photo", "University of Nowhere")]
        );
        assert_eq!(
            sources(&photo_credits(0, "Courtesy of Acme Studio")),
            [("photo", "Acme Studio")]
        );
        // A photographer alone after a label is no source.
        assert!(photo_credits(0, "A harbour. Photo by Jane Roe").is_empty());
    }

    #[test]
    fn who_commissioned_a_picture_is_no_source() {
        assert_eq!(
            sources(&photo_credits(
                0,
                "Jane Roe/XY12/Getty Images for The Museum/Glossy"
            )),
            [("photo", "Getty Images")]
        );
    }

    #[test]
    fn credit_lines_between_paragraphs() {
        assert!(is_credit_line("Jane Roe/Bloomberg/Getty Images"));
        assert!(is_credit_line("[Rendering: Acme Architects]"));
        assert!(is_credit_line("Courtesy of Jane Roe"));
        assert!(!is_credit_line("EU/EEA Regulatory Notice"));
        assert!(!is_credit_line("Style / Arts"));
        assert!(ends_in_credit("The plan is new | Jane Roe/Belga via AFP"));
        assert!(ends_in_credit(
            "The mayor speaks. Photo by Jane Roe/Getty Images"
        ));
    }

    #[test]
    fn a_caption_without_credit_has_none() {
        assert!(photo_credits(0, "Leaders meet in Paris (left to right).").is_empty());
    }
}
