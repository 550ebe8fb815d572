//! Derives an article's title, subtitle, authors, outlet and date from its blocks' roles.
//!
//! What a container states (HTML meta tags, JSON fields) wins; otherwise each field comes
//! from the blocks that carry it: the title block, byline names, an author bio ("X is a
//! correspondent for The Daily"), a copyright line, a short date line before the body.

use crate::ingest::Hints;
use crate::lexicon;
use crate::model::{Block, Metadata, Role};
use crate::segment::features::split_page_title;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

mod outlet;

static BYLINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[*•-]\s*)?(?i:by|written by|words by|story by|reporting by|published by|posted by|author)\s*:?\s+").unwrap()
});
static NAME_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|\band\b|\bas told to\b|&|\||·|•|;)\s*").unwrap());
static PERSON_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|al|bin|le|la|del|di)){1,4}$").unwrap()
});
static OUTLET_IN_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:correspondent|reporter|journalist|editor|writer|columnist|contributor|producer|analyst|chief|head)\s+(?i:for|at|with|of)\s+((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}&'’.-]*|of|and|&)){0,5})").unwrap()
});
static OUTLET_SELF_BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,5}) is (?:a|an|the)\b[^.]{0,80}?\b(?i:(?:news|media) (?:portal|site|website|outlet|organi[sz]ation|company|publication|network|platform|agency|brand)|newspaper|magazine|broadcaster|tabloid|news agency|wire service)\b").unwrap()
});
static MONTH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2})|(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})|(\d{1,2})-(\d{1,2})-(\d{4}))\b").unwrap()
});

/// Builds the article's metadata.
pub fn derive(blocks: &[Block], hints: &Hints) -> Metadata {
    let first = |role: Role| {
        blocks
            .iter()
            .find(|b| b.role == role)
            .map(|b| b.text.clone())
    };
    let title = hints
        .title
        .clone()
        .or_else(|| hints.headline.clone())
        .or_else(|| {
            first(Role::Title)
                .map(|t| strip_leading_button(&strip_trailing_byline(&strip_site_suffix(&t))))
        })
        .or_else(|| hints.meta_title.as_deref().map(strip_site_suffix));
    let stated = person_names(&hints.authors);
    let authors = if stated.is_empty() {
        byline_authors(blocks)
    } else {
        stated
    };
    Metadata {
        title,
        subtitle: first(Role::Subtitle).and_then(|s| standfirst(&s)),
        outlet: hints
            .outlet
            .as_deref()
            .map(stated_outlet)
            .or_else(|| find_outlet(blocks)),
        authors,
        published: hints.published.or_else(|| find_published(blocks)),
    }
}

/// Words that make a stated author a role or a desk, not a person ("Guardian staff reporter",
/// "Contributing Opinion Writer").
static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:staff|reporter|writer|editor|editors|correspondent|contributor|contributing|columnist|team|desk|newsroom|brandroom|bureau|wire|services?|officer|sponsored|director|president|founder|chairman|head of)\b").unwrap()
});

/// The people among the authors a page states: meta tags and feeds also list outlets
/// ("Associated Press", "NBA.com"), e-mail addresses, handles (`jane-doe`), credentials
/// ("RDN") and photo credits. A trailing outlet ("John Roe The Associated Press") is cut.
fn person_names(stated: &[String]) -> Vec<String> {
    let lex = lexicon::get();
    let mut out: Vec<String> = Vec::new();
    for name in stated {
        let mut name = name.trim().trim_end_matches([',', ';']).trim().to_string();
        for cut in [
            " The Associated Press",
            " Associated Press",
            ", Reuters",
            " Reuters",
        ] {
            if let Some(head) = name.strip_suffix(cut) {
                name = head.trim().to_string();
            }
        }
        let words = name.split_whitespace().count();
        let handle =
            words == 1 && (name.contains(['.', '-', '_']) || !name.chars().any(char::is_uppercase));
        let credential = words == 1 && name.len() <= 4 && !name.chars().any(char::is_lowercase);
        let keep = !name.is_empty()
            && !name.contains(['@', '(', ')', '/'])
            && !handle
            && !credential
            && (words != 1 || !lex.is_function_word(&name))
            && words <= 6
            && lex.outlet(&name).is_none()
            && !ROLE_WORDS.is_match(&name);
        if keep && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// "Headline | Site" keeps the headline; a markdown `# Headline` loses its marks.
fn strip_site_suffix(title: &str) -> String {
    let title = title.trim_start_matches('#').trim_start();
    split_page_title(title)
        .map_or(title, |(head, _)| head)
        .to_string()
}

/// "Headline by Jane Doe, Medical Xpress": renderers run a headline into the byline under
/// it. The byline is cut when it opens with a known given name ("Bitten by Great White
/// Sharks" stays whole).
fn strip_trailing_byline(title: &str) -> String {
    static TRAILING_BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(.{12,}?)\s+by\s+(\p{Lu}[\p{L}'’.-]+)(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}(?:\s*,.*)?$",
        )
        .unwrap()
    });
    // Research news prints the institution the same way ("... in days by University of
    // Tokyo").
    static BY_INSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(.{12,}?)\s+by\s+(?:the\s+)?(?:University|Institute|College|School|Academy|Laboratory|Centre|Center)\b[^,]{0,60}$").unwrap()
    });
    match TRAILING_BY.captures(title) {
        Some(c) if crate::lexicon::get().is_given_name(&c[2]) => c[1].to_string(),
        _ => match BY_INSTITUTION.captures(title) {
            Some(c) => c[1].to_string(),
            None => title.to_string(),
        },
    }
}

