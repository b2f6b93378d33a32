//! The user interface. It stays thin: state, filtering and wording come from the `explorer`
//! library; this module wires them to the page and the URL.
//!
//! Leptos provides the reactive state (signals, memos, effects); the page is built with the
//! small DOM builder of [`dom`] and every event is handled by one delegated listener
//! ([`events`]), which keeps the whole page within its size budget.

mod browser;
mod chips;
mod compare;
mod dom;
mod entity;
mod events;
mod fatal;
mod filters;
mod keys;
mod network;
mod notices;
mod page;
mod parts;
mod reader;
mod results;
mod shared;
mod takeover;
mod timeline;

use explorer::i18n::{Strings, TextStrings, strings, text_strings};
use explorer::model::Corpus;
use explorer::query::action::{Cause, Write, history};
use explorer::query::chips::{Chip, added};
use explorer::query::eval::{Evaluation, Index};
use explorer::query::url::{Notice, names_language, parse, print};
use explorer::query::{Lang, ViewState};
use leptos::prelude::*;

/// How many results a list shows before "show more".
pub const PAGE: usize = 50;

/// Starts the app: installs the panic notice and builds the page over the embedded corpus.
pub fn start() {
    fatal::install_panic_notice();
    // The index lives as long as the page; leaking it lets every view borrow it for free.
    let corpus = match explorer::embedded::corpus() {
        Ok(corpus) => corpus,
        Err(error) => return fatal::show(&error.to_string()),
    };
    let index: &'static Index<'static> = Box::leak(Box::new(Index::new(corpus)));
    // From here the app reports its own failures: the start-up note may stay a moment (while
    // first texts come) without the start-up script taking a later error for a failed start.
    browser::set_root_flag("data-started", true);
    // A task executor for effects and a reactive owner for the page, which lives as long as
    // the page (what Leptos's mount does, without its view machinery: the page is built by
    // `page` with the DOM builder).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(move || {
        let explorer = Explorer::new(index);
        // Maybe later, from a callback: under the page's reactive owner all the same.
        let owner = Owner::current();
        let then_take_over = move || match owner {
            Some(owner) => owner.with(|| take_over(explorer)),
            None => take_over(explorer),
        };
        // A link to a search needs every text: its views count them as they come, which says
        // more than the start-up note, so the app takes over at once.
        if !explorer::embedded::TEXTS_IN_PARTS || explorer.eval.with_untracked(|e| e.waiting) {
            return then_take_over();
        }
        // With the texts in parts, the ones a first screen shows are loaded first (the build
        // preloads them with the page): what the page that replaces the pre-rendered one shows
        // at once is whole. On a connection too slow for them, the app takes over anyway, its
        // views saying which texts are still coming. (The start-up note stays meanwhile.)
        let needed = explorer.state.with_untracked(|state| {
            let eval = explorer.eval.get_untracked();
            explorer::texts::shown_documents(index.corpus, state, &eval, explorer::texts::FIRST_SCREEN)
        });
        // Someone who scrolls the pre-rendered list meanwhile has its cards' texts asked for as
        // they come near the screen, and the app then waits for those on screen too (within the
        // same time), so that the card being read does not turn into "loading".
        let cards = pre_rendered_cards(explorer);
        for &(ref card, doc) in &cards {
            parts::when_near_screen(explorer, card, doc);
        }
        let start = browser::now_ms();
        parts::when_loaded(explorer, index.texts.missing_parts(needed), Some(TEXTS_WAIT_MS), move || {
            let shown = cards.iter().filter(|(card, _)| browser::on_screen(card)).map(|&(_, doc)| doc);
            let left = f64::from(TEXTS_WAIT_MS) - (browser::now_ms() - start);
            parts::when_loaded(explorer, index.texts.missing_parts(shown), Some(left.max(0.0) as u32), then_take_over);
        });
    });
    std::mem::forget(owner);
}

/// How long the app waits for the texts of the first view before it takes over without them.
const TEXTS_WAIT_MS: u32 = 4000;

/// The pre-rendered list's cards, each with its document (see `start`).
fn pre_rendered_cards(explorer: Explorer) -> Vec<(leptos::web_sys::Element, usize)> {
    let Some(body) = browser::find("body") else { return Vec::new() };
    let cards = browser::find_all(&body, "[data-pre] .doc-card[data-doc]").into_iter();
    let doc = |card: &leptos::web_sys::Element| explorer.index.doc_index(&card.get_attribute("data-doc")?);
    cards.filter_map(|card| doc(&card).map(|d| (card, d))).collect()
}

