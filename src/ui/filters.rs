//! The filter panel: search, sectors (a tree), actors (by side and kind, with type-ahead),
//! dates (range and histogram), sources. Always visible on desktop, a drawer on a phone.
//!
//! Every value shows how many documents it would give with the other filters applied; a
//! value that would give none is disabled, not hidden.

use explorer::date::DateSpec;
use explorer::embedded::TEXTS_IN_PARTS;
use explorer::format::{date, month_short};
use explorer::i18n::{Counted, sector_label, strings};
use explorer::model::{ActorKind, Side};
use explorer::query::Filter;
use explorer::query::ViewState;
use explorer::query::action::Action;
use explorer::query::eval::Evaluation;
use explorer::query::eval::{Bucket, Unit};
use explorer::query::shown::{hidden, shown};
use explorer::text::fold;
use leptos::prelude::*;

use super::dom::{self, Node, el};
use super::{Explorer, browser};

/// The filter panel.
pub fn panel(explorer: Explorer) -> Node {
    let t = explorer.t_now();
    let aside = el("aside")
        .attr("id", "filters")
        .attr("tabindex", "-1")
        .attr("aria-label", t.filters)
        .child(
            el("div").class("filters-head").child(el("h2").text(t.filters)).child(
                el("button")
                    .class("filters-close")
                    .attr("type", "button")
                    .attr("data-action", Action::CloseFilters.key())
                    .text(t.close_filters),
            ),
        )
        .child(search_box(explorer))
        .child(date_facet(explorer))
        .child(sector_facet(explorer))
        .child(actor_facet(explorer))
        .child(source_facet(explorer))
        .child(claims_facet(explorer))
        .child(apply_button(explorer));
    dom::bind(aside, move |a| {
        a.set_class_name(if explorer.filters_open.get() { "filters open" } else { "filters" });
    })
}

/// On a phone, the drawer's sticky footer: how many documents the filters give, and the
/// button that closes the drawer to show them.
fn apply_button(explorer: Explorer) -> Node {
    let button =
        el("button").class("filters-apply").attr("type", "button").attr("data-action", Action::CloseFilters.key());
    dom::keep(button, move || {
        let n = explorer.eval.with(|e| e.known(e.documents.len()));
        let t = explorer.t();
        let n = match n {
            Some(n) => t.count(n, Counted::Documents),
            // A search waiting for the texts (only with the texts in parts): why there is no
            // count, where the drawer hides the results that say it.
            None if TEXTS_IN_PARTS => explorer.texts_in(explorer.text_t_now().texts_loaded),
            None => "…".to_string(),
        };
        vec![el("span").text(&[t.show_results, " (", &n, ")"].concat())]
    })
}

/// A facet: a fieldset with its legend.
fn facet(class: &str, legend: &str) -> Node {
    el("fieldset").class(class).child(el("legend").text(legend))
}

/// The search box; typing is handled in `events`.
fn search_box(explorer: Explorer) -> Node {
    let t = explorer.t_now();
    let input = el("input")
        .attr("id", "q")
        .attr("type", "search")
        .attr("autocomplete", "off")
        .attr("spellcheck", "false")
        .attr("placeholder", t.search_placeholder);
    let input = dom::bind(input, move |i| explorer.filter.with(|f| browser::set_input_value(i, &f.q)));
    el("div").class("facet search").child(el("label").attr("for", "q").text(t.search_label)).child(input)
}

/// One facet value: a link that toggles it (so it can be shared or opened in a new tab), with
/// its count ("…" while a search waits for texts). A value that would give nothing is shown
/// disabled, without a link.
fn facet_value(facet: &str, id: &str, label: &str, count: Option<usize>, checked: bool, href: &str) -> Node {
    let disabled = count == Some(0) && !checked;
    let count = count.map_or_else(|| "…".to_string(), |n| n.to_string());
    let class = match (checked, disabled) {
        (true, _) => "facet-value checked",
        (false, true) => "facet-value disabled",
        _ => "facet-value",
    };
    // A link (shareable, opens in a new tab) that is a checkbox to assistive technology; Space
    // toggles it like Enter (see `keys`).
    el("a")
        .class(class)
        .attr("id", &format!("f-{facet}-{id}"))
        .attr("role", "checkbox")
        .attr("aria-checked", if checked { "true" } else { "false" })
        .attr_opt("href", (!disabled).then_some(href))
        .attr_opt("aria-disabled", disabled.then_some("true"))
        .attr("data-nav", "")
        .attr("data-facet", facet)
        .attr("data-value", id)
        .attr("data-count", &count)
        .child(el("span").class("box").attr("aria-hidden", "true"))
        .child(el("span").class("facet-label").text(label))
        .child(el("span").class("count").text(&count))
}

