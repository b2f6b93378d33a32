//! The results: tabs for documents, timeline, passages and network; an explanation when
//! empty; the export of what they hold.

use explorer::embedded::TEXTS_IN_PARTS;
use explorer::i18n::{Strings, sector_label, strings, text_strings};
use explorer::model::Target;
use explorer::query::action::{Action, ExportFormat};
use explorer::query::chips::{last, remove};
use explorer::query::eval::{Evaluation, term_spans};
use explorer::query::{Entity, Lang, View, ViewState};
use leptos::prelude::*;

use super::chips::chip_label;
use super::dom::{self, Node, el};
use super::shared::{
    asks_for_text, entity_href, passage_href, passage_item, passage_marks, provenance, retry_button, text_pending,
};
use super::{Explorer, browser, compare, network, timeline};

fn view_label(t: &Strings, view: View) -> &'static str {
    match view {
        View::Documents => t.view_documents,
        View::Timeline => t.view_timeline,
        View::Passages => t.view_passages,
        View::Network => t.view_network,
        View::Compare => t.view_compare,
    }
}

/// How many results a view has.
fn count(explorer: &Explorer, e: &Evaluation, view: View) -> usize {
    match view {
        View::Documents => e.documents.len(),
        View::Timeline => e.events.len() + e.agreements.len(),
        View::Passages => e.passages.len(),
        View::Network => explorer::network::actors_in(explorer.index, &e.passages),
        View::Compare => {
            explorer::compare::facts(explorer.corpus(), e, explorer.state.with_untracked(|s| s.filter.single)).len()
        }
    }
}

/// The tabs and the panel of the current view.
pub fn results(explorer: Explorer) -> Node {
    let tabs = dom::keep(el("div").class("tabs-host"), move || {
        let e = explorer.eval.get();
        let state = explorer.state.get();
        let t = strings(state.lang);
        let tabs: Vec<Node> = View::ALL
            .into_iter()
            .map(|view| {
                el("a")
                    .attr("role", "tab")
                    .class("tab")
                    .attr("data-roving-item", "")
                    .attr("tabindex", if state.view == view { "0" } else { "-1" })
                    .attr("id", &format!("tab-{}", view.key()))
                    .attr("data-view", view.key())
                    .attr("data-nav", "")
                    .attr("aria-selected", if state.view == view { "true" } else { "false" })
                    .attr("aria-controls", "results-panel")
                    .attr(
                        "href",
                        &explorer.href(&|s| {
                            s.view = view;
                            // The selected pair belongs to the network view only.
                            if view != View::Network {
                                s.edge = None;
                            }
                        }),
                    )
                    .text(view_label(t, view))
                    .text(" ")
                    .child(el("span").class("count").text(&match held_by_search(&e, view) {
                        // A search waiting for texts: not known yet.
                        true => "…".to_string(),
                        false => count(&explorer, &e, view).to_string(),
                    }))
            })
            .collect();
        // On a narrow screen the selected tab may lie past the edge: bring it into view.
        browser::later(|| browser::reveal_sideways(".tabs", "[aria-selected=true]"));
        vec![
            el("div")
                .class("tabs")
                .attr("role", "tablist")
                .attr("data-roving", "")
                .attr("aria-label", t.results_tabs)
                .children(tabs),
            export_bar(t, state.lang, explorer.export_status.get()),
        ]
    });
    let panel = el("section").attr("id", "results-panel").attr("role", "tabpanel");
    let panel = dom::bind(panel, move |p| {
        let _ = p.set_attribute("aria-labelledby", &format!("tab-{}", explorer.state.with(|s| s.view.key())));
    });
    let panel = dom::keep(panel, move || {
        let e = explorer.eval.get();
        let state = explorer.state.get();
        let shown = explorer.shown.get();
        if TEXTS_IN_PARTS && held_by_search(&e, state.view) {
            return searching(&explorer);
        }

        if count(&explorer, &e, state.view) == 0 {
            return empty(&explorer, &state);
        }
        match state.view {
            View::Documents => {
                paged(&explorer, "doc-list", document_cards(&explorer, &e, &state, shown), e.documents.len(), shown)
            }
            View::Timeline => timeline::build(&explorer, &e, state.lang),
            View::Passages => {
                paged(&explorer, "passage-list", passage_items(&explorer, &e, &state, shown), e.passages.len(), shown)
            }
            View::Network => network::build(&explorer, &e, &state, strings(state.lang)),
            View::Compare => compare::build(&explorer, &e, &state),
        }
    });
    // A region of its own, so that the notice coming or going leaves the list's elements alone.
    let notice = TEXTS_IN_PARTS
        .then(|| dom::keep(el("div").class("texts-notice"), move || texts_failed(&explorer).into_iter().collect()));
    el("div").child(tabs).child_opt(notice).child(panel)
}

