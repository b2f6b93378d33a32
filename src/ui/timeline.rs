//! The timeline of events and agreements, in date order, each on an SVG track of a shared
//! time axis: a day is a point, a month or an approximate period is a span, planned items are
//! dashed, undated ones come last without a mark. Each lists its sources.

use super::Explorer;
use super::dom::{Node, el};
use explorer::date::{DateSpec, Day, Precision};
use explorer::format::{date, month_short};
use explorer::i18n::strings;
use explorer::i18n::{agreement_status, event_kind};
use explorer::model::{AgreementStatus, EventStatus, Source};
use explorer::query::Lang;
use explorer::query::eval::Evaluation;

/// A row of the timeline.
struct Item {
    id: &'static str,
    is_event: bool,
    title: &'static str,
    kind: &'static str,
    date: Option<DateSpec>,
    planned: bool,
    note: Option<&'static str>,
    /// Where it happened (an actor id of kind place or country).
    place: Option<&'static str>,
    sources: &'static [Source],
}

/// How many articles some sources come from.
fn articles(sources: &[Source]) -> usize {
    sources.iter().enumerate().filter(|(i, s)| !sources[..*i].iter().any(|x| x.doc == s.doc)).count()
}

/// Horizontal position (0–1000) of a day on the axis. Integers: SVG needs no more, and
/// formatting floats would add kilobytes to the wasm.
fn x_of(day: Day, domain: (Day, Day)) -> i64 {
    let (a, b) = (domain.0.ordinal(), domain.1.ordinal() + 1);
    ((day.ordinal() - a) * 1000 / (b - a).max(1)).clamp(0, 1000)
}

/// The timeline of the evaluation's events and agreements.
pub fn build(explorer: &Explorer, e: &Evaluation, lang: Lang) -> Vec<Node> {
    vec![
        el("figure")
            .class("timeline")
            .attr("aria-label", strings(lang).timeline_label)
            .children(rows(explorer, e, lang)),
    ]
}

