//! The current results as files: CSV and JSON, built in the browser from the same evaluation
//! as the view, so an export holds exactly what the filters select.
//!
//! Both carry the permalink of the view and the corpus version, so a file can be traced back
//! to what produced it. They are written by hand: serde_json, tried for the JSON export (the
//! user's design names it), cost 7.2 KB of gzipped wasm — measured with the hand-written
//! writer still linked, so a lower bound — against a budget of 2 KB; the writers stay, tested
//! against serde_json (native, dev-dependency) instead.
//!
//! ```
//! use explorer::export::{Export, csv, json};
//! use explorer::query::{Filter, Lang, eval::Index};
//! let index = Index::new(explorer::embedded::corpus().unwrap());
//! let eval = index.evaluate(&Filter { q: "uranium".into(), ..Default::default() });
//! let export = Export { index: &index, eval: &eval, permalink: "https://example.org/?q=uranium", lang: Lang::En };
//! assert!(csv(&export).contains("https://example.org/?q=uranium"));
//! assert!(json(&export).starts_with('{'));
//! ```

use std::fmt::Write;

use crate::date::{DateSpec, Precision};
use crate::format;
use crate::i18n::{agreement_status, event_kind};
use crate::model::{ActorKind, Basis, Source, Target};
use crate::query::eval::{Evaluation, Index};
use crate::query::url::print;
use crate::query::{Lang, ViewState};

/// What an export is made of.
pub struct Export<'a> {
    pub index: &'a Index<'a>,
    pub eval: &'a Evaluation,
    /// The full address of the view.
    pub permalink: &'a str,
    /// Titles and labels are written in this language; article texts stay as written.
    pub lang: Lang,
}

/// One row of the export, shared by both formats.
struct Row<'a> {
    /// `document`, `event`, `agreement` or `passage`.
    record: &'static str,
    id: String,
    document: &'a str,
    passage: Option<usize>,
    date: Option<DateSpec>,
    date_basis: Option<DateBasis>,
    /// The kind of event or the status of an agreement, in the export's language.
    kind: &'a str,
    title: &'a str,
    /// A note's `{doc:ID}` references are written as the documents' labels.
    text: std::borrow::Cow<'a, str>,
    link: String,
    sources: Vec<&'a Source>,
    /// For a fact: some of its sources contradict each other.
    disputed: bool,
    /// The human label of `document` ("Info Matin, 28 juillet 2025").
    source: String,
    /// Places, actors and sectors (ids): of a passage, those it mentions; of an event or
    /// agreement, its place, actors and sectors.
    places: Vec<&'a str>,
    actors: Vec<&'a str>,
    sectors: Vec<&'a str>,
    /// Figures (ids) stated in a passage.
    figures: Vec<&'a str>,
}

impl<'a> Row<'a> {
    fn new(record: &'static str, id: String, document: &'a str) -> Row<'a> {
        Row {
            record,
            id,
            document,
            passage: None,
            date: None,
            date_basis: None,
            kind: "",
            title: "",
            text: "".into(),
            link: String::new(),
            sources: Vec::new(),
            disputed: false,
            source: String::new(),
            places: Vec::new(),
            actors: Vec::new(),
            sectors: Vec::new(),
            figures: Vec::new(),
        }
    }
}

fn precision_key(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Approximate => "approximate",
    }
}

