//! The corpus of the Mali–Russie explorer: what the build produces and the app reads. Pure
//! Rust, no browser and no build tools, so the app (in the browser) and the build
//! (`corpus-build`, natively) share one definition.
//!
//! - [`model`]: the Corpus and its Documents, Actors, Sectors, Mentions, Events, Agreements,
//!   Figures and the comparisons of their sources;
//! - [`date`]: calendar dates with their honest precision;
//! - [`text`]: French-aware folding and tokenisation, shared by the annotator and the search;
//! - [`codec`]: the compact binary form embedded in the app.

pub mod codec;
pub mod date;
pub mod model;
pub mod text;
