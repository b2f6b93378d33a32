//! The knowledge base as people write it: TOML files under `seeds/knowledge/`.
//!
//! Every reference and quote is read with its position, so that a validation error can name
//! the line. The files and their fields are documented in `seeds/knowledge/README.md`.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;

use super::CompileError;
use crate::model::{ActorKind, AgreementStatus, EventKind, EventStatus, Relation, Side, Stage};

/// A string of a TOML file with its location there (byte range, hence line).
pub type Loc = Spanned<String>;

/// One TOML file: its path and source, kept to turn byte offsets into line numbers.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub source: String,
}

impl SourceFile {
    /// The 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.source.get(..offset).unwrap_or(&self.source).matches('\n').count() + 1
    }

    /// An error located at a spanned value of this file.
    pub fn error_at<T>(&self, value: &Spanned<T>, reason: impl Into<String>) -> CompileError {
        CompileError { file: self.path.clone(), line: Some(self.line_of(value.span().start)), reason: reason.into() }
    }
}

/// Reads and parses one TOML file; a missing file is an empty one.
pub fn load<T: DeserializeOwned + Default>(path: &Path) -> Result<(T, SourceFile), CompileError> {
    let source = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| CompileError {
            file: path.to_path_buf(),
            line: None,
            reason: "not valid UTF-8".into(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((T::default(), SourceFile { path: path.to_path_buf(), source: String::new() }));
        }
        Err(e) => {
            return Err(CompileError {
                file: path.to_path_buf(),
                line: None,
                reason: format!("cannot read the file: {e}"),
            });
        }
    };
    let file = SourceFile { path: path.to_path_buf(), source };
    match toml::from_str::<T>(&file.source) {
        Ok(value) => Ok((value, file)),
        Err(e) => {
            let line = e.span().map(|s| file.line_of(s.start));
            let reason = e.message().trim().to_string();
            Err(CompileError { file: file.path.clone(), line, reason: format!("invalid TOML: {reason}") })
        }
    }
}

/// `documents.toml`: metadata of the seed articles.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsFile {
    #[serde(default)]
    pub document: Vec<DocumentEntry>,
    /// Outlets and their countries: "notre pays" in an article of a Malian outlet is Mali.
    #[serde(default)]
    pub outlet: Vec<OutletEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutletEntry {
    pub name: Loc,
    /// An actor id of kind country.
    pub country: Loc,
}

/// `references.toml`: the phrases that stand for an actor without naming it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferencesFile {
    #[serde(default)]
    pub home: Vec<Loc>,
    #[serde(default)]
    pub pair: Vec<Loc>,
    #[serde(default)]
    pub titles: Vec<Loc>,
    #[serde(default)]
    pub described: Vec<DescribedEntry>,
    #[serde(default)]
    pub counterpart: Vec<Loc>,
    #[serde(default)]
    pub pair_of: Vec<PairOfEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairOfEntry {
    /// A function some actors have ("head-of-state").
    pub function: Loc,
    pub phrases: Vec<Loc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DescribedEntry {
    /// A phrase ending in `{demonym}`: "la partie {demonym}".
    pub phrase: Loc,
    /// "country", or a function some actor of that country has ("capital").
    pub function: Loc,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    /// The seed file's stem.
    pub id: Loc,
    /// A verbatim quote of the article to use as its title.
    pub title: Option<Loc>,
    pub outlet: Option<Loc>,
    pub author: Option<Loc>,
    /// A date in the compact syntax, or "unknown" to forbid inferring one.
    pub published: Option<Loc>,
    /// The passage that states the publication date (required with `published`).
    pub published_quote: Option<Loc>,
    pub language: Option<String>,
    /// Verbatim passages of this article that are page furniture.
    #[serde(default)]
    pub furniture: Vec<Loc>,
}

/// `furniture.toml`: lines of scraped pages that are not article text.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FurnitureFile {
    #[serde(default)]
    pub lines: Vec<String>,
    #[serde(default)]
    pub prefixes: Vec<String>,
}

