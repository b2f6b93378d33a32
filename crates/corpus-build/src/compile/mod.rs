//! Build-time compilation of `seeds/` into a [`Corpus`].
//!
//! Runs in `build.rs` (so a bad seed fails the build) and in native tests and tools. It reads
//! the articles (`seeds/*.txt`) and the knowledge base (`seeds/knowledge/*.toml`), checks
//! every id, alias and quote, finds furniture and passages, annotates every article, and
//! resolves every quote to its place in its article. Every error names the file, the line
//! when there is one, and the reason.
//!
//! ```no_run
//! let corpus = corpus_build::compile::compile_dir(std::path::Path::new("seeds")).unwrap();
//! assert!(!corpus.documents.is_empty());
//! ```

pub mod claims;
mod kb;
mod quotes;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::annotate::dates::{FoundDate, dateline, find_dates};
use crate::annotate::lexicon::{Layer, Lexicon, Term};
use crate::annotate::refer::{self, Named, Phrases, Referent};
use crate::annotate::segment::{FurnitureRules, furniture, passages};
use crate::date::DateSpec;
use crate::model::Text;
use crate::model::{
    Actor, ActorKind, Agreement, Basis, Corpus, Document, Event, Figure, List, Mention, Published, Qualifier, Role,
    Rule, Sector, Source, Span, Target,
};
use crate::text::{folded_words, tokens};
use kb::{Loc, SourceEntry, SourceFile};
use quotes::{Normalized, matches_but_for_apostrophes};

/// The knowledge base's folder inside the seeds folder.
pub const KNOWLEDGE_DIR: &str = "knowledge";

/// Why the corpus could not be compiled, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// The file at fault.
    pub file: PathBuf,
    /// 1-based line in that file, when the fault has one.
    pub line: Option<usize>,
    /// What is wrong, for a human.
    pub reason: String,
}

impl CompileError {
    fn new(file: &Path, line: Option<usize>, reason: impl Into<String>) -> Self {
        CompileError { file: file.to_path_buf(), line, reason: reason.into() }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.reason),
            None => write!(f, "{}: {}", self.file.display(), self.reason),
        }
    }
}

impl std::error::Error for CompileError {}

/// An article file as read from disk.
struct Seed {
    path: PathBuf,
    id: String,
    text: String,
}

/// Compiles the articles and knowledge base of `dir` into a corpus.
pub fn compile_dir(dir: &Path) -> Result<Corpus, CompileError> {
    let seeds = read_seeds(dir)?;
    let knowledge = dir.join(KNOWLEDGE_DIR);
    let (documents_meta, documents_file) = kb::load::<kb::DocumentsFile>(&knowledge.join("documents.toml"))?;
    let (furniture_rules, _) = kb::load::<kb::FurnitureFile>(&knowledge.join("furniture.toml"))?;
    let (actors_in, actors_file) = kb::load::<kb::ActorsFile>(&knowledge.join("actors.toml"))?;
    let (sectors_in, sectors_file) = kb::load::<kb::SectorsFile>(&knowledge.join("sectors.toml"))?;
    let (events_in, events_file) = kb::load::<kb::EventsFile>(&knowledge.join("events.toml"))?;
    let (agreements_in, agreements_file) = kb::load::<kb::AgreementsFile>(&knowledge.join("agreements.toml"))?;
    let (figures_in, figures_file) = kb::load::<kb::FiguresFile>(&knowledge.join("figures.toml"))?;
    let (references_in, references_file) = kb::load::<kb::ReferencesFile>(&knowledge.join("references.toml"))?;
    let (comparisons_in, comparisons_file) = kb::load::<kb::ComparisonsFile>(&knowledge.join("comparisons.toml"))?;

    let mut lexicon = Lexicon::default();
    let sectors = compile_sectors(&sectors_in.sector, &sectors_file, &mut lexicon)?;
    let mut actors = compile_actors(&actors_in.actor, &actors_file, &mut lexicon)?;
    let annotator = Annotator {
        lexicon: &lexicon,
        referents: compile_referents(&actors_in.actor, &actors_file)?,
        phrases: compile_phrases(&references_in, &references_file)?,
        actor_ids: actors.iter().map(|a| a.id.to_string()).collect(),
        outlets: compile_outlets(&documents_meta.outlet, &documents_file, &actors)?,
    };
    let rules = FurnitureRules { lines: furniture_rules.lines, prefixes: furniture_rules.prefixes };
    let (documents, attributes) =
        compile_documents(seeds, &documents_meta.document, &documents_file, &rules, &annotator)?;
    for (actor, sectors_of) in actors.iter_mut().zip(attributes) {
        let mut own: Vec<&Sector> = sectors.iter().filter(|s| sectors_of.contains(s.id.as_ref())).collect();
        own.dedup_by_key(|s| s.id.clone());
        actor.sectors = own.into_iter().map(|s| s.id.clone()).collect::<Vec<_>>().into();
    }

    let roles = compile_roles(&actors_in.actor, &actors_file, &References::new(&documents, &actors, &sectors))?;
    for (actor, roles) in actors.iter_mut().zip(roles) {
        actor.roles = roles.into();
    }
    let mut refs = References::new(&documents, &actors, &sectors);
    let events =
        events_in.event.iter().map(|e| compile_event(e, &events_file, &mut refs)).collect::<Result<Vec<_>, _>>()?;
    let agreements = agreements_in
        .agreement
        .iter()
        .map(|a| compile_agreement(a, &agreements_file, &mut refs))
        .collect::<Result<Vec<_>, _>>()?;
    let figures =
        figures_in.figure.iter().map(|f| compile_figure(f, &figures_file, &mut refs)).collect::<Result<Vec<_>, _>>()?;
    let mut documents = documents;
    date_from_events(&mut documents, &events);
    let comparisons =
        claims::comparisons(&comparisons_in.comparison, &comparisons_file, &events, &agreements, &figures)?;
    // Notes name documents by `{doc:ID}`: every reference must exist.
    let notes = events
        .iter()
        .map(|e| (&e.id, [&e.note_fr, &e.note_en], &events_file))
        .chain(agreements.iter().map(|a| (&a.id, [&a.note_fr, &a.note_en], &agreements_file)))
        .chain(figures.iter().map(|f| (&f.id, [&f.note_fr, &f.note_en], &figures_file)))
        .chain(comparisons.iter().map(|c| (&c.id, [&c.note_fr, &c.note_en], &comparisons_file)));
    for (owner, texts, file) in notes {
        for note in texts.into_iter().flatten() {
            for part in crate::model::note_parts(note) {
                if let crate::model::NotePart::Doc(id) = part
                    && !documents.iter().any(|d| d.id == id)
                {
                    let line = file.source.find(&format!("{{doc:{id}}}")).map(|at| file.line_of(at));
                    let reason = format!("{owner:?}: the note names an unknown document {{doc:{id}}}");
                    return Err(CompileError::new(&file.path, line, reason));
                }
            }
        }
    }

    let version = version_of(dir)?;
    Ok(Corpus {
        version: version.into(),
        documents: documents.into(),
        actors: actors.into(),
        sectors: sectors.into(),
        events: events.into(),
        agreements: agreements.into(),
        figures: figures.into(),
        comparisons: comparisons.into(),
        parts: Vec::new().into(),
    })
}

