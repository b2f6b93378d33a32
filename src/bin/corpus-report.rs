//! Prints, for review, what the build finds in each article: metadata, furniture, passages,
//! actor, sector and date mentions, and the events, agreements and figures that cite it;
//! then the precision and recall of the annotator on the held-out articles of
//! `tests/fixtures/heldout/`.
//!
//! Usage: `cargo run --bin corpus-report [-- SEEDS_DIR]` (or `make report`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".to_string());
    match explorer::compile::compile_dir(std::path::Path::new(&dir)) {
        Ok(corpus) => {
            print!("{}", explorer::report::corpus_report(&corpus));
            // Articles written for the test, not in seeds/: how the rules do on unseen text.
            let fixtures = std::path::Path::new("tests/fixtures/heldout");
            if fixtures.is_dir() {
                match explorer::heldout::evaluate(std::path::Path::new(&dir), fixtures) {
                    Ok(e) => print!("{}", explorer::heldout::report(&e)),
                    Err(error) => eprintln!("held-out evaluation: {error}"),
                }
            }
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
