//! The page: header, notices, filter panel, results, and the reader or entity panel above them.

use explorer::query::Lang;
use explorer::query::action::Action;
use explorer::query::chips::chips;
use leptos::prelude::*;

use super::dom::{self, Node, el};
use super::{Explorer, browser, chips as active, filters, notices, page_title, reader, results};

/// Builds the page into the body and keeps the title and language in step with the state.
pub fn mount(explorer: Explorer) {
    dom::append_to_body(vec![
        el("a").class("skip-link").attr("href", "#results").text(explorer.t_now().skip_to_results),
        el("a").class("skip-link").attr("href", "#filters").text(explorer.t_now().skip_to_filters),
        masthead(explorer),
        notices::notices(explorer),
        el("div").class("layout").child(filters::panel(explorer)).child(
            el("main")
                .attr("id", "results")
                .class("results")
                .attr("tabindex", "-1")
                .child(active::active_filters(explorer))
                .child(results::results(explorer)),
        ),
        reader::panel(explorer),
        footer(explorer),
    ]);
    // The title is written after the frame: setting it costs the browser milliseconds (the
    // window's title, history) that need not delay what the click shows.
    Effect::new(move |_| {
        let title = page_title(&explorer);
        browser::later(move || browser::set_title(&title));
    });
    // The language changes rarely: the page is then reloaded in the new language (from the
    // cache), so every label is a plain string — a page rebuildable in place, or one reactive
    // closure per label, would weigh tens of kilobytes of wasm.
    let lang = explorer.state.with_untracked(|s| s.lang);
    browser::set_lang(lang.key());
    Effect::new(move |_| {
        if explorer.lang() != lang {
            browser::reload();
        }
    });
}

/// The page's foot: on a host, the single-file edition to download (written next to the page
/// by the build, see `scripts/single-file.mjs`).
fn footer(explorer: Explorer) -> Node {
    let t = explorer.t_now();
    let foot = el("footer").class("site-footer");
    if browser::is_single_file() {
        return foot;
    }
    foot.child(
        el("a")
            .attr("href", "./mali-russie-explorer.html")
            .attr("download", "mali-russie-explorer.html")
            .text(t.offline_copy),
    )
    .child(el("span").class("hint").text(&[" — ", t.offline_copy_hint].concat()))
}

/// Title, and the buttons that act on the whole page.
fn masthead(explorer: Explorer) -> Node {
    let t = explorer.t_now();
    let badge = dom::keep(el("span"), move || {
        let n = explorer.state.with(|s| chips(&s.filter).len());
        if n == 0 { Vec::new() } else { vec![el("span").class("badge").text(&n.to_string())] }
    });
    let toggle = el("button")
        .class("filters-toggle")
        .attr("type", "button")
        .attr("data-action", Action::ToggleFilters.key())
        .attr("aria-controls", "filters")
        .text(t.show_filters)
        .child(badge);
    let toggle = dom::bind(toggle, move |b| {
        let _ = b.set_attribute("aria-expanded", if explorer.filters_open.get() { "true" } else { "false" });
    });
    let status = el("span").class("copy-status").attr("role", "status").attr("aria-live", "polite");
    let status = dom::bind(status, move |s| {
        let t = explorer.t_now();
        s.set_text_content(Some(match explorer.copy_status.get() {
            // Sent to someone else, a link to a file on this disk opens nothing.
            Some(true) if browser::current_url().starts_with("file:") => t.link_copied_local,
            Some(true) => t.link_copied,
            Some(false) => t.copy_failed,
            None => "",
        }));
    });
    el("header")
        .class("masthead")
        .child(el("div").class("masthead-text").child(el("h1").text(t.app_title)).child(
            el("p").class("tagline").text(&format!(
                "{} · {} {}",
                t.tagline,
                explorer.corpus().documents.len(),
                t.documents_count
            )),
        ))
        .child(
            el("div")
                .class("masthead-actions")
                .child(toggle)
                .child(
                    el("button")
                        .class("copy-link")
                        .attr("type", "button")
                        .attr("data-action", Action::CopyLink.key())
                        .text(t.copy_link),
                )
                .child(status)
                .child(language_switch(explorer)),
        )
}

/// A link to the same view in the other language (the page reloads in it).
fn language_switch(explorer: Explorer) -> Node {
    let other = match explorer.state.with_untracked(|s| s.lang) {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    let (label, hint) = match other {
        Lang::En => ("English", "Read this page in English"),
        Lang::Fr => ("Français", "Lire cette page en français"),
    };
    let link = el("a")
        .attr("id", "lang-switch")
        .class("lang-switch")
        .attr("data-nav", "")
        .attr("lang", other.key())
        .attr("hreflang", other.key())
        .attr("title", hint)
        .text(label);
    dom::bind(link, move |a| {
        let href = explorer.state.with(|_| explorer.href(&|s| s.lang = other));
        let _ = a.set_attribute("href", &href);
    })
}
