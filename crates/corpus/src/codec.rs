//! A compact binary form of the [`Corpus`], written by `build.rs` and read by the app.
//!
//! Why not JSON, or a generated Rust `static`: JSON needs serde's deserialisation code in the
//! wasm (tens of kilobytes), and a `static` of structs is full of pointers, which compress
//! poorly. This format is a table of distinct strings followed by the structures, numbers as
//! LEB128 varints and strings as indices into the table. Strings are read without copying
//! (`Cow::Borrowed` from the embedded bytes), so start-up only allocates the lists.
//!
//! Mentions are most of a large corpus's index (34,000 at 100× the seeds): what each one names
//! is a number in a table of the distinct targets, the most frequent first (one byte for the
//! common ones), and its passage is a step from the previous mention's, in one byte with its
//! rule. At 100× that took the index from 115 to 91.5 KB gzipped.
//!
//! `decode(encode(corpus))` gives the corpus back, and any changed byte or cut is refused
//! (the app's `tests/codec.rs` checks both on the real corpus).
//!
//! A large corpus is written in parts instead ([`encode_parted`]): the index, the same format
//! without the article texts (each text's length and the sources' quotes stand in), and the
//! texts in files of consecutive documents, each read by [`decode_part`] against the index.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::date::{DateSpec, Day, Precision};
use crate::model::*;

/// The first bytes of the format, with its version.
const MAGIC: &[u8; 4] = b"MRX5";
/// The first bytes of a part of article texts (see [`encode_parted`]).
const PART_MAGIC: &[u8; 4] = b"MRP1";
/// Bytes of the checksum that follows the header: the FNV-1a hash of everything after it, so
/// that any corrupted byte (a broken build, a bad copy) is refused rather than read as other
/// text.
const CHECKSUM: usize = 8;

/// Checks the header and the checksum of corpus data: any changed byte or cut is refused here,
/// before anything is read.
pub fn verify(data: &[u8]) -> Result<(), DecodeError> {
    verify_as(data, MAGIC)
}

fn verify_as(data: &[u8], magic: &[u8; 4]) -> Result<(), DecodeError> {
    if data.get(..4) != Some(magic.as_slice()) {
        return Err(DecodeError("not corpus data (bad header)", 0));
    }
    let stored = data.get(4..4 + CHECKSUM).map(|b| {
        let mut word = [0u8; CHECKSUM];
        word.copy_from_slice(b);
        u64::from_le_bytes(word)
    });
    match stored == Some(checksum(data.get(4 + CHECKSUM..).unwrap_or_default())) {
        true => Ok(()),
        false => Err(DecodeError("corrupt corpus data (checksum)", 4)),
    }
}

/// FNV-1a, 64 bits: small, and enough to catch any changed byte of a build artefact.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Why bytes could not be read as a corpus (a broken build, never user input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub &'static str, pub usize);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corrupt corpus data: {} at byte {}", self.0, self.1)
    }
}

impl std::error::Error for DecodeError {}

// ---------------------------------------------------------------- writing

struct Writer {
    body: Vec<u8>,
    strings: Vec<String>,
    index: HashMap<String, u64>,
    /// Whether the article texts are written apart, in parts.
    parted: bool,
}