/// "Sign in Council approves budget": a renderer runs an account button into the headline
/// after it. The button is cut when a capitalised headline of four words or more follows.
fn strip_leading_button(title: &str) -> String {
    static BUTTON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:sign in|log in|sign up|subscribe|menu|search|skip to (?:main )?content)\s+(\p{Lu}.*)$").unwrap()
    });
    match BUTTON.captures(title) {
        Some(c) if c[1].split_whitespace().count() >= 4 => c[1].to_string(),
        _ => title.to_string(),
    }
}

/// The site named by a browser-tab title among the first blocks (`Headline | The Hill`).
fn site_in_page_title(blocks: &[Block]) -> Option<&str> {
    blocks.iter().take(3).find_map(|b| {
        let (_, site) = split_page_title(&b.text)?;
        let capitalised = site
            .split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        capitalised.then_some(site)
    })
}

/// Names from the article's own byline blocks: "By A and B", "A, Reuters", a bare "A B" line.
///
/// Whole pages carry other bylines too: tag lists of people in the news, teasers of related
/// stories with their authors. The article's byline sits between its headline and its body;
/// failing that, right after the body; failing that, a "By ..." line above the headline.
fn byline_authors(blocks: &[Block]) -> Vec<String> {
    let is = |i: usize, role: Role| blocks[i].role == role;
    let title = (0..blocks.len()).find(|&i| is(i, Role::Title)).unwrap_or(0);
    let body: Vec<usize> = (0..blocks.len()).filter(|&i| is(i, Role::Body)).collect();
    let (first, last) = match (body.first(), body.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (blocks.len(), blocks.len()),
    };
    // Up to the story's third paragraph: a standfirst or a caption the rules took for
    // story text may stand above the byline.
    let header_end = body.get(2).copied().unwrap_or(first).max(first);
    let header: Vec<&Block> = (title..header_end)
        .filter(|&i| is(i, Role::Byline))
        .map(|i| &blocks[i])
        .collect();
    let header_names = names_in(&header);
    if !header_names.is_empty() {
        return header_names;
    }
    // The first run of bylines after the body, allowing a few blocks of chrome before it.
    let trailer: Vec<&Block> = (last + 1..blocks.len())
        .skip_while(|&i| !is(i, Role::Byline))
        .take_while(|&i| is(i, Role::Byline))
        .filter(|&i| i <= last + 12)
        .map(|i| &blocks[i])
        .collect();
    let trailer_names = names_in(&trailer);
    if !trailer_names.is_empty() {
        return trailer_names;
    }
    let above: Vec<&Block> = blocks[..title]
        .iter()
        .filter(|b| b.role == Role::Byline && BYLINE_PREFIX.is_match(&b.text))
        .collect();
    names_in(&above)
}

/// "Published:" or "Updated" run into the name before it ("Courtney CarrPublished:").
static GLUED_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:Published|Updated|Posted|Last updated)\s*:?\s*$").unwrap());

