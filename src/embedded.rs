//! The corpus compiled by `build.rs` from `seeds/` and embedded in the binary.
//!
//! Nothing is fetched or parsed at run time: `build.rs` writes the corpus as a Rust constant
//! (see `compile::codegen`), so it sits in the binary's data like any string literal.

use crate::model::Corpus;

/// The embedded corpus.
pub static CORPUS: Corpus = include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
