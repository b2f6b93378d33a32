//! Faceted evaluation of a [`Filter`] over the corpus.
//!
//! Semantics, as in standard faceted search:
//! - values are OR-ed within a facet, facets are AND-ed together;
//! - a sector includes its sub-sectors;
//! - dates are ranges: an item matches when its range overlaps the filter's range, so a
//!   month-precision item matches any range that touches its month;
//! - each facet's counts are computed with the *other* facets applied ("how many documents if
//!   I add this value"); a value that would give nothing has a count of 0, and is shown, not hidden.
//!
//! The [`Index`] is built once; [`Index::evaluate`] then only walks bitsets and small lists,
//! which keeps a filter change well under a frame also on a corpus 100× larger.
//!
//! ```
//! use explorer::query::{Filter, eval::Index};
//! let index = Index::new(explorer::embedded::corpus().unwrap());
//! let filter = Filter { actors: vec!["rosatom".into()], ..Filter::default() };
//! let result = index.evaluate(&filter);
//! assert!(result.documents.len() >= 3);
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::date::{DateSpec, Day, days_in_month};
use crate::model::{Corpus, Mention, Side, Source, Span, Target};
use crate::query::state::Filter;
use crate::text::tokens;
use crate::texts::Texts;

/// A fixed-size set of small integers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bits(Vec<u64>);

impl Bits {
    pub fn new(size: usize) -> Bits {
        Bits(vec![0; size.div_ceil(64)])
    }

    pub fn insert(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Whether any of `ids` is in the set.
    pub fn any(&self, ids: &[usize]) -> bool {
        ids.iter().any(|&i| self.contains(i))
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0
            .iter()
            .enumerate()
            .flat_map(|(w, &bits)| (0..64).filter(move |b| bits & (1 << b) != 0).map(move |b| w * 64 + b))
    }
}

/// What one passage holds, for filtering.
#[derive(Debug, Clone)]
struct PassageIndex {
    actors: Bits,
    /// Sectors mentioned and their ancestors: a parent filter matches a child mention.
    sectors: Bits,
    dates: Vec<(Day, Day)>,
}

/// What one document holds, for filtering.
#[derive(Debug, Clone)]
struct DocIndex {
    actors: Bits,
    sectors: Bits,
    /// Its publication date and every date it mentions.
    dates: Vec<(Day, Day)>,
    published: Option<(Day, Day)>,
    passages: Vec<PassageIndex>,
    /// Reports a fact whose sources contradict each other.
    disputed: bool,
    /// Is the only document that reports some fact.
    sole: bool,
    /// Its number of words (see `Document::word_count`), counted once: every list shows it.
    words: usize,
}

/// Events and agreements reduced to what filters need.
#[derive(Debug, Clone)]
struct ItemIndex {
    actors: Bits,
    sectors: Bits,
    docs: Vec<usize>,
    date: Option<(Day, Day)>,
    /// Folded words of the titles and quotes, for text search.
    words: Vec<String>,
    /// Some of its sources contradict each other.
    disputed: bool,
    /// Its sources are all in one document.
    single: bool,
}

/// The corpus, indexed for filtering.
pub struct Index<'c> {
    pub corpus: &'c Corpus,
    /// The article texts, as far as they are loaded (all of them for an embedded corpus).
    pub texts: Texts<'c>,
    sector_pos: HashMap<&'c str, usize>,
    actor_pos: HashMap<&'c str, usize>,
    doc_pos: HashMap<&'c str, usize>,
    docs: Vec<DocIndex>,
    events: Vec<ItemIndex>,
    agreements: Vec<ItemIndex>,
    figures: Vec<ItemIndex>,
    /// Each side that has a country, with the actors (indices) of that side.
    sides: Vec<(Side, Vec<usize>)>,
    /// Words of each passage (original byte span, folded form), built on the first search once
    /// every text is known.
    passage_words: OnceLock<Vec<Vec<Vec<Word>>>>,
    /// First day that is not "earlier" in the histogram.
    histogram_cutoff: Option<Day>,
}

/// A word of a passage: where it stands in the original text, and its folded form.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    folded: String,
}

/// A bucket of the date histogram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub start: Day,
    pub end: Day,
    /// Documents whose dates overlap the bucket (with the other facets applied).
    pub count: usize,
}