impl Export<'_> {
    /// The link to a passage: the page's address with the reader open at it (in the export's
    /// language), printed as the app prints every view.
    fn passage_link(&self, doc: &str, passage: Option<usize>) -> String {
        let base = self.permalink.split(['?', '#']).next().unwrap_or_default();
        let view = ViewState { doc: Some(doc.to_string()), passage, lang: self.lang, ..Default::default() };
        format!("{base}?{}", print(&view))
    }

    /// The title of an event, agreement or figure, in the export's language.
    fn fact_title(&self, id: &str) -> String {
        let corpus = self.index.corpus;
        let lang = self.lang;
        corpus
            .events
            .iter()
            .find(|e| e.id == id)
            .map(|e| lang.pick(&e.title_fr, &e.title_en).to_string())
            .or_else(|| {
                corpus.agreements.iter().find(|a| a.id == id).map(|a| lang.pick(&a.title_fr, &a.title_en).to_string())
            })
            .or_else(|| {
                corpus.figures.iter().find(|f| f.id == id).map(|f| lang.pick(&f.label_fr, &f.label_en).to_string())
            })
            .unwrap_or_else(|| id.to_string())
    }

    /// The human label of one document.
    fn label_of(&self, doc: &str) -> String {
        let i = self.index.doc_index(doc);
        i.and_then(|i| format::document_labels(self.index.corpus, self.lang).into_iter().nth(i))
            .unwrap_or_else(|| doc.to_string())
    }

    /// A note as text: the documents it names by their labels.
    fn note(&self, note: &str) -> String {
        let labels = format::document_labels(self.index.corpus, self.lang);
        let label = |id: &str| self.index.doc_index(id).map(|i| labels[i].clone()).unwrap_or_else(|| id.to_string());
        format::note_text(note, &label)
    }

    /// Documents, events and agreements (in timeline order, each followed by one `source` row
    /// per source), then passages.
    fn rows(&self) -> Vec<Row<'_>> {
        let corpus = self.index.corpus;
        let labels = format::document_labels(corpus, self.lang);
        let label = |doc: &str| self.index.doc_index(doc).map(|i| labels[i].clone());
        let mut rows = Vec::new();
        for &i in &self.eval.documents {
            let d = &corpus.documents[i];
            let mut row = Row::new("document", d.id.to_string(), &d.id);
            row.date = d.published.map(|p| p.date);
            row.date_basis = d.published.map(|p| DateBasis::Document(p.basis));
            row.kind = d.outlet.as_deref().unwrap_or_default();
            row.title = &d.title;
            row.text = d.author.as_deref().unwrap_or_default().into();
            row.link = self.passage_link(&d.id, None);
            row.source = labels[i].clone();
            rows.push(row);
        }
        let mut items: Vec<Row> = Vec::new();
        for &i in &self.eval.events {
            let e = &corpus.events[i];
            let title = (
                self.lang.pick(e.title_fr.as_ref(), &e.title_en),
                self.lang.pick(e.note_fr.as_deref(), e.note_en.as_deref()),
            );
            let mut row = self.item("event", &e.id, event_kind(self.lang, e.kind), e.date, &e.sources, title);
            row.places.extend(e.place.as_deref());
            row.actors = e.actors.iter().map(|a| a.as_ref()).collect();
            row.sectors = e.sectors.iter().map(|s| s.as_ref()).collect();
            items.push(row);
        }
        for &i in &self.eval.agreements {
            let a = &corpus.agreements[i];
            let title = (
                self.lang.pick(a.title_fr.as_ref(), &a.title_en),
                self.lang.pick(a.note_fr.as_deref(), a.note_en.as_deref()),
            );
            let mut row =
                self.item("agreement", &a.id, agreement_status(self.lang, a.status), a.date, &a.sources, title);
            row.places.extend(a.place.as_deref());
            row.actors = a.parties.iter().map(|a| a.as_ref()).collect();
            row.sectors = a.sectors.iter().map(|s| s.as_ref()).collect();
            items.push(row);
        }
        crate::order::by_key(&mut items, |r| crate::order::by_date(r.date));
        for mut item in items {
            // Every article that reports it, not only the first.
            let mut named: Vec<String> = Vec::new();
            for s in &item.sources {
                if let Some(l) = label(&s.doc).filter(|l| !named.contains(l)) {
                    named.push(l);
                }
            }
            item.source = named.join(" | ");
            let sources: Vec<Row> = item
                .sources
                .iter()
                .map(|s| {
                    let mut row = Row::new("source", item.id.clone(), &s.doc);
                    row.passage = s.passage;
                    row.text = s.quote.as_ref().into();
                    row.kind = s.stage.map(|st| st.key()).unwrap_or_default();
                    row.link = self.passage_link(&s.doc, row.passage);
                    row.source = label(&s.doc).unwrap_or_default();
                    row
                })
                .collect();
            rows.push(item);
            rows.extend(sources);
        }
        for &(d, p) in &self.eval.passages {
            let doc = &corpus.documents[d];
            let mut row = Row::new("passage", format!("{}#{p}", doc.id), &doc.id);
            row.passage = Some(p);
            // The app loads these texts before it exports (see `export` in src/ui/results.rs).
            row.text = self.index.passage(d, p).map(|(_, text)| text).unwrap_or_default().into();
            row.link = self.passage_link(&doc.id, Some(p));
            row.source = labels[d].clone();
            for m in doc.mentions.iter().filter(|m| m.passage == p) {
                match &m.target {
                    Target::Date(date) if row.date.is_none() => {
                        row.date = Some(*date);
                        row.date_basis = Some(DateBasis::Passage);
                    }
                    Target::Actor(id) => {
                        let place = corpus.actor(id).is_some_and(|a| a.kind == ActorKind::Place);
                        let list = if place { &mut row.places } else { &mut row.actors };
                        if !list.contains(&id.as_ref()) {
                            list.push(id);
                        }
                    }
                    Target::Sector(id) if !row.sectors.contains(&id.as_ref()) => row.sectors.push(id),
                    _ => {}
                }
            }
            if row.date.is_none() {
                row.date = doc.published.map(|p| p.date);
                row.date_basis = row.date.map(|_| DateBasis::OfDocument);
            }
            row.figures = corpus
                .figures
                .iter()
                .filter(|f| f.sources.iter().any(|s| s.doc == doc.id && s.passage == Some(p)))
                .map(|f| f.id.as_ref())
                .collect();
            rows.push(row);
        }
        rows
    }

    /// The comparisons of the facts in the view.
    fn comparisons(&self) -> impl Iterator<Item = &crate::model::Comparison> {
        let corpus = self.index.corpus;
        let e = self.eval;
        let shown = |fact: &str| {
            e.events.iter().any(|&i| corpus.events[i].id == fact)
                || e.agreements.iter().any(|&i| corpus.agreements[i].id == fact)
                || e.figures.iter().any(|&i| corpus.figures[i].id == fact)
        };
        corpus.comparisons.iter().filter(move |c| shown(&c.fact))
    }

    fn item<'b>(
        &'b self,
        record: &'static str,
        id: &'b str,
        kind: &'b str,
        date: Option<DateSpec>,
        sources: &'b [Source],
        (title, note): (&'b str, Option<&'b str>),
    ) -> Row<'b> {
        let first = sources.first();
        let mut row = Row::new(record, id.to_string(), first.map(|s| s.doc.as_ref()).unwrap_or_default());
        row.passage = first.and_then(|s| s.passage);
        row.date = date;
        row.kind = kind;
        row.title = title;
        row.text = match note {
            Some(n) if n.contains("{doc:") => self.note(n).into(),
            n => n.unwrap_or_default().into(),
        };
        row.link = first.map(|s| self.passage_link(&s.doc, s.passage)).unwrap_or_default();
        row.sources = sources.iter().collect();
        row.disputed = self.index.corpus.disputed(id);
        row
    }
}