/// A byline name without the job or desk printed after it: "Will Macmaster Editor",
/// "Craig Meyer USA TODAY NETWORK", "Jane Roe Senior Reporter". The name keeps two words.
fn without_trailing_desk(name: &str) -> &str {
    let mut end = name.len();
    loop {
        let head = name[..end].trim_end();
        let Some(cut) = head.rfind(' ') else {
            return head;
        };
        let last = &head[cut + 1..];
        let desk = is_desk_word(last);
        if !desk || head[..cut].split_whitespace().count() < 2 {
            return head;
        }
        end = cut;
    }
}

/// Job words that follow a byline name (beyond `ROLE_WORDS`).
static DESK_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:senior|chief|deputy|associate|assistant|managing|executive|political|opinion|news|sports|business|officer|director|manager|producer|photographer|analyst|intern|network|media|sponsored|head)$").unwrap()
});

/// A job, desk or outlet word printed after a byline name ("Editor", "Senior",
/// "Contributor", an outlet in capitals such as "USA TODAY").
pub(crate) fn is_desk_word(word: &str) -> bool {
    let shouted = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase);
    shouted || ROLE_WORDS.is_match(word) || DESK_WORDS.is_match(word)
}

fn names_in(bylines: &[&Block]) -> Vec<String> {
    let lex = lexicon::get();
    let mut out: Vec<String> = Vec::new();
    for b in bylines {
        let text = crate::segment::features::link_text(&b.text, " | ");
        let text = text.trim_start_matches(['*', '+', '•', '·']).trim_start();
        // A dateline may print the byline last: "Dec 21, 2023 at 1:39 pm | By Jane Roe".
        let text = match BY_AFTER_DATE.captures(text).and_then(|c| c.get(1)) {
            Some(m)
                if crate::segment::features::find_date_at(text).is_some_and(|d| d < m.start()) =>
            {
                &text[m.start()..]
            }
            _ => text,
        };
        let text = text
            .trim_start_matches(['|', '•', '·', '–', '—'])
            .trim_start();
        // The names stop where the date, a time or the outlet's handle starts:
        // "By Kisha Forde Dec 22, 2023 10:20 PM", "Noah Eastwood, Reporter 22 December 2023".
        let named = match crate::segment::features::find_date_at(text) {
            Some(at) => &text[..at],
            None => text,
        };
        let named = named
            .split_whitespace()
            .take_while(|w| {
                !w.contains('@')
                    && !w.starts_with(|c: char| c.is_ascii_digit())
                    && (w.chars().any(char::is_alphabetic) || matches!(*w, "&" | "," | "|" | ":"))
            })
            .collect::<Vec<_>>()
            .join(" ");
        let named = named.split(" - ").next().unwrap_or("");
        if named.split_whitespace().count() < 2 && !BYLINE_PREFIX.is_match(named) {
            continue;
        }
        let rest = BYLINE_PREFIX.replace(named, "");
        let rest = GLUED_STAMP.replace(&rest, "");
        let rest = FOR_OUTLET.replace(&rest, "");
        for part in NAME_SPLIT.split(&rest) {
            let part = without_trailing_desk(part.trim().trim_end_matches('.'));
            if PERSON_NAME.is_match(part)
                && !part.starts_with("The ")
                && !ROLE_WORDS.is_match(part)
                && lex.outlet(part).is_none()
                && !out.iter().any(|a| a == part)
            {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// The subtitle as a reader sees it: no Markdown heading marks; `None` for what only sat in
/// the standfirst's place (share links, form buttons, a date-and-byline line).
fn standfirst(text: &str) -> Option<String> {
    let text = text.trim().trim_start_matches('#').trim_start();
    let chrome = text.contains("](") || text.contains("(BUTTON)");
    let dated_byline =
        crate::segment::features::find_date(text).is_some() && BY_NAME.is_match(text);
    (!text.is_empty() && !chrome && !dated_byline).then(|| text.to_string())
}

/// The byline part of a dateline: a separator, then "By" and a capital.
static BY_AFTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[|•·–—]\s*|\b(?i:published|posted|written)\s+)((?i:by)\s*:?\s+\p{Lu})").unwrap()
});

/// "Jane Roe For Daily Mail Australia": the outlet a byline writes for, after the name.
static FOR_OUTLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?i:for)\s+\p{Lu}.*$").unwrap());

