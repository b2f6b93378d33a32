//! Active filters as chips, and the copy-link button.

use explorer::format::date;
use explorer::query::chips::{Chip, chips, remove};
use explorer::query::{Filter, Lang};
use leptos::prelude::*;

use super::{Explorer, browser, use_explorer};

/// The words of a chip.
pub fn chip_label(explorer: &Explorer, filter: &Filter, chip: &Chip) -> String {
    let corpus = explorer.corpus();
    let lang = explorer.lang();
    let t = explorer.t();
    match chip {
        Chip::Sector(id) => corpus
            .sector(id)
            .map(|s| if lang == Lang::Fr { s.label_fr.to_string() } else { s.label_en.to_string() })
            .unwrap_or_else(|| id.clone()),
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

/// Chips of the active filters, each removable, and "clear all".
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.t_now();
    move || {
        let filter = explorer.state.with(|s| s.filter.clone());
        let active = chips(&filter);
        (!active.is_empty()).then(|| {
            view! {
                <section class="chips" aria-label=t.active_filters>
                    <ul>
                        {active
                            .into_iter()
                            .map(|chip| {
                                let label = chip_label(&explorer, &filter, &chip);
                                let aria = format!("{} : {label}", t.remove_filter);
                                view! {
                                    <li class="chip">
                                        <span>{label}</span>
                                        <a
                                            class="chip-remove"
                                            data-nav=""
                                            aria-label=aria
                                            title=t.remove_filter
                                            href=explorer.href(|s| remove(&mut s.filter, &chip))
                                        >
                                            "×"
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <a class="clear-all" data-nav="" href=explorer.href(|s| s.filter = Filter::default())>
                        {t.clear_all}
                    </a>
                </section>
            }
        })
    }
}

/// Copies the canonical link of the current view.
#[component]
pub fn CopyLink() -> impl IntoView {
    let explorer = use_explorer();
    let status: RwSignal<Option<bool>> = RwSignal::new(None);
    let copy = move |_| {
        // The address bar already holds the canonical URL: every change writes it.
        let url = browser::current_url();
        leptos::task::spawn_local(async move {
            let ok = browser::copy_text(&url).await;
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
