//! References without a name: phrases that stand for an actor the sentence does not name.
//!
//! Articles say "notre pays", "la partie russe", "le Premier ministre", "cette Commission". An
//! analyst who filters by Mali must find those passages too, so the annotator resolves such
//! phrases to actors, using only the article and the knowledge base, and records each as an
//! *inferred* mention with the [`Rule`] that made it:
//!
//! | rule | phrase | resolved to |
//! |---|---|---|
//! | `Home` | "notre pays" | the country of the article's outlet |
//! | `Demonym` | "la partie russe", "la capitale malienne" | the country, or its actor with that function |
//! | `Pair` | "nos deux pays", "les deux chefs d'État" | the two countries (or the two actors with that function) the article mentions most |
//! | `Counterpart` | "son homologue" | the actor with the same function as the person just mentioned, on the other side |
//! | `Title` | "le Premier ministre" | the actor the article names whose stated role holds the title's words |
//! | `Antecedent` | "cette Commission", "la présidence" | the most-mentioned earlier actor whose name starts with that noun |
//!
//! The same pass finds job titles ("ministre russe de l'Énergie", "ministères russes (Énergie,
//! Défense)", the elided "et de l'Énergie … Boubacar Diané"): a sector word inside a title, like
//! one inside an actor's name, describes the actor, not what the passage is about. Such spans
//! are returned as [`Resolution::attributes`] with the actor they describe.
//!
//! The phrases themselves are data (`seeds/knowledge/references.toml`); the rules are here.
//!
//! ```
//! use corpus_build::annotate::refer::{Named, Phrases, Referent, resolve};
//! use corpus::model::{ActorKind, Rule, Side, Span};
//! let mali = Referent::new(ActorKind::Country, Side::Mali).demonyms(&["malien", "malienne"]);
//! let phrases = Phrases::new(&["notre pays"], &[], &[], &[]);
//! let text = "Notre pays coopère.";
//! let found = resolve(text, &[Span::new(0, text.len())], &[], &[], Some(0), &[mali], &phrases);
//! assert_eq!((found.inferred[0].actor, found.inferred[0].rule), (0, Rule::Home));
//! ```

use crate::model::{ActorKind, Rule, Side, Span};
use crate::text::{Token, folded_words, tokens};

/// What the knowledge base says of an actor, as far as resolving references goes.
#[derive(Debug, Clone)]
pub struct Referent {
    pub kind: ActorKind,
    pub side: Side,
    /// What it is to its country ("capital", "foreign-ministry"), for demonym phrases.
    pub function: Option<String>,
    /// Folded demonyms of a country ("russe", "russes").
    pub demonyms: Vec<String>,
    /// Folded first words of its names of two words or more ("commission", "presidence").
    pub heads: Vec<String>,
    /// Folded words of each role the knowledge base gives it.
    pub roles: Vec<Vec<String>>,
}

impl Referent {
    pub fn new(kind: ActorKind, side: Side) -> Referent {
        Referent { kind, side, function: None, demonyms: Vec::new(), heads: Vec::new(), roles: Vec::new() }
    }

    pub fn demonyms(mut self, words: &[&str]) -> Referent {
        self.demonyms.extend(words.iter().flat_map(|w| folded_words(w)));
        self
    }

    pub fn function(mut self, function: &str) -> Referent {
        self.function = Some(function.to_string());
        self
    }

    /// Adds a name: its first word becomes a head noun when the name has several words.
    pub fn name(mut self, name: &str) -> Referent {
        let words = folded_words(name);
        if words.len() > 1 && !self.heads.contains(&words[0]) {
            self.heads.push(words[0].clone());
        }
        self
    }

    pub fn role(mut self, role: &str) -> Referent {
        self.roles.push(folded_words(role));
        self
    }
}

/// The phrases the rules look for, folded.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    home: Vec<Vec<String>>,
    pair: Vec<Vec<String>>,
    /// Words before a demonym, and the function the whole phrase stands for.
    described: Vec<(Vec<String>, String)>,
    /// Heads of job titles ("ministre", "premier ministre").
    titles: Vec<Vec<String>>,
    /// Pairs of actors with one function ("les deux chefs d'État"): phrase, function.
    pairs_of: Vec<(Vec<String>, String)>,
    /// "son homologue".
    counterparts: Vec<Vec<String>>,
}

