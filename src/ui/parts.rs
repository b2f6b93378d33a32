//! Loads the parts of the article texts (see `explorer::texts`) when a view needs them.
//!
//! A view asks for a text with [`Explorer::text`]; a missing text has its part fetched, and
//! the view, which tracks [`Explorer::arrived`], is rendered again when the part arrives (or
//! fails: it then says so and offers to try again, never shows an empty text).
//!
//! Plain callbacks and a thread-local table, not async tasks and reactive stores: the same
//! behaviour for a fraction of the wasm (measured: 2.5 KB gzipped less).

use std::cell::RefCell;

use explorer::embedded::TEXTS_IN_PARTS;
use explorer::model::Span;
use leptos::prelude::*;

use super::{Explorer, browser};

/// Where the fetch of a part stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fetch {
    NotAsked,
    Loading,
    /// Its texts are in the store.
    Loaded,
    /// The last try failed (offline, a file missing on the host, a file of another build).
    Failed,
}

/// Code to run once some parts are no longer loading.
type Waiter = (Vec<usize>, Box<dyn FnOnce()>);

thread_local! {
    /// Per part, where its fetch stands (grown on first use).
    static FETCHES: RefCell<Vec<Fetch>> = const { RefCell::new(Vec::new()) };
    static WAITERS: RefCell<Vec<Waiter>> = const { RefCell::new(Vec::new()) };
}

fn state(part: usize) -> Fetch {
    FETCHES.with_borrow(|f| f.get(part).copied().unwrap_or(Fetch::NotAsked))
}

fn set_state(part: usize, state: Fetch) {
    FETCHES.with_borrow_mut(|f| {
        if f.len() <= part {
            f.resize(part + 1, Fetch::NotAsked);
        }
        f[part] = state;
    });
}

impl Explorer {
    /// The text of document `doc` (an index), fetching its part when it is missing. Reactive: a
    /// view that asks is rendered again when the part arrives.
    pub fn text(&self, doc: usize) -> Option<&'static str> {
        if !TEXTS_IN_PARTS {
            // Embedded, every text is there (one out of range is empty): the views' code for a
            // text on its way is dropped from the wasm.
            return Some(self.index.texts.get(doc).unwrap_or_default());
        }
        self.arrived.track();
        let text = self.index.texts.get(doc);
        if text.is_none() {
            want(*self, self.index.texts.missing_parts([doc]));
        }
        text
    }

    /// Passage `passage` of document `doc`, its place and its text, once known: with the texts
    /// in parts, a passage's place comes with its text. Reactive like [`Explorer::text`], but
    /// fetches nothing: an item of a list shows it, and asks for it when the item comes near
    /// the screen ([`when_near_screen`]), so that a long list loads the texts that are read.
    pub fn passage(&self, doc: usize, passage: usize) -> Option<(Span, &'static str)> {
        if TEXTS_IN_PARTS {
            self.arrived.track();
        }
        self.index.passage(doc, passage)
    }

    /// `words` followed by how many of the articles' texts are in and how many there are:
    /// "… textes chargés : 17 sur 70" (reactive).
    pub fn texts_in(&self, words: &str) -> String {
        self.arrived.track();
        let total = self.corpus().documents.len();
        let done = (0..total).filter(|&d| self.index.texts.get(d).is_some()).count();
        format!("{words} {done} {} {total}", self.text_t_now().of)
    }

    /// Whether the part holding document `doc`'s text failed to load.
    pub fn text_failed(&self, doc: usize) -> bool {
        self.corpus().part_of(doc).is_some_and(|p| state(p) == Fetch::Failed)
    }

    /// Whether some part failed to load.
    pub fn some_text_failed(&self) -> bool {
        FETCHES.with_borrow(|f| f.contains(&Fetch::Failed))
    }

    /// Whether one of `parts` failed to load.
    pub fn failed_among(&self, parts: &[usize]) -> bool {
        parts.iter().any(|&p| state(p) == Fetch::Failed)
    }
}