/// The article files of `dir`: every entry ending in `.txt`, sorted by name. Entries that
/// cannot be read as files (a dangling link, a folder) are kept so that reading them fails
/// loudly instead of dropping an article silently.
pub fn article_paths(dir: &Path) -> Result<Vec<PathBuf>, CompileError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| CompileError::new(dir, None, format!("cannot read the folder: {e}")))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CompileError::new(dir, None, format!("cannot list the folder: {e}")))?;
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

fn read_seeds(dir: &Path) -> Result<Vec<Seed>, CompileError> {
    let seeds = article_paths(dir)?.into_iter().map(read_seed).collect::<Result<Vec<_>, _>>()?;
    if seeds.is_empty() {
        return Err(CompileError::new(dir, None, "no article (*.txt) found"));
    }
    Ok(seeds)
}

/// Reads one article: it must be UTF-8, hold some text, and have a file name usable in links.
fn read_seed(path: PathBuf) -> Result<Seed, CompileError> {
    let bytes =
        std::fs::read(&path).map_err(|e| CompileError::new(&path, None, format!("cannot read the file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        CompileError::new(&path, Some(line), "not valid UTF-8 (articles must be saved as UTF-8)")
    })?;
    if text.trim().is_empty() {
        return Err(CompileError::new(&path, None, "the article is empty"));
    }
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
    let usable =
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !usable {
        return Err(CompileError::new(
            &path,
            None,
            "the file name must use only a-z, 0-9, '_' and '-' (it becomes the article's id in links)",
        ));
    }
    Ok(Seed { path, id, text })
}

/// Checks that an id is a lowercase ASCII slug (`a-z`, `0-9`, single inner hyphens).
fn check_slug(file: &SourceFile, id: &Loc) -> Result<(), CompileError> {
    let s = id.get_ref();
    let ok = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if ok {
        Ok(())
    } else {
        Err(file.error_at(id, format!("id {s:?} must be a lowercase ASCII slug like \"rosatom\" or \"civil-nuclear\"")))
    }
}

/// Checks that an id is new in its namespace.
fn check_new(file: &SourceFile, id: &Loc, seen: &mut HashSet<String>) -> Result<(), CompileError> {
    check_slug(file, id)?;
    if seen.insert(id.get_ref().clone()) {
        Ok(())
    } else {
        Err(file.error_at(id, format!("duplicate id {:?}", id.get_ref())))
    }
}

fn texts(values: &[Loc]) -> Vec<&str> {
    values.iter().map(|v| v.get_ref().as_str()).collect()
}

/// Checks the taxonomy (unique ids, known parents, no cycle, no term in two sectors) and
/// adds its terms to the lexicon. Returns the sectors parents first.
fn compile_sectors(
    entries: &[kb::SectorEntry],
    file: &SourceFile,
    lexicon: &mut Lexicon,
) -> Result<Vec<Sector>, CompileError> {
    let mut seen = HashSet::new();
    for entry in entries {
        check_new(file, &entry.id, &mut seen)?;
    }
    let parent_of: HashMap<&str, &Loc> =
        entries.iter().filter_map(|e| Some((e.id.get_ref().as_str(), e.parent.as_ref()?))).collect();
    for (id, parent) in &parent_of {
        if !seen.contains(parent.get_ref()) {
            return Err(file.error_at(*parent, format!("sector {id:?} has an unknown parent {:?}", parent.get_ref())));
        }
        let mut current = parent.get_ref().as_str();
        for _ in 0..=entries.len() {
            if current == *id {
                return Err(file.error_at(*parent, format!("sector {id:?} is its own ancestor")));
            }
            match parent_of.get(current) {
                Some(p) => current = p.get_ref(),
                None => break,
            }
        }
    }
    let mut term_owner: HashMap<Vec<String>, &str> = HashMap::new();
    for entry in entries {
        let id = entry.id.get_ref().as_str();
        for term in entry.terms.iter().chain(&entry.exact_case) {
            let key = folded_words(term.get_ref());
            if key.is_empty() {
                return Err(file.error_at(term, "a term must contain a word"));
            }
            if let Some(other) = term_owner.insert(key, id) {
                return Err(file.error_at(
                    term,
                    format!("the term {:?} is listed twice (sectors {other:?} and {id:?})", term.get_ref()),
                ));
            }
        }
        let terms: Vec<Term> = entry
            .terms
            .iter()
            .map(|t| Term::new(t.get_ref()))
            .chain(entry.exact_case.iter().map(|t| Term::exact_case(t.get_ref())))
            .collect();
        lexicon.add(Layer::Sector, id, &terms, &texts(&entry.exclude));
    }
    // Parents before children, so the app can build the tree in one pass.
    let depth = |id: &str| {
        let mut depth = 0;
        let mut current = id;
        while let Some(p) = parent_of.get(current) {
            current = p.get_ref();
            depth += 1;
        }
        depth
    };
    let mut sectors: Vec<(usize, usize, Sector)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let sector = Sector {
                id: e.id.get_ref().clone().into(),
                parent: e.parent.as_ref().map(|p| p.get_ref().clone()).map(Into::into),
                label_fr: e.label_fr.clone().into(),
                label_en: e.label_en.clone().into(),
            };
            (depth(e.id.get_ref()), i, sector)
        })
        .collect();
    sectors.sort_by_key(|(depth, i, _)| (*depth, *i));
    Ok(sectors.into_iter().map(|(_, _, s)| s).collect())
}

