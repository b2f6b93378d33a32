//! Compiles `seeds/` into the corpus embedded in the app, failing the build on any error.
//! The compilation is the `corpus-build` crate's; the binary form is the `corpus` crate's.

use std::path::{Path, PathBuf};

fn main() {
    // Cargo rebuilds this script when its dependencies change; the articles and the knowledge
    // base are data, watched here.
    println!("cargo::rerun-if-changed=seeds");
    if let Err(message) = run() {
        // A plain message on stderr is what the person running `cargo` or `trunk` sees.
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let corpus = corpus_build::compile::compile_dir(Path::new("seeds"))
        .map_err(|e| format!("the corpus does not compile: {e}"))?;
    let bytes = corpus::codec::encode(&corpus);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("corpus.bin");
    std::fs::write(&out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))
}
