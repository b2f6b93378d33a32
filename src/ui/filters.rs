//! The filter panel: search, sectors (a tree), actors (by side and kind, with type-ahead),
//! dates (range and histogram), sources. Always visible on desktop, a drawer on a phone.
//!
//! Every value shows how many documents it would give with the other filters applied; a
//! value that would give none is disabled, not hidden.

use explorer::date::{DateSpec, Day, Precision};
use explorer::format::{date, month_short};
use explorer::model::{ActorKind, Side};
use explorer::query::eval::{Bucket, Unit};
use explorer::query::{Filter, Lang};
use explorer::text::fold;
use leptos::prelude::*;

use super::use_explorer;

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
fn facet_value(
    facet: &'static str,
    id: String,
    label: String,
    count: usize,
    checked: bool,
    href: String,
) -> impl IntoView {
    let disabled = count == 0 && !checked;
    let t = use_explorer().t_now();
    view! {
        <a
            class="facet-value"
            class:checked=checked
            class:disabled=disabled
            id=format!("f-{facet}-{id}")
            href=(!disabled).then_some(href)
            aria-disabled=disabled.then_some("true")
            data-nav=""
            data-facet=facet
            data-value=id
            data-count=count.to_string()
        >
            <span class="box" aria-hidden="true"></span>
            {checked.then(|| view! { <span class="sr-only">{t.selected} " : "</span> })}
            <span class="facet-label">{label}</span>
            <span class="count">{count}</span>
        </a>
    }
}

/// One sector of the tree, with its count.
fn sector_value(i: usize) -> impl IntoView {
    let explorer = use_explorer();
    let sector = &explorer.corpus().sectors[i];
    let id = sector.id.to_string();
    let count = explorer.eval.with(|e| e.sector_counts[i]);
    let checked = explorer.state.with(|s| s.filter.sectors.contains(&id));
    let label = if explorer.lang() == Lang::Fr { sector.label_fr.to_string() } else { sector.label_en.to_string() };
    let href = explorer.href(|s| Filter::toggle(&mut s.filter.sectors, &id));
    facet_value("sector", id, label, count, checked, href)
}

#[component]
fn SectorFacet() -> impl IntoView {
    let explorer = use_explorer();
    let corpus = explorer.corpus();
    let t = explorer.t_now();
    let children_of = |parent: Option<&str>| -> Vec<usize> {
        corpus.sectors.iter().enumerate().filter(|(_, s)| s.parent.as_deref() == parent).map(|(i, _)| i).collect()
    };
    view! {
        <fieldset class="facet">
            <legend>{t.facet_sector}</legend>
            <ul class="tree">
                {move || {
                    children_of(None)
                        .into_iter()
                        .map(|i| {
                            let kids = children_of(Some(corpus.sectors[i].id.as_ref()));
                            let kids = (!kids.is_empty()).then(|| {
                                view! { <ul>{kids.into_iter().map(|c| view! { <li>{sector_value(c)}</li> }).collect_view()}</ul> }
                            });
                            view! { <li>{sector_value(i)} {kids}</li> }
                        })
                        .collect_view()
                }}
            </ul>
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
            {move || {
                let needle = fold(find.get().trim());
                let shown: Vec<usize> = (0..corpus.actors.len())
                    .filter(|&i| needle.is_empty() || haystacks.with_value(|h| h[i].contains(&needle)))
                    .collect();
                sides
                    .into_iter()
                    .filter_map(|side| {
                        let in_side: Vec<usize> = shown.iter().copied().filter(|&i| corpus.actors[i].side == side).collect();
                        (!in_side.is_empty()).then(|| {
                            let groups = kinds
                                .into_iter()
                                .filter_map(|kind| {
                                    let members: Vec<usize> = in_side.iter().copied().filter(|&i| corpus.actors[i].kind == kind).collect();
                                    (!members.is_empty()).then(|| {
                                        view! {
                                            <div class="actor-kind">
                                                <h4>{t.kind(kind)}</h4>
                                                {members
                                                    .into_iter()
                                                    .map(|i| {
                                                        let a = &corpus.actors[i];
                                                        let id = a.id.to_string();
                                                        let count = explorer.eval.with(|e| e.actor_counts[i]);
                                                        let checked = explorer.state.with(|s| s.filter.actors.contains(&id));
                                                        let href = explorer.href(|s| Filter::toggle(&mut s.filter.actors, &id));
                                                        facet_value("actor", id, a.name.to_string(), count, checked, href)
                                                    })
                                                    .collect_view()}
                                            </div>
                                        }
                                    })
                                })
                                .collect_view();
                            view! {
                                <details class="actor-side" open=true>
                                    <summary>{t.side(side)}</summary>
                                    {groups}
                                </details>
                            }
                        })
                    })
                    .collect_view()
            }}
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
            {move || {
                corpus
                    .documents
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let id = d.id.to_string();
                        let count = explorer.eval.with(|e| e.source_counts[i]);
                        let checked = explorer.state.with(|s| s.filter.sources.contains(&id));
                        let outlet = d.outlet.as_deref().unwrap_or(t.unknown_outlet);
                        let title: String = d.title.chars().take(60).collect();
                        let ellipsis = if d.title.chars().count() > 60 { "…" } else { "" };
                        let label = format!("{outlet} — {title}{ellipsis}");
                        let href = explorer.href(|s| Filter::toggle(&mut s.filter.sources, &id));
                        facet_value("source", id, label, count, checked, href)
                    })
                    .collect_view()
            }}
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

