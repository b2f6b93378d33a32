//! The results: tabs for documents, timeline and passages; an explanation when empty.

use explorer::format::date;
use explorer::i18n::{Strings, sector_label};
use explorer::model::{Document, Target};
use explorer::query::View;
use explorer::query::chips::{last, remove};
use explorer::query::eval::term_spans;
use leptos::prelude::*;

use explorer::i18n::strings;
use explorer::query::ViewState;
use explorer::query::eval::Evaluation;

use super::chips::chip_label;
use super::dom::{self, Node, el};
use super::timeline::Timeline;
use super::{Explorer, use_explorer};

/// How many results a list shows before "show more".
const PAGE: usize = 50;

fn view_label(t: &Strings, view: View) -> &'static str {
    match view {
        View::Documents => t.view_documents,
        View::Timeline => t.view_timeline,
        View::Passages => t.view_passages,
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let explorer = use_explorer();
    let current = move || explorer.state.with(|s| s.view);
    let count = move |e: &Evaluation, view: View| match view {
        View::Documents => e.documents.len(),
        View::Timeline => e.events.len() + e.agreements.len(),
        View::Passages => e.passages.len(),
    };
    let panel = Memo::new(move |_| {
        let view = current();
        (view, explorer.eval.with(|e| count(e, view)) == 0)
    });
    let tabs = dom::host("tabs-host", move || {
        let e = explorer.eval.get();
        let state = explorer.state.get();
        let t = strings(state.lang);
        let tabs: Vec<Node> = View::ALL
            .into_iter()
            .map(|view| {
                el("a")
                    .attr("role", "tab")
                    .class("tab")
                    .attr("id", &format!("tab-{}", view.key()))
                    .attr("data-view", view.key())
                    .attr("data-nav", "")
                    .attr("aria-selected", if state.view == view { "true" } else { "false" })
                    .attr("aria-controls", "results-panel")
                    .attr("href", &explorer.href(&|s| s.view = view))
                    .text(view_label(t, view))
                    .text(" ")
                    .child(el("span").class("count").text(&count(&e, view).to_string()))
            })
            .collect();
        vec![el("div").class("tabs").attr("role", "tablist").attr("aria-label", t.results_tabs).children(tabs)]
    });
    view! {
        {tabs}
        <section id="results-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", current().key())>
            {move || {
                // Only a change of tab or of emptiness swaps the component; a filter change
                // refills the component's list in place.
                match panel.get() {
                    (_, true) => view! { <Empty /> }.into_any(),
                    (View::Documents, false) => {
                        view! { <PagedList class="doc-list" items=document_cards total=|e| e.documents.len() /> }.into_any()
                    }
                    (View::Timeline, false) => view! { <Timeline /> }.into_any(),
                    (View::Passages, false) => {
                        view! { <PagedList class="passage-list" items=passage_items total=|e| e.passages.len() /> }.into_any()
                    }
                }
            }}
        </section>
    }
}

