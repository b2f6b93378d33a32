//! The corpus model: what the build step produces and the app reads.
//!
//! Strings and lists are [`Text`] and [`List`] (copy-on-write): the build-time compiler fills
//! them with owned values; the app decodes the embedded corpus (see [`crate::codec`]) with
//! every text borrowed in place from the binary, so only the lists are allocated.
//! Offsets are byte offsets into a document's original text, which is never altered.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::date::DateSpec;

/// A string of the corpus: borrowed from the binary when embedded, owned when compiled.
pub type Text = Cow<'static, str>;
/// A list of the corpus: borrowed from the binary when embedded, owned when compiled.
pub type List<T> = Cow<'static, [T]>;

/// The whole compiled corpus, as embedded in the app.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Corpus {
    /// Identifies this exact corpus (a hash of every input file): exports carry it.
    pub version: Text,
    /// Documents in seed-file order (file names sort by their numeric prefix).
    pub documents: List<Document>,
    pub actors: List<Actor>,
    /// The taxonomy, parents before their children.
    pub sectors: List<Sector>,
    pub events: List<Event>,
    pub agreements: List<Agreement>,
    pub figures: List<Figure>,
    /// How the sources of a fact relate where more than one reports it: the same, compatible
    /// at another level of detail, contradictory, or a later report superseding an earlier.
    pub comparisons: List<Comparison>,
    /// Empty when the texts are part of the corpus data. Past a size threshold the build
    /// writes the article texts apart, in parts fetched when a view needs them (see
    /// [`crate::codec::encode_parted`]); each document's `text` is then empty here and comes
    /// from its part.
    pub parts: List<Part>,
}

/// A file of article texts: the texts of `count` consecutive documents from `first`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The file name, beside the page; it carries a hash of its content, so that a static
    /// host may cache it forever.
    pub file: Text,
    pub first: usize,
    pub count: usize,
}

impl Corpus {
    /// The part that holds the text of document `doc` (an index), when the texts are apart.
    pub fn part_of(&self, doc: usize) -> Option<usize> {
        let i = self.parts.partition_point(|p| p.first + p.count <= doc);
        self.parts.get(i).filter(|p| p.first <= doc).map(|_| i)
    }
}

/// A range of bytes of a document's original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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

    /// The piece of `text` this span covers ("" for a span that does not fit it).
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or_default()
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Published {
    pub date: DateSpec,
    pub basis: Basis,
}

/// One article of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The seed file's stem, e.g. `000_194bb33a507fa3a4`. Stable: links use it.
    pub id: Text,
    /// A title for lists: from the metadata (a quote of the article) or its first line.
    pub title: Text,
    /// The outlet, when the text names it; unknown otherwise (never invented).
    pub outlet: Option<Text>,
    /// The author, when the text names one.
    pub author: Option<Text>,
    /// The publication date, when the text states or implies one.
    pub published: Option<Published>,
    /// For an article with no date of its own: the event (id) its date is inferred from, the
    /// latest one it reports that other articles date.
    pub dated_by: Option<Text>,
    /// Language of the text (ISO 639-1).
    pub language: Text,
    /// The full original text, never altered. Empty in a corpus whose texts are in parts
    /// ([`Corpus::parts`]): the app then reads texts from its text store, never from here.
    pub text: Text,
    /// The length of the text in bytes, known before the text itself when texts load apart.
    pub length: usize,
    /// Number of words, counted on white space: a reading-time hint for lists.
    pub words: usize,
    /// Page furniture (navigation, credits, "À Lire Aussi", widgets, mojibake): shown greyed
    /// in the reader, never tagged nor searched. Sorted, disjoint. Empty in a corpus whose
    /// texts are in parts: it comes with the text.
    pub furniture: List<Span>,
    /// The sentences of the article content, in order: the unit of search results, of
    /// permalinks (`p=` is an index here) and of co-occurrence. In a corpus whose texts are in
    /// parts, as many empty spans (0..0): their places come with the text (the app reads them
    /// from its text store), and only their number is needed before.
    pub passages: List<Span>,
    /// Actor, sector and date mentions found by the annotator, in text order.
    pub mentions: List<Mention>,
}

