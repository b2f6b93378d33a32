// The first view is in the HTML (scripts/prerender.mjs runs the app at build time): it shows
// before the wasm has arrived, it is exactly what the app then builds (no jump when the app
// takes over), what the user did meanwhile carries over, and a link to another view says that
// its filters are being applied instead of showing the wrong results.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { serveApp } from "../lib/app.mjs";
import { escapeReader, openWatchedPage, waitForApp, waitForFocusOn } from "../lib/browser.mjs";
import { REPO, seedStems } from "../lib/corpus.mjs";

const SHOTS = join(REPO, "e2e", "artifacts");
const app = serveApp();

/** A page whose wasm is held back until `release()` is called. */
async function heldPage(options = {}) {
  const watched = await openWatchedPage(app.browser(), { origin: new URL(app.url()).origin, ...options });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await watched.page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return { ...watched, release };
}

/** The page's top-level elements as markup, without what differs only by construction. */
function markup(page, selector) {
  return page.$$eval(selector, (els) =>
    els.map((el) => {
      const copy = el.cloneNode(true);
      for (const e of [copy, ...copy.querySelectorAll("*")]) {
        e.removeAttribute("data-pre");
        // Pre-rendered chart sizes are classes (the policy refuses style attributes); the app
        // sets the same sizes through the CSS object model.
        e.removeAttribute("style");
        for (const c of [...e.classList]) if (/^pre-s\d+$/.test(c)) e.classList.remove(c);
        if (e.getAttribute("class") === "") e.removeAttribute("class");
      }
      return copy.outerHTML;
    }),
  );
}

const boxes = (page) =>
  page.$$eval("[data-doc].doc-card, [data-facet], .histogram .bar .fill", (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(",");
    }),
  );

