//! Compiles `seeds/` into the corpus embedded in the app, failing the build on any error.
//!
//! The core modules are compiled here a second time, at the crate root of the build script,
//! so that `crate::model`, `crate::compile`… resolve the same way as in the library.

#![allow(dead_code)]

#[path = "src/annotate/mod.rs"]
mod annotate;
#[path = "src/codec.rs"]
mod codec;
#[path = "src/compile/mod.rs"]
mod compile;
#[path = "src/date.rs"]
mod date;
#[path = "src/model.rs"]
mod model;
#[path = "src/text.rs"]
mod text;

use std::path::{Path, PathBuf};

fn main() {
    for watched in
        ["seeds", "src/annotate", "src/codec.rs", "src/compile", "src/date.rs", "src/model.rs", "src/text.rs"]
    {
        println!("cargo::rerun-if-changed={watched}");
    }
    if let Err(message) = run() {
        // A plain message on stderr is what the person running `cargo` or `trunk` sees.
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let corpus = compile::compile_dir(Path::new("seeds")).map_err(|e| format!("the corpus does not compile: {e}"))?;
    let bytes = codec::encode(&corpus);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("corpus.bin");
    std::fs::write(&out, bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))
}
