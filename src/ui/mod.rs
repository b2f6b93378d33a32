//! The Leptos components. They stay thin: data and decisions come from the `explorer` library.

mod documents;
mod fatal;

use explorer::model::Corpus;
use leptos::prelude::*;

use documents::DocumentList;

/// Starts the app: installs the panic notice and mounts the UI over the embedded corpus.
pub fn start() {
    fatal::install_panic_notice();
    // A static in the binary's data: nothing to parse or allocate at start-up.
    let corpus: &'static Corpus = &explorer::embedded::CORPUS;
    fatal::remove_boot_placeholder();
    mount_to_body(move || view! { <App corpus=corpus /> });
}

/// The whole page.
#[component]
fn App(corpus: &'static Corpus) -> impl IntoView {
    let count = corpus.documents.len();
    view! {
        <header class="masthead">
            <h1>"Mali–Russie explorer"</h1>
            <p class="tagline">
                "Coopération intergouvernementale Mali–Russie, juin–août 2025 · "
                {count}
                " articles"
            </p>
        </header>
        <main id="main" class="content">
            <DocumentList documents=&corpus.documents />
        </main>
    }
}