/// The columns of the CSV export.
pub const CSV_COLUMNS: [&str; 17] = [
    "record",
    "id",
    "document",
    "passage",
    "date",
    "precision",
    "date_basis",
    "kind",
    "title",
    "text",
    "link",
    "disputed",
    "source",
    "places",
    "actors",
    "sectors",
    "figures",
];

/// The results as CSV (RFC 4180, comma-separated, UTF-8 with a byte-order mark so that
/// spreadsheets read the accents). See [`csv_with`].
pub fn csv(export: &Export) -> String {
    csv_with(export, ',')
}

/// The results as CSV separated by `separator` (`;` opens by double-click in a spreadsheet set
/// to French, where `,` is the decimal mark).
///
/// The first record, `view`, holds the corpus version in `id` and the permalink in `link`;
/// then one record per document, event, agreement and passage. For a document, `kind` is the
/// outlet and `text` the author; for an event or agreement, `text` is the note, `disputed` is
/// `yes` when some of its sources contradict each other, and one `source` record follows per
/// source (its document, passage, quote in `text`, stage in `kind`). `source` is the human
/// label of the document; `places`, `actors`, `sectors` and `figures` list names (a passage's:
/// those it mentions or states; an event's or agreement's: its own), separated by " | ". A
/// passage's `date` is the first it states, else its document's (`date_basis`: `passage` or
/// `document`). A `comparison` record tells how the sources of a fact relate: `id` is the
/// comparison, `title` the fact, `kind` the relation, `document` the documents
/// (space-separated) and `text` the note.
pub fn csv_with(export: &Export, separator: char) -> String {
    let corpus = export.index.corpus;
    let lang = export.lang;
    let en = lang == Lang::En;
    let actor = |id: &str| corpus.actor(id).map_or(id.to_string(), |a| a.name_in(en).to_string());
    let sector =
        |id: &str| corpus.sector(id).map_or(id.to_string(), |s| crate::i18n::sector_label(lang, s).to_string());
    let figure = |id: &str| {
        corpus.figures.iter().find(|f| f.id == id).map_or(id.to_string(), |f| {
            format!("{}{}{}", lang.pick(&f.label_fr, &f.label_en), lang.pick(" : ", ": "), format::figure(lang, f))
        })
    };
    let names =
        |ids: &[&str], name: &dyn Fn(&str) -> String| ids.iter().map(|id| name(id)).collect::<Vec<_>>().join(" | ");
    let mut out = String::from("\u{feff}");
    line(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()), separator);
    let version = &corpus.version;
    let mut view = vec![String::new(); CSV_COLUMNS.len()];
    (view[0], view[1], view[10]) = ("view".into(), version.to_string(), export.permalink.to_string());
    line(&mut out, view, separator);
    for r in export.rows() {
        line(
            &mut out,
            [
                r.record.to_string(),
                r.id,
                r.document.to_string(),
                r.passage.map(|p| p.to_string()).unwrap_or_default(),
                r.date.map(|d| d.to_syntax()).unwrap_or_default(),
                r.date.map(|d| precision_key(d.precision)).unwrap_or_default().to_string(),
                basis_key(r.date_basis).to_string(),
                r.kind.to_string(),
                r.title.to_string(),
                r.text.to_string(),
                r.link,
                if r.disputed { "yes" } else { "" }.to_string(),
                r.source,
                names(&r.places, &actor),
                names(&r.actors, &actor),
                names(&r.sectors, &sector),
                names(&r.figures, &figure),
            ],
            separator,
        );
    }
    for c in export.comparisons() {
        let note = export.note(lang.pick(c.note_fr.as_deref(), c.note_en.as_deref()).unwrap_or_default());
        let docs = c.docs.join(" ");
        let mut fields = vec![String::new(); CSV_COLUMNS.len()];
        // The fact by its title, with its id to join with its own record.
        let title = format!("{} ({})", export.fact_title(&c.fact), c.fact);
        let labels = c.docs.iter().map(|d| export.label_of(d)).collect::<Vec<_>>().join(" | ");
        (fields[0], fields[1], fields[2], fields[7], fields[8], fields[9], fields[12]) =
            ("comparison".into(), c.id.to_string(), docs, c.relation.key().into(), title, note, labels);
        line(&mut out, fields, separator);
    }
    out
}

