//! Sources compared: for the facts several articles report, what each article claims, how
//! their accounts relate (recorded in the knowledge base), and which article says what.
//!
//! A fact is an event, an agreement or a figure. A *claim* is what one document says of it
//! (several quotes of one document make one claim): its quotes, the stage it gives an
//! agreement, the value and wording it gives a figure. Nothing here picks a winner.
//!
//! ```
//! use explorer::compare::{claims, facts};
//! use explorer::query::{Filter, eval::Index};
//! let index = Index::new(explorer::embedded::corpus().unwrap());
//! let e = index.evaluate(&Filter { disputed: true, ..Filter::default() });
//! let shown = facts(index.corpus, &e, false);
//! assert!(shown.iter().all(|f| f.disputed()));
//! let nuclear = shown.iter().find(|f| f.id == "civil-nuclear-agreement").unwrap();
//! assert_eq!(claims(nuclear).len(), 2);
//! ```

use crate::model::{Comparison, Corpus, Qualifier, Relation, Source, Stage};
use crate::query::eval::Evaluation;

/// Which list a fact comes from, with its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactKind {
    Event(usize),
    Agreement(usize),
    Figure(usize),
}

/// An event, agreement or figure, with its sources and recorded comparisons.
#[derive(Debug, Clone)]
pub struct Fact<'c> {
    pub kind: FactKind,
    pub id: &'c str,
    pub sources: &'c [Source],
    /// The figure's own value (figures only): a source that gives none gives this one.
    pub value: Option<f64>,
    pub comparisons: Vec<&'c Comparison>,
}

impl<'c> Fact<'c> {
    /// How many recorded comparisons say that sources contradict each other.
    pub fn contradictions(&self) -> usize {
        self.comparisons.iter().filter(|c| c.relation == Relation::Contradicts).count()
    }

    pub fn disputed(&self) -> bool {
        self.contradictions() > 0
    }

    /// The distinct documents that report it, in source order.
    pub fn docs(&self) -> Vec<&'c str> {
        let mut docs: Vec<&'c str> = Vec::new();
        let sources: &'c [Source] = self.sources;
        for s in sources {
            if !docs.contains(&s.doc.as_ref()) {
                docs.push(&s.doc);
            }
        }
        docs
    }

    /// Whether `doc` is on a side of a contradiction about this fact.
    pub fn disputed_by(&self, doc: &str) -> bool {
        self.comparisons.iter().any(|c| c.relation == Relation::Contradicts && c.docs.iter().any(|d| d == doc))
    }
}

/// What one document says of a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim<'c> {
    pub doc: &'c str,
    /// Its quotes, in the knowledge base's order.
    pub sources: Vec<&'c Source>,
    /// Every stage its quotes give, lowest first: one article may say "paraphés" and
    /// "signant" of the same agreements, and both are shown.
    pub stages: Vec<Stage>,
    /// The value it gives (a figure's), with its words and qualifier.
    pub value: Option<f64>,
    pub wording: Option<&'c str>,
    pub qualifier: Qualifier,
}

/// The facts of an evaluation to compare: those reported by two documents or more, or, when
/// `single` is set, those reported by one only. In timeline order: events, agreements,
/// figures.
pub fn facts<'c>(corpus: &'c Corpus, e: &Evaluation, single: bool) -> Vec<Fact<'c>> {
    let of = |kind, id: &'c str, sources: &'c [Source], value| Fact {
        kind,
        id,
        sources,
        value,
        comparisons: corpus.comparisons_of(id).collect(),
    };
    let events =
        e.events.iter().map(|&i| of(FactKind::Event(i), &corpus.events[i].id, &corpus.events[i].sources, None));
    let agreements = e
        .agreements
        .iter()
        .map(|&i| of(FactKind::Agreement(i), &corpus.agreements[i].id, &corpus.agreements[i].sources, None));
    let figures = e.figures.iter().map(|&i| {
        let f = &corpus.figures[i];
        of(FactKind::Figure(i), &f.id, &f.sources, Some(f.value))
    });
    events.chain(agreements).chain(figures).filter(|f| (f.docs().len() == 1) == single).collect()
}

/// One claim per document that reports the fact, in source order.
pub fn claims<'c>(fact: &Fact<'c>) -> Vec<Claim<'c>> {
    fact.docs()
        .into_iter()
        .map(|doc| {
            let sources: Vec<&Source> = fact.sources.iter().filter(|s| s.doc == doc).collect();
            let worded = sources.iter().find(|s| s.wording.is_some() || s.value.is_some());
            // In ladder order, each once (no sort: one more sort type costs kilobytes of wasm).
            let stages = Stage::ALL.into_iter().filter(|st| sources.iter().any(|s| s.stage == Some(*st))).collect();
            Claim {
                doc,
                stages,
                value: worded.and_then(|s| s.value).or(fact.value),
                wording: worded.and_then(|s| s.wording.as_deref()),
                qualifier: worded.map_or(Qualifier::Exact, |s| s.qualifier),
                sources,
            }
        })
        .collect()
}

/// Whether the claims that give stages give different ones.
pub fn stages_differ(claims: &[Claim]) -> bool {
    let mut staged = claims.iter().filter(|c| !c.stages.is_empty());
    let first = staged.next();
    staged.any(|c| Some(&c.stages) != first.map(|f| &f.stages))
}

