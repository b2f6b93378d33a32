//! Active filters as chips, and the copy-link button.

use explorer::format::date;
use explorer::i18n::{sector_label, strings};
use explorer::query::Filter;
use explorer::query::chips::{Chip, chips, remove};
use leptos::prelude::*;

use super::dom::{self, Node, el};
use super::{Explorer, browser, use_explorer};

/// The words of a chip.
pub fn chip_label(explorer: &Explorer, filter: &Filter, chip: &Chip) -> String {
    let corpus = explorer.corpus();
    let lang = explorer.lang();
    let t = explorer.t();
    match chip {
        Chip::Sector(id) => corpus.sector(id).map(|s| sector_label(lang, s).to_string()).unwrap_or_else(|| id.clone()),
        Chip::Actor(id) => corpus.actor(id).map(|a| a.name.to_string()).unwrap_or_else(|| id.clone()),
        Chip::Source(id) => corpus
            .document(id)
            .map(|d| d.outlet.as_deref().unwrap_or(&d.title).to_string())
            .unwrap_or_else(|| id.clone()),
        Chip::From => format!("{} {}", t.date_from, filter.from.map(|d| date(lang, &d)).unwrap_or_default()),
        Chip::To => format!("{} {}", t.date_to, filter.to.map(|d| date(lang, &d)).unwrap_or_default()),
        Chip::Query => format!("« {} »", filter.q),
    }
}

/// Chips of the active filters, each removable (a link without it), and "clear all".
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let explorer = use_explorer();
    dom::host("chips-host", move || {
        let state = explorer.state.get();
        let filter = &state.filter;
        let active = chips(filter);
        if active.is_empty() {
            return Vec::new();
        }
        let t = strings(state.lang);
        let items: Vec<Node> = active
            .iter()
            .map(|chip| {
                let label = chip_label(&explorer, filter, chip);
                let aria = format!("{} : {label}", t.remove_filter);
                el("li").class("chip").child(el("span").text(&label)).child(
                    el("a")
                        .class("chip-remove")
                        .attr("data-nav", "")
                        .attr("aria-label", &aria)
                        .attr("title", t.remove_filter)
                        .attr("href", &explorer.href(&|s| remove(&mut s.filter, chip)))
                        .text("×"),
                )
            })
            .collect();
        vec![
            el("section").class("chips").attr("aria-label", t.active_filters).child(el("ul").children(items)).child(
                el("a")
                    .class("clear-all")
                    .attr("data-nav", "")
                    .attr("href", &explorer.href(&|s| s.filter = Filter::default()))
                    .text(t.clear_all),
            ),
        ]
    })
}

/// Copies the canonical link of the current view.
#[component]
pub fn CopyLink() -> impl IntoView {
    let explorer = use_explorer();
    let status: RwSignal<Option<bool>> = RwSignal::new(None);
    let copy = move |_| {
        // The address bar already holds the canonical URL: every change writes it.
        browser::copy_text(&browser::current_url(), move |ok| {
            status.set(Some(ok));
            gloo::timers::callback::Timeout::new(2500, move || status.set(None)).forget();
        });
    };
    view! {
        <button class="copy-link" on:click=copy>
            {explorer.t_now().copy_link}
        </button>
        <span class="copy-status" role="status" aria-live="polite">
            {move || match status.get() {
                Some(true) => explorer.t_now().link_copied,
                Some(false) => explorer.t_now().copy_failed,
                None => "",
            }}
        </span>
    }
}
