// The single-file edition (dist/mali-russie-explorer.html, = single/ after `make single`),
// opened from a disk: every feature works with no request at all, the view lives in the
// address as on a host, a copied link reopens it, and the file is what its sources give.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startServer } from "../lib/server.mjs";
import { launchChromium, openWatchedPage, waitForApp } from "../lib/browser.mjs";
import { DIST, seedStems } from "../lib/corpus.mjs";
import { singleFile } from "../../scripts/single-file.mjs";

const SINGLE = join(DIST, "mali-russie-explorer.html");
const FILE_URL = pathToFileURL(SINGLE).href;
let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => browser?.close());

const cards = (page) => page.$$eval("[data-doc].doc-card", (els) => els.map((e) => e.dataset.doc));

/** A page that records every request that is not the file itself (or a blob it made). */
async function openFile(query = "") {
  const watched = await openWatchedPage(browser);
  const requests = [];
  watched.page.on("request", (r) => {
    if (!r.url().startsWith(FILE_URL) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) requests.push(r.url());
  });
  await watched.page.goto(FILE_URL + query);
  await waitForApp(watched.page);
  return { ...watched, requests };
}

test("the single file opens from a disk and every feature works, with no request", async () => {
  const { page, context, problems, requests } = await openFile();
  assert.deepEqual(await cards(page), seedStems());
  assert.equal(await page.locator(".boot.fatal, #fatal").count(), 0);
  assert.equal(await page.locator(".site-footer a").count(), 0, "no download link in the file itself");
  await page.click('[data-facet="sector"][data-value="mining"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get("sector") === "mining");
  const filtered = await cards(page);
  assert.ok(filtered.length > 0 && filtered.length < seedStems().length);
  for (const view of ["timeline", "passages", "network", "compare", "documents"]) {
    await page.click(`[data-view="${view}"]`);
    await page.waitForFunction((v) => (new URL(location.href).searchParams.get("view") ?? "documents") === v, view);
  }
  await page.click("[data-doc].doc-card h2 a");
  await page.waitForSelector("[data-reader]");
  await page.click(".reader-text .m-actor");
  await page.waitForFunction(() => !document.querySelector("[data-reader]"));
  // The address is written just after the view (`Explorer::change`): Back is for that entry.
  await page.waitForFunction(() => !new URL(location.href).searchParams.has("doc"));
  // Back and forward walk the views as on a host.
  await page.goBack();
  await page.waitForSelector("[data-reader]");
  await page.goForward();
  await page.waitForFunction(() => !document.querySelector("[data-reader]"));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-action="export-csv"]')]);
  const csv = readFileSync(await download.path(), "utf8");
  assert.match(csv, /^\uFEFF?record,id,/);
  assert.ok(csv.includes(`${FILE_URL}?sector=mining&actor=`), "the export's permalink reopens the file at this view");
  await page.click(".lang-switch");
  await page.waitForFunction(() => document.documentElement.lang === "en" && document.querySelector("[data-doc]"));
  assert.match(await page.locator(".tabs").innerText(), /Documents/);
  // Printing lays out the page without the controls.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".filters").isVisible(), false);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, [], "no request but the file itself");
  await context.close();
});

test("a link copied from the file reopens the same view; a hosted link names it in the same words", async () => {
  const { page, context } = await openFile();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click('[data-facet="sector"][data-value="mining"]');
  await page.click('[data-view="timeline"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "timeline");
  await page.click(".copy-link");
  await page.waitForFunction(() => document.querySelector(".copy-status")?.textContent.length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(FILE_URL + "?"), copied);
  // Such a link is no use to someone else: the page says so.
  assert.match(await page.locator(".copy-status").innerText(), /Lien copié — il mène à ce fichier : il n’ouvre cette vue que sur cet appareil/);
  const events = await page.$$eval("[data-event]", (els) => els.map((e) => e.dataset.event));
  await context.close();

  const again = await openWatchedPage(browser);
  await again.page.goto(copied);
  await again.page.waitForSelector("[data-event]");
  assert.deepEqual(await again.page.$$eval("[data-event]", (els) => els.map((e) => e.dataset.event)), events);
  await again.context.close();

  // The same clicks on the hosted page give the same query.
  const server = await startServer({ root: DIST });
  try {
    const hosted = await openWatchedPage(browser, { origin: new URL(server.url).origin });
    await hosted.page.goto(server.url);
    await waitForApp(hosted.page);
    await hosted.page.click('[data-facet="sector"][data-value="mining"]');
    await hosted.page.click('[data-view="timeline"]');
    await hosted.page.waitForFunction(() => new URL(location.href).searchParams.get("view") === "timeline");
    assert.equal(new URL(hosted.page.url()).search, new URL(copied).search);
    // The hosted page offers the file, and it is this one.
    const href = await hosted.page.$eval(".site-footer a[download]", (a) => a.href);
    const served = await hosted.page.request.get(href);
    assert.equal(Buffer.compare(await served.body(), readFileSync(SINGLE)), 0);
    await hosted.context.close();
  } finally {
    await server.close();
  }
});

// That the build itself is reproducible (Trunk, wasm-opt, terser, zlib) is checked by building
// in two checkouts and comparing (see README); this checks the last step is a pure function.
test("the single file is what the built files give, and within its size", () => {
  const files = readdirSync(DIST).filter((f) => f !== "mali-russie-explorer.html");
  const rebuilt = singleFile(DIST, files);
  assert.equal(rebuilt, readFileSync(SINGLE, "utf8"), "the same built files give the same bytes");
  assert.ok(Buffer.byteLength(rebuilt) < 1024 * 1024, `${Buffer.byteLength(rebuilt)} bytes on disk`);
  // No inline code is allowed but its own, by hash.
  const policy = rebuilt.match(/http-equiv=Content-Security-Policy|content="(default-src[^"]*)"/g).join(" ");
  assert.doesNotMatch(policy, /unsafe-inline/);
  assert.equal((rebuilt.match(/'sha256-/g) ?? []).length, 4, "three scripts (loader, head mark, start-up notice) and one style, by hash");
});
