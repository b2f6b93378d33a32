//! The reader: a document's full original text with every mention marked by kind (a link that
//! adds it as a filter), furniture greyed, the passage of the link highlighted and scrolled
//! into view; beside it, the events, agreements and figures that cite the document.
//!
//! Also the panel that holds the reader or an entity page, above the results.

use explorer::format::date;
use explorer::i18n::{Strings, precision, sector_label, strings, text_strings};
use explorer::model::{Document, Source, Span, Target};
use explorer::query::{Filter, ViewState};
use leptos::prelude::*;

use super::dom::{self, Node, el};
use super::shared::{cited_items, passage_href, passage_marks, retry_button, sheet};
use super::{Explorer, browser, entity};

/// A piece of the text: furniture, a passage (with its index) or the white space between.
enum Piece {
    Furniture(Span),
    Passage(usize, Span),
    Gap(Span),
}

fn pieces(text_len: usize, furniture: &[Span], passages: &[Span]) -> Vec<Piece> {
    let mut marked: Vec<(Span, Option<usize>, bool)> = furniture.iter().map(|f| (*f, None, true)).collect();
    marked.extend(passages.iter().enumerate().map(|(i, p)| (*p, Some(i), false)));
    explorer::order::by_key(&mut marked, |(s, _, _)| s.start as u64);
    let mut out = Vec::new();
    let mut at = 0;
    for (span, passage, furniture) in marked {
        if span.start < at {
            continue;
        }
        if span.start > at {
            out.push(Piece::Gap(Span::new(at, span.start)));
        }
        out.push(match (furniture, passage) {
            (true, _) => Piece::Furniture(span),
            (false, Some(i)) => Piece::Passage(i, span),
            (false, None) => Piece::Gap(span),
        });
        at = span.end;
    }
    if at < text_len {
        out.push(Piece::Gap(Span::new(at, text_len)));
    }
    out
}

/// The panel above the results: the reader when a document is open, else the page of the
/// actor or sector open, else nothing.
pub fn panel(explorer: Explorer) -> Node {
    // Scroll to the linked passage once it is rendered: when another passage is linked, or
    // when the text of the open document arrives (texts in parts).
    Effect::new(move |previous: Option<Option<(String, usize, bool)>>| {
        let open = explorer.state.with(|s| s.doc.clone().map(|d| (d, s.passage.unwrap_or(0))));
        let target = open.map(|(doc, p)| {
            let i = explorer.index.doc_index(&doc);
            let known = i.is_some_and(|i| explorer.text(i).is_some());
            (doc, p, known)
        });
        if let Some((_, p, true)) = target.as_ref()
            && previous.as_ref() != Some(&target)
        {
            let p = *p;
            browser::later(move || browser::scroll_to(&format!("passage-{p}")));
        }
        target
    });
    dom::keep(el("div"), move || {
        let state = explorer.state.get();
        if state.doc.is_some() { build(&explorer, &state) } else { entity::build(&explorer, &state) }
    })
}

/// Publication line of a document: outlet · author · date, its precision and whether the
/// article states it or it was inferred.
fn metadata(explorer: &Explorer, t: &Strings, doc: &Document) -> String {
    let lang = explorer.lang();
    let mut parts = vec![doc.outlet.as_deref().unwrap_or(t.unknown_outlet).to_string()];
    parts.extend(doc.author.as_deref().map(String::from));
    // An undated article dated from an event it reports says which.
    let from_event = doc.dated_by.as_deref().and_then(|id| explorer.corpus().events.iter().find(|e| e.id == id));
    let basis = match from_event {
        Some(e) => [t.dated_from, t.colon, lang.pick(&e.title_fr, &e.title_en)].concat(),
        None if doc.published.is_some_and(|p| t.basis(p.basis).is_some()) => t.date_inferred.to_string(),
        None => t.date_known.to_string(),
    };
    parts.push(match doc.published {
        Some(p) => format!(
            "{} ({}{}{}, {basis})",
            date(lang, &p.date),
            t.precision_label,
            t.colon,
            precision(lang, p.date.precision),
        ),
        None => t.unknown_date.to_string(),
    });
    parts.push(format!("{} {}", explorer.index.word_count(&doc.id), t.words));
    parts.join(" · ")
}

