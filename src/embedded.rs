//! The corpus compiled by `build.rs` from `seeds/` and embedded in the binary.
//!
//! Nothing is fetched at run time: the JSON below is part of the wasm file.

use crate::model::Corpus;

/// The compiled corpus as JSON, written by `build.rs` into `OUT_DIR`.
pub const CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

/// Reads the embedded corpus.
///
/// The build step wrote this JSON from the same model, so an error here means the build is
/// broken; callers still handle it (the app shows a notice instead of a blank page).
pub fn corpus() -> Result<Corpus, serde_json::Error> {
    serde_json::from_str(CORPUS_JSON)
}