/// Replaces the pre-rendered first view with the app's page.
fn take_over(explorer: Explorer) {
    // The start-up note goes with the page it was about (and the start-up script's failure
    // notice with it: from now on, failures are the app's to report).
    fatal::remove_boot_placeholder();
    // The first view pre-rendered in index.html goes, in the same task as the page that
    // replaces it is built: the browser never shows the gap.
    let before = takeover::take(explorer);
    // After the language switch, which reloads the page, focus is where it was (unless the
    // user has put it somewhere meanwhile). Taken first: following a link pressed before the
    // app started (`restore`) may be the language switch again, for the next page.
    let refocus = browser::take_focus_before_reload();
    events::install(explorer);
    page::mount(explorer);
    takeover::restore(before, explorer);
    if let Some(id) = refocus {
        browser::later(move || {
            if browser::nothing_focused() {
                browser::focus(&id);
            }
        });
    }
    if explorer::embedded::TEXTS_IN_PARTS {
        // Texts that could not be loaded offline are asked for again once the network is back,
        // without a press of "Try again".
        browser::on_online(move || results::retry_texts(explorer));
        // A search waits for every text, in whatever view: ask for them.
        Effect::new(move |_| {
            // Again after "Try again" (which changes `arrived`, not the evaluation).
            explorer.arrived.track();
            if explorer.eval.with(|e| e.waiting) {
                parts::want(explorer, explorer.index.texts.all_missing());
            }
        });
    }
    // The page is built and its handlers listen: the moment the app answers a click, which
    // the browser benchmark measures.
    // (`<html data-ready>`, for measurement and tests.)
    browser::set_root_flag("data-ready", true);
    // Build the search words in the background, so the first keystroke is as fast as the next
    // (once every text is known).
    let index = explorer.index;
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
    /// Shared, not copied: every region that reads it on a change gets the same evaluation.
    pub eval: Memo<std::sync::Arc<Evaluation>>,
    /// The filter alone: what the facets show depends on it, not on the open document or view
    /// (opening a passage must not rebuild the filter panel).
    pub filter: Memo<explorer::query::Filter>,
    pub index: &'static Index<'static>,
    /// The documents' human labels in the page's language (see `explorer::format::document_labels`).
    pub labels: &'static [String],
    /// How many results the lists show: a page more on "show more", one page on a new view.
    pub shown: RwSignal<usize>,
    /// Whether the filter drawer is open (phones).
    pub filters_open: RwSignal<bool>,
    /// Whether the sources facet shows every source (see `explorer::query::shown`).
    pub all_sources: RwSignal<bool>,
    /// The text typed in the actor type-ahead (not in the URL: it narrows a list, not results).
    pub actor_find: RwSignal<String>,
    /// Changes each time a part of the article texts arrives or fails to (see [`parts`]):
    /// what views that show texts track.
    pub arrived: RwSignal<usize>,
    /// An export waiting for the texts it quotes, or that could not get them.
    pub export_status: RwSignal<Option<results::ExportStatus>>,
    /// The outcome of the last "copy link", shown for a moment.
    pub copy_status: RwSignal<Option<bool>>,
    /// Whether the last change was typing in the search box (typing replaces the history
    /// entry instead of piling up one per key).
    typing: StoredValue<bool>,
    /// The filter the user added last, for "remove the last filter".
    last_added: StoredValue<Option<Chip>>,
    /// The addresses of the links that opened the dialogs on screen, the outermost first (a
    /// document opened from a profile lies over it): focus returns to each as its dialog closes.
    openers: StoredValue<Vec<String>>,
    /// The link being followed, until the effect on the dialogs sees what it opened.
    followed: StoredValue<Option<String>>,
    /// Groups of the filter panel the user closed (`data-group` keys): rebuilt lists keep them
    /// closed.
    closed_groups: StoredValue<Vec<String>>,
}

