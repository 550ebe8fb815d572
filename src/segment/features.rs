//! Measurements and chrome patterns of one block, each a small named test.
//!
//! Every test here looks at the block alone (its length, shape and wording) so it can be
//! checked in isolation; `roles` combines them with position on the page.

use crate::lexicon;
use regex::Regex;
use std::sync::LazyLock;

/// What `roles` needs to know about one block.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub words: usize,
    /// Ends a sentence (`.`, `!`, `?`, `…`, possibly followed by closing quotes or brackets).
    pub terminal: bool,
    /// Share of content words that start with a capital letter.
    pub cap_ratio: f32,
    pub prose: bool,
    pub nav: bool,
    pub related: bool,
    pub credit: bool,
    pub caption: bool,
    pub reference_entry: bool,
    pub bio: bool,
    pub name_line: bool,
    pub byline: bool,
    pub date_line: bool,
    pub stop_marker: bool,
    /// Starts with a list marker (`*`, `+`, `-`, `•`, `1.`): a renderer's list item.
    pub bullet: bool,
    /// Mostly link text as a renderer writes it (`[text](url)`, lynx `[12]` references).
    pub link_line: bool,
    /// A markdown heading's level (`# Title` is 1), 0 when the block is none.
    pub md_heading: u8,
}

/// Short words that stay lower case in Title Case headlines.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "as",
    "with", "from", "into", "over", "via", "vs", "per", "up", "is", "are", "be",
];

