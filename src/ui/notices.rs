//! The notice listing URL parameters that were ignored. Values are shown as text only.

use explorer::i18n::{problem, strings};
use leptos::prelude::*;

use explorer::query::action::Action;

use super::Explorer;
use super::dom::{self, Node, el};

/// The notice, while there is something to say; "dismiss" is handled in `events`.
pub fn notices(explorer: Explorer) -> Node {
    dom::keep(el("div"), move || {
        let notices = explorer.notices.get();
        if notices.is_empty() {
            return Vec::new();
        }
        let lang = explorer.state.with_untracked(|s| s.lang);
        let t = strings(lang);
        let items: Vec<Node> = notices
            .iter()
            .map(|n| {
                let what = if n.key.is_empty() { n.value.clone() } else { format!("{}={}", n.key, n.value) };
                el("li")
                    .attr("data-notice", &n.key)
                    .child(el("code").text(&what))
                    .text(" — ")
                    .text(problem(lang, n.problem))
            })
            .collect();
        vec![
            el("aside")
                .class("notices")
                .attr("role", "alert")
                .child(el("p").text(t.notices_title))
                .child(el("ul").children(items))
                .child(
                    el("button")
                        .class("dismiss")
                        .attr("type", "button")
                        .attr("data-action", Action::DismissNotices.key())
                        .text(t.dismiss),
                ),
        ]
    })
}