/// Bucket size of the histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Month,
    Day,
}

/// Documents over time: by month, or by day when the filter's range is short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    pub unit: Unit,
    /// Everything long before the corpus's period (e.g. "il y a 65 ans"), in one bucket.
    pub earlier: Option<Bucket>,
    pub buckets: Vec<Bucket>,
    /// Items dated within the chart's period that no bar counts: dated less precisely than a
    /// bar (a month, for bars of a day). A chart of a month's days may have every bar empty
    /// while its list is not; this says why.
    pub unplaced: usize,
}

/// What a filter selects, and the counts of every facet value.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Indices of matching documents, in corpus order.
    pub documents: Vec<usize>,
    /// Matching passages as (document, passage) indices.
    pub passages: Vec<(usize, usize)>,
    pub events: Vec<usize>,
    pub agreements: Vec<usize>,
    pub figures: Vec<usize>,
    /// Per sector (corpus order): documents if this sector were selected too.
    pub sector_counts: Vec<usize>,
    pub actor_counts: Vec<usize>,
    /// Per side that has a country: documents if this side were selected too.
    pub side_counts: Vec<(Side, usize)>,
    pub source_counts: Vec<usize>,
    /// Documents if "disputed facts only" were on (with the other filters applied).
    pub disputed_count: usize,
    /// Documents if "single-source facts only" were on.
    pub single_count: usize,
    pub histogram: Histogram,
    /// A search waits for article texts not loaded yet (see [`crate::texts`]): until they are,
    /// it finds nothing, and the page says it is searching.
    pub waiting: bool,
    /// For each of [`Evaluation::documents`], the passage that shows why it matches: its first
    /// matching passage; for a document that matches only as a whole (an actor in one passage,
    /// a sector in another), its first passage that meets the most of the filter's terms.
    pub snippets: Vec<usize>,
}

/// Elided particles dropped from a query ("l'or" searches "or").
const ELISIONS: [&str; 12] = ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"];

/// The words of a search text, folded; elided particles ("l'", "d'", "qu'") are dropped.
pub fn query_terms(q: &str) -> Vec<String> {
    let toks = tokens(q);
    toks.iter()
        .filter(|t| {
            let elided = q[t.end..].starts_with(['\'', '’', '‘']);
            !(elided && ELISIONS.contains(&t.folded.as_str()))
        })
        .map(|t| t.folded.clone())
        .collect()
}

/// Whether a folded word matches a term: whole words, except that the last term of the
/// query, from three letters on, also matches as a prefix (type-ahead: "therm" finds
/// "thermique", while "or" does not find "organisé").
fn term_matches(terms: &[String], k: usize, word: &str) -> bool {
    let term = terms[k].as_str();
    word == term || (k + 1 == terms.len() && term.chars().count() >= 3 && word.starts_with(term))
}

/// Whether every term matches some word (AND of terms).
fn all_terms_in<'a>(terms: &[String], words: impl Iterator<Item = &'a str> + Clone) -> bool {
    (0..terms.len()).all(|k| words.clone().any(|w| term_matches(terms, k, w)))
}

/// Whether a word matches any term.
fn any_term(terms: &[String], word: &str) -> bool {
    (0..terms.len()).any(|k| term_matches(terms, k, word))
}

/// Byte spans of `text` whose words match the search text: what to highlight.
pub fn term_spans(text: &str, q: &str) -> Vec<(usize, usize)> {
    let terms = query_terms(q);
    tokens(text).into_iter().filter(|t| any_term(&terms, &t.folded)).map(|t| (t.start, t.end)).collect()
}

/// Longest date range, in days, that a chart draws in a month or a day: a month is, a year
/// ("en 2024") is not.
const PRECISE_DAYS: i64 = 62;
/// Longest date range, in days, that a day's bar of the histogram counts ("fin août" is 11).
const DAY_SPAN_DAYS: i64 = 11;
/// A gap, in days, between two precise dates beyond which the earlier ones are outliers.
const DENSE_GAP_DAYS: i64 = 92;

/// Whether a date range is narrow enough to place in a month of a chart.
fn precise(range: &(Day, Day)) -> bool {
    range.1.ordinal() - range.0.ordinal() <= PRECISE_DAYS
}