/// The reader for the document of the state, if one is open.
fn build(explorer: &Explorer, state: &ViewState) -> Vec<Node> {
    let corpus = explorer.corpus();
    let Some(doc_index) = state.doc.as_deref().and_then(|id| explorer.index.doc_index(id)) else {
        return Vec::new();
    };
    let doc = &corpus.documents[doc_index];
    let t = strings(state.lang);
    let close = explorer.href(&|s| {
        s.doc = None;
        s.passage = None;
    });
    let Some(text) = explorer.text(doc_index) else {
        let w = text_strings(state.lang);
        let pending = match explorer.text_failed(doc_index) {
            true => el("p")
                .class("text-pending failed")
                .text(w.text_failed_one)
                .text(" ")
                .child(retry_button(w, "reader-title")),
            false => el("p").class("text-pending").text(w.text_loading),
        };
        return reader_frame(explorer, t, doc, &close, vec![pending]);
    };
    let furniture = explorer.index.texts.furniture(doc_index).unwrap_or_default();
    let passages = explorer.index.texts.passages(doc_index).unwrap_or_default();
    let body: Vec<Node> = pieces(doc.length, furniture, passages)
        .into_iter()
        .map(|piece| match piece {
            Piece::Gap(s) => el("span").text(s.of(text)),
            Piece::Furniture(s) => el("span").class("furniture").text(s.of(text)),
            Piece::Passage(i, whole) => {
                let permalink = el("a")
                    .class("permalink")
                    .attr("href", &passage_href(explorer, &doc.id, Some(i)))
                    .attr("data-nav", "")
                    .attr("aria-label", &format!("{} {}", t.passage_link, i + 1))
                    .attr("title", t.passage_link)
                    .text("¶");
                let span = el("span")
                    .attr("id", &format!("passage-{i}"))
                    .class(if state.passage == Some(i) { "passage current" } else { "passage" })
                    .attr("data-passage", &i.to_string())
                    .child(permalink);
                mentions(explorer, state, doc_index, (i, whole), span, text)
            }
        })
        .collect();
    reader_frame(explorer, t, doc, &close, body)
}

/// The reader's sheet around a document's text (or what stands for it while it loads).
fn reader_frame(explorer: &Explorer, t: &Strings, doc: &Document, close: &str, body: Vec<Node>) -> Vec<Node> {
    let legend = el("p")
        .class("legend")
        .text(t.mention_legend)
        .text(" ")
        .child(el("span").class("mention m-actor").text(t.mention_actor))
        .text(" ")
        .child(el("span").class("mention m-sector").text(t.mention_sector))
        .text(" ")
        .child(el("span").class("mention m-date").text(t.mention_date))
        .text(" ")
        .child(el("span").class("mention m-actor inferred").text(t.inferred_mention));
    sheet(
        close,
        t.close_reader,
        ("data-reader", &doc.id),
        vec![
            el("h2").attr("id", "reader-title").text(&doc.title),
            el("p").class("doc-meta").text(&metadata(explorer, t, doc)),
            legend,
        ],
        vec![
            el("div")
                .class("reader-body")
                .child(el("div").class("reader-text").children(body))
                .child_opt(cited(explorer, t, &doc.id)),
        ],
    )
}