/// Fetches the parts never asked for (not those loading, loaded, or that failed: "Try again"
/// asks for these again).
pub fn want(explorer: Explorer, parts: Vec<usize>) {
    for part in parts.into_iter().filter(|&p| state(p) == Fetch::NotAsked) {
        set_state(part, Fetch::Loading);
        let file = explorer.corpus().parts[part].file.as_ref();
        browser::fetch_part(file, move |result| {
            let result = result.and_then(|bytes| {
                // A page that is not a part (a host answering with its own page) is refused before
                // it is kept; a good one is borrowed from for the life of the page.
                explorer::codec::verify_part(&bytes).map_err(|e| e.to_string())?;
                explorer.index.texts.add(part, Box::leak(bytes.into_boxed_slice())).map_err(|e| e.to_string())
            });
            if let Err(reason) = &result {
                browser::log_error(&format!("the article texts in {file} could not be loaded: {reason}"));
            }
            set_state(part, if result.is_ok() { Fetch::Loaded } else { Fetch::Failed });
            explorer.arrived.update(|n| *n += 1);
            wake();
        });
    }
}

/// Fetches the part of document `doc`'s text once `el`, which stands for it in a list, comes near
/// the screen (at once where the browser cannot tell).
pub fn when_near_screen(explorer: Explorer, el: &web_sys::Element, doc: usize) {
    let fetch = move || want(explorer, explorer.index.texts.missing_parts([doc]));
    if TEXTS_IN_PARTS && !browser::when_near_screen(el, fetch) {
        fetch();
    }
}

/// Puts the parts among `parts` that failed back to "not asked", so that they are fetched again
/// when asked for.
fn forget_failures(parts: impl IntoIterator<Item = usize>) {
    for p in parts {
        if state(p) == Fetch::Failed {
            set_state(p, Fetch::NotAsked);
        }
    }
}

/// Runs the waiters whose parts are all settled.
fn wake() {
    let ready: Vec<Waiter> = WAITERS.with_borrow_mut(|w| {
        let (ready, waiting) = std::mem::take(w).into_iter().partition(|(parts, _)| settled(parts));
        *w = waiting;
        ready
    });
    ready.into_iter().for_each(|(_, f)| f());
}

/// Whether every part has arrived or failed (not loading, nor back to "not asked" by Try again,
/// which asks for them again).
fn settled(parts: &[usize]) -> bool {
    parts.iter().all(|&p| matches!(state(p), Fetch::Loaded | Fetch::Failed))
}

/// Asks again for the parts that failed: the views that need them ask again when they are
/// rendered (see `results::retry_texts`).
pub fn retry(explorer: Explorer) {
    // (No part below the size threshold: and then none of the fetching code in the wasm.)
    if !TEXTS_IN_PARTS {
        return;
    }
    // Asked for again at once: the list items that showed them failed are not watched any more.
    let failed: Vec<usize> = (0..explorer.corpus().parts.len()).filter(|&p| state(p) == Fetch::Failed).collect();
    if failed.is_empty() {
        return;
    }
    forget_failures(failed.iter().copied());
    want(explorer, failed);
    explorer.arrived.update(|n| *n += 1);
}

/// Calls `then` once `parts` have all arrived or failed, or after `wait_ms` if given,
/// whichever is first; at once, in this task, when there is nothing to wait for. Parts that
/// failed before are asked for again.
pub fn when_loaded(explorer: Explorer, parts: Vec<usize>, wait_ms: Option<u32>, then: impl FnOnce() + 'static) {
    if !TEXTS_IN_PARTS {
        return then();
    }
    forget_failures(parts.iter().copied());
    want(explorer, parts.clone());
    // Parts that failed are loading again: the views that said so say it.
    explorer.arrived.update(|n| *n += 1);
    if settled(&parts) {
        return then();
    }
    type Shared<T> = std::rc::Rc<std::cell::Cell<Option<T>>>;
    let once: Shared<Box<dyn FnOnce()>> = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(then))));
    let timer: Shared<gloo::timers::callback::Timeout> = std::rc::Rc::new(std::cell::Cell::new(None));
    if let Some(ms) = wait_ms {
        let (once, cell) = (once.clone(), timer.clone());
        timer.set(Some(gloo::timers::callback::Timeout::new(ms, move || {
            // Not dropped from inside its own callback: forgotten (it has run).
            if let Some(t) = cell.take() {
                t.forget();
            }
            if let Some(f) = once.take() {
                f();
            }
        })));
    }
    let waiter = move || {
        // The parts came first: the timer is cancelled (it would also keep the build's
        // pre-rendering process alive until it fires).
        drop(timer.take());
        if let Some(f) = once.take() {
            f();
        }
    };
    WAITERS.with_borrow_mut(|w| w.push((parts, Box::new(waiter))));
}
