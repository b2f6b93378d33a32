// The single-file edition: the built page with its script, wasm, styles and corpus inlined in
// one HTML file that opens by double-click from a disk (file://), where a browser refuses to
// load a module or a wasm beside the page. Called by the post-build hook (post-build.mjs) with
// the finished staging directory; the same sources give the same bytes.
//
// - The stylesheet becomes a <style>, the two classic scripts inline scripts.
// - The wasm-bindgen glue and Trunk's loader become one inline module (with the parts of the
//   article texts, for a corpus past the size threshold): the glue's final export
//   list is dropped and its `default` (the async initialiser) is given the wasm bytes, which are
//   stored gzipped and in base64 and inflated with the browser's DecompressionStream — so the
//   file is about as small on a disk or in a message as the hosted page is over the wire.
// - Its content security policy allows exactly these inline blocks, by hash, and nothing else:
//   no 'unsafe-inline', no request anywhere.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { isPart } from "./parts.mjs";

const hash = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** Replaces exactly one match of `pattern` in `text`, or fails naming what was expected. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, "g")) ?? [];
  if (matches.length !== 1) throw new Error(`single-file: expected one ${what} in index.html, found ${matches.length}`);
  return text.replace(pattern, () => replacement);
}

/**
 * An inline block's text, refused if the HTML parser would not hand it to the browser exactly
 * as hashed: an end tag or a comment opener would end or change the element early, and a
 * carriage return (a CRLF checkout) is turned into a line feed before the policy's hash check.
 */
function inlineSafe(text, tag, name) {
  for (const bad of [`</${tag}`, "<!--", `<${tag}`, "\r"]) {
    if (text.toLowerCase().includes(bad)) throw new Error(`single-file: ${name} contains ${JSON.stringify(bad)}`);
  }
  return text;
}

/**
 * The single-file page built from the finished `dir` (index.html with its scripts moved into
 * `inline-*.js` files, the glue `*.js`, the `*_bg.wasm`, the `*.css`).
 * @param {string} dir
 * @param {string[]} files the names of the files in `dir` that belong to the page
 * @returns {string}
 */
export function singleFile(dir, files) {
  let page = readFileSync(join(dir, "index.html"), "utf8");
  const file = (re, what) => {
    const found = files.filter((f) => re.test(f));
    if (found.length !== 1) throw new Error(`single-file: expected one ${what} in ${dir}, found ${found.length}`);
    return found[0];
  };
  const wasm = readFileSync(join(dir, file(/_bg\.wasm$/, "wasm")));
  const css = inlineSafe(readFileSync(join(dir, file(/^main-.*\.css$/, "stylesheet")), "utf8"), "style", "the stylesheet");
  const glueName = file(/^mali-russie-explorer-[0-9a-f]+\.js$/, "wasm-bindgen glue");
  const glue = readFileSync(join(dir, glueName), "utf8");

  // The glue ends with its exports; the initialiser is the default one.
  const exports = glue.match(/export\s*\{([^}]*)\};?\s*$/);
  const init = exports?.[1].split(",").map((e) => e.trim().split(/\s+as\s+/)).find(([, as]) => as === "default")?.[0];
  if (!init) throw new Error(`single-file: no default export at the end of ${glueName}`);
  const pack = (bytes) => gzipSync(bytes, { level: 9 }).toString("base64");
  // The parts of the article texts (a corpus past the size threshold, see build.rs), inline too:
  // the app asks for them by name through `explorerPart` (src/ui/browser.rs, fetch_part).
  const parts = files.filter(isPart).sort();
  const table = parts.map((name) => `[${JSON.stringify(name)}, "${pack(readFileSync(join(dir, name)))}"]`).join(",\n");
  const loader = inlineSafe(
    // In a block, so that its names cannot meet the glue's top-level ones.
    `${glue.slice(0, exports.index)};
{
  const inflate = (packed) => {
    const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  };
  const parts = new Map([${table}]);
  globalThis.explorerPart = (name) => (parts.has(name) ? inflate(parts.get(name)) : Promise.reject(new Error(\`no part \${name} in this file\`)));
  await ${init}({ module_or_path: await inflate("${pack(wasm)}") });
}
`,
    "script",
    glueName,
  );
  // The classic scripts (the head's "applying" mark, the start-up notice; Trunk's loader is the
  // module one, replaced above), each inline and allowed by its hash.
  const CLASSIC = /<script src="\.\/(inline-[0-9a-f]+\.js)"><\/script>/g;
  const classic = [...page.matchAll(CLASSIC)].map((m) => inlineSafe(readFileSync(join(dir, m[1]), "utf8"), "script", m[1]));
  if (classic.length !== 2) throw new Error(`single-file: expected two classic scripts in index.html, found ${classic.length}`);
  const policy = [
    "default-src 'none'",
    `script-src ${[loader, ...classic].map(hash).join(" ")} 'wasm-unsafe-eval'`,
    `style-src ${hash(css)}`,
    "img-src data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  // Everything to replace but the start-up notice is in the head: the body holds the
  // pre-rendered corpus, whose text must never be mistaken for the page's own markup.
  const end = page.indexOf("</head>");
  if (end < 0) throw new Error("single-file: index.html has no </head>");
  let head = page.slice(0, end);
  head = replaceOnce(head, /<html lang=fr>/, "<html lang=fr data-single>", "<html lang=fr>");
  head = replaceOnce(head, /content="default-src [^"]*"/, `content="${policy}"`, "content security policy");
  head = replaceOnce(head, /<link [^>]*rel=modulepreload>/, "", "module preload");
  head = head.replace(/<link [^>]*data-part>/g, "");
  head = replaceOnce(head, /<link [^>]*rel=preload [^>]*>/, "", "wasm preload");
  head = replaceOnce(head, /<link [^>]*rel=stylesheet>/, `<style>${css}</style>`, "stylesheet link");
  head = replaceOnce(head, /<script type=module src="\.\/inline-[0-9a-f]+\.js"><\/script>/, `<script type=module>${loader}</script>`, "loader");
  let next = 0;
  // The classic scripts' tags (one in the head, one at the end of the body) cannot occur in the
  // pre-rendered markup, where every "<" of text and attributes is escaped (page-model.mjs).
  return (head + page.slice(end)).replace(CLASSIC, () => `<script>${classic[next++]}</script>`);
}
