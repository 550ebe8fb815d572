//! HTML pages through a real parser: blocks in reading order, each with what its markup says.
//!
//! The page is parsed by html5ever (through `scraper`), the WHATWG-conformant parser Servo
//! uses, so unclosed tags, stray end tags, entities and broken nesting come out as a browser
//! would show them. The tree is an arena (`ego_tree`) walked with an explicit edge iterator:
//! nothing here recurses, so a page nested 100,000 levels deep costs memory, not the stack.
//!
//! One walk does three jobs:
//! - cuts the text into blocks at block-level elements and `<br>`, noting each block's element
//!   (heading level, paragraph, list item, caption, quotation), its share of link text and
//!   whether it sits in page chrome (`<nav>`, `<aside>`, `<footer>`, a page-level `<header>`,
//!   ARIA landmarks for navigation and complements, and class names Readability treats as
//!   unlikely content); scripts, styles, forms' controls and hidden elements give no text;
//! - finds the story's container by Readability's scoring (each paragraph scores its parent
//!   and grandparent by length and commas, discounted by link density), then takes in
//!   siblings that score alike, since CMSs split a story around advertisements;
//! - collects what the page states for machines (JSON-LD, meta tags, microdata, `<time>`),
//!   read in `structured`.
//!
//! Roles are given in `segment::markup`, which sees these blocks and their markup.

use super::structured::{self, Stated};
use super::Hints;
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use regex::Regex;
use scraper::{Html, Node};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What the element holding a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BlockKind {
    /// `<h1>`..`<h6>`, with the level.
    Heading(u8),
    Paragraph,
    /// `<li>`, `<dt>`, `<dd>`.
    Item,
    /// `<figcaption>`, a table `<caption>`, or any text inside a `<figure>`.
    Caption,
    /// `<blockquote>`, `<q>` blocks.
    Quote,
    /// `<td>`, `<th>`.
    Cell,
    /// `<pre>`.
    Preformatted,
    /// Text directly in a `<div>`, `<section>` or the like.
    #[default]
    Text,
}

/// One block of an HTML page and what its markup says about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarkupBlock {
    pub text: String,
    pub kind: BlockKind,
    /// Inside navigation, asides, footers or other page furniture.
    pub chrome: bool,
    /// Inside the story's container found on the DOM.
    pub in_story: bool,
    /// Share of the block's characters inside links.
    pub link_density: f32,
    /// Inside an element the markup marks as the author's (`class="byline"`, `rel="author"`,
    /// `itemprop="author"`, a link to an author page): a name line there is a byline even
    /// without "By".
    pub author: bool,
}

/// A parsed page: its blocks and what it states about itself.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub blocks: Vec<MarkupBlock>,
    pub hints: Hints,
    /// The `<title>` element's text.
    pub page_title: Option<String>,
}

/// Elements whose content is never text a reader sees.
const SILENT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "head", "button", "select",
    "textarea", "input", "canvas", "video", "audio", "object", "embed", "map", "math", "dialog",
];

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "figure",
    "figcaption",
    "blockquote",
    "pre",
    "address",
    "form",
    "fieldset",
    "legend",
    "hr",
    "br",
    "details",
    "summary",
    "center",
    "body",
    "html",
    "menu",
    "hgroup",
    "picture",
];

/// Landmark elements that are furniture wherever they stand.
const CHROME_TAGS: &[&str] = &["nav", "aside", "footer", "menu"];

/// ARIA roles of furniture.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alert",
    "alertdialog",
    "tablist",
];