test("the first view shows before the wasm, and is exactly the page the app builds", async () => {
  const { page, problems, release, context } = await heldPage();
  await page.goto(app.url(), { waitUntil: "domcontentloaded" });
  assert.deepEqual(await page.$$eval("[data-doc].doc-card", (els) => els.map((e) => e.dataset.doc)), seedStems());
  assert.ok(await page.locator("[data-facet]").first().isVisible(), "the filter panel is there");
  assert.equal(await page.locator("html[data-ready]").count(), 0, "the app has not started");
  assert.equal(await page.locator("html[data-applying]").count(), 0, "the default view is not 'applying'");
  // A small note says the explorer is loading; a line on what to do comes only after 8 s.
  assert.equal((await page.locator(".boot-loading").innerText()).trim(), "Chargement de l'explorateur…");
  assert.equal(await page.locator(".boot-wait").isVisible(), false);
  assert.equal(await page.$eval(".boot-wait", (e) => getComputedStyle(e).animationDelay), "8s");
  const pre = await markup(page, "body > [data-pre]");
  const preBoxes = await boxes(page);
  await page.screenshot({ path: join(SHOTS, "prerender-before.png") });
  release();
  await waitForApp(page);
  assert.equal(await page.locator("[data-pre]").count(), 0, "the pre-rendered page is gone");
  const built = await markup(page, "body > :not(script)");
  assert.equal(built.length, pre.length, "as many top-level elements");
  built.forEach((html, i) => assert.equal(html, pre[i], `top-level element ${i} differs`));
  assert.deepEqual(await boxes(page), preBoxes, "nothing moved when the app took over");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link to another view says its filters are being applied, in its language, then shows it", async () => {
  for (const [query, lang, text] of [
    ["?sector=mining", "fr", "Application de vos filtres…"],
    ["?lang=en&sector=mining", "en", "Applying your filters…"],
    ["?lang=en", "en-page", "Opening the English version…"],
  ]) {
    const { page, problems, release, context } = await heldPage({ viewport: { width: 375, height: 740 } });
    await page.goto(app.url() + query, { waitUntil: "domcontentloaded" });
    assert.equal(await page.getAttribute("html", "data-applying"), lang);
    assert.equal(await page.locator("[data-doc].doc-card").first().isVisible(), false, "the wrong results are hidden");
    assert.equal((await page.locator("#boot-message").innerText()).trim(), text);
    if (lang === "fr") await page.screenshot({ path: join(SHOTS, "prerender-applying-phone.png") });
    release();
    await waitForApp(page);
    assert.equal(await page.locator("html[data-applying]").count(), 0, "the mark is gone");
    assert.ok(await page.locator("[data-doc].doc-card").first().isVisible());
    if (query.includes("sector")) {
      const docs = await page.$$eval("[data-doc].doc-card", (els) => els.map((e) => e.dataset.doc));
      assert.ok(docs.length > 0 && docs.length < seedStems().length, "the link's filter is applied");
      assert.equal(await page.locator('[data-facet="sector"][data-value="mining"][aria-checked="true"]').count(), 1);
    }
    if (lang !== "fr") {
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.match(await page.locator(".tagline").innerText(), /Russia/, "the page is in English");
      assert.equal(await page.locator("#boot").count(), 0);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the language switch pressed before the app starts reloads in English with focus on it", async () => {
  const { page, problems, release, context } = await heldPage();
  await page.goto(app.url(), { waitUntil: "domcontentloaded" });
  await page.focus("[data-pre] .lang-switch");
  await page.keyboard.press("Enter");
  assert.equal(await page.getAttribute("html", "data-pending-id"), "lang-switch");
  release();
  await page.waitForFunction(() => document.documentElement.lang === "en" && document.documentElement.hasAttribute("data-ready"));
  await page.waitForFunction(() => document.activeElement?.id === "lang-switch");
  assert.equal((await page.locator(".lang-switch").innerText()).trim(), "Français");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link clicked before the app starts is kept and applied by the app, without reloading the page", async () => {
  const { page, problems, release, context } = await heldPage();
  await page.goto(app.url(), { waitUntil: "domcontentloaded" });
  await page.evaluate(() => (window.sameDocument = true));
  await page.click('[data-pre] [data-facet="sector"][data-value="mining"]');
  assert.equal(await page.getAttribute("html", "data-applying"), "fr", "the page says it is applying it");
  assert.equal((await page.locator("#boot-message").innerText()).trim(), "Application de vos filtres…");
  assert.equal(new URL(page.url()).search, "", "nothing loaded");
  release();
  await waitForApp(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).get("sector") === "mining");
  assert.equal(await page.evaluate(() => window.sameDocument), true, "the same page, not a reload");
  assert.equal(await page.locator('[data-facet="sector"][data-value="mining"][aria-checked="true"]').count(), 1);
  assert.equal(await page.locator("html[data-applying], html[data-pending], html[data-pending-id]").count(), 0, "the marks are gone");
  await page.waitForFunction(() => document.activeElement?.id === "f-sector-mining");
  // One step in history, as any click: Back shows every document again.
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes("sector"));
  await page.waitForFunction((n) => document.querySelectorAll("[data-doc].doc-card").length === n, seedStems().length);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a document opened before the app starts: Escape closes it and focus goes back to its card", async () => {
  const { page, problems, release, context } = await heldPage();
  await page.goto(app.url(), { waitUntil: "domcontentloaded" });
  const card = '[data-doc="002_054c372ceee383ed"] h2 a';
  const href = await page.getAttribute(`[data-pre] ${card}`, "href");
  await page.click(`[data-pre] ${card}`);
  release();
  await waitForApp(page);
  await page.waitForSelector('[data-reader="002_054c372ceee383ed"]');
  await escapeReader(page);
  await waitForFocusOn(page, href);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a button pressed before the app starts is pressed by it: the phone's filter drawer opens", async () => {
  const { page, problems, release, context } = await heldPage({ viewport: { width: 375, height: 740 } });
  await page.goto(app.url(), { waitUntil: "domcontentloaded" });
  await page.click("[data-pre] .filters-toggle");
  assert.equal(await page.locator("html[data-applying]").count(), 0, "the page stays as it is");
  release();
  await waitForApp(page);
  await page.waitForSelector(".filters.open");
  assert.equal(await page.getAttribute(".filters-toggle", "aria-expanded"), "true");
  assert.equal(await page.locator("html[data-pending-action]").count(), 0, "the mark is gone");
  assert.deepEqual(problems, []);
  await context.close();
});