/// Checks the actors (unique ids, no name or alias shared by two actors, roles as stated in
/// some article) and adds their names to the lexicon.
fn compile_actors(
    entries: &[kb::ActorEntry],
    file: &SourceFile,
    lexicon: &mut Lexicon,
) -> Result<Vec<Actor>, CompileError> {
    let mut seen = HashSet::new();
    let mut name_owner: HashMap<Vec<String>, &str> = HashMap::new();
    let mut actors = Vec::with_capacity(entries.len());
    for entry in entries {
        check_new(file, &entry.id, &mut seen)?;
        let id = entry.id.get_ref().as_str();
        for name in std::iter::once(&entry.name).chain(&entry.aliases).chain(&entry.exact_case) {
            let key = folded_words(name.get_ref());
            if key.is_empty() {
                return Err(file.error_at(name, "a name must contain a word"));
            }
            // Spellings that fold alike ("Goïta", "Goita") may both be listed for display;
            // one name for two actors would make mentions ambiguous.
            match name_owner.insert(key, id) {
                Some(other) if other != id => {
                    let reason =
                        format!("the name or alias {:?} is listed for both {other:?} and {id:?}", name.get_ref());
                    return Err(file.error_at(name, reason));
                }
                _ => {}
            }
        }
        let terms: Vec<Term> = std::iter::once(&entry.name)
            .chain(&entry.aliases)
            .map(|t| Term::new(t.get_ref()))
            .chain(entry.exact_case.iter().map(|t| Term::exact_case(t.get_ref())))
            .collect();
        lexicon.add(Layer::Actor, id, &terms, &texts(&entry.exclude));
        actors.push(Actor {
            id: id.to_string().into(),
            kind: entry.kind,
            name: entry.name.get_ref().clone().into(),
            name_en: entry.name_en.clone().map(Into::into),
            aliases: entry
                .aliases
                .iter()
                .chain(&entry.exact_case)
                .map(|a| a.get_ref().clone().into())
                .collect::<Vec<_>>()
                .into(),
            side: entry.side,
            roles: Vec::new().into(), // resolved with the documents, see `compile_roles`
            description_fr: entry.description_fr.clone().into(),
            description_en: entry.description_en.clone().into(),
            sectors: Vec::new().into(), // found in the documents, see `Annotator::annotate`
        });
    }
    Ok(actors)
}