static BY_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s|])(?i:by)\s+\p{Lu}").unwrap());

/// A site name as metadata states it, less a tagline ("news.com.au — Australia's leading
/// news site") and a legal suffix ("Morningstar, Inc.").
fn stated_outlet(name: &str) -> String {
    let name = name.trim();
    let head = [" — ", " – ", " | ", " - ", ": "]
        .iter()
        .filter_map(|sep| name.split_once(sep).map(|(h, _)| h.trim()))
        .filter(|h| !h.is_empty())
        .min_by_key(|h| h.len())
        .unwrap_or(name);
    outlet::canonical(head).unwrap_or_else(|| head.to_string())
}

fn find_outlet(blocks: &[Block]) -> Option<String> {
    let canonical = |s: &str| outlet::canonical(s).unwrap_or_else(|| s.to_string());
    // The tab title names the site itself; copyright lines often name its parent company.
    if let Some(site) = site_in_page_title(blocks) {
        // A tab title may shorten the name the furniture spells out ("Berkeley" for
        // "Berkeley News").
        let site = canonical(site);
        let furniture = outlet::from_furniture(blocks);
        let extends = |f: &String| {
            let (f, s) = (f.to_lowercase(), site.to_lowercase());
            f.len() > s.len() && f.starts_with(&s) && f.as_bytes()[s.len()] == b' '
        };
        return Some(furniture.filter(extends).unwrap_or(site));
    }
    for b in blocks.iter().filter(|b| b.role == Role::Bio) {
        if let Some(c) = OUTLET_IN_BIO.captures(&b.text) {
            return Some(canonical(&c[1]));
        }
        if let Some(c) = OUTLET_SELF_BIO.captures(&b.text) {
            return Some(canonical(&c[1]));
        }
    }
    outlet::from_furniture(blocks)
}

/// A date stated on a byline/date line before the body.
fn find_published(blocks: &[Block]) -> Option<NaiveDate> {
    let body_start = blocks
        .iter()
        .position(|b| b.role == Role::Body)
        .unwrap_or(blocks.len());
    // Date lines may also sit among the first paragraphs, after a standfirst or a picture.
    let second_body = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.role == Role::Body)
        .nth(1)
        .map_or((body_start + 1).min(blocks.len()), |(i, _)| i);
    blocks[..second_body.max(body_start)]
        .iter()
        .filter(|b| b.role == Role::Byline)
        .find_map(|b| parse_date(&b.text))
}

