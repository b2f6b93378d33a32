//! The filter panel: search, sectors (a tree), actors (by side and kind, with type-ahead),
//! dates (range and histogram), sources. Always visible on desktop, a drawer on a phone.
//!
//! Every value shows how many documents it would give with the other filters applied; a
//! value that would give none is disabled, not hidden.

use explorer::date::{DateSpec, Day, Precision};
use explorer::format::{date, month_short};
use explorer::i18n::{Strings, sector_label, strings};
use explorer::model::{ActorKind, Side};
use explorer::query::Filter;
use explorer::query::ViewState;
use explorer::query::eval::Evaluation;
use explorer::query::eval::{Bucket, Unit};
use explorer::text::fold;
use leptos::prelude::*;

use super::dom::{self, Node, el};
use super::{Explorer, use_explorer};

#[component]
pub fn FilterPanel(open: RwSignal<bool>) -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.t_now();
    view! {
        <aside id="filters" class="filters" class:open=move || open.get() aria-label=t.filters>
            <div class="filters-head">
                <h2>{t.filters}</h2>
                <button class="filters-close" on:click=move |_| open.set(false)>
                    {t.close_filters}
                </button>
            </div>
            <SearchBox />
            <DateFacet />
            <SectorFacet />
            <ActorFacet />
            <SourceFacet />
        </aside>
    }
}

#[component]
fn SearchBox() -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.t_now();
    view! {
        <div class="facet search">
            <label for="q">{t.search_label}</label>
            <input
                id="q"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=t.search_placeholder
                prop:value=move || explorer.state.with(|s| s.filter.q.clone())
                on:input=move |ev| explorer.type_query(event_target_value(&ev))
                on:blur=move |_| explorer.stop_typing()
            />
        </div>
    }
}

/// One facet value: a link that toggles it (so it can be shared or opened in a new tab), with
/// its count. A value that would give nothing is shown disabled, without a link.
fn facet_value(t: &Strings, facet: &str, id: &str, label: &str, count: usize, checked: bool, href: &str) -> Node {
    let disabled = count == 0 && !checked;
    let class = match (checked, disabled) {
        (true, _) => "facet-value checked",
        (false, true) => "facet-value disabled",
        _ => "facet-value",
    };
    el("a")
        .class(class)
        .attr("id", &format!("f-{facet}-{id}"))
        .attr_opt("href", (!disabled).then_some(href))
        .attr_opt("aria-disabled", disabled.then_some("true"))
        .attr("data-nav", "")
        .attr("data-facet", facet)
        .attr("data-value", id)
        .attr("data-count", &count.to_string())
        .child(el("span").class("box").attr("aria-hidden", "true"))
        .child_opt(checked.then(|| el("span").class("sr-only").text(&format!("{} : ", t.selected))))
        .child(el("span").class("facet-label").text(label))
        .child(el("span").class("count").text(&count.to_string()))
}

/// One sector of the tree, with its count.
fn sector_value(explorer: &Explorer, e: &Evaluation, state: &ViewState, i: usize) -> Node {
    let sector = &explorer.corpus().sectors[i];
    let id = sector.id.as_ref();
    let checked = state.filter.sectors.iter().any(|s| s == id);
    let label = sector_label(state.lang, sector);
    let href = explorer.href(&|s| Filter::toggle(&mut s.filter.sectors, id));
    facet_value(strings(state.lang), "sector", id, label, e.sector_counts[i], checked, &href)
}

#[component]
fn SectorFacet() -> impl IntoView {
    let explorer = use_explorer();
    let corpus = explorer.corpus();
    let t = explorer.t_now();
    let children_of = move |parent: Option<&str>| -> Vec<usize> {
        corpus.sectors.iter().enumerate().filter(|(_, s)| s.parent.as_deref() == parent).map(|(i, _)| i).collect()
    };
    view! {
        <fieldset class="facet">
            <legend>{t.facet_sector}</legend>
            {dom::host("tree-host", move || {
                let e = explorer.eval.get();
                let state = explorer.state.get();
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
            })}
        </fieldset>
    }
}

