// Trunk post-build hook, in Trunk's staging directory (TRUNK_STAGING_DIR; does nothing if that
// is missing). Six steps:
// 0. Copies the parts of the article texts next to the page, when the corpus has them.
// 1. Minifies the JavaScript glue that wasm-bindgen writes. Trunk's own minifier gives up on
//    this file (it warns "Failed to minify JS" on its `as default` export) and leaves it as
//    written; minified, it is about 2 KB gzipped smaller. The integrity hash (SRI) that Trunk
//    wrote for the file in index.html is updated to match.
// 2. Moves every inline script of index.html (Trunk's loader, the start-up notice) into a file
//    named by its content hash, so that the page runs under a policy with no 'unsafe-inline'
//    (see README, "Hosting kit: headers"). The scripts keep their order and type.
// 3. Pre-renders the first view into index.html (prerender.mjs).
// 4. Writes the single-file edition. 5. Writes the offline worker (sw.js).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PART_NAME, isPart } from "./parts.mjs";
import { singleFile } from "./single-file.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; nothing to do");
  process.exit(0);
}
const require = createRequire(new URL("../e2e/package.json", import.meta.url));
const { minify } = require("terser");
const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");

const html = join(dir, "index.html");
let page = readFileSync(html, "utf8");

// 0. Past a size threshold the article texts are not in the wasm but in parts (build.rs), which
//    go next to the page. build.rs writes them, with a manifest naming the corpus version, to
//    corpus-parts/ in the profile's target folder; the wasm just built must be that corpus's.
const profile = process.env.TRUNK_PROFILE === "debug" ? "debug" : "release";
const target = process.env.CARGO_TARGET_DIR ?? fileURLToPath(new URL("../target", import.meta.url));
const partsDir = join(target, "wasm32-unknown-unknown", profile, "corpus-parts");
let manifest;
try {
  manifest = readFileSync(join(partsDir, "manifest"), "utf8");
} catch (error) {
  throw new Error(`post-build: ${partsDir}/manifest, which build.rs writes, cannot be read (${error.code}): is the target folder elsewhere? (CARGO_TARGET_DIR is read)`);
}
const [corpusVersion, ...partFiles] = manifest.split("\n").filter(Boolean);
// The wasm names its corpus version and its parts (strings of its index): they must be these.
const wasmName = readdirSync(dir).find((f) => f.endsWith("_bg.wasm"));
const wasmText = wasmName ? readFileSync(join(dir, wasmName)).toString("latin1") : "";
const named = [...new Set(wasmText.match(new RegExp(PART_NAME, "g")) ?? [])].sort();
if (!wasmText.includes(corpusVersion) || named.join() !== [...partFiles].sort().join()) {
  throw new Error(`post-build: ${partsDir} holds the parts of another build than this wasm; run \`touch build.rs\` and build again`);
}
for (const name of partFiles) copyFileSync(join(partsDir, name), join(dir, name));
console.log(`post-build: ${partFiles.length ? `${partFiles.length} parts of the article texts` : "texts embedded, no parts"}`);
for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, name);
  const source = readFileSync(path, "utf8");
  const result = await minify(source, { module: true, compress: true, mangle: true });
  if (typeof result.code !== "string") throw new Error(`post-build: terser gave nothing for ${name}`);
  writeFileSync(path, result.code);
  // The page must name the new hash, or it would refuse the glue and not start.
  if (!page.includes(sri(source))) throw new Error(`post-build: index.html has no integrity hash for ${name}`);
  page = page.split(sri(source)).join(sri(result.code));
  console.log(`post-build: ${name} ${source.length} → ${result.code.length} bytes`);
}

// The inline scripts: `<script>` or `<script type=module>` with a body, as Trunk writes them
// (its minifier may drop the quotes of attribute values).
let moved = 0;
page = page.replace(/<script((?:\s+type=(?:"module"|module))?)>([\s\S]*?)<\/script>/g, (_, type, body) => {
  if (!body.trim()) return _;
  const name = `inline-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  moved += 1;
  // No integrity attribute: on file:// an opaque origin would fail the check.
  return `<script${type} src="./${name}"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(page)) throw new Error("post-build: an inline script is left in index.html");
console.log(`post-build: ${moved} inline scripts moved to files`);
// A classic script of the head (the "applying" mark) blocks the parser until it arrives; Trunk
// writes its preload links for the glue and the wasm after it, and Chromium's preload scanner
// does not start those: they would wait for the script. At the end of the head, the wasm is
// requested with the stylesheet (measured: interactive 140 ms sooner on the slow-phone profile).
const headEnd = page.indexOf("</head>");
const classic = /<script src="\.\/inline-[0-9a-f]+\.js"><\/script>/g;
const inHead = [...page.slice(0, headEnd).matchAll(classic)].map((m) => m[0]);
for (const tag of inHead) page = page.replace(tag, "");
page = page.replace("</head>", () => `${inHead.join("")}</head>`);
writeFileSync(html, page);

// 3. The first view, pre-rendered into index.html by the app itself (scripts/prerender.mjs), in
// a process of its own: it turns its global object into a page's window. It may rename the
// stylesheet (rules for the pre-rendered charts), so the file list is read after it.
execFileSync(process.execPath, [fileURLToPath(new URL("./prerender.mjs", import.meta.url)), dir], { stdio: "inherit" });
page = readFileSync(html, "utf8");

// 4. The single-file edition (scripts/single-file.mjs), offered by the page's footer and
//    copied to single/ by `make single`. Not cached by the offline worker: it is a download.
const SINGLE = "mali-russie-explorer.html";
const built = readdirSync(dir).filter((f) => f !== SINGLE && f !== "sw.js");
writeFileSync(join(dir, SINGLE), singleFile(dir, built));
console.log(`post-build: ${SINGLE} written`);

// 5. The offline worker: the template with this build's files and a version that changes
//    with any of them (their names carry their content hash; the page's own hash is added).
// Of the parts of the texts (a large corpus), only those the page preloads (a first screen's):
// the worker keeps the others the visitor reads, from the HTTP cache for those read before it
// controls the page, so that a visitor never downloads texts for it (src/offline-worker.js).
const preloaded = new Set([...page.matchAll(new RegExp(`href=\\./(${PART_NAME})[^>]*data-part>`, "g"))].map((m) => m[1]));
const files = built.filter((f) => f !== "index.html" && (!isPart(f) || preloaded.has(f))).sort();
const others = built.filter((f) => isPart(f) && !preloaded.has(f)).sort();
const version = createHash("sha256").update(files.join("\n")).update(page).digest("hex").slice(0, 16);
const worker = readFileSync(new URL("../src/offline-worker.js", import.meta.url), "utf8")
  .replace("__BUILD__", version)
  .replace("__FILES__", JSON.stringify(["./", ...files.map((f) => `./${f}`)]))
  .replace("__PARTS__", JSON.stringify(others.map((f) => `./${f}`)));
const minifiedWorker = await minify(worker, { compress: true, mangle: true });
writeFileSync(join(dir, "sw.js"), minifiedWorker.code);
console.log(`post-build: sw.js caches ${files.length + 1} files (${version})`);
