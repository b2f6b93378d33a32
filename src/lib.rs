//! Core of the Mali–Russie explorer: the corpus model and everything that can be computed
//! without a browser. It is plain Rust, tested natively with `cargo test`; the Leptos
//! components in `src/ui/` only render what this library computes.
//!
//! The modules marked "shared with build.rs" are also compiled into the build script
//! (see `build.rs`), which is how the corpus is validated and embedded at build time.
//! They must therefore refer to each other only through `crate::<module>` paths.

pub mod annotate; // shared with build.rs
pub mod codec; // shared with build.rs
pub mod date; // shared with build.rs
pub mod model; // shared with build.rs
pub mod text; // shared with build.rs

#[cfg(not(target_arch = "wasm32"))]
pub mod compile; // shared with build.rs
#[cfg(not(target_arch = "wasm32"))]
pub mod heldout;

pub mod compare;
pub mod embedded;
pub mod export;
pub mod format;
pub mod i18n;
pub mod network;
pub mod order;
pub mod profile;
pub mod query;
pub mod report;
