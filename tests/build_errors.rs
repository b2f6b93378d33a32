//! Every kind of bad input fails the build with a message naming the file, the line and the
//! reason. Each test breaks one thing in a copy of the real seeds.

use test_support as common;

use std::path::{Path, PathBuf};

use explorer::compile::{CompileError, compile_dir};

/// Breaks a copy of the seeds with `break_it`, compiles it, and returns the error.
fn error_after(name: &str, break_it: impl FnOnce(&Path)) -> (PathBuf, CompileError) {
    let dir = common::copy_of_seeds(name);
    break_it(&dir);
    let error = compile_dir(&dir).expect_err("the broken seeds must not compile");
    (dir, error)
}

fn knowledge(dir: &Path, file: &str) -> PathBuf {
    dir.join("knowledge").join(file)
}

/// Asserts the error is at `needle`'s line of `file` and its message contains `reason`.
fn assert_at(error: &CompileError, file: &Path, needle: &str, reason: &str) {
    assert_eq!(error.file, file, "{error}");
    assert_eq!(error.line, Some(common::line_of(file, needle)), "{error}");
    assert!(error.reason.contains(reason), "{error}");
    let shown = error.to_string();
    assert!(shown.starts_with(&format!("{}:{}: ", file.display(), common::line_of(file, needle))), "{shown}");
}

#[test]
fn toml_syntax_error() {
    let (dir, error) = error_after("syntax", |dir| {
        common::edit(&knowledge(dir, "events.toml"), "id = \"pm-audience\"", "id = \"pm-audience");
    });
    assert_at(&error, &knowledge(&dir, "events.toml"), "id = \"pm-audience", "invalid TOML");
}

#[test]
fn unknown_field_is_a_typo_not_ignored() {
    let (dir, error) = error_after("unknown-field", |dir| {
        common::edit(
            &knowledge(dir, "actors.toml"),
            "kind = \"place\"\nname = \"Niamey\"",
            "kind = \"place\"\nnmae = \"Niamey\"",
        );
    });
    assert!(error.reason.contains("nmae"), "{error}");
    assert_eq!(error.file, knowledge(&dir, "actors.toml"));
    assert!(error.line.is_some(), "{error}");
}

#[test]
fn unknown_enum_value() {
    let (dir, error) = error_after("bad-kind", |dir| {
        common::edit(
            &knowledge(dir, "actors.toml"),
            "kind = \"place\"\nname = \"Niamey\"",
            "kind = \"city\"\nname = \"Niamey\"",
        );
    });
    assert_at(&error, &knowledge(&dir, "actors.toml"), "kind = \"city\"", "city");
}

#[test]
fn unknown_actor_id() {
    let (dir, error) = error_after("unknown-actor", |dir| {
        common::edit(&knowledge(dir, "events.toml"), "actors = [\"abdoulaye-maiga\",", "actors = [\"abdoulaye-maga\",");
    });
    assert_at(&error, &knowledge(&dir, "events.toml"), "abdoulaye-maga", "unknown actor id \"abdoulaye-maga\"");
}

#[test]
fn unknown_sector_id() {
    let (dir, error) = error_after("unknown-sector", |dir| {
        common::edit(&knowledge(dir, "figures.toml"), "sectors = [\"education-science\"]", "sectors = [\"education\"]");
    });
    assert_at(&error, &knowledge(&dir, "figures.toml"), "sectors = [\"education\"]", "unknown sector id \"education\"");
}

#[test]
fn unknown_document_id() {
    let (dir, error) = error_after("unknown-doc", |dir| {
        common::edit(&knowledge(dir, "agreements.toml"), "{ doc = \"001_acfb4e3aff133b8d\"", "{ doc = \"001_missing\"");
    });
    assert_at(&error, &knowledge(&dir, "agreements.toml"), "001_missing", "unknown document id \"001_missing\"");
}

#[test]
fn metadata_for_a_missing_article() {
    let (dir, error) = error_after("meta-missing", |dir| {
        common::edit(&knowledge(dir, "documents.toml"), "id = \"003_05e1c35ce3dd58fc\"", "id = \"003_nope\"");
    });
    assert_at(&error, &knowledge(&dir, "documents.toml"), "003_nope", "no article seeds/003_nope.txt");
}

