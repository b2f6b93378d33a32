//! Every string of the interface, in French (default) and English.
//!
//! One struct per language keeps translations complete by construction: a missing string is
//! a compile error, not an untranslated label. Article texts are never translated.
//!
//! ```
//! use explorer::{i18n::strings, query::Lang};
//! assert_eq!(strings(Lang::Fr).view_timeline, "Chronologie");
//! assert_eq!(strings(Lang::En).view_timeline, "Timeline");
//! ```

use crate::date::Precision;
use crate::model::{ActorKind, AgreementStatus, Basis, EventKind, EventStatus, Relation, Rule, Sector, Side, Stage};
use crate::query::Lang;
use crate::query::url::Problem;

/// The interface strings of one language.
#[derive(Debug)]
pub struct Strings {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub skip_to_results: &'static str,
    pub skip_to_filters: &'static str,
    pub show_results: &'static str,
    pub filters: &'static str,
    pub show_filters: &'static str,
    pub close_filters: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub facet_sector: &'static str,
    pub facet_actor: &'static str,
    pub facet_date: &'static str,
    pub facet_source: &'static str,
    pub actor_filter_label: &'static str,
    pub actor_filter_placeholder: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub histogram_label: &'static str,
    pub histogram_help: &'static str,
    /// After "4 documents": results that no bar of a day counts, and why.
    pub unplaced_day: &'static str,
    /// After "4 documents": results that no bar of a month counts, and why.
    pub unplaced_month: &'static str,
    pub earlier: &'static str,
    pub documents_count: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: &'static str,
    pub clear_all: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// The page opened from a file: its link opens the view only where the file is.
    pub link_copied_local: &'static str,
    pub copy_failed: &'static str,
    pub offline_copy: &'static str,
    pub offline_copy_hint: &'static str,
    pub view_documents: &'static str,
    pub view_timeline: &'static str,
    pub view_passages: &'static str,
    pub results_tabs: &'static str,
    pub no_results: &'static str,
    pub no_results_why: &'static str,
    pub remove_last_filter: &'static str,
    pub show_more: &'static str,
    /// The button that shows every value of the sources facet (followed by their number).
    pub all_sources: &'static str,
    pub unknown_outlet: &'static str,
    pub unknown_date: &'static str,
    pub inferred: &'static str,
    pub planned: &'static str,
    pub undated: &'static str,
    pub sources: &'static str,
    pub open_passage: &'static str,
    pub open_document: &'static str,
    pub close_reader: &'static str,
    pub notices_title: &'static str,
    pub dismiss: &'static str,
    pub matched: &'static str,
    pub selected: &'static str,
    pub words: &'static str,
    pub timeline_label: &'static str,
    pub agreement: &'static str,
    pub event: &'static str,
    pub fatal: &'static str,
    pub side_mali: &'static str,
    pub side_russia: &'static str,
    pub side_niger: &'static str,
    pub side_other: &'static str,
    pub kind_person: &'static str,
    pub kind_organisation: &'static str,
    pub kind_institution: &'static str,
    pub kind_country: &'static str,
    pub kind_place: &'static str,
    pub view_network: &'static str,
    pub network_label: &'static str,
    pub network_help: &'static str,
    pub network_pairs: &'static str,
    pub network_left_out: &'static str,
    pub network_empty: &'static str,
    pub shared_passages: &'static str,
    pub close_edge: &'static str,
    pub export: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub export_csv_semicolon: &'static str,
    pub export_csv_semicolon_hint: &'static str,
    pub export_hint: &'static str,
    pub close_entity: &'static str,
    pub actor_page: &'static str,
    pub aliases: &'static str,
    pub side: &'static str,
    pub kind: &'static str,
    pub roles: &'static str,
    pub description: &'static str,
    pub mentions: &'static str,
    pub passages_word: &'static str,
    pub events_title: &'static str,
    pub agreements_title: &'static str,
    pub figures_title: &'static str,
    pub with_sectors: &'static str,
    pub with_actors: &'static str,
    pub actors_involved: &'static str,
    pub taxonomy: &'static str,
    pub sub_sectors: &'static str,
    pub over_time: &'static str,
    pub filter_by: &'static str,
    pub none: &'static str,
    pub cited_here: &'static str,
    pub passage_link: &'static str,
    pub mention_legend: &'static str,
    pub mention_actor: &'static str,
    pub mention_sector: &'static str,
    pub mention_date: &'static str,
    pub author: &'static str,
    pub outlet: &'static str,
    pub published: &'static str,
    pub date_known: &'static str,
    pub date_inferred: &'static str,
    pub precision_label: &'static str,
    /// " : " in French typography, ": " in English.
    pub colon: &'static str,
    pub shared_passage: &'static str,
    pub mention_one: &'static str,
    pub document_one: &'static str,
    pub passage_one: &'static str,
    pub view_compare: &'static str,
    pub compare_help: &'static str,
    pub compare_none: &'static str,
    pub facet_claims: &'static str,
    pub only_disputed: &'static str,
    pub only_single: &'static str,
    pub disputed: &'static str,
    pub side_and_camp: &'static str,
    pub side_and_camp_help: &'static str,
    pub inferred_mention: &'static str,
    pub rule_home: &'static str,
    pub rule_demonym: &'static str,
    pub rule_pair: &'static str,
    pub rule_title: &'static str,
    pub rule_antecedent: &'static str,
    pub rule_counterpart: &'static str,
    pub dated_from: &'static str,
    pub title_sectors: &'static str,
    pub claims_table: &'static str,
    pub claim_col: &'static str,
    pub quote_col: &'static str,
    pub stage_ladder: &'static str,
    pub sources_differ: &'static str,
    pub spread: &'static str,
    pub grid_title: &'static str,
    pub grid_reports: &'static str,
    pub grid_silent: &'static str,
    pub grid_disputes: &'static str,
    pub fact_col: &'static str,
    pub published_date_word: &'static str,
    /// Whether zero takes the singular ("0 document" in French, "0 documents" in English).
    pub zero_is_singular: bool,
}