impl Document {
    /// The number of words of a text, counted on white space (what `words` holds).
    pub fn count_words(text: &str) -> usize {
        text.split_whitespace().count()
    }

    /// The text of a span of this document ("" for a span that does not fit). Build-time only
    /// in effect: the app reads texts from its text store (`explorer::texts`), since a corpus
    /// whose texts are in parts has none here.
    pub fn slice(&self, span: Span) -> &str {
        span.of(&self.text)
    }

    /// The index of the passage that contains `span`, if any (build time, or with the text: a
    /// source knows its own, [`Source::passage`]).
    pub fn passage_of(&self, span: Span) -> Option<usize> {
        passage_of(&self.passages, span)
    }
}

/// The index of the passage among `passages` (in text order, apart) that contains `span`, if any.
pub fn passage_of(passages: &[Span], span: Span) -> Option<usize> {
    let i = passages.partition_point(|p| p.end <= span.start);
    passages.get(i).filter(|p| p.contains(&span)).map(|_| i)
}

/// What a mention points to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Actor(Text),
    Sector(Text),
    Date(DateSpec),
}

/// A span of a document that names an actor, signals a sector or states a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Empty (0..0) in a corpus whose texts are in parts: the span comes with the text.
    pub span: Span,
    /// Index into the document's passages.
    pub passage: usize,
    pub target: Target,
    /// How the annotator found it: named in the text, or inferred by a rule.
    pub rule: Rule,
}

impl Mention {
    /// Whether the text names the target here (as opposed to a reference resolved by a rule).
    pub fn is_explicit(&self) -> bool {
        self.rule == Rule::Explicit
    }
}

/// How a mention was found. Every rule but `Explicit` infers an actor from a phrase that does
/// not name it; the reader shows such mentions apart, with the rule as the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// The text names it: "Sergueï Tsivilev", "Rosatom", "énergie", "29 juillet 2025".
    Explicit,
    /// "notre pays": the country of the article's outlet.
    Home,
    /// "la partie russe", "la capitale malienne": a country's demonym after a noun that names
    /// the country itself or one of its institutions (its capital, its diplomacy…).
    Demonym,
    /// "nos deux pays", "les deux chefs d'État": the two countries (or the two actors with that
    /// function) the article mentions most.
    Pair,
    /// "le Premier ministre": a title that the knowledge base's roles give to an actor this
    /// article names.
    Title,
    /// "cette Commission", "la présidence": the most-mentioned earlier actor whose name starts
    /// with that noun.
    Antecedent,
    /// "son homologue": the actor of the other side with the function of the person just
    /// mentioned.
    Counterpart,
}

impl Rule {
    /// Every rule, in the order of the codec's numbers.
    pub const ALL: [Rule; 7] =
        [Rule::Explicit, Rule::Home, Rule::Demonym, Rule::Pair, Rule::Title, Rule::Antecedent, Rule::Counterpart];

    /// A stable lowercase key (exports, the report, test hooks).
    pub fn key(self) -> &'static str {
        match self {
            Rule::Explicit => "explicit",
            Rule::Home => "home",
            Rule::Demonym => "demonym",
            Rule::Pair => "pair",
            Rule::Title => "title",
            Rule::Antecedent => "antecedent",
            Rule::Counterpart => "counterpart",
        }
    }
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

impl Side {
    pub const ALL: [Side; 4] = [Side::Mali, Side::Russia, Side::Niger, Side::Other];

