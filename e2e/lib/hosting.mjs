// The hosting kit's headers (hosting/_headers), read as Netlify and Cloudflare Pages read
// them, so the tests serve the build with exactly what the README tells hosts to send.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./corpus.mjs";

/** The rules of `hosting/_headers`: `[{ pattern: RegExp, headers: {name: value} }]`. */
export function headerRules() {
  const rules = [];
  for (const line of readFileSync(join(REPO, "hosting", "_headers"), "utf8").split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      // A path; `*` matches any run of characters, as a splat does.
      const source = line.trim().split("*").map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, "\\$&")).join(".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
    } else {
      const at = line.indexOf(":");
      rules.at(-1).headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

const RULES = headerRules();

/** The headers for a request, by its path from the site's root ("/", "/sw.js"). */
export function kitHeaders(path) {
  const out = {};
  for (const rule of RULES) {
    if (!rule.pattern.test(path)) continue;
    // A header named by several matching rules is joined, as Cloudflare Pages does (Netlify
    // keeps one): the kit must not rely on either.
    for (const [name, value] of Object.entries(rule.headers)) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}