/// Why nothing matched, and a way out.
#[component]
fn Empty() -> impl IntoView {
    let explorer = use_explorer();
    dom::host("empty-host", move || {
        let state = explorer.state.get();
        let t = strings(state.lang);
        let filter = &state.filter;
        let words: Vec<String> =
            explorer::query::chips::chips(filter).iter().map(|c| chip_label(&explorer, filter, c)).collect();
        let last = last(filter, explorer.last_added().as_ref());
        let why = (!words.is_empty()).then(|| el("p").text(&format!("{} {}", t.no_results_why, words.join(" · "))));
        let remove_last = last.map(|chip| {
            let label = format!("{} ({})", t.remove_last_filter, chip_label(&explorer, filter, &chip));
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
    })
}

/// The byte ranges of a passage to highlight: search matches, and mentions of the selected
/// actors, sectors (and sub-sectors) and of dates in the selected range.
pub fn passage_marks(explorer: &Explorer, doc_index: usize, passage: usize) -> Vec<(usize, usize)> {
    let corpus = explorer.corpus();
    let doc = &corpus.documents[doc_index];
    let state = explorer.state.get_untracked();
    let f = &state.filter;
    let mut marks = explorer.index.passage_matches(doc_index, passage, &f.q);
    let (from, to) = f.range();
    for m in doc.mentions.iter().filter(|m| m.passage == passage) {
        let hit = match &m.target {
            Target::Actor(id) => f.actors.iter().any(|a| a == id.as_ref()),
            Target::Sector(id) => f.sectors.iter().any(|s| corpus.sector_within(id, s)),
            Target::Date(d) => {
                (from.is_some() || to.is_some()) && from.is_none_or(|x| d.end >= x) && to.is_none_or(|x| d.start <= x)
            }
        };
        if hit {
            marks.push((m.span.start, m.span.end));
        }
    }
    marks
}

/// Publication line of a document: outlet · date (inferred or not).
pub fn provenance(explorer: &Explorer, doc: &Document) -> String {
    let t = explorer.t();
    let outlet = doc.outlet.as_deref().unwrap_or(t.unknown_outlet);
    let when = match doc.published {
        Some(p) => match t.basis(p.basis) {
            Some(basis) => format!("{} ({basis})", date(explorer.lang(), &p.date)),
            None => date(explorer.lang(), &p.date),
        },
        None => t.unknown_date.to_string(),
    };
    format!("{outlet} · {when}")
}

/// Hosts a result list built with [`dom`], refilled when the evaluation, the state or the page
/// size changes.
fn list_host(
    class: &'static str,
    shown: RwSignal<usize>,
    build: impl Fn(&Explorer, &Evaluation, &ViewState, usize) -> Vec<Node> + 'static,
) -> impl IntoView {
    let explorer = use_explorer();
    let host = NodeRef::<leptos::html::Ol>::new();
    Effect::new(move |_| {
        let e = explorer.eval.get();
        let state = explorer.state.get();
        let n = shown.get();
        if let Some(host) = host.get() {
            dom::fill(&host, build(&explorer, &e, &state, n));
        }
    });
    view! { <ol class=class node_ref=host></ol> }
}

/// A link to a passage of a document, opened in the reader.
fn passage_href(explorer: &Explorer, doc: &str, passage: usize) -> String {
    explorer.href(&|s| {
        s.doc = Some(doc.to_string());
        s.passage = Some(passage);
    })
}

fn document_cards(explorer: &Explorer, e: &Evaluation, state: &ViewState, shown: usize) -> Vec<Node> {
    let corpus = explorer.corpus();
    let t = strings(state.lang);
    e.documents
        .iter()
        .take(shown)
        .map(|&i| {
            let doc = &corpus.documents[i];
            // The first matching passage is the snippet.
            let passage = e.passages.iter().find(|(d, _)| *d == i).map(|&(_, p)| p).unwrap_or(0);
            let span = doc.passages[passage];
            let marks = passage_marks(explorer, i, passage);
            let matched: Vec<Node> = state
                .filter
                .actors
                .iter()
                .filter(|a| doc.mentions.iter().any(|m| matches!(&m.target, Target::Actor(x) if x == a.as_str())))
                .filter_map(|a| corpus.actor(a).map(|a| a.name.to_string()))
                .chain(
                    state
                        .filter
                        .sectors
                        .iter()
                        .filter(|s| {
                            doc.mentions
                                .iter()
                                .any(|m| matches!(&m.target, Target::Sector(x) if corpus.sector_within(x, s)))
                        })
                        .filter_map(|s| corpus.sector(s))
                        .map(|s| sector_label(state.lang, s).to_string()),
                )
                .map(|m| el("span").class("tag").text(&m))
                .collect();
            let matched = (!matched.is_empty()).then(|| {
                el("p")
                    .class("matched")
                    .child(el("span").class("sr-only").text(&format!("{} : ", t.matched)))
                    .children(matched)
            });
            let title = el("a").attr("href", &passage_href(explorer, &doc.id, passage)).attr("data-nav", "").marked(
                &doc.title,
                0,
                &term_spans(&doc.title, &state.filter.q),
            );
            el("li")
                .class("doc-card")
                .attr("data-doc", &doc.id)
                .child(el("h2").class("doc-title").child(title))
                .child(el("p").class("doc-meta").text(&format!(
                    "{} · {} {}",
                    provenance(explorer, doc),
                    doc.word_count(),
                    t.words
                )))
                .child_opt(matched)
                .child(el("p").class("snippet").marked(doc.slice(span), span.start, &marks))
        })
        .collect()
}

fn passage_items(explorer: &Explorer, e: &Evaluation, state: &ViewState, shown: usize) -> Vec<Node> {
    let corpus = explorer.corpus();
    let t = strings(state.lang);
    e.passages
        .iter()
        .take(shown)
        .map(|&(i, p)| {
            let doc = &corpus.documents[i];
            let span = doc.passages[p];
            let marks = passage_marks(explorer, i, p);
            el("li")
                .class("passage")
                .attr("data-doc", &doc.id)
                .attr("data-passage", &p.to_string())
                .child(el("blockquote").marked(doc.slice(span), span.start, &marks))
                .child(
                    el("p")
                        .class("passage-source")
                        .child(el("span").text(&provenance(explorer, doc)))
                        .text(" — ")
                        .child(
                            el("a")
                                .attr("href", &passage_href(explorer, &doc.id, p))
                                .attr("data-nav", "")
                                .text(t.open_passage),
                        ),
                )
        })
        .collect()
}

/// A list of results, a page at a time.
#[component]
fn PagedList(
    class: &'static str,
    items: fn(&Explorer, &Evaluation, &ViewState, usize) -> Vec<Node>,
    total: fn(&Evaluation) -> usize,
) -> impl IntoView {
    let explorer = use_explorer();
    let shown = RwSignal::new(PAGE);
    view! {
        {list_host(class, shown, items)}
        <ShowMore shown=shown total=Signal::derive(move || explorer.eval.with(total)) />
    }
}

#[component]
fn ShowMore(shown: RwSignal<usize>, total: Signal<usize>) -> impl IntoView {
    let explorer = use_explorer();
    move || {
        let left = total.get().saturating_sub(shown.get());
        (left > 0).then(|| {
            view! {
                <button class="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {explorer.t_now().show_more} " (" {left} ")"
                </button>
            }
        })
    }
}
