// The explorer over a corpus ten times the seeds (the benchmark's synthetic articles, built
// once into a folder of its own): it starts, pre-renders, and a facet that grows with the corpus
// (one source per article) shows its first values and a button for all, keyboard included.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../lib/server.mjs";
import { launchChromium, openWatchedPage, waitForApp } from "../lib/browser.mjs";
import { REPO } from "../lib/corpus.mjs";
import { writeSynthetic } from "../bench/synthetic.mjs";
import { buildSite } from "../lib/build.mjs";

const SCALE = 10;
const FIRST = 10; // explorer::query::shown::FIRST
let work;
let server;
let browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), "scale-"));
  const seeds = join(work, "seeds");
  writeSynthetic(join(REPO, "seeds"), seeds, SCALE);
  // Into a folder of its own: dist/ stays the real corpus's.
  buildSite(join(work, "site"), seeds);
  server = await startServer({ root: join(work, "site") });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const sources = (page) => page.$$eval('[data-facet="source"]', (els) => els.map((e) => Number(e.dataset.i)));

test("the sources facet shows its first values, then all on demand, and never hides a checked one", async () => {
  const { page, problems, context } = await openWatchedPage(browser, { origin: new URL(server.url).origin });
  await page.goto(server.url, { waitUntil: "domcontentloaded" });
  // Already in the pre-rendered page, before the app.
  const count = Number((await page.locator(".tagline").innerText()).match(/(\d+) documents/)[1]);
  assert.equal(count, 5 * SCALE);
  assert.ok((await page.locator("[data-doc].doc-card").count()) > 0, "the documents are listed");
  assert.deepEqual(await sources(page), [...Array(FIRST).keys()]);
  await waitForApp(page);
  const more = page.locator('[data-action="all-sources"]');
  assert.equal((await more.textContent()).trim(), `Afficher toutes les sources (${count})`);

  // Keyboard: focus the button, Enter; every source shows and focus is on the first new one.
  await more.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelectorAll('[data-facet="source"]').length === n, count);
  assert.deepEqual(await sources(page), [...Array(count).keys()]);
  await page.waitForFunction((i) => document.activeElement?.dataset.i === String(i), FIRST);
  assert.equal(await more.count(), 0, "the button is gone");

  // A link checking a source past the first ones shows it, checked, without "all".
  const far = await page.$eval(`[data-facet="source"][data-i="${count - 1}"]`, (e) => e.dataset.value);
  await page.goto(`${server.url}?source=${far}`);
  await waitForApp(page);
  assert.deepEqual(await sources(page), [...Array(FIRST).keys(), count - 1]);
  assert.equal(await page.getAttribute(`[data-facet="source"][data-i="${count - 1}"]`, "aria-checked"), "true");
  assert.deepEqual(problems, []);
  await context.close();
});