impl Phrases {
    /// `described` pairs a phrase ending in `{demonym}` with a function ("country" for the
    /// country itself).
    pub fn new(home: &[&str], pair: &[&str], described: &[(&str, &str)], titles: &[&str]) -> Phrases {
        let fold_all = |list: &[&str]| list.iter().map(|p| folded_words(p)).filter(|w| !w.is_empty()).collect();
        Phrases {
            home: fold_all(home),
            pair: fold_all(pair),
            // The article before the noun does not matter: "une délégation russe" is "la
            // délégation russe".
            described: described
                .iter()
                .map(|(phrase, function)| {
                    let mut words = folded_words(&phrase.replace("{demonym}", ""));
                    while words.len() > 1 && ARTICLES.contains(&words[0].as_str()) {
                        words.remove(0);
                    }
                    (words, function.to_string())
                })
                .collect(),
            titles: fold_all(titles),
            pairs_of: Vec::new(),
            counterparts: Vec::new(),
        }
    }

    /// Adds phrases for the two actors of one function ("les deux chefs d'État" with
    /// "head-of-state").
    pub fn pair_of(mut self, function: &str, phrases: &[&str]) -> Phrases {
        self.pairs_of.extend(phrases.iter().map(|p| (folded_words(p), function.to_string())));
        self
    }

    /// Adds phrases for a counterpart ("son homologue").
    pub fn counterparts(mut self, phrases: &[&str]) -> Phrases {
        self.counterparts.extend(phrases.iter().map(|p| folded_words(p)));
        self
    }
}

/// An actor the text names, found by the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub span: Span,
    /// Index into the referents.
    pub actor: usize,
}

/// A reference resolved to an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inferred {
    pub span: Span,
    pub actor: usize,
    pub rule: Rule,
}

/// What [`resolve`] found in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    pub inferred: Vec<Inferred>,
    /// Job titles, and the actor each describes when known: sector words inside them are the
    /// actor's attributes, not the passage's topic.
    pub attributes: Vec<(Span, Option<usize>)>,
}

/// Articles that may open a described phrase, whichever the article writes.
const ARTICLES: [&str; 9] = ["la", "le", "l", "les", "un", "une", "des", "du", "de"];
/// Articles and demonstratives before a head noun ("la présidence", "cette Commission").
const DETERMINERS: [&str; 8] = ["la", "le", "l", "les", "ce", "cet", "cette", "ces"];
/// Words that join the parts of a title ("ministre de l'Économie et des Finances").
const CONNECTORS: [&str; 9] = ["de", "du", "des", "d", "la", "le", "l", "les", "et"];
/// Prepositions that open a title's domain.
const OF: [&str; 4] = ["de", "du", "des", "d"];
/// Endings of French adjectives (folded): "la Commission européenne", "la présidence
/// tournante" name another entity than the Commission or presidency named earlier. Verbs that
/// follow a subject ("cette Commission représente") rarely end so.
const ADJECTIVE_ENDINGS: [&str; 18] = [
    "enne", "ien", "iens", "aise", "ais", "ique", "iques", "ale", "ales", "aux", "elle", "aire", "ive", "euse", "eux",
    "ante", "ere", "eres",
];
/// Verbs that end like adjectives: the forms of "tenir" and "venir" and their compounds
/// ("cette Commission tienne ses promesses", "qu'elle devienne").
const VERB_ENDINGS: [&str; 4] = ["tienne", "vienne", "tiennent", "viennent"];
/// Words that open an institution's remit right after its name ("Commission … sur le
/// commerce, l'économie…", "… pour la coopération commerciale").
const REMIT: [&str; 3] = ["sur", "pour", "chargee"];
/// Words of a remit besides sector terms and connectors.
const REMIT_WORDS: [&str; 8] =
    ["cooperation", "collaboration", "questions", "domaines", "technique", "techniques", "affaires", "matiere"];
/// Longest gap, in bytes, between a title and the name it stands next to
/// ("ministre de l'Énergie, Monsieur Sergueï Tsivilev").
const APPOSITION_GAP: usize = 40;

/// Whether only spaces, apostrophes or hyphens stand between two words (one clause).
fn joins(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || matches!(c, '\'' | '’' | '‘' | '-' | '‐' | '‑')))
}

fn capitalized(t: &Token) -> bool {
    t.cased.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// How many words of `words` match from `at`, in one clause; 0 when they do not.
fn phrase_at(text: &str, toks: &[Token], at: usize, words: &[String]) -> usize {
    let Some(window) = toks.get(at..at + words.len()) else { return 0 };
    let same = window.iter().zip(words).all(|(t, w)| t.folded == *w);
    let joined = window.windows(2).all(|w| joins(text, &w[0], &w[1]));
    if !words.is_empty() && same && joined { words.len() } else { 0 }
}

/// One article's state while resolving.
struct Article<'a> {
    text: &'a str,
    named: &'a [Named],
    sectors: &'a [Span],
    referents: &'a [Referent],
    phrases: &'a Phrases,
}

/// What one position of the text turned out to be.
enum Found {
    Inferred(Span, usize, Rule),
    /// "nos deux pays" (function "country"), "les deux chefs d'État": resolved once the whole
    /// article is read.
    Pair(Span, String),
    /// "son homologue": resolved once the whole article is read.
    Counterpart(Span),
    /// A title, the actor it stands for when resolved, and whether the text names that actor
    /// right beside it (then no inferred mention is needed).
    Title(Span, Option<usize>, bool),
}

