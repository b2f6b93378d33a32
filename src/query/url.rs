//! The URL is the state: parsing and printing the query string, in pure Rust.
//!
//! Keys: `sector`, `actor`, `side`, `source`, `from`, `to`, `q`, `disputed`, `single`, `view`,
//! `doc`, `p`, `entity`, `edge`, `lang`. Lists are
//! canonically comma-separated in one key (`actor=a,b`); repeated keys are accepted too. Dates
//! accept `YYYY`, `YYYY-MM`, `YYYY-MM-DD`. Anything wrong — unknown id, malformed date, `from`
//! after `to`, unknown view or key, bad percent-escape, too many values, a too long `q` — is
//! dropped with a [`Notice`] naming it, and the rest of the state still applies. Values are
//! only ever text: nothing here is interpreted as markup.
//!
//! ```
//! use explorer::query::url::{parse, print};
//! let corpus = explorer::embedded::corpus().unwrap();
//! let (state, notices) = parse("?actor=sergei-tsivilev&from=2025-07&view=timeline&sector=nope", corpus);
//! assert_eq!(state.filter.actors, ["sergei-tsivilev"]);
//! assert_eq!(notices.len(), 1); // the unknown sector
//! assert_eq!(print(&state), "view=timeline&actor=sergei-tsivilev&from=2025-07");
//! ```

use std::fmt::Write;

use crate::date::DateSpec;
use crate::model::{Corpus, Side};
use crate::query::state::{Entity, Lang, View, ViewState, edge};

/// Most values kept for one list key; a link repeating a key thousands of times is cut here.
pub const MAX_VALUES: usize = 64;
/// Longest search text kept, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most notices reported for one URL (the rest are counted in one more).
pub const MAX_NOTICES: usize = 12;
/// Longest value quoted in a notice, in characters.
const MAX_NOTICE_VALUE_CHARS: usize = 60;

/// What was wrong with a URL parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Problem {
    UnknownKey,
    UnknownId,
    MalformedDate,
    FromAfterTo,
    UnknownView,
    UnknownLang,
    BadEscape,
    TooManyValues,
    TooLong,
    PassageWithoutDocument,
    UnknownPassage,
    /// A switch (`disputed`, `single`) set to something other than `1`.
    NotAFlag,
    /// Notices beyond [`MAX_NOTICES`]; `value` holds how many.
    MoreNotices,
}

/// A parameter that was ignored (or cut), and why. The UI words it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub key: String,
    /// The offending value, shortened for display (text only).
    pub value: String,
    pub problem: Problem,
}

fn notice(key: &str, value: &str, problem: Problem) -> Notice {
    let mut shown: String = value.chars().take(MAX_NOTICE_VALUE_CHARS).collect();
    if value.chars().count() > MAX_NOTICE_VALUE_CHARS {
        shown.push('…');
    }
    Notice { key: key.chars().take(MAX_NOTICE_VALUE_CHARS).collect(), value: shown, problem }
}

/// Decodes `%XX` escapes and `+` (a space). `None` for a bad escape or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let text = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(text, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Encodes a value for the query string: unreserved characters stay, a space becomes `+`,
/// everything else is percent-encoded (commas too, since they separate list values).
pub fn percent_encode(s: &str, out: &mut String) {
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
}

/// Whether a query string names a valid language (`lang=fr` or `lang=en`, keys and values
/// decoded as [`parse`] decodes them). A link that names none opens in the language the device
/// remembers; the head script of `index.html` applies the same rule before the app starts.
///
/// ```
/// use explorer::query::url::names_language;
/// assert!(names_language("?sector=mining&lang=en"));
/// assert!(names_language("l%61ng=fr"));
/// assert!(!names_language("?q=golang=en"));
/// assert!(!names_language("?lang=de"));
/// ```
pub fn names_language(query: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        percent_decode(key).as_deref() == Some("lang")
            && percent_decode(value).as_deref().and_then(Lang::from_key).is_some()
    })
}