pub static FR: Strings = Strings {
    app_title: "Mali–Russie explorer",
    tagline: "Coopération intergouvernementale Mali–Russie, juin–août 2025",
    skip_to_results: "Aller aux résultats",
    skip_to_filters: "Aller aux filtres",
    show_results: "Voir les résultats",
    filters: "Filtres",
    show_filters: "Filtres",
    close_filters: "Fermer les filtres",
    search_label: "Rechercher dans les textes",
    search_placeholder: "ex. carte thermique, Goïta…",
    facet_sector: "Secteurs",
    facet_actor: "Acteurs",
    facet_date: "Dates",
    facet_source: "Sources",
    actor_filter_label: "Trouver un acteur",
    actor_filter_placeholder: "nom ou variante",
    date_from: "Du",
    date_to: "Au",
    histogram_label: "Documents par période",
    histogram_help: "Cliquez une barre, ou glissez d’une barre à l’autre, pour filtrer cette période.",
    unplaced_day: " hors des barres (date moins précise que le jour).",
    unplaced_month: " hors des barres (date moins précise que le mois).",
    earlier: "avant",
    documents_count: "documents",
    active_filters: "Filtres actifs",
    remove_filter: "Retirer le filtre",
    clear_all: "Tout effacer",
    copy_link: "Copier le lien",
    link_copied: "Lien copié",
    link_copied_local: "Lien copié — il mène à ce fichier : il n’ouvre cette vue que sur cet appareil",
    copy_failed: "Copie impossible : sélectionnez l’adresse dans la barre du navigateur",
    offline_copy: "Télécharger l’explorateur pour l’utiliser hors ligne",
    offline_copy_hint: "un seul fichier HTML, qui s’ouvre d’un double-clic et se partage comme un document",
    view_documents: "Documents",
    view_timeline: "Chronologie",
    view_passages: "Passages",
    results_tabs: "Vues des résultats",
    no_results: "Aucun résultat.",
    no_results_why: "Aucun élément ne remplit tous ces filtres à la fois :",
    remove_last_filter: "Retirer le dernier filtre",
    show_more: "Afficher plus",
    all_sources: "Afficher toutes les sources",
    unknown_outlet: "Média non indiqué",
    unknown_date: "date inconnue",
    inferred: "déduite",
    planned: "prévu",
    undated: "non daté",
    sources: "Sources",
    open_passage: "Voir dans le texte",
    open_document: "Lire",
    close_reader: "Fermer le texte",
    notices_title: "Certains paramètres du lien ont été ignorés :",
    dismiss: "Masquer",
    matched: "Correspondances",
    selected: "sélectionné",
    words: "mots",
    timeline_label: "Chronologie des événements et accords",
    agreement: "Accord",
    event: "Événement",
    fatal: "L’explorateur a rencontré une erreur et s’est arrêté. Rechargez la page.",
    side_mali: "Mali",
    side_russia: "Russie",
    side_niger: "Niger",
    side_other: "Autres",
    kind_person: "Personnes",
    kind_organisation: "Organisations",
    kind_institution: "Institutions",
    kind_country: "Pays",
    kind_place: "Lieux",
    view_network: "Réseau",
    network_label: "Réseau des acteurs cités dans les mêmes passages",
    network_help: "Taille : nombre de mentions ; couleur : camp ; trait : passages en commun. Choisissez un lien pour lire ses passages, un acteur pour sa fiche.",
    network_pairs: "Cités ensemble",
    network_left_out: "acteurs moins cités ne sont pas dessinés",
    network_empty: "Aucun passage de ces résultats ne cite deux acteurs à la fois.",
    shared_passages: "passages en commun",
    close_edge: "Fermer",
    export: "Exporter les résultats",
    export_csv: "CSV",
    export_json: "JSON",
    export_csv_semicolon: "CSV ;",
    export_csv_semicolon_hint: "CSV séparé par des points-virgules, pour un tableur réglé en français",
    export_hint: "documents, événements et passages filtrés, avec le lien de la vue",
    close_entity: "Fermer la fiche",
    actor_page: "Fiche",
    aliases: "Autres graphies",
    side: "Camp",
    kind: "Type",
    roles: "Fonctions citées",
    description: "Description",
    mentions: "mentions",
    passages_word: "passages",
    events_title: "Événements",
    agreements_title: "Accords",
    figures_title: "Chiffres",
    with_sectors: "Secteurs associés",
    with_actors: "Acteurs associés",
    actors_involved: "Acteurs impliqués",
    taxonomy: "Place dans la taxonomie",
    sub_sectors: "Sous-secteurs",
    over_time: "Passages par mois",
    filter_by: "Filtrer les résultats",
    none: "aucun",
    cited_here: "Cités dans ce document",
    passage_link: "Lien vers ce passage",
    mention_legend: "Mentions : cliquez pour filtrer",
    mention_actor: "acteur",
    mention_sector: "secteur",
    mention_date: "date",
    author: "Auteur",
    outlet: "Média",
    published: "Publication",
    date_known: "date connue",
    date_inferred: "date déduite du texte",
    precision_label: "précision",
    colon: " : ",
    shared_passage: "passage en commun",
    mention_one: "mention",
    document_one: "document",
    passage_one: "passage",
    view_compare: "Sources comparées",
    compare_help: "Les faits que plusieurs articles rapportent : ce que dit chacun, et comment leurs versions se rapportent. Aucune version n’est préférée en silence.",
    compare_none: "Aucun fait de ces résultats n’est rapporté par plusieurs articles.",
    facet_claims: "Versions des sources",
    only_disputed: "Faits contestés",
    only_single: "Faits à source unique",
    disputed: "contesté",
    side_and_camp: " et son camp",
    side_and_camp_help: "Le pays, ses institutions, entreprises et personnes",
    inferred_mention: "mention déduite",
    rule_home: "« notre pays » : le pays du média",
    rule_demonym: "un nom suivi de l’adjectif d’un pays",
    rule_pair: "les deux pays (ou dirigeants) que l’article nomme le plus",
    rule_title: "un titre que ses rôles donnent à cet acteur, nommé dans l’article",
    rule_antecedent: "reprend l’acteur nommé plus haut",
    rule_counterpart: "l’homologue, dans l’autre camp, de la personne citée juste avant",
    dated_from: "déduite de",
    title_sectors: "Secteurs de ses titres",
    claims_table: "Ce que dit chaque source",
    claim_col: "Version",
    quote_col: "Citation",
    stage_ladder: "Étape selon chaque source",
    sources_differ: "les sources divergent",
    spread: "écart",
    grid_title: "Faits × sources",
    grid_reports: "rapporte",
    grid_silent: "ne dit rien",
    grid_disputes: "version contestée",
    fact_col: "Fait",
    published_date_word: "date",
    zero_is_singular: true,
};

