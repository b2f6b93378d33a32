//! Compiles `seeds/` into the corpus embedded in the app, failing the build on any error.
//! The compilation is the `corpus-build` crate's; the binary form is the `corpus` crate's.

use std::path::PathBuf;

fn main() {
    // Cargo rebuilds this script when its dependencies change; the articles and the knowledge
    // base are data, watched here.
    println!("cargo::rerun-if-changed=seeds");
    // Another corpus folder, for the browser benchmark's synthetic corpora (`make bench-browser`).
    println!("cargo::rerun-if-env-changed=EXPLORER_SEEDS");
    if let Some(dir) = std::env::var_os("EXPLORER_SEEDS") {
        println!("cargo::rerun-if-changed={}", PathBuf::from(dir).display());
    }
    if let Err(message) = run() {
        // A plain message on stderr is what the person running `cargo` or `trunk` sees.
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let dir = std::env::var_os("EXPLORER_SEEDS").map_or_else(|| PathBuf::from("seeds"), PathBuf::from);
    let corpus = corpus_build::compile::compile_dir(&dir).map_err(|e| format!("the corpus does not compile: {e}"))?;
    let bytes = corpus::codec::encode(&corpus);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("corpus.bin");
    std::fs::write(&out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))
}