static NAV: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:home|menu|search|type to search|search for:?|skip to (?:main )?content|sign (?:in|up)|log ?in|log ?out|register|subscribe(?: now)?|connect with us|follow us(?: on .*)?|share(?: this(?: article| story)?)?:?|leave a (?:comment|reply)|post a comment|\d+ comments?|comments?|previous (?:post|article)|next (?:post|article)|previous post next post|related topics|tags?:?.*|advertisement|advertising|sponsored(?: content)?|print|email|e-mail|newsletter|cookies?|privacy(?: policy)?|terms (?:of (?:use|service)|and conditions)|contact(?: us)?|about(?: us)?|all rights reserved.*|back to top|read more|load more|show more|click here.*|close|open menu|toggle navigation|main menu|trending(?: now)?|latest(?: news)?|most (?:read|popular)|watch live|listen|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|instagram|youtube|copy link|this div height required.*)$").unwrap()
});
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:also (?:on|read|see|in)\b|read (?:more|also|next)\b|see also\b|related(?: (?:articles?|stories|content|coverage|news|topics|posts?|reading))?\s*:|more (?:from|on|stories|news)\b.*:|recommended(?: for you| reading)?\s*:?$|you (?:may|might) also (?:like|be interested)|editor'?s picks|watch:|listen:|must read:|further reading)").unwrap()
});
static CREDIT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:[•·*–—-]\s*)?(?:(?:photo|image|picture|video|illustration|graphic|file photo|photograph|footage)s?(?: credit)?\s*[:/]|(?:(?:photo|image|picture)s?\s+)?courtesy of\b|credit\s*:|\(?(?:ap|afp|reuters|epa|getty images)(?: photo)?\)?\s*$|.*\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|.*\b(?:additional|with) (?:reporting|editing|writing|research)\b.*\bby\b|(?:reporting|editing|writing|compiled) by\b)").unwrap()
});
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:photo|image|picture|credit|photograph)s?\s*(?:credit)?\s*:\s*[^.]{2,80}$|[(\[][^()\[\]]*(?:getty images|via [^()\[\]]+|photo|reuters|afp|/ap|ap/|epa|shutterstock|sputnik|xinhua|bloomberg|tass|pool|anadolu)[^()\[\]]*[)\]]\s*$|\b(?:featured image|file photo|file image|stock photo)\s*$|\|\s*[^|]{0,60}(?:getty images|/ap|/afp|/reuters|/epa|shutterstock|/pool|via [\w .]+)\s*$)").unwrap()
});
/// "Sam Whitney/The New York Times", "(Jane Doe / Reuters)": a photographer and an agency.
static SLASH_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?\p{Lu}\p{Ll}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}\s*/\s*(?:The\s+)?\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*){0,4}\)?$").unwrap()
});
static REFERENCE_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\[\d{1,3}\]|\d{1,3}[.)]|\^)\s+\S").unwrap());
static REFERENCE_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)[“"‘]|https?://|www\.|\b(?:19|20)\d\d\b|\bretrieved\b|\baccessed\b"#).unwrap()
});
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][\p{L}'’.-]+\s+){0,3}[A-Z][\p{L}'’.-]+\s+(?:is|was|has been|has|covers|writes|reports|joined|served)\b").unwrap()
});
static BIO_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|producer|freelance|bureau|news (?:portal|site|website|outlet|organi[sz]ation|agency)|media (?:organi[sz]ation|company|outlet)|publication|covers|covering|you can (?:write|reach|email|follow)|follow (?:him|her|them) on|author of)\b").unwrap()
});
static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|written by|words by|story by|reporting by)\s*:?\s+\p{Lu}").unwrap()
});
/// A dateline that ends in the byline after a separator ("Dec 21, 2023 at 1:39 pm | By
/// Jane Roe").
static DATED_BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[|•·–—]\s*(?i:by)\s+\p{Lu}").unwrap());
/// A markdown link to an author's page ("[Jane Doe](https://site/author/jane-doe)"): a byline
/// whatever words surround it.
static AUTHOR_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[\s*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}\s*\]\([^)\s]*/(?:authors?|writers?|people|person|profiles?|staff|contributors?|journalists?|reporters?|columnists?|users/profile)/[^)\s]*\)").unwrap()
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4})\b").unwrap()
});
/// What else a line that only dates the story holds: times, weekdays, zones, "at", "updated".
static DATE_REST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d{1,2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|[ap]\.?m\.?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?|[a-z]{1,2}[sd]t|gmt|utc|et|pt|ct|at|on|updated|published|posted|last|first|modified|\d+[hmd]|ago|[|•·,–—-])$").unwrap()
});
static DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[*•·-]\s*)?(?:published|posted|updated|last updated|first published|date)\b",
    )
    .unwrap()
});
static STOP_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d+\s+)?(?:comments?|responses?)\s*(?:\(\d+\))?$|^leave a (?:comment|reply)|^post a comment|^(?:join|start) the (?:conversation|discussion)|^add (?:a|your) comment|^related topics$|^(?:©|copyright\b|\(c\)\s*\d{4})|all rights reserved|^previous (?:post|article)|^next (?:post|article)|^about the authors?$|^more (?:stories|articles) from\b|^you (?:may|might) also like|^recommended for you").unwrap()
});
static NAME_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’]+)?|\p{Lu}\.|(?:de|da|van|von|der|al|bin|le|la|del|di)|\p{Lu}[\p{Ll}]+\p{Lu}[\p{Ll}]+)$").unwrap()
});

