//! The timeline of events and agreements, in date order, each on an SVG track of a shared
//! time axis: a day is a point, a month or an approximate period is a span, planned items are
//! dashed, undated ones come last without a mark. Each lists its sources.

use explorer::date::{DateSpec, Day, Precision};
use explorer::format::{date, month_short};
use explorer::i18n::{agreement_status, event_kind, precision};
use explorer::model::{AgreementStatus, EventStatus, Source};
use explorer::query::Lang;
use leptos::prelude::*;

use super::use_explorer;

/// A row of the timeline.
struct Item {
    id: &'static str,
    is_event: bool,
    title: &'static str,
    kind: &'static str,
    date: Option<DateSpec>,
    planned: bool,
    note: Option<&'static str>,
    sources: &'static [Source],
}

/// Horizontal position (0–1000) of a day on the axis. Integers: SVG needs no more, and
/// formatting floats would add kilobytes to the wasm.
fn x_of(day: Day, domain: (Day, Day)) -> i64 {
    let (a, b) = (domain.0.ordinal(), domain.1.ordinal() + 1);
    ((day.ordinal() - a) * 1000 / (b - a).max(1)).clamp(0, 1000)
}

#[component]
pub fn Timeline() -> impl IntoView {
    let explorer = use_explorer();
    move || {
        let corpus = explorer.corpus();
        let lang = explorer.lang();
        let t = explorer.t();
        let e = explorer.eval.get();
        let fr = lang == Lang::Fr;
        let mut items: Vec<Item> = e
            .events
            .iter()
            .map(|&i| {
                let ev = &corpus.events[i];
                Item {
                    id: &ev.id,
                    is_event: true,
                    title: if fr { &ev.title_fr } else { &ev.title_en },
                    kind: event_kind(lang, ev.kind),
                    date: ev.date,
                    planned: ev.status == EventStatus::Planned,
                    note: if fr { ev.note_fr.as_deref() } else { ev.note_en.as_deref() },
                    sources: &ev.sources,
                }
            })
            .chain(e.agreements.iter().map(|&i| {
                let a = &corpus.agreements[i];
                Item {
                    id: &a.id,
                    is_event: false,
                    title: if fr { &a.title_fr } else { &a.title_en },
                    kind: agreement_status(lang, a.status),
                    date: a.date,
                    planned: matches!(a.status, AgreementStatus::Planned | AgreementStatus::Proposed),
                    note: if fr { a.note_fr.as_deref() } else { a.note_en.as_deref() },
                    sources: &a.sources,
                }
            }))
            .collect();
        // Date order; undated items last.
        items.sort_by_key(|it| (it.date.is_none(), it.date.map(|d| (d.start, d.end))));
        let cutoff = explorer.index.period_start();
        let recent = |d: &DateSpec| cutoff.is_none_or(|c| d.end >= c);
        let dated: Vec<DateSpec> = items.iter().filter_map(|it| it.date).filter(recent).collect();
        let domain = match (dated.iter().map(|d| d.start).min(), dated.iter().map(|d| d.end).max()) {
            (Some(a), Some(b)) => (Day { day: 1, ..a }, Day::end_of_month(b.year, b.month).unwrap_or(b)),
            _ => (Day { year: 2025, month: 1, day: 1 }, Day { year: 2025, month: 12, day: 31 }),
        };
        // Month ticks of the axis.
        let mut ticks = Vec::new();
        let (mut y, mut m) = (domain.0.year, domain.0.month);
        while (y, m) <= (domain.1.year, domain.1.month) {
            ticks.push((x_of(Day { year: y, month: m, day: 1 }, domain), month_short(lang, y, m)));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        let label_every = ticks.len().div_ceil(8).max(1);
        let axis = view! {
            <svg class="tl-axis" viewBox="0 0 1000 24" preserveAspectRatio="none" aria-hidden="true">
                {ticks
                    .iter()
                    .enumerate()
                    .map(|(k, (x, label))| {
                        view! {
                            <line x1=*x x2=*x y1="14" y2="24" class="tick"></line>
                            {(k % label_every == 0).then(|| view! { <text x=x + 4 y="11" class="tick-label">{label.clone()}</text> })}
                        }
                    })
                    .collect_view()}
            </svg>
        };
        let rows = items
            .into_iter()
            .map(|it| {
                let mark = it.date.map(|d| {
                    if !recent(&d) {
                        // Far before the period (e.g. 1960): an arrow at the left edge.
                        return view! { <path d="M 14 2 L 2 8 L 14 14 Z" class="tl-mark earlier"></path> }.into_any();
                    }
                    let (x0, x1) = (x_of(d.start, domain), x_of(next(d.end), domain));
                    if d.precision == Precision::Day {
                        view! { <rect x=(x0 - 5).max(0) y="2" width="10" height="12" rx="5" class="tl-mark point"></rect> }.into_any()
                    } else {
                        view! { <rect x=x0 y="4" width=(x1 - x0).max(6) height="8" rx="2" class="tl-mark span"></rect> }.into_any()
                    }
                });
                let when = match it.date {
                    Some(d) => format!("{} · {}", date(lang, &d), precision(lang, d.precision)),
                    None => t.undated.to_string(),
                };
                let badge = if it.is_event { t.event } else { t.agreement };
                let sources = it
                    .sources
                    .iter()
                    .map(|s| {
                        let doc_index = corpus.documents.iter().position(|d| d.id == s.doc).unwrap_or(0);
                        let doc = &corpus.documents[doc_index];
                        let passage = doc.passage_of(s.span).or_else(|| doc.passages.iter().position(|p| p.end > s.span.start));
                        let id = s.doc.to_string();
                        let href = explorer.href(|st| {
                            st.doc = Some(id.clone());
                            st.passage = passage;
                        });
                        let outlet = doc.outlet.as_deref().unwrap_or(t.unknown_outlet);
                        view! {
                            <li>
                                <q>{doc.slice(s.span).to_string()}</q>
                                " — "
                                <a href=href data-nav="">
                                    {outlet.to_string()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li
                        class="tl-item"
                        class:planned=it.planned
                        data-event=it.id
                        data-kind=if it.is_event { "event" } else { "agreement" }
                        data-date=it.date.map(|d| d.to_syntax()).unwrap_or_default()
                    >
                        <svg class="tl-track" viewBox="0 0 1000 16" preserveAspectRatio="none" aria-hidden="true">
                            <line x1="0" x2="1000" y1="8" y2="8" class="tl-rule"></line>
                            {mark}
                        </svg>
                        <div class="tl-body">
                            <p class="tl-when">
                                <span class="tl-badge">{badge}</span>
                                " "
                                {it.kind}
                                {it.planned.then(|| view! { <span class="tl-planned">{t.planned}</span> })}
                                " · "
                                {when}
                            </p>
                            <h3 class="tl-title">{it.title}</h3>
                            {it.note.map(|n| view! { <p class="tl-note">{n}</p> })}
                            <details class="tl-sources">
                                <summary>{t.sources} " (" {it.sources.len()} ")"</summary>
                                <ul>{sources}</ul>
                            </details>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <figure class="timeline" aria-label=t.timeline_label>
                {axis}
                <ol class="tl-list">{rows}</ol>
            </figure>
        }
    }
}

/// The day after `d` (the end of a span is inclusive).
fn next(d: Day) -> Day {
    Day::new(d.year, d.month, d.day + 1).or_else(|| Day::new(d.year, d.month + 1, 1)).unwrap_or(Day {
        year: d.year + 1,
        month: 1,
        day: 1,
    })
}