/// `actors.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorsFile {
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    pub id: Loc,
    pub kind: ActorKind,
    pub name: Loc,
    /// The name shown in the English interface, where it differs.
    pub name_en: Option<String>,
    #[serde(default)]
    pub aliases: Vec<Loc>,
    /// Aliases matched only with the same capitals.
    #[serde(default)]
    pub exact_case: Vec<Loc>,
    /// Phrases inside which a name does not refer to this actor.
    #[serde(default)]
    pub exclude: Vec<Loc>,
    pub side: Side,
    /// What it is to its country ("capital", "foreign-ministry"): "la capitale russe" is the
    /// actor of Russia's side with the function "capital".
    pub function: Option<Loc>,
    /// For a country: the adjectives that name it ("malien", "maliennes").
    #[serde(default)]
    pub demonyms: Vec<Loc>,
    #[serde(default)]
    pub roles: Vec<RoleEntry>,
    pub description_fr: String,
    pub description_en: String,
}

/// A role of an actor, with the passage that states it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    pub role: Loc,
    pub doc: Loc,
    pub quote: Loc,
}

/// `sectors.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorsFile {
    #[serde(default)]
    pub sector: Vec<SectorEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorEntry {
    pub id: Loc,
    pub parent: Option<Loc>,
    pub label_fr: String,
    pub label_en: String,
    /// French terms that signal the sector; a trailing `*` matches any ending.
    #[serde(default)]
    pub terms: Vec<Loc>,
    /// Terms matched only with the same capitals.
    #[serde(default)]
    pub exact_case: Vec<Loc>,
    /// Phrases inside which a term does not signal the sector.
    #[serde(default)]
    pub exclude: Vec<Loc>,
}

/// Where an event, agreement or figure is stated.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub doc: Loc,
    pub quote: Loc,
    /// For an agreement or a signing: the stage this source gives it.
    pub stage: Option<Spanned<Stage>>,
    /// For a figure: the value this source gives, when it differs from the figure's.
    pub value: Option<f64>,
    /// For a figure: the words of the quote that state the value ("plus de 10 000").
    pub wording: Option<Loc>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonsFile {
    #[serde(default)]
    pub comparison: Vec<ComparisonEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonEntry {
    pub id: Loc,
    /// An event, agreement or figure id.
    pub fact: Loc,
    pub relation: Spanned<Relation>,
    pub docs: Vec<Loc>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
}

/// `events.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    #[serde(default)]
    pub event: Vec<EventEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventEntry {
    pub id: Loc,
    pub kind: EventKind,
    #[serde(default = "happened")]
    pub status: EventStatus,
    pub title_fr: String,
    pub title_en: String,
    pub date: Option<Loc>,
    pub place: Option<Loc>,
    #[serde(default)]
    pub actors: Vec<Loc>,
    #[serde(default)]
    pub sectors: Vec<Loc>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceEntry>,
}

fn happened() -> EventStatus {
    EventStatus::Happened
}

/// `agreements.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementsFile {
    #[serde(default)]
    pub agreement: Vec<AgreementEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementEntry {
    pub id: Loc,
    pub status: AgreementStatus,
    pub title_fr: String,
    pub title_en: String,
    pub date: Option<Loc>,
    pub place: Option<Loc>,
    #[serde(default)]
    pub parties: Vec<Loc>,
    #[serde(default)]
    pub sectors: Vec<Loc>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceEntry>,
}

/// `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresFile {
    #[serde(default)]
    pub figure: Vec<FigureEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureEntry {
    pub id: Loc,
    pub label_fr: String,
    pub label_en: String,
    pub value: f64,
    pub from: Option<f64>,
    pub unit_fr: String,
    pub unit_en: String,
    pub date: Option<Loc>,
    #[serde(default)]
    pub actors: Vec<Loc>,
    #[serde(default)]
    pub sectors: Vec<Loc>,
    pub note_fr: Option<String>,
    pub note_en: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceEntry>,
}
