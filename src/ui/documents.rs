//! The list of documents.

use explorer::format::{date_fr, human_size};
use explorer::model::{Basis, Document};
use leptos::prelude::*;

/// What a card says about where and when a document comes from.
fn provenance(doc: &Document) -> String {
    let outlet = doc.outlet.as_deref().unwrap_or("Source inconnue");
    let date = match doc.published {
        Some(p) if p.basis == Basis::Inferred => format!("{} (déduite)", date_fr(&p.date)),
        Some(p) => date_fr(&p.date),
        None => "date inconnue".to_string(),
    };
    format!("{outlet} · {date} · {}", human_size(doc.size()))
}

/// One card per document. `data-doc` is the stable test hook.
#[component]
pub fn DocumentList(documents: &'static [Document]) -> impl IntoView {
    view! {
        <ol class="doc-list" aria-label="Documents">
            {documents
                .iter()
                .map(|doc| {
                    view! {
                        <li class="doc-card" data-doc=doc.id.as_ref()>
                            <h2 class="doc-title">{doc.title.as_ref()}</h2>
                            <p class="doc-meta">{provenance(doc)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
