//! The corpus model: what the build step produces and the app reads.
//!
//! Everything here is serialisable so that `build.rs` can write the compiled corpus as JSON
//! and the app can embed and read it back without re-doing any analysis in the browser.
//! Offsets are byte offsets into a document's original text, which is never altered.

use serde::{Deserialize, Serialize};

use crate::date::DateSpec;

/// The whole compiled corpus, as embedded in the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Identifies this exact corpus (a hash of every input file): exports carry it.
    pub version: String,
    /// Documents in seed-file order (file names sort by their numeric prefix).
    pub documents: Vec<Document>,
    pub actors: Vec<Actor>,
    /// The taxonomy, parents before their children.
    pub sectors: Vec<Sector>,
    pub events: Vec<Event>,
    pub agreements: Vec<Agreement>,
    pub figures: Vec<Figure>,
}

/// A range of bytes of a document's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How a piece of metadata was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The article states it.
    Stated,
    /// Deduced from the text (e.g. "ce lundi 28 juillet 2025" is the day of writing).
    Inferred,
}

/// A publication date and how it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub date: DateSpec,
    pub basis: Basis,
}

/// One article of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The seed file's stem, e.g. `000_194bb33a507fa3a4`. Stable: links use it.
    pub id: String,
    /// A title for lists: from the metadata (a quote of the article) or its first line.
    pub title: String,
    /// The outlet, when the text names it; unknown otherwise (never invented).
    pub outlet: Option<String>,
    /// The author, when the text names one.
    pub author: Option<String>,
    /// The publication date, when the text states or implies one.
    pub published: Option<Published>,
    /// Language of the text (ISO 639-1).
    pub language: String,
    /// The full original text, never altered.
    pub text: String,
    /// Page furniture (navigation, credits, "À Lire Aussi", widgets, mojibake): shown greyed
    /// in the reader, never tagged nor searched. Sorted, disjoint.
    pub furniture: Vec<Span>,
    /// The sentences of the article content, in order: the unit of search results, of
    /// permalinks (`p=` is an index here) and of co-occurrence.
    pub passages: Vec<Span>,
    /// Actor, sector and date mentions found by the annotator, in text order.
    pub mentions: Vec<Mention>,
}

impl Document {
    /// Size of the original text in bytes (what the seed file weighs).
    pub fn size(&self) -> usize {
        self.text.len()
    }

    /// Number of words, counted on white space: a reading-time hint for lists.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// The text of a span of this document ("" for a span that does not fit).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or_default()
    }

    /// The index of the passage that contains `span`, if any.
    pub fn passage_of(&self, span: Span) -> Option<usize> {
        let i = self.passages.partition_point(|p| p.end <= span.start);
        self.passages.get(i).filter(|p| p.contains(&span)).map(|_| i)
    }
}

/// What a mention points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Actor(String),
    Sector(String),
    Date(DateSpec),
}

/// A span of a document that names an actor, signals a sector or states a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// Index into the document's passages.
    pub passage: usize,
    pub target: Target,
}

/// Kinds of actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
    Institution,
    Country,
    Place,
}

/// Which side of the cooperation an actor belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Mali,
    Russia,
    Niger,
    Other,
}

/// A person, organisation, institution, country or place named in the articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable lowercase ASCII slug.
    pub id: String,
    pub kind: ActorKind,
    /// Canonical name.
    pub name: String,
    /// Every other form seen: spellings, transliterations, short forms.
    pub aliases: Vec<String>,
    pub side: Side,
    /// Roles as the articles state them, each with its source.
    pub roles: Vec<Role>,
    pub description_fr: String,
    pub description_en: String,
}

/// A role an actor holds, and the passage that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub role: String,
    pub source: Source,
}

/// A node of the bilingual sector taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sector {
    /// Stable lowercase ASCII slug.
    pub id: String,
    /// The parent sector, for sub-sectors.
    pub parent: Option<String>,
    pub label_fr: String,
    pub label_en: String,
}

/// Where an event, agreement or figure is stated: a verbatim quote and its place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Document id.
    pub doc: String,
    /// The quote as written in the knowledge base.
    pub quote: String,
    /// Where the quote stands in the document's original text.
    pub span: Span,
}

/// What happens in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Visit,
    Arrival,
    Session,
    Audience,
    Signing,
    Meeting,
    Creation,
    Announcement,
    Anniversary,
}

/// Whether an event took place or is announced for later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Happened,
    Planned,
}

/// Something that happened (or is planned) at a time and place, as the articles tell it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub status: EventStatus,
    pub title_fr: String,
    pub title_en: String,
    /// `None` when no article dates it.
    pub date: Option<DateSpec>,
    /// An actor of kind place.
    pub place: Option<String>,
    pub actors: Vec<String>,
    pub sectors: Vec<String>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
    pub sources: Vec<Source>,
}

/// Where an agreement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgreementStatus {
    Signed,
    Draft,
    Proposed,
    Planned,
}

/// An agreement, memorandum or accord, signed or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub id: String,
    pub status: AgreementStatus,
    pub title_fr: String,
    pub title_en: String,
    pub date: Option<DateSpec>,
    pub place: Option<String>,
    /// The parties (actor ids).
    pub parties: Vec<String>,
    pub sectors: Vec<String>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
    pub sources: Vec<Source>,
}

/// A number the articles state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub label_fr: String,
    pub label_en: String,
    /// The stated value.
    pub value: f64,
    /// The earlier value, for a change ("de 32 à 290").
    pub from: Option<f64>,
    /// "plus de 10 000": the value is a lower bound.
    #[serde(default)]
    pub at_least: bool,
    pub unit_fr: String,
    pub unit_en: String,
    pub date: Option<DateSpec>,
    pub actors: Vec<String>,
    pub sectors: Vec<String>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
    pub sources: Vec<Source>,
}

impl Corpus {
    /// Finds a document by its id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Finds an actor by its id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// Finds a sector by its id.
    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }

    /// Whether `id` is `ancestor` or one of its descendants in the taxonomy.
    pub fn sector_within(&self, id: &str, ancestor: &str) -> bool {
        let mut current = Some(id);
        // The taxonomy is validated acyclic at build time; the bound guards the app anyway.
        for _ in 0..=self.sectors.len() {
            match current {
                Some(c) if c == ancestor => return true,
                Some(c) => current = self.sector(c).and_then(|s| s.parent.as_deref()),
                None => return false,
            }
        }
        false
    }
}