/// Resolves each actor's roles to the passages that state them.
fn compile_roles(
    entries: &[kb::ActorEntry],
    file: &SourceFile,
    refs: &References,
) -> Result<Vec<Vec<Role>>, CompileError> {
    entries
        .iter()
        .map(|entry| {
            entry
                .roles
                .iter()
                .map(|r| {
                    let source = refs.source(file, &r.doc, &r.quote)?;
                    Ok(Role { role: r.role.get_ref().clone().into(), source })
                })
                .collect()
        })
        .collect()
}

/// What the reference rules need of each actor (same order as the actors). Checks that
/// demonyms belong to countries and to one country only, and that no two actors of one side
/// share a function (a demonym phrase must resolve to one actor).
fn compile_referents(entries: &[kb::ActorEntry], file: &SourceFile) -> Result<Vec<Referent>, CompileError> {
    let mut demonym_owner: HashMap<String, &str> = HashMap::new();
    let mut function_owner: HashMap<(crate::model::Side, &str), &str> = HashMap::new();
    let mut referents = Vec::with_capacity(entries.len());
    for entry in entries {
        let id = entry.id.get_ref().as_str();
        let mut referent = Referent::new(entry.kind, entry.side);
        for demonym in &entry.demonyms {
            if entry.kind != ActorKind::Country {
                return Err(file.error_at(demonym, format!("{id:?} has demonyms but is not a country")));
            }
            let key = folded_words(demonym.get_ref()).join(" ");
            if let Some(other) = demonym_owner.insert(key, id).filter(|o| *o != id) {
                return Err(file.error_at(
                    demonym,
                    format!("the demonym {:?} is listed for both {other:?} and {id:?}", demonym.get_ref()),
                ));
            }
            referent = referent.demonyms(&[demonym.get_ref()]);
        }
        if let Some(function) = &entry.function {
            check_slug(file, function)?;
            if let Some(other) = function_owner.insert((entry.side, function.get_ref()), id) {
                return Err(file.error_at(
                    function,
                    format!(
                        "{other:?} and {id:?} are on the same side with the same function {:?}",
                        function.get_ref()
                    ),
                ));
            }
            referent = referent.function(function.get_ref());
        }
        for name in std::iter::once(&entry.name).chain(&entry.aliases) {
            referent = referent.name(name.get_ref());
        }
        for role in &entry.roles {
            referent = referent.role(role.role.get_ref());
        }
        referents.push(referent);
    }
    Ok(referents)
}

/// The phrases of `references.toml`, checked: each described phrase ends in `{demonym}`.
fn compile_phrases(entries: &kb::ReferencesFile, file: &SourceFile) -> Result<Phrases, CompileError> {
    let mut described = Vec::new();
    for entry in &entries.described {
        let phrase = entry.phrase.get_ref();
        let before = phrase.strip_suffix("{demonym}").filter(|b| !folded_words(b).is_empty());
        if before.is_none() {
            return Err(file.error_at(&entry.phrase, format!("{phrase:?} must be words followed by {{demonym}}")));
        }
        check_slug(file, &entry.function)?;
        described.push((phrase.as_str(), entry.function.get_ref().as_str()));
    }
    let pair_phrases = entries.pair_of.iter().flat_map(|p| &p.phrases);
    for phrase in
        entries.home.iter().chain(&entries.pair).chain(&entries.titles).chain(&entries.counterpart).chain(pair_phrases)
    {
        if folded_words(phrase.get_ref()).is_empty() {
            return Err(file.error_at(phrase, "a phrase must contain a word"));
        }
    }
    let mut phrases = Phrases::new(&texts(&entries.home), &texts(&entries.pair), &described, &texts(&entries.titles))
        .counterparts(&texts(&entries.counterpart));
    for pair in &entries.pair_of {
        check_slug(file, &pair.function)?;
        phrases = phrases.pair_of(pair.function.get_ref(), &texts(&pair.phrases));
    }
    Ok(phrases)
}

/// Outlet name → index of its country among the actors.
fn compile_outlets(
    entries: &[kb::OutletEntry],
    file: &SourceFile,
    actors: &[Actor],
) -> Result<HashMap<String, usize>, CompileError> {
    let mut outlets = HashMap::new();
    for entry in entries {
        let country = entry.country.get_ref();
        let index = actors.iter().position(|a| a.id == *country && a.kind == ActorKind::Country).ok_or_else(|| {
            file.error_at(&entry.country, format!("{country:?} is not the id of an actor of kind country"))
        })?;
        if outlets.insert(entry.name.get_ref().clone(), index).is_some() {
            return Err(file.error_at(&entry.name, format!("the outlet {:?} is listed twice", entry.name.get_ref())));
        }
    }
    Ok(outlets)
}

