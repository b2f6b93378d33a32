//! Benchmark of filtering, and of the network, entity pages and exports, on a corpus 100× the
//! seeds (`make bench`).
//!
//! The real corpus is replicated 100 times with new document ids, then the index is built and
//! typical filter changes are evaluated. Native timings: the browser's wasm is typically
//! 1.5–2× slower, which is why the target here is well under the 16 ms of one frame.

use std::borrow::Cow;
use std::time::{Duration, Instant};

use explorer::date::DateSpec;
use explorer::model::{Corpus, Document};
use explorer::query::Filter;
use explorer::query::eval::Index;

const COPIES: usize = 100;

fn main() {
    let base = explorer::compile::compile_dir(std::path::Path::new("seeds")).expect("seeds compile");
    let mut documents: Vec<Document> = Vec::with_capacity(base.documents.len() * COPIES);
    for copy in 0..COPIES {
        for doc in base.documents.iter() {
            let mut d = doc.clone();
            d.id = Cow::Owned(format!("{}-{copy:03}", doc.id));
            documents.push(d);
        }
    }
    let corpus = Corpus { documents: documents.into(), ..base.clone() };
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let passages: usize = corpus.documents.iter().map(|d| d.passages.len()).sum();
    let mentions: usize = corpus.documents.iter().map(|d| d.mentions.len()).sum();
    println!(
        "corpus ×{COPIES}: {} documents, {} KB of text, {passages} passages, {mentions} mentions",
        corpus.documents.len(),
        bytes / 1024
    );

    let start = Instant::now();
    let index = Index::new(&corpus);
    println!("index built in {:.2} ms", ms(start.elapsed()));

    let date = |s: &str| Some(DateSpec::parse(s).unwrap());
    let cases: Vec<(&str, Filter)> = vec![
        ("no filter", Filter::default()),
        ("one actor", Filter { actors: vec!["sergei-tsivilev".into()], ..Filter::default() }),
        (
            "parent sector + actor",
            Filter { sectors: vec!["energy".into()], actors: vec!["rosatom".into()], ..Filter::default() },
        ),
        ("date range (July 2025)", Filter { from: date("2025-07"), to: date("2025-07"), ..Filter::default() }),
        ("text (first search builds words)", Filter { q: "carte thermique".into(), ..Filter::default() }),
        ("text + facets", Filter { q: "énergie".into(), sectors: vec!["mining".into()], ..Filter::default() }),
        (
            "short range (daily histogram)",
            Filter { from: date("2025-07-20"), to: date("2025-08-10"), ..Filter::default() },
        ),
    ];
    for (name, filter) in &cases {
        let first = Instant::now();
        let e = index.evaluate(filter);
        let first = first.elapsed();
        let runs = 20;
        let start = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(index.evaluate(filter));
        }
        let each = start.elapsed() / runs;
        println!(
            "{name:<34} first {:>7.2} ms, then {:>6.2} ms/run → {} documents, {} passages, {} events",
            ms(first),
            ms(each),
            e.documents.len(),
            e.passages.len(),
            e.events.len()
        );
    }

    // What the issue-5 views compute on a change: the network of the results (counting and
    // layout), an actor and a sector page, and both exports.
    let all = index.evaluate(&Filter::default());
    let energy = index.evaluate(&Filter { sectors: vec!["energy".into()], ..Filter::default() });
    for (name, e) in [("network, no filter", &all), ("network, energy", &energy)] {
        let mut nodes = 0;
        let t = median(11, || nodes = explorer::network::network(&index, &e.passages).nodes.len());
        println!("{name:<34} {:>7.2} ms (median of 11) → {nodes} actors", ms(t));
    }
    let t = median(11, || {
        std::hint::black_box(explorer::profile::actor(&index, "sergei-tsivilev"));
    });
    println!("{:<34} {:>7.2} ms (median of 11)", "actor page profile", ms(t));
    let t = median(11, || {
        std::hint::black_box(explorer::profile::sector(&index, "energy"));
    });
    println!("{:<34} {:>7.2} ms (median of 11)", "sector page profile", ms(t));
    let export = explorer::export::Export {
        index: &index,
        eval: &all,
        permalink: "https://example.org/",
        lang: explorer::query::Lang::Fr,
    };
    let mut size = (0, 0);
    let t = median(5, || size = (explorer::export::csv(&export).len(), explorer::export::json(&export).len()));
    println!(
        "{:<34} {:>7.2} ms (median of 5) → CSV {} KB, JSON {} KB",
        "both exports, no filter",
        ms(t),
        size.0 / 1024,
        size.1 / 1024
    );
}

/// Median time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