test("focus, scroll, closed groups and typed text given before the app starts carry over", async () => {
  {
    const { page, problems, release, context } = await heldPage({ viewport: { width: 1280, height: 700 } });
    await page.goto(app.url(), { waitUntil: "domcontentloaded" });
    // Keyboard only: Tab until a sector of the filter panel has focus.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.dataset.facet === "sector")) break;
    }
    const focused = await page.evaluate(() => [document.activeElement.dataset.value, document.activeElement.hasAttribute("data-pre")]);
    assert.ok(focused[0], "a sector has focus");
    await page.evaluate(() => window.scrollTo(0, 300));
    const scrolled = await page.evaluate(() => window.scrollY);
    release();
    await waitForApp(page);
    const after = await page.evaluate(() => [
      document.activeElement.dataset.value,
      document.activeElement.closest("[data-pre]") !== null,
      window.scrollY,
    ]);
    assert.deepEqual(after, [focused[0], false, scrolled], "the same sector has focus, on the app's page, scrolled as before");
    // And the keyboard goes on from there: Space checks it.
    await page.keyboard.press(" ");
    await page.waitForFunction((v) => new URLSearchParams(location.search).get("sector") === v, focused[0]);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    // Keyboard: a group of the filter panel closed with its own heading stays closed, focus on
    // that heading; the panel, which scrolls on its own on a wide screen, stays where it was.
    const { page, problems, release, context } = await heldPage({ viewport: { width: 1280, height: 700 } });
    await page.goto(app.url(), { waitUntil: "domcontentloaded" });
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.matches("details[data-group] > summary"))) break;
    }
    const group = await page.evaluate(() => document.activeElement.parentElement.dataset.group);
    assert.ok(group, "a group's heading has focus");
    await page.keyboard.press("Enter");
    assert.equal(await page.$eval(`details[data-group="${group}"]`, (d) => d.open), false, "the group is closed");
    const panel = await page.evaluate(() => {
      const f = document.getElementById("filters");
      f.scrollTop = 120;
      return f.scrollTop;
    });
    assert.ok(panel > 0, "the filter panel scrolls on its own");
    release();
    await waitForApp(page);
    const after = await page.evaluate(
      (g) => [
        document.activeElement.matches(`details[data-group="${g}"] > summary`),
        document.querySelector(`details[data-group="${g}"]`).open,
        document.getElementById("filters").scrollTop,
      ],
      group,
    );
    assert.deepEqual(after, [true, false, panel], "focus on the heading, the group closed, the panel scrolled as before");
    // The keyboard goes on: Enter opens it again.
    await page.keyboard.press("Enter");
    await page.waitForFunction((g) => document.querySelector(`details[data-group="${g}"]`).open, group);
    assert.deepEqual(problems, []);
    await context.close();
  }
  {
    const { page, problems, release, context } = await heldPage();
    await page.goto(app.url(), { waitUntil: "domcontentloaded" });
    await page.locator("#q").fill("Rosatom");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
    release();
    await waitForApp(page);
    await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "Rosatom");
    assert.equal(await page.inputValue("#q"), "Rosatom", "the typed text is kept");
    assert.deepEqual(
      await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart]),
      ["q", 4],
      "focus and caret stay where they were",
    );
    const docs = await page.$$eval("[data-doc].doc-card", (els) => els.length);
    assert.ok(docs > 0 && docs < seedStems().length, "and searched for");
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("without WebAssembly the documents stay listed and the page says what is missing", async () => {
  const { page, context } = await openWatchedPage(app.browser());
  await page.addInitScript(() => delete window.WebAssembly);
  await page.goto(app.url() + "?sector=mining");
  await page.waitForSelector(".boot.fatal");
  assert.match(await page.locator("#boot").innerText(), /n'exécute pas WebAssembly/);
  assert.equal(await page.locator("html[data-applying]").count(), 0, "no endless 'applying'");
  assert.deepEqual(await page.$$eval("[data-doc].doc-card", (els) => els.map((e) => e.dataset.doc)), seedStems());
  assert.ok(await page.locator("[data-doc].doc-card").first().isVisible());
  // What needs the app is not offered; a document's link loads as a plain link, not kept for
  // an app that will never come.
  assert.equal(await page.locator("[data-pre] .filters").isVisible(), false);
  const title = page.locator("[data-doc].doc-card h2 a").first();
  const href = await title.getAttribute("href");
  await Promise.all([page.waitForURL((url) => url.search === href), title.click()]);
  await context.close();
});