/// The start of the dense period of some dates: walking back from the latest, the earliest
/// date reached before a gap of more than three months.
///
/// ```
/// # use explorer::date::DateSpec;
/// # let day = |s: &str| DateSpec::parse(s).unwrap().start;
/// let dates = vec![day("2019-03-02"), day("2025-06-10"), day("2025-07-29"), day("2025-08-21")];
/// assert_eq!(explorer::query::eval::dense_start(dates), Some(day("2025-06-10")));
/// ```
pub fn dense_start(mut starts: Vec<Day>) -> Option<Day> {
    crate::order::by_key(&mut starts, |d| d.ordinal() as u64);
    let mut first = *starts.last()?;
    for d in starts.iter().rev().skip(1) {
        if first.ordinal() - d.ordinal() > DENSE_GAP_DAYS {
            break;
        }
        first = *d;
    }
    Some(first)
}

fn overlaps(range: (Option<Day>, Option<Day>), item: (Day, Day)) -> bool {
    range.0.is_none_or(|from| item.1 >= from) && range.1.is_none_or(|to| item.0 <= to)
}

fn span(date: &DateSpec) -> (Day, Day) {
    (date.start, date.end)
}

impl Evaluation {
    /// A count of this evaluation, unless a search is waiting for texts: then it is not known
    /// yet (a page shows "…", not a zero that would disable a filter).
    ///
    /// ```
    /// # use explorer::query::eval::Index;
    /// let index = Index::new(explorer::embedded::corpus().unwrap());
    /// let e = index.evaluate(&Default::default());
    /// assert_eq!(e.known(e.documents.len()), Some(5));
    /// ```
    pub fn known(&self, count: usize) -> Option<usize> {
        (!self.waiting).then_some(count)
    }
}

impl<'c> Index<'c> {
    /// Passage `passage` of document `doc`: its place and its text, once the text is known.
    pub fn passage(&self, doc: usize, passage: usize) -> Option<(Span, &'c str)> {
        let span = *self.texts.passages(doc)?.get(passage)?;
        Some((span, span.of(self.texts.get(doc)?)))
    }

