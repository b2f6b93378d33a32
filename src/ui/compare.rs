//! The "sources compared" view: a fact × source grid of the results, then each fact several
//! articles report with how their accounts relate, the stage each gives an agreement (a
//! ladder), the value each gives a figure (and the spread), and one row per article with its
//! verbatim quotes. The comparison itself is `explorer::compare`; this only lays it out.

use explorer::compare::{Cell, Claim, Fact, FactKind, claims, facts, grid, spread, stages_differ};
use explorer::format::{number, qualifier};
use explorer::i18n::{Strings, agreement_status, event_kind, relation, stage, strings};
use explorer::model::Stage;
use explorer::query::eval::Evaluation;
use explorer::query::{Lang, ViewState};

use super::Explorer;
use super::dom::{Node, el};
use super::shared::{disputed_badge, source_href};

/// The title and the kind of a fact, in the interface language.
pub fn fact_title(explorer: &Explorer, kind: FactKind) -> (&'static str, &'static str) {
    let corpus = explorer.corpus();
    let lang = explorer.lang();
    match kind {
        FactKind::Event(i) => {
            let e = &corpus.events[i];
            (lang.pick(&e.title_fr, &e.title_en), event_kind(lang, e.kind))
        }
        FactKind::Agreement(i) => {
            let a = &corpus.agreements[i];
            (lang.pick(&a.title_fr, &a.title_en), agreement_status(lang, a.status))
        }
        FactKind::Figure(i) => {
            let f = &corpus.figures[i];
            (lang.pick(&f.label_fr, &f.label_en), strings(lang).figures_title)
        }
    }
}

/// The view for the evaluation.
pub fn build(explorer: &Explorer, e: &Evaluation, state: &ViewState) -> Vec<Node> {
    let t = strings(state.lang);
    let shown = facts(explorer.corpus(), e, state.filter.single);
    // Columns: the documents that report a fact shown, in corpus order.
    let docs: Vec<&str> = explorer
        .corpus()
        .documents
        .iter()
        .map(|d| d.id.as_ref())
        .filter(|d| shown.iter().any(|f| f.sources.iter().any(|s| s.doc == *d)))
        .collect();
    let mut out = vec![el("p").class("compare-help").text(t.compare_help), fact_grid(explorer, t, &shown, &docs)];
    out.extend(shown.iter().map(|f| fact_card(explorer, t, state.lang, f)));
    out
}

/// Which article reports which fact: ✓ reports, ⚠ disputed account, · silent.
fn fact_grid(explorer: &Explorer, t: &Strings, shown: &[Fact], docs: &[&str]) -> Node {
    let head = el("tr")
        .child(el("th").attr("scope", "col").text(t.fact_col))
        .children(docs.iter().map(|d| el("th").attr("scope", "col").text(explorer.doc_label(d))).collect());
    let rows = grid(shown, docs)
        .into_iter()
        .zip(shown)
        .map(|(cells, fact)| {
            let (title, _) = fact_title(explorer, fact.kind);
            let cells: Vec<Node> = cells
                .into_iter()
                .map(|cell| {
                    let (class, mark, words) = match cell {
                        Cell::Reports => ("cell-reports", "✓", t.grid_reports),
                        Cell::Disputes => ("cell-disputes", "⚠", t.grid_disputes),
                        Cell::Silent => ("cell-silent", "·", t.grid_silent),
                    };
                    el("td")
                        .class(class)
                        .attr("title", words)
                        .child(el("span").attr("aria-hidden", "true").text(mark))
                        .child(el("span").class("sr-only").text(words))
                })
                .collect();
            el("tr").attr("data-fact", fact.id).child(el("th").attr("scope", "row").text(title)).children(cells)
        })
        .collect();
    el("div").class("grid-scroll").child(
        el("table")
            .class("fact-grid")
            .child(el("caption").text(t.grid_title))
            .child(el("thead").child(head))
            .child(el("tbody").children(rows)),
    )
}

/// What a claim says, in words: the stage, or the value with its qualifier and the source's
/// own wording.
fn claim_words(explorer: &Explorer, lang: Lang, fact: &Fact, claim: &Claim) -> String {
    if !claim.stages.is_empty() {
        return claim.stages.iter().map(|s| stage(lang, *s)).collect::<Vec<_>>().join(" / ");
    }
    let FactKind::Figure(i) = fact.kind else { return String::new() };
    let f = &explorer.corpus().figures[i];
    let value = claim.value.map(|v| number(lang, v)).unwrap_or_default();
    // The figure's unit fits the value it states; another value (6 working groups for 7
    // sub-commissions) is counted in the source's own words, shown beside it.
    let unit =
        if claim.value == Some(f.value) { [" ", lang.pick(&f.unit_fr, &f.unit_en)].concat() } else { String::new() };
    let wording = claim.wording.map(|w| format!(" (« {w} »)")).unwrap_or_default();
    format!("{}{value}{unit}{wording}", qualifier(lang, claim.qualifier))
}