#[test]
fn duplicate_id() {
    let (dir, error) = error_after("dup-id", |dir| {
        common::edit(&knowledge(dir, "actors.toml"), "id = \"niamey\"", "id = \"bamako\"");
    });
    let file = knowledge(&dir, "actors.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let second = text.match_indices("id = \"bamako\"").nth(1).unwrap().0;
    assert_eq!(error.line, Some(text[..second].matches('\n').count() + 1), "{error}");
    assert!(error.reason.contains("duplicate id \"bamako\""), "{error}");
}

#[test]
fn duplicate_id_across_events_agreements_and_figures() {
    let (dir, error) = error_after("dup-item", |dir| {
        common::edit(&knowledge(dir, "figures.toml"), "id = \"delegation-size\"", "id = \"pm-audience\"");
    });
    assert_at(&error, &knowledge(&dir, "figures.toml"), "id = \"pm-audience\"", "duplicate id");
}

#[test]
fn duplicate_alias_between_two_actors() {
    let (dir, error) = error_after("dup-alias", |dir| {
        common::edit(&knowledge(dir, "actors.toml"), "aliases = [\"Moscow\"]", "aliases = [\"Moscow\", \"Bamako\"]");
    });
    assert_at(
        &error,
        &knowledge(&dir, "actors.toml"),
        "\"Moscow\", \"Bamako\"",
        "listed for both \"bamako\" and \"moscow\"",
    );
}

#[test]
fn duplicate_sector_term() {
    let (dir, error) = error_after("dup-term", |dir| {
        common::edit(&knowledge(dir, "sectors.toml"), "terms = [\"uranium\"]", "terms = [\"uranium\", \"pétrole\"]");
    });
    assert_at(&error, &knowledge(&dir, "sectors.toml"), "\"uranium\", \"pétrole\"", "listed twice");
}

#[test]
fn unknown_parent_and_cycle_in_the_taxonomy() {
    let (dir, error) = error_after("bad-parent", |dir| {
        common::edit(&knowledge(dir, "sectors.toml"), "parent = \"mining\"", "parent = \"minning\"");
    });
    assert_at(&error, &knowledge(&dir, "sectors.toml"), "parent = \"minning\"", "unknown parent");

    let (dir, error) = error_after("cycle", |dir| {
        common::edit(&knowledge(dir, "sectors.toml"), "id = \"energy\"\n", "id = \"energy\"\nparent = \"oil\"\n");
    });
    assert!(error.reason.contains("its own ancestor"), "{error}");
    assert_eq!(error.file, knowledge(&dir, "sectors.toml"));
}

#[test]
fn quote_not_verbatim() {
    let (dir, error) = error_after("quote", |dir| {
        common::edit(
            &knowledge(dir, "figures.toml"),
            "Une délégation de 60 personnes",
            "Une délégation de 70 personnes",
        );
    });
    assert_at(&error, &knowledge(&dir, "figures.toml"), "70 personnes", "is not verbatim in 001_acfb4e3aff133b8d");
}

#[test]
fn quote_with_the_wrong_apostrophe_gets_a_hint() {
    let (dir, error) = error_after("apostrophe", |dir| {
        common::edit(&knowledge(dir, "figures.toml"), "d'étudiants maliens", "d’étudiants maliens");
    });
    assert_at(&error, &knowledge(&dir, "figures.toml"), "d’étudiants maliens", "other apostrophe style");
}

#[test]
fn quotes_may_differ_in_white_space_only() {
    let dir = common::copy_of_seeds("whitespace");
    common::edit(
        &knowledge(&dir, "figures.toml"),
        "Une délégation de 60 personnes",
        "Une   délégation\\nde 60 personnes",
    );
    assert!(compile_dir(&dir).is_ok());
}