/// One sector of the tree, with its count.
fn sector_value(explorer: &Explorer, e: &Evaluation, state: &ViewState, i: usize) -> Node {
    let sector = &explorer.corpus().sectors[i];
    let id = sector.id.as_ref();
    let checked = state.filter.sectors.iter().any(|s| s == id);
    let label = sector_label(state.lang, sector);
    let href = explorer.href(&|s| Filter::toggle(&mut s.filter.sectors, id));
    facet_value("sector", id, label, e.known(e.sector_counts[i]), checked, &href)
}

fn sector_facet(explorer: Explorer) -> Node {
    let corpus = explorer.corpus();
    let children_of = move |parent: Option<&str>| -> Vec<usize> {
        corpus.sectors.iter().enumerate().filter(|(_, s)| s.parent.as_deref() == parent).map(|(i, _)| i).collect()
    };
    let tree = dom::keep(el("div"), move || {
        let e = explorer.eval.get();
        let state = explorer.facet_state();
        let roots = children_of(None)
            .into_iter()
            .map(|i| {
                let kids: Vec<Node> = children_of(Some(corpus.sectors[i].id.as_ref()))
                    .into_iter()
                    .map(|c| el("li").child(sector_value(&explorer, &e, &state, c)))
                    .collect();
                let sub = (!kids.is_empty()).then(|| el("ul").children(kids));
                el("li").child(sector_value(&explorer, &e, &state, i)).child_opt(sub)
            })
            .collect();
        vec![el("ul").class("tree").children(roots)]
    });
    facet("facet", explorer.t_now().facet_sector).child(tree)
}

fn actor_facet(explorer: Explorer) -> Node {
    let corpus = explorer.corpus();
    let t = explorer.t_now();
    // Folded names and aliases, once: "goita" finds Goïta.
    let haystacks: Vec<String> = corpus
        .actors
        .iter()
        .map(|a| {
            fold(
                &std::iter::once(a.name.as_ref())
                    .chain(a.name_en.as_deref())
                    .chain(a.aliases.iter().map(|x| x.as_ref()))
                    .collect::<Vec<_>>()
                    .join(" | "),
            )
        })
        .collect();
    let sides = [Side::Mali, Side::Russia, Side::Niger, Side::Other];
    let kinds =
        [ActorKind::Person, ActorKind::Organisation, ActorKind::Institution, ActorKind::Country, ActorKind::Place];
    let list = dom::keep(el("div"), move || {
        let needle = fold(explorer.actor_find.get().trim());
        let e = explorer.eval.get();
        let state = explorer.facet_state();
        let t = strings(state.lang);
        let shown: Vec<usize> =
            (0..corpus.actors.len()).filter(|&i| needle.is_empty() || haystacks[i].contains(&needle)).collect();
        sides
            .into_iter()
            .filter_map(|side| {
                let in_side: Vec<usize> = shown.iter().copied().filter(|&i| corpus.actors[i].side == side).collect();
                if in_side.is_empty() {
                    return None;
                }
                // "Russie et son camp": the whole side as one value, first in its group.
                let whole = e.side_counts.iter().find(|(s, _)| *s == side).map(|&(_, count)| {
                    let key = side.key();
                    let checked = state.filter.sides.iter().any(|x| x == key);
                    let href = explorer.href(&|s| Filter::toggle(&mut s.filter.sides, key));
                    let label = super::chips::side_label(&explorer, key);
                    facet_value("side", key, &label, e.known(count), checked, &href).attr("title", t.side_and_camp_help)
                });
                let groups: Vec<Node> = kinds
                    .into_iter()
                    .filter_map(|kind| {
                        let members: Vec<Node> = in_side
                            .iter()
                            .copied()
                            .filter(|&i| corpus.actors[i].kind == kind)
                            .map(|i| {
                                let a = &corpus.actors[i];
                                let id = a.id.as_ref();
                                let checked = state.filter.actors.iter().any(|x| x == id);
                                let href = explorer.href(&|s| Filter::toggle(&mut s.filter.actors, id));
                                facet_value(
                                    "actor",
                                    id,
                                    explorer.actor_name(a),
                                    e.known(e.actor_counts[i]),
                                    checked,
                                    &href,
                                )
                            })
                            .collect();
                        (!members.is_empty())
                            .then(|| el("div").class("actor-kind").child(el("h4").text(t.kind(kind))).children(members))
                    })
                    .collect();
                Some(
                    // Open, unless the user closed it: a rebuild keeps it as they left it.
                    el("details")
                        .class("actor-side")
                        .attr("data-group", side.key())
                        .attr_opt("open", (!explorer.group_closed(side.key())).then_some(""))
                        .child(el("summary").text(t.side(side)))
                        .child_opt(whole)
                        .children(groups),
                )
            })
            .collect()
    });
    facet("facet", t.facet_actor)
        .child(el("label").class("sr-only").attr("for", "actor-find").text(t.actor_filter_label))
        .child(
            el("input")
                .attr("id", "actor-find")
                .attr("type", "search")
                .attr("autocomplete", "off")
                .attr("placeholder", t.actor_filter_placeholder),
        )
        .child(list)
}

