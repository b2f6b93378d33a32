//! A tiny DOM builder: the page and every list that is rebuilt on a filter change.
//!
//! Leptos's typed views compile each template into its own build/mount/unmount code; for this
//! app that weighed tens of kilobytes of wasm per view, and the page must stay under its size
//! budget. Here a view is a plain Rust description ([`Node`]: tag, attributes, children) built
//! by a few non-generic functions; nothing is parsed as HTML.
//!
//! Describing costs no call into the browser. The description becomes elements once, when the
//! page is built ([`append_to_body`]); after that, [`keep`] rebuilds the description of a part
//! of the page when what it reads changes and compares it with the previous one, in Rust: only
//! what differs reaches the page — a count, a checked box, a link — and every element that is
//! still there stays the same element (focus, open groups, typed text and scroll are kept).
//! A filter change thus costs browser calls in proportion to what it changes on screen, not to
//! the size of the page. Leptos provides the reactive state (signals, memos and effects).
//! Events are not attached per element: one delegated listener per kind (see `events`).
//!
//! The comparison is with the last description, not with the page: code that changes a kept
//! element directly must name the attribute in [`LIVE`], or undo its change before the region
//! is rebuilt (the histogram's brush marks).

use leptos::prelude::*;
use leptos::web_sys;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

thread_local! {
    // Looked up once: every element created below would otherwise cost two calls into JS.
    static DOCUMENT: web_sys::Document =
        web_sys::window()
            .and_then(|w| w.document())
            .unwrap_or_else(|| wasm_bindgen::throw_str("the app only runs in a page with a document"));
}

fn document() -> web_sys::Document {
    DOCUMENT.with(web_sys::Document::clone)
}

/// What to do with an element once it exists in the page (see [`keep`], [`bind`], [`on_mount`]).
type Hook = Box<dyn FnOnce(&web_sys::Element)>;

/// The description of an element. Boxed: views pass it along by value through chains of
/// builder calls, and one pointer moves in less code than the whole description.
pub struct Node(Box<Desc>);

