//! The reader: a document's full original text, furniture greyed, the passage of the link
//! highlighted and scrolled into view.

use explorer::i18n::strings;
use explorer::model::Span;
use explorer::query::ViewState;
use leptos::prelude::*;

use super::dom::{self, Node, el};
use super::results::{passage_marks, provenance};
use super::{Explorer, browser};

/// A piece of the text: furniture, a passage (with its index) or the white space between.
enum Piece {
    Furniture(Span),
    Passage(usize, Span),
    Gap(Span),
}

fn pieces(text_len: usize, furniture: &[Span], passages: &[Span]) -> Vec<Piece> {
    let mut marked: Vec<(Span, Option<usize>, bool)> = furniture.iter().map(|f| (*f, None, true)).collect();
    marked.extend(passages.iter().enumerate().map(|(i, p)| (*p, Some(i), false)));
    marked.sort_by_key(|(s, _, _)| s.start);
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

/// The panel above the results: the reader, when a document is open.
pub fn panel(explorer: Explorer) -> Node {
    // Scroll to the linked passage once it is rendered.
    Effect::new(move |_| {
        let target = explorer.state.with(|s| s.doc.as_ref().map(|_| s.passage.unwrap_or(0)));
        if let Some(p) = target {
            browser::later(move || browser::scroll_to(&format!("passage-{p}")));
        }
    });
    dom::keep(el("div"), move || build(&explorer, &explorer.state.get()))
}

/// The reader for the document of the state, if one is open.
fn build(explorer: &Explorer, state: &ViewState) -> Vec<Node> {
    let corpus = explorer.corpus();
    let Some(doc_index) = state.doc.as_deref().and_then(|id| corpus.documents.iter().position(|d| d.id == id)) else {
        return Vec::new();
    };
    let doc = &corpus.documents[doc_index];
    let t = strings(state.lang);
    let close = explorer.href(&|s| {
        s.doc = None;
        s.passage = None;
    });
    let body: Vec<Node> = pieces(doc.text.len(), &doc.furniture, &doc.passages)
        .into_iter()
        .map(|piece| match piece {
            Piece::Gap(s) => el("span").text(doc.slice(s)),
            Piece::Furniture(s) => el("span").class("furniture").text(doc.slice(s)),
            Piece::Passage(i, s) => {
                let marks = passage_marks(explorer, doc_index, i);
                el("span")
                    .attr("id", &format!("passage-{i}"))
                    .class(if state.passage == Some(i) { "passage current" } else { "passage" })
                    .attr("data-passage", &i.to_string())
                    .marked(doc.slice(s), s.start, &marks)
            }
        })
        .collect();
    let meta = match doc.author.as_deref() {
        Some(a) => format!("{} · {a}", provenance(explorer, doc)),
        None => provenance(explorer, doc),
    };
    vec![
        el("a")
            .class("reader-backdrop")
            .attr("href", &close)
            .attr("data-nav", "")
            .attr("tabindex", "-1")
            .attr("aria-hidden", "true"),
        el("article")
            .class("reader")
            .attr("role", "dialog")
            .attr("aria-modal", "true")
            .attr("aria-labelledby", "reader-title")
            .attr("data-reader", &doc.id)
            .child(
                el("header")
                    .class("reader-head")
                    .child(el("h2").attr("id", "reader-title").text(&doc.title))
                    .child(el("p").class("doc-meta").text(&meta))
                    .child(
                        el("a").class("reader-close").attr("href", &close).attr("data-nav", "").text(t.close_reader),
                    ),
            )
            .child(el("div").class("reader-text").children(body)),
    ]
}
