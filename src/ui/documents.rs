//! The list of documents.

use explorer::format::human_size;
use explorer::model::Document;
use leptos::prelude::*;

/// One card per document, with its title and size. `data-doc` is the stable test hook.
#[component]
pub fn DocumentList(documents: &'static [Document]) -> impl IntoView {
    view! {
        <ol class="doc-list" aria-label="Documents">
            {documents
                .iter()
                .map(|doc| {
                    view! {
                        <li class="doc-card" data-doc=doc.id.as_str()>
                            <h2 class="doc-title">{doc.title.as_str()}</h2>
                            <p class="doc-meta">
                                {human_size(doc.size())}
                                " · "
                                {doc.word_count()}
                                " mots"
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
