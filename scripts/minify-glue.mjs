// Trunk post-build hook: minifies the JavaScript glue that wasm-bindgen writes. Trunk's own
// minifier gives up on this file (it warns "Failed to minify JS" on its `as default` export)
// and leaves it as written; minified, it is about 2 KB gzipped smaller.
// The integrity hash (SRI) that Trunk wrote for the file in index.html is updated to match.
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR); does nothing if that is missing.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify-glue: TRUNK_STAGING_DIR is not set; nothing to do");
  process.exit(0);
}
const require = createRequire(new URL("../e2e/package.json", import.meta.url));
const { minify } = require("terser");
const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");

const html = join(dir, "index.html");
let page = readFileSync(html, "utf8");
for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, name);
  const source = readFileSync(path, "utf8");
  const result = await minify(source, { module: true, compress: true, mangle: true });
  if (typeof result.code !== "string") throw new Error(`minify-glue: terser gave nothing for ${name}`);
  writeFileSync(path, result.code);
  page = page.split(sri(source)).join(sri(result.code));
  console.log(`minify-glue: ${name} ${source.length} → ${result.code.length} bytes`);
}
writeFileSync(html, page);
