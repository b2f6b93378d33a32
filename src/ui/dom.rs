//! A tiny DOM builder: the page and every list that is rebuilt on a filter change.
//!
//! Leptos's typed views compile each template into its own build/mount/unmount code; for this
//! app that weighed tens of kilobytes of wasm per view, and the page must stay under its size
//! budget. These helpers are plain, non-generic functions over `web_sys` — a list costs a few
//! calls per element — and they only ever create elements, set attributes and add text nodes:
//! nothing is parsed as HTML.
//!
//! The whole page is built with them: Leptos provides the reactive state (signals, memos and
//! effects), and [`keep`] and [`bind`] rebuild a part of the page when what it reads changes.
//! Events are not attached per element: one delegated listener per kind (see `events`).

use leptos::prelude::*;
use leptos::web_sys;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

thread_local! {
    // Looked up once: every element built below would otherwise cost two calls into JS.
    static DOCUMENT: web_sys::Document =
        web_sys::window()
            .and_then(|w| w.document())
            .unwrap_or_else(|| wasm_bindgen::throw_str("the app only runs in a page with a document"));
}

fn document() -> web_sys::Document {
    DOCUMENT.with(web_sys::Document::clone)
}

/// An element being built.
pub struct Node(pub web_sys::Element);

/// A new HTML element.
pub fn el(tag: &str) -> Node {
    // Throwing, not `expect`: formatting the JS error would link a debug printer into the wasm.
    Node(document().create_element(tag).unwrap_or_else(|_| wasm_bindgen::throw_str("invalid tag name")))
}

/// A new SVG element.
pub fn svg(tag: &str) -> Node {
    Node(
        document()
            .create_element_ns(Some(SVG_NS), tag)
            .unwrap_or_else(|_| wasm_bindgen::throw_str("invalid SVG tag name")),
    )
}

