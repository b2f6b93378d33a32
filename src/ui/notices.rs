//! The notice listing URL parameters that were ignored. Values are shown as text only.

use explorer::i18n::problem;
use leptos::prelude::*;

use super::use_explorer;

#[component]
pub fn Notices() -> impl IntoView {
    let explorer = use_explorer();
    move || {
        let notices = explorer.notices.get();
        let lang = explorer.lang();
        (!notices.is_empty()).then(|| {
            view! {
                <aside class="notices" role="alert">
                    <p>{explorer.t_now().notices_title}</p>
                    <ul>
                        {notices
                            .into_iter()
                            .map(|n| {
                                let what = if n.key.is_empty() { n.value.clone() } else { format!("{}={}", n.key, n.value) };
                                view! {
                                    <li data-notice=n.key.clone()>
                                        <code>{what}</code>
                                        " — "
                                        {problem(lang, n.problem)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <button class="dismiss" on:click=move |_| explorer.notices.set(Vec::new())>
                        {explorer.t_now().dismiss}
                    </button>
                </aside>
            }
        })
    }
}
