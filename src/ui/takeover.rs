//! Taking over the first view that the build wrote into `index.html` (`scripts/prerender.mjs`
//! runs this very app at build time and marks each element it built `data-pre`).
//!
//! The app builds its own page and the pre-rendered one is removed in the same task, so the
//! browser never paints between the two; what the user did meanwhile carries over: the element
//! with focus, the scroll positions (the page's, on the same card of the list, and a panel's
//! own), groups closed in the filter
//! panel, text typed in the search box and its caret. The head script of `index.html` marks a
//! link to another view `data-applying` (its results hidden until now) and keeps a link clicked
//! on the pre-rendered page as `data-pending`: the marks are removed here, the link followed.
//!
//! ```ignore
//! let before = takeover::take(explorer);  // before the page is built
//! takeover::restore(before, explorer);    // after
//! ```

use leptos::prelude::*;

use super::{Explorer, browser};

/// What can take focus, in document order: the same list in both pages when they match.
const FOCUSABLE: &str = "a[href], button, input, summary, [tabindex]";

/// The cards of the list of documents (the pre-rendered first view's, then the app's).
const CARDS: &str = ".doc-card[data-doc]";

/// What the user did with the pre-rendered page.
pub struct Before {
    /// The position of the focused element among the focusable ones, and their number.
    focus: Option<(usize, usize)>,
    scroll: (f64, f64),
    /// The card at the top of the screen, and how far below the top it started: the app's page
    /// puts it back there (its cards need not have the same heights as the pre-rendered ones,
    /// so the same scroll position could show other cards).
    anchor: Option<(String, f64)>,
    /// Parts that scroll on their own (the filter panel on a wide screen): id, left, top.
    parts: Vec<(String, i32, i32)>,
    typed: String,
    /// Where the caret stood in the search box, if it had focus.
    caret: Option<(u32, u32)>,
}

/// Removes the pre-rendered page, remembering what the user did with it; nothing if the page
/// has none (a build without it, or a second start).
pub fn take(explorer: Explorer) -> Option<Before> {
    let body = browser::find("body")?;
    // Only the top-level elements are marked.
    let pre = browser::find_all(&body, "[data-pre]");
    if pre.is_empty() {
        return None;
    }
    // Before it is removed, the pre-rendered page is all that can take focus in the body.
    let focusables = browser::find_all(&body, FOCUSABLE);
    let focus =
        browser::active_element().and_then(|a| focusables.iter().position(|e| *e == a)).map(|i| (i, focusables.len()));
    for group in browser::find_all(&body, "[data-pre] details[data-group]:not([open])") {
        if let Some(key) = group.get_attribute("data-group") {
            explorer.set_group_open(&key, false);
        }
    }
    let q = browser::find("[data-pre] #q");
    let typed = q.as_ref().map(browser::input_value).unwrap_or_default();
    let caret = q.filter(|q| browser::active_element().as_ref() == Some(q)).and_then(|q| browser::caret(&q));
    let scroll = browser::scroll_position();
    // Only when the pre-rendered list is the one the app shows: a link to another view hides it
    // (`data-applying`), save for the same view in English.
    let same_list = browser::root_flag("data-applying").is_none_or(|view| view == "en-page");
    let on_screen = || browser::find_all(&body, CARDS).into_iter().find(browser::on_screen);
    let anchor = same_list
        .then(on_screen)
        .flatten()
        .and_then(|card| Some((card.get_attribute("data-doc")?, browser::top_on_screen(&card))));
    let parts = pre.iter().flat_map(browser::scrolled_parts).collect();
    for p in pre {
        p.remove();
    }
    Some(Before { focus, scroll, anchor, parts, typed, caret })
}

/// After the app has built its page: focus, scroll and typed text back, and the page no longer
/// "applying" a link.
pub fn restore(before: Option<Before>, explorer: Explorer) {
    // The "applying your filters" state, set by the head script of `index.html` for a link to
    // another view than the pre-rendered one.
    browser::set_root_flag("data-applying", false);
    // A link followed before the app had started: followed now, as a click (one history step).
    if let Some(href) = browser::take_pending("data-pending") {
        explorer.remember_opener(&href);
        // Focus comes back to the link, as after any click (see `events`); first at once, for a
        // link whose view reloads the page (the language switch keeps the focused element).
        let id = browser::take_pending("data-pending-id").filter(|id| !id.is_empty());
        if let Some(id) = &id {
            browser::focus(id);
        }
        explorer.follow(&href);
        if let Some(id) = id {
            browser::later(move || browser::focus(&id));
        }
        return;
    }
    // A button pressed before: pressed now, on the app's page.
    if let Some(button) = browser::take_pending("data-pending-action")
        .and_then(|action| explorer::query::action::Action::parse(&action))
        .and_then(|action| browser::find(&format!("[data-action=\"{}\"]", action.key())))
    {
        browser::click(&button);
    }
    let Some(before) = before else { return };
    if !before.typed.is_empty() && explorer.state.with_untracked(|s| s.filter.q != before.typed) {
        if let Some(q) = browser::find("#q") {
            browser::set_input_value(&q, &before.typed);
        }
        explorer.type_query(before.typed);
    }
    if before.scroll != (0.0, 0.0) {
        // For this frame (the stylesheet reads `data-settling`): scrolling at once, not smoothly,
        // and every card laid out — those far from the screen are not (`content-visibility`),
        // and the app's are new, with no size yet: the card read would be placed by estimates.
        // Their sizes are remembered after the frame.
        browser::set_root_flag("data-settling", true);
        browser::scroll_to_position(before.scroll);
        let body = browser::find("body");
        let same = |doc: &String| {
            let mut cards = browser::find_all(body.as_ref()?, CARDS).into_iter();
            cards.find(|c| c.get_attribute("data-doc").as_ref() == Some(doc))
        };
        if let Some((card, top)) = before.anchor.as_ref().and_then(|(doc, top)| Some((same(doc)?, top))) {
            let (x, y) = browser::scroll_position();
            browser::scroll_to_position((x, y + browser::top_on_screen(&card) - top));
        }
        browser::after_next_frame(|| browser::set_root_flag("data-settling", false));
    }
    for (id, left, top) in &before.parts {
        browser::scroll_part(id, *left, *top);
    }
    // Focus goes back only when the page has the same focusable elements, in the same order
    // (the same view): otherwise the position would name another element.
    if let (Some((at, count)), Some(body)) = (before.focus, browser::find("body")) {
        let now = browser::find_all(&body, FOCUSABLE);
        if now.len() == count
            && let Some(el) = now.get(at)
        {
            browser::focus_element(el);
        }
    }
    if let (Some(caret), Some(q)) = (before.caret, browser::find("#q")) {
        browser::set_caret(&q, caret);
    }
}