/// Everything needed to annotate an article.
struct Annotator<'a> {
    lexicon: &'a Lexicon,
    referents: Vec<Referent>,
    phrases: Phrases,
    actor_ids: Vec<String>,
    outlets: HashMap<String, usize>,
}

impl Annotator<'_> {
    /// The mentions of every passage: names and terms the lexicon finds, references the rules
    /// resolve, dates. A sector term inside an actor's name or a job title is returned as that
    /// actor's attribute (actor index, sector id) instead of a mention.
    fn annotate(
        &self,
        text: &str,
        passages: &[Span],
        reference: Option<&DateSpec>,
        outlet: Option<&str>,
    ) -> (Vec<Mention>, Vec<(usize, String)>) {
        let mut mentions = Vec::new();
        let mut named = Vec::new();
        let mut terms = Vec::new();
        for (index, passage) in passages.iter().enumerate() {
            let slice = &text[passage.start..passage.end];
            let toks = tokens(slice);
            let shift = |span: Span| Span::new(span.start + passage.start, span.end + passage.start);
            for found in self.lexicon.find(slice, &toks) {
                let span = shift(found.span);
                match found.layer {
                    Layer::Actor => {
                        if let Some(actor) = self.actor_ids.iter().position(|a| *a == found.id) {
                            named.push(Named { span, actor });
                        }
                        let target = Target::Actor(found.id.into());
                        mentions.push(Mention { span, passage: index, target, rule: Rule::Explicit });
                    }
                    Layer::Sector => terms.push((span, index, found.id)),
                }
            }
            for FoundDate { span, date, .. } in find_dates(slice, &toks, reference) {
                let target = Target::Date(date);
                mentions.push(Mention { span: shift(span), passage: index, target, rule: Rule::Explicit });
            }
        }
        let home = outlet.and_then(|o| self.outlets.get(o).copied());
        let term_spans: Vec<Span> = terms.iter().map(|t| t.0).collect();
        let resolution = refer::resolve(text, passages, &named, &term_spans, home, &self.referents, &self.phrases);
        for found in resolution.inferred {
            let passage = passages.partition_point(|p| p.end <= found.span.start);
            let target = Target::Actor(self.actor_ids[found.actor].clone().into());
            mentions.push(Mention { span: found.span, passage, target, rule: found.rule });
        }
        let mut attributes = Vec::new();
        for (span, passage, sector) in terms {
            let owner = named
                .iter()
                .find(|n| n.span.contains(&span))
                .map(|n| Some(n.actor))
                .or_else(|| resolution.attributes.iter().find(|(title, _)| title.contains(&span)).map(|t| t.1));
            match owner {
                Some(Some(actor)) => attributes.push((actor, sector)),
                Some(None) => {} // a title of an actor the article does not name
                None => mentions.push(Mention {
                    span,
                    passage,
                    target: Target::Sector(sector.into()),
                    rule: Rule::Explicit,
                }),
            }
        }
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end), m.rule));
        (mentions, attributes)
    }
}

/// Builds every document: metadata checked against its text, furniture, passages, mentions.
/// Also returns, for each actor, the sectors its names and titles carry in the articles.
fn compile_documents(
    seeds: Vec<Seed>,
    meta: &[kb::DocumentEntry],
    file: &SourceFile,
    rules: &FurnitureRules,
    annotator: &Annotator,
) -> Result<(Vec<Document>, Vec<HashSet<String>>), CompileError> {
    let mut by_id: HashMap<&str, &kb::DocumentEntry> = HashMap::new();
    for entry in meta {
        if !seeds.iter().any(|s| s.id == *entry.id.get_ref()) {
            return Err(
                file.error_at(&entry.id, format!("no article seeds/{}.txt for this metadata", entry.id.get_ref()))
            );
        }
        if by_id.insert(entry.id.get_ref(), entry).is_some() {
            return Err(file.error_at(&entry.id, format!("duplicate metadata for {:?}", entry.id.get_ref())));
        }
    }
    let mut attributes = vec![HashSet::new(); annotator.actor_ids.len()];
    let mut documents = Vec::with_capacity(seeds.len());
    for seed in seeds {
        let meta = by_id.get(seed.id.as_str()).copied();
        let (document, found) = compile_document(seed, meta, file, rules, annotator)?;
        for (actor, sector) in found {
            attributes[actor].insert(sector);
        }
        documents.push(document);
    }
    Ok((documents, attributes))
}

/// Locates a metadata quote in its document or explains why it is not there.
fn locate(
    file: &SourceFile,
    normalized: &Normalized,
    text: &str,
    doc: &str,
    quote: &Loc,
) -> Result<Span, CompileError> {
    normalized.find(text, quote.get_ref()).ok_or_else(|| {
        let hint = if matches_but_for_apostrophes(normalized, quote.get_ref()) {
            " (it would match with the other apostrophe style: copy the article's ’ or ' exactly)"
        } else {
            ""
        };
        file.error_at(quote, format!("the quote {:?} is not verbatim in {doc}{hint}", quote.get_ref()))
    })
}