#[component]
fn DateFacet() -> impl IntoView {
    let explorer = use_explorer();
    let t = explorer.t_now();
    let brush_from: RwSignal<Option<usize>> = RwSignal::new(None);
    let brush_to: RwSignal<Option<usize>> = RwSignal::new(None);
    let set_range = move |from: Option<DateSpec>, to: Option<DateSpec>| {
        explorer.change(|s| {
            s.filter.from = from;
            s.filter.to = to;
        })
    };
    let day_value = move |d: Option<Day>| d.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <fieldset class="facet dates">
            <legend>{t.facet_date}</legend>
            <div class="date-inputs">
                <label>
                    <span>{t.date_from}</span>
                    <input
                        type="date"
                        data-date-input="from"
                        prop:value=move || day_value(explorer.state.with(|s| s.filter.range().0))
                        on:change=move |ev| {
                            let from = input_day(&event_target_value(&ev));
                            let to = explorer.state.with_untracked(|s| s.filter.to);
                            let to = to.filter(|to| from.is_none_or(|f| to.end >= f.start));
                            set_range(from, to)
                        }
                    />
                </label>
                <label>
                    <span>{t.date_to}</span>
                    <input
                        type="date"
                        data-date-input="to"
                        prop:value=move || day_value(explorer.state.with(|s| s.filter.range().1))
                        on:change=move |ev| {
                            let to = input_day(&event_target_value(&ev));
                            let from = explorer.state.with_untracked(|s| s.filter.from);
                            let from = from.filter(|from| to.is_none_or(|t| t.end >= from.start));
                            set_range(from, to)
                        }
                    />
                </label>
            </div>
            <p class="hint" id="histogram-help">{t.histogram_help}</p>
            {move || {
                let histogram = explorer.eval.with(|e| e.histogram.clone());
                let lang = explorer.lang();
                let (from, to) = explorer.state.with(|s| s.filter.range());
                let max = histogram.buckets.iter().map(|b| b.count).chain(histogram.earlier.iter().map(|b| b.count)).max().unwrap_or(0).max(1);
                let unit = histogram.unit;
                let buckets = histogram.buckets.clone();
                // About eight labels whatever the number of bars; every bar keeps its aria-label.
                let label_every = histogram.buckets.len().div_ceil(8).max(1);
                let bar = move |i: usize, b: &Bucket, label: String| {
                    let show_label = i % label_every == 0;
                    let in_range = from.is_none_or(|f| b.end >= f) && to.is_none_or(|t| b.start <= t) && (from.is_some() || to.is_some());
                    let height = format!("height: {}%", 8 + b.count * 92 / max);
                    let aria = format!("{label} : {} {}", b.count, t.documents_count);
                    let selecting = move || match (brush_from.get(), brush_to.get()) {
                        (Some(a), Some(z)) => (a.min(z)..=a.max(z)).contains(&i),
                        _ => false,
                    };
                    let range = bucket_range(b, unit);
                    view! {
                        <li>
                            <button
                                class="bar"
                                class:in-range=in_range
                                class:selecting=selecting
                                class:zero=b.count == 0
                                aria-label=aria.clone()
                                title=aria
                                data-bucket=b.start.to_string()
                                data-count=b.count.to_string()
                                on:pointerdown=move |_| {
                                    brush_from.set(Some(i));
                                    brush_to.set(Some(i));
                                }
                                on:pointerenter=move |_| {
                                    if brush_from.get_untracked().is_some() {
                                        brush_to.set(Some(i));
                                    }
                                }
                                on:click=move |_| {
                                    // A click (mouse or keyboard) ends a brush or selects one bar.
                                    let (a, z) = (brush_from.get_untracked().unwrap_or(i), brush_to.get_untracked().unwrap_or(i));
                                    brush_from.set(None);
                                    brush_to.set(None);
                                    let (a, z) = (a.min(z), a.max(z));
                                    let first = explorer.eval.with_untracked(|e| e.histogram.buckets.get(a).cloned());
                                    let last = explorer.eval.with_untracked(|e| e.histogram.buckets.get(z).cloned());
                                    if let (Some(first), Some(last)) = (first, last) {
                                        set_range(Some(bucket_range(&first, unit)), Some(bucket_range(&last, unit)));
                                    } else {
                                        set_range(Some(range), Some(range));
                                    }
                                }
                            >
                                <span class="fill" style=height></span>
                            </button>
                            <span class="bar-label" aria-hidden="true">{show_label.then(|| label.clone())}</span>
                        </li>
                    }
                };
                let earlier = histogram.earlier.clone().map(|b| {
                    let label = format!("{} {}", t.earlier, b.end.year + 1);
                    let end = DateSpec::day(b.end);
                    let aria = format!("{label} : {} {}", b.count, t.documents_count);
                    view! {
                        <li class="earlier">
                            <button
                                class="bar"
                                class:zero=b.count == 0
                                aria-label=aria.clone()
                                title=aria
                                data-bucket="earlier"
                                data-count=b.count.to_string()
                                on:click=move |_| set_range(None, Some(end))
                            >
                                <span class="fill" style=format!("height: {}%", 8 + b.count * 92 / max)></span>
                            </button>
                            <span class="bar-label" aria-hidden="true">{label}</span>
                        </li>
                    }
                });
                view! {
                    <ol
                        class="histogram"
                        class:daily=unit == Unit::Day
                        aria-label=t.histogram_label
                        aria-describedby="histogram-help"
                        on:pointerleave=move |_| {
                            brush_from.set(None);
                            brush_to.set(None);
                        }
                    >
                        {earlier}
                        {buckets
                            .iter()
                            .enumerate()
                            .map(|(i, b)| {
                                let label = match unit {
                                    Unit::Month => month_short(lang, b.start.year, b.start.month),
                                    Unit::Day => date(lang, &DateSpec::day(b.start)),
                                };
                                bar(i, b, label)
                            })
                            .collect_view()}
                    </ol>
                }
            }}
        </fieldset>
    }
}