/// What a [`Node`] holds (private to this module).
pub struct Desc {
    tag: &'static str,
    svg: bool,
    attrs: Vec<(&'static str, String)>,
    /// Style properties, set through the CSS object model (a strict content security policy
    /// refuses `style` attributes).
    style: Vec<(&'static str, String)>,
    children: Vec<Child>,
    hook: Option<Hook>,
}

impl std::ops::Deref for Node {
    type Target = Desc;
    fn deref(&self) -> &Desc {
        &self.0
    }
}

impl std::ops::DerefMut for Node {
    fn deref_mut(&mut self) -> &mut Desc {
        &mut self.0
    }
}

enum Child {
    El(Node),
    Text(String),
}

/// A new HTML element.
pub fn el(tag: &'static str) -> Node {
    Node(Box::new(Desc { tag, svg: false, attrs: Vec::new(), style: Vec::new(), children: Vec::new(), hook: None }))
}

/// A new SVG element.
pub fn svg(tag: &'static str) -> Node {
    let mut node = el(tag);
    node.svg = true;
    node
}

impl Node {
    /// Sets an attribute (the value is text, never markup).
    pub fn attr(mut self, name: &'static str, value: &str) -> Node {
        match self.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some(a) => a.1 = value.to_string(),
            None => self.attrs.push((name, value.to_string())),
        }
        self
    }

    /// Sets an attribute when `value` is some.
    pub fn attr_opt(self, name: &'static str, value: Option<&str>) -> Node {
        match value {
            Some(v) => self.attr(name, v),
            None => self,
        }
    }

    /// Sets one style property.
    pub fn style(mut self, property: &'static str, value: &str) -> Node {
        self.style.push((property, value.to_string()));
        self
    }

    /// Sets the class list.
    pub fn class(self, classes: &str) -> Node {
        self.attr("class", classes)
    }

    /// Appends a text node.
    pub fn text(mut self, text: &str) -> Node {
        self.children.push(Child::Text(text.to_string()));
        self
    }

    /// Appends a number as text.
    pub fn num(self, n: usize) -> Node {
        self.text(&n.to_string())
    }

    /// Appends a child element.
    pub fn child(mut self, child: Node) -> Node {
        self.children.push(Child::El(child));
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
    pub fn children(mut self, children: Vec<Node>) -> Node {
        self.children.extend(children.into_iter().map(Child::El));
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

    /// The key that identifies this element among its siblings across rebuilds: its `id`,
    /// else its `data-key`.
    fn key(&self) -> Option<&str> {
        let get = |name| self.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str());
        get("id").or_else(|| get("data-key"))
    }
}

/// Attributes that code also writes on the page directly — the roving tab stop that arrow keys
/// move (`keys::rove`) — so the last description may not be what the page holds: written from
/// each new description whatever the last one said. Few elements have them.
const LIVE: [&str; 1] = ["tabindex"];

/// An element or text of the page, with the description it was last given.
enum Mounted {
    El { node: Node, dom: web_sys::Element, children: Vec<Mounted> },
    Text { text: String, dom: web_sys::Text },
}

impl Mounted {
    fn dom(&self) -> &web_sys::Node {
        match self {
            Mounted::El { dom, .. } => dom,
            Mounted::Text { dom, .. } => dom,
        }
    }
}

/// Creates the element of `node` (and of its children), then runs its hook.
fn create(mut node: Node) -> Mounted {
    let doc = document();
    let created = if node.svg { doc.create_element_ns(Some(SVG_NS), node.tag) } else { doc.create_element(node.tag) };
    // Throwing, not `expect`: formatting the JS error would link a debug printer into the wasm.
    let dom = created.unwrap_or_else(|_| wasm_bindgen::throw_str("invalid tag name"));
    for (name, value) in &node.attrs {
        let _ = dom.set_attribute(name, value);
    }
    if !node.style.is_empty() {
        set_style(&dom, &node.style, true);
    }
    let children: Vec<Mounted> = std::mem::take(&mut node.children).into_iter().map(create_child).collect();
    for c in &children {
        let _ = dom.append_child(c.dom());
    }
    if let Some(hook) = node.hook.take() {
        hook(&dom);
    }
    Mounted::El { node, dom, children }
}

fn create_child(child: Child) -> Mounted {
    match child {
        Child::El(node) => create(node),
        Child::Text(text) => Mounted::Text { dom: document().create_text_node(&text), text },
    }
}

/// Gives `dom` exactly the style properties `style`: on an element that had others (a kept
/// element now describing another mark of a chart), the old ones go first.
fn set_style(dom: &web_sys::Element, style: &[(&'static str, String)], fresh: bool) {
    use wasm_bindgen::JsCast;
    if let Some(el) = dom.dyn_ref::<web_sys::HtmlElement>() {
        if !fresh {
            let _ = el.remove_attribute("style");
        }
        let css = el.style();
        for (property, value) in style {
            let _ = css.set_property(property, value);
        }
    }
}

/// Appends `nodes` to the body of the page.
pub fn append_to_body(nodes: Vec<Node>) {
    if let Some(body) = document().body() {
        for n in nodes {
            let _ = body.append_child(create(n).dom());
        }
    }
}

/// Makes the children of `host`, which were `old`, follow the descriptions `new`, and returns
/// what they are now. An old element is kept when a new description has its key (wherever it
/// is) or, unkeyed, the same tag at the same rank among the unkeyed; it is updated in place.
/// Only differences reach the page: changed attributes and texts, new and removed elements,
/// and moves.
fn patch_children(host: &web_sys::Element, old: Vec<Mounted>, new: Vec<Child>) -> Vec<Mounted> {
    // Each old child, taken at most once.
    let mut old: Vec<Option<Mounted>> = old.into_iter().map(Some).collect();
    // The old keyed children by key, looked up once per new child.
    let keyed: std::collections::HashMap<String, usize> = old
        .iter()
        .enumerate()
        .filter_map(|(i, o)| match o {
            Some(Mounted::El { node, .. }) => node.key().map(|k| (k.to_string(), i)),
            _ => None,
        })
        .collect();
    let mut next_unkeyed = 0;
    let mut matched: Vec<(Option<usize>, Child)> = Vec::with_capacity(new.len());
    for child in new {
        let at = match &child {
            Child::El(n) => {
                let candidate = match n.key() {
                    Some(k) => keyed.get(k).copied(),
                    None => unkeyed_at(&old, &mut next_unkeyed),
                };
                // Kept only as the same kind of element.
                candidate.filter(
                    |&i| matches!(&old[i], Some(Mounted::El { node, .. }) if node.tag == n.tag && node.svg == n.svg),
                )
            }
            Child::Text(_) => {
                unkeyed_at(&old, &mut next_unkeyed).filter(|&i| matches!(old[i], Some(Mounted::Text { .. })))
            }
        };
        matched.push((at, child));
    }
    // The old children nobody kept leave the page.
    let kept: Vec<bool> = {
        let mut k = vec![false; old.len()];
        for (at, _) in &matched {
            if let Some(i) = at {
                k[*i] = true;
            }
        }
        k
    };
    for (i, o) in old.iter_mut().enumerate() {
        if !kept[i]
            && let Some(gone) = o.take()
        {
            let _ = host.remove_child(gone.dom());
        }
    }
    // In page order, the kept ones still there; `cursor` walks them while the new list is laid.
    let order: Vec<usize> = (0..old.len()).filter(|&i| old[i].is_some()).collect();
    let mut moved = vec![false; old.len()];
    let mut cursor = 0;
    let mut out = Vec::with_capacity(matched.len());
    for (at, child) in matched {
        while cursor < order.len() && moved[order[cursor]] {
            cursor += 1;
        }
        let mounted = match at.and_then(|i| old[i].take().map(|o| (i, o))) {
            Some((i, o)) => {
                let o = patch(o, child);
                if order.get(cursor) == Some(&i) {
                    cursor += 1;
                } else {
                    moved[i] = true;
                    let before = order[cursor..].iter().find_map(|&j| old[j].as_ref().map(Mounted::dom));
                    let _ = host.insert_before(o.dom(), before);
                }
                o
            }
            None => {
                let m = create_child(child);
                let before = order[cursor..].iter().find_map(|&j| old[j].as_ref().map(Mounted::dom));
                let _ = host.insert_before(m.dom(), before);
                m
            }
        };
        out.push(mounted);
    }
    out
}

/// The next old child that has no key (unkeyed children match in order).
fn unkeyed_at(old: &[Option<Mounted>], next: &mut usize) -> Option<usize> {
    while *next < old.len() {
        let i = *next;
        *next += 1;
        match &old[i] {
            Some(Mounted::El { node, .. }) if node.key().is_some() => continue,
            Some(_) => return Some(i),
            None => continue,
        }
    }
    None
}

/// Updates a kept element or text to a new description of the same kind.
fn patch(old: Mounted, new: Child) -> Mounted {
    match (old, new) {
        (Mounted::Text { text, dom }, Child::Text(new)) => {
            if text != new {
                dom.set_data(&new);
            }
            Mounted::Text { text: new, dom }
        }
        (Mounted::El { node, dom, children }, Child::El(mut new)) => {
            for (name, _) in &node.attrs {
                if !new.attrs.iter().any(|(n, _)| n == name) {
                    let _ = dom.remove_attribute(name);
                }
            }
            for (name, value) in &new.attrs {
                if LIVE.contains(name) || node.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v) != Some(value) {
                    let _ = dom.set_attribute(name, value);
                }
            }
            if node.style != new.style {
                set_style(&dom, &new.style, false);
            }
            let children = patch_children(&dom, children, std::mem::take(&mut new.children));
            Mounted::El { node: new, dom, children }
        }
        // `patch_children` pairs only the same kinds.
        (old, _) => old,
    }
}

/// `node`, whose children are described by `build` now and again whenever what `build` reads
/// (signals, memos) changes; each new description is compared with the last and only the
/// differences reach the page. What `build` describes must not itself `keep` or `bind`, nor
/// `on_mount` anything but a one-time registration of the element (a card's text asked for when
/// it comes near the screen): a hook runs only where an element is created, so on a kept
/// element the new description's hook is dropped, and each created one would add an effect
/// that lives on.
///
/// ```ignore
/// let badge = dom::keep(el("span"), move || vec![el("b").text(&count.get().to_string())]);
/// ```
pub fn keep(node: Node, build: impl Fn() -> Vec<Node> + 'static) -> Node {
    // Boxed, so every call site shares one compiled effect.
    keep_boxed(node, Box::new(build))
}

fn keep_boxed(node: Node, build: Box<dyn Fn() -> Vec<Node>>) -> Node {
    on_mount(node, move |host| {
        let host = host.clone();
        // A render effect: built at once, with the page (no empty first frame), and again
        // whenever what it reads changes. It lives as long as the page.
        std::mem::forget(RenderEffect::new(move |last: Option<Vec<Mounted>>| {
            let new = build().into_iter().map(Child::El).collect();
            patch_children(&host, last.unwrap_or_default(), new)
        }));
    })
}

/// `node`, with `update` applied to its element once it is in the page and whenever what
/// `update` reads changes: for an attribute, a class or an input's value that follows the state.
pub fn bind(node: Node, update: impl Fn(&web_sys::Element) + 'static) -> Node {
    bind_boxed(node, Box::new(update))
}

fn bind_boxed(node: Node, update: Box<dyn Fn(&web_sys::Element)>) -> Node {
    on_mount(node, move |host| {
        let host = host.clone();
        std::mem::forget(RenderEffect::new(move |_| update(&host)));
    })
}

/// `node`, with `f` called on its element once the element exists (to attach listeners to it).
/// Hooks run where the element is created: on the page's first build, or for an element
/// that a rebuilt list adds.
pub fn on_mount(mut node: Node, f: impl FnOnce(&web_sys::Element) + 'static) -> Node {
    let earlier = node.hook.take();
    node.hook = Some(Box::new(move |el: &web_sys::Element| {
        if let Some(earlier) = earlier {
            earlier(el);
        }
        f(el);
    }));
    node
}