fn compile_document(
    seed: Seed,
    meta: Option<&kb::DocumentEntry>,
    file: &SourceFile,
    rules: &FurnitureRules,
    annotator: &Annotator,
) -> Result<(Document, Vec<(usize, String)>), CompileError> {
    let normalized = Normalized::new(&seed.text);
    let locate_meta = |quote: &Loc| locate(file, &normalized, &seed.text, &seed.id, quote);
    let mut extra_furniture = Vec::new();
    let mut bylines = Vec::new();
    let (mut title, mut outlet, mut author, mut language) = (None, None, None, "fr".to_string());
    let mut published = None;
    let mut infer_published = true;
    if let Some(meta) = meta {
        for quote in meta.furniture.iter() {
            extra_furniture.push(locate_meta(quote)?);
        }
        if let Some(t) = &meta.title {
            locate_meta(t)?;
            title = Some(t.get_ref().clone());
        }
        for (field, slot) in [(&meta.outlet, &mut outlet), (&meta.author, &mut author)] {
            if let Some(value) = field {
                locate_meta(value)?;
                bylines.push(value.get_ref().clone());
                *slot = Some(value.get_ref().clone());
            }
        }
        if let Some(lang) = &meta.language {
            language = lang.clone();
        }
        match (&meta.published, &meta.published_quote) {
            (Some(p), _) if p.get_ref() == "unknown" => infer_published = false,
            (Some(p), Some(quote)) => {
                let date =
                    DateSpec::parse(p.get_ref()).map_err(|e| file.error_at(p, format!("{:?}: {e}", p.get_ref())))?;
                locate_meta(quote)?;
                published = Some(Published { date, basis: Basis::Stated });
            }
            (Some(p), None) => {
                return Err(file.error_at(p, "a stated publication date needs the published_quote that states it"));
            }
            (None, Some(q)) => return Err(file.error_at(q, "published_quote without published")),
            (None, None) => {}
        }
    }
    let bylines: Vec<&str> = bylines.iter().map(String::as_str).collect();
    let furniture = furniture(&seed.text, rules, &bylines, &extra_furniture);
    let passages = passages(&seed.text, &furniture);
    if passages.is_empty() {
        return Err(CompileError::new(&seed.path, None, "the article has no text besides page furniture"));
    }
    if published.is_none() {
        // "Bamako, 12 septembre 2025 —": the article states its date in its dateline.
        published = dateline(&seed.text[passages[0].start..]).map(|(_, date)| Published { date, basis: Basis::Stated });
    }
    if published.is_none() && infer_published {
        published = infer_publication(&seed.text, &passages).map(|date| Published { date, basis: Basis::Inferred });
    }
    let reference = published.map(|p| p.date);
    let (mentions, attributes) = annotator.annotate(&seed.text, &passages, reference.as_ref(), outlet.as_deref());
    let title = title.unwrap_or_else(|| default_title(&seed.text[passages[0].start..passages[0].end]));
    let document = Document {
        id: seed.id.into(),
        title: title.into(),
        outlet: outlet.map(Into::into),
        author: author.map(Into::into),
        published,
        dated_by: None, // see `date_from_events`
        language: language.into(),
        length: seed.text.len(),
        words: Document::count_words(&seed.text),
        text: seed.text.into(),
        furniture: furniture.into(),
        passages: passages.into(),
        mentions: mentions.into(),
    };
    Ok((document, attributes))
}

/// The publication date a text implies: the day it speaks from ("ce lundi 28 juillet 2025"),
/// else the latest date it states with its year. `None` when it states none.
pub fn infer_publication(text: &str, passages: &[Span]) -> Option<DateSpec> {
    let found: Vec<FoundDate> =
        passages.iter().flat_map(|p| find_dates(&text[p.start..p.end], &tokens(&text[p.start..p.end]), None)).collect();
    if let Some(deictic) = found.iter().find(|f| f.deictic) {
        return Some(deictic.date);
    }
    found
        .into_iter()
        .filter(|f| !f.date.relative && !f.date.year_inferred)
        .map(|f| f.date)
        .max_by_key(|d| (d.end, d.start))
}

/// Dates each article that has no date of its own from the events it reports: the latest
/// one that another article dates (the article cannot be older than what it reports). The
/// date is approximate: from that event's start to the end of its month.
pub fn date_from_events(documents: &mut [Document], events: &[Event]) {
    for doc in documents.iter_mut().filter(|d| d.published.is_none()) {
        let reported = events
            .iter()
            .filter(|e| e.sources.iter().any(|s| s.doc == doc.id) && e.sources.iter().any(|s| s.doc != doc.id));
        let Some((event, date)) = reported.filter_map(|e| Some((e, e.date?))).max_by_key(|(_, d)| (d.end, d.start))
        else {
            continue;
        };
        let end = crate::date::Day::end_of_month(date.end.year, date.end.month).unwrap_or(date.end);
        let date = DateSpec::range(date.start, end, crate::date::Precision::Approximate);
        doc.published = Some(Published { date, basis: Basis::Inferred });
        doc.dated_by = Some(event.id.clone());
    }
}