#[component]
fn ActorFacet() -> impl IntoView {
    let explorer = use_explorer();
    let corpus = explorer.corpus();
    let t = explorer.t_now();
    let find = RwSignal::new(String::new());
    // Folded names and aliases, once: "goita" finds Goïta.
    let haystacks: Vec<String> = corpus
        .actors
        .iter()
        .map(|a| {
            fold(
                &std::iter::once(a.name.as_ref())
                    .chain(a.aliases.iter().map(|x| x.as_ref()))
                    .collect::<Vec<_>>()
                    .join(" | "),
            )
        })
        .collect();
    let haystacks = StoredValue::new(haystacks);
    let sides = [Side::Mali, Side::Russia, Side::Niger, Side::Other];
    let kinds =
        [ActorKind::Person, ActorKind::Organisation, ActorKind::Institution, ActorKind::Country, ActorKind::Place];
    view! {
        <fieldset class="facet">
            <legend>{t.facet_actor}</legend>
            <label class="sr-only" for="actor-find">
                {t.actor_filter_label}
            </label>
            <input
                id="actor-find"
                type="search"
                autocomplete="off"
                placeholder=t.actor_filter_placeholder
                prop:value=move || find.get()
                on:input=move |ev| find.set(event_target_value(&ev))
            />
            {dom::host("actors-host", move || {
                let needle = fold(find.get().trim());
                let e = explorer.eval.get();
                let state = explorer.state.get();
                let t = strings(state.lang);
                let shown: Vec<usize> = (0..corpus.actors.len())
                    .filter(|&i| needle.is_empty() || haystacks.with_value(|h| h[i].contains(&needle)))
                    .collect();
                sides
                    .into_iter()
                    .filter_map(|side| {
                        let in_side: Vec<usize> = shown.iter().copied().filter(|&i| corpus.actors[i].side == side).collect();
                        if in_side.is_empty() {
                            return None;
                        }
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
                                        facet_value(t, "actor", id, &a.name, e.actor_counts[i], checked, &href)
                                    })
                                    .collect();
                                (!members.is_empty())
                                    .then(|| el("div").class("actor-kind").child(el("h4").text(t.kind(kind))).children(members))
                            })
                            .collect();
                        Some(el("details").class("actor-side").attr("open", "").child(el("summary").text(t.side(side))).children(groups))
                    })
                    .collect()
            })}
        </fieldset>
    }
}

#[component]
fn SourceFacet() -> impl IntoView {
    let explorer = use_explorer();
    let corpus = explorer.corpus();
    let t = explorer.t_now();
    view! {
        <fieldset class="facet">
            <legend>{t.facet_source}</legend>
            {dom::host("sources-host", move || {
                let e = explorer.eval.get();
                let state = explorer.state.get();
                let t = strings(state.lang);
                corpus
                    .documents
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let id = d.id.as_ref();
                        let checked = state.filter.sources.iter().any(|s| s == id);
                        let outlet = d.outlet.as_deref().unwrap_or(t.unknown_outlet);
                        let title: String = d.title.chars().take(60).collect();
                        let ellipsis = if d.title.chars().count() > 60 { "…" } else { "" };
                        let label = format!("{outlet} — {title}{ellipsis}");
                        let href = explorer.href(&|s| Filter::toggle(&mut s.filter.sources, id));
                        facet_value(t, "source", id, &label, e.source_counts[i], checked, &href)
                    })
                    .collect()
            })}
        </fieldset>
    }
}