/// A list item as text renderers write it: inscriptis and lynx `*`/`+`/`o` by nesting level,
/// html2text `*`/`-`, others `•`, `▪`, `·` or `1.`.
static LIST_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[*+•▪·◦‣–-]|\d{1,3}[.)])(?:\s+|$)|^o\s+\p{Lu}").unwrap());
/// A markdown link or image, html2text's rendering of `<a>` and `<img>`.
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)"#).unwrap());
/// A lynx link reference (`[12]`), written before each link's text.
static LYNX_REF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\d{1,4}\]").unwrap());
static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(#{1,6})\s+\S").unwrap());

/// Whether most of the block is link text: links are how menus and teaser lists are written.
fn is_link_line(text: &str, words: usize) -> bool {
    // Both kinds of link open with `[`.
    if !text.contains('[') {
        return false;
    }
    let rest = LIST_MARKER.replace(text, "");
    let rest = rest.trim();
    if rest.is_empty() {
        return false;
    }
    let linked: usize = MD_LINK.find_iter(rest).map(|m| m.len()).sum();
    if linked * 10 >= rest.len() * 7 {
        return true;
    }
    // lynx: `[12]Home` or `[3]World [4]Politics`.
    let refs = LYNX_REF.find_iter(rest).count();
    refs > 0 && words <= 8 && (rest.starts_with('[') || refs * 2 >= words)
}

/// A site's notice about its cookies, consent or captcha ("This website uses cookies to
/// enhance user experience ... opt out ... third parties"): prose in shape, chrome in
/// substance, and often longer than a short story. Several notice terms must meet, so a
/// story that mentions cookies once is not one.
fn is_consent_notice(text: &str) -> bool {
    const ANCHORS: &[&str] = &["cookie", "consent", "recaptcha"];
    const TERMS: &[&str] = &[
        "cookie",
        "consent",
        "recaptcha",
        "opt-out",
        "opt out",
        "personal information",
        "personal data",
        "your browser",
        "our website",
        "this website",
        "our site",
        "this site",
        "third part",
        "privacy",
        "preferences",
        "terms of service",
        "user experience",
        "website",
        "gdpr",
    ];
    let terms = TERMS.iter().filter(|w| contains_ascii_ci(text, w)).count();
    // A cookie table names its cookies again and again ("This cookie is set by ...").
    let cookies = text
        .as_bytes()
        .windows(6)
        .filter(|w| w.eq_ignore_ascii_case(b"cookie"))
        .count();
    ANCHORS.iter().any(|w| contains_ascii_ci(text, w)) && (terms >= 3 || cookies >= 3)
}

/// The furniture of an embedded social post ("View this post on Instagram", "A post shared
/// by Name (@handle)"): the platform's words, not the story's.
static EMBED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:view (?:this|the) (?:post|video|profile) on \w+|an? (?:post|video|photo) shared by .{1,60}\(@[\w.]+\)|a post shared by @?[\w.]+)\s*$").unwrap()
});

/// Whether a short line is social-embed furniture (`EMBED`).
fn is_embed_furniture(text: &str, words: usize) -> bool {
    words <= 14 && contains_ascii_ci(text, "post") && EMBED.is_match(text.trim())
}

/// A short line written in capitals only: a section banner or a menu, not a headline.
fn is_caps_menu(text: &str, words: usize) -> bool {
    words <= 5
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !text.chars().any(char::is_lowercase)
        && !ends_sentence(text)
}

/// Measures one block.
///
/// Most blocks of a rendered page are a few words of chrome, so the cost per block is the
/// number of regex searches, not their length: each test below is gated by the word count
/// it needs and by a byte-level check of what its pattern must contain (`may_*`), which
/// skips the search without changing its answer.
pub fn measure(text: &str) -> Features {
    crate::work::add(text.len());
    let words: Vec<&str> = text.split_whitespace().collect();
    let n = words.len();
    let terminal = ends_sentence(text);
    let cap_ratio = capitalised_share(&words);
    let reference_entry = may_start_reference(text)
        && REFERENCE_ENTRY.is_match(text)
        && REFERENCE_SHAPE.is_match(text);
    let credit = n <= 25
        && ((may_be_credit(text) && CREDIT_ONLY.is_match(text))
            || (n <= 8 && text.contains('/') && SLASH_CREDIT.is_match(text)));
    let caption = !credit && may_end_in_credit(text) && TRAILING_CREDIT.is_match(text);
    let name_line = is_name_line(&words);
    let bullet = is_list_item(text) && !reference_entry;
    let link_line = is_link_line(text, n);
    let md_heading = if text.starts_with('#') {
        MD_HEADING.captures(text).map_or(0, |c| c[1].len() as u8)
    } else {
        0
    };
    // A long block without a full stop is prose only when it reads as sentences: a dump of
    // categories or archive months ("Categories Select Category 2007 In Review 3D ...") is
    // mostly capitalised.
    let long_prose = n >= 40 && (terminal || cap_ratio < 0.6);
    let consent = n >= 10 && is_consent_notice(text);
    // A list item cut short with an ellipsis is a teaser for another story.
    let teaser = bullet && (text.trim_end().ends_with("...") || text.trim_end().ends_with('…'));
    let prose = ((n >= 10 && terminal) || long_prose) && !credit && !caption && !consent && !teaser;
    // Form controls as lynx prints them ("(BUTTON) Sign up", "[ ] Remember me").
    let form_control = n <= 12 && (text.contains("(BUTTON)") || text.starts_with("[ ]"));
    let listed_chrome = (bullet && !prose)
        || form_control
        || link_line
        || is_caps_menu(text, n)
        || consent
        || is_embed_furniture(text, n);
    Features {
        words: n,
        terminal,
        cap_ratio,
        prose: prose && !link_line,
        nav: (n <= 12 && NAV.is_match(text.to_lowercase().trim_end_matches(['.', ':', ' '])))
            || listed_chrome,
        related: n <= 30 && may_start_related(text) && RELATED.is_match(text),
        credit,
        caption,
        reference_entry,
        bio: n >= 8
            && text.starts_with(|c: char| c.is_ascii_uppercase())
            && BIO.is_match(text)
            && BIO_WORDS.is_match(text),
        name_line,
        byline: n <= 20
            && ((may_start_byline(text) || text.contains("]("))
                && BY_LINE.is_match(&link_text(text, ""))
                || text.contains("](") && AUTHOR_LINK.is_match(text)
                || contains_ascii_ci(text, "by ")
                    && DATED_BY.is_match(text)
                    && find_date(text).is_some()),
        date_line: n <= 16 && is_date_line(text, n),
        stop_marker: n <= 12 && may_be_stop_marker(text) && STOP_MARKER.is_match(text.trim()),
        bullet,
        link_line,
        md_heading,
    }
}