/// Longest default title, in characters, before it is cut at a word boundary.
const TITLE_MAX_CHARS: usize = 110;

/// A title for an article whose metadata gives none: its first passage, shortened at a word
/// boundary with an ellipsis when long.
pub fn default_title(first_passage: &str) -> String {
    let sentence = first_passage.trim().trim_end_matches('.');
    if sentence.chars().count() <= TITLE_MAX_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(TITLE_MAX_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Checks references from events, agreements and figures, and resolves their quotes.
struct References<'a> {
    documents: HashMap<&'a str, (&'a Document, Normalized)>,
    actors: HashMap<&'a str, &'a Actor>,
    sectors: HashSet<&'a str>,
    /// Events, agreements and figures share one namespace: links name them by id alone.
    items: HashSet<String>,
}

impl<'a> References<'a> {
    fn new(documents: &'a [Document], actors: &'a [Actor], sectors: &'a [Sector]) -> Self {
        References {
            documents: documents.iter().map(|d| (d.id.as_ref(), (d, Normalized::new(&d.text)))).collect(),
            actors: actors.iter().map(|a| (a.id.as_ref(), a)).collect(),
            sectors: sectors.iter().map(|s| s.id.as_ref()).collect(),
            items: HashSet::new(),
        }
    }

    fn new_item(&mut self, file: &SourceFile, id: &Loc) -> Result<String, CompileError> {
        check_slug(file, id)?;
        if !self.items.insert(id.get_ref().clone()) {
            return Err(file
                .error_at(id, format!("duplicate id {:?} (events, agreements and figures share ids)", id.get_ref())));
        }
        Ok(id.get_ref().clone())
    }

    fn actors(&self, file: &SourceFile, ids: &[Loc]) -> Result<List<Text>, CompileError> {
        let known = |id: &Loc| self.actors.contains_key(id.get_ref().as_str());
        ids_in(file, ids, known, "actor")
    }

    /// The actors of an event or the parties of an agreement, completed with the country of
    /// each one's side: Rosatom is a party, so Russia is one; a session co-chaired by a Malian
    /// and a Russian minister involves both countries. Places are where, not who.
    fn parties(&self, file: &SourceFile, ids: &[Loc]) -> Result<List<Text>, CompileError> {
        let mut list = self.actors(file, ids)?.into_owned();
        let sides: Vec<crate::model::Side> = list
            .iter()
            .filter_map(|id| self.actors.get(id.as_ref()))
            .filter(|a| a.kind != ActorKind::Place)
            .map(|a| a.side)
            .collect();
        for side in sides {
            let country = self.actors.values().find(|a| a.kind == ActorKind::Country && a.side == side);
            if let Some(country) = country.filter(|c| !list.contains(&c.id)) {
                list.push(country.id.clone());
            }
        }
        Ok(list.into())
    }

    fn sectors(&self, file: &SourceFile, ids: &[Loc]) -> Result<List<Text>, CompileError> {
        ids_in(file, ids, |id| self.sectors.contains(id.get_ref().as_str()), "sector")
    }

    fn place(&self, file: &SourceFile, place: Option<&Loc>) -> Result<Option<String>, CompileError> {
        let Some(place) = place else { return Ok(None) };
        match self.actors.get(place.get_ref().as_str()) {
            Some(actor) if matches!(actor.kind, ActorKind::Place | ActorKind::Country) => {
                Ok(Some(place.get_ref().clone()))
            }
            Some(_) => Err(file.error_at(place, format!("{:?} is not a place or a country", place.get_ref()))),
            None => Err(file.error_at(place, format!("unknown place id {:?}", place.get_ref()))),
        }
    }

    fn date(&self, file: &SourceFile, date: Option<&Loc>) -> Result<Option<DateSpec>, CompileError> {
        date.map(|d| DateSpec::parse(d.get_ref()).map_err(|e| file.error_at(d, format!("{:?}: {e}", d.get_ref()))))
            .transpose()
    }

    fn sources(&self, file: &SourceFile, owner: &Loc, sources: &[SourceEntry]) -> Result<List<Source>, CompileError> {
        if sources.is_empty() {
            return Err(
                file.error_at(owner, format!("{:?} has no source: cite at least one article passage", owner.get_ref()))
            );
        }
        sources
            .iter()
            .map(|s| claims::claim(file, s, self.source(file, &s.doc, &s.quote)?))
            .collect::<Result<Vec<_>, _>>()
            .map(Into::into)
    }