/// The axis and the rows of the timeline.
fn rows(explorer: &Explorer, e: &Evaluation, lang: Lang) -> Vec<Node> {
    let corpus = explorer.corpus();
    let t = strings(lang);
    let mut items: Vec<Item> = e
        .events
        .iter()
        .map(|&i| {
            let ev = &corpus.events[i];
            Item {
                id: &ev.id,
                is_event: true,
                title: lang.pick(&ev.title_fr, &ev.title_en),
                kind: event_kind(lang, ev.kind),
                date: ev.date,
                planned: ev.status == EventStatus::Planned,
                note: lang.pick(ev.note_fr.as_deref(), ev.note_en.as_deref()),
                place: ev.place.as_deref(),
                sources: &ev.sources,
            }
        })
        .chain(e.agreements.iter().map(|&i| {
            let a = &corpus.agreements[i];
            Item {
                id: &a.id,
                is_event: false,
                title: lang.pick(&a.title_fr, &a.title_en),
                kind: agreement_status(lang, a.status),
                date: a.date,
                // A proposal was made (on its date); only what is still to come is "planned".
                planned: a.status == AgreementStatus::Planned,
                note: lang.pick(a.note_fr.as_deref(), a.note_en.as_deref()),
                place: a.place.as_deref(),
                sources: &a.sources,
            }
        }))
        .collect();
    // Date order; undated items last.
    explorer::order::by_key(&mut items, |it| explorer::order::by_date(it.date));
    let cutoff = explorer.index.period_start();
    // Items before the dense period are arrows at the edge — unless all are (a filter on
    // earlier dates): then the axis covers them.
    let all_earlier = items.iter().filter_map(|it| it.date).all(|d| cutoff.is_some_and(|c| d.end < c));
    let recent = |d: &DateSpec| all_earlier || cutoff.is_none_or(|c| d.end >= c);
    let dated: Vec<DateSpec> = items.iter().filter_map(|it| it.date).filter(recent).collect();
    let domain = match (dated.iter().map(|d| d.start).min(), dated.iter().map(|d| d.end).max()) {
        (Some(a), Some(b)) => (Day { day: 1, ..a }, Day::end_of_month(b.year, b.month).unwrap_or(b)),
        _ => (Day { year: 2025, month: 1, day: 1 }, Day { year: 2025, month: 12, day: 31 }),
    };
    // Month ticks of the axis, about eight labelled.
    let mut ticks = Vec::new();
    let (mut y, mut m) = (domain.0.year, domain.0.month);
    while (y, m) <= (domain.1.year, domain.1.month) {
        ticks.push((x_of(Day { year: y, month: m, day: 1 }, domain), month_short(lang, y, m)));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    let label_every = ticks.len().div_ceil(8).max(1);
    // HTML, not SVG text: the tracks stretch to any width, which would squash SVG letters.
    let mut axis = el("div").class("tl-axis").attr("aria-hidden", "true");
    for (k, (x, label)) in ticks.iter().enumerate() {
        // Positions are in thousandths of the width: CSS scales them, no float to print.
        let left = ["calc(", &x.to_string(), " * 0.1%)"].concat();
        axis = axis.child(el("span").class("tick").style("left", &left));
        if k.is_multiple_of(label_every) {
            axis = axis.child(el("span").class("tick-label").style("left", &left).text(label));
        }
    }
    let rows = items
        .into_iter()
        .map(|it| {
            // The mark is HTML placed in thousandths of the track's width: an SVG stretched to
            // the width would squash a round point into an oval.
            let mark = it.date.map(|d| {
                if !recent(&d) {
                    // Far before the period (e.g. 1960): an arrow at the left edge.
                    return el("span").class("tl-mark earlier").text("◀");
                }
                let (x0, x1) = (x_of(d.start, domain), x_of(d.end.next(), domain));
                let left = ["calc(", &x0.to_string(), " * 0.1%)"].concat();
                if d.precision == Precision::Day {
                    el("span").class("tl-mark point").style("left", &left)
                } else {
                    let width = ["max(6px, calc(", &(x1 - x0).to_string(), " * 0.1%))"].concat();
                    el("span").class("tl-mark span").style("left", &left).style("width", &width)
                }
            });
            // A date is written at its precision ("juin 2025", "1960", "vers le 10 juillet
            // 2025 (approx.)"): no word needs to repeat it.
            let mut when = match it.date {
                Some(d) => date(lang, &d),
                None => t.undated.to_string(),
            };
            if let Some(place) = it.place.and_then(|p| corpus.actor(p)) {
                when = [&when, " · ", explorer.actor_name(place)].concat();
            }
            let sources: Vec<Node> = it
                .sources
                .iter()
                .map(|s| {
                    let href = explorer.href(&|st| {
                        st.doc = Some(s.doc.to_string());
                        st.passage = s.passage;
                    });
                    let outlet = explorer.doc_label(&s.doc);
                    el("li")
                        // The quote is in the index: the timeline needs no article text.
                        .child(el("q").text(&s.quote))
                        .text(" — ")
                        .child(el("a").attr("href", &href).attr("data-nav", "").text(outlet))
                })
                .collect();
            let track = el("div").class("tl-track").attr("aria-hidden", "true").child_opt(mark);
            let when = el("p")
                .class("tl-when")
                .child(el("span").class("tl-badge").text(if it.is_event { t.event } else { t.agreement }))
                .text(" ")
                .text(it.kind)
                // An agreement's status word already says it ("envisagé"): the badge is for events.
                .child_opt((it.planned && it.is_event).then(|| el("span").class("tl-planned").text(t.planned)))
                .text(" · ")
                .text(&when);
            let body = el("div")
                .class("tl-body")
                .child(when)
                .child(
                    el("h3").class("tl-title").text(it.title).child_opt(super::shared::disputed_badge(explorer, it.id)),
                )
                .child_opt(it.note.map(|n| super::shared::note(explorer, el("p").class("tl-note"), n)))
                .child(
                    el("details")
                        .class("tl-sources")
                        // Articles, not quotes: one article may be quoted twice.
                        .child(el("summary").text(&format!("{} ({})", t.sources, articles(it.sources))))
                        .child(el("ul").children(sources)),
                );
            el("li")
                .class(if it.planned { "tl-item planned" } else { "tl-item" })
                .attr("data-key", it.id)
                .attr("data-event", it.id)
                .attr("data-kind", if it.is_event { "event" } else { "agreement" })
                .attr("data-date", &it.date.map(|d| d.to_syntax()).unwrap_or_default())
                .child(track)
                .child(body)
        })
        .collect();
    vec![axis, el("ol").class("tl-list").children(rows)]
}