impl Writer {
    fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.body.push(byte);
                return;
            }
            self.body.push(byte | 0x80);
        }
    }

    fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64); // zigzag
    }

    /// A string in place: its length, then its bytes.
    fn raw_str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.body.extend_from_slice(s.as_bytes());
    }

    fn str(&mut self, s: &str) {
        let next = self.strings.len() as u64;
        let i = *self.index.entry(s.to_string()).or_insert_with(|| {
            self.strings.push(s.to_string());
            next
        });
        self.uint(i);
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.uint(1);
                self.str(s);
            }
            None => self.uint(0),
        }
    }

    fn strs(&mut self, list: &[Text]) {
        self.uint(list.len() as u64);
        list.iter().for_each(|s| self.str(s));
    }

    fn span(&mut self, span: Span) {
        self.uint(span.start as u64);
        self.uint(span.len() as u64);
    }

    /// Mentions' spans, in the document's mention order (text order: starts never go back).
    fn mention_spans(&mut self, spans: &[Span]) {
        let mut previous = 0;
        for s in spans {
            self.uint((s.start - previous) as u64);
            self.uint(s.len() as u64);
            previous = s.start;
        }
    }

    /// Spans in text order that do not overlap (passages, furniture).
    fn spans(&mut self, list: &[Span]) {
        self.uint(list.len() as u64);
        let mut previous = 0;
        // From the end of the previous one: passages and furniture follow each other with a
        // line break or two between, so the gap is a byte that repeats (at 100× the seeds, the
        // index 6 KB gzipped smaller than from the previous start).
        for s in list {
            self.uint(s.start.checked_sub(previous).expect("spans in text order, apart") as u64);
            self.uint(s.len() as u64);
            previous = s.end;
        }
    }

    fn date(&mut self, d: &DateSpec) {
        let precision = match d.precision {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Year => 2,
            Precision::Approximate => 3,
        };
        self.uint(precision | u64::from(d.relative) << 2 | u64::from(d.year_inferred) << 3);
        self.int(d.start.ordinal());
        self.uint((d.end.ordinal() - d.start.ordinal()) as u64);
    }

    fn opt_date(&mut self, d: Option<&DateSpec>) {
        match d {
            Some(d) => {
                self.uint(1);
                self.date(d);
            }
            None => self.uint(0),
        }
    }

    /// Sources without their quotes, a quote being the text of its span, rebuilt when read;
    /// with them when the texts are apart (the quote must show before its document's text).
    fn sources(&mut self, list: &[Source]) {
        self.uint(list.len() as u64);
        for s in list {
            self.str(&s.doc);
            self.span(s.span);
            self.uint(s.passage.map_or(0, |p| p as u64 + 1));
            if self.parted {
                self.str(&s.quote);
            }
            self.uint(s.stage.map_or(0, |stage| 1 + stage as u64));
            match s.value {
                Some(v) => {
                    self.uint(1);
                    self.body.extend_from_slice(&v.to_le_bytes());
                }
                None => self.uint(0),
            }
            self.opt_str(s.wording.as_deref());
            self.uint(s.qualifier as u64);
        }
    }

    fn notes(&mut self, fr: Option<&str>, en: Option<&str>) {
        self.opt_str(fr);
        self.opt_str(en);
    }
}

/// Encodes a corpus, article texts included.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    encode_with(corpus, None)
}

/// Encodes a corpus with its article texts apart: an index (everything else, with each
/// text's length and word count, and the sources' quotes) and the parts, files of about
/// `part_bytes` of text each, consecutive documents in corpus order (a list shows documents
/// in that order, so its first page needs the first parts). Returns the index and each
/// part's file name and bytes; the index names the parts.
pub fn encode_parted(corpus: &Corpus, part_bytes: usize) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
    let mut parts = Vec::new();
    let mut first = 0;
    while first < corpus.documents.len() {
        let mut count = 0;
        let mut bytes = 0;
        while first + count < corpus.documents.len() && (count == 0 || bytes < part_bytes) {
            bytes += corpus.documents[first + count].text.len();
            count += 1;
        }
        parts.push((first, count));
        first += count;
    }
    let files: Vec<(String, Vec<u8>)> = parts
        .iter()
        .map(|&(first, count)| {
            let mut w = Writer { body: Vec::new(), strings: Vec::new(), index: HashMap::new(), parted: true };
            w.raw_str(&corpus.version);
            w.uint(first as u64);
            w.uint(count as u64);
            for d in &corpus.documents[first..first + count] {
                w.raw_str(&d.text);
                w.spans(&d.furniture);
                w.spans(&d.passages);
                let spans: Vec<Span> = d.mentions.iter().map(|m| m.span).collect();
                w.mention_spans(&spans);
            }
            let data = sealed(PART_MAGIC, w.body);
            (format!("texts-{:016x}.bin", checksum(&data)), data)
        })
        .collect();
    let table: Vec<Part> = parts
        .iter()
        .zip(&files)
        .map(|(&(first, count), (file, _))| Part { file: file.clone().into(), first, count })
        .collect();
    (encode_with(corpus, Some(&table)), files)
}