#[test]
fn malformed_date() {
    let (dir, error) = error_after("date", |dir| {
        common::edit(&knowledge(dir, "events.toml"), "date = \"2025-07-28\"", "date = \"2025-07-32\"");
    });
    assert_at(&error, &knowledge(&dir, "events.toml"), "2025-07-32", "not a date");
}

#[test]
fn id_that_is_not_a_slug() {
    let (dir, error) = error_after("slug", |dir| {
        common::edit(&knowledge(dir, "actors.toml"), "id = \"kamaz\"", "id = \"Kamaz Trucks\"");
    });
    assert_at(&error, &knowledge(&dir, "actors.toml"), "Kamaz Trucks", "lowercase ASCII slug");
}

#[test]
fn item_without_source() {
    let (dir, error) = error_after("no-source", |dir| {
        let file = knowledge(dir, "events.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        let start = text.find("sources = [\n  { doc = \"001_acfb4e3aff133b8d\", quote = \"comme mentionné").unwrap();
        let end = start + text[start..].find("\n]\n").unwrap() + 3;
        std::fs::write(&file, format!("{}{}", &text[..start], &text[end..])).unwrap();
    });
    assert_at(&error, &knowledge(&dir, "events.toml"), "id = \"russian-visits-2024\"", "has no source");
}

#[test]
fn non_utf8_article() {
    let (dir, error) = error_after("non-utf8", |dir| {
        std::fs::write(dir.join("950_latin1.txt"), b"ligne un\nligne deux \xe9t\xe9\n").unwrap();
    });
    assert_eq!(error.file, dir.join("950_latin1.txt"));
    assert_eq!(error.line, Some(2));
    assert!(
        error.to_string().ends_with("950_latin1.txt:2: not valid UTF-8 (articles must be saved as UTF-8)"),
        "{error}"
    );
}

#[test]
fn empty_article() {
    let (dir, error) = error_after("empty", |dir| std::fs::write(dir.join("951_vide.txt"), " \n\n").unwrap());
    assert_eq!(error.file, dir.join("951_vide.txt"));
    assert!(error.reason.contains("empty"), "{error}");
}

#[test]
fn article_of_furniture_only() {
    let (dir, error) = error_after("furniture-only", |dir| {
        std::fs::write(dir.join("952_menu.txt"), "top of page\n© Crédit\nbottom of page\n").unwrap()
    });
    assert_eq!(error.file, dir.join("952_menu.txt"));
    assert!(error.reason.contains("no text besides page furniture"), "{error}");
}

#[test]
fn unreadable_article() {
    let (dir, error) = error_after("dangling", |dir| {
        std::os::unix::fs::symlink(dir.join("does-not-exist"), dir.join("953_lien.txt")).unwrap();
    });
    assert_eq!(error.file, dir.join("953_lien.txt"));
    assert!(error.reason.contains("cannot read the file"), "{error}");

    let (dir, error) = error_after("folder", |dir| std::fs::create_dir(dir.join("954_dossier.txt")).unwrap());
    assert_eq!(error.file, dir.join("954_dossier.txt"));
    assert!(error.reason.contains("cannot read the file"), "{error}");
}

#[test]
fn file_name_unusable_in_links() {
    let (dir, error) = error_after("bad-name", |dir| std::fs::write(dir.join("Mon Article.txt"), "Texte.").unwrap());
    assert_eq!(error.file, dir.join("Mon Article.txt"));
    assert!(error.reason.contains("only a-z, 0-9"), "{error}");
}

#[test]
fn no_article_at_all() {
    let dir = common::temp_dir("none");
    std::fs::write(dir.join("notes.md"), "pas un article").unwrap();
    let error = compile_dir(&dir).unwrap_err();
    assert!(error.reason.contains("no article"), "{error}");
}

#[test]
fn a_stage_its_quote_does_not_say() {
    let (dir, error) = error_after("stage-not-earned", |dir| {
        common::edit(
            &knowledge(dir, "agreements.toml"),
            "concerne l’utilisation pacifique de l’énergie atomique.\", stage = \"signed\"",
            "concerne l’utilisation pacifique de l’énergie atomique.\", stage = \"ratified\"",
        );
    });
    let file = knowledge(&dir, "agreements.toml");
    assert_at(&error, &file, "stage = \"ratified\"", "does not say this stage");
}

#[test]
fn a_wording_that_is_not_in_its_quote() {
    let (dir, error) = error_after("wording", |dir| {
        common::edit(&knowledge(dir, "figures.toml"), "wording = \"plus de 10 000\"", "wording = \"près de 10 000\"");
    });
    assert_at(&error, &knowledge(&dir, "figures.toml"), "wording = \"près de 10 000\"", "is not in the quote");
}

#[test]
fn a_comparison_of_a_document_that_does_not_report_the_fact() {
    let (dir, error) = error_after("comparison-doc", |dir| {
        common::edit(
            &knowledge(dir, "comparisons.toml"),
            "docs = [\"003_05e1c35ce3dd58fc\", \"000_194bb33a507fa3a4\"]",
            "docs = [\"003_05e1c35ce3dd58fc\", \"002_054c372ceee383ed\"]",
        );
    });
    let file = knowledge(&dir, "comparisons.toml");
    let needle = "docs = [\"003_05e1c35ce3dd58fc\", \"002_054c372ceee383ed\"]";
    assert_at(&error, &file, needle, "is not a source of \"thematic-sub-commissions\"");
}

#[test]
fn identical_figures_must_give_equal_values() {
    // The two articles give 7 and 6 (and a committee): compatible, not identical.
    let (dir, error) = error_after("identical", |dir| {
        let file = knowledge(dir, "comparisons.toml");
        common::edit(&file, "relation = \"compatible\"\ndocs = [\"003", "relation = \"identical\"\ndocs = [\"003");
    });
    assert_at(
        &error,
        &knowledge(&dir, "comparisons.toml"),
        "relation = \"identical\"\ndocs = [\"003",
        "different values",
    );
}

#[test]
fn demonyms_belong_to_one_country() {
    let (dir, error) = error_after("demonym-twice", |dir| {
        common::edit(
            &knowledge(dir, "actors.toml"),
            "demonyms = [\"russe\", \"russes\"]",
            "demonyms = [\"russe\", \"malien\"]",
        );
    });
    assert_at(&error, &knowledge(&dir, "actors.toml"), "demonyms = [\"russe\", \"malien\"]", "listed for both");
    let (dir, error) = error_after("demonym-place", |dir| {
        common::edit(
            &knowledge(dir, "actors.toml"),
            "name = \"Niamey\"",
            "name = \"Niamey\"\ndemonyms = [\"niaméen\"]",
        );
    });
    assert_at(&error, &knowledge(&dir, "actors.toml"), "demonyms = [\"niaméen\"]", "not a country");
}

#[test]
fn an_outlet_in_an_unknown_country() {
    let (dir, error) = error_after("outlet", |dir| {
        common::edit(
            &knowledge(dir, "documents.toml"),
            "name = \"Info Matin\"\ncountry = \"mali\"",
            "name = \"Info Matin\"\ncountry = \"bamako\"",
        );
    });
    assert_at(
        &error,
        &knowledge(&dir, "documents.toml"),
        "country = \"bamako\"",
        "not the id of an actor of kind country",
    );
}

#[test]
fn a_described_phrase_without_its_demonym() {
    let (dir, error) = error_after("described", |dir| {
        common::edit(
            &knowledge(dir, "references.toml"),
            "phrase = \"la partie {demonym}\"",
            "phrase = \"la partie russe\"",
        );
    });
    assert_at(&error, &knowledge(&dir, "references.toml"), "phrase = \"la partie russe\"", "followed by {demonym}");
}

#[test]
fn a_note_that_names_an_unknown_document() {
    let (dir, error) = error_after("note-doc", |dir| {
        common::edit(
            &knowledge(dir, "comparisons.toml"),
            "{doc:001_acfb4e3aff133b8d} présente",
            "{doc:009_nowhere} présente",
        );
    });
    assert_at(&error, &knowledge(&dir, "comparisons.toml"), "{doc:009_nowhere}", "unknown document {doc:009_nowhere}");
}
