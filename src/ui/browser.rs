//! The thin edge between the app and the browser: URL, history, title, clipboard, scrolling.
//!
//! Only the query string is ever written, relative to the current path, so the app works
//! under any subpath without knowing it (no base path to double).

use leptos::web_sys;
use wasm_bindgen::JsValue;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The current query string, with its `?`.
pub fn current_query() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The full address of the current view.
pub fn current_url() -> String {
    window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Writes the query string: a new history entry (`push`) or in place of the current one.
pub fn write_query(query: &str, push: bool) {
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    let done = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    if done.is_err() {
        web_sys::console::warn_1(&"history is not writable here; the view is not in the URL".into());
    }
}

/// Calls `f` whenever the browser is back online.
pub fn on_online(f: impl Fn() + 'static) {
    if let Some(w) = window() {
        gloo::events::EventListener::new(&w, "online", move |_| f()).forget();
    }
}

/// Calls `f` when the user goes back or forward.
pub fn on_history_move(f: impl Fn() + 'static) {
    if let Some(w) = window() {
        gloo::events::EventListener::new(&w, "popstate", move |_| f()).forget();
    }
}

/// Calls `f(href, id)` for plain left clicks on links marked `data-nav` (links to another view
/// of the explorer), instead of loading them; `id` is the link's id, to give focus back after
/// the view is rebuilt. Clicks with a modifier (new tab, new window) are left to the browser.
pub fn on_nav_click(f: impl Fn(String, Option<String>) + 'static) {
    use wasm_bindgen::JsCast;
    let Some(w) = window() else { return };
    gloo::events::EventListener::new_with_options(
        &w,
        "click",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        move |event| {
            let Some(click) = event.dyn_ref::<web_sys::MouseEvent>() else { return };
            if click.default_prevented()
                || click.button() != 0
                || click.ctrl_key()
                || click.meta_key()
                || click.shift_key()
                || click.alt_key()
            {
                return;
            }
            let link = click
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[data-nav]").ok().flatten());
            let Some(link) = link else { return };
            let Some(href) = link.get_attribute("href") else { return };
            event.prevent_default();
            let id = Some(link.id()).filter(|id| !id.is_empty());
            f(href, id);
        },
    )
    .forget();
}

/// Calls `f` for every `event` in the page: one delegated listener serves all its elements,
/// including those rebuilt later.
pub fn listen(event: &'static str, f: impl Fn(&web_sys::Event) + 'static) {
    if let Some(d) = document() {
        gloo::events::EventListener::new(&d, event, move |e| f(e)).forget();
    }
}

/// Like [`listen`], for a handler that may prevent the default action (a key that the page
/// handles itself): such listeners cannot be passive.
pub fn listen_active(event: &'static str, f: impl Fn(&web_sys::Event) + 'static) {
    if let Some(d) = document() {
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        gloo::events::EventListener::new_with_options(&d, event, options, move |e| f(e)).forget();
    }
}

/// Like [`listen`], in the capture phase: for events that do not bubble (`toggle`).
pub fn listen_capture(event: &'static str, f: impl Fn(&web_sys::Event) + 'static) {
    if let Some(d) = document() {
        let options = gloo::events::EventListenerOptions::run_in_capture_phase();
        gloo::events::EventListener::new_with_options(&d, event, options, move |e| f(e)).forget();
    }
}

/// Calls `f` for every `event` on `target` and inside it.
pub fn listen_on(target: &web_sys::Element, event: &'static str, f: impl Fn(&web_sys::Event) + 'static) {
    gloo::events::EventListener::new(target, event, move |e| f(e)).forget();
}

/// The element an event happened on, or its nearest ancestor, matching `selector`.
pub fn closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    event.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// The current value of an input element (empty for any other element).
pub fn input_value(el: &web_sys::Element) -> String {
    use wasm_bindgen::JsCast;
    el.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// Where the caret (or the selection) stands in an input element: (start, end).
pub fn caret(el: &web_sys::Element) -> Option<(u32, u32)> {
    use wasm_bindgen::JsCast;
    let input = el.dyn_ref::<web_sys::HtmlInputElement>()?;
    Some((input.selection_start().ok()??, input.selection_end().ok()??))
}

/// Puts the caret (or the selection) of an input element at (start, end).
pub fn set_caret(el: &web_sys::Element, (start, end): (u32, u32)) {
    use wasm_bindgen::JsCast;
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.set_selection_range(start, end);
    }
}

/// Sets the current value of an input element, unless it already holds it (so that the
/// caret of someone typing does not jump).
pub fn set_input_value(el: &web_sys::Element, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>()
        && input.value() != value
    {
        input.set_value(value);
    }
}

/// Gives focus to an element, if it exists.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let el = document().and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// After the current task (once the page shows the change), gives focus to the first element
/// matching `selector`, if any, without scrolling to it: where focus goes when the control
/// pressed has gone.
pub fn focus_later(selector: String) {
    focus_later_with(selector, false);
}

/// Like [`focus_later`], and an element not wholly on screen is brought to its middle (the first
/// item a "show more" added may lie below the screen, or on its very edge).
pub fn focus_later_in_view(selector: String) {
    focus_later_with(selector, true);
}

fn focus_later_with(selector: String, in_view: bool) {
    later(move || {
        if let Some(el) = find(&selector) {
            focus_element(&el);
            let wholly_seen = |rect: web_sys::DomRect| rect.top() >= 0.0 && rect.bottom() <= screen_height();
            if in_view && !wholly_seen(el.get_bounding_client_rect()) {
                // At once: a smooth scroll would be cut short as the new items' texts come.
                into_view(&el, web_sys::ScrollLogicalPosition::Center, true);
            }
        }
    });
}

/// Gives focus to an element without scrolling to it (it is made focusable by script if it is
/// not: a dialog's heading).
pub fn focus_element(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    // A link inside a closed <details> (a timeline's sources) cannot take focus: open it. Not
    // for its own <summary>, which can: the user may just have closed the group with it.
    if el.node_name() != "SUMMARY"
        && let Some(details) = el.closest("details").ok().flatten()
    {
        let _ = details.set_attribute("open", "");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        if el.tab_index() < 0 && !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus_with_options(&options);
    } else if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
        // A node of the network drawing.
        let _ = el.focus_with_options(&options);
    }
}