/// Parses the first date written in the text.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let c = MONTH_DATE.captures(text)?;
    let month = |m: &str| {
        [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ]
        .iter()
        .position(|x| m.to_lowercase().starts_with(x))
        .map(|p| p as u32 + 1)
    };
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    if c.get(1).is_some() {
        NaiveDate::from_ymd_opt(num(3)? as i32, month(&c[1])?, num(2)?)
    } else if c.get(5).is_some() {
        NaiveDate::from_ymd_opt(num(6)? as i32, month(&c[5])?, num(4)?)
    } else if c.get(7).is_some() {
        NaiveDate::from_ymd_opt(num(7)? as i32, num(8)?, num(9)?)
    } else if c.get(13).is_some() {
        // Dashed day-month-year orders follow the slashed rule below.
        let (a, b, y) = (num(13)?, num(14)?, num(15)?);
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        NaiveDate::from_ymd_opt(y as i32, m, d)
    } else {
        // Slashed dates are month first (the US habit) unless the first number cannot be a
        // month; two-digit years are this century.
        let (a, b, y) = (num(10)?, num(11)?, num(12)?);
        let y = if y < 100 { 2000 + y } else { y } as i32;
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        NaiveDate::from_ymd_opt(y, m, d)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn subtitles_lose_heading_marks_and_chrome_is_none() {
        assert_eq!(
            super::standfirst("## The city wants to overhaul its image").as_deref(),
            Some("The city wants to overhaul its image")
        );
        assert_eq!(
            super::standfirst("Dec 21, 2023 at 1:39 pm | By Lexi Grant"),
            None
        );
        assert_eq!(
            super::standfirst("[__](https://example.com/share)[__](x)"),
            None
        );
        assert_eq!(
            super::standfirst("(BUTTON) Log In (BUTTON) Subscribe"),
            None
        );
    }

    #[test]
    fn stated_site_names_lose_taglines_and_legal_suffixes() {
        assert_eq!(
            super::stated_outlet("news.example — Australia's leading news site"),
            "news.example"
        );
        assert_eq!(super::stated_outlet("Morningstar, Inc."), "Morningstar");
    }

    use super::*;

    fn block(text: &str, role: Role) -> Block {
        Block {
            text: text.into(),
            role,
        }
    }

    #[test]
    fn stated_authors_keep_people_only() {
        let stated: Vec<String> = [
            "Jane Doe",
            "Associated Press",
            "Guardian staff reporter",
            "jdoe@daily.example",
            "jane-doe",
            "RDN",
            "(Image: Instagram/someone)",
            "John Roe The Associated Press",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(person_names(&stated), vec!["Jane Doe", "John Roe"]);
    }

    #[test]
    fn outlet_from_bio() {
        let b = vec![block(
            "Jane Doe is a national security correspondent for The Daily Planet covering defense.",
            Role::Bio,
        )];
        assert_eq!(find_outlet(&b).as_deref(), Some("The Daily Planet"));
        let b = vec![block(
            "Planet News is a dynamic online news portal dedicated to coverage.",
            Role::Bio,
        )];
        assert_eq!(find_outlet(&b).as_deref(), Some("Planet News"));
        let b = vec![block(
            "Jane Doe is the Multimedia and Social Media Editor at Asia Weekly. She writes.",
            Role::Bio,
        )];
        assert_eq!(find_outlet(&b).as_deref(), Some("Asia Weekly"));
    }

    #[test]
    fn authors_only_from_the_articles_own_byline() {
        let b = vec![
            block("Donald Trump", Role::Byline),
            block("Nikki Haley", Role::Byline),
            block("Ministers Meet in Geneva", Role::Title),
            block("By Jane Doe", Role::Byline),
            block("The minister met his counterpart on Tuesday.", Role::Body),
            block("Joe Biden", Role::Byline),
        ];
        assert_eq!(byline_authors(&b), vec!["Jane Doe"]);
        let b = vec![
            block("Ministers Meet in Geneva", Role::Title),
            block("The minister met his counterpart on Tuesday.", Role::Body),
            block("Jane Doe", Role::Byline),
        ];
        assert_eq!(byline_authors(&b), vec!["Jane Doe"]);
    }

    #[test]
    fn outlet_from_the_tab_title_before_the_copyright_holder() {
        let b = vec![
            block(
                "Democrats fume over hydrogen proposal | The Hill",
                Role::Other,
            ),
            block(
                "Copyright 2024 Nexstar Media Inc. All rights reserved.",
                Role::Other,
            ),
        ];
        assert_eq!(find_outlet(&b).as_deref(), Some("The Hill"));
    }

    #[test]
    fn authors_from_bylines() {
        let b = vec![
            block("By Jane Doe and John Roe", Role::Byline),
            block("Mary Major", Role::Byline),
        ];
        assert_eq!(
            byline_authors(&b),
            vec!["Jane Doe", "John Roe", "Mary Major"]
        );
    }

    #[test]
    fn byline_names_lose_desks_jobs_and_stamps() {
        let names = |t: &str| names_in(&[&block(t, Role::Byline)]);
        assert_eq!(names("Will Macmaster Editor"), vec!["Will Macmaster"]);
        assert_eq!(names("Craig Meyer USA TODAY NETWORK"), vec!["Craig Meyer"]);
        assert_eq!(names("Ann Lee Senior Political Reporter"), vec!["Ann Lee"]);
        assert_eq!(
            names("Courtney CarrPublished: December 20, 2023"),
            vec!["Courtney Carr"]
        );
        assert_eq!(
            names("By Jane Doe, Contributing Opinion Writer"),
            vec!["Jane Doe"]
        );
        assert!(names("The Worcester Telegram & Gazette").len() <= 1);
        assert!(!names("The Worcester Telegram & Gazette")
            .contains(&"The Worcester Telegram".to_string()));
    }

    #[test]
    fn a_byline_below_a_standfirst_taken_for_story_text_counts() {
        let long = "The ministers met again on Tuesday and agreed on a plan for the talks.";
        let b = vec![
            block("Ministers meet", Role::Title),
            block(long, Role::Body),
            block("By Jane Doe", Role::Byline),
            block(long, Role::Body),
            block(long, Role::Body),
        ];
        assert_eq!(byline_authors(&b), vec!["Jane Doe"]);
    }

    #[test]
    fn headlines_lose_run_in_buttons_and_institution_bylines() {
        assert_eq!(
            strip_leading_button("Sign in It Is the End of the World"),
            "It Is the End of the World"
        );
        assert_eq!(strip_leading_button("Subscribe Now"), "Subscribe Now");
        assert_eq!(
            strip_trailing_byline("How jellyfish regrow tentacles in days by University of Tokyo"),
            "How jellyfish regrow tentacles in days"
        );
        assert_eq!(
            strip_trailing_byline("Founded by the University of Tokyo, a lab grows"),
            "Founded by the University of Tokyo, a lab grows"
        );
    }

    #[test]
    fn byline_names_stop_at_dates_handles_and_links() {
        let names = |t: &str| names_in(&[&block(t, Role::Byline)]);
        assert_eq!(
            names("By Kisha Forde Dec 22, 2023 10:20 PM Tags"),
            vec!["Kisha Forde"]
        );
        assert_eq!(
            names("By [Jane Roe](https://example.com/author/jane-roe) [Fox News](https://example.com/)"),
            vec!["Jane Roe"]
        );
        assert_eq!(
            names("By: Carla Gomez , Jordeene B. Lagare - @inquirerdotnet"),
            vec!["Carla Gomez", "Jordeene B. Lagare"]
        );
        assert!(measure_byline(
            "[Jane Roe](https://example.com/author/jane-roe)"
        ));
        assert_eq!(
            names("Dec 21, 2023 at 1:39 pm | By Jane Roe"),
            vec!["Jane Roe"]
        );
        assert_eq!(names("* Jane Roe"), vec!["Jane Roe"]);
        assert_eq!(
            names("Posted On : [May 20, 2018](https://example.com/2018/) Published By : [Jane Roe](https://example.com/author/jane)"),
            vec!["Jane Roe"]
        );
        assert_eq!(names("Jane Roe For Daily Mail Australia"), vec!["Jane Roe"]);
        assert_eq!(
            names("Jane Roe as told to Mary Smith"),
            vec!["Jane Roe", "Mary Smith"]
        );
        assert_eq!(
            names("By Jane Roe | jroe@example.com | South Florida"),
            vec!["Jane Roe"]
        );
    }

    fn measure_byline(text: &str) -> bool {
        crate::segment::features::measure(text).byline
    }

    #[test]
    fn a_byline_run_into_the_headline_is_cut() {
        assert_eq!(
            strip_trailing_byline("Statins reduce risk of clots by Justin Jackson, Medical Xpress"),
            "Statins reduce risk of clots"
        );
        assert_eq!(
            strip_trailing_byline("Swimmer Bitten by Great White Shark"),
            "Swimmer Bitten by Great White Shark"
        );
    }

    #[test]
    fn dashed_dates_are_month_first_unless_they_cannot_be() {
        assert_eq!(
            parse_date("12-19-2023"),
            NaiveDate::from_ymd_opt(2023, 12, 19)
        );
        assert_eq!(
            parse_date("19-12-2023"),
            NaiveDate::from_ymd_opt(2023, 12, 19)
        );
    }

    #[test]
    fn dates_in_several_shapes() {
        assert_eq!(
            parse_date("Feb. 22, 2023"),
            NaiveDate::from_ymd_opt(2023, 2, 22)
        );
        assert_eq!(
            parse_date("22 February 2023"),
            NaiveDate::from_ymd_opt(2023, 2, 22)
        );
        assert_eq!(
            parse_date("- 12/22/23 12:24 PM ET"),
            NaiveDate::from_ymd_opt(2023, 12, 22)
        );
        assert_eq!(
            parse_date("22/12/2023"),
            NaiveDate::from_ymd_opt(2023, 12, 22)
        );
        assert_eq!(
            parse_date("Updated 2023-02-22"),
            NaiveDate::from_ymd_opt(2023, 2, 22)
        );
    }

    #[test]
    fn date_only_from_lines_before_the_body() {
        let b = vec![
            block("Title Here Now", Role::Title),
            block("Body mentions Feb. 21, 2023 in passing.", Role::Body),
            block("March 1, 2023", Role::Byline),
        ];
        assert_eq!(find_published(&b), None);
    }
}
