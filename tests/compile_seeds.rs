//! The build-time compiler on the real seeds and on broken ones.

mod common;

use explorer::compile::compile_dir;

#[test]
fn compiles_every_seed_article_in_file_order() {
    let corpus = compile_dir(&common::seeds_dir()).expect("the seeds compile");
    let mut stems: Vec<String> = std::fs::read_dir(common::seeds_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    stems.sort();
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, stems);
    for doc in &corpus.documents {
        let on_disk = std::fs::read_to_string(common::seeds_dir().join(format!("{}.txt", doc.id))).unwrap();
        assert_eq!(doc.text, on_disk, "{} is kept byte for byte", doc.id);
        assert!(!doc.title.is_empty());
    }
}

#[test]
fn the_embedded_corpus_is_the_compiled_seeds() {
    let embedded = explorer::embedded::corpus().expect("embedded JSON reads back");
    let fresh = compile_dir(&common::seeds_dir()).unwrap();
    assert_eq!(embedded, fresh);
}

#[test]
fn a_non_utf8_article_fails_naming_file_and_line() {
    let dir = common::temp_dir("non-utf8");
    std::fs::write(dir.join("a.txt"), b"ligne un\nligne deux \xe9t\xe9\n").unwrap();
    let error = compile_dir(&dir).unwrap_err();
    assert!(error.file.ends_with("a.txt"));
    assert_eq!(error.line, Some(2));
    assert!(error.to_string().contains("a.txt:2: not valid UTF-8"), "{error}");
}

#[test]
fn an_empty_article_fails_naming_the_file() {
    let dir = common::temp_dir("empty");
    std::fs::write(dir.join("ok.txt"), "Un texte.").unwrap();
    std::fs::write(dir.join("vide.txt"), " \n\n").unwrap();
    let error = compile_dir(&dir).unwrap_err();
    assert!(error.file.ends_with("vide.txt"));
    assert!(error.reason.contains("empty"), "{error}");
}

#[test]
fn a_folder_without_articles_fails() {
    let dir = common::temp_dir("none");
    std::fs::write(dir.join("notes.md"), "pas un article").unwrap();
    let error = compile_dir(&dir).unwrap_err();
    assert!(error.reason.contains("no article"), "{error}");
}
