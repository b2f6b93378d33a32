//! Last-resort notices: a panic or an unreadable corpus must never leave a blank page.
//!
//! These use the DOM directly (text only, never HTML) because they run when Leptos may be
//! unusable. With `panic = "abort"` the hook runs before the wasm instance traps.

use leptos::web_sys;

/// Shows a notice in the page, and the technical detail in the console, on any panic.
pub fn install_panic_notice() {
    std::panic::set_hook(Box::new(|info| show(&info.to_string())));
}

/// Puts a visible alert at the top of the page; `detail` goes to the console only.
pub fn show(detail: &str) {
    web_sys::console::error_1(&detail.into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_id("fatal");
    notice.set_class_name("fatal");
    let _ = notice.set_attribute("role", "alert");
    notice.set_text_content(Some(
        "L'explorateur a rencontré une erreur et s'est arrêté. Rechargez la page ; \
         si l'erreur persiste, le lien est peut-être mal formé. \
         (The explorer stopped on an error: reload the page.)",
    ));
    let _ = body.prepend_with_node_1(&notice);
    // One notice is enough: the boot script would otherwise add its own on the same failure.
    remove_boot_placeholder();
    // The page failed (as the boot script marks it): a pre-rendered page no longer waits for
    // the app — its results show, its links load normally, what needs the app is hidden.
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-failed", "");
        for mark in ["data-applying", "data-pending", "data-pending-id", "data-pending-action"] {
            let _ = root.remove_attribute(mark);
        }
    }
}

/// Removes the static "loading" message of `index.html` once the app is about to mount.
pub fn remove_boot_placeholder() {
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}
