//! Pieces several views use: links to passages and entity pages, a passage in context with
//! its highlights, the human line that names a document, notes that name articles, the dialog
//! sheet, the lists of cited items and the "disputed" badge. Views import these, never each
//! other's (the reader, entity pages, results, network, timeline and comparison stay apart).

use explorer::format::{date, figure};
use explorer::i18n::{Counted, Strings, agreement_status, event_kind};
use explorer::model::{Document, Relation, Source, Target};
use explorer::profile::{Appearance, source_passage};
use explorer::query::action::Action;
use explorer::query::{Entity, View};

use leptos::prelude::*;

use super::Explorer;
use super::dom::{self, Node, el};

/// A side sheet over the page (the reader, an entity page): a backdrop and a dialog whose
/// header holds the title, a line of metadata and the link that closes it.
pub fn sheet(
    close: &str,
    close_label: &str,
    marker: (&'static str, &str),
    head: Vec<Node>,
    body: Vec<Node>,
) -> Vec<Node> {
    vec![
        el("a")
            .class("reader-backdrop")
            .attr("href", close)
            .attr("data-nav", "")
            .attr("tabindex", "-1")
            .attr("aria-hidden", "true"),
        el("article")
            .class("reader")
            .attr("role", "dialog")
            .attr("aria-modal", "true")
            .attr("aria-labelledby", "reader-title")
            .attr(marker.0, marker.1)
            .child(
                el("header")
                    .class("reader-head")
                    .children(head)
                    .child(el("a").class("reader-close").attr("href", close).attr("data-nav", "").text(close_label)),
            )
            .children(body),
    ]
}

/// The link of a passage of a document, opened in the reader.
pub fn passage_href(explorer: &Explorer, doc: &str, passage: Option<usize>) -> String {
    explorer.href(&|s| {
        s.doc = Some(doc.to_string());
        s.passage = passage;
    })
}

/// A knowledge-base note in `host`: its text, each document it names (`{doc:ID}`) shown by
/// its human label as a link to the document.
pub fn note(explorer: &Explorer, host: Node, text: &str) -> Node {
    use explorer::model::{NotePart, note_parts};
    note_parts(text).into_iter().fold(host, |host, part| match part {
        NotePart::Text(t) => host.text(t),
        NotePart::Doc(id) => host.child(
            el("a").attr("href", &passage_href(explorer, id, None)).attr("data-nav", "").text(explorer.doc_label(id)),
        ),
    })
}

/// A link to an entity's page.
pub fn entity_href(explorer: &Explorer, entity: Entity) -> String {
    explorer.href(&|s| {
        s.entity = Some(entity.clone());
        s.doc = None;
        s.passage = None;
    })
}

pub fn link(href: &str, text: &str) -> Node {
    el("a").attr("href", href).attr("data-nav", "").text(text)
}

/// A titled section, left out when it has no items.
pub fn section(title: &str, items: Vec<Node>) -> Option<Node> {
    (!items.is_empty())
        .then(|| el("section").class("entity-section").child(el("h3").text(title)).child(el("ul").children(items)))
}

/// The link to the passage a source points to.
pub fn source_href(explorer: &Explorer, source: &Source) -> String {
    let passage = source_passage(explorer.index, source).map(|(_, p)| p);
    passage_href(explorer, &source.doc, passage)
}

/// Sections listing documents, events, agreements and figures (corpus indices), each item
/// linked to the passage of the source `pick` chooses (the first, or the first in a document).
pub fn cited_items(
    explorer: &Explorer,
    t: &Strings,
    docs: &[Appearance],
    (events, agreements, figures): (&[usize], &[usize], &[usize]),
    pick: &dyn Fn(&[Source]) -> Option<&Source>,
) -> Vec<Node> {
    let corpus = explorer.corpus();
    let lang = explorer.lang();
    let when = |d: &Option<explorer::date::DateSpec>| d.map(|d| [" · ", &date(lang, &d)].concat()).unwrap_or_default();
    let documents = docs
        .iter()
        .map(|a| {
            let doc = &corpus.documents[a.doc];
            el("li")
                .child(link(&passage_href(explorer, &doc.id, Some(a.passage)), &doc.title))
                .child(el("span").class("count").text(" ").text(&t.count(a.mentions, Counted::Mentions)))
        })
        .collect();
    let item = |id: &str, title: &str, detail: String, sources: &[Source]| {
        let href = pick(sources).map(|s| source_href(explorer, s)).unwrap_or_default();
        el("li")
            .child(link(&href, title))
            .child(el("span").class("count").text(&detail))
            .child_opt(disputed_badge(explorer, id))
    };
    // In date order, undated last (as the timeline).
    let by_date = |list: &[usize], date: &dyn Fn(usize) -> Option<explorer::date::DateSpec>| {
        let mut sorted = list.to_vec();
        explorer::order::by_key(&mut sorted, |&i| explorer::order::by_date(date(i)));
        sorted
    };
    let events = by_date(events, &|i| corpus.events[i].date);
    let agreements = by_date(agreements, &|i| corpus.agreements[i].date);
    let events = events
        .iter()
        .map(|&i| {
            let e = &corpus.events[i];
            item(
                &e.id,
                lang.pick(&e.title_fr, &e.title_en),
                [" ", event_kind(lang, e.kind), &when(&e.date)].concat(),
                &e.sources,
            )
        })
        .collect();
    let agreements = agreements
        .iter()
        .map(|&i| {
            let a = &corpus.agreements[i];
            item(
                &a.id,
                lang.pick(&a.title_fr, &a.title_en),
                [" ", agreement_status(lang, a.status), &when(&a.date)].concat(),
                &a.sources,
            )
        })
        .collect();
    let figures = figures
        .iter()
        .map(|&i| {
            let f = &corpus.figures[i];
            let label = [lang.pick(&f.label_fr, &f.label_en), t.colon, &figure(lang, f)].concat();
            item(&f.id, &label, when(&f.date), &f.sources)
        })
        .collect();
    [
        section(t.view_documents, documents),
        section(t.events_title, events),
        section(t.agreements_title, agreements),
        section(t.figures_title, figures),
    ]
    .into_iter()
    .flatten()
    .collect()
}

pub fn side_key(side: explorer::model::Side) -> &'static str {
    use explorer::model::Side::*;
    match side {
        Mali => "mali",
        Russia => "russia",
        Niger => "niger",
        Other => "other",
    }
}