/// Readability's `unlikelyCandidates` and negative class patterns (Mozilla, Apache-2.0):
/// names CMSs give to furniture, unless the name also says it holds the content.
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)-ad-|\bads?\b|ad-?slot|advert|banner|breadcrumb|combx|comment|community|cookie|disqus|extra|gdpr|legends|menu|newsletter|outbrain|pagination|pager|popup|modal|promo|related|recommend|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|supplemental|taboola|tags\b|toolbar|trending|widget|most-?(?:read|popular)|read-?more|signup|paywall").unwrap()
});
static MAYBE_CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|body|column|content|main|shadow|story|entry|post-?text|text").unwrap()
});
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story")
        .unwrap()
});
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)hidden|^hid$|banner|combx|comment|com-|contact|foot|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|byline|author").unwrap()
});
/// Class, id or itemprop names of the element printing the author's name.
static AUTHOR_NAMES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)by-?line|author|writer|contributor|reporter").unwrap());
/// Links to an author's page: `/author/jane-doe`, `/people/jane-doe`, `/by/jane-doe`.
static AUTHOR_HREF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/(?:authors?|by|people|staff|profiles?|contributors?|writers?|journalists?|reporters?|columnists?)/[^/?#]").unwrap()
});
static HIDDEN_STYLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden").unwrap());
static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").unwrap());

/// What the walk remembers of one element: enough to score it as the story's container.
#[derive(Debug, Clone, Default)]
struct ElementInfo {
    parent: Option<usize>,
    /// The walk position after this element's last descendant.
    end: usize,
    /// Readability's weight from the tag and from class and id names.
    weight: f32,
    /// Chrome only by its class or id, which a wrapper holding the story may wrongly carry.
    chrome_by_name: bool,
    /// `<article>`, `<main>`, `itemprop="articleBody"`.
    story_hint: bool,
}

/// A block as the walk first sees it, before the container is chosen.
#[derive(Debug, Clone)]
struct RawBlock {
    text: String,
    kind: BlockKind,
    link_chars: usize,
    /// Walk position of the innermost block element holding it.
    pos: usize,
    /// Chrome elements around it (positions), outermost first.
    chrome_at: Vec<usize>,
    /// Its element and the two above it, for scoring.
    scored: [Option<usize>; 3],
    /// Mostly text of author-marked elements.
    author: bool,
    /// Characters other than whitespace.
    chars: usize,
}

/// The state of the walk over the tree.
#[derive(Default)]
struct Walk {
    elements: Vec<ElementInfo>,
    /// Open elements: (position, is a block element, tag).
    open: Vec<(usize, bool, String)>,
    silent_open: Vec<usize>,
    /// Open `<article>`/`<main>`/`articleBody` elements.
    story_hint_depth: usize,
    link_depth: usize,
    chrome_open: Vec<usize>,
    figure_depth: usize,
    /// Open author-marked elements (positions).
    author_open: Vec<usize>,
    buffer: String,
    buffer_author: usize,
    buffer_links: usize,
    blocks: Vec<RawBlock>,
    json_ld: Vec<String>,
    meta: Vec<(String, String)>,
    microdata: Stated,
    time_dates: Vec<(usize, String)>,
    title: Option<String>,
    h1: Vec<(usize, String)>,
    h1_open: Option<(usize, String)>,
}

/// Nesting depth beyond which start tags are dropped before parsing (their text is kept).
///
/// html5ever checks scopes by walking the stack of open elements, so every start tag costs
/// the current depth: a page nested 100,000 deep takes minutes. Blink's parser caps its tree
/// at depth 512 for the same reason; no real page comes near this limit.
const MAX_DEPTH: usize = 1_000;

/// Elements with no end tag, or whose end tag is implied by the next one, or whose content is
/// raw text: none of them deepens the tree the way a run of unclosed `<div>`s does.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "thead", "tbody",
];

/// Drops start and end tags nested deeper than `MAX_DEPTH`, scanning tags only; borrowed
/// when the page is within the limit (every real page).
fn cap_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(rel) = html[i..].find('<') {
        let lt = i + rel;
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        let Some(gt) = html[lt..].find('>').map(|g| lt + g) else {
            break;
        };
        i = gt + 1;
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text runs to its own end tag, whatever markup its strings hold.
            let mut at = i;
            i = loop {
                match html[at..].find("</") {
                    Some(c) => {
                        let tag = &bytes[at + c + 2..];
                        if tag.len() >= name.len()
                            && tag[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                        {
                            break at + c;
                        }
                        at += c + 2;
                    }
                    None => break html.len(),
                }
            };
            continue;
        }
        if FLAT.contains(&name.as_str()) || html[lt..gt].ends_with('/') {
            continue;
        }
        let drop = if closing {
            let deep = depth > MAX_DEPTH;
            depth = depth.saturating_sub(1);
            deep
        } else {
            depth += 1;
            depth > MAX_DEPTH
        };
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = gt + 1;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
        None => std::borrow::Cow::Borrowed(html),
    }
}