/// Scrolls the row `row` sideways, if needed, so that its child `item` is in view (a selected
/// tab off the edge of a phone's screen). The page itself does not move.
pub fn reveal_sideways(row: &str, item: &str) {
    use wasm_bindgen::JsCast;
    let Some(row) = find(row).and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    let Some(item) = row.query_selector(item).ok().flatten().and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let (left, right) =
        (item.offset_left() - row.offset_left(), item.offset_left() - row.offset_left() + item.offset_width());
    let (start, width) = (row.scroll_left(), row.client_width());
    if left < start {
        row.set_scroll_left(left);
    } else if right > start + width {
        row.set_scroll_left(right - width);
    }
}

/// The first element matching `selector` in the page.
pub fn find(selector: &str) -> Option<web_sys::Element> {
    document()?.query_selector(selector).ok()?
}

/// Every element matching `selector` inside `root`, in document order.
pub fn find_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
}

/// The element that has focus.
pub fn active_element() -> Option<web_sys::Element> {
    document()?.active_element()
}

/// Whether a `<details>` element is open.
pub fn is_open(el: &web_sys::Element) -> bool {
    el.has_attribute("open")
}

/// A keydown's key ("Tab", "Escape", " ", "ArrowLeft"…) and whether Shift was held.
pub fn key_of(event: &web_sys::Event) -> Option<(String, bool)> {
    use wasm_bindgen::JsCast;
    let key = event.dyn_ref::<web_sys::KeyboardEvent>()?;
    Some((key.key(), key.shift_key()))
}

/// Reloads the page at its current address (used when the interface language changes).
pub fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

const LANG_KEY: &str = "mali-russie-explorer.lang";

/// The interface language remembered on this device, if any.
pub fn stored_lang() -> Option<String> {
    window()?.local_storage().ok()??.get_item(LANG_KEY).ok()?
}

/// Remembers the interface language on this device (silently nothing where storage is off).
pub fn store_lang(lang: &str) {
    if let Some(storage) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(LANG_KEY, lang);
    }
}

const FOCUS_KEY: &str = "mali-russie-explorer.focus";

/// Remembers, for this tab, which element has focus (by its id), before the page reloads (the
/// language switch): see [`take_focus_before_reload`].
pub fn keep_focus_over_reload() {
    let id = active_element().map(|e| e.id()).filter(|id| !id.is_empty());
    if let (Some(id), Some(storage)) = (id, window().and_then(|w| w.session_storage().ok().flatten())) {
        let _ = storage.set_item(FOCUS_KEY, &id);
    }
}

/// The id of the element that had focus when the page reloaded itself, once (see
/// [`keep_focus_over_reload`]).
pub fn take_focus_before_reload() -> Option<String> {
    let storage = window()?.session_storage().ok()??;
    let id = storage.get_item(FOCUS_KEY).ok()??;
    let _ = storage.remove_item(FOCUS_KEY);
    Some(id)
}

/// The page's root element, `<html>`.
fn root() -> Option<web_sys::Element> {
    document()?.document_element()
}

/// An attribute of the page's root element (`<html>`), if set.
pub fn root_flag(name: &str) -> Option<String> {
    root()?.get_attribute(name)
}