pub static EN: Strings = Strings {
    app_title: "Mali–Russia explorer",
    tagline: "Mali–Russia intergovernmental cooperation, June–August 2025",
    skip_to_results: "Skip to results",
    skip_to_filters: "Skip to filters",
    show_results: "Show the results",
    filters: "Filters",
    show_filters: "Filters",
    close_filters: "Close filters",
    search_label: "Search the texts",
    search_placeholder: "e.g. carte thermique, Goïta…",
    facet_sector: "Sectors",
    facet_actor: "Actors",
    facet_date: "Dates",
    facet_source: "Sources",
    actor_filter_label: "Find an actor",
    actor_filter_placeholder: "name or variant",
    date_from: "From",
    date_to: "To",
    histogram_label: "Documents by period",
    histogram_help: "Click a bar, or drag from one bar to another, to filter that period.",
    unplaced_day: " not in any bar (dated less precisely than a day).",
    unplaced_month: " not in any bar (dated less precisely than a month).",
    earlier: "before",
    documents_count: "documents",
    active_filters: "Active filters",
    remove_filter: "Remove filter",
    clear_all: "Clear all",
    copy_link: "Copy link",
    link_copied: "Link copied",
    link_copied_local: "Link copied — it points to this file, so it opens this view only on this device",
    copy_failed: "Cannot copy: select the address in the browser bar",
    offline_copy: "Download the explorer for offline use",
    offline_copy_hint: "a single HTML file that opens with a double-click and can be shared like a document",
    view_documents: "Documents",
    view_timeline: "Timeline",
    view_passages: "Passages",
    results_tabs: "Result views",
    no_results: "No results.",
    no_results_why: "Nothing matches all these filters at once:",
    remove_last_filter: "Remove the last filter",
    show_more: "Show more",
    all_sources: "Show every source",
    unknown_outlet: "Unknown outlet",
    unknown_date: "unknown date",
    inferred: "inferred",
    planned: "planned",
    undated: "undated",
    sources: "Sources",
    open_passage: "See in the text",
    open_document: "Read",
    close_reader: "Close the text",
    notices_title: "Some parameters of the link were ignored:",
    dismiss: "Dismiss",
    matched: "Matches",
    selected: "selected",
    words: "words",
    timeline_label: "Timeline of events and agreements",
    agreement: "Agreement",
    event: "Event",
    fatal: "The explorer stopped on an error. Reload the page.",
    side_mali: "Mali",
    side_russia: "Russia",
    side_niger: "Niger",
    side_other: "Others",
    kind_person: "People",
    kind_organisation: "Organisations",
    kind_institution: "Institutions",
    kind_country: "Countries",
    kind_place: "Places",
    view_network: "Network",
    network_label: "Network of the actors mentioned in the same passages",
    network_help: "Size: mentions; colour: side; line: shared passages. Choose a link to read its passages, an actor for their page.",
    network_pairs: "Mentioned together",
    network_left_out: "less mentioned actors are not drawn",
    network_empty: "No passage of these results mentions two actors together.",
    shared_passages: "shared passages",
    close_edge: "Close",
    export: "Export the results",
    export_csv: "CSV",
    export_json: "JSON",
    export_csv_semicolon: "CSV ;",
    export_csv_semicolon_hint: "CSV separated by semicolons, for spreadsheets set to French",
    export_hint: "filtered documents, events and passages, with the link of the view",
    close_entity: "Close the page",
    actor_page: "Page",
    aliases: "Other spellings",
    side: "Side",
    kind: "Kind",
    roles: "Roles as stated",
    description: "Description",
    mentions: "mentions",
    passages_word: "passages",
    events_title: "Events",
    agreements_title: "Agreements",
    figures_title: "Figures",
    with_sectors: "Sectors it appears with",
    with_actors: "Actors it appears with",
    actors_involved: "Actors involved",
    taxonomy: "Place in the taxonomy",
    sub_sectors: "Sub-sectors",
    over_time: "Passages by month",
    filter_by: "Filter the results",
    none: "none",
    cited_here: "Cited in this document",
    passage_link: "Link to this passage",
    mention_legend: "Mentions: click to filter",
    mention_actor: "actor",
    mention_sector: "sector",
    mention_date: "date",
    author: "Author",
    outlet: "Outlet",
    published: "Published",
    date_known: "known date",
    date_inferred: "date inferred from the text",
    precision_label: "precision",
    colon: ": ",
    shared_passage: "shared passage",
    mention_one: "mention",
    document_one: "document",
    passage_one: "passage",
    view_compare: "Sources compared",
    compare_help: "Facts that several articles report: what each says, and how their accounts relate. No account is silently preferred.",
    compare_none: "No fact in these results is reported by more than one article.",
    facet_claims: "Source accounts",
    only_disputed: "Disputed facts",
    only_single: "Single-source facts",
    disputed: "disputed",
    side_and_camp: " and its side",
    side_and_camp_help: "The country, its institutions, companies and people",
    inferred_mention: "inferred mention",
    rule_home: "\"our country\": the outlet's country",
    rule_demonym: "a noun followed by a country's adjective",
    rule_pair: "the two countries (or leaders) the article names most",
    rule_title: "a title its roles give this actor, who is named in the article",
    rule_antecedent: "refers back to the actor named earlier",
    rule_counterpart: "the counterpart, on the other side, of the person just mentioned",
    dated_from: "inferred from",
    title_sectors: "Sectors of its titles",
    claims_table: "What each source says",
    claim_col: "Account",
    quote_col: "Quote",
    stage_ladder: "Stage according to each source",
    sources_differ: "the sources differ",
    spread: "spread",
    grid_title: "Facts × sources",
    grid_reports: "reports",
    grid_silent: "silent",
    grid_disputes: "disputed account",
    fact_col: "Fact",
    published_date_word: "date",
    zero_is_singular: false,
};