/// The data after its magic and the checksum of the rest.
fn sealed(magic: &[u8; 4], payload: Vec<u8>) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend_from_slice(&checksum(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// The distinct targets of the corpus's mentions, the most frequent first (ties in first-seen
/// order, so that the same corpus always gives the same bytes), and each one's number.
fn mention_targets(corpus: &Corpus) -> (Vec<&Target>, HashMap<&Target, u64>) {
    let mut seen: HashMap<&Target, (usize, usize)> = HashMap::new();
    for m in corpus.documents.iter().flat_map(|d| d.mentions.iter()) {
        let next = seen.len();
        seen.entry(&m.target).or_insert((0, next)).0 += 1;
    }
    let mut targets: Vec<(&Target, (usize, usize))> = seen.into_iter().collect();
    targets.sort_by_key(|&(_, (count, first))| (std::cmp::Reverse(count), first));
    let number = targets.iter().enumerate().map(|(i, &(t, _))| (t, i as u64)).collect();
    (targets.into_iter().map(|(t, _)| t).collect(), number)
}

/// How many rules a mention's passage step shares its byte with (see the module's note).
const RULES: u64 = Rule::ALL.len() as u64;

fn encode_with(corpus: &Corpus, parts: Option<&[Part]>) -> Vec<u8> {
    let mut w = Writer { body: Vec::new(), strings: Vec::new(), index: HashMap::new(), parted: parts.is_some() };
    w.str(&corpus.version);
    w.uint(u64::from(w.parted));
    let (targets, number) = mention_targets(corpus);
    w.uint(targets.len() as u64);
    for t in targets {
        match t {
            Target::Actor(id) => {
                w.uint(0);
                w.str(id);
            }
            Target::Sector(id) => {
                w.uint(1);
                w.str(id);
            }
            Target::Date(date) => {
                w.uint(2);
                w.date(date);
            }
        }
    }
    w.uint(corpus.documents.len() as u64);
    for d in corpus.documents.iter() {
        w.str(&d.id);
        w.str(&d.title);
        w.opt_str(d.outlet.as_deref());
        w.opt_str(d.author.as_deref());
        match d.published {
            Some(p) => {
                w.uint(1 + u64::from(p.basis == Basis::Inferred));
                w.date(&p.date);
            }
            None => w.uint(0),
        }
        w.opt_str(d.dated_by.as_deref());
        w.str(&d.language);
        w.uint(d.length as u64);
        w.uint(d.words as u64);
        if !w.parted {
            w.str(&d.text);
        }
        // With the texts apart, the furniture and the mentions' spans go with them: only the
        // texts need them (the reader, highlights), and they are a third of the index.
        if !w.parted {
            w.spans(&d.furniture);
        }
        // With the texts apart, only their number: their places go with the text (at 100× the
        // seeds, a quarter of the index).
        match w.parted {
            true => w.uint(d.passages.len() as u64),
            false => w.spans(&d.passages),
        }
        w.uint(d.mentions.len() as u64);
        let mut previous = 0;
        let mut passage = 0;
        for m in d.mentions.iter() {
            if !w.parted {
                w.uint((m.span.start - previous) as u64);
                w.uint(m.span.len() as u64);
                previous = m.span.start;
            }
            // Mentions are in text order, so their passages never go back.
            let step = m.passage.checked_sub(passage).expect("mentions in text order") as u64;
            passage = m.passage;
            w.uint(step * RULES + m.rule as u64);
            w.uint(number[&m.target]);
        }
    }
    w.uint(corpus.actors.len() as u64);
    for a in corpus.actors.iter() {
        w.str(&a.id);
        w.uint(a.kind as u64);
        w.str(&a.name);
        w.opt_str(a.name_en.as_deref());
        w.strs(&a.aliases);
        w.uint(a.side as u64);
        w.uint(a.roles.len() as u64);
        for r in a.roles.iter() {
            w.str(&r.role);
            w.sources(std::slice::from_ref(&r.source));
        }
        w.str(&a.description_fr);
        w.str(&a.description_en);
        w.strs(&a.sectors);
    }
    w.uint(corpus.sectors.len() as u64);
    for s in corpus.sectors.iter() {
        w.str(&s.id);
        w.opt_str(s.parent.as_deref());
        w.str(&s.label_fr);
        w.str(&s.label_en);
    }
    w.uint(corpus.events.len() as u64);
    for e in corpus.events.iter() {
        w.str(&e.id);
        w.uint(e.kind as u64);
        w.uint(e.status as u64);
        w.str(&e.title_fr);
        w.str(&e.title_en);
        w.opt_date(e.date.as_ref());
        w.opt_str(e.place.as_deref());
        w.strs(&e.actors);
        w.strs(&e.sectors);
        w.notes(e.note_fr.as_deref(), e.note_en.as_deref());
        w.sources(&e.sources);
    }
    w.uint(corpus.agreements.len() as u64);
    for a in corpus.agreements.iter() {
        w.str(&a.id);
        w.uint(a.status as u64);
        w.str(&a.title_fr);
        w.str(&a.title_en);
        w.opt_date(a.date.as_ref());
        w.opt_str(a.place.as_deref());
        w.strs(&a.parties);
        w.strs(&a.sectors);
        w.notes(a.note_fr.as_deref(), a.note_en.as_deref());
        w.sources(&a.sources);
    }
    w.uint(corpus.figures.len() as u64);
    for f in corpus.figures.iter() {
        w.str(&f.id);
        w.str(&f.label_fr);
        w.str(&f.label_en);
        w.body.extend_from_slice(&f.value.to_le_bytes());
        match f.from {
            Some(v) => {
                w.uint(1);
                w.body.extend_from_slice(&v.to_le_bytes());
            }
            None => w.uint(0),
        }
        w.uint(f.qualifier as u64);
        w.str(&f.unit_fr);
        w.str(&f.unit_en);
        w.opt_date(f.date.as_ref());
        w.strs(&f.actors);
        w.strs(&f.sectors);
        w.notes(f.note_fr.as_deref(), f.note_en.as_deref());
        w.sources(&f.sources);
    }
    w.uint(corpus.comparisons.len() as u64);
    for c in corpus.comparisons.iter() {
        w.str(&c.id);
        w.str(&c.fact);
        w.uint(c.relation as u64);
        w.strs(&c.docs);
        w.notes(c.note_fr.as_deref(), c.note_en.as_deref());
    }
    let parts = parts.unwrap_or_default();
    w.uint(parts.len() as u64);
    for p in parts {
        w.str(&p.file);
        w.uint(p.first as u64);
        w.uint(p.count as u64);
    }
    // Header, string table, body.
    let mut table = Writer { body: Vec::new(), strings: Vec::new(), index: HashMap::new(), parted: false };
    table.uint(w.strings.len() as u64);
    for s in &w.strings {
        table.raw_str(s);
    }
    let mut payload = table.body;
    payload.extend_from_slice(&w.body);
    sealed(MAGIC, payload)
}

// ---------------------------------------------------------------- reading

struct Reader {
    data: &'static [u8],
    pos: usize,
    strings: Vec<&'static str>,
    /// Whether the article texts are apart (sources then carry their quotes).
    parted: bool,
}

type Read<T> = Result<T, DecodeError>;

impl Reader {
    fn fail<T>(&self, what: &'static str) -> Read<T> {
        Err(DecodeError(what, self.pos))
    }

    fn uint(&mut self) -> Read<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.data.get(self.pos) else { return self.fail("truncated number") };
            self.pos += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        self.fail("number too long")
    }

    fn usize(&mut self) -> Read<usize> {
        usize::try_from(self.uint()?).or_else(|_| self.fail("number too large"))
    }

    /// A count of items, bounded by the bytes left (each item takes at least one byte).
    fn count(&mut self) -> Read<usize> {
        let n = self.usize()?;
        if n > self.data.len() - self.pos.min(self.data.len()) {
            self.fail("count larger than the data")
        } else {
            Ok(n)
        }
    }

    fn int(&mut self) -> Read<i64> {
        let v = self.uint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    fn flag(&mut self) -> Read<bool> {
        match self.uint()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => self.fail("bad flag"),
        }
    }

    /// A string in place (see `Writer::raw_str`).
    fn raw_str(&mut self) -> Read<&'static str> {
        let len = self.usize()?;
        let Some(bytes) = self.data.get(self.pos..self.pos.saturating_add(len)) else {
            return self.fail("truncated string");
        };
        let Ok(s) = std::str::from_utf8(bytes) else { return self.fail("string not UTF-8") };
        self.pos += len;
        Ok(s)
    }

    fn str(&mut self) -> Read<Text> {
        let i = self.usize()?;
        match self.strings.get(i) {
            Some(s) => Ok(Cow::Borrowed(*s)),
            None => self.fail("unknown string"),
        }
    }

    fn opt_str(&mut self) -> Read<Option<Text>> {
        if self.flag()? { self.str().map(Some) } else { Ok(None) }
    }

    fn strs(&mut self) -> Read<List<Text>> {
        let n = self.count()?;
        (0..n).map(|_| self.str()).collect::<Read<Vec<_>>>().map(Cow::Owned)
    }

    fn span(&mut self) -> Read<Span> {
        let start = self.usize()?;
        let len = self.usize()?;
        Ok(Span::new(start, start + len))
    }

    fn spans(&mut self) -> Read<List<Span>> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        let mut previous = 0;
        for _ in 0..n {
            let start = previous + self.usize()?;
            let span = Span::new(start, start + self.usize()?);
            out.push(span);
            previous = span.end;
        }
        Ok(Cow::Owned(out))
    }

    fn day(&self, ordinal: i64) -> Read<Day> {
        match Day::from_ordinal(ordinal) {
            Some(d) => Ok(d),
            None => self.fail("bad day"),
        }
    }

    fn date(&mut self) -> Read<DateSpec> {
        let bits = self.uint()?;
        let precision = match bits & 3 {
            0 => Precision::Day,
            1 => Precision::Month,
            2 => Precision::Year,
            _ => Precision::Approximate,
        };
        let start = self.int()?;
        let length = i64::try_from(self.uint()?).or_else(|_| self.fail("bad date length"))?;
        Ok(DateSpec {
            start: self.day(start)?,
            end: self.day(start + length)?,
            precision,
            relative: bits & 4 != 0,
            year_inferred: bits & 8 != 0,
        })
    }

    fn opt_date(&mut self) -> Read<Option<DateSpec>> {
        if self.flag()? { self.date().map(Some) } else { Ok(None) }
    }

    /// Sources, their quotes borrowed from the documents' texts.
    fn sources(&mut self, documents: &[Document]) -> Read<List<Source>> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let doc = self.str()?;
            let span = self.span()?;
            let passage = self.usize()?.checked_sub(1);
            let Some(document) = documents.iter().find(|d| d.id == doc) else {
                return self.fail("source in an unknown document");
            };
            // With the texts apart, the passages' places are checked when the part arrives.
            let in_place = if self.parted {
                passage.is_none_or(|p| p < document.passages.len())
            } else {
                document.passage_of(span) == passage
            };
            if !in_place {
                return self.fail("source in another passage");
            }
            let quote = match (self.parted, &document.text) {
                // Checked against the text when its part arrives (`decode_part`).
                (true, _) => Some(self.str()?).filter(|q| q.len() == span.len() && span.end <= document.length),
                (false, Cow::Borrowed(text)) => text.get(span.start..span.end).map(Cow::Borrowed),
                (false, Cow::Owned(_)) => None,
            };
            let Some(quote) = quote else { return self.fail("source outside its document") };
            let stage = match self.usize()? {
                0 => None,
                n => match Stage::ALL.get(n - 1) {
                    Some(stage) => Some(*stage),
                    None => return self.fail("bad stage"),
                },
            };
            let value = if self.flag()? { Some(self.f64()?) } else { None };
            let wording = self.opt_str()?;
            let qualifier = self.pick(&Qualifier::ALL)?;
            out.push(Source { doc, quote, span, passage, stage, value, wording, qualifier });
        }
        Ok(Cow::Owned(out))
    }

    fn f64(&mut self) -> Read<f64> {
        let Some(bytes) = self.data.get(self.pos..self.pos + 8) else { return self.fail("truncated number") };
        self.pos += 8;
        let mut b = [0u8; 8];
        b.copy_from_slice(bytes);
        Ok(f64::from_le_bytes(b))
    }

    /// An enum from its position in `values`.
    fn pick<T: Copy>(&mut self, values: &[T]) -> Read<T> {
        let i = self.usize()?;
        match values.get(i) {
            Some(v) => Ok(*v),
            None => self.fail("bad variant"),
        }
    }
}