impl Explorer {
    /// The state of a page opened at the current address.
    fn new(index: &'static Index<'static>) -> Explorer {
        let query = browser::current_query();
        let (mut initial, initial_notices) = parse(&query, index.corpus);
        // A link that names no language opens in the one this device remembers.
        if !names_language(&query)
            && let Some(lang) = browser::stored_lang().and_then(|l| Lang::from_key(&l))
        {
            initial.lang = lang;
        }
        // The address bar shows the canonical link of what is on screen (bad parameters, already
        // named in the notice, are dropped); replaced, not pushed: opening a link is one entry.
        write(history(Cause::Opening, &query, &initial));
        let labels = Box::leak(explorer::format::document_labels(index.corpus, initial.lang).into_boxed_slice());
        let state = RwSignal::new(initial);
        let arrived = RwSignal::new(0);
        let eval = Memo::new(move |_| {
            state.with(|s| {
                // A search reads every text: evaluated again as parts arrive.
                if !s.filter.q.is_empty() {
                    arrived.track();
                }
                std::sync::Arc::new(index.evaluate(&s.filter))
            })
        });
        Explorer {
            labels,
            state,
            notices: RwSignal::new(initial_notices),
            eval,
            arrived,
            filter: Memo::new(move |_| state.with(|s| s.filter.clone())),
            index,
            shown: RwSignal::new(PAGE),
            filters_open: RwSignal::new(false),
            all_sources: RwSignal::new(false),
            actor_find: RwSignal::new(String::new()),
            copy_status: RwSignal::new(None),
            export_status: RwSignal::new(None),
            typing: StoredValue::new(false),
            last_added: StoredValue::new(None),
            openers: StoredValue::new(Vec::new()),
            followed: StoredValue::new(None),
            closed_groups: StoredValue::new(Vec::new()),
        }
    }

