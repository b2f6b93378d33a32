//! What the corpus says about one actor or one sector: the content of their pages.
//!
//! Profiles cover the whole corpus, not the current filter: an entity page answers "what do
//! the articles say about X". Every item keeps the passage it comes from, for its link.
//!
//! ```
//! use explorer::query::eval::Index;
//! let index = Index::new(explorer::embedded::corpus().unwrap());
//! let p = explorer::profile::actor(&index, "sergei-tsivilev").unwrap();
//! assert!(p.mentions > 0 && !p.documents.is_empty());
//! ```

use crate::date::Day;
use crate::model::{Source, Target};
use crate::query::eval::{Bucket, Histogram, Index, Unit};

/// A document where the entity appears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appearance {
    pub doc: usize,
    /// The first passage that mentions it (the link's target).
    pub passage: usize,
    /// Mentions in the document.
    pub mentions: usize,
}

/// Another entity mentioned in the same passages, and in how many.
pub type Together = (usize, usize);

#[derive(Debug, Clone, PartialEq)]
pub struct ActorProfile {
    pub actor: usize,
    pub mentions: usize,
    pub documents: Vec<Appearance>,
    /// Events, agreements and figures that name the actor (corpus indices).
    pub events: Vec<usize>,
    pub agreements: Vec<usize>,
    pub figures: Vec<usize>,
    /// Sectors mentioned in the actor's passages, most shared first.
    pub sectors: Vec<Together>,
    /// Actors mentioned in the actor's passages, most shared first.
    pub actors: Vec<Together>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectorProfile {
    pub sector: usize,
    /// Its ancestors, the root first.
    pub path: Vec<usize>,
    pub children: Vec<usize>,
    /// Mentions of the sector or of its sub-sectors.
    pub mentions: usize,
    pub documents: Vec<Appearance>,
    pub events: Vec<usize>,
    pub agreements: Vec<usize>,
    pub figures: Vec<usize>,
    /// Actors mentioned in the sector's passages, most shared first.
    pub actors: Vec<Together>,
    /// The sector's passages over time: what happened when, month by month over the dense
    /// period (a passage dated only by a year is not placed in a month).
    pub over_time: Histogram,
}

/// The profile of an actor, by id.
pub fn actor(index: &Index, id: &str) -> Option<ActorProfile> {
    let corpus = index.corpus;
    let actor = index.actor_index(id)?;
    let is_it = |t: &Target| matches!(t, Target::Actor(x) if x.as_ref() == id);
    let documents = appearances(index, &is_it);
    let passages = passages_with(index, |d, p| index.passage_actors(d, p).any(|a| a == actor));
    let names = |list: &[crate::model::Text]| list.iter().any(|x| x.as_ref() == id);
    Some(ActorProfile {
        actor,
        mentions: documents.iter().map(|a| a.mentions).sum(),
        documents,
        events: indices(corpus.events.iter().map(|e| names(&e.actors))),
        agreements: indices(corpus.agreements.iter().map(|a| names(&a.parties))),
        figures: indices(corpus.figures.iter().map(|f| names(&f.actors))),
        sectors: together(corpus.sectors.len(), &passages, |d, p| index.passage_sectors(d, p).collect()),
        actors: together(corpus.actors.len(), &passages, |d, p| {
            index.passage_actors(d, p).filter(|&a| a != actor).collect()
        }),
    })
}

/// The profile of a sector, by id; its sub-sectors count as the sector.
pub fn sector(index: &Index, id: &str) -> Option<SectorProfile> {
    let corpus = index.corpus;
    let sector = index.sector_index(id)?;
    let within = |x: &str| corpus.sector_within(x, id);
    let is_it = |t: &Target| matches!(t, Target::Sector(x) if within(x));
    let documents = appearances(index, &is_it);
    let passages = passages_with(index, |d, p| index.passage_sectors(d, p).any(|s| s == sector));
    let names = |list: &[crate::model::Text]| list.iter().any(|x| within(x));
    let mut path = Vec::new();
    let mut parent = corpus.sectors[sector].parent.as_deref();
    while let Some(p) = parent.and_then(|p| index.sector_index(p)) {
        if path.contains(&p) {
            break;
        }
        path.insert(0, p);
        parent = corpus.sectors[p].parent.as_deref();
    }
    let over_time = passages_by_month(index, &passages);
    Some(SectorProfile {
        sector,
        path,
        children: indices(corpus.sectors.iter().map(|s| s.parent.as_deref() == Some(id))),
        mentions: documents.iter().map(|a| a.mentions).sum(),
        documents,
        events: indices(corpus.events.iter().map(|e| names(&e.sectors))),
        agreements: indices(corpus.agreements.iter().map(|a| names(&a.sectors))),
        figures: indices(corpus.figures.iter().map(|f| names(&f.sectors))),
        actors: together(corpus.actors.len(), &passages, |d, p| index.passage_actors(d, p).collect()),
        over_time,
    })
}

/// Passages counted by the month they are dated in, from the start of the corpus's dense
/// period to the last month a passage is dated in.
fn passages_by_month(index: &Index, passages: &[(usize, usize)]) -> Histogram {
    let dated: Vec<(Day, Day)> = passages.iter().filter_map(|&(d, p)| index.passage_date(d, p)).collect();
    let start = index.period_start();
    let recent = |r: &&(Day, Day)| start.is_none_or(|s| r.0 >= s);
    let (Some(first), Some(last)) =
        (dated.iter().filter(recent).map(|r| r.0).min(), dated.iter().filter(recent).map(|r| r.1).max())
    else {
        return Histogram { unit: Unit::Month, earlier: None, buckets: Vec::new(), unplaced: 0 };
    };
    let mut buckets = Vec::new();
    let (mut y, mut m) = (first.year, first.month);
    while (y, m) <= (last.year, last.month) {
        let end = Day::end_of_month(y, m).unwrap_or(Day { year: y, month: m, day: 28 });
        let b0 = Day { year: y, month: m, day: 1 };
        let count = dated.iter().filter(recent).filter(|r| r.0 <= end && r.1 >= b0).count();
        buckets.push(Bucket { start: b0, end, count });
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    // Every passage dated in the period is in the bar of each month it overlaps.
    Histogram { unit: Unit::Month, earlier: None, buckets, unplaced: 0 }
}

/// The passage a source points to, in its document (the link of an event, agreement, figure
/// or role).
pub fn source_passage(index: &Index, source: &Source) -> Option<(usize, usize)> {
    Some((index.doc_index(&source.doc)?, source.passage?))
}

/// Positions of the `true` items.
fn indices(items: impl Iterator<Item = bool>) -> Vec<usize> {
    items.enumerate().filter(|&(_, yes)| yes).map(|(i, _)| i).collect()
}

/// The documents with a mention `is_it` accepts, in corpus order.
fn appearances(index: &Index, is_it: &dyn Fn(&Target) -> bool) -> Vec<Appearance> {
    let mut out = Vec::new();
    for (doc, d) in index.corpus.documents.iter().enumerate() {
        let mut hits = d.mentions.iter().filter(|m| is_it(&m.target));
        if let Some(first) = hits.next() {
            out.push(Appearance { doc, passage: first.passage, mentions: 1 + hits.count() });
        }
    }
    out
}

/// Every passage of the corpus that `keep` accepts.
fn passages_with(index: &Index, keep: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    let docs = index.corpus.documents.iter().enumerate();
    docs.flat_map(|(d, doc)| (0..doc.passages.len()).map(move |p| (d, p))).filter(|&(d, p)| keep(d, p)).collect()
}

/// How many of `passages` mention each entity that `of` lists, most first (ties in corpus
/// order), entities never mentioned left out.
fn together(n: usize, passages: &[(usize, usize)], of: impl Fn(usize, usize) -> Vec<usize>) -> Vec<Together> {
    let mut counts = vec![0usize; n];
    for &(d, p) in passages {
        for x in of(d, p) {
            counts[x] += 1;
        }
    }
    let mut out: Vec<Together> = counts.into_iter().enumerate().filter(|&(_, c)| c > 0).collect();
    crate::order::by_key(&mut out, |&(i, c)| crate::order::pair(crate::order::most_first(c), i as u64));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Filter;

    fn index() -> Index<'static> {
        Index::new(crate::embedded::corpus().expect("the embedded corpus decodes"))
    }

    #[test]
    fn an_actor_profile_counts_what_the_mentions_say() {
        let index = index();
        let corpus = index.corpus;
        let p = actor(&index, "sergei-tsivilev").unwrap();
        let mentions = |doc: &crate::model::Document| {
            doc.mentions.iter().filter(|m| matches!(&m.target, Target::Actor(x) if x == "sergei-tsivilev")).count()
        };
        assert_eq!(p.mentions, corpus.documents.iter().map(mentions).sum::<usize>());
        for a in &p.documents {
            let doc = &corpus.documents[a.doc];
            assert_eq!(a.mentions, mentions(doc));
            assert!(
                doc.mentions
                    .iter()
                    .any(|m| m.passage == a.passage && matches!(&m.target, Target::Actor(x) if x == "sergei-tsivilev"))
            );
        }
        assert!(p.actors.iter().all(|&(a, _)| a != p.actor), "an actor is not listed with itself");
        assert!(p.actors.windows(2).all(|w| w[0].1 >= w[1].1), "most shared first");
        for &e in &p.events {
            assert!(corpus.events[e].actors.iter().any(|a| a == "sergei-tsivilev"));
        }
        assert!(!p.events.is_empty() && !p.sectors.is_empty());
        assert!(actor(&index, "nobody").is_none());
    }

    #[test]
    fn an_actor_shares_with_another_the_passages_that_mention_both() {
        let index = index();
        let p = actor(&index, "sergei-tsivilev").unwrap();
        let all = index.evaluate(&Filter::default()).passages;
        for &(other, n) in &p.actors {
            assert_eq!(n, crate::network::shared_passages(&index, &all, p.actor, other).len());
        }
    }

    #[test]
    fn a_sector_profile_includes_its_sub_sectors() {
        let index = index();
        let corpus = index.corpus;
        let energy = sector(&index, "energy").unwrap();
        let children: Vec<&str> = energy.children.iter().map(|&c| corpus.sectors[c].id.as_ref()).collect();
        assert!(children.contains(&"civil-nuclear"), "{children:?}");
        assert!(energy.path.is_empty());
        for &c in &energy.children {
            let child = sector(&index, &corpus.sectors[c].id).unwrap();
            assert_eq!(child.path, [energy.sector]);
            assert!(child.mentions <= energy.mentions);
            assert!(child.documents.iter().all(|d| energy.documents.iter().any(|e| e.doc == d.doc)));
        }
        // Over time: the energy passages dated as precisely as a month, each in its month.
        let in_histogram: usize = energy.over_time.buckets.iter().map(|b| b.count).sum();
        let passages = index.evaluate(&Filter { sectors: vec!["energy".into()], ..Default::default() }).passages;
        let dated = passages.iter().filter(|&&(d, p)| index.passage_date(d, p).is_some()).count();
        assert!(in_histogram >= dated && dated > 0, "{in_histogram} < {dated}");
        assert!(energy.over_time.buckets.iter().all(|b| b.start.year == 2025), "no month of 2024 for a year");
        assert!(sector(&index, "nope").is_none());
    }

    #[test]
    fn sources_lead_to_the_passage_that_holds_them() {
        let index = index();
        for e in index.corpus.events.iter() {
            for s in e.sources.iter() {
                let (d, p) = source_passage(&index, s).expect("every source lies in a passage");
                assert!(index.corpus.documents[d].passages[p].contains(&s.span));
            }
        }
    }
}