// Byte-level checks of what a pattern must contain, each a superset of its matches. `(?i)`
// folds `s` with `ſ` (U+017F) and `k` with the Kelvin sign (U+212A), the only non-ASCII
// letters that fold to ASCII ones, so a text holding either always goes to the regex.

/// Whether `text` holds a letter that `(?i)` folds to an ASCII one.
fn folds_to_ascii(text: &str) -> bool {
    !text.is_ascii() && (text.contains('\u{17F}') || text.contains('\u{212A}'))
}

/// Whether `text` contains `needle` (lower-case ASCII) in any ASCII case.
fn contains_ascii_ci(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `REFERENCE_ENTRY` starts with `[`, `^` or a digit.
fn may_start_reference(text: &str) -> bool {
    text.starts_with(['[', '^']) || text.starts_with(char::is_numeric)
}

/// `LIST_MARKER`'s first character.
fn may_start_list_item(text: &str) -> bool {
    text.starts_with(['*', '+', '•', '▪', '·', '◦', '‣', '–', '-', 'o'])
        || text.starts_with(char::is_numeric)
}

fn is_list_item(text: &str) -> bool {
    may_start_list_item(text) && LIST_MARKER.is_match(text)
}

/// `CREDIT_ONLY`: a label before `:` or `/`, "contributed", "reporting by" and the like, or
/// an agency alone (at most "(getty images photo)" after the bullet).
fn may_be_credit(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "contributed",
        "reporting",
        "editing",
        "writing",
        "research",
        "compiled",
        "courtesy",
    ];
    text.contains([':', '/'])
        || WORDS.iter().any(|w| contains_ascii_ci(text, w))
        || text
            .trim_start_matches(['•', '·', '*', '–', '—', '-'])
            .trim()
            .len()
            <= 20
        || folds_to_ascii(text)
}