/// Parses a page.
pub fn parse(html: &str) -> Page {
    let html = cap_nesting(html);
    let doc = Html::parse_document(&html);
    let mut walk = Walk::default();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => walk.open_element(node, el),
                Node::Text(t) => walk.text(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    walk.close_element(el.name());
                }
            }
        }
    }
    walk.flush();
    walk.finish()
}

impl Walk {
    fn open_element(&mut self, node: NodeRef<'_, Node>, el: &scraper::node::Element) {
        let name = el.name();
        let pos = self.elements.len();
        let parent = self.open.last().map(|o| o.0);
        self.collect_machine_data(node, el, name, pos);
        let hidden = el.attr("hidden").is_some()
            || el.attr("aria-hidden") == Some("true")
            || el.attr("style").is_some_and(|s| HIDDEN_STYLE.is_match(s));
        let silent = SILENT.contains(&name) || hidden;
        let is_block = BLOCK.contains(&name);
        if is_block || silent {
            self.flush();
        }
        let names = format!(
            "{} {}",
            el.attr("class").unwrap_or(""),
            el.attr("id").unwrap_or("")
        );
        let in_story_hint = self.story_hint_depth > 0;
        let role = el.attr("role").unwrap_or("").to_ascii_lowercase();
        let semantic_chrome = CHROME_TAGS.contains(&name)
            || CHROME_ROLES.contains(&role.as_str())
            || (name == "header" && !in_story_hint);
        let named_chrome = !semantic_chrome
            && !matches!(name, "body" | "html" | "article" | "main")
            && names.trim() != ""
            && UNLIKELY.is_match(&names)
            && !MAYBE_CONTENT.is_match(&names);
        let story_hint = matches!(name, "article" | "main")
            || matches!(el.attr("itemprop"), Some("articleBody" | "articlebody"));
        let mut weight = match name {
            "div" | "article" | "main" | "section" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        if !names.trim().is_empty() {
            if POSITIVE.is_match(&names) {
                weight += 25.0;
            }
            if NEGATIVE.is_match(&names) {
                weight -= 25.0;
            }
        }
        self.elements.push(ElementInfo {
            parent,
            end: pos,
            weight,
            chrome_by_name: named_chrome,
            story_hint,
        });
        if semantic_chrome || named_chrome {
            self.chrome_open.push(pos);
        }
        if silent {
            self.silent_open.push(pos);
        }
        if story_hint {
            self.story_hint_depth += 1;
        }
        if name == "a" {
            self.link_depth += 1;
        }
        if name == "figure" {
            self.figure_depth += 1;
        }
        let author_marked = el.attr("rel") == Some("author")
            || el.attr("itemprop").is_some_and(|p| p.contains("author"))
            || (name == "a" && el.attr("href").is_some_and(|h| AUTHOR_HREF.is_match(h)))
            || (!names.trim().is_empty() && AUTHOR_NAMES.is_match(&names));
        if author_marked {
            self.author_open.push(pos);
        }
        if name == "h1" && self.silent_open.is_empty() {
            self.h1_open = Some((pos, String::new()));
        }
        self.open.push((pos, is_block, name.to_string()));
    }

    fn close_element(&mut self, name: &str) {
        let Some(&(pos, is_block, _)) = self.open.last() else {
            return;
        };
        if is_block {
            self.flush();
        }
        self.open.pop();
        self.elements[pos].end = self.elements.len();
        if self.elements[pos].story_hint {
            self.story_hint_depth = self.story_hint_depth.saturating_sub(1);
        }
        if self.chrome_open.last() == Some(&pos) {
            self.chrome_open.pop();
        }
        if self.silent_open.last() == Some(&pos) {
            self.silent_open.pop();
        }
        if name == "a" {
            self.link_depth = self.link_depth.saturating_sub(1);
        }
        if name == "figure" {
            self.figure_depth = self.figure_depth.saturating_sub(1);
        }
        if self.author_open.last() == Some(&pos) {
            self.author_open.pop();
        }
        if name == "h1" {
            if let Some((at, text)) = self.h1_open.take() {
                let text = collapse_ws(&text);
                if !text.is_empty() {
                    self.h1.push((at, text));
                }
            }
        }
    }

    /// JSON-LD, meta tags, microdata and `<time datetime>`, wherever they stand.
    fn collect_machine_data(
        &mut self,
        node: NodeRef<'_, Node>,
        el: &scraper::node::Element,
        name: &str,
        pos: usize,
    ) {
        let text_of = || text_under(node);
        match name {
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
            {
                self.json_ld.push(text_of());
            }
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, el.attr("content")) {
                    self.meta
                        .push((key.to_ascii_lowercase(), content.to_string()));
                }
            }
            "title" if self.title.is_none() => {
                let t = collapse_ws(&text_of());
                if !t.is_empty() {
                    self.title = Some(t);
                }
            }
            "time" => {
                if let Some(dt) = el.attr("datetime") {
                    self.time_dates.push((pos, dt.to_string()));
                }
            }
            _ => {}
        }
        if let Some(prop) = el.attr("itemprop") {
            let value = || {
                el.attr("content")
                    .or_else(|| el.attr("datetime"))
                    .map(str::to_string)
                    .unwrap_or_else(|| collapse_ws(&text_of()))
            };
            let md = &mut self.microdata;
            match prop {
                "headline" if md.headline.is_none() && name != "meta" => {
                    md.headline = Some(value()).filter(|v| !v.is_empty())
                }
                "datePublished" if md.published.is_none() => {
                    md.published = structured::stated_date(&value())
                }
                "author" | "creator" if name != "meta" => {
                    // The author's name is its own `itemprop="name"` when it has one.
                    let v = named_within(node).unwrap_or_else(value);
                    for n in structured::split_names(&v) {
                        if n.split_whitespace().count() <= 5 && !md.authors.contains(&n) {
                            md.authors.push(n);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, t: &str) {
        if !self.silent_open.is_empty() {
            return;
        }
        if let Some((_, h)) = self.h1_open.as_mut() {
            h.push_str(t);
        }
        self.buffer.push_str(t);
        if self.link_depth > 0 {
            self.buffer_links += t.chars().filter(|c| !c.is_whitespace()).count();
        }
        if !self.author_open.is_empty() {
            self.buffer_author += t.chars().filter(|c| !c.is_whitespace()).count();
        }
    }

    /// Ends the current block, if it has text.
    fn flush(&mut self) {
        if self.buffer.trim().is_empty() {
            self.buffer.clear();
            self.buffer_links = 0;
            self.buffer_author = 0;
            return;
        }
        let text = collapse_ws(&self.buffer);
        self.buffer.clear();
        let link_chars = std::mem::take(&mut self.buffer_links);
        let author_chars = std::mem::take(&mut self.buffer_author);
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        // The innermost open block element is the block's element.
        let at = self.open.iter().rposition(|o| o.1);
        let (pos, tag) = at.map_or((0, ""), |i| (self.open[i].0, self.open[i].2.as_str()));
        let kind = match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                BlockKind::Heading(tag.as_bytes()[1].saturating_sub(b'0'))
            }
            _ if self.figure_depth > 0 => BlockKind::Caption,
            "p" => BlockKind::Paragraph,
            "li" | "dt" | "dd" => BlockKind::Item,
            "figcaption" | "caption" => BlockKind::Caption,
            "blockquote" => BlockKind::Quote,
            "td" | "th" => BlockKind::Cell,
            "pre" => BlockKind::Preformatted,
            _ => BlockKind::Text,
        };
        let up = |k: usize| at.and_then(|i| i.checked_sub(k)).map(|i| self.open[i].0);
        let scored = [Some(pos).filter(|_| at.is_some()), up(1), up(2)];
        // A paragraph scores its parent and grandparent, a bare text run its own element.
        let scored = if matches!(kind, BlockKind::Text) {
            scored
        } else {
            [scored[1], scored[2], up(3)]
        };
        self.blocks.push(RawBlock {
            text,
            kind,
            link_chars,
            pos,
            chrome_at: self.chrome_open.clone(),
            scored,
            author: author_chars * 2 >= chars,
            chars,
        });
    }

    fn finish(self) -> Page {
        let stated_headline = structured::from_json_ld(&self.json_ld)
            .headline
            .or_else(|| structured::from_meta(&self.meta).headline);
        let story = self.story_ranges(self.headline_position(stated_headline.as_deref()));
        // A class name that marks furniture is wrong when the element holds most of the story.
        let total_prose: usize = self
            .blocks
            .iter()
            .filter(|b| is_paragraph_like(b))
            .map(|b| b.text.len())
            .sum();
        let mut prose_in: HashMap<usize, usize> = HashMap::new();
        for b in self.blocks.iter().filter(|b| is_paragraph_like(b)) {
            for &c in &b.chrome_at {
                *prose_in.entry(c).or_default() += b.text.len();
            }
        }
        let false_chrome = |c: usize| {
            self.elements[c].chrome_by_name
                && (prose_in.get(&c).copied().unwrap_or(0) * 5 > total_prose * 2
                    || story
                        .iter()
                        .any(|&(s, e)| c <= s && e <= self.elements[c].end))
        };
        let blocks = self
            .blocks
            .iter()
            .map(|b| {
                let chars = b.chars.max(1);
                MarkupBlock {
                    text: b.text.clone(),
                    kind: b.kind,
                    chrome: b.chrome_at.iter().any(|&c| !false_chrome(c)),
                    in_story: story.iter().any(|&(s, e)| s <= b.pos && b.pos < e),
                    link_density: b.link_chars as f32 / chars as f32,
                    author: b.author,
                }
            })
            .collect();
        let mut stated = structured::from_json_ld(&self.json_ld);
        stated.or(structured::from_meta(&self.meta));
        stated.or(self.microdata.clone());
        if stated.published.is_none() {
            // A `<time>` inside the story's container first, then any on the page.
            let inside = |p: usize| story.iter().any(|&(s, e)| s <= p && p < e);
            stated.published = self
                .time_dates
                .iter()
                .filter(|(p, _)| inside(*p))
                .chain(self.time_dates.iter())
                .find_map(|(_, d)| structured::stated_date(d));
        }
        let headline = self.choose_headline(&stated, &story);
        let mut hints = Hints {
            headline,
            ..Default::default()
        };
        stated.into_hints(&mut hints);
        Page {
            blocks,
            hints,
            page_title: self.title.clone(),
        }
    }

    /// The `<h1>` that prints the story's headline: the one the structured headline names,
    /// else the first inside or just before the story, else the first on the page.
    fn choose_headline(&self, stated: &Stated, story: &[(usize, usize)]) -> Option<String> {
        let usable: Vec<&(usize, String)> = self
            .h1
            .iter()
            .filter(|(_, t)| t.split_whitespace().count() >= 2)
            .collect();
        if let Some(stated) = stated.headline.as_deref().map(normalized) {
            if let Some((_, t)) = usable.iter().find(|(_, t)| {
                let n = normalized(t);
                !n.is_empty() && (stated.contains(&n) || n.contains(&stated))
            }) {
                return Some(t.clone());
            }
        }
        let story_start = story.first().map(|s| s.0);
        let before_story = usable
            .iter()
            .filter(|(p, _)| story_start.is_none_or(|s| *p <= story.last().map_or(s, |l| l.1)))
            .find(|(p, _)| {
                story.iter().any(|&(s, e)| s <= *p && *p < e) || story_start.is_some_and(|s| *p < s)
            });
        before_story.or(usable.first()).map(|(_, t)| t.clone())
    }

    /// Where the `<h1>` printing the stated headline stands, else the first usable `<h1>`.
    fn headline_position(&self, stated: Option<&str>) -> Option<usize> {
        let usable = || {
            self.h1
                .iter()
                .filter(|(_, t)| t.split_whitespace().count() >= 2)
        };
        let stated = stated.map(normalized);
        stated
            .and_then(|s| {
                usable().find(|(_, t)| {
                    let n = normalized(t);
                    !n.is_empty() && (s.contains(&n) || n.contains(&s))
                })
            })
            .or_else(|| usable().next())
            .map(|(p, _)| *p)
    }

    /// The story's container and the siblings that share it, as walk-position ranges.
    fn story_ranges(&self, headline_at: Option<usize>) -> Vec<(usize, usize)> {
        let mut score: HashMap<usize, f32> = HashMap::new();
        for b in &self.blocks {
            if !is_paragraph_like(b) || b.text.chars().count() < 25 {
                continue;
            }
            if b.chrome_at
                .iter()
                .any(|&c| !self.elements[c].chrome_by_name)
            {
                continue;
            }
            let commas = b.text.matches([',', '，']).count() as f32;
            let s = 1.0 + commas + (b.text.chars().count() as f32 / 100.0).min(3.0);
            for (level, el) in b.scored.iter().enumerate() {
                let Some(el) = *el else { continue };
                let share = [1.0, 0.5, 1.0 / 6.0][level];
                *score.entry(el).or_insert_with(|| self.elements[el].weight) += s * share;
            }
        }
        let density = |el: usize| self.link_density_in(el);
        let final_score = |el: usize| score[&el] * (1.0 - density(el));
        let Some(best) = score
            .keys()
            .copied()
            .max_by(|&a, &b| final_score(a).total_cmp(&final_score(b)).then(b.cmp(&a)))
        else {
            return Vec::new();
        };
        // A donation appeal or a teaser column can outscore the story a little; the story is
        // the close contender that starts nearest after the headline.
        let best_score = final_score(best);
        let top = headline_at
            .and_then(|h| {
                score
                    .keys()
                    .copied()
                    .filter(|&el| self.elements[el].end > h && final_score(el) >= best_score * 0.7)
                    .min_by_key(|&el| (el.saturating_sub(h), el))
            })
            .unwrap_or(best);
        let top_score = final_score(top);
        if top_score < 10.0 {
            return Vec::new();
        }
        // An `itemprop="articleBody"` or `<article>` holding the top candidate is the story.
        let mut top = top;
        let mut up = self.elements[top].parent;
        while let Some(p) = up {
            if self.elements[p].story_hint && self.prose_chars(p) < self.prose_chars(top) * 2 {
                top = p;
                break;
            }
            up = self.elements[p].parent;
        }
        let mut ranges = vec![(top, self.elements[top].end)];
        if let Some(parent) = self.elements[top].parent {
            let threshold = (top_score * 0.2).max(10.0);
            let siblings = (parent + 1..self.elements[parent].end)
                .filter(|&el| self.elements[el].parent == Some(parent) && el != top);
            for sib in siblings {
                let sib_score = score.get(&sib).map_or(0.0, |_| final_score(sib));
                let prose = self.prose_chars(sib);
                let dense = density(sib);
                let paragraph = prose > 80 && dense < 0.25;
                if sib_score >= threshold || paragraph {
                    ranges.push((sib, self.elements[sib].end));
                }
            }
        }
        ranges.sort();
        ranges
    }

    /// Blocks whose element lies inside the element at `el`: a contiguous run, in walk order.
    fn blocks_in(&self, el: usize) -> &[RawBlock] {
        let end = self.elements[el].end;
        let from = self.blocks.partition_point(|b| b.pos < el);
        let to = self.blocks.partition_point(|b| b.pos < end);
        &self.blocks[from..to.max(from)]
    }

    fn link_density_in(&self, el: usize) -> f32 {
        let (mut chars, mut links) = (0usize, 0usize);
        for b in self.blocks_in(el) {
            chars += b.text.len();
            links += b.link_chars;
        }
        if chars == 0 {
            0.0
        } else {
            (links as f32 / chars as f32).min(1.0)
        }
    }

    fn prose_chars(&self, el: usize) -> usize {
        self.blocks_in(el)
            .iter()
            .filter(|b| is_paragraph_like(b))
            .map(|b| b.text.len())
            .sum()
    }
}

/// Letters and digits only, lower case: for comparing headlines across their renderings.
fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_paragraph_like(b: &RawBlock) -> bool {
    matches!(
        b.kind,
        BlockKind::Paragraph | BlockKind::Text | BlockKind::Preformatted | BlockKind::Quote
    )
}

/// The text of every text node under `node`, in order (an iterator, not recursion).
fn text_under(node: NodeRef<'_, Node>) -> String {
    node.descendants()
        .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
        .collect()
}

/// The text of the first `itemprop="name"` element under `node`.
fn named_within(node: NodeRef<'_, Node>) -> Option<String> {
    node.descendants()
        .skip(1)
        .find(|d| d.value().as_element().and_then(|e| e.attr("itemprop")) == Some("name"))
        .map(|d| {
            let el = d.value().as_element();
            el.and_then(|e| e.attr("content"))
                .map(str::to_string)
                .unwrap_or_else(|| collapse_ws(&text_under(d)))
        })
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes numeric entities and the named ones news pages actually use, in strings the parser
/// did not see (JSON-LD values, JSON fields).
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    ENTITY
        .replace_all(s, |c: &regex::Captures| {
            let name = &c[1];
            let ch = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            ch.map_or_else(|| c[0].to_string(), |ch| ch.to_string())
        })
        .into_owned()
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "The minister met his counterpart on Tuesday, and they discussed trade, security and the war at length.";

    fn page(body: &str) -> Page {
        parse(&format!(
            "<html><head><title>T</title></head><body>{body}</body></html>"
        ))
    }

    #[test]
    fn scripts_styles_and_hidden_elements_give_no_text() {
        let p = page(&format!(
            "<script>var x = '<p>no</p>';</script><style>p{{}}</style><p>{P}</p><div hidden>gone</div><p style='display:none'>gone too</p>"
        ));
        let texts: Vec<&str> = p.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec![P]);
    }

    #[test]
    fn the_story_container_and_its_chrome() {
        let p = page(&format!(
            "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><h1>Ministers meet in Geneva</h1><p>{P}</p><figure><img src=x><figcaption>The ministers (Reuters)</figcaption></figure><p>{P}</p><p>{P}</p><aside><p>Read more: another story</p></aside></article><footer><p>Copyright 2024 The Daily</p></footer>"
        ));
        let nav = &p.blocks[0];
        assert!(nav.chrome && !nav.in_story && nav.link_density > 0.9);
        let body: Vec<&MarkupBlock> = p
            .blocks
            .iter()
            .filter(|b| b.in_story && !b.chrome)
            .collect();
        assert_eq!(body[0].kind, BlockKind::Heading(1));
        assert!(body.iter().any(|b| b.kind == BlockKind::Caption));
        assert_eq!(
            body.iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .count(),
            3
        );
        assert!(p
            .blocks
            .iter()
            .any(|b| b.text.starts_with("Read more") && b.chrome));
        assert_eq!(
            p.hints.headline.as_deref(),
            Some("Ministers meet in Geneva")
        );
    }

    #[test]
    fn siblings_split_by_an_advertisement_are_one_story() {
        let p = page(&format!(
            "<div id='wrap'><div class='story-body'><p>{P}</p><p>{P}</p><p>{P}</p></div><div class='ad-slot'>Advertisement</div><div class='story-body'><p>{P} Second part.</p><p>{P}</p></div></div>"
        ));
        assert!(p
            .blocks
            .iter()
            .filter(|b| b.text.ends_with("Second part."))
            .all(|b| b.in_story));
        assert!(p
            .blocks
            .iter()
            .any(|b| b.text == "Advertisement" && b.chrome));
    }

    #[test]
    fn structured_metadata_is_read() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ministers meet","author":[{"@type":"Person","name":"Jane Doe"}],"datePublished":"2023-02-22"}</script><meta property="og:site_name" content="The Daily"></head><body><h1>Ministers meet</h1><p>Text.</p></body></html>"#;
        let p = parse(html);
        assert_eq!(p.hints.authors, vec!["Jane Doe"]);
        assert_eq!(p.hints.outlet.as_deref(), Some("The Daily"));
        assert_eq!(
            p.hints.published,
            chrono::NaiveDate::from_ymd_opt(2023, 2, 22)
        );
        assert_eq!(p.hints.headline.as_deref(), Some("Ministers meet"));
    }

