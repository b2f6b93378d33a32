//! Prints, for review, what the build finds in each article: metadata, furniture, passages,
//! actor, sector and date mentions, and the events, agreements and figures that cite it.
//!
//! Usage: `cargo run --bin corpus-report [-- SEEDS_DIR]` (or `make report`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".to_string());
    match explorer::compile::compile_dir(std::path::Path::new(&dir)) {
        Ok(corpus) => print!("{}", explorer::report::corpus_report(&corpus)),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