    /// The value in the URL (`side=russia`).
    pub fn key(self) -> &'static str {
        match self {
            Side::Mali => "mali",
            Side::Russia => "russia",
            Side::Niger => "niger",
            Side::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A person, organisation, institution, country or place named in the articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Stable lowercase ASCII slug.
    pub id: Text,
    pub kind: ActorKind,
    /// Canonical name (French, as the articles write it).
    pub name: Text,
    /// The name in English, where it differs ("Russia", "Vladimir Putin").
    pub name_en: Option<Text>,
    /// Every other form seen: spellings, transliterations, short forms.
    pub aliases: List<Text>,
    pub side: Side,
    /// Roles as the articles state them, each with its source.
    pub roles: List<Role>,
    pub description_fr: Text,
    pub description_en: Text,
    /// Sectors named inside this actor's name or titles ("ministre de l'Énergie" → energy):
    /// attributes of the actor, not evidence that a passage is about the sector.
    pub sectors: List<Text>,
}

impl Actor {
    /// The actor's name in the interface language (`en`: the English name when there is one).
    pub fn name_in(&self, en: bool) -> &str {
        match (&self.name_en, en) {
            (Some(name), true) => name,
            _ => &self.name,
        }
    }
}

/// A role an actor holds, and the passage that states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    pub role: Text,
    pub source: Source,
}

/// A node of the bilingual sector taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sector {
    /// Stable lowercase ASCII slug.
    pub id: Text,
    /// The parent sector, for sub-sectors.
    pub parent: Option<Text>,
    pub label_fr: Text,
    pub label_en: Text,
}

/// Where an event, agreement or figure is stated: a verbatim quote and its place, and what
/// this source claims of it when sources differ (its stage, its value).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Document id.
    pub doc: Text,
    /// The quote, exactly as the document writes it (the text of `span`).
    pub quote: Text,
    /// Where the quote stands in the document's original text.
    pub span: Span,
    /// The passage of the document that holds the quote, if one does: known without the text
    /// (the timeline and the profiles link to it before any text has loaded).
    pub passage: Option<usize>,
    /// For an agreement or a signing: the stage this source gives it (the quote's words earn
    /// it: "projet d'accord" is a draft, "paraphés" initialled).
    pub stage: Option<Stage>,
    /// For a figure: the value this source gives.
    pub value: Option<f64>,
    /// For a figure: the words that state the value, verbatim ("plus de 10 000").
    pub wording: Option<Text>,
    /// For a figure: how the stated value bounds the real one, read from `wording`.
    pub qualifier: Qualifier,
}

/// The rungs of an agreement's life, as a source may report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Said to be sought or planned ("un objectif clé … est d'établir").
    Announced,
    /// A draft ("projet d'accord").
    Draft,
    /// Initialled ("paraphé").
    Initialled,
    /// Signed or concluded.
    Signed,
    /// Ratified.
    Ratified,
}

impl Stage {
    pub const ALL: [Stage; 5] = [Stage::Announced, Stage::Draft, Stage::Initialled, Stage::Signed, Stage::Ratified];

    /// A stable lowercase key (exports, test hooks).
    pub fn key(self) -> &'static str {
        match self {
            Stage::Announced => "announced",
            Stage::Draft => "draft",
            Stage::Initialled => "initialled",
            Stage::Signed => "signed",
            Stage::Ratified => "ratified",
        }
    }
}

/// How a stated number bounds the real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    #[default]
    Exact,
    /// "plus de 10 000", or a list introduced by "comme" (such as: there may be more).
    AtLeast,
    /// "moins de", "jusqu'à".
    AtMost,
    /// "près de", "environ".
    Approximate,
}

impl Qualifier {
    pub const ALL: [Qualifier; 4] = [Qualifier::Exact, Qualifier::AtLeast, Qualifier::AtMost, Qualifier::Approximate];
}

/// How the claims of several sources about one fact relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// They say the same.
    Identical,
    /// They agree at different levels of detail (7 sub-commissions = 6 working groups + 1 committee).
    Compatible,
    /// They cannot both be right.
    Contradicts,
    /// The later report (first document) replaces the earlier ones.
    Supersedes,
}

impl Relation {
    pub const ALL: [Relation; 4] =
        [Relation::Identical, Relation::Compatible, Relation::Contradicts, Relation::Supersedes];