/// Two switches on the facts: only those whose sources contradict each other, only those a
/// single article reports.
fn claims_facet(explorer: Explorer) -> Node {
    let list = dom::keep(el("div"), move || {
        let e = explorer.eval.get();
        let state = explorer.facet_state();
        let t = strings(state.lang);
        let f = &state.filter;
        vec![
            facet_value(
                "claims",
                "disputed",
                t.only_disputed,
                e.known(e.disputed_count),
                f.disputed,
                &explorer.href(&|s| s.filter.disputed = !s.filter.disputed),
            ),
            facet_value(
                "claims",
                "single",
                t.only_single,
                e.known(e.single_count),
                f.single,
                &explorer.href(&|s| s.filter.single = !s.filter.single),
            ),
        ]
    });
    facet("facet", explorer.t_now().facet_claims).child(list)
}

fn source_facet(explorer: Explorer) -> Node {
    let corpus = explorer.corpus();
    let list = dom::keep(el("div"), move || {
        let e = explorer.eval.get();
        let state = explorer.facet_state();
        let is_checked = |i: usize| state.filter.sources.iter().any(|s| **s == *corpus.documents[i].id);
        // One value per article: a long list shows its first values until asked for all.
        let shown = shown(corpus.documents.len(), explorer.all_sources.get(), is_checked);
        let mut values: Vec<Node> = shown
            .iter()
            .map(|&i| {
                let id = corpus.documents[i].id.as_ref();
                let href = explorer.href(&|s| Filter::toggle(&mut s.filter.sources, id));
                facet_value("source", id, &explorer.labels[i], e.known(e.source_counts[i]), is_checked(i), &href)
                    .attr("data-i", &i.to_string())
            })
            .collect();
        let left = hidden(corpus.documents.len(), &shown);
        if left > 0 {
            values.push(
                el("button")
                    .class("show-more facet-more")
                    .attr("type", "button")
                    .attr("data-action", Action::AllSources.key())
                    .text(&format!("{} ({})", strings(state.lang).all_sources, corpus.documents.len())),
            );
        }
        values
    });
    facet("facet", explorer.t_now().facet_source).child(list)
}

/// A bucket as a date range of its own precision (a month, or a day).
fn bucket_range(bucket: &Bucket, unit: Unit) -> DateSpec {
    match unit {
        Unit::Day => DateSpec::day(bucket.start),
        Unit::Month => {
            DateSpec::month(bucket.start.year, bucket.start.month).unwrap_or_else(|| DateSpec::day(bucket.start))
        }
    }
}

/// The "from" (or, with `end`, the "to") date input; a change is handled in `events`.
fn date_input(explorer: Explorer, label: &str, end: bool) -> Node {
    let input = el("input").attr("type", "date").attr("data-date-input", if end { "to" } else { "from" });
    let input = dom::bind(input, move |i| {
        let (from, to) = explorer.filter.with(|f| f.range());
        let day = if end { to } else { from };
        browser::set_input_value(i, &day.map(|d| d.to_string()).unwrap_or_default());
        // Some engines (WebKit) draw today's date in an empty field: it must look empty.
        let _ = i.set_attribute("class", if day.is_none() { "date-empty" } else { "" });
    });
    el("label").child(el("span").text(label)).child(input)
}

/// The bar index of an event's target (`data-i` on the bar or an ancestor).
fn bar_index(ev: &leptos::web_sys::Event) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<leptos::web_sys::Element>().ok()?;
    target.closest("[data-i]").ok()??.get_attribute("data-i")?.parse().ok()
}