const KINDS: [ActorKind; 5] =
    [ActorKind::Person, ActorKind::Organisation, ActorKind::Institution, ActorKind::Country, ActorKind::Place];
const SIDES: [Side; 4] = [Side::Mali, Side::Russia, Side::Niger, Side::Other];
const EVENT_KINDS: [EventKind; 9] = [
    EventKind::Visit,
    EventKind::Arrival,
    EventKind::Session,
    EventKind::Audience,
    EventKind::Signing,
    EventKind::Meeting,
    EventKind::Creation,
    EventKind::Announcement,
    EventKind::Anniversary,
];
const EVENT_STATUSES: [EventStatus; 2] = [EventStatus::Happened, EventStatus::Planned];
const AGREEMENT_STATUSES: [AgreementStatus; 4] =
    [AgreementStatus::Signed, AgreementStatus::Draft, AgreementStatus::Proposed, AgreementStatus::Planned];

/// Decodes a corpus from bytes that live as long as the program (the embedded data).
pub fn decode(data: &'static [u8]) -> Result<Corpus, DecodeError> {
    let mut r = Reader { data, pos: 0, strings: Vec::new(), parted: false };
    if data.get(..4) != Some(MAGIC.as_slice()) {
        return r.fail("not corpus data (bad header)");
    }
    verify(data)?;
    r.pos = 4 + CHECKSUM;
    let n = r.count()?;
    r.strings.reserve(n);
    for _ in 0..n {
        let s = r.raw_str()?;
        r.strings.push(s);
    }
    let version = r.str()?;
    r.parted = r.flag()?;
    let mut targets = Vec::with_capacity(r.count()?);
    for _ in 0..targets.capacity() {
        targets.push(match r.uint()? {
            0 => Target::Actor(r.str()?),
            1 => Target::Sector(r.str()?),
            2 => Target::Date(r.date()?),
            _ => return r.fail("bad mention target"),
        });
    }
    let mut documents = Vec::with_capacity(r.count()?);
    for _ in 0..documents.capacity() {
        let id = r.str()?;
        let title = r.str()?;
        let outlet = r.opt_str()?;
        let author = r.opt_str()?;
        let published = match r.uint()? {
            0 => None,
            basis @ (1 | 2) => {
                Some(Published { basis: if basis == 2 { Basis::Inferred } else { Basis::Stated }, date: r.date()? })
            }
            _ => return r.fail("bad publication date"),
        };
        let dated_by = r.opt_str()?;
        let language = r.str()?;
        let length = r.usize()?;
        let words = r.usize()?;
        let text = if r.parted { Cow::Borrowed("") } else { r.str()? };
        if !r.parted && text.len() != length {
            return r.fail("text of another length");
        }
        // With the texts apart, these come with them (see `decode_part`).
        let furniture = if r.parted { Cow::Borrowed(&[][..]) } else { r.spans()? };
        let passages = match r.parted {
            // A passage holds at least one byte of its text.
            true => match r.usize()? {
                n if n <= length => Cow::Owned(vec![Span::new(0, 0); n]),
                _ => return r.fail("more passages than bytes"),
            },
            false => r.spans()?,
        };
        let n = r.count()?;
        let mut mentions = Vec::with_capacity(n);
        let mut previous = 0;
        let mut passage = 0;
        for _ in 0..n {
            let span = match r.parted {
                true => Span::new(0, 0),
                false => {
                    let start = previous + r.usize()?;
                    previous = start;
                    Span::new(start, start + r.usize()?)
                }
            };
            let step_and_rule = r.usize()?;
            let rule = Rule::ALL[step_and_rule % Rule::ALL.len()];
            passage += step_and_rule / Rule::ALL.len();
            let Some(target) = targets.get(r.usize()?).cloned() else { return r.fail("bad mention target") };
            // With the texts apart, character boundaries are checked when the part arrives.
            let on_chars = r.parted || (text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            if span.end > length || !on_chars {
                return r.fail("mention outside its text");
            }
            if passage >= passages.len() {
                return r.fail("mention in no passage");
            }
            mentions.push(Mention { span, passage, target, rule });
        }
        let mentions = Cow::Owned(mentions);
        documents.push(Document {
            id,
            title,
            outlet,
            author,
            published,
            dated_by,
            language,
            text,
            length,
            words,
            furniture,
            passages,
            mentions,
        });
    }
    let mut actors = Vec::with_capacity(r.count()?);
    for _ in 0..actors.capacity() {
        let id = r.str()?;
        let kind = r.pick(&KINDS)?;
        let name = r.str()?;
        let name_en = r.opt_str()?;
        let aliases = r.strs()?;
        let side = r.pick(&SIDES)?;
        let n = r.count()?;
        let mut roles = Vec::with_capacity(n);
        for _ in 0..n {
            let role = r.str()?;
            let sources = r.sources(&documents)?;
            let Some(source) = sources.first().cloned() else { return r.fail("role without source") };
            roles.push(Role { role, source });
        }
        actors.push(Actor {
            id,
            kind,
            name,
            name_en,
            aliases,
            side,
            roles: Cow::Owned(roles),
            description_fr: r.str()?,
            description_en: r.str()?,
            sectors: r.strs()?,
        });
    }
    let mut sectors = Vec::with_capacity(r.count()?);
    for _ in 0..sectors.capacity() {
        sectors.push(Sector { id: r.str()?, parent: r.opt_str()?, label_fr: r.str()?, label_en: r.str()? });
    }
    let mut events = Vec::with_capacity(r.count()?);
    for _ in 0..events.capacity() {
        events.push(Event {
            id: r.str()?,
            kind: r.pick(&EVENT_KINDS)?,
            status: r.pick(&EVENT_STATUSES)?,
            title_fr: r.str()?,
            title_en: r.str()?,
            date: r.opt_date()?,
            place: r.opt_str()?,
            actors: r.strs()?,
            sectors: r.strs()?,
            note_fr: r.opt_str()?,
            note_en: r.opt_str()?,
            sources: r.sources(&documents)?,
        });
    }
    let mut agreements = Vec::with_capacity(r.count()?);
    for _ in 0..agreements.capacity() {
        agreements.push(Agreement {
            id: r.str()?,
            status: r.pick(&AGREEMENT_STATUSES)?,
            title_fr: r.str()?,
            title_en: r.str()?,
            date: r.opt_date()?,
            place: r.opt_str()?,
            parties: r.strs()?,
            sectors: r.strs()?,
            note_fr: r.opt_str()?,
            note_en: r.opt_str()?,
            sources: r.sources(&documents)?,
        });
    }
    let mut figures = Vec::with_capacity(r.count()?);
    for _ in 0..figures.capacity() {
        let id = r.str()?;
        let label_fr = r.str()?;
        let label_en = r.str()?;
        let value = r.f64()?;
        let from = if r.flag()? { Some(r.f64()?) } else { None };
        figures.push(Figure {
            id,
            label_fr,
            label_en,
            value,
            from,
            qualifier: r.pick(&Qualifier::ALL)?,
            unit_fr: r.str()?,
            unit_en: r.str()?,
            date: r.opt_date()?,
            actors: r.strs()?,
            sectors: r.strs()?,
            note_fr: r.opt_str()?,
            note_en: r.opt_str()?,
            sources: r.sources(&documents)?,
        });
    }
    let mut comparisons = Vec::with_capacity(r.count()?);
    for _ in 0..comparisons.capacity() {
        comparisons.push(Comparison {
            id: r.str()?,
            fact: r.str()?,
            relation: r.pick(&Relation::ALL)?,
            docs: r.strs()?,
            note_fr: r.opt_str()?,
            note_en: r.opt_str()?,
        });
    }
    let mut parts = Vec::with_capacity(r.count()?);
    let mut next = 0;
    for _ in 0..parts.capacity() {
        let part = Part { file: r.str()?, first: r.usize()?, count: r.usize()? };
        // Consecutive, non-empty, and covering every document: `Corpus::part_of` relies on it.
        if part.first != next || part.count == 0 {
            return r.fail("parts out of order");
        }
        next += part.count;
        parts.push(part);
    }
    let covered = if r.parted { next == documents.len() } else { parts.is_empty() };
    if !covered {
        return r.fail("parts do not cover the documents");
    }
    if r.pos != data.len() {
        return r.fail("trailing bytes");
    }
    Ok(Corpus {
        version,
        documents: Cow::Owned(documents),
        actors: Cow::Owned(actors),
        sectors: Cow::Owned(sectors),
        events: Cow::Owned(events),
        agreements: Cow::Owned(agreements),
        figures: Cow::Owned(figures),
        comparisons: Cow::Owned(comparisons),
        parts: Cow::Owned(parts),
    })
}

/// Reads part `part` of `corpus`'s article texts (bytes that live as long as the program):
/// the texts of its documents, in order. Refused unless it is exactly that part of this very
/// corpus (a file of another build, cut or changed) and every span of its documents falls on
/// its text's characters.
pub fn decode_part(data: &'static [u8], corpus: &Corpus, part: usize) -> Result<Vec<Reading>, DecodeError> {
    verify_as(data, PART_MAGIC)?;
    let mut r = Reader { data, pos: 4 + CHECKSUM, strings: Vec::new(), parted: true };
    let Some(expected) = corpus.parts.get(part) else { return r.fail("no such part") };
    if r.raw_str()? != corpus.version {
        return r.fail("part of another corpus");
    }
    if (r.usize()?, r.usize()?) != (expected.first, expected.count) {
        return r.fail("another part");
    }
    let mut texts = Vec::with_capacity(expected.count);
    for d in corpus.documents.iter().skip(expected.first).take(expected.count) {
        let text = r.raw_str()?;
        let furniture = r.spans()?.into_owned();
        let passages = r.spans()?.into_owned();
        if passages.len() != d.passages.len() {
            return r.fail("another number of passages");
        }
        let mut mentions = Vec::with_capacity(d.mentions.len());
        let mut previous = 0;
        for _ in 0..d.mentions.len() {
            let start = previous + r.usize()?;
            mentions.push(Span::new(start, start + r.usize()?));
            previous = start;
        }
        let on_chars = |s: &Span| s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
        let fits = text.len() == d.length && passages.iter().chain(&furniture).chain(&mentions).all(on_chars);
        // The sources' quotes (in the index) are this text's own words, in the passage they name
        // (none only for a quote across passages).
        let in_passage = |s: &Source| s.passage == passage_of(&passages, s.span);
        let quoted = sources(corpus)
            .filter(|s| s.doc == d.id)
            .all(|s| on_chars(&s.span) && s.span.of(text) == s.quote && in_passage(s));
        if !fits || !quoted {
            return r.fail("text does not fit its document");
        }
        texts.push(Reading { text, furniture, passages, mentions });
    }
    if r.pos != data.len() {
        return r.fail("trailing bytes");
    }
    Ok(texts)
}

/// What a part holds for one document: its text, and what only the text needs — its furniture,
/// its passages' places and its mentions' (in the order of the document's mentions in the
/// index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub text: &'static str,
    pub furniture: Vec<Span>,
    pub passages: Vec<Span>,
    pub mentions: Vec<Span>,
}

/// Checks the header and the checksum of a part's bytes, before they are kept (see
/// [`decode_part`], which checks it against the index).
pub fn verify_part(data: &[u8]) -> Result<(), DecodeError> {
    verify_as(data, PART_MAGIC)
}

/// Every source of the knowledge base: actors' roles, events, agreements, figures.
fn sources(corpus: &Corpus) -> impl Iterator<Item = &Source> {
    let roles = corpus.actors.iter().flat_map(|a| a.roles.iter().map(|r| &r.source));
    let events = corpus.events.iter().flat_map(|e| e.sources.iter());
    let agreements = corpus.agreements.iter().flat_map(|a| a.sources.iter());
    roles.chain(events).chain(agreements).chain(corpus.figures.iter().flat_map(|f| f.sources.iter()))
}