fn basis_key(basis: Option<DateBasis>) -> &'static str {
    match basis {
        Some(DateBasis::Document(Basis::Stated)) => "stated",
        Some(DateBasis::Document(Basis::Inferred)) => "inferred",
        Some(DateBasis::Passage) => "passage",
        Some(DateBasis::OfDocument) => "document",
        None => "",
    }
}

/// Where a row's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateBasis {
    /// A document's publication date, stated or inferred.
    Document(Basis),
    /// A passage's own date (the first it states).
    Passage,
    /// A passage that states none: its document's date.
    OfDocument,
}

/// Appends one CSV record: fields quoted when they hold the separator, a quote or a line break.
/// A field a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) is neutralised with a leading `'`, as OWASP advises.
fn line(out: &mut String, fields: impl IntoIterator<Item = String>, separator: char) {
    for (i, mut f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            f.insert(0, '\'');
        }
        if f.contains([separator, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
}

/// The results as JSON: `permalink`, `corpus_version`, `language`, `counts`, then the
/// `documents`, `events` (events and agreements, in date order, each `disputed` or not, each
/// source with the `stage` it gives), `passages` and `comparisons` (how the sources of a fact
/// relate) arrays.
pub fn json(export: &Export) -> String {
    let e = export.eval;
    let mut j = Json(String::new());
    j.0.push('{');
    j.key("permalink", true).string(export.permalink);
    j.key("corpus_version", false).string(&export.index.corpus.version);
    j.key("language", false).string(export.lang.key());
    j.key("counts", false);
    j.0.push('{');
    let counts = [("documents", e.documents.len()), ("events", e.events.len() + e.agreements.len())];
    for (k, (name, n)) in counts.into_iter().chain([("passages", e.passages.len())]).enumerate() {
        j.key(name, k == 0).number(n);
    }
    j.0.push('}');
    let rows = export.rows();
    let corpus = export.index.corpus;
    // Once for the whole file: a label is a look-up, not a computation per source.
    let all_labels = format::document_labels(corpus, export.lang);
    for (array, records) in
        [("documents", &["document"][..]), ("events", &["event", "agreement"]), ("passages", &["passage"])]
    {
        j.key(array, false);
        j.0.push('[');
        for (k, r) in rows.iter().filter(|r| records.contains(&r.record)).enumerate() {
            if k > 0 {
                j.0.push(',');
            }
            let passages: Vec<Option<usize>> = r.sources.iter().map(|s| s.passage).collect();
            let labels: Vec<String> = r
                .sources
                .iter()
                .map(|s| export.index.doc_index(&s.doc).map(|i| all_labels[i].clone()).unwrap_or_default())
                .collect();
            j.row(r, export.lang, &passages, &labels);
        }
        j.0.push(']');
    }
    j.key("comparisons", false);
    j.0.push('[');
    for (k, c) in export.comparisons().enumerate() {
        if k > 0 {
            j.0.push(',');
        }
        j.0.push('{');
        j.key("id", true).string(&c.id);
        j.key("fact", false).string(&c.fact);
        j.key("relation", false).string(c.relation.key());
        j.key("documents", false);
        j.0.push('[');
        for (n, d) in c.docs.iter().enumerate() {
            if n > 0 {
                j.0.push(',');
            }
            j.string(d);
        }
        j.0.push(']');
        let note = export.note(export.lang.pick(c.note_fr.as_deref(), c.note_en.as_deref()).unwrap_or_default());
        j.key("note", false).optional_string(&note);
        j.0.push('}');
    }
    j.0.push(']');
    j.0.push('}');
    j.0
}

/// A JSON writer for the few shapes of the export.
struct Json(String);

impl Json {
    fn key(&mut self, key: &str, first: bool) -> &mut Json {
        if !first {
            self.0.push(',');
        }
        self.string(key);
        self.0.push(':');
        self
    }

    fn string(&mut self, s: &str) {
        self.0.push('"');
        for c in s.chars() {
            match c {
                '"' => self.0.push_str("\\\""),
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                '\r' => self.0.push_str("\\r"),
                '\t' => self.0.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.0, "\\u{:04x}", c as u32);
                }
                c => self.0.push(c),
            }
        }
        self.0.push('"');
    }

    fn number(&mut self, n: usize) {
        let _ = write!(self.0, "{n}");
    }

    fn optional_number(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.number(n),
            None => self.0.push_str("null"),
        }
    }

    fn optional_string(&mut self, s: &str) {
        if s.is_empty() { self.0.push_str("null") } else { self.string(s) }
    }

    /// One record; `passages` are the passages of its sources, in order.
    fn strings(&mut self, key: &str, list: &[&str]) {
        self.key(key, false);
        self.0.push('[');
        for (k, s) in list.iter().enumerate() {
            if k > 0 {
                self.0.push(',');
            }
            self.string(s);
        }
        self.0.push(']');
    }

    /// One record; `labels` are the sources' human labels, in order.
    fn row(&mut self, r: &Row, lang: Lang, passages: &[Option<usize>], labels: &[String]) {
        self.0.push('{');
        match r.record {
            "document" => {
                self.key("id", true).string(&r.id);
                self.key("label", false).string(&r.source);
                self.key("title", false).string(r.title);
                self.key("outlet", false).optional_string(r.kind);
                self.key("author", false).optional_string(&r.text);
            }
            "passage" => {
                self.key("document", true).string(r.document);
                self.key("source", false).string(&r.source);
                self.key("passage", false).optional_number(r.passage);
                self.key("text", false).string(&r.text);
                self.key("date", false).optional_string(&r.date.map(|d| d.to_syntax()).unwrap_or_default());
                self.key("date_basis", false).optional_string(basis_key(r.date_basis));
                self.strings("figures", &r.figures);
            }
            record => {
                self.key("id", true).string(&r.id);
                self.key("type", false).string(record);
                self.key("kind", false).string(r.kind);
                self.key("title", false).string(r.title);
                self.key("note", false).optional_string(&r.text);
                self.key("disputed", false).0.push_str(if r.disputed { "true" } else { "false" });
            }
        }
        if r.record != "passage" {
            self.key("date", false).optional_string(&r.date.map(|d| d.to_syntax()).unwrap_or_default());
            self.key("date_text", false).optional_string(&r.date.map(|d| format::date(lang, &d)).unwrap_or_default());
            self.key("precision", false)
                .optional_string(r.date.map(|d| precision_key(d.precision)).unwrap_or_default());
        }
        if r.record == "document" {
            self.key("date_basis", false).optional_string(basis_key(r.date_basis));
        } else {
            self.strings("places", &r.places);
            self.strings("actors", &r.actors);
            self.strings("sectors", &r.sectors);
        }
        if !r.sources.is_empty() {
            self.key("sources", false);
            self.0.push('[');
            for (k, ((s, passage), label)) in r.sources.iter().zip(passages).zip(labels).enumerate() {
                if k > 0 {
                    self.0.push(',');
                }
                self.0.push('{');
                self.key("document", true).string(&s.doc);
                self.key("label", false).string(label);
                self.key("passage", false).optional_number(*passage);
                self.key("quote", false).string(&s.quote);
                self.key("stage", false).optional_string(s.stage.map(|s| s.key()).unwrap_or_default());
                self.0.push('}');
            }
            self.0.push(']');
        }
        self.key("link", false).string(&r.link);
        self.0.push('}');
    }
}