/// Marks the bars between `a` and `z` (inclusive) as being brushed.
fn show_brush(host: &leptos::web_sys::Element, range: Option<(usize, usize)>) {
    use wasm_bindgen::JsCast;
    let Ok(bars) = host.query_selector_all("[data-i]") else { return };
    for k in 0..bars.length() {
        let Some(bar) = bars.item(k).and_then(|n| n.dyn_into::<leptos::web_sys::Element>().ok()) else { continue };
        let i: usize = bar.get_attribute("data-i").and_then(|v| v.parse().ok()).unwrap_or(usize::MAX);
        let on = range.is_some_and(|(a, z)| (a.min(z)..=a.max(z)).contains(&i));
        let _ = bar.class_list().toggle_with_force("selecting", on);
    }
}

/// The histogram's bars.
fn histogram_bars(explorer: &Explorer, e: &Evaluation, state: &ViewState) -> Vec<Node> {
    let histogram = &e.histogram;
    let lang = state.lang;
    let t = strings(lang);
    let (from, to) = state.filter.range();
    let max = histogram
        .buckets
        .iter()
        .map(|b| b.count)
        .chain(histogram.earlier.iter().map(|b| b.count))
        .max()
        .unwrap_or(0)
        .max(1);
    let height = |count: usize| format!("{}%", 8 + count * 92 / max);
    // While a search waits for texts, a bar's count is not known: "…", not a zero.
    let zero = |count: usize| e.known(count) == Some(0);
    let count_words = |count: usize| e.known(count).map_or_else(|| "…".to_string(), |n| t.count(n, Counted::Documents));
    let mut items = Vec::new();
    // One tab stop for the whole chart (arrow keys move between bars, see `keys`): the first
    // bar of the selected range, else the first bar.
    let stop = histogram
        .buckets
        .iter()
        .position(|b| from.is_some_and(|f| b.end >= f) || to.is_some_and(|t| b.start <= t))
        .map_or(0, |i| i + usize::from(histogram.earlier.is_some()));
    let tabindex = |k: usize| if k == stop { "0" } else { "-1" };
    if let Some(b) = &histogram.earlier {
        // The bar says where it ends: "avant juin 2023" selects up to 31 May 2023.
        let first = b.end.next();
        let label = format!("{} {}", t.earlier, month_short(lang, first.year, first.month));
        let end = DateSpec::day(b.end);
        let href = explorer.href(&|s| {
            s.filter.from = None;
            s.filter.to = Some(end);
        });
        let aria = [label.as_str(), t.colon, &count_words(b.count)].concat();
        items.push(
            el("li")
                .class("earlier")
                .child(
                    el("a")
                        .class(if zero(b.count) { "bar zero" } else { "bar" })
                        .attr("href", &href)
                        .attr("data-nav", "")
                        .attr("aria-label", &aria)
                        .attr("title", &aria)
                        .attr("data-bucket", "earlier")
                        .attr("data-roving-item", "")
                        .attr("tabindex", tabindex(0))
                        .attr("data-count", &b.count.to_string())
                        .child(el("span").class("fill").style("height", &height(b.count))),
                )
                // Its label: an arrow, the bar's own words being "avant juin 2025".
                .child(el("span").class("bar-label").attr("aria-hidden", "true").text("◀")),
        );
    }
    // About five labels whatever the number of bars; every bar keeps its aria-label.
    let label_every = histogram.buckets.len().div_ceil(5).max(1);
    for (i, b) in histogram.buckets.iter().enumerate() {
        let label = match histogram.unit {
            Unit::Month => month_short(lang, b.start.year, b.start.month),
            Unit::Day => date(lang, &DateSpec::day(b.start)),
        };
        let in_range =
            (from.is_some() || to.is_some()) && from.is_none_or(|f| b.end >= f) && to.is_none_or(|t| b.start <= t);
        let class = match (in_range, zero(b.count)) {
            (true, _) => "bar in-range",
            (false, true) => "bar zero",
            _ => "bar",
        };
        let aria = [label.as_str(), t.colon, &count_words(b.count)].concat();
        let button = el("button")
            .class(class)
            .attr("type", "button")
            .attr("data-i", &i.to_string())
            .attr("aria-label", &aria)
            .attr("title", &aria)
            .attr("data-bucket", &b.start.to_string())
            .attr("data-roving-item", "")
            .attr("tabindex", tabindex(i + usize::from(histogram.earlier.is_some())))
            .attr("data-count", &b.count.to_string())
            .child(el("span").class("fill").style("height", &height(b.count)));
        let shown = i.is_multiple_of(label_every).then_some(label);
        items.push(
            el("li")
                .child(button)
                .child(el("span").class("bar-label").attr("aria-hidden", "true").text(shown.as_deref().unwrap_or(""))),
        );
    }
    let (class, why) = match histogram.unit {
        Unit::Day => ("histogram daily", t.unplaced_day),
        Unit::Month => ("histogram", t.unplaced_month),
    };
    // Results the bars do not show (every bar of a month's days may be empty while the list is
    // not): how many, and why. Under bars of days the line keeps its room, empty or not, so
    // that a click in the facets below does not move them.
    let unplaced =
        e.known(histogram.unplaced).filter(|&n| n > 0).map(|n| format!("{}{why}", t.count(n, Counted::Documents)));
    let note = (unplaced.is_some() || histogram.unit == Unit::Day).then(|| {
        el("p").class("hint unplaced").attr("id", "histogram-unplaced").text(unplaced.as_deref().unwrap_or_default())
    });
    let chart = el("ol")
        .class(class)
        .attr("data-roving", "")
        .attr("aria-label", t.histogram_label)
        .attr("aria-describedby", "histogram-help histogram-unplaced")
        .children(items);
    [Some(chart), note].into_iter().flatten().collect()
}