/// Parses a query string (with or without the leading `?`) against the corpus.
pub fn parse(query: &str, corpus: &Corpus) -> (ViewState, Vec<Notice>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let mut from: Option<(String, DateSpec)> = None;
    let mut to: Option<(String, DateSpec)> = None;
    let mut passage: Option<String> = None;
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(key), Some(value)) = (percent_decode(raw_key), percent_decode(raw_value)) else {
            notices.push(notice(raw_key, raw_value, Problem::BadEscape));
            continue;
        };
        match key.as_str() {
            "sector" => {
                add_ids(&mut state.filter.sectors, &key, &value, |id| corpus.sector(id).is_some(), &mut notices)
            }
            "actor" => add_ids(&mut state.filter.actors, &key, &value, |id| corpus.actor(id).is_some(), &mut notices),
            "side" => {
                let known = |id: &str| Side::from_key(id).and_then(|s| corpus.country_of(s)).is_some();
                add_ids(&mut state.filter.sides, &key, &value, known, &mut notices)
            }
            "disputed" | "single" => match value.as_str() {
                "1" => *(if key == "disputed" { &mut state.filter.disputed } else { &mut state.filter.single }) = true,
                _ => notices.push(notice(&key, &value, Problem::NotAFlag)),
            },
            "source" => {
                add_ids(&mut state.filter.sources, &key, &value, |id| corpus.document(id).is_some(), &mut notices)
            }
            "from" | "to" => match DateSpec::parse(&value) {
                Ok(_) if value.contains("..") => notices.push(notice(&key, &value, Problem::MalformedDate)),
                Ok(date) => *(if key == "from" { &mut from } else { &mut to }) = Some((value, date)),
                Err(_) => notices.push(notice(&key, &value, Problem::MalformedDate)),
            },
            "q" => {
                let text = value.trim();
                if text.chars().count() > MAX_QUERY_CHARS {
                    notices.push(notice(&key, text, Problem::TooLong));
                }
                state.filter.q = text.chars().take(MAX_QUERY_CHARS).collect();
            }
            "view" => match View::from_key(&value) {
                Some(view) => state.view = view,
                None => notices.push(notice(&key, &value, Problem::UnknownView)),
            },
            "lang" => match Lang::from_key(&value) {
                Some(lang) => state.lang = lang,
                None => notices.push(notice(&key, &value, Problem::UnknownLang)),
            },
            "doc" => match corpus.document(&value) {
                Some(_) => state.doc = Some(value),
                None => notices.push(notice(&key, &value, Problem::UnknownId)),
            },
            "p" => passage = Some(value),
            "entity" => match entity(&value, corpus) {
                Some(e) => state.entity = Some(e),
                None => notices.push(notice(&key, &value, Problem::UnknownId)),
            },
            "edge" => match value.split_once(',') {
                Some((a, b)) if a != b && corpus.actor(a).is_some() && corpus.actor(b).is_some() => {
                    state.edge = Some(edge(a, b))
                }
                _ => notices.push(notice(&key, &value, Problem::UnknownId)),
            },
            _ => notices.push(notice(&key, &value, Problem::UnknownKey)),
        }
    }
    if let (Some((a, start)), Some((b, end))) = (&from, &to)
        && end.end < start.start
    {
        notices.push(notice("from", &format!("{a} > {b}"), Problem::FromAfterTo));
        from = None;
        to = None;
    }
    state.filter.from = from.map(|(_, d)| d);
    state.filter.to = to.map(|(_, d)| d);
    if let Some(p) = passage {
        let count = state.doc.as_deref().and_then(|id| corpus.document(id)).map(|d| d.passages.len());
        match (count, p.parse::<usize>()) {
            (None, _) => notices.push(notice("p", &p, Problem::PassageWithoutDocument)),
            (Some(n), Ok(i)) if i < n => state.passage = Some(i),
            _ => notices.push(notice("p", &p, Problem::UnknownPassage)),
        }
    }
    if notices.len() > MAX_NOTICES {
        let more = notices.len() - MAX_NOTICES;
        notices.truncate(MAX_NOTICES);
        notices.push(notice("", &more.to_string(), Problem::MoreNotices));
    }
    (state, notices)
}

/// The entity named by `actor.<id>` or `sector.<id>`, if it exists.
fn entity(value: &str, corpus: &Corpus) -> Option<Entity> {
    match value.split_once('.')? {
        ("actor", id) if corpus.actor(id).is_some() => Some(Entity::Actor(id.to_string())),
        ("sector", id) if corpus.sector(id).is_some() => Some(Entity::Sector(id.to_string())),
        _ => None,
    }
}

/// Adds the comma-separated ids of one parameter, each checked and kept once.
fn add_ids(list: &mut Vec<String>, key: &str, value: &str, known: impl Fn(&str) -> bool, notices: &mut Vec<Notice>) {
    for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        if list.iter().any(|v| v == id) {
            continue;
        }
        if list.len() >= MAX_VALUES {
            notices.push(notice(key, id, Problem::TooManyValues));
            return;
        }
        if known(id) {
            list.push(id.to_string());
        } else {
            notices.push(notice(key, id, Problem::UnknownId));
        }
    }
}

