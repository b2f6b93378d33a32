//! The results: tabs for documents, timeline and passages; an explanation when empty.

use explorer::format::date;
use explorer::i18n::Strings;
use explorer::model::{Document, Target};
use explorer::query::chips::{last, remove};
use explorer::query::eval::term_spans;
use explorer::query::{Lang, View};
use leptos::prelude::*;

use super::chips::chip_label;
use super::highlight::highlighted;
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
    let t = explorer.t_now();
    let count = move |view: View| {
        explorer.eval.with(|e| match view {
            View::Documents => e.documents.len(),
            View::Timeline => e.events.len() + e.agreements.len(),
            View::Passages => e.passages.len(),
        })
    };
    let current = move || explorer.state.with(|s| s.view);
    view! {
        <div class="tabs" role="tablist" aria-label=t.results_tabs>
            {View::ALL
                .into_iter()
                .map(|view| {
                    view! {
                        <a
                            role="tab"
                            class="tab"
                            id=format!("tab-{}", view.key())
                            data-view=view.key()
                            aria-selected=move || (current() == view).to_string()
                            aria-controls="results-panel"
                            data-nav=""
                            href=move || explorer.state.with(|_| explorer.href(|s| s.view = view))
                        >
                            {view_label(t, view)}
                            " "
                            <span class="count">{move || count(view)}</span>
                        </a>
                    }
                })
                .collect_view()}
        </div>
        <section id="results-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", current().key())>
            {move || {
                if count(current()) == 0 {
                    return view! { <Empty /> }.into_any();
                }
                match current() {
                    View::Documents => view! { <DocumentList /> }.into_any(),
                    View::Timeline => view! { <Timeline /> }.into_any(),
                    View::Passages => view! { <PassageList /> }.into_any(),
                }
            }}
        </section>
    }
}

/// Why nothing matched, and a way out.
#[component]
fn Empty() -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.t();
    let filter = explorer.state.with(|s| s.filter.clone());
    let words: Vec<String> =
        explorer::query::chips::chips(&filter).iter().map(|c| chip_label(&explorer, &filter, c)).collect();
    let last = last(&filter, explorer.last_added().as_ref());
    view! {
        <div class="empty" role="status">
            <p><strong>{t.no_results}</strong></p>
            {(!words.is_empty()).then(|| view! { <p>{t.no_results_why} " " {words.join(" · ")}</p> })}
            {last.map(|chip| {
                let label = format!("{} ({})", t.remove_last_filter, chip_label(&explorer, &filter, &chip));
                view! {
                    <a class="remove-last" data-nav="" href=explorer.href(|s| remove(&mut s.filter, &chip))>
                        {label}
                    </a>
                }
            })}
        </div>
    }
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

#[component]
fn DocumentList() -> impl IntoView {
    let explorer = use_explorer();
    let shown = RwSignal::new(PAGE);
    view! {
        <ol class="doc-list">
            {move || {
                let corpus = explorer.corpus();
                let e = explorer.eval.get();
                let state = explorer.state.get();
                let lang = explorer.lang();
                e.documents
                    .iter()
                    .take(shown.get())
                    .map(|&i| {
                        let doc = &corpus.documents[i];
                        // The first matching passage is the snippet.
                        let passage = e.passages.iter().find(|(d, _)| *d == i).map(|&(_, p)| p).unwrap_or(0);
                        let span = doc.passages[passage];
                        let marks = passage_marks(&explorer, i, passage);
                        let snippet = highlighted(doc.slice(span), span.start, &marks);
                        let matched: Vec<String> = state
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
                                    .filter(|s| doc.mentions.iter().any(|m| matches!(&m.target, Target::Sector(x) if corpus.sector_within(x, s))))
                                    .filter_map(|s| corpus.sector(s))
                                    .map(|s| if lang == Lang::Fr { s.label_fr.to_string() } else { s.label_en.to_string() }),
                            )
                            .collect();
                        let id = doc.id.to_string();
                        let href = explorer.href(|s| {
                            s.doc = Some(id.clone());
                            s.passage = Some(passage);
                        });
                        let title_marks = term_spans(&doc.title, &state.filter.q);
                        view! {
                            <li class="doc-card" data-doc=id.clone()>
                                <h2 class="doc-title">
                                    <a href=href data-nav="">
                                        {highlighted(&doc.title, 0, &title_marks)}
                                    </a>
                                </h2>
                                <p class="doc-meta">
                                    {provenance(&explorer, doc)} " · " {doc.word_count()} " " {explorer.t_now().words}
                                </p>
                                {(!matched.is_empty()).then(|| {
                                    view! {
                                        <p class="matched">
                                            <span class="sr-only">{explorer.t_now().matched} " : "</span>
                                            {matched.into_iter().map(|m| view! { <span class="tag">{m}</span> }).collect_view()}
                                        </p>
                                    }
                                })}
                                <p class="snippet">{snippet}</p>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        <ShowMore shown=shown total=Signal::derive(move || explorer.eval.with(|e| e.documents.len())) />
    }
}

#[component]
fn PassageList() -> impl IntoView {
    let explorer = use_explorer();
    let shown = RwSignal::new(PAGE);
    view! {
        <ol class="passage-list">
            {move || {
                let corpus = explorer.corpus();
                let e = explorer.eval.get();
                let _ = explorer.state.get();
                e.passages
                    .iter()
                    .take(shown.get())
                    .map(|&(i, p)| {
                        let doc = &corpus.documents[i];
                        let span = doc.passages[p];
                        let marks = passage_marks(&explorer, i, p);
                        let id = doc.id.to_string();
                        let href = explorer.href(|s| {
                            s.doc = Some(id.clone());
                            s.passage = Some(p);
                        });
                        view! {
                            <li class="passage" data-doc=id.clone() data-passage=p.to_string()>
                                <blockquote>{highlighted(doc.slice(span), span.start, &marks)}</blockquote>
                                <p class="passage-source">
                                    <span>{provenance(&explorer, doc)}</span>
                                    " — "
                                    <a href=href data-nav="">
                                        {explorer.t_now().open_passage}
                                    </a>
                                </p>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        <ShowMore shown=shown total=Signal::derive(move || explorer.eval.with(|e| e.passages.len())) />
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
