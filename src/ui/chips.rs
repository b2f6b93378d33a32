//! Active filters as chips.

use explorer::format::range_end;
use explorer::i18n::{sector_label, strings};
use explorer::query::Filter;
use explorer::query::chips::{Chip, chips, remove};
use leptos::prelude::*;

use super::Explorer;
use super::dom::{self, Node, el};

/// The words of a chip.
pub fn chip_label(explorer: &Explorer, filter: &Filter, chip: &Chip) -> String {
    let corpus = explorer.corpus();
    let lang = explorer.lang();
    let t = explorer.t();
    match chip {
        Chip::Sector(id) => corpus.sector(id).map(|s| sector_label(lang, s).to_string()).unwrap_or_else(|| id.clone()),
        Chip::Actor(id) => corpus.actor(id).map(|a| explorer.actor_name(a).to_string()).unwrap_or_else(|| id.clone()),
        Chip::Side(key) => side_label(explorer, key),
        Chip::Source(id) => explorer.doc_label(id).to_string(),
        Chip::Disputed => t.only_disputed.to_string(),
        Chip::Single => t.only_single.to_string(),
        Chip::From => filter.from.map(|d| range_end(lang, &d, false)).unwrap_or_default(),
        Chip::To => filter.to.map(|d| range_end(lang, &d, true)).unwrap_or_default(),
        Chip::Query => format!("« {} »", filter.q),
    }
}

/// "Russie et son camp": a side as a filter value, named by its country.
pub fn side_label(explorer: &Explorer, key: &str) -> String {
    let corpus = explorer.corpus();
    let country = explorer::model::Side::from_key(key).and_then(|s| corpus.country_of(s));
    let name = country.map_or(key, |c| explorer.actor_name(c));
    [name, explorer.t().side_and_camp].concat()
}

/// Chips of the active filters, each removable (a link without it), and "clear all".
pub fn active_filters(explorer: Explorer) -> Node {
    dom::keep(el("div"), move || {
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
                let aria = [t.remove_filter, t.colon, &label].concat();
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