/// `TRAILING_CREDIT`: a label and `:`, an agency in brackets at the end, or "... photo".
fn may_end_in_credit(text: &str) -> bool {
    const LABELS: &[&str] = &["photo", "image", "picture", "credit"];
    const AGENCIES: &[&str] = &[
        "getty images",
        "via ",
        "photo",
        "reuters",
        "afp",
        "/ap",
        "ap/",
        "epa",
        "shutterstock",
        "sputnik",
        "xinhua",
        "bloomberg",
        "tass",
        "pool",
        "anadolu",
    ];
    let end = text.trim_end().as_bytes();
    let ends_ci = |w: &str| {
        end.len() >= w.len() && end[end.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    let any_ci = |words: &[&str]| words.iter().any(|w| contains_ascii_ci(text, w));
    (text.contains(':') && any_ci(LABELS))
        || ((end.ends_with(b")") || end.ends_with(b"]")) && any_ci(AGENCIES))
        || ends_ci("photo")
        || ends_ci("image")
        || text.contains('|') && any_ci(AGENCIES)
        || folds_to_ascii(text)
}

/// `RELATED`'s first letter.
fn may_start_related(text: &str) -> bool {
    text.starts_with([
        'a', 'A', 'r', 'R', 's', 'S', 'm', 'M', 'y', 'Y', 'e', 'E', 'w', 'W', 'l', 'L', 'f', 'F',
    ]) || folds_to_ascii(text)
}

/// `BY_LINE`'s first letter (of the text or, after a link, of its link text).
fn may_start_byline(text: &str) -> bool {
    text.starts_with(['b', 'B', 'w', 'W', 's', 'S', 'r', 'R']) || folds_to_ascii(text)
}

/// `STOP_MARKER`: one of its words.
fn may_be_stop_marker(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "comment",
        "respons",
        "leave",
        "conversation",
        "discussion",
        "related",
        "copyright",
        "(c)",
        "rights",
        "previous",
        "next",
        "author",
        "more",
        "you",
        "recommended",
    ];
    text.contains('©') || WORDS.iter().any(|w| contains_ascii_ci(text, w)) || folds_to_ascii(text)
}

/// `DATE` needs digits.
fn may_hold_date(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_digit())
    } else {
        text.chars().any(char::is_numeric)
    }
}

/// A line that dates the story and says nothing else: "Published 22 Feb 2023 10:04 GMT",
/// "Saturday December 30, 2023 10:00 PM EST 12/30/2023 10:00 PM".
fn is_date_line(text: &str, words: usize) -> bool {
    if !may_hold_date(text) || !DATE.is_match(text) {
        return false;
    }
    if words <= 6 || DATE_PREFIX.is_match(text) && words <= 14 {
        return true;
    }
    DATE.replace_all(text, " ")
        .split_whitespace()
        .all(|w| DATE_REST.is_match(w))
}

/// Whether the text ends a sentence, looking through closing quotes and brackets.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*')
    });
    t.ends_with(['.', '!', '?', '…'])
}

fn capitalised_share(words: &[&str]) -> f32 {
    let mut content = 0usize;
    let mut caps = 0usize;
    for w in words {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() || is_small_word(core) {
            continue;
        }
        content += 1;
        if core
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        {
            caps += 1;
        }
    }
    if content == 0 {
        0.0
    } else {
        caps as f32 / content as f32
    }
}

/// `SMALL_WORDS.contains(&word.to_lowercase())` without the `String`: the small words are
/// ASCII without `k` (the Kelvin sign is the one non-ASCII letter lower-casing to ASCII), so
/// only an ASCII word of at most four bytes can be one.
fn is_small_word(word: &str) -> bool {
    word.len() <= 4 && word.is_ascii() && SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Two to four name-shaped tokens and nothing else: "Rachel Adams", "Jean-Luc de la Tour".
/// Whether a piece of a line is only a person's name (`Features::name_line` of that text),
/// without measuring the rest of it.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    is_name_line(&words)
}

fn is_name_line(words: &[&str]) -> bool {
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let lex = lexicon::get();
    let first = words[0];
    if !first.chars().next().is_some_and(char::is_uppercase)
        || lex.is_function_word(first)
        || words.iter().any(|w| lex.is_chrome_word(w))
    {
        return false;
    }
    let all_names = words.iter().all(|w| NAME_TOKEN.is_match(w));
    all_names
        && words
            .last()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        // "Tucker Carlson Is Entering Streaming" is a Title Case headline, not a name.
        && !words.iter().any(|w| {
            lex.is_function_word(w) && !NAME_PARTICLES.contains(&w.to_lowercase().as_str())
        })
        && (lex.is_given_name(first)
            || words.iter().filter(|w| lex.is_common_word(w)).count() * 2 <= words.len())
}

/// Lower-case words inside names ("Jean-Luc de la Tour", "Osama bin Laden").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "al", "bin", "le", "la", "del", "di",
];

/// Whether the first token of a name line is a known given name.
pub fn starts_with_given_name(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|w| lexicon::get().is_given_name(w))
}