    /// Checks that `doc` exists and `quote` stands in it verbatim.
    fn source(&self, file: &SourceFile, doc: &Loc, quote: &Loc) -> Result<Source, CompileError> {
        let (document, normalized) = self
            .documents
            .get(doc.get_ref().as_str())
            .ok_or_else(|| file.error_at(doc, format!("unknown document id {:?}", doc.get_ref())))?;
        let span = locate(file, normalized, &document.text, &document.id, quote)?;
        // The quote as the article writes it (white space included): the span's own text.
        Ok(Source {
            doc: document.id.clone(),
            quote: document.slice(span).to_string().into(),
            span,
            passage: document.passage_of(span),
            stage: None,
            value: None,
            wording: None,
            qualifier: crate::model::Qualifier::Exact,
        })
    }
}

/// The ids of a list, each checked with `known`.
fn ids_in(
    file: &SourceFile,
    ids: &[Loc],
    known: impl Fn(&Loc) -> bool,
    what: &str,
) -> Result<List<Text>, CompileError> {
    ids.iter()
        .map(|id| match known(id) {
            true => Ok(Text::from(id.get_ref().clone())),
            false => Err(file.error_at(id, format!("unknown {what} id {:?}", id.get_ref()))),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Into::into)
}

fn compile_event(e: &kb::EventEntry, file: &SourceFile, refs: &mut References) -> Result<Event, CompileError> {
    Ok(Event {
        id: refs.new_item(file, &e.id)?.into(),
        kind: e.kind,
        status: e.status,
        title_fr: e.title_fr.clone().into(),
        title_en: e.title_en.clone().into(),
        date: refs.date(file, e.date.as_ref())?,
        place: refs.place(file, e.place.as_ref())?.map(Into::into),
        actors: refs.parties(file, &e.actors)?,
        sectors: refs.sectors(file, &e.sectors)?,
        note_fr: e.note_fr.clone().map(Into::into),
        note_en: e.note_en.clone().map(Into::into),
        sources: refs.sources(file, &e.id, &e.sources)?,
    })
}

fn compile_agreement(
    a: &kb::AgreementEntry,
    file: &SourceFile,
    refs: &mut References,
) -> Result<Agreement, CompileError> {
    Ok(Agreement {
        id: refs.new_item(file, &a.id)?.into(),
        status: a.status,
        title_fr: a.title_fr.clone().into(),
        title_en: a.title_en.clone().into(),
        date: refs.date(file, a.date.as_ref())?,
        place: refs.place(file, a.place.as_ref())?.map(Into::into),
        parties: refs.parties(file, &a.parties)?,
        sectors: refs.sectors(file, &a.sectors)?,
        note_fr: a.note_fr.clone().map(Into::into),
        note_en: a.note_en.clone().map(Into::into),
        sources: refs.sources(file, &a.id, &a.sources)?,
    })
}

fn compile_figure(f: &kb::FigureEntry, file: &SourceFile, refs: &mut References) -> Result<Figure, CompileError> {
    let sources = refs.sources(file, &f.id, &f.sources)?;
    // The figure is qualified as the first source that words its value does.
    let qualifier = sources
        .iter()
        .find(|s| s.wording.is_some() && s.value.is_none_or(|v| v == f.value))
        .map_or(Qualifier::Exact, |s| s.qualifier);
    Ok(Figure {
        id: refs.new_item(file, &f.id)?.into(),
        label_fr: f.label_fr.clone().into(),
        label_en: f.label_en.clone().into(),
        value: f.value,
        from: f.from,
        qualifier,
        unit_fr: f.unit_fr.clone().into(),
        unit_en: f.unit_en.clone().into(),
        date: refs.date(file, f.date.as_ref())?,
        actors: refs.actors(file, &f.actors)?,
        sectors: refs.sectors(file, &f.sectors)?,
        note_fr: f.note_fr.clone().map(Into::into),
        note_en: f.note_en.clone().map(Into::into),
        sources,
    })
}

/// A short identifier of the exact inputs: FNV-1a (64 bits) over every article and knowledge
/// file, names and contents, in name order.
fn version_of(dir: &Path) -> Result<String, CompileError> {
    let mut files = article_paths(dir)?;
    if let Ok(entries) = std::fs::read_dir(dir.join(KNOWLEDGE_DIR)) {
        files.extend(entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")));
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes =
            std::fs::read(&path).map_err(|e| CompileError::new(&path, None, format!("cannot read the file: {e}")))?;
        for byte in name.bytes().chain([0]).chain(bytes) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(format!("{hash:016x}"))
}

#[cfg(test)]
mod tests {
    use super::default_title;

    #[test]
    fn default_title_keeps_short_passages_whole() {
        assert_eq!(default_title("La réunion s'est tenue."), "La réunion s'est tenue");
    }

    #[test]
    fn default_title_cuts_long_passages_at_a_word() {
        let long = "mot ".repeat(60);
        let title = default_title(&long);
        assert!(title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= 111, "{title}");
        assert!(!title.contains("  "));
    }
}