/// Prints the canonical query string (without `?`): keys in a fixed order, list values in
/// the order chosen, defaults left out. `parse(print(s)) == s` for any valid state.
pub fn print(state: &ViewState) -> String {
    let mut out = String::new();
    if state.view != View::default() {
        put(&mut out, "view", state.view.key());
    }
    let f = &state.filter;
    for (key, list) in [("sector", &f.sectors), ("actor", &f.actors), ("side", &f.sides), ("source", &f.sources)] {
        if !list.is_empty() {
            put(&mut out, key, "");
            // Ids are slugs: the commas between them stay readable, unescaped.
            for (i, id) in list.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                percent_encode(id, &mut out);
            }
        }
    }
    if let Some(from) = f.from {
        put(&mut out, "from", &from.to_syntax());
    }
    if let Some(to) = f.to {
        put(&mut out, "to", &to.to_syntax());
    }
    if !f.q.is_empty() {
        put(&mut out, "q", &f.q);
    }
    if f.disputed {
        put(&mut out, "disputed", "1");
    }
    if f.single {
        put(&mut out, "single", "1");
    }
    if let Some(doc) = &state.doc {
        put(&mut out, "doc", doc);
        if let Some(p) = state.passage {
            put(&mut out, "p", &p.to_string());
        }
    }
    if let Some(entity) = &state.entity {
        put(&mut out, "entity", &entity.key());
    }
    if let Some((a, b)) = &state.edge {
        put(&mut out, "edge", a);
        out.push(',');
        percent_encode(b, &mut out);
    }
    if state.lang != Lang::default() {
        put(&mut out, "lang", state.lang.key());
    }
    out
}