    /// The mentions of passage `passage` of document `doc`, each with its span, once the text is
    /// known (none before: with the texts in parts, spans come with them).
    pub fn mentions_in(&self, doc: usize, passage: usize) -> Vec<(&'c Mention, Span)> {
        let Some(d) = self.corpus.documents.get(doc) else { return Vec::new() };
        d.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.passage == passage)
            .filter_map(|(k, m)| self.texts.mention_span(doc, k).map(|span| (m, span)))
            .collect()
    }

    /// The index of the document with id `doc`, if there is one.
    pub fn doc_index(&self, doc: &str) -> Option<usize> {
        self.doc_pos.get(doc).copied()
    }

    /// The number of words of the document with id `doc` (0 for an unknown id).
    pub fn word_count(&self, doc: &str) -> usize {
        self.doc_index(doc).and_then(|i| self.docs.get(i)).map_or(0, |d| d.words)
    }

    /// Indexes a corpus. Linear in its size; text search words are built later, on demand.
    pub fn new(corpus: &'c Corpus) -> Index<'c> {
        let sector_pos: HashMap<&str, usize> =
            corpus.sectors.iter().enumerate().map(|(i, s)| (s.id.as_ref(), i)).collect();
        let actor_pos: HashMap<&str, usize> =
            corpus.actors.iter().enumerate().map(|(i, a)| (a.id.as_ref(), i)).collect();
        let doc_pos: HashMap<&str, usize> =
            corpus.documents.iter().enumerate().map(|(i, d)| (d.id.as_ref(), i)).collect();
        // Each sector with its ancestors.
        let up: Vec<Vec<usize>> = corpus
            .sectors
            .iter()
            .map(|s| {
                let mut chain = vec![sector_pos[s.id.as_ref()]];
                let mut parent = s.parent.as_deref();
                while let Some(p) = parent.and_then(|p| sector_pos.get(p)) {
                    if chain.contains(p) || chain.len() > corpus.sectors.len() {
                        break;
                    }
                    chain.push(*p);
                    parent = corpus.sectors[*p].parent.as_deref();
                }
                chain
            })
            .collect();
        let (n_sectors, n_actors) = (corpus.sectors.len(), corpus.actors.len());
        let add_sector = |bits: &mut Bits, id: &str| {
            for &s in sector_pos.get(id).map(|&i| up[i].as_slice()).unwrap_or_default() {
                bits.insert(s);
            }
        };
        let docs: Vec<DocIndex> = corpus
            .documents
            .iter()
            .map(|doc| {
                let mut passages: Vec<PassageIndex> = doc
                    .passages
                    .iter()
                    .map(|_| PassageIndex {
                        actors: Bits::new(n_actors),
                        sectors: Bits::new(n_sectors),
                        dates: Vec::new(),
                    })
                    .collect();
                let mut d = DocIndex {
                    actors: Bits::new(n_actors),
                    sectors: Bits::new(n_sectors),
                    dates: Vec::new(),
                    published: doc.published.map(|p| span(&p.date)),
                    passages: Vec::new(),
                    disputed: false,
                    sole: false,
                    words: doc.words,
                };
                d.dates.extend(d.published);
                for m in doc.mentions.iter() {
                    let Some(p) = passages.get_mut(m.passage) else { continue };
                    match &m.target {
                        Target::Actor(id) => {
                            if let Some(&a) = actor_pos.get(id.as_ref()) {
                                p.actors.insert(a);
                                d.actors.insert(a);
                            }
                        }
                        Target::Sector(id) => {
                            add_sector(&mut p.sectors, id);
                            add_sector(&mut d.sectors, id);
                        }
                        Target::Date(date) => {
                            p.dates.push(span(date));
                            d.dates.push(span(date));
                        }
                    }
                }
                d.passages = passages;
                d
            })
            .collect();
        let item = |id: &str,
                    actors: &[crate::model::Text],
                    sectors: &[crate::model::Text],
                    sources: &[Source],
                    date: Option<DateSpec>,
                    titles: [&str; 2]| {
            let mut a = Bits::new(n_actors);
            actors.iter().filter_map(|id| actor_pos.get(id.as_ref())).for_each(|&i| a.insert(i));
            let mut s = Bits::new(n_sectors);
            sectors.iter().for_each(|id| add_sector(&mut s, id));
            let mut words: Vec<String> = titles.iter().flat_map(|t| tokens(t)).map(|t| t.folded).collect();
            for source in sources {
                words.extend(tokens(&source.quote).into_iter().map(|t| t.folded));
            }
            let mut docs: Vec<usize> = sources.iter().filter_map(|s| doc_pos.get(s.doc.as_ref()).copied()).collect();
            let single = docs.iter().all(|&d| d == docs[0]);
            docs.dedup();
            ItemIndex {
                actors: a,
                sectors: s,
                docs,
                date: date.map(|d| span(&d)),
                words,
                disputed: corpus.disputed(id),
                single,
            }
        };
        let events: Vec<ItemIndex> = corpus
            .events
            .iter()
            .map(|e| {
                let mut actors = e.actors.to_vec();
                actors.extend(e.place.clone());
                item(&e.id, &actors, &e.sectors, &e.sources, e.date, [&e.title_fr, &e.title_en])
            })
            .collect();
        let agreements: Vec<ItemIndex> = corpus
            .agreements
            .iter()
            .map(|a| {
                let mut actors = a.parties.to_vec();
                actors.extend(a.place.clone());
                item(&a.id, &actors, &a.sectors, &a.sources, a.date, [&a.title_fr, &a.title_en])
            })
            .collect();
        let figures: Vec<ItemIndex> = corpus
            .figures
            .iter()
            .map(|f| item(&f.id, &f.actors, &f.sectors, &f.sources, f.date, [&f.label_fr, &f.label_en]))
            .collect();
        let mut docs: Vec<DocIndex> = docs;
        for fact in events.iter().chain(&agreements).chain(&figures) {
            for &d in &fact.docs {
                docs[d].disputed |= fact.disputed;
                docs[d].sole |= fact.single;
            }
        }
        let sides = Side::ALL
            .into_iter()
            .filter(|&side| corpus.country_of(side).is_some())
            .map(|side| (side, (0..n_actors).filter(|&a| corpus.actors[a].side == side).collect()))
            .collect();
        // The period the charts draw: where the precise dates are dense. Older dates, and
        // dates as coarse as a year ("en 2024", "il y a 65 ans"), go to one "earlier" bucket
        // at its edge instead of stretching the axis over years.
        let precise_starts: Vec<Day> =
            docs.iter().flat_map(|d| d.dates.iter()).filter(|r| precise(r)).map(|r| r.0).collect();
        let histogram_cutoff = dense_start(precise_starts).map(|d| Day { day: 1, ..d });
        Index {
            corpus,
            sector_pos,
            actor_pos,
            doc_pos,
            docs,
            events,
            agreements,
            figures,
            sides,
            passage_words: OnceLock::new(),
            histogram_cutoff,
            texts: Texts::new(corpus),
        }
    }

    /// The words of every passage, once every text is known (`None` before: a search must
    /// not miss a passage whose text has not arrived).
    fn passage_words(&self) -> Option<&Vec<Vec<Vec<Word>>>> {
        if let Some(words) = self.passage_words.get() {
            return Some(words);
        }
        if !self.texts.complete() {
            return None;
        }
        Some(self.passage_words.get_or_init(|| {
            (0..self.corpus.documents.len())
                .map(|i| {
                    let text = self.texts.get(i).unwrap_or_default();
                    self.texts
                        .passages(i)
                        .unwrap_or_default()
                        .iter()
                        .map(|p| {
                            let slice = p.of(text);
                            let shift = p.start;
                            tokens(slice)
                                .into_iter()
                                .map(|t| Word { start: t.start + shift, end: t.end + shift, folded: t.folded })
                                .collect()
                        })
                        .collect()
                })
                .collect()
        }))
    }

    fn positions(map: &HashMap<&str, usize>, ids: &[String]) -> Vec<usize> {
        ids.iter().filter_map(|id| map.get(id.as_str()).copied()).collect()
    }

    /// Evaluates a filter: matching items and every facet's counts.
    pub fn evaluate(&self, filter: &Filter) -> Evaluation {
        let sectors = Self::positions(&self.sector_pos, &filter.sectors);
        let mut actors = Self::positions(&self.actor_pos, &filter.actors);
        // A side is its actors, OR-ed with the actors selected.
        for (side, members) in &self.sides {
            if filter.sides.iter().any(|s| s == side.key()) {
                actors.extend(members);
            }
        }
        let facts = |d: &DocIndex| (!filter.disputed || d.disputed) && (!filter.single || d.sole);
        let (mut disputed_count, mut single_count) = (0, 0);
        let sources = Self::positions(&self.doc_pos, &filter.sources);
        let range = filter.range();
        let has_range = range.0.is_some() || range.1.is_some();
        let terms = query_terms(&filter.q);
        let words = if terms.is_empty() { None } else { self.passage_words() };
        // A search over texts not all loaded finds nothing yet, and says it is waiting: a
        // passage is never missed, nor a count wrong, for a text still on its way.
        let waiting = !terms.is_empty() && words.is_none();

        // Which facets each document passes.
        struct Pass {
            sector: bool,
            actor: bool,
            source: bool,
            date: bool,
            text: bool,
        }
        let passes: Vec<Pass> = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, d)| Pass {
                sector: sectors.is_empty() || d.sectors.any(&sectors),
                actor: actors.is_empty() || d.actors.any(&actors),
                source: (sources.is_empty() || sources.contains(&i)) && facts(d),
                date: !has_range || d.dates.iter().any(|&r| overlaps(range, r)),
                text: !waiting
                    && words.is_none_or(|w| all_terms_in(&terms, w[i].iter().flatten().map(|w| w.folded.as_str()))),
            })
            .collect();

        let mut sector_counts = vec![0; self.corpus.sectors.len()];
        let mut actor_counts = vec![0; self.corpus.actors.len()];
        let mut side_counts: Vec<(Side, usize)> = self.sides.iter().map(|(s, _)| (*s, 0)).collect();
        let mut source_counts = vec![0; self.corpus.documents.len()];
        let mut documents = Vec::new();
        let mut for_histogram = Vec::new();
        for (i, (d, p)) in self.docs.iter().zip(&passes).enumerate() {
            if p.actor && p.source && p.date && p.text {
                d.sectors.iter().for_each(|s| sector_counts[s] += 1);
            }
            if p.sector && p.source && p.date && p.text {
                d.actors.iter().for_each(|a| actor_counts[a] += 1);
                for (k, (_, members)) in self.sides.iter().enumerate() {
                    side_counts[k].1 += usize::from(d.actors.any(members));
                }
            }
            if p.sector && p.actor && p.date && p.text {
                source_counts[i] += 1;
            }
            if p.sector && p.actor && p.source && p.text {
                for_histogram.push(i);
            }
            // The two switches count as one facet: each applies the other.
            let rest = p.sector && p.actor && p.date && p.text && (sources.is_empty() || sources.contains(&i));
            disputed_count += usize::from(rest && d.disputed && (!filter.single || d.sole));
            single_count += usize::from(rest && d.sole && (!filter.disputed || d.disputed));
            if p.sector && p.actor && p.source && p.date && p.text {
                documents.push(i);
            }
        }

        let mut passages = Vec::new();
        let mut snippets = Vec::with_capacity(documents.len());
        for &i in &documents {
            let d = &self.docs[i];
            // (terms met, passage): the first of the most.
            let mut best = (0, 0);
            for (j, p) in d.passages.iter().enumerate() {
                let date_ok = !has_range
                    || p.dates.iter().any(|&r| overlaps(range, r))
                    || (p.dates.is_empty() && d.published.is_some_and(|r| overlaps(range, r)));
                // Each search term counts as one of the filter's terms.
                let terms_met = words.map_or(terms.len(), |w| {
                    (0..terms.len()).filter(|&k| w[i][j].iter().any(|w| term_matches(&terms, k, &w.folded))).count()
                });
                let n = usize::from(sectors.is_empty() || p.sectors.any(&sectors))
                    + usize::from(actors.is_empty() || p.actors.any(&actors))
                    + usize::from(date_ok)
                    + terms_met;
                if n == 3 + terms.len() {
                    passages.push((i, j));
                }
                if n > best.0 {
                    best = (n, j);
                }
            }
            snippets.push(best.1);
        }

        let item_ok = |item: &ItemIndex| {
            (sectors.is_empty() || item.sectors.any(&sectors))
                && (actors.is_empty() || item.actors.any(&actors))
                && (sources.is_empty() || item.docs.iter().any(|d| sources.contains(d)))
                && (!has_range || item.date.is_some_and(|r| overlaps(range, r)))
                && (terms.is_empty() || all_terms_in(&terms, item.words.iter().map(String::as_str)))
                && (!filter.disputed || item.disputed)
                && (!filter.single || item.single)
        };
        let events = (0..self.events.len()).filter(|&i| item_ok(&self.events[i])).collect();
        let agreements = (0..self.agreements.len()).filter(|&i| item_ok(&self.agreements[i])).collect();
        let figures = (0..self.figures.len()).filter(|&i| item_ok(&self.figures[i])).collect();

        let histogram = self.histogram(&for_histogram, range);
        Evaluation {
            documents,
            passages,
            events,
            agreements,
            figures,
            sector_counts,
            actor_counts,
            side_counts,
            source_counts,
            disputed_count,
            single_count,
            histogram,
            waiting,
            snippets,
        }
    }

    /// Documents over time, by month; by day when the filter's range spans 62 days or fewer.
    fn histogram(&self, docs: &[usize], range: (Option<Day>, Option<Day>)) -> Histogram {
        let cutoff = self.histogram_cutoff;
        let recent = |r: &(Day, Day)| cutoff.is_none_or(|c| r.0 >= c);
        let all_dates = || self.docs.iter().flat_map(|d| d.dates.iter()).filter(|r| recent(r) && precise(r));
        let (Some(min), Some(max)) = (all_dates().map(|r| r.0).min(), all_dates().map(|r| r.1).max()) else {
            return Histogram { unit: Unit::Month, earlier: None, buckets: Vec::new(), unplaced: 0 };
        };
        let short = match range {
            (Some(a), Some(b)) => b.ordinal() - a.ordinal() < 62,
            _ => false,
        };
        let mut buckets = Vec::new();
        let unit = if short {
            let (Some(a), Some(b)) = range else { unreachable!("short implies both ends") };
            let mut day = a;
            while day <= b {
                buckets.push(Bucket { start: day, end: day, count: 0 });
                day = day.next();
            }
            Unit::Day
        } else {
            let (mut y, mut m) = (min.year.max(cutoff.map_or(i32::MIN, |c| c.year)), min.month);
            if cutoff.is_some_and(|c| min < c) {
                (y, m) = (cutoff.map_or(y, |c| c.year), cutoff.map_or(m, |c| c.month));
            }
            while (y, m) <= (max.year, max.month) {
                let last = days_in_month(y, m).unwrap_or(28);
                buckets.push(Bucket {
                    start: Day { year: y, month: m, day: 1 },
                    end: Day { year: y, month: m, day: last },
                    count: 0,
                });
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
            Unit::Month
        };
        let mut earlier = cutoff
            .filter(|c| self.docs.iter().flat_map(|d| d.dates.iter()).any(|r| r.0 < *c))
            .map(|c| Bucket { start: Day { year: 1000, month: 1, day: 1 }, end: c.previous(), count: 0 });
        let span = (buckets.first().map_or(min, |b| b.start), buckets.last().map_or(max, |b| b.end));
        let mut unplaced = 0;
        for &i in docs {
            let dates = &self.docs[i].dates;
            let mut placed = false;
            for b in buckets.iter_mut() {
                // A day's bar counts what is dated to about that day: a month ("juin 2025")
                // would otherwise fill every day of it.
                let fits = |(s, e): (Day, Day)| match unit {
                    Unit::Day => e.ordinal() - s.ordinal() <= DAY_SPAN_DAYS,
                    Unit::Month => precise(&(s, e)),
                };
                if dates.iter().any(|&(s, e)| fits((s, e)) && s <= b.end && e >= b.start) {
                    b.count += 1;
                    placed = true;
                }
            }
            if let Some(b) = earlier.as_mut().filter(|_| unit == Unit::Month)
                && dates.iter().any(|&(s, _)| s <= b.end)
            {
                b.count += 1;
                placed = true;
            }
            unplaced += usize::from(!placed && dates.iter().any(|&(s, e)| s <= span.1 && e >= span.0));
        }
        Histogram { unit, earlier: earlier.filter(|_| unit == Unit::Month), buckets, unplaced }
    }
    /// The actors (corpus indices) mentioned in a passage, in corpus order.
    pub fn passage_actors(&self, doc: usize, passage: usize) -> impl Iterator<Item = usize> + '_ {
        self.docs.get(doc).and_then(|d| d.passages.get(passage)).into_iter().flat_map(|p| p.actors.iter())
    }

    /// The sectors (corpus indices) mentioned in a passage, with their ancestors.
    pub fn passage_sectors(&self, doc: usize, passage: usize) -> impl Iterator<Item = usize> + '_ {
        self.docs.get(doc).and_then(|d| d.passages.get(passage)).into_iter().flat_map(|p| p.sectors.iter())
    }

    /// When a passage happened, as precisely as a month: the first precise date it states, else
    /// its document's date if precise. `None` for a passage dated only by a year, or not at all.
    pub fn passage_date(&self, doc: usize, passage: usize) -> Option<(Day, Day)> {
        let d = self.docs.get(doc)?;
        let p = d.passages.get(passage)?;
        p.dates.iter().find(|r| precise(r)).or(d.published.as_ref().filter(|r| precise(r))).copied()
    }

    /// The index of a sector id.
    pub fn sector_index(&self, id: &str) -> Option<usize> {
        self.sector_pos.get(id).copied()
    }

    /// The index of an actor id.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_pos.get(id).copied()
    }

    /// The first day of the period where the corpus's precise dates are dense: dates before
    /// it, and coarse ones (a year), are grouped as "earlier" in the histogram and the timeline.
    pub fn period_start(&self) -> Option<Day> {
        self.histogram_cutoff
    }

    /// The spans of a passage's words that match the search text, for highlighting.
    pub fn passage_matches(&self, doc: usize, passage: usize, q: &str) -> Vec<(usize, usize)> {
        let terms = query_terms(q);
        if terms.is_empty() {
            return Vec::new();
        }
        let Some(words) = self.passage_words().and_then(|w| w.get(doc)).and_then(|d| d.get(passage)) else {
            return Vec::new();
        };
        words.iter().filter(|w| any_term(&terms, &w.folded)).map(|w| (w.start, w.end)).collect()
    }
}
