//! The Leptos components. They stay thin: data and decisions come from the `explorer` library.

mod documents;
mod fatal;

use explorer::model::Corpus;
use leptos::prelude::*;

use documents::DocumentList;

/// Starts the app: installs the panic notice, reads the embedded corpus and mounts the UI.
pub fn start() {
    fatal::install_panic_notice();
    let corpus = match explorer::embedded::corpus() {
        Ok(corpus) => corpus,
        Err(error) => {
            fatal::show(&format!("corpus illisible : {error}"));
            return;
        }
    };
    // The corpus lives as long as the page: leaking it lets every view borrow it for free.
    let corpus: &'static Corpus = Box::leak(Box::new(corpus));
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
