//! The notice listing URL parameters that were ignored. Values are shown as text only.

use explorer::i18n::{problem, strings};
use leptos::prelude::*;

use super::dom::{self, Node, el};
use super::use_explorer;

#[component]
pub fn Notices() -> impl IntoView {
    let explorer = use_explorer();
    let list = dom::host("notices-host", move || {
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
                .child(el("button").class("dismiss").attr("type", "button").text(t.dismiss)),
        ]
    });
    // The dismiss button is built with the list; its click is handled here.
    view! {
        <div on:click=move |ev| {
            use wasm_bindgen::JsCast;
            let dismiss = ev
                .target()
                .and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
                .and_then(|e| e.closest(".dismiss").ok().flatten());
            if dismiss.is_some() {
                explorer.notices.set(Vec::new());
            }
        }>{list}</div>
    }
}