/// A day typed in a date input (`YYYY-MM-DD`), or nothing for an empty input.
fn input_day(value: &str) -> Option<DateSpec> {
    DateSpec::parse(value).ok().filter(|d| d.precision == Precision::Day)
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

/// The "from" (or, with `end`, the "to") date input. A range left reversed by a change drops
/// its other end.
fn date_input(label: &'static str, end: bool) -> impl IntoView {
    let explorer = use_explorer();
    let day_value = move |d: Option<Day>| d.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <label>
            <span>{label}</span>
            <input
                type="date"
                data-date-input=if end { "to" } else { "from" }
                prop:value=move || {
                    let (from, to) = explorer.state.with(|s| s.filter.range());
                    day_value(if end { to } else { from })
                }
                on:change=move |ev| {
                    let day = input_day(&event_target_value(&ev));
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
            />
        </label>
    }
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
    let height = |count: usize| format!("height: {}%", 8 + count * 92 / max);
    let mut items = Vec::new();
    if let Some(b) = &histogram.earlier {
        let label = format!("{} {}", t.earlier, b.end.year + 1);
        let end = DateSpec::day(b.end);
        let href = explorer.href(&|s| {
            s.filter.from = None;
            s.filter.to = Some(end);
        });
        let aria = format!("{label} : {} {}", b.count, t.documents_count);
        items.push(
            el("li").class("earlier").child(
                el("a")
                    .class(if b.count == 0 { "bar zero" } else { "bar" })
                    .attr("href", &href)
                    .attr("data-nav", "")
                    .attr("aria-label", &aria)
                    .attr("title", &aria)
                    .attr("data-bucket", "earlier")
                    .attr("data-count", &b.count.to_string())
                    .child(el("span").class("fill").attr("style", &height(b.count))),
            ),
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
        let class = match (in_range, b.count == 0) {
            (true, _) => "bar in-range",
            (false, true) => "bar zero",
            _ => "bar",
        };
        let aria = format!("{label} : {} {}", b.count, t.documents_count);
        let button = el("button")
            .class(class)
            .attr("type", "button")
            .attr("data-i", &i.to_string())
            .attr("aria-label", &aria)
            .attr("title", &aria)
            .attr("data-bucket", &b.start.to_string())
            .attr("data-count", &b.count.to_string())
            .child(el("span").class("fill").attr("style", &height(b.count)));
        let shown = i.is_multiple_of(label_every).then_some(label);
        items.push(
            el("li")
                .child(button)
                .child(el("span").class("bar-label").attr("aria-hidden", "true").text(shown.as_deref().unwrap_or(""))),
        );
    }
    let class = if histogram.unit == Unit::Day { "histogram daily" } else { "histogram" };
    vec![
        el("ol")
            .class(class)
            .attr("aria-label", t.histogram_label)
            .attr("aria-describedby", "histogram-help")
            .children(items),
    ]
}

#[component]
fn DateFacet() -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.t_now();
    let brush: StoredValue<Option<(usize, usize)>> = StoredValue::new(None);
    let set_range = move |from: Option<DateSpec>, to: Option<DateSpec>| {
        explorer.change(|s| {
            s.filter.from = from;
            s.filter.to = to;
        })
    };
    let host = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let e = explorer.eval.get();
        let state = explorer.state.get();
        if let Some(host) = host.get() {
            dom::fill(&host, histogram_bars(&explorer, &e, &state));
        }
    });
    // Brushing: press on a bar, move over others, release; a click (or Enter) on one bar
    // selects its period. One set of handlers for all the bars.
    let finish = move |i: usize| {
        let (a, z) = brush.get_value().unwrap_or((i, i));
        brush.set_value(None);
        let (a, z) = (a.min(z), a.max(z));
        let (unit, first, last) = explorer.eval.with_untracked(|e| {
            (e.histogram.unit, e.histogram.buckets.get(a).cloned(), e.histogram.buckets.get(z).cloned())
        });
        if let (Some(first), Some(last)) = (first, last) {
            set_range(Some(bucket_range(&first, unit)), Some(bucket_range(&last, unit)));
        }
    };
    view! {
        <fieldset class="facet dates">
            <legend>{t.facet_date}</legend>
            <div class="date-inputs">{date_input(t.date_from, false)} {date_input(t.date_to, true)}</div>
            <p class="hint" id="histogram-help">{t.histogram_help}</p>
            <div
                class="histogram-host"
                node_ref=host
                on:pointerdown=move |ev| {
                    if let Some(i) = bar_index(&ev) {
                        brush.set_value(Some((i, i)));
                        if let Some(h) = host.get_untracked() {
                            show_brush(&h, Some((i, i)));
                        }
                    }
                }
                on:pointerover=move |ev| {
                    if let (Some(i), Some((a, _))) = (bar_index(&ev), brush.get_value()) {
                        brush.set_value(Some((a, i)));
                        if let Some(h) = host.get_untracked() {
                            show_brush(&h, Some((a, i)));
                        }
                    }
                }
                on:pointerleave=move |_| {
                    brush.set_value(None);
                    if let Some(h) = host.get_untracked() {
                        show_brush(&h, None);
                    }
                }
                on:pointerup=move |ev| {
                    // A drag ends here: its click would land on the bars' common ancestor.
                    if let (Some(i), Some(_)) = (bar_index(&ev), brush.get_value()) {
                        finish(i);
                    }
                }
                on:click=move |ev| {
                    // Keyboard (Enter or Space on a bar), or a click a pointer-up already handled.
                    if let Some(i) = bar_index(&ev) {
                        finish(i);
                    }
                }
            ></div>
        </fieldset>
    }
}
