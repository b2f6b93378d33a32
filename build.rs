//! Compiles `seeds/` into the corpus embedded in the app, failing the build on any error.
//!
//! The core modules are compiled here a second time, at the crate root of the build script,
//! so that `crate::model` and `crate::compile` resolve the same way as in the library.

#[path = "src/model.rs"]
#[allow(dead_code)]
mod model;

#[path = "src/compile/mod.rs"]
#[allow(dead_code)]
mod compile;

use std::path::{Path, PathBuf};

fn main() {
    let seeds = Path::new("seeds");
    println!("cargo::rerun-if-changed=seeds");
    println!("cargo::rerun-if-changed=src/model.rs");
    println!("cargo::rerun-if-changed=src/compile");

    let corpus = match compile::compile_dir(seeds) {
        Ok(corpus) => corpus,
        Err(error) => {
            // A plain message on stderr is what the person running `cargo`/`trunk` sees.
            eprintln!("error: the corpus does not compile: {error}");
            std::process::exit(1);
        }
    };
    let json = match serde_json::to_string(&corpus) {
        Ok(json) => json,
        Err(error) => {
            eprintln!("error: cannot serialise the corpus: {error}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("corpus.json");
    if let Err(error) = std::fs::write(&out, json) {
        eprintln!("error: cannot write {}: {error}", out.display());
        std::process::exit(1);
    }
}
