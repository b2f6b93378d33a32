//! The corpus compiled by `build.rs` from `seeds/` and embedded in the binary.
//!
//! Nothing is fetched at run time: the compact binary form (see [`crate::codec`]) is part of
//! the wasm, and is decoded once, on first use, without copying any text.

use std::sync::OnceLock;

use crate::codec::{DecodeError, decode};
use crate::model::Corpus;

/// Whether the build wrote the article texts apart, in parts beside the page (a corpus past
/// `build.rs`'s size threshold). A constant, not a `#[cfg]`: both kinds of build compile and
/// check every line, and below the threshold the compiler drops the code that loads parts
/// (measured: −5.7 KB gzipped).
pub const TEXTS_IN_PARTS: bool = cfg!(texts_in_parts);

/// The corpus in its binary form, written by `build.rs` into `OUT_DIR`.
pub static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

static CORPUS: OnceLock<Result<Corpus, DecodeError>> = OnceLock::new();

/// The embedded corpus. An error means the build is broken; the app shows it instead of a
/// blank page.
pub fn corpus() -> Result<&'static Corpus, &'static DecodeError> {
    CORPUS.get_or_init(|| decode(BYTES)).as_ref()
}
