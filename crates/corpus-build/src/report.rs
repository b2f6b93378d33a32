//! A plain-text review of a compiled corpus, for the people who maintain it
//! (`make report`). Tests read it too, so it must stay deterministic.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::model::{Basis, Corpus, Document, Target};

/// Counts of what a corpus holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub documents: usize,
    pub actors: usize,
    pub sectors: usize,
    pub events: usize,
    pub agreements: usize,
    pub figures: usize,
    pub passages: usize,
    pub actor_mentions: usize,
    pub sector_mentions: usize,
    pub date_mentions: usize,
}

/// Counts every kind of item and mention.
pub fn counts(corpus: &Corpus) -> Counts {
    let mut c = Counts {
        documents: corpus.documents.len(),
        actors: corpus.actors.len(),
        sectors: corpus.sectors.len(),
        events: corpus.events.len(),
        agreements: corpus.agreements.len(),
        figures: corpus.figures.len(),
        ..Counts::default()
    };
    for doc in corpus.documents.iter() {
        c.passages += doc.passages.len();
        for m in doc.mentions.iter() {
            match m.target {
                Target::Actor(_) => c.actor_mentions += 1,
                Target::Sector(_) => c.sector_mentions += 1,
                Target::Date(_) => c.date_mentions += 1,
            }
        }
    }
    c
}

/// The whole report.
pub fn corpus_report(corpus: &Corpus) -> String {
    let mut out = String::new();
    let c = counts(corpus);
    let _ = writeln!(out, "corpus {}", corpus.version);
    let _ = writeln!(
        out,
        "{} documents, {} actors, {} sectors, {} events, {} agreements, {} figures",
        c.documents, c.actors, c.sectors, c.events, c.agreements, c.figures
    );
    let _ = writeln!(
        out,
        "{} passages; mentions: {} actor, {} sector, {} date ({} in all)\n",
        c.passages,
        c.actor_mentions,
        c.sector_mentions,
        c.date_mentions,
        c.actor_mentions + c.sector_mentions + c.date_mentions
    );
    let _ = writeln!(out, "{}\n", rule_counts(corpus));
    for doc in corpus.documents.iter() {
        document_report(corpus, doc, &mut out);
    }
    out
}

/// Actor mentions by the rule that found them, and the sector words read as attributes of
/// actors (inside a name or a job title) rather than as topics.
pub fn rule_counts(corpus: &Corpus) -> String {
    let mut by_rule = [0usize; crate::model::Rule::ALL.len()];
    for m in corpus.documents.iter().flat_map(|d| d.mentions.iter()) {
        if matches!(m.target, Target::Actor(_)) {
            by_rule[m.rule as usize] += 1;
        }
    }
    let rules: Vec<String> =
        crate::model::Rule::ALL.iter().map(|r| format!("{} {}", r.key(), by_rule[*r as usize])).collect();
    let inferred: usize = by_rule[1..].iter().sum();
    let attributes: usize = corpus.actors.iter().map(|a| a.sectors.len()).sum();
    format!(
        "actor mentions by rule: {} (explicit {}, inferred {inferred}); title: sectors read as actors' attributes: {attributes}",
        rules.join(", "),
        by_rule[0]
    )
}

fn document_report(corpus: &Corpus, doc: &Document, out: &mut String) {
    let unknown = "(unknown)";
    let _ = writeln!(out, "== {}  {}", doc.id, doc.title);
    let _ = writeln!(
        out,
        "   outlet: {}   author: {}",
        doc.outlet.as_deref().unwrap_or(unknown),
        doc.author.as_deref().unwrap_or(unknown)
    );
    let published = match doc.published {
        Some(p) => format!(
            "{} ({:?}{})",
            p.date.to_syntax(),
            p.date.precision,
            if p.basis == Basis::Inferred { ", inferred" } else { ", stated" }
        ),
        None => unknown.to_string(),
    };
    let dated_by = doc.dated_by.as_deref().map(|e| format!(" from event {e}")).unwrap_or_default();
    let _ =
        writeln!(out, "   published: {published}{dated_by}   {} bytes, {} passages", doc.length, doc.passages.len());
    for f in doc.furniture.iter() {
        let _ = writeln!(out, "   furniture: {:?}", doc.slice(*f));
    }
    let mut actors: BTreeMap<&str, usize> = BTreeMap::new();
    let mut sectors: BTreeMap<&str, usize> = BTreeMap::new();
    let mut dates = Vec::new();
    for m in doc.mentions.iter() {
        match &m.target {
            Target::Actor(id) => *actors.entry(id.as_ref()).or_default() += 1,
            Target::Sector(id) => *sectors.entry(id.as_ref()).or_default() += 1,
            Target::Date(d) => {
                let mut flags = format!("{:?}", d.precision).to_lowercase();
                if d.relative {
                    flags.push_str(", relative");
                }
                if d.year_inferred {
                    flags.push_str(", year from article");
                }
                dates.push(format!("{:?} → {} ({flags})", doc.slice(m.span), d.to_syntax()));
            }
        }
    }
    let list = |map: &BTreeMap<&str, usize>| map.iter().map(|(k, n)| format!("{k}×{n}")).collect::<Vec<_>>().join(", ");
    let _ = writeln!(out, "   actors: {}", list(&actors));
    for m in doc.mentions.iter().filter(|m| !m.is_explicit()) {
        if let Target::Actor(id) = &m.target {
            let _ = writeln!(out, "   inferred: {:?} → {id} ({})", doc.slice(m.span), m.rule.key());
        }
    }
    let _ = writeln!(out, "   sectors: {}", list(&sectors));
    for d in dates {
        let _ = writeln!(out, "   date: {d}");
    }
    let cites = |sources: &[crate::model::Source]| sources.iter().any(|s| s.doc == doc.id);
    for e in corpus.events.iter().filter(|e| cites(&e.sources)) {
        let _ =
            writeln!(out, "   event: {} [{}]", e.id, e.date.map(|d| d.to_syntax()).unwrap_or_else(|| "undated".into()));
    }
    for a in corpus.agreements.iter().filter(|a| cites(&a.sources)) {
        let _ = writeln!(out, "   agreement: {} ({:?})", a.id, a.status);
    }
    for f in corpus.figures.iter().filter(|f| cites(&f.sources)) {
        let _ = writeln!(out, "   figure: {} = {}", f.id, f.value);
    }
    out.push('\n');
}