impl Node {
    /// Sets an attribute (the value is text, never markup).
    pub fn attr(self, name: &str, value: &str) -> Node {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets an attribute when `value` is some.
    pub fn attr_opt(self, name: &str, value: Option<&str>) -> Node {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// Sets one style property through the CSS object model (which a strict content security
    /// policy allows, unlike a `style` attribute).
    pub fn style(self, property: &str, value: &str) -> Node {
        use wasm_bindgen::JsCast;
        if let Some(el) = self.0.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.style().set_property(property, value);
        }
        self
    }

    /// Sets the class list.
    pub fn class(self, classes: &str) -> Node {
        self.attr("class", classes)
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> Node {
        let node = document().create_text_node(text);
        let _ = self.0.append_child(&node);
        self
    }

    /// Appends a number as text.
    pub fn num(self, n: usize) -> Node {
        self.text(&n.to_string())
    }

    /// Appends a child element.
    pub fn child(self, child: Node) -> Node {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends a child element when there is one.
    pub fn child_opt(self, child: Option<Node>) -> Node {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Appends every child.
    pub fn children(self, children: Vec<Node>) -> Node {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// Appends `text` (starting at byte `base` of its document) with the byte ranges `marks`
    /// (document offsets, any order, possibly overlapping) wrapped in `<mark>`.
    pub fn marked(mut self, text: &str, base: usize, marks: &[(usize, usize)]) -> Node {
        let mut ranges: Vec<(usize, usize)> = marks
            .iter()
            .filter_map(|&(s, e)| {
                let (s, e) = (s.max(base) - base, e.min(base + text.len()).saturating_sub(base));
                (s < e && text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e))
            })
            .collect();
        explorer::order::by_key(&mut ranges, |&(s, e)| explorer::order::pair(s as u64, e as u64));
        let mut at = 0;
        for (s, e) in ranges {
            if e <= at {
                continue;
            }
            let s = s.max(at);
            if s > at {
                self = self.text(&text[at..s]);
            }
            self = self.child(el("mark").text(&text[s..e]));
            at = e;
        }
        if at < text.len() {
            self = self.text(&text[at..]);
        }
        self
    }
}

/// Appends `nodes` to the body of the page.
pub fn append_to_body(nodes: Vec<Node>) {
    if let Some(body) = document().body() {
        for n in nodes {
            let _ = body.append_child(&n.0);
        }
    }
}

/// Makes the children of `host` look like `nodes`, keeping every element that is still there:
/// an element with the same key (its `id`, else its `data-key`) or, unkeyed, the same tag at
/// the same place is updated in place (attributes, text, children) instead of replaced. So a
/// rebuilt list keeps focus, open groups, typed text and scroll positions, and the browser
/// redraws only what changed.
pub fn morph(host: &web_sys::Element, nodes: Vec<Node>) {
    morph_list(host, nodes.into_iter().map(|n| n.0.into()).collect());
}

fn key_of(node: &web_sys::Node) -> Option<String> {
    use wasm_bindgen::JsCast;
    let el = node.dyn_ref::<web_sys::Element>()?;
    Some(el.id()).filter(|id| !id.is_empty()).or_else(|| el.get_attribute("data-key"))
}

fn same_kind(a: &web_sys::Node, b: &web_sys::Node) -> bool {
    a.node_type() == b.node_type() && a.node_name() == b.node_name()
}

fn morph_list(host: &web_sys::Element, new: Vec<web_sys::Node>) {
    let mut cursor = host.first_child();
    for node in new {
        let key = key_of(&node);
        // The element to keep: the keyed one wherever it is after the cursor, or the node at
        // the cursor when neither is keyed.
        let keep = match &key {
            Some(k) => {
                let mut at = cursor.clone();
                while let Some(c) = at.as_ref().filter(|c| key_of(c).as_ref() != Some(k)) {
                    at = c.next_sibling();
                }
                at
            }
            None => cursor.clone().filter(|c| key_of(c).is_none()),
        };
        match keep.filter(|old| same_kind(old, &node)) {
            Some(old) => {
                morph_node(&old, &node);
                if cursor.as_ref() == Some(&old) {
                    cursor = old.next_sibling();
                } else {
                    let _ = host.insert_before(&old, cursor.as_ref());
                }
            }
            None => {
                let _ = host.insert_before(&node, cursor.as_ref());
            }
        }
    }
    while let Some(c) = cursor {
        cursor = c.next_sibling();
        let _ = host.remove_child(&c);
    }
}

fn morph_node(old: &web_sys::Node, new: &web_sys::Node) {
    use wasm_bindgen::JsCast;
    let (Some(o), Some(n)) = (old.dyn_ref::<web_sys::Element>(), new.dyn_ref::<web_sys::Element>()) else {
        // Text: its words only.
        if old.node_value() != new.node_value() {
            old.set_node_value(new.node_value().as_deref());
        }
        return;
    };
    let names = |e: &web_sys::Element| -> Vec<String> {
        e.get_attribute_names().iter().filter_map(|v| v.as_string()).collect()
    };
    for name in names(o) {
        if !n.has_attribute(&name) {
            let _ = o.remove_attribute(&name);
        }
    }
    for name in names(n) {
        let value = n.get_attribute(&name);
        if o.get_attribute(&name) == value {
            continue;
        }
        // A style attribute set by markup is refused by the strict content security policy;
        // through the CSS object model it is allowed.
        match (name.as_str(), o.dyn_ref::<web_sys::HtmlElement>(), n.dyn_ref::<web_sys::HtmlElement>()) {
            ("style", Some(o), Some(n)) => o.style().set_css_text(&n.style().css_text()),
            _ => {
                let _ = o.set_attribute(&name, value.as_deref().unwrap_or_default());
            }
        }
    }
    let children = n.child_nodes();
    let new_children: Vec<web_sys::Node> = (0..children.length()).filter_map(|i| children.item(i)).collect();
    morph_list(o, new_children);
}

/// `node`, whose children are built by `build` now and rebuilt whenever what `build` reads
/// (signals, memos) changes — rebuilt as new nodes, then merged into the page by [`morph`], so
/// that what did not change stays the same element.
///
/// ```ignore
/// let badge = dom::keep(el("span"), move || vec![el("b").text(&count.get().to_string())]);
/// ```
pub fn keep(node: Node, build: impl Fn() -> Vec<Node> + 'static) -> Node {
    // Boxed, so every call site shares one compiled effect.
    keep_boxed(node, Box::new(build))
}

fn keep_boxed(node: Node, build: Box<dyn Fn() -> Vec<Node>>) -> Node {
    let host = node.0.clone();
    // A render effect: built at once, while the page is built (no empty first frame), and
    // merged again whenever what it reads changes. It lives as long as the page.
    std::mem::forget(RenderEffect::new(move |_| morph(&host, build())));
    node
}

/// `node`, with `update` applied to it now and whenever what `update` reads changes: for an
/// attribute, a class or an input's value that follows the state.
pub fn bind(node: Node, update: impl Fn(&web_sys::Element) + 'static) -> Node {
    bind_boxed(node, Box::new(update))
}

fn bind_boxed(node: Node, update: Box<dyn Fn(&web_sys::Element)>) -> Node {
    let host = node.0.clone();
    std::mem::forget(RenderEffect::new(move |_| update(&host)));
    node
}