/// The strings of a language.
/// The words of a large corpus's texts loading in parts (see `explorer::texts`): apart from
/// [`Strings`], so that a build whose texts are embedded carries none of them.
#[derive(Debug)]
pub struct TextStrings {
    /// In place of an article text still on its way.
    pub text_loading: &'static str,
    /// In place of a card's or a passage's text whose part could not be loaded.
    pub text_not_loaded: &'static str,
    /// The reader, its document's text not loaded.
    pub text_failed_one: &'static str,
    /// A search waiting for the texts it reads, before "n sur m" (articles whose text is in).
    pub texts_searching: &'static str,
    /// "sur" in "28 sur 70".
    pub of: &'static str,
    /// The phone's filter drawer, while a search waits, before "n sur m": the results' count is
    /// not known yet, and why.
    pub texts_loaded: &'static str,
    pub texts_failed: &'static str,
    pub retry: &'static str,
    pub export_waiting: &'static str,
    pub export_failed: &'static str,
}

pub static TEXTS_FR: TextStrings = TextStrings {
    text_loading: "Chargement du texte…",
    text_not_loaded: "Texte non chargé.",
    text_failed_one: "Le texte de cet article n’a pas pu être chargé (connexion interrompue ?).",
    texts_searching: "Recherche dans le texte des articles, en cours de chargement — textes chargés :",
    of: "sur",
    texts_loaded: "recherche : textes chargés",
    texts_failed: "Le texte de certains articles n’a pas pu être chargé (connexion interrompue ?).",
    retry: "Réessayer",
    export_waiting: "Export : chargement du texte des articles…",
    export_failed: "Export impossible : le texte de certains articles n’a pas pu être chargé. Relancez l’export une fois la connexion revenue.",
};