/// A list of results, a page at a time.
fn paged(explorer: &Explorer, class: &str, items: Vec<Node>, total: usize, shown: usize) -> Vec<Node> {
    let left = total.saturating_sub(shown);
    let more = (left > 0).then(|| {
        el("button")
            .class("show-more")
            .attr("type", "button")
            .attr("data-action", Action::ShowMore.key())
            .text(&format!("{} ({left})", explorer.t_now().show_more))
    });
    let mut out = vec![el("ol").class(class).children(items)];
    out.extend(more);
    out
}

/// Whether `view` waits with a search for the texts it reads: every view but the timeline,
/// whose facts are searched in the index.
fn held_by_search(e: &Evaluation, view: View) -> bool {
    e.waiting && view != View::Timeline
}

/// A search waiting for the article texts it reads (see `explorer::texts`): how far their
/// loading is, or that some failed, with a way to try again.
fn searching(explorer: &Explorer) -> Vec<Node> {
    let t = explorer.text_t_now();
    let status = el("div").class("empty searching").attr("id", "searching").attr("role", "status");
    let status = match explorer.some_text_failed() {
        true => status.child(el("p").text(t.texts_failed)).child(retry_button(t, "results-panel")),
        false => status.child(el("p").text(&[&explorer.texts_in(t.texts_searching), "."].concat())),
    };
    vec![status]
}

/// Above a list, when some texts could not be loaded: says so once, with a way to try again
/// (the cards concerned say "text not loaded").
fn texts_failed(explorer: &Explorer) -> Option<Node> {
    let t = explorer.text_t_now();
    explorer.arrived.track();
    // A waiting search says it in its own status.
    if explorer.eval.with(|e| held_by_search(e, explorer.state.with(|s| s.view))) {
        return None;
    }
    explorer.some_text_failed().then(|| {
        el("div")
            .class("texts-failed")
            .attr("role", "status")
            .child(el("p").text(t.texts_failed).text(" ").child(retry_button(t, "results-panel")))
    })
}

/// Why nothing matched, and a way out.
fn empty(explorer: &Explorer, state: &ViewState) -> Vec<Node> {
    let t = strings(state.lang);
    let filter = &state.filter;
    let words: Vec<String> =
        explorer::query::chips::chips(filter).iter().map(|c| chip_label(explorer, filter, c)).collect();
    let last = last(filter, explorer.last_added().as_ref());
    let why = (!words.is_empty()).then(|| el("p").text(&format!("{} {}", t.no_results_why, words.join(" · "))));
    let remove_last = last.map(|chip| {
        let label = format!("{} ({})", t.remove_last_filter, chip_label(explorer, filter, &chip));
        el("a")
            .class("remove-last")
            .attr("data-nav", "")
            .attr("href", &explorer.href(&|s| remove(&mut s.filter, &chip)))
            .text(&label)
    });
    vec![
        el("div")
            .class("empty")
            .attr("role", "status")
            .child(el("p").child(el("strong").text(t.no_results)))
            .child_opt(why)
            .child_opt(remove_last),
    ]
}