/// Appends `key=value` (value encoded), with a `&` before all but the first pair.
fn put(out: &mut String, key: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(key);
    out.push('=');
    percent_encode(value, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> &'static Corpus {
        crate::embedded::corpus().expect("the embedded corpus decodes")
    }

    fn parsed(q: &str) -> (ViewState, Vec<Notice>) {
        parse(q, corpus())
    }

    fn problems(q: &str) -> Vec<(String, Problem)> {
        parsed(q).1.into_iter().map(|n| (n.key, n.problem)).collect()
    }

    #[test]
    fn reads_every_key() {
        let (s, notices) = parsed(
            "?sector=energy,mining&actor=sergei-tsivilev&source=001_acfb4e3aff133b8d&from=2025-07-01&to=2025-07-31&q=carte+thermique&view=timeline&doc=000_194bb33a507fa3a4&p=3&entity=sector.gold&edge=moscow,bamako&lang=en",
        );
        assert_eq!(notices, []);
        assert_eq!(s.filter.sectors, ["energy", "mining"]);
        assert_eq!(s.filter.actors, ["sergei-tsivilev"]);
        assert_eq!(s.filter.sources, ["001_acfb4e3aff133b8d"]);
        assert_eq!(s.filter.range().0.unwrap().to_string(), "2025-07-01");
        assert_eq!(s.filter.range().1.unwrap().to_string(), "2025-07-31");
        assert_eq!(s.filter.q, "carte thermique");
        assert_eq!((s.view, s.lang), (View::Timeline, Lang::En));
        assert_eq!((s.doc.as_deref(), s.passage), (Some("000_194bb33a507fa3a4"), Some(3)));
        assert_eq!(s.entity, Some(Entity::Sector("gold".into())));
        assert_eq!(s.edge, Some(("bamako".into(), "moscow".into())), "an edge is stored in order");
    }

    #[test]
    fn entities_and_edges_name_known_ids_only() {
        assert_eq!(parsed("entity=actor.bamako").0.entity, Some(Entity::Actor("bamako".into())));
        for bad in ["entity=actor.nobody", "entity=person.bamako", "entity=bamako", "entity=sector.bamako"] {
            assert_eq!(problems(bad), [("entity".to_string(), Problem::UnknownId)], "{bad}");
        }
        for bad in ["edge=bamako", "edge=bamako,bamako", "edge=bamako,nobody", "edge=,"] {
            assert_eq!(problems(bad), [("edge".to_string(), Problem::UnknownId)], "{bad}");
        }
    }

    #[test]
    fn repeated_keys_and_commas_both_accumulate_once() {
        let (s, notices) = parsed("actor=bamako&actor=moscow,bamako&actor=niamey");
        assert_eq!(notices, []);
        assert_eq!(s.filter.actors, ["bamako", "moscow", "niamey"]);
    }

    #[test]
    fn dates_accept_each_precision_and_ranges_cover_whole_periods() {
        let (s, _) = parsed("from=2025&to=2025-07");
        assert_eq!(s.filter.range().0.unwrap().to_string(), "2025-01-01");
        assert_eq!(s.filter.range().1.unwrap().to_string(), "2025-07-31");
        assert_eq!(print(&s), "from=2025&to=2025-07");
    }

    #[test]
    fn bad_parameters_are_named_and_the_rest_still_applies() {
        let (s, notices) = parsed("actor=nobody,bamako&from=2025-13&view=map&lang=de&utm_source=x&sector=space");
        assert_eq!(s.filter.actors, ["bamako"]);
        assert_eq!(s.filter.sectors, ["space"]);
        assert_eq!(s.filter.from, None);
        let found: Vec<(&str, &str, Problem)> =
            notices.iter().map(|n| (n.key.as_str(), n.value.as_str(), n.problem)).collect();
        assert_eq!(
            found,
            [
                ("actor", "nobody", Problem::UnknownId),
                ("from", "2025-13", Problem::MalformedDate),
                ("view", "map", Problem::UnknownView),
                ("lang", "de", Problem::UnknownLang),
                ("utm_source", "x", Problem::UnknownKey),
            ]
        );
    }

    #[test]
    fn from_after_to_drops_both() {
        let (s, notices) = parsed("from=2025-08-01&to=2025-07-01&actor=bamako");
        assert_eq!((s.filter.from, s.filter.to), (None, None));
        assert_eq!(notices[0].problem, Problem::FromAfterTo);
        assert_eq!(s.filter.actors, ["bamako"]);
        assert!(parsed("from=2025-07&to=2025-07").1.is_empty(), "a one-month range is fine");
    }

    #[test]
    fn garbage_escapes_and_invalid_utf8_are_refused() {
        assert_eq!(problems("q=%ZZ"), [("q".to_string(), Problem::BadEscape)]);
        assert_eq!(problems("q=%E9t%E9"), [("q".to_string(), Problem::BadEscape)], "Latin-1 is not UTF-8");
        assert_eq!(problems("q=%"), [("q".to_string(), Problem::BadEscape)]);
        let (s, n) = parsed("q=%C3%A9nergie+%26+%23+%25+%2B");
        assert_eq!(n, []);
        assert_eq!(s.filter.q, "énergie & # % +");
    }

    #[test]
    fn a_key_repeated_thousands_of_times_is_cut_with_one_notice_per_extra_id() {
        let many: Vec<String> = (0..5000).map(|i| format!("actor=x{i}")).collect();
        let (s, notices) = parsed(&many.join("&"));
        assert!(s.filter.actors.is_empty());
        assert_eq!(notices.len(), MAX_NOTICES + 1);
        assert_eq!(notices.last().unwrap().problem, Problem::MoreNotices);
        assert_eq!(notices.last().unwrap().value, (5000 - MAX_NOTICES).to_string());
        let ids: Vec<String> = corpus().actors.iter().map(|a| a.id.to_string()).collect();
        let repeated = std::iter::repeat_n(ids[0].clone(), 10_000).collect::<Vec<_>>().join(",");
        assert_eq!(parsed(&format!("actor={repeated}")).0.filter.actors.len(), 1);
    }

    #[test]
    fn a_very_long_q_is_cut_with_a_notice() {
        let (s, notices) = parsed(&format!("q={}", "a".repeat(5000)));
        assert_eq!(s.filter.q.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(notices[0].problem, Problem::TooLong);
        assert!(notices[0].value.chars().count() <= 61);
    }

    #[test]
    fn markup_stays_text() {
        let (s, notices) = parsed("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&actor=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E");
        assert_eq!(s.filter.q, "<script>alert(1)</script>");
        assert_eq!(notices[0].value, "<img src=x onerror=alert(1)>");
        assert!(print(&s).contains("q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"));
    }

    #[test]
    fn sides_and_claim_switches_round_trip_and_bad_values_are_named() {
        let (s, notices) = parsed("side=russia,other,mars&disputed=1&single=yes&actor=rosatom");
        assert_eq!(s.filter.sides, ["russia"], "\"other\" has no country; \"mars\" is no side");
        assert!(s.filter.disputed && !s.filter.single);
        let problems: Vec<_> = notices.iter().map(|n| (n.key.as_str(), n.value.as_str(), n.problem)).collect();
        assert_eq!(
            problems,
            [
                ("side", "other", Problem::UnknownId),
                ("side", "mars", Problem::UnknownId),
                ("single", "yes", Problem::NotAFlag)
            ]
        );
        assert_eq!(print(&s), "actor=rosatom&side=russia&disputed=1");
    }

    #[test]
    fn passages_need_their_document() {
        assert_eq!(problems("p=2"), [("p".to_string(), Problem::PassageWithoutDocument)]);
        assert_eq!(problems("doc=000_194bb33a507fa3a4&p=9999"), [("p".to_string(), Problem::UnknownPassage)]);
        assert_eq!(problems("doc=000_194bb33a507fa3a4&p=-1"), [("p".to_string(), Problem::UnknownPassage)]);
        assert_eq!(problems("doc=nope"), [("doc".to_string(), Problem::UnknownId)]);
    }

    #[test]
    fn canonical_print_orders_keys_and_omits_defaults() {
        let (s, _) = parsed("lang=fr&q=l%E2%80%99or&actor=moscow,bamako&view=documents&sector=gold");
        assert_eq!(print(&s), "sector=gold&actor=moscow,bamako&q=l%E2%80%99or");
        assert_eq!(print(&ViewState::default()), "");
    }

    /// A small deterministic generator (xorshift), so the property test needs no dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len())]
        }
    }

    fn random_state(rng: &mut Rng) -> ViewState {
        let ids = |rng: &mut Rng, all: Vec<String>| -> Vec<String> {
            let mut out = Vec::new();
            for _ in 0..rng.below(4) {
                let id = rng.pick(&all).clone();
                if !out.contains(&id) {
                    out.push(id);
                }
            }
            out
        };
        let dates = ["2024", "2025-06", "2025-07-29", "2025-08", "2025-07-01", "1960"];
        let texts = ["", "énergie", "l’or & #1", "carte  thermique", "100% + 50%", "Гоита", "a,b;c=d?e", "<b>x</b>"];
        let mut s = ViewState::default();
        s.filter.sectors = ids(rng, corpus().sectors.iter().map(|x| x.id.to_string()).collect());
        s.filter.actors = ids(rng, corpus().actors.iter().map(|x| x.id.to_string()).collect());
        s.filter.sources = ids(rng, corpus().documents.iter().map(|x| x.id.to_string()).collect());
        s.filter.sides = ids(rng, vec!["mali".into(), "russia".into(), "niger".into()]);
        s.filter.disputed = rng.below(2) == 0;
        s.filter.single = rng.below(3) == 0;
        let a = DateSpec::parse(rng.pick::<&str>(&dates)).unwrap();
        let b = DateSpec::parse(rng.pick::<&str>(&dates)).unwrap();
        let (a, b) = if b.end < a.start { (b, a) } else { (a, b) };
        s.filter.from = (rng.below(2) == 0).then_some(a);
        s.filter.to = (rng.below(2) == 0).then_some(b);
        s.filter.q = rng.pick(&texts).trim().to_string();
        s.view = *rng.pick(&View::ALL);
        s.lang = *rng.pick(&[Lang::Fr, Lang::En]);
        let actors: Vec<String> = corpus().actors.iter().map(|x| x.id.to_string()).collect();
        s.entity = match rng.below(3) {
            0 => Some(Entity::Actor(rng.pick(&actors).clone())),
            1 => Some(Entity::Sector(rng.pick(&corpus().sectors).id.to_string())),
            _ => None,
        };
        let (a, b) = (rng.pick(&actors).clone(), rng.pick(&actors).clone());
        s.edge = (rng.below(2) == 0 && a != b).then(|| edge(&a, &b));
        if rng.below(2) == 0 {
            let doc = rng.pick(&corpus().documents);
            s.doc = Some(doc.id.to_string());
            s.passage = (rng.below(2) == 0).then(|| rng.below(doc.passages.len()));
        }
        s
    }

    #[test]
    fn parse_of_print_is_identity_on_generated_states() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2000 {
            let state = random_state(&mut rng);
            let printed = print(&state);
            let (back, notices) = parse(&printed, corpus());
            assert_eq!(notices, [], "{printed}");
            assert_eq!(back, state, "{printed}");
            assert_eq!(print(&back), printed, "printing is canonical");
        }
    }
}