impl Article<'_> {
    fn named_at(&self, t: &Token) -> Option<&Named> {
        self.named.iter().find(|n| n.span.start <= t.start && t.start < n.span.end)
    }

    fn in_sector(&self, t: &Token) -> bool {
        self.sectors.iter().any(|s| s.start <= t.start && t.end <= s.end)
    }

    fn country_of(&self, demonym: &str) -> Option<usize> {
        self.referents.iter().position(|r| r.kind == ActorKind::Country && r.demonyms.iter().any(|d| d == demonym))
    }

    /// The actor of `country`'s side with `function` ("country": the country itself).
    fn with_function(&self, country: usize, function: &str) -> Option<usize> {
        if function == "country" {
            return Some(country);
        }
        let side = self.referents[country].side;
        self.referents.iter().position(|r| r.side == side && r.function.as_deref() == Some(function))
    }

    fn demonym_phrase(&self, toks: &[Token], at: usize) -> Option<(usize, usize)> {
        self.phrases.described.iter().find_map(|(words, function)| {
            let n = phrase_at(self.text, toks, at, words);
            let demonym = toks.get(at + n).filter(|t| n > 0 && joins(self.text, &toks[at + n - 1], t))?;
            let actor = self.with_function(self.country_of(&demonym.folded)?, function)?;
            Some((n + 1, actor))
        })
    }

    /// A job title starting at `at`: its length in words, and the country its demonym names.
    fn title(&self, toks: &[Token], at: usize) -> Option<(usize, Option<usize>)> {
        let text = self.text;
        let head = self.phrases.titles.iter().map(|w| phrase_at(text, toks, at, w)).max().unwrap_or(0);
        // A title without its head, elided after a first one: "(ministres) … et de l'Énergie
        // et des Ressources en Eau Boubacar Diané". It counts only right before a name.
        let elided = head == 0 && OF.contains(&toks[at].folded.as_str());
        if head == 0 && !elided {
            return None;
        }
        let mut j = at + head;
        let mut country = None;
        while let Some(t) = toks.get(j).filter(|t| j > at && joins(text, &toks[j - 1], t)) {
            match self.country_of(&t.folded) {
                Some(c) => country = Some(c),
                None => break,
            }
            j += 1;
        }
        let gap_opens_list =
            j > at && toks.get(j).is_some_and(|t| text.get(toks[j - 1].end..t.start).is_some_and(|g| g.contains('(')));
        if gap_opens_list && !elided {
            // "ministères russes (Énergie, Défense, Économie)": up to the closing bracket.
            let mut k = j;
            while k + 1 < toks.len() && !text.get(toks[k].end..toks[k + 1].start).is_some_and(|g| g.contains(')')) {
                k += 1;
            }
            return Some((k + 1 - at, country));
        }
        // The domain: "de l'Énergie", "des Affaires étrangères et de la Coopération internationale".
        let mut end = j;
        if toks.get(j).is_some_and(|t| OF.contains(&t.folded.as_str()) && (j == at || joins(text, &toks[j - 1], t))) {
            let mut k = j + 1;
            while let Some(t) = toks.get(k).filter(|t| joins(text, &toks[k - 1], t) && self.named_at(t).is_none()) {
                let connector = CONNECTORS.contains(&t.folded.as_str());
                // "Affaires étrangères", "Coopération internationale": an adjective after a
                // capitalised word of the domain.
                let adjective = capitalized(&toks[k - 1]) && ADJECTIVE_ENDINGS.iter().any(|e| t.folded.ends_with(e));
                if !(connector || adjective || capitalized(t) || self.in_sector(t)) {
                    break;
                }
                if !connector {
                    end = k + 1;
                }
                k += 1;
            }
        }
        if elided {
            let next_is_person = toks
                .get(end)
                .and_then(|t| self.named_at(t))
                .is_some_and(|n| self.referents[n.actor].kind == ActorKind::Person);
            if end == j || !next_is_person {
                return None;
            }
        }
        Some((end.max(j) - at, country))
    }

    /// The person named right beside a title, if any: just after it, or just before it with
    /// a comma between ("Sergei Tsivilev, en tant que ministre de l'Énergie").
    fn apposition(&self, title: Span) -> Option<usize> {
        let person = |n: &&Named| self.referents[n.actor].kind == ActorKind::Person;
        let clause = |gap: &str| !gap.contains(['.', ';', ':', '(', ')']);
        let after = self.named.iter().filter(person).find(|n| {
            n.span.start >= title.end
                && n.span.start - title.end <= APPOSITION_GAP
                && self.text.get(title.end..n.span.start).is_some_and(clause)
        });
        let before = || {
            self.named.iter().filter(person).rev().find(|n| {
                n.span.end <= title.start
                    && title.start - n.span.end <= APPOSITION_GAP / 2
                    && self.text.get(n.span.end..title.start).is_some_and(|g| clause(g) && g.contains(','))
            })
        };
        after.or_else(before).map(|n| n.actor)
    }

    /// The actor a title stands for: one the article names whose stated role holds every word
    /// of the title (its demonym, if any, must be the actor's country); the nearest before the
    /// title, else the first after.
    fn by_role(&self, toks: &[Token], at: usize, len: usize, country: Option<usize>) -> Option<usize> {
        let words: Vec<&str> = toks[at..at + len]
            .iter()
            .map(|t| t.folded.as_str())
            .filter(|w| !CONNECTORS.contains(w) && self.country_of(w).is_none())
            .collect();
        let side = country.map(|c| self.referents[c].side);
        let fits = |actor: usize| {
            let r = &self.referents[actor];
            side.is_none_or(|s| s == r.side)
                && r.roles.iter().any(|role| words.iter().all(|w| role.iter().any(|x| x == w)))
        };
        let start = toks[at].start;
        let before = self.named.iter().rev().find(|n| n.span.end <= start && fits(n.actor));
        before.or_else(|| self.named.iter().find(|n| n.span.start > start && fits(n.actor))).map(|n| n.actor)
    }

    /// "cette Commission": the most-mentioned actor named before `at` whose name starts with
    /// the noun. A noun followed by a name or a demonym ("la Commission européenne") is
    /// another entity and is left alone.
    fn antecedent(&self, toks: &[Token], at: usize) -> Option<usize> {
        let (det, noun) = (&toks[at], toks.get(at + 1)?);
        if !DETERMINERS.contains(&det.folded.as_str()) || !joins(self.text, det, noun) || self.named_at(noun).is_some()
        {
            return None;
        }
        let next = toks.get(at + 2).filter(|t| joins(self.text, noun, t));
        let qualified = next.is_some_and(|t| {
            capitalized(t)
                || self.country_of(&t.folded).is_some()
                || (ADJECTIVE_ENDINGS.iter().any(|e| t.folded.ends_with(e))
                    && !VERB_ENDINGS.iter().any(|e| t.folded.ends_with(e)))
                || (OF.contains(&t.folded.as_str()) && {
                    // "de l'UEMOA", "de la CEDEAO": past an article, a capitalised name.
                    let article =
                        toks.get(at + 3).is_some_and(|a| ["la", "le", "l", "les"].contains(&a.folded.as_str()));
                    toks.get(at + 3 + usize::from(article)).is_some_and(capitalized)
                })
        });
        if qualified {
            return None;
        }
        let earlier = |actor: usize| self.named.iter().filter(move |n| n.actor == actor && n.span.end <= det.start);
        (0..self.referents.len())
            .filter(|&a| self.referents[a].heads.contains(&noun.folded))
            .filter_map(|a| Some((earlier(a).count(), earlier(a).next_back()?.span.start, a)))
            .max()
            .map(|(_, _, a)| a)
    }

    /// The longest reference starting at word `at`, and its length in words.
    fn at(&self, toks: &[Token], at: usize, home: Option<usize>) -> Option<(usize, Found)> {
        let text = self.text;
        // Never from inside a hyphenated word: "co-président" holds no title "président".
        let hyphenated = at > 0
            && text
                .get(toks[at - 1].end..toks[at].start)
                .is_some_and(|g| !g.is_empty() && g.chars().all(|c| matches!(c, '-' | '‐' | '‑')));
        if hyphenated {
            return None;
        }
        let span = |len: usize| Span::new(toks[at].start, toks[at + len - 1].end);
        let longest = |list: &[Vec<String>]| list.iter().map(|w| phrase_at(text, toks, at, w)).max().unwrap_or(0);
        let pair = longest(&self.phrases.pair);
        if pair > 0 {
            return Some((pair, Found::Pair(span(pair), "country".to_string())));
        }
        let pair_of = self.phrases.pairs_of.iter().map(|(w, f)| (phrase_at(text, toks, at, w), f)).max_by_key(|p| p.0);
        if let Some((len, function)) = pair_of.filter(|p| p.0 > 0) {
            return Some((len, Found::Pair(span(len), function.clone())));
        }
        let counterpart = longest(&self.phrases.counterparts);
        if counterpart > 0 {
            return Some((counterpart, Found::Counterpart(span(counterpart))));
        }
        let own = longest(&self.phrases.home);
        if let (true, Some(home)) = (own > 0, home) {
            return Some((own, Found::Inferred(span(own), home, Rule::Home)));
        }
        if let Some((len, actor)) = self.demonym_phrase(toks, at) {
            return Some((len, Found::Inferred(span(len), actor, Rule::Demonym)));
        }
        if let Some((len, country)) = self.title(toks, at) {
            let title = span(len);
            let beside = self.apposition(title);
            let actor = beside.or_else(|| self.by_role(toks, at, len, country));
            return Some((len, Found::Title(title, actor, beside.is_some())));
        }
        let actor = self.antecedent(toks, at)?;
        Some((2, Found::Inferred(span(2), actor, Rule::Antecedent)))
    }

    /// Whether a referent has a function ("country": is a country).
    fn has_function(&self, actor: usize, function: &str) -> bool {
        let r = &self.referents[actor];
        if function == "country" { r.kind == ActorKind::Country } else { r.function.as_deref() == Some(function) }
    }

    /// The two actors with `function` (countries for "country") the article mentions most,
    /// named or inferred, first-mentioned first on a tie.
    fn pair(&self, inferred: &[Inferred], function: &str) -> Option<[usize; 2]> {
        let mut counts: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
        let mentions = self.named.iter().map(|n| (n.span, n.actor)).chain(inferred.iter().map(|i| (i.span, i.actor)));
        for (span, actor) in mentions.filter(|(_, a)| self.has_function(*a, function)) {
            match counts.iter_mut().find(|c| c.2 == actor) {
                Some(c) => {
                    c.0 += 1;
                    c.1 = c.1.max(std::cmp::Reverse(span.start));
                }
                None => counts.push((1, std::cmp::Reverse(span.start), actor)),
            }
        }
        counts.sort_by(|a, b| b.cmp(a));
        match counts.as_slice() {
            [a, b, ..] => Some([a.2, b.2]),
            _ => None,
        }
    }

    /// "son homologue" at `span`: the person mentioned last before it has a function; the
    /// counterpart is the actor of another side with that function, mentioned in the article.
    fn counterpart(&self, inferred: &[Inferred], span: Span) -> Option<usize> {
        let mentions: Vec<(Span, usize)> =
            self.named.iter().map(|n| (n.span, n.actor)).chain(inferred.iter().map(|i| (i.span, i.actor))).collect();
        let last = mentions
            .iter()
            .filter(|(s, a)| s.end <= span.start && self.referents[*a].kind == ActorKind::Person)
            .max_by_key(|(s, _)| s.start)?;
        let person = &self.referents[last.1];
        let function = person.function.as_deref()?;
        mentions
            .iter()
            .map(|&(_, a)| a)
            .filter(|&a| self.referents[a].side != person.side && self.has_function(a, function))
            .max_by_key(|&a| mentions.iter().filter(|m| m.1 == a).count())
    }
}

