//! Every user action of the page, handled by one delegated listener per kind of event.
//!
//! Elements only carry what they mean — a link to another view (`a[data-nav]`), a button's
//! action (`data-action`), an input's id — so lists rebuilt on each change need no handlers of
//! their own, and the wasm holds one copy of each handler instead of one per element.

use explorer::date::{DateSpec, Precision};
use explorer::query::action::Action;
use leptos::prelude::*;

use super::{Explorer, PAGE, browser, keys, results};

/// Installs the listeners of the page.
pub fn install(explorer: Explorer) {
    // Back and forward: the URL is the state.
    browser::on_history_move(move || explorer.restore());
    // Every link to another view ("?…", marked data-nav) is followed here, in place: the state
    // is read from the link, pushed to history, and focus returns to the same control.
    browser::on_nav_click(move |href, focus_id| {
        let pair = explorer.state.with_untracked(|s| s.edge.clone());
        explorer.remember_opener(&href);
        explorer.follow(&href);
        if let Some(id) = focus_id {
            browser::later(move || browser::focus(&id));
        }
        // A pair chosen in the network: the head of its passages, under the drawing (below the
        // screen on a laptop), comes into view.
        if explorer.state.with_untracked(|s| s.edge.is_some() && s.edge != pair) {
            browser::later(|| browser::reveal(".edge-head"));
        }
    });
    browser::listen("click", move |event| {
        let Some(button) = browser::closest(event, "[data-action]") else { return };
        let Some(action) = button.get_attribute("data-action").as_deref().and_then(Action::parse) else { return };
        match action {
            Action::ToggleFilters if explorer.filters_open.get_untracked() => keys::close_drawer(explorer),
            Action::ToggleFilters => keys::open_drawer(explorer),
            Action::CloseFilters => keys::close_drawer(explorer),
            Action::DismissNotices => explorer.notices.set(Vec::new()),
            Action::ShowMore => {
                let first_new = explorer.shown.get_untracked() + 1;
                explorer.shown.update(|n| *n += PAGE);
                // The button may be gone (the list is whole): focus goes to the first new
                // item's link, where reading goes on.
                browser::focus_later_in_view(format!("#results-panel ol > li:nth-child({first_new}) a[href]"));
            }
            Action::AllSources => {
                explorer.all_sources.set(true);
                // The button is gone: focus goes to the first source it revealed.
                let first = explorer::query::shown::FIRST;
                browser::focus_later(format!("[data-facet=\"source\"][data-i=\"{first}\"]"));
            }
            Action::CopyLink => copy_link(explorer),
            Action::Export(format) => results::export(&explorer, format),
            Action::RetryTexts => {
                results::retry_texts(explorer);
                // The button is gone with the failure it reported: focus goes to the element it
                // names, which stays.
                if let Some(id) = button.get_attribute("data-focus-after") {
                    browser::focus_later(format!("#{id}"));
                }
            }
        }
    });
    browser::listen("input", move |event| {
        let Some(input) = browser::closest(event, "input") else { return };
        match input.id().as_str() {
            "q" => explorer.type_query(browser::input_value(&input)),
            "actor-find" => explorer.actor_find.set(browser::input_value(&input)),
            _ => {}
        }
    });
    // The search box lost focus: the typing burst ends, the next key pushes a history entry.
    browser::listen("focusout", move |event| {
        if browser::closest(event, "#q").is_some() {
            explorer.stop_typing();
        }
    });
    browser::listen_active("keydown", move |event| keys::keydown(explorer, event));
    // A group of the filter panel opened or closed: remembered for the next rebuild.
    browser::listen_capture("toggle", move |event| {
        if let Some(group) = browser::closest(event, "details[data-group]")
            && let Some(key) = group.get_attribute("data-group")
        {
            explorer.set_group_open(&key, browser::is_open(&group));
        }
    });
    keys::dialog_focus(explorer);
    browser::listen("change", move |event| {
        let Some(input) = browser::closest(event, "[data-date-input]") else { return };
        let end = input.get_attribute("data-date-input").as_deref() == Some("to");
        set_range_end(explorer, end, input_day(&browser::input_value(&input)));
    });
}

/// A day typed in a date input (`YYYY-MM-DD`), or nothing for an empty input.
fn input_day(value: &str) -> Option<DateSpec> {
    DateSpec::parse(value).ok().filter(|d| d.precision == Precision::Day)
}

/// Sets one end of the date range; a range left reversed drops its other end.
fn set_range_end(explorer: Explorer, end: bool, day: Option<DateSpec>) {
    explorer.change(|s| {
        let f = &mut s.filter;
        if end {
            f.to = day;
            f.from = f.from.filter(|from| day.is_none_or(|to| to.end >= from.start));
        } else {
            f.from = day;
            f.to = f.to.filter(|to| day.is_none_or(|from| to.end >= from.start));
        }
    })
}

/// Copies the canonical link of the current view, and says so for a moment.
fn copy_link(explorer: Explorer) {
    // The address bar already holds the canonical URL: every change writes it.
    browser::copy_text(&browser::current_url(), move |ok| {
        explorer.copy_status.set(Some(ok));
        gloo::timers::callback::Timeout::new(5000, move || explorer.copy_status.set(None)).forget();
    });
}