fn document_cards(explorer: &Explorer, e: &Evaluation, state: &ViewState, shown: usize) -> Vec<Node> {
    let corpus = explorer.corpus();
    let t = strings(state.lang);
    e.documents
        .iter()
        .zip(&e.snippets)
        .take(shown)
        .map(|(&i, &passage)| {
            let doc = &corpus.documents[i];
            // `passage`: the one that shows why the document matches (`Evaluation::snippets`).
            let marks = passage_marks(explorer, i, passage);
            // The filter's actors and sectors found in the document, each a link to its page.
            let tag = |entity: Entity, label: &str| {
                el("a").class("tag").attr("href", &entity_href(explorer, entity)).attr("data-nav", "").text(label)
            };
            let mentions = |hit: &dyn Fn(&Target) -> bool| doc.mentions.iter().any(|m| hit(&m.target));
            let mut matched: Vec<Node> = Vec::new();
            for id in &state.filter.actors {
                if let Some(a) = corpus.actor(id).filter(|_| mentions(&|t| matches!(t, Target::Actor(x) if x == id))) {
                    matched.push(tag(Entity::Actor(id.clone()), explorer.actor_name(a)));
                }
            }
            for id in &state.filter.sectors {
                let within = |t: &Target| matches!(t, Target::Sector(x) if corpus.sector_within(x, id));
                if let Some(s) = corpus.sector(id).filter(|_| mentions(&within)) {
                    matched.push(tag(Entity::Sector(id.clone()), sector_label(state.lang, s)));
                }
            }
            let matched = (!matched.is_empty()).then(|| {
                el("p")
                    .class("matched")
                    .child(el("span").class("sr-only").text(&[t.matched, t.colon].concat()))
                    .children(matched)
            });
            let title = el("a")
                .attr("href", &passage_href(explorer, &doc.id, Some(passage)))
                .attr("data-nav", "")
                .marked(&doc.title, 0, &term_spans(&doc.title, &state.filter.q));
            let snippet = explorer.passage(i, passage);
            let card = el("li")
                .class("doc-card")
                .attr("data-key", &doc.id)
                .attr("data-doc", &doc.id)
                .child(el("h2").class("doc-title").child(title))
                .child(el("p").class("doc-meta").text(&format!(
                    "{} · {} {}",
                    provenance(explorer, doc),
                    explorer.index.word_count(&doc.id),
                    t.words
                )))
                .child_opt(matched)
                .child(match snippet {
                    Some((span, text)) => el("p").class("snippet").marked(text, span.start, &marks),
                    None => el("p").class("snippet").child(text_pending(explorer, i)),
                });
            asks_for_text(explorer, card, i, snippet.is_some())
        })
        .collect()
}

fn passage_items(explorer: &Explorer, e: &Evaluation, _: &ViewState, shown: usize) -> Vec<Node> {
    e.passages.iter().take(shown).map(|&(d, p)| passage_item(explorer, d, p, &passage_marks(explorer, d, p))).collect()
}

/// Where an export that waits for texts stands (texts in parts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportStatus {
    Waiting,
    Failed,
}

/// The export buttons (handled in `events`, which calls [`export`]), and what an export waiting
/// for texts is doing.
fn export_bar(t: &Strings, lang: Lang, status: Option<ExportStatus>) -> Node {
    let button = |format: ExportFormat, label: &str| {
        el("button")
            .class("export-button")
            .attr("type", "button")
            .attr("data-action", Action::Export(format).key())
            .attr("aria-describedby", "export-hint")
            .text(label)
    };
    el("div")
        .class("export")
        .attr("role", "group")
        .attr("aria-label", t.export)
        .child(el("span").class("export-label").text(t.export))
        .child(button(ExportFormat::Csv, t.export_csv))
        .child(button(ExportFormat::CsvSemicolon, t.export_csv_semicolon).attr("title", t.export_csv_semicolon_hint))
        .child(button(ExportFormat::Json, t.export_json))
        .child(el("span").class("sr-only").attr("id", "export-hint").text(t.export_hint))
        .child_opt(TEXTS_IN_PARTS.then(|| {
            let w = text_strings(lang);
            el("span").class("export-status").attr("role", "status").text(match status {
                Some(ExportStatus::Waiting) => w.export_waiting,
                Some(ExportStatus::Failed) => w.export_failed,
                None => "",
            })
        }))
}