/// The text a reader sees: markdown links and images (html2text) replaced by their text
/// and `after` ("" to read on, " | " to keep neighbouring links apart).
pub fn link_text<'a>(text: &'a str, after: &str) -> std::borrow::Cow<'a, str> {
    if text.contains("](") {
        MD_LINK.replace_all(text, format!("${{1}}{after}").as_str())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Where the first date in the text starts.
pub fn find_date_at(text: &str) -> Option<usize> {
    may_hold_date(text)
        .then(|| DATE.find(text))?
        .map(|m| m.start())
}

/// Whether the block's text has a date a reader would take for the article's own date.
pub fn find_date(text: &str) -> Option<&str> {
    may_hold_date(text)
        .then(|| DATE.find(text))?
        .map(|m| m.as_str())
}

/// A browser-tab title, `Headline | Section | Site` or `Headline - Site`: the headline and
/// the site, when the text has that shape.
///
/// Pages saved as text open with the HTML `<title>`, which is the headline with the site's
/// name appended; the headline itself then reappears as the page's `<h1>`. Trailing `|`
/// segments of up to five words are peeled off; a dash is taken as a separator only when no
/// bar was, and only before a capitalised tail of up to four words ("– report" stays).
pub fn split_page_title(text: &str) -> Option<(&str, &str)> {
    let short = |s: &str, max: usize| (1..=max).contains(&s.split_whitespace().count());
    let long_enough = |s: &str| s.split_whitespace().count() >= 3;
    let mut head = text.trim();
    let mut site = None;
    while let Some((h, tail)) = head.rsplit_once(" | ") {
        if !short(tail, 5) || !long_enough(h) {
            break;
        }
        site.get_or_insert(tail.trim());
        head = h.trim();
    }
    if site.is_none() {
        for sep in [" - ", " – ", " — "] {
            if let Some((h, tail)) = head.rsplit_once(sep) {
                let capitalised = tail
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
                if short(tail, 4) && capitalised && long_enough(h) {
                    site = Some(tail.trim());
                    head = h.trim();
                    break;
                }
            }
        }
    }
    site.map(|s| (head, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_titles_split_into_headline_and_site() {
        assert_eq!(
            split_page_title("UN passes resolution on aid delivery | World News | Al Jazeera"),
            Some(("UN passes resolution on aid delivery", "Al Jazeera"))
        );
        assert_eq!(
            split_page_title(
                "Trump pressured officials not to certify vote – report | US | The Guardian"
            ),
            Some((
                "Trump pressured officials not to certify vote – report",
                "The Guardian"
            ))
        );
        assert_eq!(
            split_page_title("The zoo called in a TV host to read the results - CBS News"),
            Some((
                "The zoo called in a TV host to read the results",
                "CBS News"
            ))
        );
        assert_eq!(
            split_page_title("Trump pressured officials not to certify vote – report"),
            None
        );
        assert_eq!(split_page_title("Ministers Meet in Geneva"), None);
    }

    #[test]
    fn prose_needs_length_and_a_sentence_end() {
        assert!(
            measure("The minister met his counterpart on Tuesday to discuss trade and security.")
                .prose
        );
        assert!(
            !measure("China and Russia Strengthen Ties as US Casts Them as Global Threats").prose
        );
    }

    #[test]
    fn chrome_patterns() {
        assert!(measure("Leave a Comment").nav);
        assert!(measure("Also on AF: Blinken Warning on Aid").related);
        assert!(measure("Also read:").related);
        assert!(measure("Dec 21, 2023 at 1:39 pm | By Jane Roe").byline);
        assert!(measure("* Published : 16:46, 22 Dec 2023").date_line);
        assert!(!measure("Prices rose | by the way, markets fell").byline);
        assert!(measure("View this post on Instagram").nav);
        assert!(measure("A post shared by Jane Doe Smith (@janedoe.smith)").nav);
        assert!(!measure("A post shared by thousands of readers went viral.").nav);
        assert!(measure("(BUTTON) Sign up").nav);
        assert!(
            measure("The gas field is owned by two firms | Jane Roe/AFP via Getty Images").caption
        );
        assert!(!measure("Markets | Business | World news today").caption);
        assert!(measure("Photo courtesy of the City of Bayonne").credit);
        assert!(measure("Photo: Reuters").credit);
        assert!(measure("Reuters contributed to this report.").credit);
        assert!(measure("• Reuters, with additional editing by Jane Doe").credit);
        assert!(
            measure("A man walks past a mural in Kyiv. (Jane Doe/AFP via Getty Images)").caption
        );
        assert!(measure("Leaders shake hands before talks. Photo: Reuters").caption);
        assert!(measure("Two envoys speak before the council meeting [Jane Doe/AP]").caption);
        assert!(measure("Sam Whitney/The New York Times").credit);
        assert!(measure("(Dania Maxwell / Los Angeles Times)").credit);
        assert!(!measure("Ministers Meet in Geneva").credit);
        assert!(!measure("EU/EEA Regulatory Notice").credit);
    }

    #[test]
    fn reference_entries_need_a_number_and_a_citation_shape() {
        assert!(measure("3. “Title of piece” Bloomberg, 22 Feb. 2023,").reference_entry);
        assert!(!measure("3 things to know").reference_entry);
    }

    #[test]
    fn bios_name_a_journalism_role() {
        assert!(
            measure("Jane Doe is a senior correspondent for The Daily covering energy markets.")
                .bio
        );
        assert!(!measure("Jane Doe is a farmer who lost her crops to the flood last year.").bio);
    }

    #[test]
    fn each_renderers_list_items_and_links_are_chrome() {
        // inscriptis and lynx nest `*`, `+`, `o`; html2text writes `*` and markdown links;
        // BeautifulSoup and others `•`, `-`, numbers.
        for line in [
            "* Breaking News Alerts",
            "+ Energy & Environment",
            "o Senate",
            "• World",
            "- Politics",
            "3. Most read story",
            "* [Politics](https://example.com/politics)",
            "[Sign up for our newsletter](/newsletter)",
            "[12]Home",
            "[3]World [4]Business [5]Tech",
            "ENERGY & ENVIRONMENT",
        ] {
            let f = measure(line);
            assert!(f.nav, "{line}");
        }
        let item = measure(
            "* The minister said the talks would resume next week in Geneva after the summit.",
        );
        assert!(item.bullet && item.prose && !item.nav);
        let prose = measure("The minister told [the BBC](https://bbc.co.uk) that talks would resume next week in Geneva.");
        assert!(prose.prose && !prose.link_line);
        assert!(!measure("Ministers Meet in Geneva").nav);
        assert_eq!(measure("# Ministers Meet in Geneva").md_heading, 1);
    }

    #[test]
    fn consent_notices_and_category_dumps_are_not_prose() {
        let notice = measure("This website uses cookies to enhance user experience and to analyze performance and traffic on our website. We also share information about your use of our site with our social media partners.");
        assert!(!notice.prose && notice.nav);
        let story = measure("The regulator fined the company on Tuesday for placing a cookie on the devices of visitors without asking them first, the first such fine this year.");
        assert!(story.prose && !story.nav);
        let dump = "Categories Select Category 2007 In Review 3D Printing Acer Amazon Android Apparel Apple Audio Batteries Bluetooth Books Broadband Cameras Cars Computers Consoles Deals Drones Energy Fitness Games Gadgets Gaming Health Home Laptops Music Phones Robots Science Security Smartphones Space Sport Tablets TVs Wearables";
        assert!(!measure(dump).prose);
        let teaser = measure("* Singer says she was treated like a criminal after her bank accounts were frozen by...");
        assert!(!teaser.prose && teaser.nav);
    }

    #[test]
    fn dates_and_bylines() {
        assert!(measure("February 22, 2023").date_line);
        assert!(measure("Published 22 Feb 2023 10:04 GMT").date_line);
        assert!(measure("Saturday December 30, 2023 10:00 PM EST 12/30/2023 10:00 PM").date_line);
        assert!(measure("Dec. 22, 2023 at 6:00 am Updated Dec. 22, 2023 at 6:00 am").date_line);
        assert!(!measure("Markets fell on December 22, 2023 as traders sold shares").date_line);
        assert!(measure("By Jane Doe and John Roe").byline);
    }
}