/// The remit that follows an institution's name: "sur le commerce, l'économie, la science et
/// la technique". Its sector words describe the institution, as a title's describe a person.
/// Returns the span of the remit, if any.
fn remit(article: &Article, toks: &[Token], named: &Named) -> Option<Span> {
    if article.referents[named.actor].kind != ActorKind::Institution {
        return None;
    }
    let text = article.text;
    let at = toks.iter().position(|t| t.start >= named.span.end)?;
    let opener = &toks[at];
    let spaced = text.get(named.span.end..opener.start).is_some_and(|g| !g.is_empty() && g.trim().is_empty());
    if !spaced || !REMIT.contains(&opener.folded.as_str()) {
        return None;
    }
    let mut end = None;
    let mut k = at + 1;
    while let Some(t) = toks.get(k) {
        let gap = text.get(toks[k - 1].end..t.start).unwrap_or("x");
        let list_gap = gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '\'' | '’'));
        let word = t.folded.as_str();
        let part = CONNECTORS.contains(&word) || REMIT_WORDS.contains(&word) || article.in_sector(t);
        if !list_gap || !part || article.named_at(t).is_some() {
            break;
        }
        if article.in_sector(t) {
            end = Some(t.end);
        }
        k += 1;
    }
    end.map(|end| Span::new(opener.start, end))
}

