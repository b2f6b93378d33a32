//! The Leptos components. They stay thin: state, filtering and wording come from the
//! `explorer` library; this module wires them to the page and the URL.

mod browser;
mod chips;
mod dom;
mod fatal;
mod filters;
mod notices;
mod reader;
mod results;
mod timeline;

use explorer::i18n::{Strings, strings};
use explorer::model::Corpus;
use explorer::query::chips::{Chip, added};
use explorer::query::eval::{Evaluation, Index};
use explorer::query::url::{Notice, parse, print};
use explorer::query::{Lang, ViewState};
use leptos::prelude::*;

/// Starts the app: installs the panic notice and mounts the UI over the embedded corpus.
pub fn start() {
    fatal::install_panic_notice();
    // The index lives as long as the page; leaking it lets every view borrow it for free.
    let corpus = match explorer::embedded::corpus() {
        Ok(corpus) => corpus,
        Err(error) => return fatal::show(&error.to_string()),
    };
    let index: &'static Index<'static> = Box::leak(Box::new(Index::new(corpus)));
    fatal::remove_boot_placeholder();
    mount_to_body(move || view! { <App index=index /> });
    // Build the search words in the background, so the first keystroke is as fast as the next.
    browser::later(move || {
        index.evaluate(&explorer::query::Filter { q: "a".into(), ..Default::default() });
    });
}

/// Everything components share: the state (which is the URL), its evaluation, and the
/// actions that change it.
#[derive(Clone, Copy)]
pub struct Explorer {
    pub state: RwSignal<ViewState>,
    pub notices: RwSignal<Vec<Notice>>,
    pub eval: Memo<Evaluation>,
    pub index: &'static Index<'static>,
    /// Whether the last change was typing in the search box (typing replaces the history
    /// entry instead of piling up one per key).
    typing: StoredValue<bool>,
    /// The filter the user added last, for "remove the last filter".
    last_added: StoredValue<Option<Chip>>,
}

impl Explorer {
    pub fn corpus(&self) -> &'static Corpus {
        self.index.corpus
    }

    /// The interface language (reactive).
    pub fn lang(&self) -> Lang {
        self.state.with(|s| s.lang)
    }

    /// The interface strings (reactive).
    pub fn t(&self) -> &'static Strings {
        strings(self.lang())
    }

    /// The interface strings, without tracking: the page is rebuilt when the language changes
    /// (see `App`), so labels can be plain strings instead of one reactive closure each.
    pub fn t_now(&self) -> &'static Strings {
        strings(self.state.with_untracked(|s| s.lang))
    }

    /// A discrete change (a click): applied, then written as a new history entry.
    pub fn change(&self, f: impl FnOnce(&mut ViewState)) {
        let before = self.state.get_untracked();
        let mut next = before.clone();
        f(&mut next);
        if next == before {
            return;
        }
        if let Some(chip) = added(&before.filter, &next.filter) {
            self.last_added.set_value(Some(chip));
        }
        self.typing.set_value(false);
        let query = print(&next);
        if next.lang != before.lang {
            // The page reloads in the new language (see `App`): the address must be there first.
            browser::write_query(&query, true);
            self.state.set(next);
            return;
        }
        self.state.set(next);
        // The view first, the address right after: writing history costs milliseconds that
        // need not delay what the user sees. Order between changes is kept.
        browser::later(move || browser::write_query(&query, true));
    }

    /// Typing in the search box: the first key of a burst pushes a history entry, the next
    /// ones replace it, so Back leaves the search in one step.
    pub fn type_query(&self, q: String) {
        let push = !self.typing.get_value();
        let mut next = self.state.get_untracked();
        next.filter.q = q;
        self.typing.set_value(true);
        self.last_added.set_value(Some(Chip::Query));
        let query = print(&next);
        self.state.set(next);
        browser::later(move || browser::write_query(&query, push));
    }

    /// Ends a typing burst (the search box lost focus), so the next key pushes again.
    pub fn stop_typing(&self) {
        self.typing.set_value(false);
    }

    pub fn last_added(&self) -> Option<Chip> {
        self.last_added.get_value()
    }

    /// Follows a link to another view of the explorer (`?…`): a discrete change.
    pub fn follow(&self, href: &str) {
        let (next, _) = parse(href, self.corpus());
        self.change(|s| *s = next);
    }

    /// The link of the current state with a change applied (for real `href`s). Takes a `dyn`
    /// closure so that the many call sites share one compiled copy.
    pub fn href(&self, f: &dyn Fn(&mut ViewState)) -> String {
        let mut s = self.state.get_untracked();
        f(&mut s);
        let q = print(&s);
        if q.is_empty() { "?".to_string() } else { format!("?{q}") }
    }
}

/// Reads the explorer context.
pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}

