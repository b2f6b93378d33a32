// The first view in the HTML: runs the built app (the same wasm and glue the browser loads) in
// Node, on the page model of page-model.mjs, at the page's default address, and writes what it
// built into index.html, so that the documents and the filter panel show before any script
// runs. The app takes the markup over when it starts (src/ui/takeover.rs).
//
//   node scripts/prerender.mjs <dir>    (run by post-build.mjs, in its own process: it turns the
//                                        process's global object into a page's window)
//
// - Each top-level element written is marked `data-pre`, for the app to find and replace.
// - Styles the app sets through the CSS object model (chart bars) cannot be `style`
//   attributes under the page's policy; each distinct one becomes a class `pre-sN` whose rule is
//   appended to the page's stylesheet (renamed, as its content changed).
// - The markup goes where index.html has `<div id=pre></div>`; anything unexpected (no such
//   place, no glue or wasm, no document in the view) fails the build with the reason.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { installWindow, serializeChildren } from "./page-model.mjs";
import { isPart } from "./parts.mjs";

const fail = (message) => {
  console.error(`prerender: ${message}`);
  process.exit(1);
};

const dir = process.argv[2] ?? fail("usage: node scripts/prerender.mjs <dir>");
const files = readdirSync(dir);
const one = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) fail(`expected one ${what} in ${dir}, found ${found.length}`);
  return found[0];
};
const glue = one(/^mali-russie-explorer-[0-9a-f]+\.js$/, "wasm-bindgen glue");
const wasm = one(/_bg\.wasm$/, "wasm");
const cssName = one(/^main-.*\.css$/, "stylesheet");

// The app reads its state from the address: the default view is the page with no query.
const document = installWindow("https://prerender.invalid/");
// The parts of the article texts the first view shows (a corpus past the size threshold; see
// build.rs), read from the staging folder as the browser would fetch them. Those the app waits
// for before it takes over (a first screen's: explorer::texts::FIRST_SCREEN) are preloaded by
// the page, so that they arrive with the wasm; the rest of the list's are written into the page
// but fetched by a browser only when their cards come near the screen.
const requested = new Set();
globalThis.explorerPart = async (name) => {
  if (!isPart(name) || !files.includes(name)) throw new Error(`the app asked for ${name}, which the build did not write`);
  requested.add(name);
  const bytes = readFileSync(join(dir, name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
// No screen here: what the app watches until it comes near the screen (its list items whose
// texts are not loaded, src/ui/browser.rs) comes near only once the app has taken over, so that
// the parts it asked for before are exactly a first screen's; then every watched item does, and
// the rest of the first view's texts are read and written into the page.
const watched = [];
globalThis.IntersectionObserverEntry = class {
  constructor(target) {
    this.target = target;
    this.isIntersecting = true;
  }
};
globalThis.IntersectionObserver = class {
  constructor(callback) {
    this.callback = callback;
  }
  observe(target) {
    watched.push([this, target]);
  }
  unobserve() {}
};
let preloaded = [];
const errors = [];
const consoleError = console.error;
console.error = (...args) => errors.push(args.join(" "));
try {
  const { initSync } = await import(pathToFileURL(join(dir, glue)).href);
  initSync({ module: readFileSync(join(dir, wasm)) });
  // The app takes over once the first view's texts are in (when in parts): wait for it.
  for (let waited = 0; !document.documentElement.hasAttribute("data-ready"); waited += 10) {
    if (waited > 10000 || errors.length) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  preloaded = [...requested];
  // Then the rest of the first view's texts. Effects run as microtasks and the app defers some
  // work with a timer: let them settle.
  for (let waited = 0; waited <= 10000 && !errors.length; waited += 10) {
    // (Again each time: what the texts' arrival builds may be watched in turn.)
    for (const [observer, target] of watched.splice(0)) {
      observer.callback([new IntersectionObserverEntry(target)], observer);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (waited >= 50 && !document.body.querySelector(".text-pending")) break;
  }
} catch (error) {
  console.error = consoleError;
  fail(`the app failed while rendering the first view: ${error?.stack ?? error}`);
}
console.error = consoleError;
if (errors.length) fail(`the app reported an error while rendering the first view:\n${errors.join("\n")}`);
if (document.getElementById("fatal")) fail(`the app showed its failure notice: ${document.getElementById("fatal").textContent}`);
if (!document.body.querySelector("[data-doc]")) fail("the first view lists no document");
if (!document.documentElement.hasAttribute("data-ready")) fail("the app did not take over the first view");
// Never a loading state baked into the page: the first view's texts were all there.
if (document.body.querySelector(".text-pending, .searching")) fail("the first view was written before its texts had arrived");
delete globalThis.explorerPart;
delete globalThis.IntersectionObserver;
delete globalThis.IntersectionObserverEntry;

// Mark what the app built, so that it can find it again.
for (const el of document.body.children) el.setAttribute("data-pre", "");
const rules = new Map();
const styleClass = (cssText) => {
  if (!rules.has(cssText)) rules.set(cssText, `pre-s${rules.size}`);
  return rules.get(cssText);
};
const markup = serializeChildren(document.body, styleClass);

const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");
const slot = /<div id=(?:"pre"|pre)><\/div>/g;
const slots = html.match(slot)?.length ?? 0;
if (slots !== 1) fail(`index.html must have exactly one <div id=pre></div>, found ${slots}`);
html = html.replace(slot, () => markup);
// After the wasm's preload, before the head's scripts (which would hold the preload scanner).
const wasmPreload = /<link [^>]*rel=preload type=application\/wasm>/;
if (preloaded.length && !wasmPreload.test(html)) fail("index.html has no preload link for the wasm");
const preloads = preloaded.sort().map((name) => `<link as=fetch crossorigin fetchpriority=low href=./${name} rel=preload data-part>`);
html = html.replace(wasmPreload, (link) => link + preloads.join(""));

if (rules.size) {
  const css = readFileSync(join(dir, cssName), "utf8");
  const extra = [...rules].map(([text, cls]) => `.${cls}{${text}}`).join("");
  const next = `${css}\n/* first view (scripts/prerender.mjs) */\n${extra}\n`;
  const nextName = `main-${createHash("sha256").update(next).digest("hex").slice(0, 16)}.css`;
  const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");
  // In the head only: the body holds the corpus's text.
  const end = html.indexOf("</head>");
  let head = html.slice(0, end);
  if (end < 0 || !head.includes(cssName)) fail(`index.html does not link ${cssName} in its head`);
  // Its integrity hash too, if the page checks one (index.html asks for none: see its comment).
  head = head.split(cssName).join(nextName).split(sri(css)).join(sri(next));
  html = head + html.slice(end);
  writeFileSync(join(dir, cssName), next);
  renameSync(join(dir, cssName), join(dir, nextName));
}
writeFileSync(page, html);
console.log(`prerender: first view written into index.html (${markup.length} bytes, ${rules.size} style rules, texts from ${requested.size} parts, ${preloaded.length} preloaded)`);
