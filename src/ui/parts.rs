//! Loads the parts of the article texts (see `explorer::texts`) when a view needs them.
//!
//! A view asks for a text with [`Explorer::text`]; a missing text has its part fetched, and
//! the view, which tracks [`Explorer::arrived`], is rendered again when the part arrives (or
//! fails: it then says so and offers to try again, never shows an empty text).

use explorer::model::Span;
use leptos::prelude::*;

use super::{Explorer, browser};

/// Where the fetch of a part stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    /// Not asked for, or its texts are known.
    Idle,
    Loading,
    /// The last try failed (offline, a file missing on the host, a file of another build).
    Failed,
}

impl Explorer {
    /// The text of document `doc` (an index), fetching its part when it is missing. Reactive: a
    /// view that asks is rendered again when the part arrives.
    pub fn text(&self, doc: usize) -> Option<&'static str> {
        self.arrived.track();
        let text = self.index.texts.get(doc);
        if text.is_none() {
            want(*self, self.index.texts.missing_parts([doc]));
        }
        text
    }

    /// The text of a span of document `doc`, once known (see [`Explorer::text`]).
    pub fn slice(&self, doc: usize, span: Span) -> Option<&'static str> {
        self.text(doc).map(|t| t.get(span.start..span.end).unwrap_or_default())
    }

    /// Whether the part holding document `doc`'s text failed to load.
    pub fn text_failed(&self, doc: usize) -> bool {
        self.corpus().part_of(doc).is_some_and(|p| self.fetch_state(p) == Fetch::Failed)
    }

    /// Whether some part failed to load.
    pub fn some_text_failed(&self) -> bool {
        self.fetches.with_value(|f| f.contains(&Fetch::Failed))
    }

    fn fetch_state(&self, part: usize) -> Fetch {
        self.fetches.with_value(|f| f.get(part).copied().unwrap_or(Fetch::Idle))
    }
}

/// Fetches the parts not known nor already on their way.
pub fn want(explorer: Explorer, parts: Vec<usize>) {
    for part in parts {
        let idle = explorer.fetches.try_update_value(|f| match f.get_mut(part) {
            Some(state) if *state == Fetch::Idle => {
                *state = Fetch::Loading;
                true
            }
            _ => false,
        });
        if idle != Some(true) {
            continue;
        }
        let file = explorer.corpus().parts[part].file.as_ref();
        leptos::task::spawn_local(async move {
            let result = browser::fetch_part(file).await.and_then(|bytes| {
                // Texts are borrowed from the part's bytes for the life of the page.
                explorer.index.texts.add(part, Box::leak(bytes.into_boxed_slice())).map_err(|e| e.to_string())
            });
            let state = match result {
                Ok(()) => Fetch::Idle,
                Err(reason) => {
                    browser::log_error(&format!("the article texts in {file} could not be loaded: {reason}"));
                    Fetch::Failed
                }
            };
            explorer.fetches.update_value(|f| f[part] = state);
            explorer.arrived.update(|n| *n += 1);
        });
    }
}

/// Tries the parts that failed again (the "try again" button).
pub fn retry(explorer: Explorer) {
    explorer.fetches.update_value(|f| f.iter_mut().filter(|s| **s == Fetch::Failed).for_each(|s| *s = Fetch::Idle));
    explorer.arrived.update(|n| *n += 1);
}

/// Calls `then` once `parts` have all arrived or failed, or after `wait_ms` if given,
/// whichever is first.
pub fn when_loaded(explorer: Explorer, parts: Vec<usize>, wait_ms: Option<u32>, then: impl FnOnce() + 'static) {
    want(explorer, parts.clone());
    let settled = move || parts.iter().all(|&p| explorer.fetch_state(p) != Fetch::Loading);
    // Nothing to wait for (the texts are embedded, or known): now, in this task.
    if settled() {
        return then();
    }
    let then = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
    let run = move || {
        if let Some(f) = then.take() {
            f();
        }
    };
    if let Some(ms) = wait_ms {
        let run = run.clone();
        gloo::timers::callback::Timeout::new(ms, move || run()).forget();
    }
    Effect::new(move |_| {
        explorer.arrived.track();
        if settled() {
            run();
        }
    });
}
