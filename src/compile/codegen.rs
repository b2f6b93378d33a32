//! Writes a compiled [`Corpus`] as a Rust constant expression, for `build.rs` to embed.
//!
//! The app includes the output as `static CORPUS: Corpus = …;`: every string and list is a
//! `Cow::Borrowed` of data in the binary, so reading the corpus at start-up costs nothing.
//! Paths are written from the library's crate root (`crate::model::…`).

use std::borrow::Cow;
use std::fmt::Write;

use crate::date::{DateSpec, Day, Precision};
use crate::model::*;

/// The corpus as a Rust expression of type `crate::model::Corpus`.
pub fn corpus_to_rust(corpus: &Corpus) -> String {
    let mut out = String::with_capacity(corpus.documents.iter().map(|d| d.text.len() * 3).sum::<usize>() + 4096);
    corpus.write_rust(&mut out);
    out
}

/// A value that can be written as a Rust constant expression.
pub trait ToRust {
    fn write_rust(&self, out: &mut String);
}

impl ToRust for Cow<'static, str> {
    fn write_rust(&self, out: &mut String) {
        // `{:?}` of a str is a valid Rust string literal (quotes, backslashes, controls escaped).
        let _ = write!(out, "::std::borrow::Cow::Borrowed({:?})", self.as_ref());
    }
}

impl<T: ToRust + Clone> ToRust for Cow<'static, [T]> {
    fn write_rust(&self, out: &mut String) {
        out.push_str("::std::borrow::Cow::Borrowed(&[");
        for item in self.iter() {
            item.write_rust(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl<T: ToRust> ToRust for Option<T> {
    fn write_rust(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.write_rust(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

macro_rules! debug_literal {
    ($($t:ty),*) => {$(
        impl ToRust for $t {
            fn write_rust(&self, out: &mut String) {
                let _ = write!(out, "{:?}", self);
            }
        }
    )*};
}
debug_literal!(usize, bool, i32, u8);

impl ToRust for f64 {
    fn write_rust(&self, out: &mut String) {
        // Figures are finite (they come from TOML numbers); `{:?}` keeps a decimal point.
        if self.is_finite() {
            let _ = write!(out, "{self:?}");
        } else {
            out.push_str("f64::NAN");
        }
    }
}

/// Unit-like enums: written as `path::Variant` from their `Debug` name.
macro_rules! enum_literal {
    ($($t:ty => $path:literal),*) => {$(
        impl ToRust for $t {
            fn write_rust(&self, out: &mut String) {
                let _ = write!(out, concat!($path, "::{:?}"), self);
            }
        }
    )*};
}
enum_literal!(
    Precision => "crate::date::Precision",
    Basis => "crate::model::Basis",
    ActorKind => "crate::model::ActorKind",
    Side => "crate::model::Side",
    EventKind => "crate::model::EventKind",
    EventStatus => "crate::model::EventStatus",
    AgreementStatus => "crate::model::AgreementStatus"
);

/// Structs: written field by field as `path { field: value, … }`.
macro_rules! struct_literal {
    ($($t:ident => $path:literal { $($field:ident),* })*) => {$(
        impl ToRust for $t {
            fn write_rust(&self, out: &mut String) {
                out.push_str(concat!($path, " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.write_rust(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    )*};
}
struct_literal! {
    Day => "crate::date::Day" { year, month, day }
    DateSpec => "crate::date::DateSpec" { start, end, precision, relative, year_inferred }
    Span => "crate::model::Span" { start, end }
    Published => "crate::model::Published" { date, basis }
    Mention => "crate::model::Mention" { span, passage, target }
    Document => "crate::model::Document" { id, title, outlet, author, published, language, text, furniture, passages, mentions }
    Source => "crate::model::Source" { doc, quote, span }
    Role => "crate::model::Role" { role, source }
    Actor => "crate::model::Actor" { id, kind, name, aliases, side, roles, description_fr, description_en }
    Sector => "crate::model::Sector" { id, parent, label_fr, label_en }
    Event => "crate::model::Event" { id, kind, status, title_fr, title_en, date, place, actors, sectors, note_fr, note_en, sources }
    Agreement => "crate::model::Agreement" { id, status, title_fr, title_en, date, place, parties, sectors, note_fr, note_en, sources }
    Figure => "crate::model::Figure" { id, label_fr, label_en, value, from, at_least, unit_fr, unit_en, date, actors, sectors, note_fr, note_en, sources }
    Corpus => "crate::model::Corpus" { version, documents, actors, sectors, events, agreements, figures }
}

impl ToRust for Target {
    fn write_rust(&self, out: &mut String) {
        let (variant, inner): (&str, &dyn ToRust) = match self {
            Target::Actor(id) => ("Actor", id),
            Target::Sector(id) => ("Sector", id),
            Target::Date(date) => ("Date", date),
        };
        let _ = write!(out, "crate::model::Target::{variant}(");
        inner.write_rust(out);
        out.push(')');
    }
}