    pub fn corpus(&self) -> &'static Corpus {
        self.index.corpus
    }

    /// An actor's name in the interface language (English names in English; the articles'
    /// own text is never translated).
    pub fn actor_name(&self, actor: &'static explorer::model::Actor) -> &'static str {
        actor.name_in(self.lang() == Lang::En)
    }

    /// The human label of a document (by id): how every place names a source.
    pub fn doc_label(&self, id: &str) -> &'static str {
        self.index.doc_index(id).and_then(|i| self.labels.get(i)).map_or("?", String::as_str)
    }

    /// The state as the filter panel sees it: the filter (tracked) and the language; nothing
    /// else, so that opening a document or changing the view leaves the panel alone.
    pub fn facet_state(&self) -> ViewState {
        ViewState { filter: self.filter.get(), lang: self.state.with_untracked(|s| s.lang), ..ViewState::default() }
    }

    /// The interface language (reactive).
    pub fn lang(&self) -> Lang {
        self.state.with(|s| s.lang)
    }

    /// The interface strings (reactive).
    pub fn t(&self) -> &'static Strings {
        strings(self.lang())
    }

    /// The interface strings, without tracking: the page reloads when the language changes
    /// (see `page::mount`), so labels can be plain strings instead of one reactive closure each.
    pub fn t_now(&self) -> &'static Strings {
        strings(self.state.with_untracked(|s| s.lang))
    }

    /// The words of texts loading in parts, without tracking (as [`Explorer::t_now`]).
    pub fn text_t_now(&self) -> &'static TextStrings {
        text_strings(self.state.with_untracked(|s| s.lang))
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
        let step = history(Cause::Choice, &browser::current_query(), &next);
        if next.lang != before.lang {
            // A language chosen is remembered for links that name none — only a choice: opening
            // a link in another language does not change it. Stored before the reload, which
            // reads it when the address (French, the default) names no language.
            browser::store_lang(next.lang.key());
            // The page reloads in the new language (see `page::mount`): the address must be
            // there first, and the control used keeps focus in the new page.
            write(step);
            browser::keep_focus_over_reload();
            self.set(next);
            return;
        }
        self.set(next);
        // The view first, the address right after: writing history costs milliseconds that
        // need not delay what the user sees. Order between changes is kept.
        browser::later(move || write(step));
    }

    /// Typing in the search box: the first key of a burst pushes a history entry, the next
    /// ones replace it, so Back leaves the search in one step.
    pub fn type_query(&self, q: String) {
        let first = !self.typing.get_value();
        let mut next = self.state.get_untracked();
        next.filter.q = q;
        self.typing.set_value(true);
        self.last_added.set_value(Some(Chip::Query));
        let step = history(Cause::Typing { first }, &browser::current_query(), &next);
        self.set(next);
        browser::later(move || write(step));
    }

    /// Shows a new state; a new list of results starts again at one page, and an export that
    /// could not be made is no longer news.
    fn set(&self, next: ViewState) {
        if self.export_status.get_untracked() == Some(results::ExportStatus::Failed) {
            self.export_status.set(None);
        }
        let new_list = self.state.with_untracked(|s| s.filter != next.filter || s.view != next.view);
        if new_list {
            self.shown.set(PAGE);
        }
        self.state.set(next);
    }

    /// Back or forward: the address is the state.
    fn restore(&self) {
        self.followed.set_value(None);
        let (s, n) = parse(&browser::current_query(), self.corpus());
        self.typing.set_value(false);
        self.set(s);
        self.notices.set(n);
    }

    /// Ends a typing burst (the search box lost focus), so the next key pushes again.
    pub fn stop_typing(&self) {
        self.typing.set_value(false);
    }

    pub fn last_added(&self) -> Option<Chip> {
        self.last_added.get_value()
    }

    /// Remembers the link being followed: if it opens a dialog, focus returns to it when the
    /// dialog closes (see `keys::dialog_focus`).
    pub fn remember_opener(&self, href: &str) {
        self.followed.set_value(Some(href.to_string()));
    }

    /// The dialogs on screen are now `layers` deep: the link just followed opened the innermost
    /// (no address for the layers under it opened at once, by a link from outside or Back);
    /// returns the address of the link that opened the outermost layer closed, if one closed:
    /// that link is on what is now shown.
    pub fn dialogs_now(&self, layers: usize) -> Option<String> {
        let followed = self.followed.try_update_value(Option::take).flatten().unwrap_or_default();
        self.openers.try_update_value(|o| {
            let closed = o.drain(layers.min(o.len())..).next();
            if o.len() < layers {
                while o.len() + 1 < layers {
                    o.push(String::new());
                }
                o.push(followed);
            }
            closed
        })?
    }

    /// Whether the user closed a group of the filter panel.
    pub fn group_closed(&self, key: &str) -> bool {
        self.closed_groups.with_value(|c| c.iter().any(|k| k == key))
    }

    /// Remembers a group opened or closed by the user.
    pub fn set_group_open(&self, key: &str, open: bool) {
        self.closed_groups.update_value(|c| {
            c.retain(|k| k != key);
            if !open {
                c.push(key.to_string());
            }
        });
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

/// Writes a history step to the address bar (the rule is `explorer::query::action::history`).
fn write(step: Write) {
    match step {
        Write::Push(query) => browser::write_query(&query, true),
        Write::Replace(query) => browser::write_query(&query, false),
        Write::Nothing => {}
    }
}

/// The page title for a state, so that a tab or a bookmark says what it shows: the open
/// document or profile, else every active filter in the words of its chip and the number of
/// documents.
pub fn page_title(explorer: &Explorer) -> String {
    use explorer::query::Entity;
    use explorer::query::chips::chips as active;
    let corpus = explorer.corpus();
    let t = explorer.t();
    let state = explorer.state.get();
    // (An unknown document, refused with a notice, does not hide the profile under it.)
    let open = match (state.doc.as_deref().and_then(|id| corpus.document(id)), &state.entity) {
        (Some(doc), _) => Some(&*doc.title),
        (None, Some(Entity::Actor(id))) => corpus.actor(id).map(|a| explorer.actor_name(a)),
        (None, Some(Entity::Sector(id))) => corpus.sector(id).map(|s| explorer::i18n::sector_label(state.lang, s)),
        (None, None) => None,
    };
    if let Some(name) = open {
        return [name, " — ", t.app_title].concat();
    }
    let f = &state.filter;
    let words: Vec<String> = active(f).iter().map(|c| chips::chip_label(explorer, f, c)).collect();
    if words.is_empty() {
        return t.app_title.to_string();
    }
    // No count while a search waits for texts.
    let n = explorer.eval.with(|e| e.known(e.documents.len()));
    let n = n.map(|n| [" (", &t.count(n, explorer::i18n::Counted::Documents), ")"].concat()).unwrap_or_default();
    [&words.join(", "), &n, " — ", t.app_title].concat()
}