/// The byte ranges of a passage to highlight: search matches, and mentions of the selected
/// actors, sectors (and sub-sectors) and of dates in the selected range.
pub fn passage_marks(explorer: &Explorer, doc_index: usize, passage: usize) -> Vec<(usize, usize)> {
    let corpus = explorer.corpus();
    let state = explorer.state.get_untracked();
    let f = &state.filter;
    let mut marks = explorer.index.passage_matches(doc_index, passage, &f.q);
    let (from, to) = f.range();
    for (m, span) in explorer.index.mentions_in(doc_index, passage) {
        let hit = match &m.target {
            Target::Actor(id) => f.actors.iter().any(|a| a == id.as_ref()),
            Target::Sector(id) => f.sectors.iter().any(|s| corpus.sector_within(id, s)),
            Target::Date(d) => {
                (from.is_some() || to.is_some()) && from.is_none_or(|x| d.end >= x) && to.is_none_or(|x| d.start <= x)
            }
        };
        if hit {
            marks.push((span.start, span.end));
        }
    }
    marks
}

/// Publication line of a document: outlet · date (inferred or not).
pub fn provenance(explorer: &Explorer, doc: &Document) -> String {
    let t = explorer.t();
    // The document's human label (outlet or short title, and date), and whether the date was
    // inferred.
    let label = explorer.doc_label(&doc.id);
    let Some(basis) = doc.published.and_then(|p| t.basis(p.basis)) else { return label.to_string() };
    let note = format!("{} {basis}", t.published_date_word);
    match label.strip_suffix(')') {
        // "… 2025 (approx.)": one pair of brackets for both notes.
        Some(open) => format!("{open}, {note})"),
        None => format!("{label} ({note})"),
    }
}