/// The text of a passage into `span`: each mention a link that adds it as a filter (marked
/// by kind, and highlighted when the filter already selects it), search terms marked.
fn mentions(
    explorer: &Explorer,
    state: &ViewState,
    doc_index: usize,
    (passage, whole): (usize, Span),
    mut span: Node,
    text: &str,
) -> Node {
    let corpus = explorer.corpus();
    let marks = passage_marks(explorer, doc_index, passage);
    let t = strings(state.lang);
    let mut at = whole.start;
    // A mention's link adds it to the filter and shows the filtered results.
    let filter_href = |add: &dyn Fn(&mut ViewState)| {
        explorer.href(&|s| {
            add(s);
            s.doc = None;
            s.passage = None;
            s.entity = None;
        })
    };
    let mut in_passage = explorer.index.mentions_in(doc_index, passage);
    explorer::order::by_key(&mut in_passage, |(_, s)| {
        explorer::order::pair(s.start as u64, explorer::order::most_first(s.end))
    });
    for (m, place) in in_passage {
        // Mentions of two layers may overlap ("ministre russe de l'Énergie"): the first wins.
        if place.start < at || place.end > whole.end {
            continue;
        }
        if place.start > at {
            span = span.child(el("span").marked(Span::new(at, place.start).of(text), at, &marks));
        }
        let (class, label, href) = match &m.target {
            Target::Actor(id) => {
                let name = corpus.actor(id).map(|a| explorer.actor_name(a)).unwrap_or_default();
                (
                    "m-actor",
                    format!("{name} ({})", t.mention_actor),
                    filter_href(&|s| Filter::add(&mut s.filter.actors, id)),
                )
            }
            Target::Sector(id) => {
                let name = corpus.sector(id).map(|x| sector_label(state.lang, x)).unwrap_or_default();
                (
                    "m-sector",
                    format!("{name} ({})", t.mention_sector),
                    filter_href(&|s| Filter::add(&mut s.filter.sectors, id)),
                )
            }
            Target::Date(d) => (
                "m-date",
                format!("{} ({})", date(state.lang, d), t.mention_date),
                filter_href(&|s| {
                    s.filter.from = Some(*d);
                    s.filter.to = Some(*d);
                }),
            ),
        };
        // Highlighted like the rest when the filter or the search already selects it.
        let hit = marks.iter().any(|&(s, e)| s <= place.start && place.end <= e);
        // A mention inferred by a rule ("notre pays" → Mali) says so, and why.
        let reason = t.rule(m.rule).map(|why| [t.inferred_mention, t.colon, why].concat());
        let title = match &reason {
            Some(r) => [t.filter_by, t.colon, &label, " — ", r].concat(),
            None => [t.filter_by, t.colon, &label].concat(),
        };
        let inferred = if reason.is_some() { " inferred" } else { "" };
        span = span.child(
            el("a")
                .class(&format!("mention {class}{}{inferred}", if hit { " hit" } else { "" }))
                .attr("href", &href)
                .attr("data-nav", "")
                .attr("title", &title)
                .attr_opt("data-inferred", (!m.is_explicit()).then(|| m.rule.key()))
                .attr_opt("data-reason", reason.as_deref())
                .text(place.of(text)),
        );
        at = place.end;
    }
    if at < whole.end {
        span = span.child(el("span").marked(Span::new(at, whole.end).of(text), at, &marks));
    }
    span
}

/// The events, agreements and figures citing a document, each linking to its passage there.
fn cited(explorer: &Explorer, t: &Strings, doc: &str) -> Option<Node> {
    let corpus = explorer.corpus();
    let cites = |sources: &[Source]| sources.iter().any(|s| s.doc == doc);
    let events: Vec<usize> = (0..corpus.events.len()).filter(|&i| cites(&corpus.events[i].sources)).collect();
    let agreements: Vec<usize> =
        (0..corpus.agreements.len()).filter(|&i| cites(&corpus.agreements[i].sources)).collect();
    let figures: Vec<usize> = (0..corpus.figures.len()).filter(|&i| cites(&corpus.figures[i].sources)).collect();
    let sections = cited_items(explorer, t, &[], (&events, &agreements, &figures), &|sources| {
        sources.iter().find(|s| s.doc == doc)
    });
    (!sections.is_empty()).then(|| {
        el("aside")
            .class("cited")
            .attr("aria-labelledby", "cited-title")
            .child(el("h2").attr("id", "cited-title").text(t.cited_here))
            .children(sections)
    })
}