/// Whether no element of the page has focus (the body has it).
pub fn nothing_focused() -> bool {
    active_element().is_none_or(|e| e.tag_name() == "BODY")
}

/// Sets or removes an attribute of the page's root element (`<html>`), a state the stylesheet reads.
pub fn set_root_flag(name: &str, on: bool) {
    if let Some(root) = root() {
        let _ = if on { root.set_attribute(name, "") } else { root.remove_attribute(name) };
    }
}

/// Runs `f` once the next frame has been drawn.
pub fn after_next_frame(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let Some(w) = window() else { return f() };
    let frame = Closure::once_into_js(move || later(f));
    if w.request_animation_frame(frame.unchecked_ref()).is_err() {
        web_sys::console::warn_1(&"no animation frame: a page state stays set".into());
    }
}

/// What a user clicked on the pre-rendered page before the app had started, kept by the head
/// script of `index.html` as `<html data-pending="<href>">` (a link) or
/// `data-pending-action="<action>"` (a button): the value of `mark`, taken (the mark goes).
pub fn take_pending(mark: &str) -> Option<String> {
    let root = root()?;
    let value = root.get_attribute(mark)?;
    let _ = root.remove_attribute(mark);
    Some(value)
}

/// Clicks an element, as the user would.
pub fn click(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        el.click();
    }
}

/// How far the page is scrolled (x, y).
pub fn scroll_position() -> (f64, f64) {
    window().map_or((0.0, 0.0), |w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0)))
}

/// The elements of `root` with an id that are scrolled (a panel that scrolls on its own), with
/// how far: (id, left, top).
pub fn scrolled_parts(root: &web_sys::Element) -> Vec<(String, i32, i32)> {
    find_all(root, "[id]")
        .into_iter()
        .filter_map(|e| {
            let (left, top) = (e.scroll_left(), e.scroll_top());
            (left != 0 || top != 0).then(|| (e.id(), left, top))
        })
        .collect()
}

/// Scrolls the element with id `id` to (left, top).
pub fn scroll_part(id: &str, left: i32, top: i32) {
    if let Some(e) = document().and_then(|d| d.get_element_by_id(id)) {
        e.set_scroll_left(left);
        e.set_scroll_top(top);
    }
}

/// Scrolls the page to (x, y), if it is not there.
pub fn scroll_to_position(at: (f64, f64)) {
    if let Some(w) = window()
        && scroll_position() != at
    {
        w.scroll_to_with_x_and_y(at.0, at.1);
    }
}

/// How far below the top of the screen `el` starts (negative: above it).
pub fn top_on_screen(el: &web_sys::Element) -> f64 {
    el.get_bounding_client_rect().top()
}

/// Whether this page is the single-file edition (marked by the script that writes it), which
/// has no offline copy to offer: it is one.
pub fn is_single_file() -> bool {
    root().is_some_and(|root| root.has_attribute("data-single"))
}

/// Sets the language of the page (`<html lang>`), for screen readers and hyphenation.
pub fn set_lang(lang: &str) {
    if let Some(root) = root() {
        let _ = root.set_attribute("lang", lang);
    }
}

/// Sets the page title.
pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Copies text to the clipboard, then calls `done(true)`, or `done(false)` when the browser
/// refuses (insecure context, permission denied).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = window() else { return done(false) };
    settle(&w.navigator().clipboard().write_text(text), Box::new(move |outcome| done(outcome.is_ok())));
}

/// Calls `done` with the outcome of a promise: a plain callback, no async runtime (one copy of
/// the code for every caller: the callback is boxed).
fn settle(promise: &web_sys::js_sys::Promise, done: Box<dyn FnOnce(Result<JsValue, JsValue>)>) {
    use wasm_bindgen::closure::Closure;
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let (ok, failed) = (done.clone(), done);
    let ok = Closure::once(move |value: JsValue| {
        if let Some(f) = ok.take() {
            f(Ok(value))
        }
    });
    let failed = Closure::once(move |error: JsValue| {
        if let Some(f) = failed.take() {
            f(Err(error))
        }
    });
    let _ = promise.then2(&ok, &failed);
    // Each runs at most once; the promise owns them from here.
    ok.forget();
    failed.forget();
}

/// Saves `content` as a file named `name`: a Blob made in the page, no request anywhere.
pub fn download(name: &str, mime: &str, content: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = document() else { return };
    let parts = web_sys::js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let Ok(link) = document.create_element("a") else { return };
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", name);
    if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
        link.click();
    }
    // The download has started from the URL; it can be released once this task is over.
    later(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}

/// Scrolls an element into the middle of the view.
pub fn scroll_to(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        into_view(&el, web_sys::ScrollLogicalPosition::Center, false);
    }
}