pub static TEXTS_EN: TextStrings = TextStrings {
    text_loading: "Loading the text…",
    text_not_loaded: "Text not loaded.",
    text_failed_one: "The text of this article could not be loaded (connection lost?).",
    texts_searching: "Searching the articles’ text, still loading — loaded so far:",
    of: "of",
    texts_loaded: "searching: texts loaded",
    texts_failed: "The text of some articles could not be loaded (connection lost?).",
    retry: "Try again",
    export_waiting: "Export: loading the articles’ text…",
    export_failed: "Export not possible: the text of some articles could not be loaded. Export again once the connection is back.",
};

/// The words of texts loading in parts, in `lang`.
pub fn text_strings(lang: Lang) -> &'static TextStrings {
    match lang {
        Lang::Fr => &TEXTS_FR,
        Lang::En => &TEXTS_EN,
    }
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// What is counted, for [`Strings::count`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Documents,
    Mentions,
    Passages,
    SharedPassages,
}

impl Strings {
    /// A number and what it counts, singular or plural: "1 document", "3 documents"; zero is
    /// singular in French, plural in English.
    ///
    /// ```
    /// use explorer::i18n::{Counted, EN, FR};
    /// assert_eq!(FR.count(0, Counted::Documents), "0 document");
    /// assert_eq!(EN.count(0, Counted::Documents), "0 documents");
    /// assert_eq!(FR.count(2, Counted::SharedPassages), "2 passages en commun");
    /// ```
    pub fn count(&self, n: usize, what: Counted) -> String {
        let (one, many) = match what {
            Counted::Documents => (self.document_one, self.documents_count),
            Counted::Mentions => (self.mention_one, self.mentions),
            Counted::Passages => (self.passage_one, self.passages_word),
            Counted::SharedPassages => (self.shared_passage, self.shared_passages),
        };
        let singular = n == 1 || (n == 0 && self.zero_is_singular);
        format!("{n} {}", if singular { one } else { many })
    }