/// One fact: title, relations, ladder or spread, and the claim table.
fn fact_card(explorer: &Explorer, t: &Strings, lang: Lang, fact: &Fact) -> Node {
    let (title, kind) = fact_title(explorer, fact.kind);
    let claims = claims(fact);
    let labels =
        |docs: &[explorer::model::Text]| docs.iter().map(|d| explorer.doc_label(d)).collect::<Vec<_>>().join(" / ");
    let relations: Vec<Node> = fact
        .comparisons
        .iter()
        .map(|c| {
            let note = lang.pick(c.note_fr.as_deref(), c.note_en.as_deref());
            el("p")
                .class(&["relation rel-", c.relation.key()].concat())
                .attr("data-disagreement", &c.id)
                .attr("data-relation", c.relation.key())
                .child(el("strong").text(relation(lang, c.relation)))
                .text(t.colon)
                .text(&labels(&c.docs))
                .child_opt(
                    note.map(|n| super::shared::note(explorer, el("span").class("relation-note").text(" — "), n)),
                )
        })
        .collect();
    let ladder = claims.iter().any(|c| !c.stages.is_empty()).then(|| {
        let rungs: Vec<Node> = Stage::ALL
            .into_iter()
            .map(|s| {
                let at: Vec<&str> =
                    claims.iter().filter(|c| c.stages.contains(&s)).map(|c| explorer.doc_label(c.doc)).collect();
                el("li")
                    .class(if at.is_empty() { "rung" } else { "rung reached" })
                    .attr("data-stage", s.key())
                    .child(el("span").class("rung-name").text(stage(lang, s)))
                    .children(at.into_iter().map(|l| el("span").class("rung-source").text(l)).collect())
            })
            .collect();
        el("div")
            .class(if stages_differ(&claims) { "ladder differ" } else { "ladder" })
            .child(el("h4").text(t.stage_ladder))
            .child(el("ol").children(rungs))
            .child_opt(
                stages_differ(&claims).then(|| el("p").class("ladder-flag").text(&["⚠ ", t.sources_differ].concat())),
            )
    });
    let spread = spread(&claims).map(|(low, high)| {
        el("p").class("spread").text(&format!("{}{}{} – {}", t.spread, t.colon, number(lang, low), number(lang, high)))
    });
    let rows: Vec<Node> = claims
        .iter()
        .map(|c| {
            let first = c.sources.first().map(|s| source_href(explorer, s)).unwrap_or_default();
            let quotes: Vec<Node> = c
                .sources
                .iter()
                .map(|s| {
                    el("a")
                        .class("claim-quote")
                        .attr("href", &source_href(explorer, s))
                        .attr("data-nav", "")
                        .child(el("q").text(&s.quote))
                })
                .collect();
            el("tr")
                .attr("data-doc", c.doc)
                .class(if fact.disputed_by(c.doc) { "claim disputed" } else { "claim" })
                .child(
                    el("th")
                        .attr("scope", "row")
                        .child(el("a").attr("href", &first).attr("data-nav", "").text(explorer.doc_label(c.doc))),
                )
                .child(el("td").text(
                    &Some(claim_words(explorer, lang, fact, c)).filter(|w| !w.is_empty()).unwrap_or_else(|| "—".into()),
                ))
                .child(el("td").children(quotes))
        })
        .collect();
    let table = el("table")
        .class("claims")
        .child(el("caption").class("sr-only").text(t.claims_table))
        .child(
            el("thead").child(
                el("tr")
                    .child(el("th").attr("scope", "col").text(t.sources))
                    .child(el("th").attr("scope", "col").text(t.claim_col))
                    .child(el("th").attr("scope", "col").text(t.quote_col)),
            ),
        )
        .child(el("tbody").children(rows));
    el("article")
        .class(if fact.disputed() { "fact disputed" } else { "fact" })
        .attr("id", &["fact-", fact.id].concat())
        .attr("data-fact", fact.id)
        .child(
            el("h3")
                .text(title)
                .text(" ")
                .child(el("span").class("fact-kind").text(kind))
                .child_opt(disputed_badge(explorer, fact.id)),
        )
        .children(relations)
        .child_opt(ladder)
        .child_opt(spread)
        .child(el("div").class("claims-scroll").child(table))
}
