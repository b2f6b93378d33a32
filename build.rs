//! Compiles `seeds/` into the corpus embedded in the app, failing the build on any error.
//! The compilation is the `corpus-build` crate's; the binary form is the `corpus` crate's.
//!
//! Past [`PARTED_ABOVE`] bytes of article text, the texts are not embedded: the wasm holds the
//! index (everything else) and the texts go to parts of about [`PART_BYTES`], written to
//! `corpus-parts/` in the profile's target folder (beside `build/`), with a `manifest` naming
//! the corpus version and the files. The post-build hook copies them next to the page
//! (`scripts/post-build.mjs`). Below the threshold the folder holds an empty manifest.

use std::path::{Path, PathBuf};

/// Article text, in bytes, above which the texts load in parts: tens of articles (the seeds
/// are 18 KB of text for five) stay embedded; at ~35 articles like these the texts would be
/// most of the wasm, and a first view needs only a page of them.
const PARTED_ABOVE: usize = 128 * 1024;
/// Text per part: about 14 KB gzipped (measured on the benchmark's 100× corpus), one round trip
/// on a slow connection, and the first page of a list (50 articles of this corpus's length) in
/// three or four parts.
const PART_BYTES: usize = 64 * 1024;

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
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    let text: usize = corpus.documents.iter().map(|d| d.length).sum();
    // The app knows at compile time whether its texts are in parts (`explorer::embedded::
    // TEXTS_IN_PARTS`): below the threshold the code that loads them is dropped from the wasm.
    println!("cargo::rustc-check-cfg=cfg(texts_in_parts)");
    if text > PARTED_ABOVE {
        println!("cargo::rustc-cfg=texts_in_parts");
    }
    let (bytes, parts) = match text > PARTED_ABOVE {
        true => corpus::codec::encode_parted(&corpus, PART_BYTES),
        false => (corpus::codec::encode(&corpus), Vec::new()),
    };
    write(&out_dir.join("corpus.bin"), &bytes)?;
    // OUT_DIR is <target>/<triple>/<profile>/build/<package>-<hash>/out.
    let parts_dir = out_dir.ancestors().nth(3).ok_or("OUT_DIR is not inside a target folder")?.join("corpus-parts");
    if parts_dir.exists() {
        std::fs::remove_dir_all(&parts_dir).map_err(|e| format!("cannot clear {}: {e}", parts_dir.display()))?;
    }
    std::fs::create_dir_all(&parts_dir).map_err(|e| format!("cannot create {}: {e}", parts_dir.display()))?;
    let mut manifest = format!("{}\n", corpus.version);
    for (name, data) in &parts {
        write(&parts_dir.join(name), data)?;
        manifest.push_str(name);
        manifest.push('\n');
    }
    write(&parts_dir.join("manifest"), manifest.as_bytes())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
