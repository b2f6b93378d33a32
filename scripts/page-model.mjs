// A small model of a web page — nodes, elements, a document, a window — on which the built app
// runs in Node at build time (see prerender.mjs), and which writes itself out as HTML. It is the
// HTML-writing backend of the app's DOM builder: the page is built by the very wasm that runs in
// the browser, through the same calls, so the pre-rendered first view cannot drift from it.
//
// It models only what the app's start-up calls. The window's location, storage, history and
// navigator fail the build on any property they lack, naming it (see `strict`); a method missing
// on an element is an error in the app's run, which fails the build too (prerender.mjs). Names
// that are not plain names, elements whose text is not text (script, style…) and style values
// that could end a rule are refused: what is written is only ever what it means.

const HTML_NS = "http://www.w3.org/1999/xhtml";
const SVG_NS = "http://www.w3.org/2000/svg";
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** A property the model lacks: reading it fails with a message naming it. */
function missing(owner, name) {
  throw new Error(`page model: the app used ${owner}.${String(name)}, which the build's page model does not provide (scripts/page-model.mjs)`);
}

/** Wraps `target` so that reading an unknown property fails loudly (not `undefined`). */
function strict(target, owner) {
  return new Proxy(target, {
    get(t, name, receiver) {
      if (name in t || typeof name === "symbol" || name === "then" || name === "toJSON") return Reflect.get(t, name, receiver);
      return missing(owner, name);
    },
  });
}