#[cfg(test)]
mod tests {
    use super::{Json, line};

    #[test]
    fn json_strings_escape_quotes_backslashes_and_control_characters() {
        let tricky = "say \"hi\" \\ path\nnew\ttab\r\u{1}\u{1f} é ’ «»";
        let mut j = Json(String::new());
        j.string(tricky);
        assert_eq!(serde_json::from_str::<String>(&j.0).unwrap(), tricky);
        assert!(!j.0.contains('\n') && !j.0.contains('\u{1}'), "{}", j.0);
    }

    fn one(fields: &[&str]) -> String {
        let mut out = String::new();
        line(&mut out, fields.iter().map(|f| f.to_string()), ',');
        out
    }

    #[test]
    fn quotes_are_doubled_and_fields_quoted_only_when_needed() {
        assert_eq!(
            one(&["a", "b c", "d,e", "say \"hi\"", "two\nlines"]),
            "a,b c,\"d,e\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
        let mut semi = String::new();
        line(&mut semi, ["d,e".to_string(), "f;g".to_string()], ';');
        assert_eq!(semi, "d,e;\"f;g\"\r\n");
    }

    #[test]
    fn formulas_are_neutralised() {
        for formula in ["=1+1", "+33 1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let out = one(&[formula]);
            assert!(out.starts_with('\'') || out.starts_with("\"'"), "{formula:?} → {out:?}");
        }
        assert_eq!(one(&["Bamako", "1960"]), "Bamako,1960\r\n", "ordinary text is left alone");
    }
}