fn date_facet(explorer: Explorer) -> Node {
    let t = explorer.t_now();
    let histogram = dom::keep(el("div").class("histogram-host"), move || {
        histogram_bars(&explorer, &explorer.eval.get(), &explorer.facet_state())
    });
    let histogram = dom::on_mount(histogram, move |host| brushing(explorer, host));
    facet("facet dates", t.facet_date)
        .child(
            el("div")
                .class("date-inputs")
                .child(date_input(explorer, t.date_from, false))
                .child(date_input(explorer, t.date_to, true)),
        )
        .child(el("p").class("hint").attr("id", "histogram-help").text(t.histogram_help))
        .child(histogram)
}

/// Brushing the histogram: press on a bar, move over others, release; a click (or Enter) on
/// one bar selects its period. One set of handlers for all the bars.
fn brushing(explorer: Explorer, host: &leptos::web_sys::Element) {
    let brush: StoredValue<Option<(usize, usize)>> = StoredValue::new(None);
    let h = host.clone();
    let finish = std::rc::Rc::new(move |i: usize| {
        let (a, z) = brush.get_value().unwrap_or((i, i));
        brush.set_value(None);
        // The bars' "selecting" marks are set on the page directly, not by the description of
        // the chart: they go before it is rebuilt.
        show_brush(&h, None);
        let (a, z) = (a.min(z), a.max(z));
        let (unit, first, last) = explorer.eval.with_untracked(|e| {
            (e.histogram.unit, e.histogram.buckets.get(a).cloned(), e.histogram.buckets.get(z).cloned())
        });
        if let (Some(first), Some(last)) = (first, last) {
            explorer.change(|s| {
                s.filter.from = Some(bucket_range(&first, unit));
                s.filter.to = Some(bucket_range(&last, unit));
            });
            // The chart is rebuilt (months become days): focus stays on it, on its tab stop.
            browser::focus_later(".histogram [tabindex=\"0\"]".to_string());
        }
    });
    let finish_up = finish.clone();
    let h = host.clone();
    browser::listen_on(host, "pointerdown", move |ev| {
        if let Some(i) = bar_index(ev) {
            brush.set_value(Some((i, i)));
            show_brush(&h, Some((i, i)));
        }
    });
    let h = host.clone();
    browser::listen_on(host, "pointerover", move |ev| {
        if let (Some(i), Some((a, _))) = (bar_index(ev), brush.get_value()) {
            brush.set_value(Some((a, i)));
            show_brush(&h, Some((a, i)));
        }
    });
    let h = host.clone();
    browser::listen_on(host, "pointerleave", move |_| {
        brush.set_value(None);
        show_brush(&h, None);
    });
    // A press and release already chose the period: the click that follows is theirs (the bar
    // under the pointer may meanwhile stand for a day of that month).
    let released: StoredValue<bool> = StoredValue::new(false);
    browser::listen_on(host, "pointerup", move |ev| {
        // A drag ends here: its click would land on the bars' common ancestor.
        if let (Some(i), Some(_)) = (bar_index(ev), brush.get_value()) {
            released.set_value(true);
            finish_up(i);
        }
    });
    browser::listen_on(host, "click", move |ev| {
        // Keyboard (Enter or Space on a bar), or a click a pointer-up already handled.
        if released.get_value() {
            released.set_value(false);
            return;
        }
        if let Some(i) = bar_index(ev) {
            finish(i);
        }
    });
}
