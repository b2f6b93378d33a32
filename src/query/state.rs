//! What the user looks at: the filter, the active view and the opened document or passage.
//! The URL is this state ([`crate::query::url`] parses and prints it).

use crate::date::{DateSpec, Day};

/// The tabs of the results area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Documents,
    Timeline,
    Passages,
    /// The actors that appear in the same passages.
    Network,
    /// The facts several articles report, their accounts side by side.
    Compare,
}

impl View {
    pub const ALL: [View; 5] = [View::Documents, View::Timeline, View::Passages, View::Network, View::Compare];

    /// The value in the URL (`view=timeline`).
    pub fn key(self) -> &'static str {
        match self {
            View::Documents => "documents",
            View::Timeline => "timeline",
            View::Passages => "passages",
            View::Network => "network",
            View::Compare => "compare",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn key(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_key(key: &str) -> Option<Lang> {
        match key {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Of a text held in both languages, the one in this language.
    ///
    /// ```
    /// use explorer::query::Lang;
    /// assert_eq!(Lang::En.pick("accord", "agreement"), "agreement");
    /// ```
    pub fn pick<T>(self, fr: T, en: T) -> T {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// The filters. Values are OR-ed within a facet; facets are AND-ed together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Sector ids; a parent includes its sub-sectors.
    pub sectors: Vec<String>,
    pub actors: Vec<String>,
    /// Sides (`russia`): the country with its institutions, companies and people. Part of the
    /// actor facet: OR-ed with the actors.
    pub sides: Vec<String>,
    /// Document ids.
    pub sources: Vec<String>,
    /// Start of the date range, at the precision typed (`2025-07` starts on 1 July).
    pub from: Option<DateSpec>,
    /// End of the date range (`2025-07` ends on 31 July).
    pub to: Option<DateSpec>,
    /// Free-text search.
    pub q: String,
    /// Only facts whose sources contradict each other (and the documents that report them).
    pub disputed: bool,
    /// Only facts a single document reports (and those documents).
    pub single: bool,
}

impl Filter {
    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty()
            && self.actors.is_empty()
            && self.sides.is_empty()
            && !self.disputed
            && !self.single
            && self.sources.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.q.trim().is_empty()
    }

    /// The date range as days, open ends left open.
    pub fn range(&self) -> (Option<Day>, Option<Day>) {
        (self.from.map(|d| d.start), self.to.map(|d| d.end))
    }

    /// Adds a value to a list facet if absent (adding it twice keeps one).
    pub fn add(list: &mut Vec<String>, value: &str) {
        if !list.iter().any(|v| v == value) {
            list.push(value.to_string());
        }
    }

    /// Adds a value to a list facet if absent, removes it if present.
    pub fn toggle(list: &mut Vec<String>, value: &str) {
        match list.iter().position(|v| v == value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(value.to_string()),
        }
    }
}

/// An actor or a sector whose page is open (`entity=actor.<id>` in the URL).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Entity {
    Actor(String),
    Sector(String),
}

impl Entity {
    /// The value in the URL: `actor.<id>` or `sector.<id>` (ids are slugs, without dots).
    pub fn key(&self) -> String {
        match self {
            Entity::Actor(id) => format!("actor.{id}"),
            Entity::Sector(id) => format!("sector.{id}"),
        }
    }
}

/// A pair of actor ids as the state holds an edge of the network: in order, so that a pair has
/// one link whichever end it is reached from.
pub fn edge(a: &str, b: &str) -> (String, String) {
    if a < b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) }
}

/// The whole state of the explorer, as its URL carries it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub filter: Filter,
    pub view: View,
    /// The document open in the reader.
    pub doc: Option<String>,
    /// The passage of that document to scroll to and highlight.
    pub passage: Option<usize>,
    /// The actor or sector page open (under the reader, if a document is open too).
    pub entity: Option<Entity>,
    /// The pair of actors (ids, in order) whose shared passages the network view lists.
    pub edge: Option<(String, String)>,
    pub lang: Lang,
}