    #[test]
    fn microdata_and_time_elements() {
        let html = format!(
            r#"<html><body><article><h1 itemprop="headline">A headline here</h1><span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span><time datetime="2021-03-04T05:06:07Z">March 4</time><p>{P}</p><p>{P}</p></article></body></html>"#
        );
        let p = parse(&html);
        assert_eq!(p.hints.authors, vec!["Ann Lee"]);
        assert_eq!(
            p.hints.published,
            chrono::NaiveDate::from_ymd_opt(2021, 3, 4)
        );
    }

    #[test]
    fn author_links_and_byline_classes_mark_blocks() {
        let html = format!(
            r#"<html><body><article><h1>A headline here</h1><div><a href="/author/greg-potts">Greg Potts</a></div><div class="article-byline">Ann Lee, Reporter</div><p>{P}</p><p>{P}</p></article></body></html>"#
        );
        let p = parse(&html);
        let marked: Vec<&str> = p
            .blocks
            .iter()
            .filter(|b| b.author)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(marked, vec!["Greg Potts", "Ann Lee, Reporter"]);
    }

    #[test]
    fn nesting_beyond_the_cap_is_flattened_keeping_text() {
        let html = format!(
            "{}<p>deep</p>{}",
            "<div>".repeat(MAX_DEPTH + 5),
            "</div>".repeat(MAX_DEPTH + 5)
        );
        let capped = cap_nesting(&html);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("<p>deep</p>"));
        let normal = "<div><script>'<div><div>'</script><p>x</div>";
        assert!(matches!(cap_nesting(normal), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 100_000;
        let html = format!("{}{P}{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || parse(&html).blocks.len())
            .unwrap();
        assert_eq!(handle.join().unwrap(), 1);
    }
}

#[cfg(test)]
mod debug {
    /// `NF_DEBUG_HTML=page.html cargo test -- --ignored --nocapture debug_page`: the story
    /// container chosen for one page, for looking into a miss.
    #[test]
    #[ignore]
    fn debug_page() {
        let Ok(path) = std::env::var("NF_DEBUG_HTML") else {
            return;
        };
        let html = std::fs::read_to_string(path).unwrap();
        let html = super::cap_nesting(&html);
        let doc = scraper::Html::parse_document(&html);
        let mut walk = super::Walk::default();
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    scraper::Node::Element(el) => walk.open_element(node, el),
                    scraper::Node::Text(t) => walk.text(t),
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => {
                    if let scraper::Node::Element(el) = node.value() {
                        walk.close_element(el.name());
                    }
                }
            }
        }
        walk.flush();
        let ranges = walk.story_ranges(None);
        eprintln!("ranges {ranges:?}");
        for b in &walk.blocks {
            eprintln!(
                "{} {:?} {:?} {:?} {}",
                b.pos,
                b.kind,
                b.chrome_at,
                b.scored,
                &b.text.chars().take(60).collect::<String>()
            );
        }
    }
}