    pub fn key(self) -> &'static str {
        match self {
            Relation::Identical => "identical",
            Relation::Compatible => "compatible",
            Relation::Contradicts => "contradicts",
            Relation::Supersedes => "supersedes",
        }
    }
}

/// A recorded relation between what several documents say of one fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Stable slug (`data-disagreement` in the page, exports).
    pub id: Text,
    /// The event, agreement or figure compared.
    pub fact: Text,
    pub relation: Relation,
    /// The documents whose claims relate (two or more, each a source of the fact).
    pub docs: List<Text>,
    /// A short neutral note: why, and the breakdown for compatible figures.
    pub note_fr: Option<Text>,
    pub note_en: Option<Text>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: Text,
    pub kind: EventKind,
    pub status: EventStatus,
    pub title_fr: Text,
    pub title_en: Text,
    /// `None` when no article dates it.
    pub date: Option<DateSpec>,
    /// An actor of kind place.
    pub place: Option<Text>,
    pub actors: List<Text>,
    pub sectors: List<Text>,
    pub note_fr: Option<Text>,
    pub note_en: Option<Text>,
    pub sources: List<Source>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    pub id: Text,
    pub status: AgreementStatus,
    pub title_fr: Text,
    pub title_en: Text,
    pub date: Option<DateSpec>,
    pub place: Option<Text>,
    /// The parties (actor ids).
    pub parties: List<Text>,
    pub sectors: List<Text>,
    pub note_fr: Option<Text>,
    pub note_en: Option<Text>,
    pub sources: List<Source>,
}

/// A number the articles state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub id: Text,
    pub label_fr: Text,
    pub label_en: Text,
    /// The stated value.
    pub value: f64,
    /// The earlier value, for a change ("de 32 à 290").
    pub from: Option<f64>,
    /// How the value bounds the real one, as the (first) source words it.
    pub qualifier: Qualifier,
    pub unit_fr: Text,
    pub unit_en: Text,
    pub date: Option<DateSpec>,
    pub actors: List<Text>,
    pub sectors: List<Text>,
    pub note_fr: Option<Text>,
    pub note_en: Option<Text>,
    pub sources: List<Source>,
}

/// A piece of a knowledge-base note: text, or a reference to a document (`{doc:ID}`), which
/// the interface shows as the document's human label and a link, never as its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotePart<'a> {
    Text(&'a str),
    Doc(&'a str),
}

/// Splits a note into text and document references.
///
/// ```
/// use corpus::model::{NotePart, note_parts};
/// assert_eq!(
///     note_parts("Selon {doc:001_x}, oui."),
///     [NotePart::Text("Selon "), NotePart::Doc("001_x"), NotePart::Text(", oui.")]
/// );
/// ```
pub fn note_parts(note: &str) -> Vec<NotePart<'_>> {
    let mut parts = Vec::new();
    let mut rest = note;
    while let Some(at) = rest.find("{doc:") {
        let Some(end) = rest[at..].find('}') else { break };
        if at > 0 {
            parts.push(NotePart::Text(&rest[..at]));
        }
        parts.push(NotePart::Doc(&rest[at + 5..at + end]));
        rest = &rest[at + end + 1..];
    }
    if !rest.is_empty() {
        parts.push(NotePart::Text(rest));
    }
    parts
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

    /// The country that stands for a side, if the corpus has one (no country is "other").
    pub fn country_of(&self, side: Side) -> Option<&Actor> {
        self.actors.iter().find(|a| a.kind == ActorKind::Country && a.side == side)
    }

    /// The comparisons recorded for a fact (event, agreement or figure id).
    pub fn comparisons_of<'a>(&'a self, fact: &'a str) -> impl Iterator<Item = &'a Comparison> + 'a {
        self.comparisons.iter().filter(move |c| c.fact == fact)
    }

    /// Whether some sources of a fact contradict each other.
    pub fn disputed(&self, fact: &str) -> bool {
        self.comparisons_of(fact).any(|c| c.relation == Relation::Contradicts)
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
