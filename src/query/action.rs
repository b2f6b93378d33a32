//! What the page's buttons do, and how each change of view is written to the browser's
//! history: decisions that need no browser, so they live here and are tested natively.
//!
//! Buttons carry an [`Action`] as `data-action="<key>"`; one delegated handler parses it here
//! and nowhere else.
//!
//! ```
//! use explorer::query::action::{Action, ExportFormat};
//! assert_eq!(Action::parse("export-csv-semicolon"), Some(Action::Export(ExportFormat::CsvSemicolon)));
//! assert_eq!(Action::parse(Action::ShowMore.key()), Some(Action::ShowMore));
//! assert_eq!(Action::parse("launch"), None);
//! ```

use crate::query::ViewState;
use crate::query::url::print;

/// A file the results can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    /// CSV separated by semicolons, for spreadsheets set to French.
    CsvSemicolon,
    Json,
}

/// What a button of the page does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Opens or closes the phone's filter drawer.
    ToggleFilters,
    CloseFilters,
    /// Hides the notices about a link's ignored parameters.
    DismissNotices,
    /// Shows a page more of the list.
    ShowMore,
    /// Shows every value of the sources facet (see `query::shown`).
    AllSources,
    CopyLink,
    Export(ExportFormat),
    /// Fetches again the parts of the article texts that failed to load.
    RetryTexts,
}

impl Action {
    pub const ALL: [Action; 10] = [
        Action::ToggleFilters,
        Action::CloseFilters,
        Action::DismissNotices,
        Action::ShowMore,
        Action::AllSources,
        Action::CopyLink,
        Action::Export(ExportFormat::Csv),
        Action::Export(ExportFormat::CsvSemicolon),
        Action::Export(ExportFormat::Json),
        Action::RetryTexts,
    ];

    /// The value of `data-action`.
    pub fn key(self) -> &'static str {
        match self {
            Action::ToggleFilters => "filters",
            Action::CloseFilters => "filters-close",
            Action::DismissNotices => "dismiss",
            Action::ShowMore => "more",
            Action::AllSources => "all-sources",
            Action::CopyLink => "copy",
            Action::Export(ExportFormat::Csv) => "export-csv",
            Action::Export(ExportFormat::CsvSemicolon) => "export-csv-semicolon",
            Action::Export(ExportFormat::Json) => "export-json",
            Action::RetryTexts => "retry-texts",
        }
    }

    pub fn parse(key: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// What caused a change of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// The page opened at an address (a link, a reload).
    Opening,
    /// A discrete choice: a click, Enter, Space, Back's opposite.
    Choice,
    /// A key typed in the search box; `first` for the first of a burst.
    Typing { first: bool },
}

/// How the address bar follows a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// A new history entry with this query (Back returns to the view before).
    Push(String),
    /// In place of the current entry (no new step for Back).
    Replace(String),
    /// The address is already right.
    Nothing,
}

/// The rule of the explorer's history: a choice is one step for Back, a burst of typing is
/// one step too (its first key pushes, the next ones replace), and opening a page only tidies
/// its address into the canonical one, without a step. `address` is the query the browser
/// shows now (without `?`).
///
/// ```
/// use explorer::query::action::{Cause, Write, history};
/// use explorer::query::ViewState;
/// let mut next = ViewState::default();
/// next.filter.q = "or".into();
/// assert_eq!(history(Cause::Typing { first: true }, "", &next), Write::Push("q=or".into()));
/// assert_eq!(history(Cause::Typing { first: false }, "q=o", &next), Write::Replace("q=or".into()));
/// ```
pub fn history(cause: Cause, address: &str, next: &ViewState) -> Write {
    let query = print(next);
    if query == address.trim_start_matches('?') {
        return Write::Nothing;
    }
    match cause {
        Cause::Opening | Cause::Typing { first: false } => Write::Replace(query),
        Cause::Choice | Cause::Typing { first: true } => Write::Push(query),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_parses_back_from_its_key_and_keys_are_distinct() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.key()), Some(a));
        }
        let mut keys: Vec<&str> = Action::ALL.iter().map(|a| a.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Action::ALL.len());
    }

    #[test]
    fn choices_push_typing_pushes_once_opening_only_tidies() {
        let mut state = ViewState::default();
        state.filter.sectors = vec!["energy".into()];
        assert_eq!(history(Cause::Choice, "", &state), Write::Push("sector=energy".into()));
        assert_eq!(history(Cause::Choice, "?sector=energy", &state), Write::Nothing, "no step for no change");
        // A link written another way is tidied in place: opening it is one history entry.
        assert_eq!(history(Cause::Opening, "sector=energy&lang=fr", &state), Write::Replace("sector=energy".into()));
        assert_eq!(history(Cause::Opening, "sector=energy", &state), Write::Nothing);
        state.filter.q = "carte".into();
        assert_eq!(
            history(Cause::Typing { first: true }, "sector=energy", &state),
            Write::Push("sector=energy&q=carte".into())
        );
        assert_eq!(
            history(Cause::Typing { first: false }, "sector=energy&q=cart", &state),
            Write::Replace("sector=energy&q=carte".into())
        );
    }
}