const escapeText = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;");
// "<" and ">" too: no text of the corpus, in content or attributes, can ever read as a tag to a
// later step that looks for the page's own tags (single-file.mjs).
const escapeAttr = (t) => escapeText(t).replace(/"/g, "&quot;");

/** A tag or attribute name as markup may carry it unescaped, or the build fails. */
function checkName(name) {
  name = String(name);
  if (!/^[A-Za-z][A-Za-z0-9_.:-]*$/.test(name)) throw new Error(`page model: not a plain name: ${JSON.stringify(name)}`);
  return name;
}

/** A style value that cannot end its declaration or rule, or the build fails. */
function checkStyleValue(value) {
  if (/[;{}<>\\]/.test(value)) throw new Error(`page model: style value refused: ${JSON.stringify(value)}`);
  return value;
}

/** Elements whose content is not text: never written by this model. */
const RAW = new Set(["script", "style", "textarea", "title", "iframe", "noscript", "xmp", "plaintext", "template"]);

class NodeList extends Array {
  item(i) {
    return this[i] ?? null;
  }
}

export class Node {
  constructor(type, name, doc) {
    this.nodeType = type;
    this.nodeName = name;
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = new NodeList();
  }
  get firstChild() {
    return this.childNodes[0] ?? null;
  }
  get lastChild() {
    return this.childNodes[this.childNodes.length - 1] ?? null;
  }
  get nextSibling() {
    const list = this.parentNode?.childNodes;
    return list ? (list[list.indexOf(this) + 1] ?? null) : null;
  }
  get previousSibling() {
    const list = this.parentNode?.childNodes;
    return list ? (list[list.indexOf(this) - 1] ?? null) : null;
  }
  get parentElement() {
    return this.parentNode instanceof Element ? this.parentNode : null;
  }
  get isConnected() {
    let n = this;
    while (n.parentNode) n = n.parentNode;
    return n === this.ownerDocument;
  }
  appendChild(child) {
    return this.insertBefore(child, null);
  }
  insertBefore(child, ref) {
    child.parentNode?.removeChild(child);
    const at = ref ? this.childNodes.indexOf(ref) : this.childNodes.length;
    if (at < 0) throw new Error("page model: insertBefore with a reference that is not a child");
    this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild(child) {
    const at = this.childNodes.indexOf(child);
    if (at < 0) throw new Error("page model: removeChild of a node that is not a child");
    this.childNodes.splice(at, 1);
    child.parentNode = null;
    return child;
  }
  remove() {
    this.parentNode?.removeChild(this);
  }
  append(...nodes) {
    for (const n of nodes) this.appendChild(typeof n === "string" ? this.ownerDocument.createTextNode(n) : n);
  }
  prepend(...nodes) {
    const first = this.firstChild;
    for (const n of nodes) this.insertBefore(typeof n === "string" ? this.ownerDocument.createTextNode(n) : n, first);
  }
  contains(other) {
    for (let n = other; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  get textContent() {
    return this.childNodes.map((c) => c.textContent).join("");
  }
  set textContent(value) {
    for (const c of [...this.childNodes]) this.removeChild(c);
    if (value) this.appendChild(this.ownerDocument.createTextNode(String(value)));
  }
  get nodeValue() {
    return null;
  }
  set nodeValue(_) {}
  addEventListener() {}
  removeEventListener() {}
  dispatchEvent() {
    return true;
  }
}

class CharacterData extends Node {
  constructor(type, name, doc, data) {
    super(type, name, doc);
    this.data = String(data);
  }
  get nodeValue() {
    return this.data;
  }
  set nodeValue(v) {
    this.data = v == null ? "" : String(v);
  }
  get textContent() {
    return this.nodeType === 3 ? this.data : "";
  }
  set textContent(v) {
    this.data = String(v ?? "");
  }
  cloneNode() {
    return new CharacterData(this.nodeType, this.nodeName, this.ownerDocument, this.data);
  }
}

/** The style of an element as the CSS object model sees it: properties in order. */
class Style {
  constructor() {
    this.properties = new Map();
  }
  setProperty(name, value) {
    if (value === "" || value == null) this.properties.delete(name);
    else this.properties.set(checkName(name), checkStyleValue(String(value)));
  }
  get cssText() {
    return [...this.properties].map(([k, v]) => `${k}: ${v};`).join(" ");
  }
  set cssText(text) {
    this.properties.clear();
    for (const decl of String(text).split(";")) {
      const at = decl.indexOf(":");
      if (at > 0) this.setProperty(decl.slice(0, at).trim(), decl.slice(at + 1).trim());
    }
  }
}

class ClassList {
  constructor(el) {
    this.el = el;
  }
  get names() {
    return (this.el.getAttribute("class") ?? "").split(/\s+/).filter(Boolean);
  }
  contains(name) {
    return this.names.includes(name);
  }
  add(...names) {
    this.el.setAttribute("class", [...new Set([...this.names, ...names])].join(" "));
  }
  remove(...names) {
    this.el.setAttribute("class", this.names.filter((n) => !names.includes(n)).join(" "));
  }
  toggle(name, force) {
    const on = force ?? !this.contains(name);
    if (on) this.add(name);
    else this.remove(name);
    return on;
  }
}

export class Element extends Node {
  constructor(doc, ns, name) {
    super(1, ns === HTML_NS ? name.toUpperCase() : name, doc);
    this.namespaceURI = ns;
    this.localName = ns === HTML_NS ? name.toLowerCase() : name;
    this.attributes = new Map();
    this.style = new Style();
    this.classList = new ClassList(this);
  }
  get tagName() {
    return this.nodeName;
  }
  attrName(name) {
    name = checkName(name);
    return this.namespaceURI === HTML_NS ? name.toLowerCase() : name;
  }
  setAttribute(name, value) {
    name = this.attrName(name);
    if (name === "style") this.style.cssText = value;
    else this.attributes.set(name, String(value));
  }
  getAttribute(name) {
    name = this.attrName(name);
    if (name === "style") return this.style.properties.size ? this.style.cssText : null;
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name) {
    return this.getAttribute(name) !== null;
  }
  removeAttribute(name) {
    name = this.attrName(name);
    if (name === "style") this.style.properties.clear();
    else this.attributes.delete(name);
  }
  getAttributeNames() {
    const names = [...this.attributes.keys()];
    if (this.style.properties.size) names.push("style");
    return names;
  }
  get id() {
    return this.getAttribute("id") ?? "";
  }
  set id(v) {
    this.setAttribute("id", v);
  }
  get className() {
    return this.getAttribute("class") ?? "";
  }
  set className(v) {
    this.setAttribute("class", v);
  }
  get children() {
    return this.childNodes.filter((c) => c instanceof Element);
  }
  cloneNode(deep) {
    const copy = this.ownerDocument.createElementNS(this.namespaceURI, this.localName);
    for (const [k, v] of this.attributes) copy.attributes.set(k, v);
    copy.style.cssText = this.style.cssText;
    if (deep) for (const c of this.childNodes) copy.appendChild(c.cloneNode(true));
    return copy;
  }
  matches(selector) {
    return parseSelectors(selector).some((s) => matchesComplex(this, s));
  }
  closest(selector) {
    for (let n = this; n instanceof Element; n = n.parentNode) if (n.matches(selector)) return n;
    return null;
  }
  querySelectorAll(selector) {
    const selectors = parseSelectors(selector);
    const out = new NodeList();
    const walk = (n) => {
      for (const c of n.childNodes) {
        if (!(c instanceof Element)) continue;
        if (selectors.some((s) => matchesComplex(c, s))) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  querySelector(selector) {
    return this.querySelectorAll(selector)[0] ?? null;
  }
  // Layout does not exist here: nothing is laid out, so every measure is zero.
  get clientWidth() {
    return 0;
  }
  get offsetWidth() {
    return 0;
  }
  get offsetLeft() {
    return 0;
  }
  get scrollLeft() {
    return 0;
  }
  set scrollLeft(_) {}
  scrollIntoView() {}
  focus() {
    this.ownerDocument.focused = this;
  }
  blur() {}
  click() {}
  get tabIndex() {
    const v = Number.parseInt(this.getAttribute("tabindex") ?? "", 10);
    return Number.isNaN(v) ? -1 : v;
  }
  set tabIndex(v) {
    this.setAttribute("tabindex", String(v));
  }
}

export class HTMLElement extends Element {}

export class HTMLInputElement extends HTMLElement {
  get value() {
    return this.currentValue ?? this.getAttribute("value") ?? "";
  }
  set value(v) {
    this.currentValue = String(v);
  }
  get type() {
    return this.getAttribute("type") ?? "text";
  }
  set type(v) {
    this.setAttribute("type", v);
  }
}

export class SVGElement extends Element {}

/** A compound selector: tag, #id, .class, [attr], [attr=value], [attr~=value]. */
function parseCompound(text, whole) {
  const parts = { tag: null, id: null, classes: [], attrs: [] };
  const re = /([a-zA-Z][\w-]*)|#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:([~^$*|]?=)(?:"([^"]*)"|'([^']*)'|([^\]\s]+)))?\]/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new Error(`page model: selector not supported: ${whole}`);
    at = re.lastIndex;
    if (m[1]) parts.tag = m[1].toLowerCase();
    else if (m[2]) parts.id = m[2];
    else if (m[3]) parts.classes.push(m[3]);
    else parts.attrs.push({ name: m[4], op: m[5] ?? null, value: m[6] ?? m[7] ?? m[8] ?? null });
  }
  return parts;
}

/** A list of complex selectors, each a list of compounds joined by descendant (" ") or child (">"). */
function parseSelectors(selector) {
  return selector.split(",").map((one) => {
    const tokens = one.trim().replace(/\s*>\s*/g, " > ").split(/\s+/);
    const steps = [];
    let combinator = " ";
    for (const t of tokens) {
      if (t === ">") combinator = ">";
      else {
        steps.push({ combinator, compound: parseCompound(t, selector) });
        combinator = " ";
      }
    }
    return steps;
  });
}

function matchesCompound(el, c) {
  if (c.tag && el.localName.toLowerCase() !== c.tag) return false;
  if (c.id && el.id !== c.id) return false;
  for (const cls of c.classes) if (!el.classList.contains(cls)) return false;
  for (const a of c.attrs) {
    const v = el.getAttribute(a.name);
    if (v === null) return false;
    if (a.op === "=" && v !== a.value) return false;
    if (a.op === "~=" && !v.split(/\s+/).includes(a.value)) return false;
    if (a.op && a.op !== "=" && a.op !== "~=") throw new Error(`page model: attribute operator ${a.op} not supported`);
  }
  return true;
}

function matchesComplex(el, steps, last = steps.length - 1) {
  if (!matchesCompound(el, steps[last].compound)) return false;
  if (last === 0) return true;
  const { combinator } = steps[last];
  for (let p = el.parentNode; p instanceof Element; p = p.parentNode) {
    if (matchesComplex(p, steps, last - 1)) return true;
    if (combinator === ">") return false;
  }
  return false;
}

export class Document extends Node {
  constructor() {
    super(9, "#document", null);
    this.ownerDocument = this;
    this.documentElement = this.createElement("html");
    this.head = this.createElement("head");
    this.body = this.createElement("body");
    this.documentElement.append(this.head, this.body);
    this.appendChild(this.documentElement);
    this.title = "";
    this.focused = null;
  }
  createElement(tag) {
    return this.createElementNS(HTML_NS, tag);
  }
  createElementNS(ns, tag) {
    tag = checkName(tag);
    if (RAW.has(tag.toLowerCase())) throw new Error(`page model: <${tag}> is not modelled (its content is not text)`);
    if (ns === SVG_NS) return new SVGElement(this, SVG_NS, tag);
    if (ns !== HTML_NS && ns !== null) throw new Error(`page model: namespace ${ns} not supported`);
    return String(tag).toLowerCase() === "input" ? new HTMLInputElement(this, HTML_NS, tag) : new HTMLElement(this, HTML_NS, tag);
  }
  createTextNode(text) {
    return new CharacterData(3, "#text", this, text);
  }
  createComment(text) {
    return new CharacterData(8, "#comment", this, text);
  }
  get activeElement() {
    return this.focused?.isConnected ? this.focused : this.body;
  }
  getElementById(id) {
    return this.documentElement.querySelector(`#${id}`);
  }
  querySelector(selector) {
    return this.documentElement.matches(selector) ? this.documentElement : this.documentElement.querySelector(selector);
  }
  querySelectorAll(selector) {
    return this.documentElement.querySelectorAll(selector);
  }
}

/**
 * Makes `globalThis` look like the window of a page at `href` (first visit: nothing stored),
 * with the constructors the wasm-bindgen glue checks with `instanceof`. Returns the document.
 */
export function installWindow(href) {
  const document = new Document();
  const url = new URL(href);
  const location = strict(
    {
      href: url.href,
      search: url.search,
      pathname: url.pathname,
      protocol: url.protocol,
      origin: url.origin,
      hash: url.hash,
      reload() {},
    },
    "location",
  );
  const storage = strict({ getItem: () => null, setItem() {}, removeItem() {} }, "localStorage");
  const history = strict({ pushState() {}, replaceState() {}, state: null }, "history");
  const navigator = strict({ userAgent: "prerender", language: "fr", clipboard: strict({}, "navigator.clipboard") }, "navigator");
  const props = {
    document,
    location,
    history,
    localStorage: storage,
    navigator,
    addEventListener() {},
    removeEventListener() {},
    scrollX: 0,
    scrollY: 0,
    innerWidth: 1280,
    innerHeight: 900,
    Node,
    Element,
    HTMLElement,
    HTMLInputElement,
    SVGElement,
    // Events never happen at build time: nothing is an instance of them.
    Event: class Event {},
    KeyboardEvent: class KeyboardEvent {},
    MouseEvent: class MouseEvent {},
    Window: class Window {
      static [Symbol.hasInstance](x) {
        return x === globalThis;
      }
    },
  };
  for (const [name, value] of Object.entries(props)) {
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  globalThis.window = globalThis;
  globalThis.self = globalThis;
  return document;
}

/**
 * The HTML of `node`'s children. A style set through the CSS object model is not written as a
 * `style` attribute (the page's policy refuses those): `styleClass` turns each declaration
 * list into a class name, whose rule the caller writes into a stylesheet.
 * @param {Node} node
 * @param {(cssText: string) => string} styleClass
 */
export function serializeChildren(node, styleClass) {
  return node.childNodes.map((c) => serialize(c, styleClass)).join("");
}

function serialize(node, styleClass) {
  if (node.nodeType === 3) return escapeText(node.data);
  if (node.nodeType === 8) return "";
  const tag = node.localName;
  const attrs = new Map(node.attributes);
  if (node.style.properties.size) {
    const cls = styleClass(node.style.cssText);
    attrs.set("class", [attrs.get("class"), cls].filter(Boolean).join(" "));
  }
  if (node instanceof HTMLInputElement && node.currentValue) attrs.set("value", node.currentValue);
  // Values are quoted only where HTML needs it (as Trunk's minifier writes the rest of the page).
  const value = (v) => (v === "" ? "" : /^[^\s"'=<>`&]+$/.test(v) ? `=${v}` : `="${escapeAttr(v)}"`);
  const open = `<${tag}${[...attrs].map(([k, v]) => ` ${k}${value(v)}`).join("")}>`;
  if (node.namespaceURI === HTML_NS && VOID.has(tag)) return open;
  return `${open}${serializeChildren(node, styleClass)}</${tag}>`;
}