/// Scrolls the page as little as needed for the element matching `selector` to be on screen.
pub fn reveal(selector: &str) {
    if let Some(el) = find(selector) {
        into_view(&el, web_sys::ScrollLogicalPosition::Nearest, false);
    }
}

/// Scrolls `el` to `block` of the view: at once, or as the page's style says (smooth unless the
/// user asked for less motion).
fn into_view(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition, at_once: bool) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    if at_once {
        options.set_behavior(web_sys::ScrollBehavior::Instant);
    }
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The height of the screen's view of the page, in CSS pixels.
fn screen_height() -> f64 {
    window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0)
}

/// Whether some of `el` is on screen.
pub fn on_screen(el: &web_sys::Element) -> bool {
    let height = screen_height();
    let rect = el.get_bounding_client_rect();
    rect.bottom() > 0.0 && rect.top() < height
}

/// The page's clock, in milliseconds (for waits that share one time limit).
pub fn now_ms() -> f64 {
    web_sys::js_sys::Date::now()
}

/// Runs `f` soon, after the current frame: for work that must not delay the first paint.
pub fn later(f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, f).forget();
}

/// Calls `f` once `el` comes within a screen of the visible part of the page (at once if it is
/// there already), then forgets `el`. Returns false, and does nothing, where the browser cannot
/// tell (no `IntersectionObserver`, an old browser): the caller then acts at once. (The build's
/// pre-rendering, which has no screen, stands in an observer: scripts/prerender.mjs.)
pub fn when_near_screen(el: &web_sys::Element, f: impl FnOnce() + 'static) -> bool {
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    type Waiting = Vec<(web_sys::Element, Box<dyn FnOnce()>)>;
    thread_local! {
        static WAITING: RefCell<Waiting> = const { RefCell::new(Vec::new()) };
        // One observer for the page. A screen's height above and below: a text is on its way
        // before its card scrolls into view.
        static OBSERVER: Option<web_sys::IntersectionObserver> = {
            let seen = Closure::<dyn Fn(web_sys::js_sys::Array, web_sys::IntersectionObserver)>::new(
                |entries: web_sys::js_sys::Array, observer: web_sys::IntersectionObserver| {
                    let near: Vec<web_sys::Element> = entries
                        .iter()
                        .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                        .filter(|e| e.is_intersecting())
                        .map(|e| e.target())
                        .collect();
                    // Those near the screen, and those no longer in the page (their list changed),
                    // which will never be: a callback runs between tasks, when every element
                    // built is in place.
                    let done: Waiting =
                        WAITING.with_borrow_mut(|w| w.extract_if(.., |(el, _)| near.contains(el) || !el.is_connected()).collect());
                    for (el, f) in done {
                        observer.unobserve(&el);
                        if near.contains(&el) {
                            f();
                        }
                    }
                },
            );
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root_margin("100% 0px");
            let observer = web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options).ok();
            // It serves the page's whole life.
            seen.forget();
            observer
        };
    }
    OBSERVER.with(|observer| match observer {
        Some(observer) => {
            WAITING.with_borrow_mut(|w| w.push((el.clone(), Box::new(f))));
            observer.observe(el);
            true
        }
        None => false,
    })
}

/// Reads a file beside the page (a part of the article texts), by name, then calls `done` with
/// its bytes or why not. The page's `explorerPart(name)`, a promise of an `ArrayBuffer`, reads
/// it: the start-up script fetches it from the page's own folder (`index.html`), the
/// single-file edition carries the parts inline, the build's pre-rendering reads the disk.
/// Fetching in JavaScript costs the wasm no code.
pub fn fetch_part(name: &str, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    use wasm_bindgen::JsCast;
    // A failed fetch rejects with an error whose message is enough for the console.
    let message = |e: JsValue| {
        web_sys::js_sys::Reflect::get(&e, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "rejected".to_string())
    };
    let provide = window()
        .and_then(|w| web_sys::js_sys::Reflect::get(&w, &JsValue::from_str("explorerPart")).ok())
        .and_then(|f| f.dyn_into::<web_sys::js_sys::Function>().ok());
    let Some(provide) = provide else { return done(Err("the page cannot read parts (no explorerPart)".into())) };
    let promise = match provide.call1(&JsValue::NULL, &JsValue::from_str(name)) {
        Ok(promise) => web_sys::js_sys::Promise::resolve(&promise),
        Err(e) => return done(Err(message(e))),
    };
    settle(
        &promise,
        Box::new(move |outcome| done(outcome.map(|b| web_sys::js_sys::Uint8Array::new(&b).to_vec()).map_err(message))),
    );
}

/// Writes a problem to the browser's console, for whoever investigates (the page says it in
/// words).
pub fn log_error(message: &str) {
    web_sys::console::error_1(&message.into());
}
