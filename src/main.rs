//! Entry point of the browser app: mounts the Leptos UI (see `src/ui/`).
//!
//! On a native target there is nothing to run; the corpus review tool is
//! `cargo run --bin corpus-report` and the tests are `cargo test`.

#[cfg(target_arch = "wasm32")]
mod ui;

fn main() {
    #[cfg(target_arch = "wasm32")]
    ui::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("This binary is the browser app: build it with `trunk build --release` (see README.md).");
}