/// The page title for a state: the filters in words and the number of documents.
fn page_title(explorer: &Explorer) -> String {
    let corpus = explorer.corpus();
    let t = explorer.t();
    let state = explorer.state.get();
    let f = &state.filter;
    let mut parts: Vec<String> = Vec::new();
    parts.extend(
        f.sectors
            .iter()
            .filter_map(|id| corpus.sector(id))
            .map(|s| explorer::i18n::sector_label(explorer.lang(), s).to_string()),
    );
    parts.extend(f.actors.iter().filter_map(|id| corpus.actor(id)).map(|a| a.name.to_string()));
    if let Some(doc) = state.doc.as_deref().and_then(|id| corpus.document(id)) {
        return format!("{} — {}", doc.title, t.app_title);
    }
    if !f.q.is_empty() {
        parts.push(format!("« {} »", f.q));
    }
    let n = explorer.eval.with(|e| e.documents.len());
    if parts.is_empty() && f.from.is_none() && f.to.is_none() {
        t.app_title.to_string()
    } else {
        let mut range = String::new();
        if f.from.is_some() || f.to.is_some() {
            range = format!(
                " {}–{}",
                f.from.map(|d| d.to_syntax()).unwrap_or_default(),
                f.to.map(|d| d.to_syntax()).unwrap_or_default()
            );
        }
        format!("{}{range} ({n} {}) — {}", parts.join(", "), t.documents_count, t.app_title)
    }
}

/// The whole page.
#[component]
fn App(index: &'static Index<'static>) -> impl IntoView {
    let query = browser::current_query();
    let (mut initial, initial_notices) = parse(&query, index.corpus);
    // A link that names no language opens in the one this device remembers.
    if !query.contains("lang=")
        && let Some(lang) = browser::stored_lang().and_then(|l| Lang::from_key(&l))
    {
        initial.lang = lang;
    }
    // The address bar shows the canonical link of what is on screen (bad parameters, already
    // named in the notice, are dropped); replaced, not pushed: opening a link is one entry.
    let canonical = print(&initial);
    if query.trim_start_matches('?') != canonical {
        browser::write_query(&canonical, false);
    }
    let state = RwSignal::new(initial);
    let notices = RwSignal::new(initial_notices);
    let eval = Memo::new(move |_| state.with(|s| index.evaluate(&s.filter)));
    let explorer =
        Explorer { state, notices, eval, index, typing: StoredValue::new(false), last_added: StoredValue::new(None) };
    provide_context(explorer);

    // Back and forward: the URL is the state.
    browser::on_history_move(move || {
        let (s, n) = parse(&browser::current_query(), index.corpus);
        explorer.typing.set_value(false);
        state.set(s);
        notices.set(n);
    });
    // Every link to another view ("?…", marked data-nav) is followed here, in place: the state
    // is read from the link, pushed to history, and focus returns to the same control.
    browser::on_nav_click(move |href, focus_id| {
        explorer.follow(&href);
        if let Some(id) = focus_id {
            browser::later(move || browser::focus(&id));
        }
    });
    Effect::new(move |_| browser::set_title(&page_title(&explorer)));
    Effect::new(move |_| {
        let lang = explorer.lang();
        if let Some(root) = leptos::web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.set_attribute("lang", lang.key());
        }
    });

    // The language changes rarely: the page is then reloaded in the new language (from the
    // cache), so every label below is a plain string — a page rebuildable in place, or one
    // reactive closure per label, would weigh tens of kilobytes of wasm.
    let lang = state.get_untracked().lang;
    browser::store_lang(lang.key());
    Effect::new(move |_| {
        if state.with(|s| s.lang) != lang {
            browser::reload();
        }
    });
    view! { <Page /> }
}

/// A link to the same view in the other language (the page reloads in it).
fn language_switch(explorer: Explorer) -> impl IntoView {
    let other = match explorer.state.with_untracked(|s| s.lang) {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    let (label, hint) = match other {
        Lang::En => ("English", "Read this page in English"),
        Lang::Fr => ("Français", "Lire cette page en français"),
    };
    view! {
        <a
            class="lang-switch"
            data-nav=""
            lang=other.key()
            hreflang=other.key()
            title=hint
            href=move || explorer.state.with(|_| explorer.href(&|s| s.lang = other))
        >
            {label}
        </a>
    }
}

/// Everything on the page, in the current language.
#[component]
fn Page() -> impl IntoView {
    let explorer = use_explorer();
    let corpus = explorer.corpus();
    let filters_open = RwSignal::new(false);
    let t = explorer.t_now();
    view! {
        <a class="skip-link" href="#results">{t.skip_to_results}</a>
        <header class="masthead">
            <div class="masthead-text">
                <h1>{t.app_title}</h1>
                <p class="tagline">{t.tagline} " · " {corpus.documents.len()} " " {t.documents_count}</p>
            </div>
            <div class="masthead-actions">
                <button
                    class="filters-toggle"
                    aria-controls="filters"
                    aria-expanded=move || filters_open.get().to_string()
                    on:click=move |_| filters_open.update(|o| *o = !*o)
                >
                    {t.show_filters}
                    {move || {
                        let n = explorer.state.with(|s| explorer::query::chips::chips(&s.filter).len());
                        (n > 0).then(|| view! { <span class="badge">{n}</span> })
                    }}
                </button>
                <chips::CopyLink />
                {language_switch(explorer)}
            </div>
        </header>
        <notices::Notices />
        <div class="layout">
            <filters::FilterPanel open=filters_open />
            <main id="results" class="results" tabindex="-1">
                <chips::ActiveFilters />
                <results::Results />
            </main>
        </div>
        <reader::Reader />
    }
}