/// Resolves the references of one article.
///
/// - `passages`: the spans to read (furniture is never read);
/// - `named`: the explicit actor mentions, in text order, with their referent index;
/// - `sectors`: spans of sector terms found (titles may be written in lower case);
/// - `home`: the referent index of the outlet's country, when known.
pub fn resolve(
    text: &str,
    passages: &[Span],
    named: &[Named],
    sectors: &[Span],
    home: Option<usize>,
    referents: &[Referent],
    phrases: &Phrases,
) -> Resolution {
    let article = Article { text, named, sectors, referents, phrases };
    let mut resolution = Resolution::default();
    let mut pairs = Vec::new();
    let mut counterparts = Vec::new();
    for passage in passages {
        let slice = text.get(passage.start..passage.end).unwrap_or_default();
        let toks: Vec<Token> = tokens(slice)
            .into_iter()
            .map(|t| Token { start: t.start + passage.start, end: t.end + passage.start, ..t })
            .collect();
        let mut at = 0;
        while at < toks.len() {
            if let Some(n) = article.named_at(&toks[at]) {
                if let Some(span) = remit(&article, &toks, n) {
                    resolution.attributes.push((span, Some(n.actor)));
                }
                let end = n.span.end;
                while at < toks.len() && toks[at].start < end {
                    at += 1;
                }
                continue;
            }
            // A reference never overlaps a name: "la présidence malienne" is named, not described.
            let found = article.at(&toks, at, home).filter(|(len, _)| {
                let span = Span::new(toks[at].start, toks[at + len - 1].end);
                !named.iter().any(|n| n.span.start < span.end && span.start < n.span.end)
            });
            let Some((len, found)) = found else {
                at += 1;
                continue;
            };
            match found {
                Found::Inferred(span, actor, rule) => resolution.inferred.push(Inferred { span, actor, rule }),
                Found::Pair(span, function) => pairs.push((span, function)),
                Found::Counterpart(span) => counterparts.push(span),
                Found::Title(span, actor, beside) => {
                    resolution.attributes.push((span, actor));
                    if let (Some(actor), false) = (actor, beside) {
                        resolution.inferred.push(Inferred { span, actor, rule: Rule::Title });
                    }
                }
            }
            at += len.max(1);
        }
    }
    let so_far = resolution.inferred.clone();
    for (span, function) in pairs {
        if let Some(both) = article.pair(&so_far, &function) {
            resolution.inferred.extend(both.map(|actor| Inferred { span, actor, rule: Rule::Pair }));
        }
    }
    for span in counterparts {
        if let Some(actor) = article.counterpart(&so_far, span) {
            resolution.inferred.push(Inferred { span, actor, rule: Rule::Counterpart });
        }
    }
    resolution.inferred.sort_by_key(|i| (i.span.start, i.actor));
    resolution
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small world: two countries, their capitals and diplomacy, a commission, two
    /// ministers of energy and a prime minister.
    fn world() -> (Vec<&'static str>, Vec<Referent>) {
        let list = vec![
            ("mali", Referent::new(ActorKind::Country, Side::Mali).demonyms(&["malien", "malienne", "maliens"])),
            ("russia", Referent::new(ActorKind::Country, Side::Russia).demonyms(&["russe", "russes"])),
            ("moscow", Referent::new(ActorKind::Place, Side::Russia).function("capital")),
            (
                "mali-diplomacy",
                Referent::new(ActorKind::Institution, Side::Mali)
                    .function("foreign-ministry")
                    .name("ministère des Affaires étrangères"),
            ),
            ("commission", Referent::new(ActorKind::Institution, Side::Other).name("Commission mixte")),
            (
                "presidency",
                Referent::new(ActorKind::Institution, Side::Mali).function("presidency").name("présidence malienne"),
            ),
            (
                "ivanov",
                Referent::new(ActorKind::Person, Side::Russia).role("ministre russe de l'Énergie").name("Piotr Ivanov"),
            ),
            (
                "traore",
                Referent::new(ActorKind::Person, Side::Mali)
                    .role("ministre de l'Énergie et de l'Eau")
                    .name("Awa Traoré"),
            ),
            ("keita", Referent::new(ActorKind::Person, Side::Mali).role("Premier ministre").name("Moussa Keïta")),
            ("niger", Referent::new(ActorKind::Country, Side::Niger).demonyms(&["nigérien", "nigérienne"])),
            ("goita", Referent::new(ActorKind::Person, Side::Mali).function("head-of-state").name("Assimi Goïta")),
            (
                "putin",
                Referent::new(ActorKind::Person, Side::Russia).function("head-of-state").name("Vladimir Poutine"),
            ),
        ];
        list.into_iter().unzip()
    }

    fn phrases() -> Phrases {
        Phrases::new(
            &["notre pays"],
            &["nos deux pays", "les deux pays", "les deux parties"],
            &[
                ("la partie {demonym}", "country"),
                ("côté {demonym}", "country"),
                ("la capitale {demonym}", "capital"),
                ("la diplomatie {demonym}", "foreign-ministry"),
                ("la présidence {demonym}", "presidency"),
            ],
            &["ministre", "ministres", "ministère", "ministères", "premier ministre"],
        )
        .pair_of("head-of-state", &["les deux chefs d'État", "les deux présidents"])
        .counterparts(&["son homologue"])
    }

    /// Resolves `text` (one passage) after naming the given actors where their names stand.
    fn run(text: &str, names: &[(&str, &str)], home: Option<&str>) -> (Vec<(String, String, Rule)>, Vec<String>) {
        let (ids, referents) = world();
        let index = |id: &str| ids.iter().position(|x| *x == id).unwrap();
        let mut named: Vec<Named> = Vec::new();
        for (name, id) in names {
            for (start, _) in text.match_indices(name) {
                named.push(Named { span: Span::new(start, start + name.len()), actor: index(id) });
            }
        }
        named.sort_by_key(|n| n.span);
        let sectors: Vec<Span> = ["énergie", "commerce"]
            .iter()
            .flat_map(|word| text.match_indices(word).map(|(s, w)| Span::new(s, s + w.len())))
            .collect();
        let found =
            resolve(text, &[Span::new(0, text.len())], &named, &sectors, home.map(index), &referents, &phrases());
        let inferred = found
            .inferred
            .iter()
            .map(|i| (text[i.span.start..i.span.end].to_string(), ids[i.actor].to_string(), i.rule))
            .collect();
        let titles = found.attributes.iter().map(|(s, _)| text[s.start..s.end].to_string()).collect();
        (inferred, titles)
    }

    fn one(phrase: &str, id: &str, rule: Rule) -> (String, String, Rule) {
        (phrase.to_string(), id.to_string(), rule)
    }

    #[test]
    fn our_country_is_the_outlets_country_and_nothing_without_one() {
        let text = "La Russie soutient notre pays depuis longtemps.";
        let (found, _) = run(text, &[("Russie", "russia")], Some("mali"));
        assert_eq!(found, [one("notre pays", "mali", Rule::Home)]);
        let (found, _) = run(text, &[("Russie", "russia")], None);
        assert!(found.is_empty(), "no outlet country, no guess: {found:?}");
    }

    #[test]
    fn a_demonym_after_a_described_noun_names_the_country_or_its_institution() {
        let text = "La partie russe a proposé ; côté malien, la diplomatie malienne a reçu la capitale russe.";
        let (found, _) = run(text, &[], None);
        assert_eq!(
            found,
            [
                one("partie russe", "russia", Rule::Demonym),
                one("côté malien", "mali", Rule::Demonym),
                one("diplomatie malienne", "mali-diplomacy", Rule::Demonym),
                one("capitale russe", "moscow", Rule::Demonym),
            ]
        );
        // Whatever the article: "une partie russe" is the same phrase.
        assert_eq!(run("une partie russe a proposé", &[], None).0, [one("partie russe", "russia", Rule::Demonym)]);
        // A demonym no country has, or a function no actor has, resolves to nothing.
        assert!(run("la partie ivoirienne et la capitale malienne", &[], None).0.is_empty());
    }

    #[test]
    fn both_countries_are_the_two_the_article_mentions_most() {
        let text = "Le Mali, la Russie et le Niger ; la Russie et le Mali : nos deux pays coopèrent.";
        let names = [("Mali", "mali"), ("Russie", "russia"), ("Niger", "niger")];
        let (found, _) = run(text, &names, None);
        assert_eq!(found, [one("nos deux pays", "mali", Rule::Pair), one("nos deux pays", "russia", Rule::Pair)]);
        // Inferred country mentions count too: here Mali is only "notre pays".
        let text = "Notre pays et la Russie, notre pays et le Niger, la Russie : les deux pays avancent.";
        let (found, _) = run(text, &names, Some("mali"));
        let pair: Vec<_> = found.iter().filter(|f| f.2 == Rule::Pair).map(|f| f.1.as_str()).collect();
        assert_eq!(pair, ["mali", "russia"]);
        // One country is not a pair.
        assert!(run("La Russie : les deux pays.", &[("Russie", "russia")], None).0.is_empty());
    }

    #[test]
    fn two_heads_of_state_and_a_counterpart_are_the_actors_of_that_function() {
        let names = [("Vladimir Poutine", "putin"), ("Assimi Goïta", "goita"), ("Piotr Ivanov", "ivanov")];
        let text = "Vladimir Poutine a appelé Assimi Goïta ; Vladimir Poutine a parlé, son homologue a répondu, \
                    puis les deux chefs d'État ont conclu.";
        assert_eq!(
            run(text, &names, None).0,
            [
                one("son homologue", "goita", Rule::Counterpart),
                one("les deux chefs d'État", "goita", Rule::Pair),
                one("les deux chefs d'État", "putin", Rule::Pair),
            ]
        );
        // The last person before "son homologue" has no function: nothing is inferred.
        let text = "Vladimir Poutine, Assimi Goïta et Piotr Ivanov : son homologue a répondu.";
        assert_eq!(run(text, &names, None).0, []);
        // Only one head of state in the article: no pair.
        assert_eq!(run("Vladimir Poutine : les deux présidents.", &names, None).0, []);
    }

    #[test]
    fn a_title_beside_a_name_adds_nothing_and_alone_resolves_by_role() {
        let names = [("Moussa Keïta", "keita"), ("Piotr Ivanov", "ivanov"), ("Awa Traoré", "traore")];
        let text = "Le Premier ministre, Moussa Keïta, a reçu Piotr Ivanov. Puis le Premier ministre a parlé.";
        let (found, titles) = run(text, &names, None);
        assert_eq!(found, [one("Premier ministre", "keita", Rule::Title)]);
        assert_eq!(titles, ["Premier ministre", "Premier ministre"]);
        // The role must hold every word of the title, and a demonym must fit the side.
        let text = "Awa Traoré et Piotr Ivanov ; le ministre russe de l'Énergie a parlé.";
        assert_eq!(run(text, &names, None).0, [one("ministre russe de l'Énergie", "ivanov", Rule::Title)]);
        let text = "Piotr Ivanov et Awa Traoré ; le ministre de l'Énergie a parlé.";
        assert_eq!(run(text, &names, None).0, [one("ministre de l'Énergie", "traore", Rule::Title)], "nearest");
        // Nobody named with that role: the title stays a title.
        let text = "Le ministre de la Culture a parlé.";
        let (found, titles) = run(text, &names, None);
        assert!(found.is_empty());
        assert_eq!(titles, ["ministre de la Culture"]);
        // The title of an actor the article does not name resolves to nothing.
        assert!(run("Le Premier ministre a parlé.", &names, None).0.is_empty());
    }

    #[test]
    fn titles_span_their_domain_lists_and_elided_heads() {
        let names = [("Awa Traoré", "traore"), ("Piotr Ivanov", "ivanov")];
        let text =
            "Les ministres maliens des Affaires étrangères, Awa Traoré, et de l'Énergie et de l'Eau Piotr Ivanov.";
        assert_eq!(
            run(text, &names, None).1,
            ["ministres maliens des Affaires étrangères", "de l'Énergie et de l'Eau"]
        );
        let text = "des représentants de plusieurs ministères russes (Énergie, Défense, Industrie) et de Rosatom";
        assert_eq!(run(text, &names, None).1, ["ministères russes (Énergie, Défense, Industrie"]);
        // Lower case domains count when they are sector terms; the domain stops at a comma.
        let text = "Piotr Ivanov, en tant que ministre de l'énergie, a parlé de l'énergie.";
        let (found, titles) = run(text, &names, None);
        assert_eq!(titles, ["ministre de l'énergie"]);
        assert!(found.is_empty(), "the name stands beside the title");
        // "de l'Énergie" with no name after it is no title.
        assert!(run("le secteur de l'Énergie progresse", &names, None).1.is_empty());
        // No title starts inside a hyphenated word.
        assert!(run("Piotr Ivanov, co-président de la Commission", &names, None).1.is_empty());
    }

    #[test]
    fn a_determiner_and_a_head_noun_take_the_most_mentioned_earlier_actor() {
        let names = [("Commission mixte", "commission"), ("présidence malienne", "presidency")];
        let text =
            "La Commission mixte siège. Selon la présidence malienne, cette Commission avance ; la présidence le dit.";
        assert_eq!(
            run(text, &names, None).0,
            [
                one("cette Commission", "commission", Rule::Antecedent),
                one("la présidence", "presidency", Rule::Antecedent)
            ]
        );
        // Before the name, or qualified as another entity, it is left alone.
        let text = "Cette Commission siège. La Commission mixte, puis la Commission européenne, la commission électorale et \
                    la Commission de l'UEMOA.";
        assert_eq!(run(text, &names, None).0, []);
    }

    #[test]
    fn an_institutions_remit_after_its_name_is_its_attribute() {
        let names = [("Commission mixte", "commission")];
        let text = "La Commission mixte sur le commerce, l'énergie et la technique a siégé ; l'énergie reste un enjeu.";
        let (_, titles) = run(text, &names, None);
        assert_eq!(titles, ["sur le commerce, l'énergie"], "up to its last sector word");
        // Not after a person, nor after a word that is no remit.
        let text = "Piotr Ivanov sur l'énergie ; la Commission mixte a parlé de l'énergie.";
        assert!(run(text, &[("Piotr Ivanov", "ivanov"), ("Commission mixte", "commission")], None).1.is_empty());
    }

    #[test]
    fn explicit_names_are_never_read_again_as_references() {
        // "la partie russe" inside a name the lexicon found stays that name, and a phrase that
        // runs into a name is not read either.
        let (ids, referents) = world();
        let text = "la partie russe";
        let named =
            [Named { span: Span::new(0, text.len()), actor: ids.iter().position(|x| *x == "commission").unwrap() }];
        let found = resolve(text, &[Span::new(0, text.len())], &named, &[], None, &referents, &phrases());
        assert!(found.inferred.is_empty());
        assert_eq!(run("selon la présidence malienne", &[("présidence malienne", "presidency")], None).0, []);
    }
}