    pub fn side(&self, side: Side) -> &'static str {
        match side {
            Side::Mali => self.side_mali,
            Side::Russia => self.side_russia,
            Side::Niger => self.side_niger,
            Side::Other => self.side_other,
        }
    }

    pub fn kind(&self, kind: ActorKind) -> &'static str {
        match kind {
            ActorKind::Person => self.kind_person,
            ActorKind::Organisation => self.kind_organisation,
            ActorKind::Institution => self.kind_institution,
            ActorKind::Country => self.kind_country,
            ActorKind::Place => self.kind_place,
        }
    }

    /// Why an inferred mention names its actor (`None` for a mention the text writes out).
    pub fn rule(&self, rule: Rule) -> Option<&'static str> {
        match rule {
            Rule::Explicit => None,
            Rule::Home => Some(self.rule_home),
            Rule::Demonym => Some(self.rule_demonym),
            Rule::Pair => Some(self.rule_pair),
            Rule::Title => Some(self.rule_title),
            Rule::Antecedent => Some(self.rule_antecedent),
            Rule::Counterpart => Some(self.rule_counterpart),
        }
    }

    pub fn basis(&self, basis: Basis) -> Option<&'static str> {
        (basis == Basis::Inferred).then_some(self.inferred)
    }
}

/// An actor's kind, singular (the facet's groups use the plural).
pub fn actor_kind(lang: Lang, kind: ActorKind) -> &'static str {
    use ActorKind::*;
    match (lang, kind) {
        (Lang::Fr, Person) => "personne",
        (Lang::Fr, Organisation) => "organisation",
        (Lang::Fr, Institution) => "institution",
        (Lang::Fr, Country) => "pays",
        (Lang::Fr, Place) => "lieu",
        (Lang::En, Person) => "person",
        (Lang::En, Organisation) => "organisation",
        (Lang::En, Institution) => "institution",
        (Lang::En, Country) => "country",
        (Lang::En, Place) => "place",
    }
}

/// A sector's label in the interface language.
pub fn sector_label(lang: Lang, sector: &Sector) -> &str {
    lang.pick(&sector.label_fr, &sector.label_en)
}

/// Why a URL parameter was ignored, in the user's language. `key` and `value` are shown as
/// text beside it.
pub fn problem(lang: Lang, problem: Problem) -> &'static str {
    use Problem::*;
    match (lang, problem) {
        (Lang::Fr, UnknownKey) => "paramètre inconnu",
        (Lang::Fr, UnknownId) => "identifiant inconnu",
        (Lang::Fr, MalformedDate) => "date mal formée (AAAA, AAAA-MM ou AAAA-MM-JJ)",
        (Lang::Fr, FromAfterTo) => "début après la fin : période ignorée",
        (Lang::Fr, UnknownView) => "vue inconnue",
        (Lang::Fr, UnknownLang) => "langue inconnue (fr ou en)",
        (Lang::Fr, BadEscape) => "encodage invalide",
        (Lang::Fr, TooManyValues) => "trop de valeurs",
        (Lang::Fr, TooLong) => "texte trop long, coupé",
        (Lang::Fr, PassageWithoutDocument) => "passage sans document",
        (Lang::Fr, UnknownPassage) => "passage inexistant",
        (Lang::Fr, MoreNotices) => "autres paramètres ignorés",
        (Lang::Fr, NotAFlag) => "valeur attendue : 1",
        (Lang::En, UnknownKey) => "unknown parameter",
        (Lang::En, UnknownId) => "unknown id",
        (Lang::En, MalformedDate) => "malformed date (YYYY, YYYY-MM or YYYY-MM-DD)",
        (Lang::En, FromAfterTo) => "start after end: range ignored",
        (Lang::En, UnknownView) => "unknown view",
        (Lang::En, UnknownLang) => "unknown language (fr or en)",
        (Lang::En, BadEscape) => "invalid encoding",
        (Lang::En, TooManyValues) => "too many values",
        (Lang::En, TooLong) => "text too long, cut",
        (Lang::En, PassageWithoutDocument) => "passage without a document",
        (Lang::En, UnknownPassage) => "no such passage",
        (Lang::En, MoreNotices) => "more parameters ignored",
        (Lang::En, NotAFlag) => "expected value: 1",
    }
}

