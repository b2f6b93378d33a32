//! The reader: a document's full original text, furniture greyed, the passage of the link
//! highlighted and scrolled into view.

use explorer::model::Span;
use leptos::prelude::*;

use super::browser;
use super::highlight::highlighted;
use super::results::{passage_marks, provenance};
use super::use_explorer;

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

#[component]
pub fn Reader() -> impl IntoView {
    let explorer = use_explorer();
    // Scroll to the linked passage once it is rendered.
    Effect::new(move |_| {
        let target = explorer.state.with(|s| s.doc.as_ref().map(|_| s.passage.unwrap_or(0)));
        if let Some(p) = target {
            browser::later(move || browser::scroll_to(&format!("passage-{p}")));
        }
    });
    move || {
        let corpus = explorer.corpus();
        let state = explorer.state.get();
        let doc_id = state.doc.clone()?;
        let doc_index = corpus.documents.iter().position(|d| d.id == doc_id)?;
        let doc = &corpus.documents[doc_index];
        let t = explorer.t();
        let close = explorer.href(|s| {
            s.doc = None;
            s.passage = None;
        });
        let body = pieces(doc.text.len(), &doc.furniture, &doc.passages)
            .into_iter()
            .map(|piece| match piece {
                Piece::Gap(s) => doc.slice(s).to_string().into_any(),
                Piece::Furniture(s) => view! { <span class="furniture">{doc.slice(s).to_string()}</span> }.into_any(),
                Piece::Passage(i, s) => {
                    let marks = passage_marks(&explorer, doc_index, i);
                    let current = state.passage == Some(i);
                    view! {
                        <span id=format!("passage-{i}") class="passage" class:current=current data-passage=i.to_string()>
                            {highlighted(doc.slice(s), s.start, &marks)}
                        </span>
                    }
                    .into_any()
                }
            })
            .collect_view();
        Some(view! {
            <a class="reader-backdrop" data-nav="" href=close.clone() tabindex="-1" aria-hidden="true"></a>
            <article class="reader" role="dialog" aria-modal="true" aria-labelledby="reader-title" data-reader=doc_id.clone()>
                <header class="reader-head">
                    <h2 id="reader-title">{doc.title.to_string()}</h2>
                    <p class="doc-meta">
                        {provenance(&explorer, doc)}
                        {doc.author.as_deref().map(|a| format!(" · {a}"))}
                    </p>
                    <a class="reader-close" data-nav="" href=close>
                        {t.close_reader}
                    </a>
                </header>
                <div class="reader-text">{body}</div>
            </article>
        })
    }
}
