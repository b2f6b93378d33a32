//! The keyboard: what a dialog, a checkbox, a tab list and a bar chart do with keys, handled by
//! one delegated `keydown` listener (see `events`).
//!
//! - The phone's filter drawer takes focus when it opens, keeps Tab inside, closes on Escape
//!   and gives focus back to its button.
//! - The reader and entity pages are dialogs: Tab stays inside, Escape closes them. Opening one
//!   moves focus to its title; closing one gives focus back to the link that opened it (found
//!   again by its address: lists are rebuilt in between).
//! - Facet values are links that act as checkboxes: Space toggles them, like Enter.
//! - In a tab list and in the histogram (`data-roving`), one item is a tab stop and the arrow
//!   keys, Home and End move between items.

use explorer::query::Entity;
use leptos::prelude::*;
use leptos::web_sys;

use super::{Explorer, browser};

/// What can be focused inside a dialog.
const FOCUSABLE: &str = "a[href], button, input, [tabindex=\"0\"]";

/// Handles one keydown.
pub fn keydown(explorer: Explorer, event: &web_sys::Event) {
    let Some((key, shift)) = browser::key_of(event) else { return };
    // The phone's filter drawer covers the page: Tab stays in it, Escape closes it.
    if let Some(drawer) = browser::find(".filters.open") {
        match key.as_str() {
            "Escape" => {
                event.prevent_default();
                close_drawer(explorer);
                return;
            }
            "Tab" => return trap(event, &drawer, shift),
            _ => {}
        }
    }
    if let Some(dialog) = browser::find("[role=dialog]") {
        match key.as_str() {
            "Escape" => {
                if let Some(href) = browser::find(".reader-close").and_then(|c| c.get_attribute("href")) {
                    event.prevent_default();
                    explorer.follow(&href);
                }
                return;
            }
            "Tab" => return trap(event, &dialog, shift),
            _ => {}
        }
    }
    // Enter in the actor type-ahead picks the first actor it shows.
    if key == "Enter"
        && browser::closest(event, "#actor-find").is_some()
        && let Some(first) = browser::find(".actor-side a[data-facet=actor][href]")
        && let Some(href) = first.get_attribute("href")
    {
        event.prevent_default();
        explorer.follow(&href);
        return;
    }
    if key == " "
        && let Some(checkbox) = browser::closest(event, "a[role=checkbox]")
    {
        // A checkbox toggles with Space (a link alone would scroll the page).
        event.prevent_default();
        if let Some(href) = checkbox.get_attribute("href") {
            explorer.follow(&href);
            let id = checkbox.id();
            browser::later(move || browser::focus(&id));
        }
        return;
    }
    let step: i32 = match key.as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        "Home" => i32::MIN,
        "End" => i32::MAX,
        _ => return,
    };
    let Some(group) = browser::closest(event, "[data-roving]") else { return };
    let items = browser::find_all(&group, "[data-roving-item]");
    let Some(current) = browser::closest(event, "[data-roving-item]") else { return };
    let Some(at) = items.iter().position(|i| *i == current) else { return };
    let last = items.len() as i32 - 1;
    let next = match step {
        i32::MIN => 0,
        i32::MAX => last,
        s => (at as i32 + s).rem_euclid(last + 1),
    };
    event.prevent_default();
    if let Some(item) = items.get(next as usize) {
        rove(&items, item);
    }
}

/// Opens the phone's filter drawer and moves focus into it.
pub fn open_drawer(explorer: Explorer) {
    explorer.filters_open.set(true);
    browser::focus_later(".filters-close".to_string());
}

/// Closes the drawer and gives focus back to the button that opens it.
pub fn close_drawer(explorer: Explorer) {
    explorer.filters_open.set(false);
    browser::focus_later(".filters-toggle".to_string());
}

/// Makes `item` the one tab stop of its group and focuses it.
fn rove(items: &[web_sys::Element], item: &web_sys::Element) {
    for i in items {
        let _ = i.set_attribute("tabindex", if i == item { "0" } else { "-1" });
    }
    browser::focus_element(item);
}

/// Keeps Tab inside the dialog: past the last control it goes back to the first, and back.
fn trap(event: &web_sys::Event, dialog: &web_sys::Element, shift: bool) {
    let controls = browser::find_all(dialog, FOCUSABLE);
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else { return };
    let active = browser::active_element();
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    let wrap = match (shift, &active) {
        (_, _) if !inside => Some(if shift { last } else { first }),
        (true, Some(a)) if a == first => Some(last),
        (false, Some(a)) if a == last => Some(first),
        _ => None,
    };
    if let Some(target) = wrap {
        event.prevent_default();
        browser::focus_element(target);
    }
}

/// Focus follows the dialogs: into the title when one opens (a profile, a document, or a
/// document opened from a profile, over it), back to the link that opened it when it closes
/// (or to the dialog under it, or to the results).
pub fn dialog_focus(explorer: Explorer) {
    Effect::new(move |was: Option<(Option<String>, Option<Entity>)>| {
        let now = explorer.state.with(|s| (s.doc.clone(), s.entity.clone()));
        let depth = |(d, e): &(Option<String>, Option<Entity>)| usize::from(d.is_some()) + usize::from(e.is_some());
        let (layers, still_open) = (depth(&now), depth(&now) > 0);
        // The first run counts the dialogs the page opened with (a link, or one followed before
        // the app started, whose opener it keeps).
        let closed = explorer.dialogs_now(layers);
        // On the first run, a dialog the page opened with (a link): focus in it, as for a click,
        // unless the user has put it somewhere already.
        let first = was.is_none();
        if was.as_ref().is_some_and(|was| layers < depth(was)) {
            browser::later(move || {
                // Within the dialog still open, if one is: the page under it has links to the
                // same views.
                let back = closed
                    .filter(|href| !href.is_empty())
                    .and_then(|href| {
                        browser::find_all(&browser::find(if still_open { "[role=dialog]" } else { "body" })?, "a[href]")
                            .into_iter()
                            .find(|a| a.get_attribute("href").as_deref() == Some(href.as_str()))
                    })
                    .or_else(|| browser::find(if still_open { "#reader-title" } else { "#results" }));
                if let Some(el) = back {
                    browser::focus_element(&el);
                }
            })
        } else if still_open && was.as_ref() != Some(&now) {
            browser::later(move || {
                if let Some(title) = browser::find("#reader-title").filter(|_| !first || browser::nothing_focused()) {
                    browser::focus_element(&title);
                }
            })
        }
        now
    });
}
