//! A tiny DOM builder for the large lists that are rebuilt on every filter change.
//!
//! Leptos's typed views compile each template into its own build/mount/unmount code; for the
//! lists of this app that weighed tens of kilobytes of wasm per view. These helpers are plain,
//! non-generic functions over `web_sys` — a list costs a few calls per element — and they only
//! ever create elements, set attributes and add text nodes: nothing is parsed as HTML.
//!
//! A component hosts the result in an element it renders with Leptos, and refills it from an
//! `Effect` when its inputs change (see [`fill`]).

use leptos::prelude::*;
use leptos::web_sys;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

thread_local! {
    // Looked up once: every element built below would otherwise cost two calls into JS.
    static DOCUMENT: web_sys::Document =
        web_sys::window().and_then(|w| w.document()).expect("the app only runs in a page with a document");
}

fn document() -> web_sys::Document {
    DOCUMENT.with(web_sys::Document::clone)
}

/// An element being built.
pub struct Node(pub web_sys::Element);

/// A new HTML element.
pub fn el(tag: &str) -> Node {
    Node(document().create_element(tag).expect("a valid tag name"))
}

/// A new SVG element.
pub fn svg(tag: &str) -> Node {
    Node(document().create_element_ns(Some(SVG_NS), tag).expect("a valid SVG tag name"))
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
        ranges.sort_unstable();
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

/// Replaces the children of `host` with `nodes`.
pub fn fill(host: &web_sys::Element, nodes: Vec<Node>) {
    host.set_text_content(None);
    for n in nodes {
        let _ = host.append_child(&n.0);
    }
}

/// A `<div>` whose content is built by `build` and rebuilt whenever what `build` reads
/// (signals, memos) changes.
pub fn host(class: &'static str, build: impl Fn() -> Vec<Node> + Send + Sync + 'static) -> impl IntoView {
    // Boxed, so every host shares one compiled effect instead of one per call site.
    host_boxed(class, Box::new(build))
}

fn host_boxed(class: &'static str, build: Box<dyn Fn() -> Vec<Node> + Send + Sync>) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let nodes = build();
        if let Some(node) = node.get() {
            fill(&node, nodes);
        }
    });
    view! { <div class=class node_ref=node></div> }
}