/// Asks again for the texts that failed ("Try again", or the network back); an export that
/// could not get them is not pending any more (one that waits goes on waiting).
pub fn retry_texts(explorer: Explorer) {
    super::parts::retry(explorer);
    if explorer.export_status.get_untracked() == Some(ExportStatus::Failed) {
        explorer.export_status.set(None);
    }
}

/// Downloads the current results, exactly as filtered, in `format`; with the texts in parts,
/// once the texts it quotes are loaded (a search waiting for texts: all of them), saying so
/// meanwhile, and not at all if some cannot be: no row without its text, no empty file for a
/// search that has not run.
pub fn export(explorer: &Explorer, format: ExportFormat) {
    if !TEXTS_IN_PARTS {
        return save(explorer, format);
    }
    let missing = missing_to_quote(explorer);
    if missing.is_empty() {
        explorer.export_status.set(None);
        return save(explorer, format);
    }
    // One export at a time: another click while one waits does nothing.
    if explorer.export_status.get_untracked() == Some(ExportStatus::Waiting) {
        return;
    }
    explorer.export_status.set(Some(ExportStatus::Waiting));
    let explorer = *explorer;
    let view = explorer.state.get_untracked();
    super::parts::when_loaded(explorer, missing.clone(), None, move || {
        // Every text the rows quote, or nothing: checked again, whatever happened meanwhile.
        if explorer.failed_among(&missing) || !missing_to_quote(&explorer).is_empty() {
            return explorer.export_status.set(Some(ExportStatus::Failed));
        }
        explorer.export_status.set(None);
        // Not if the user moved on to another view meanwhile.
        if explorer.state.with_untracked(|s| *s == view) {
            save(&explorer, format);
        }
    });
}

/// The parts not loaded yet of the texts an export of the current results quotes: those of its
/// passages, or every one while a search waits.
fn missing_to_quote(explorer: &Explorer) -> Vec<usize> {
    explorer.eval.with_untracked(|eval| match eval.waiting {
        true => explorer.index.texts.all_missing(),
        false => explorer.index.texts.missing_parts(eval.passages.iter().map(|&(d, _)| d)),
    })
}

/// Writes the export file of the current results, every text they quote being loaded.
fn save(explorer: &Explorer, format: ExportFormat) {
    use explorer::export::{Export, csv_with, json};
    let lang = explorer.state.with_untracked(|s| s.lang);
    let permalink = browser::current_url();
    let content = explorer.eval.with_untracked(|eval| {
        let export = Export { index: explorer.index, eval, permalink: &permalink, lang };
        match format {
            ExportFormat::Csv => csv_with(&export, ','),
            ExportFormat::CsvSemicolon => csv_with(&export, ';'),
            ExportFormat::Json => json(&export),
        }
    });
    let version = &explorer.corpus().version;
    let (extension, mime, variant) = match format {
        ExportFormat::Csv => ("csv", "text/csv;charset=utf-8", ""),
        ExportFormat::CsvSemicolon => ("csv", "text/csv;charset=utf-8", "-pointvirgule"),
        ExportFormat::Json => ("json", "application/json", ""),
    };
    let name = format!("mali-russie-{}{variant}.{extension}", &version[..version.len().min(8)]);
    browser::download(&name, mime, &content);
}
