// The app starts from the built dist/ served under a subpath, lists every seed document,
// stays within its origin, and says so clearly when its wasm cannot start.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../lib/server.mjs";
import { launchChromium, openWatchedPage, waitForApp } from "../lib/browser.mjs";
import { DIST, REPO, seedStems } from "../lib/corpus.mjs";

const SHOTS = join(REPO, "e2e", "artifacts");
let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
after(async () => browser?.close());

test("lists every seed document when served under /explorer/", async () => {
  const server = await startServer({ root: DIST });
  try {
    const { page, problems, foreign, context } = await openWatchedPage(browser, { origin: new URL(server.url).origin });
    await page.goto(server.url);
    await waitForApp(page);
    const ids = await page.$$eval("[data-doc]", (els) => els.map((e) => e.getAttribute("data-doc")));
    assert.deepEqual(ids, seedStems());
    assert.equal(await page.locator("#fatal").count(), 0, "no fatal notice");
    assert.equal(await page.locator("#boot").count(), 0, "the loading placeholder is gone");
    assert.equal(await page.locator("html[data-ready]").count(), 1, "the page says it is interactive");
    const titles = await page.$$eval("[data-doc] h2", (els) => els.map((e) => e.textContent.trim()));
    assert.ok(titles.every((t) => t.length > 0), "every document has a title");
    assert.deepEqual(problems, []);
    assert.deepEqual(foreign, [], "no request leaves the origin");
    assert.ok(server.requests.some((p) => p.endsWith(".wasm")), "the wasm was loaded from the subpath");
    assert.ok(server.requests.every((p) => p.startsWith("/explorer")), "every asset is under the subpath");
    await page.screenshot({ path: join(SHOTS, "boot-desktop.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: join(SHOTS, "boot-phone.png"), fullPage: true });
    await context.close();
  } finally {
    await server.close();
  }
});

test("a wasm that cannot start shows a notice, not a blank or endless loading page", async () => {
  // Serve a truncated wasm: the browser fails to compile it.
  const server = await startServer({
    root: DIST,
    transform: (path, body) => (path.endsWith(".wasm") ? body.subarray(0, 100) : body),
  });
  try {
    const { page, context } = await openWatchedPage(browser);
    await page.goto(server.url);
    await waitForApp(page);
    const notice = await page.locator(".boot.fatal").textContent();
    assert.match(notice, /n'a pas pu démarrer/);
    // The pre-rendered first view stays: every document is listed, and the notice says the
    // filters do not work.
    assert.match(notice, /la page liste tous les documents, sans filtres/);
    assert.deepEqual(await page.$$eval("[data-doc].doc-card", (els) => els.map((e) => e.dataset.doc)), seedStems());
    await context.close();
  } finally {
    await server.close();
  }
});

test("a program file missing from the host: the notice names it, not a bare '?'", async () => {
  // A host that lost the wasm-bindgen module (an upload cut short).
  const root = mkdtempSync(join(tmpdir(), "boot-"));
  cpSync(DIST, root, { recursive: true });
  const glue = readdirSync(root).find((f) => /^mali-russie-explorer-[0-9a-f]+\.js$/.test(f));
  rmSync(join(root, glue));
  const server = await startServer({ root });
  try {
    const { page, context } = await openWatchedPage(browser);
    await page.goto(server.url);
    await page.waitForSelector(".boot.fatal");
    const notice = await page.locator(".boot.fatal").textContent();
    assert.match(notice, /n'a pas pu démarrer/);
    assert.ok(
      notice.includes(`fichier du programme non chargé (program file not loaded) : ${glue}`),
      notice,
    );
    await context.close();
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test("opened from a disk (file://), the page says why it cannot start and what to do", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("file://" + join(DIST, "index.html"));
  await page.waitForSelector(".boot.fatal");
  assert.match(await page.locator("#boot-message").textContent(), /disque \(file:\/\/\)/);
  await page.waitForFunction(() => getComputedStyle(document.getElementById("boot-slow")).visibility === "visible");
  const hint = await page.locator("#boot-slow").innerText();
  assert.match(hint, /python3 -m http\.server/);
  // It points to the single-file edition, which is there and does work from a disk.
  assert.match(hint, /ouvrez plutôt mali-russie-explorer\.html, dans le même dossier/);
  assert.ok(existsSync(join(DIST, "mali-russie-explorer.html")));
  // Even so, the documents are listed (the first view is in the HTML), visible and styled
  // (a checked stylesheet would be refused on a page without origin).
  assert.deepEqual(await page.$$eval("[data-doc].doc-card", (els) => els.map((e) => e.dataset.doc)), seedStems());
  assert.ok(await page.locator("[data-doc].doc-card").first().isVisible());
  assert.equal(await page.$eval("[data-doc].doc-card", (e) => getComputedStyle(e).borderTopStyle), "solid");
  assert.ok((await page.$eval(".skip-link", (e) => e.getBoundingClientRect().right)) <= 0, "skip links wait off screen");
  await context.close();
});

test("without any script, the documents are listed and the page says what is missing", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const server = await startServer({ root: DIST });
  try {
    await page.goto(server.url);
    assert.deepEqual(await page.$$eval("[data-doc].doc-card", (els) => els.map((e) => e.dataset.doc)), seedStems());
    assert.ok(await page.locator("[data-doc].doc-card").first().isVisible());
    const notice = await page.locator("#boot").innerText();
    assert.match(notice, /filtres, sa recherche et sa lecture ne répondent pas/);
    // Nothing says it is loading, and what needs the app is not offered.
    assert.doesNotMatch(notice, /Chargement/);
    for (const part of [".filters", ".tabs-host", ".filters-toggle", '.skip-link[href="#filters"]']) {
      assert.equal(await page.locator(part).first().isVisible(), false, `${part} is hidden`);
    }
    // Not even after a while: the line for a slow start is for pages whose script runs.
    assert.equal(await page.$eval(".boot-wait", (e) => getComputedStyle(e).display), "none");
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: join(SHOTS, "boot-noscript-phone.png") });
  } finally {
    await context.close();
    await server.close();
  }
});
