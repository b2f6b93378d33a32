// `make bench-browser`: the explorer's speed in headless Chromium against the floor — a plain
// HTML page with the same article texts — both served gzipped like a real host, on a local
// profile and a slow-phone one (4× CPU, 1.6 Mbit/s, 150 ms round trip). Medians of fresh loads
// (no cache). Numbers are reported, never asserted: these machines are noisy.
//
// At 1× it measures dist/; at 10× and 100× (BENCH_SCALES, default "1,10,100") it builds the
// app over a synthetic corpus of unique articles (synthetic.mjs) with EXPLORER_SEEDS, into a
// temporary folder, and the floor holds the same texts.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../lib/server.mjs";
import { launchChromium } from "../lib/browser.mjs";
import { DIST, REPO } from "../lib/corpus.mjs";
import { writeSynthetic } from "./synthetic.mjs";
import { buildSite } from "../lib/build.mjs";

const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const CLICKS = 20;
const PROFILES = {
  local: null,
  "slow phone": { cpu: 4, download: (1.6e6 / 8) | 0, upload: (0.75e6 / 8) | 0, latency: 150 },
};

/** The floor: the articles of `seeds` as plain HTML, escaped, with no script and no style. */
function floorPage(seeds) {
  const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const articles = readdirSync(seeds)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const [title, ...rest] = readFileSync(join(seeds, f), "utf8").split("\n");
      const paras = rest.filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join("");
      return `<article data-doc><h2>${esc(title)}</h2>${paras}</article>`;
    });
  return `<!doctype html><html lang=fr><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1"><title>floor</title><body>${articles.join("")}</body></html>`;
}

/**
 * Times of one fresh load: first results and interactive (data-ready). First results: the
 * moment a frame with documents is about to be painted — documents in the page, not hidden
 * while a link's filters are being applied (`data-applying`), and the stylesheets loaded (a
 * frame is not painted before them: the next animation frame is that moment). The same rule
 * for the floor.
 */
async function load(browser, url, profile) {
  const context = await browser.newContext({ viewport: { width: 412, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (profile) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.download,
      uploadThroughput: profile.upload,
    });
  }
  // Recorded by the page itself, from the start of navigation (performance.now()).
  await page.addInitScript(() => {
    const marks = (window.__marks = {});
    let asked = false;
    const check = () => {
      const shown = document.querySelector("[data-doc]") && !document.documentElement.hasAttribute("data-applying");
      if (marks.results === undefined && shown && !asked) {
        asked = true;
        requestAnimationFrame(() => {
          if (document.documentElement.hasAttribute("data-applying")) asked = false;
          else marks.results = performance.now();
        });
      }
      if (marks.ready === undefined && document.documentElement.hasAttribute("data-ready")) marks.ready = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  await page.goto(url, { waitUntil: "load" });
  // (The floor has no app to wait for.)
  const done = () => window.__marks.results !== undefined && (window.__marks.ready !== undefined || document.title === "floor");
  await page.waitForFunction(done, null, {
    timeout: 60000,
  });
  await page.waitForTimeout(300);
  const marks = await page.evaluate(() => window.__marks);
  await context.close();
  return { ...marks, bytes };
}

/** Facet click → page settled (the DOM updated, style and layout computed), over CLICKS clicks. */
async function clicks(browser, url, cpu) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector("html[data-ready]");
  if (cpu) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpu });
  const times = await page.evaluate(async (n) => {
    const values = [...document.querySelectorAll('[data-facet="sector"]')].map((e) => e.dataset.value).slice(0, 6);
    const out = [];
    for (let i = 0; i < n; i++) {
      const link = document.querySelector(`[data-facet="sector"][data-value="${values[i % values.length]}"]`);
      const t0 = performance.now();
      link.click();
      // Leptos runs its effects as microtasks: once drained, the DOM is updated; reading a
      // layout property then makes the browser compute style and layout. Not the wait for the
      // next frame, which would add up to 16 ms of idle time.
      for (let k = 0; k < 50; k++) await null;
      void document.body.offsetHeight;
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  }, CLICKS);
  await context.close();
  return times;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);

const SCALES = (process.env.BENCH_SCALES ?? "1,10,100").split(",").map(Number);
const work = mkdtempSync(join(tmpdir(), "bench-"));
const browser = await launchChromium();
const rows = [];
try {
  for (const scale of SCALES) {
    const root = join(work, `site-${scale}`);
    let seeds = join(REPO, "seeds");
    if (scale === 1) {
      cpSync(DIST, root, { recursive: true });
    } else {
      seeds = join(work, `seeds-${scale}`);
      writeSynthetic(join(REPO, "seeds"), seeds, scale);
      console.error(`bench: building the app over ${scale}× the corpus…`);
      buildSite(root, seeds);
    }
    writeFileSync(join(root, "floor.html"), floorPage(seeds));
    await measure(scale, root);
  }
} finally {
  await browser.close();
  if (SCALES.some((s) => s !== 1)) {
    // Leave target/ built for the real corpus again, so the next build is not a surprise.
    console.error("bench: rebuilding dist/ over the real corpus…");
    buildSite();
  }
  rmSync(work, { recursive: true, force: true });
}

async function measure(scale, root) {
  const server = await startServer({ root, gzip: true });
  try {
    for (const [name, profile] of Object.entries(PROFILES)) {
      const runs = { explorer: [], link: [], floor: [] };
      for (let i = 0; i < LOADS; i++) {
        runs.explorer.push(await load(browser, server.url, profile));
        runs.link.push(await load(browser, server.url + "?sector=mining&view=documents", profile));
        runs.floor.push(await load(browser, server.url + "floor.html", profile));
      }
      const first = median(runs.explorer.map((r) => r.results));
      const floor = median(runs.floor.map((r) => r.results));
      const link = median(runs.link.map((r) => r.results));
      const ready = median(runs.explorer.map((r) => r.ready));
      const at = `${scale}×, ${name}`;
      rows.push([`first results, ${at}`, ms(first), ms(floor), `${(first / floor).toFixed(1)}× (goal ≤ 1.5× at 1×)`]);
      rows.push([`filtered link, ${at}`, ms(link), ms(floor), `${(link / floor).toFixed(1)}× (goal ≤ 2.5× at 1×)`]);
      rows.push([`interactive (data-ready), ${at}`, ms(ready), "", name === "slow phone" && scale === 1 ? "goal ≤ 1.0 s" : ""]);
      const kb = (xs) => `${(median(xs.map((r) => r.bytes)) / 1024).toFixed(1)} KB`;
      rows.push([`downloaded, ${at}`, kb(runs.explorer), kb(runs.floor), scale === 100 ? "goal ≤ 200 KB" : ""]);
    }
    for (const cpu of [1, 4]) {
      const t = await clicks(browser, server.url, cpu === 1 ? 0 : cpu);
      rows.push([`facet click → settled, ${scale}×, ${cpu}× CPU`, `median ${ms(median(t))}, p95 ${ms(p95(t))}`, "", "goal p95 ≤ 16 ms"]);
    }
  } finally {
    await server.close();
  }
}

console.log(`\n${LOADS} fresh loads per cell, served gzipped; Chromium headless; scales ${SCALES.join(", ")}.\n`);
console.log("| | explorer | floor | ratio / goal |\n|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
