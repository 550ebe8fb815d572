//! The records every stage produces and the frames are built from.
//!
//! Offsets inside the core are *byte* offsets into a block's `text` (cheap to slice in Rust);
//! `frames` converts them to the contract's code-point offsets at the very end, so no stage
//! has to think about both.

use chrono::NaiveDate;

/// One block of a page (a paragraph or a line) with the role segmentation gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub role: Role,
}

/// What a block is on its page. Only `Body` blocks make up the clean body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Title,
    Subtitle,
    Byline,
    Heading,
    Body,
    Caption,
    Credit,
    Bio,
    Related,
    Reference,
    Nav,
    Other,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Subtitle => "subtitle",
            Role::Byline => "byline",
            Role::Heading => "heading",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Credit => "credit",
            Role::Bio => "bio",
            Role::Related => "related",
            Role::Reference => "reference",
            Role::Nav => "nav",
            Role::Other => "other",
        }
    }

    /// Blocks whose words belong to the story itself, where entities and quotes are looked for.
    pub fn is_story(self) -> bool {
        matches!(
            self,
            Role::Title | Role::Subtitle | Role::Body | Role::Heading
        )
    }
}

/// A span of text inside one block, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// Input format of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Json,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// Metadata derived from the roles of the blocks (see `metadata`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<NaiveDate>,
}

/// Entity types of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Org,
    Media,
    Gpe,
    Loc,
    Norp,
    Event,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Media => "MEDIA",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => EntityType::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => EntityType::Org,
            "MEDIA" | "OUTLET" => EntityType::Media,
            "GPE" => EntityType::Gpe,
            "LOC" | "LOCATION" => EntityType::Loc,
            "NORP" => EntityType::Norp,
            "EVENT" => EntityType::Event,
            _ => return None,
        })
    }
}

/// One mention of an entity. `key` identifies the entity within the article; `corpus`
/// turns keys into corpus-wide ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub etype: EntityType,
    /// Canonical name within the article (the fullest form, or the gazetteer name).
    pub name: String,
    pub role: Option<String>,
    /// Index of the article-level entity this mention belongs to.
    pub entity: usize,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub start: Span,
    /// End of the quoted words; `end.block` may be later than `start.block`.
    pub end: Span,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    /// Article-level entity index of the resolved speaker, if any.
    pub speaker_entity: Option<usize>,
    /// Canonical speaker name where no entity backs it.
    pub speaker_name: Option<String>,
    pub cue: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Partial,
    Scare,
    Title,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Title => "title",
        }
    }
}

/// One attributed source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub kind: CitationKind,
    pub source: String,
    pub source_text: String,
    pub source_entity: Option<usize>,
    pub span: Span,
    pub marker: Option<String>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub cited_in: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CitationKind {
    Reference,
    Media,
    Wire,
    Photo,
    Anonymous,
    Official,
    Document,
}

impl CitationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CitationKind::Reference => "reference",
            CitationKind::Media => "media",
            CitationKind::Wire => "wire",
            CitationKind::Photo => "photo",
            CitationKind::Anonymous => "anonymous",
            CitationKind::Official => "official",
            CitationKind::Document => "document",
        }
    }
}

/// An article-level entity: the cluster its mentions point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub etype: EntityType,
    /// Corpus-wide key hint from a gazetteer or watch list (`None` for unknown names).
    pub known_id: Option<String>,
    /// The country a demonym, city or region belongs to ("China" for "Chinese").
    pub country: Option<String>,
}

impl Entity {
    /// Whether a lower-case head noun can stand for this entity: its name has two words or
    /// more and ends with the noun ("the zoo" for Denver Zoo, "the ministry" for Foreign
    /// Ministry).
    pub fn ends_with_head(&self, noun: &str) -> bool {
        self.name.contains(' ')
            && self
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|head| head.eq_ignore_ascii_case(noun))
    }
}

/// Everything parsed from one input.
#[derive(Debug, Clone)]
pub struct ParsedArticle {
    pub article_id: String,
    pub source: String,
    pub format: Format,
    pub blocks: Vec<Block>,
    pub meta: Metadata,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub citations: Vec<Citation>,
    /// Problems that did not stop parsing (lossy decoding, no body found).
    pub warnings: Vec<String>,
}

impl ParsedArticle {
    /// The clean body: body blocks joined by a blank line.
    pub fn body(&self) -> String {
        let parts: Vec<&str> = self
            .blocks
            .iter()
            .filter(|b| b.role == Role::Body)
            .map(|b| b.text.as_str())
            .collect();
        parts.join("\n\n")
    }
}

/// Why an input yielded no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub source: String,
    pub kind: ErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Io,
    Decode,
    Empty,
    TooLarge,
    Format,
    /// The article needed more work than its budget (see `work`).
    Limit,
    /// The run was cancelled before this input was parsed; never reaches a frame.
    Cancelled,
    /// A path that is not a regular file (FIFO, socket, device), met in a folder walk.
    NotAFile,
    /// A symbolic link that points, directly or through others, back at itself.
    SymlinkLoop,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Decode => "decode",
            ErrorKind::Empty => "empty",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Format => "format",
            ErrorKind::Limit => "limit",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::NotAFile => "not_a_file",
            ErrorKind::SymlinkLoop => "symlink_loop",
        }
    }
}