/// The lowest and highest values the claims give, when they differ.
pub fn spread(claims: &[Claim]) -> Option<(f64, f64)> {
    let values: Vec<f64> = claims.iter().filter_map(|c| c.value).collect();
    let low = values.iter().copied().reduce(f64::min)?;
    let high = values.iter().copied().reduce(f64::max)?;
    (low != high).then_some((low, high))
}

/// What a document does with a fact, in the fact × source grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Reports,
    /// Reports it, on one side of a recorded contradiction.
    Disputes,
    Silent,
}

/// For each fact, what each of `docs` (ids) does with it.
pub fn grid(facts: &[Fact], docs: &[&str]) -> Vec<Vec<Cell>> {
    facts
        .iter()
        .map(|f| {
            docs.iter()
                .map(|d| match (f.sources.iter().any(|s| s.doc == *d), f.disputed_by(d)) {
                    (false, _) => Cell::Silent,
                    (true, true) => Cell::Disputes,
                    (true, false) => Cell::Reports,
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Filter;
    use crate::query::eval::Index;

    fn index() -> Index<'static> {
        Index::new(crate::embedded::corpus().unwrap())
    }

    #[test]
    fn facts_of_several_articles_and_single_source_ones_are_apart() {
        let index = index();
        let e = index.evaluate(&Filter::default());
        let multi = facts(index.corpus, &e, false);
        let single = facts(index.corpus, &e, true);
        assert!(multi.iter().all(|f| f.docs().len() >= 2));
        assert!(single.iter().all(|f| f.docs().len() == 1));
        assert_eq!(multi.len() + single.len(), e.events.len() + e.agreements.len() + e.figures.len());
        // The four known disagreements are among the facts of several articles.
        for id in ["moscow-signing", "civil-nuclear-agreement", "commission-agreement", "thematic-sub-commissions"] {
            assert!(multi.iter().any(|f| f.id == id && !f.comparisons.is_empty()), "{id}");
        }
    }

    #[test]
    fn claims_give_each_documents_stage_and_the_ladder_sees_them_differ() {
        let index = index();
        let e = index.evaluate(&Filter::default());
        let all = facts(index.corpus, &e, false);
        let nuclear = all.iter().find(|f| f.id == "civil-nuclear-agreement").unwrap();
        let c = claims(nuclear);
        let stages_of = |doc: &str| c.iter().find(|c| c.doc == doc).map(|c| c.stages.clone()).unwrap_or_default();
        assert_eq!(stages_of("000_194bb33a507fa3a4"), [Stage::Draft]);
        assert_eq!(stages_of("002_054c372ceee383ed"), [Stage::Initialled, Stage::Signed], "both words of that article");
        assert!(stages_differ(&c));
        assert!(nuclear.disputed() && nuclear.disputed_by("000_194bb33a507fa3a4"));
        let heat_map = facts(index.corpus, &e, true).into_iter().find(|f| f.id == "heat-map-agreement").unwrap();
        assert!(!stages_differ(&claims(&heat_map)));
    }

    #[test]
    fn figures_keep_each_sources_wording_and_show_a_spread_only_when_values_differ() {
        let index = index();
        let e = index.evaluate(&Filter::default());
        let all = facts(index.corpus, &e, false);
        let subs = all.iter().find(|f| f.id == "thematic-sub-commissions").unwrap();
        let c = claims(subs);
        assert_eq!(
            c.iter().map(|c| c.wording.unwrap()).collect::<Vec<_>>(),
            ["sept sous-commissions", "six groupes de travail"]
        );
        // Each article's own number: 7 sub-commissions, 6 working groups (plus a committee).
        assert_eq!(c.iter().map(|c| c.value).collect::<Vec<_>>(), [Some(7.0), Some(6.0)]);
        assert_eq!(spread(&c), Some((6.0, 7.0)));
        let mut same = c.clone();
        same[1].value = Some(7.0);
        assert_eq!(spread(&same), None);
        let cadres = facts(index.corpus, &e, true).into_iter().find(|f| f.id == "cadres-trained-in-russia").unwrap();
        assert_eq!(claims(&cadres)[0].qualifier, Qualifier::AtLeast);
    }

    #[test]
    fn the_grid_marks_reporting_disputing_and_silent_documents() {
        let index = index();
        let e = index.evaluate(&Filter::default());
        let all = facts(index.corpus, &e, false);
        let docs: Vec<&str> = index.corpus.documents.iter().map(|d| d.id.as_ref()).collect();
        let g = grid(&all, &docs);
        let row = |id: &str| &g[all.iter().position(|f| f.id == id).unwrap()];
        // The Moscow signing: 000 and 002 disagree (signed / initialled); 001, 003, 004 say nothing.
        assert_eq!(row("moscow-signing"), &[Cell::Disputes, Cell::Silent, Cell::Disputes, Cell::Silent, Cell::Silent]);
        // The visit to Moscow: reported alike by four.
        assert_eq!(
            row("goita-visit-moscow"),
            &[Cell::Reports, Cell::Silent, Cell::Reports, Cell::Reports, Cell::Reports]
        );
    }
}
