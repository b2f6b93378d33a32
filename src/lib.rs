//! The explorer's core: everything the app computes that needs no browser — query and URL
//! state, the faceted evaluation, derived views (network, profiles, sources compared,
//! exports), the words of the interface. Plain Rust, tested natively with `cargo test
//! --workspace`; the Leptos components in `src/ui/` only render what this library computes.
//!
//! The corpus model comes from the `corpus` crate, embedded at build time by `build.rs` with
//! the `corpus-build` crate (which natively also gives the report and the held-out evaluation).

pub use corpus::{codec, date, model, text};
#[cfg(not(target_arch = "wasm32"))]
pub use corpus_build::{annotate, compile, heldout, report};

pub mod compare;
pub mod embedded;
pub mod export;
pub mod format;
pub mod i18n;
pub mod network;
pub mod order;
pub mod profile;
pub mod query;
pub mod texts;