/// A passage in context: its text with `marks` highlighted, its source, a link to the reader.
pub fn passage_item(explorer: &Explorer, d: usize, p: usize, marks: &[(usize, usize)]) -> Node {
    let doc = &explorer.corpus().documents[d];
    let text = explorer.passage(d, p);
    let quote = match text {
        Some((span, text)) => el("blockquote").marked(text, span.start, marks),
        None => el("blockquote").child(text_pending(explorer, d)),
    };
    let item = el("li")
        .class("passage")
        .attr("data-key", &[doc.id.as_ref(), "#", &p.to_string()].concat())
        .attr("data-doc", &doc.id)
        .attr("data-passage", &p.to_string())
        .child(quote)
        .child(
            el("p").class("passage-source").child(el("span").text(&provenance(explorer, doc))).text(" — ").child(
                el("a")
                    .attr("href", &passage_href(explorer, &doc.id, Some(p)))
                    .attr("data-nav", "")
                    .text(explorer.t_now().open_passage),
            ),
        );
    asks_for_text(explorer, item, d, text.is_some())
}

/// The "disputed" badge of a fact whose sources contradict each other: a link to the
/// comparison view, with the number of contradictions. `None` for an undisputed fact.
pub fn disputed_badge(explorer: &Explorer, fact: &str) -> Option<Node> {
    let n = explorer.corpus().comparisons_of(fact).filter(|c| c.relation == Relation::Contradicts).count();
    (n > 0).then(|| {
        let t = explorer.t_now();
        let href = explorer.href(&|s| {
            s.view = View::Compare;
            s.doc = None;
            s.passage = None;
            s.entity = None;
        });
        el("a")
            .class("badge-disputed")
            .attr("href", &href)
            .attr("data-nav", "")
            .attr("data-disputed", fact)
            .attr("title", t.view_compare)
            .text(&format!("⚠ {} · {n}", t.disputed))
    })
}

/// In place of a card's or a passage's text not loaded yet (see `parts`): that it is coming,
/// or that it could not be loaded (the list's notice offers to try again: one button, not one
/// per card).
pub fn text_pending(explorer: &Explorer, doc: usize) -> Node {
    let t = explorer.text_t_now();
    match explorer.text_failed(doc) {
        true => el("span").class("text-pending failed").text(t.text_not_loaded),
        false => el("span").class("text-pending").text(t.text_loading),
    }
}

/// A list's `item` that shows document `doc`'s text: if the text is not `known` yet, the item
/// asks for it once it comes near the screen (see `parts::when_near_screen`). The item itself is
/// watched, not the text's place in it: a list item may skip rendering its content while far
/// from the screen (`content-visibility`), and the item's own box is always there.
pub fn asks_for_text(explorer: &Explorer, item: Node, doc: usize, known: bool) -> Node {
    if known {
        return item;
    }
    let explorer = *explorer;
    dom::on_mount(item, move |el| super::parts::when_near_screen(explorer, el, doc))
}

/// The button that asks again for the parts of the texts that failed to load. The button goes
/// with the failure it reports: focus then moves to the element `focus_after` (by id), which
/// stays and says the texts are loading.
pub fn retry_button(t: &explorer::i18n::TextStrings, focus_after: &str) -> Node {
    el("button")
        .class("retry")
        .attr("type", "button")
        .attr("data-action", Action::RetryTexts.key())
        .attr("data-focus-after", focus_after)
        .text(t.retry)
}