/// Labels of event kinds.
pub fn event_kind(lang: Lang, kind: EventKind) -> &'static str {
    use EventKind::*;
    match (lang, kind) {
        (Lang::Fr, Visit) => "Visite",
        (Lang::Fr, Arrival) => "Arrivée",
        (Lang::Fr, Session) => "Session",
        (Lang::Fr, Audience) => "Audience",
        (Lang::Fr, Signing) => "Signature",
        (Lang::Fr, Meeting) => "Réunion",
        (Lang::Fr, Creation) => "Création",
        (Lang::Fr, Announcement) => "Annonce",
        (Lang::Fr, Anniversary) => "Anniversaire",
        (Lang::En, Visit) => "Visit",
        (Lang::En, Arrival) => "Arrival",
        (Lang::En, Session) => "Session",
        (Lang::En, Audience) => "Audience",
        (Lang::En, Signing) => "Signing",
        (Lang::En, Meeting) => "Meeting",
        (Lang::En, Creation) => "Creation",
        (Lang::En, Announcement) => "Announcement",
        (Lang::En, Anniversary) => "Anniversary",
    }
}

/// Labels of agreement statuses.
pub fn agreement_status(lang: Lang, status: AgreementStatus) -> &'static str {
    use AgreementStatus::*;
    match (lang, status) {
        (Lang::Fr, Signed) => "signé",
        (Lang::Fr, Draft) => "projet",
        (Lang::Fr, Proposed) => "proposé",
        (Lang::Fr, Planned) => "envisagé",
        (Lang::En, Signed) => "signed",
        (Lang::En, Draft) => "draft",
        (Lang::En, Proposed) => "proposed",
        (Lang::En, Planned) => "planned",
    }
}

/// The rungs of an agreement's ladder.
pub fn stage(lang: Lang, stage: Stage) -> &'static str {
    use Stage::*;
    match (lang, stage) {
        (Lang::Fr, Announced) => "annoncé",
        (Lang::Fr, Draft) => "projet",
        (Lang::Fr, Initialled) => "paraphé",
        (Lang::Fr, Signed) => "signé",
        (Lang::Fr, Ratified) => "ratifié",
        (Lang::En, Announced) => "announced",
        (Lang::En, Draft) => "draft",
        (Lang::En, Initialled) => "initialled",
        (Lang::En, Signed) => "signed",
        (Lang::En, Ratified) => "ratified",
    }
}

/// How the accounts of several sources relate.
pub fn relation(lang: Lang, relation: Relation) -> &'static str {
    use Relation::*;
    match (lang, relation) {
        (Lang::Fr, Identical) => "Versions identiques",
        (Lang::Fr, Compatible) => "Versions compatibles (niveaux de détail différents)",
        (Lang::Fr, Contradicts) => "Versions contradictoires",
        (Lang::Fr, Supersedes) => "Une version plus récente remplace les autres",
        (Lang::En, Identical) => "Identical accounts",
        (Lang::En, Compatible) => "Compatible accounts (different levels of detail)",
        (Lang::En, Contradicts) => "Contradictory accounts",
        (Lang::En, Supersedes) => "A later account supersedes the others",
    }
}

/// Whether an event is still to come, as a label (`None` for past events).
pub fn event_status(lang: Lang, status: EventStatus) -> Option<&'static str> {
    (status == EventStatus::Planned).then_some(strings(lang).planned)
}

/// How precise a date is, as a short label.
pub fn precision(lang: Lang, precision: Precision) -> &'static str {
    match (lang, precision) {
        (Lang::Fr, Precision::Day) => "jour",
        (Lang::Fr, Precision::Month) => "mois",
        (Lang::Fr, Precision::Year) => "année",
        (Lang::Fr, Precision::Approximate) => "approximative",
        (Lang::En, Precision::Day) => "day",
        (Lang::En, Precision::Month) => "month",
        (Lang::En, Precision::Year) => "year",
        (Lang::En, Precision::Approximate) => "approximate",
    }
}
