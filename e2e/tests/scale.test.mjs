// The explorer over a corpus fourteen times the seeds (the benchmark's synthetic articles, built
// once into a folder of its own): it starts, pre-renders, and a facet that grows with the corpus
// (one source per article) shows its first values and a button for all, keyboard included.
// Past the size threshold (build.rs), its article texts are in parts beside the page: a first
// screen's are preloaded, a list's others come as it scrolls, a search waits for all of them, a
// part that fails says so and can be tried again, and the single-file edition carries them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startServer } from "../lib/server.mjs";
import { launchChromium, openWatchedPage, waitForApp } from "../lib/browser.mjs";
import { REPO } from "../lib/corpus.mjs";
import { writeSynthetic } from "../bench/synthetic.mjs";
import { buildSite } from "../lib/build.mjs";

// 14×: 70 articles, five parts of texts; the first view (50 articles) needs four of them, a first
// screen (explorer::texts::FIRST_SCREEN, 12 cards) one.
const SCALE = 14;
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

const PART = /texts-[0-9a-f]{16}\.bin$/;

/** A watched page on a phone's screen, without the offline worker. */
const phonePage = () =>
  openWatchedPage(browser, { origin: new URL(server.url).origin, serviceWorkers: "block", viewport: { width: 375, height: 812 } });

/** Scrolls the page from its top down one screen at a time to its end, as a reader would, each
 * time until the items on screen have their texts; then back to the top. */
async function readThrough(page) {
  await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
  for (let step = 0; step < 100; step++) {
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".text-pending:not(.failed)")].every((e) => {
        const box = e.getBoundingClientRect();
        return box.bottom <= 0 || box.top >= innerHeight;
      }),
    );
    const end = await page.evaluate(() => {
      const before = scrollY;
      scrollBy({ top: innerHeight, behavior: "instant" });
      return scrollY === before;
    });
    if (end) break;
  }
  await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
}

test("the texts are in parts beside the page; a first screen's are preloaded, the others come as the list scrolls, each fetched once", async () => {
  const site = join(work, "site");
  const parts = readdirSync(site).filter((f) => PART.test(f));
  assert.ok(parts.length >= 2, `parts: ${parts}`);
  const html = readFileSync(join(site, "index.html"), "utf8");
  const preloaded = [...html.matchAll(/<link [^>]*href=\.\/(texts-[0-9a-f]{16}\.bin)[^>]*data-part>/g)].map((m) => m[1]);
  // The first view shows the first 50 documents' snippets (all in the page, for whoever has no
  // script), but the page preloads the parts of a first screen's only.
  assert.equal(preloaded.length, 1, `${preloaded} of ${parts}`);
  assert.equal([...html.matchAll(/class=snippet>/g)].length, 50);
  assert.ok(preloaded.every((p) => parts.includes(p)));
  // The wasm holds no article text: a sentence of the first article is not in it.
  const wasm = readdirSync(site).find((f) => f.endsWith("_bg.wasm"));
  const first = readdirSync(join(work, "seeds")).filter((f) => f.endsWith(".txt")).sort()[0];
  const sentence = readFileSync(join(work, "seeds", first), "utf8").split("\n").find((l) => l.length > 80).slice(0, 60);
  assert.ok(!readFileSync(join(site, wasm)).includes(Buffer.from(sentence)), "the texts are not in the wasm");

  const { page, problems, context } = await openWatchedPage(browser, { origin: new URL(server.url).origin });
  const fetched = [];
  page.on("request", (r) => PART.test(r.url()) && fetched.push(r.url().split("/").pop()));
  await page.goto(server.url);
  await waitForApp(page);
  assert.ok(await page.locator(".doc-card .snippet").first().innerText());
  assert.ok(fetched.includes(preloaded[0]), "the preloaded part is the one the app reads");
  // What is near the screen has its text; the end of the list waits to be scrolled to.
  await page.waitForFunction(() => ![...document.querySelectorAll(".text-pending")].some((e) => e.getBoundingClientRect().top < innerHeight));
  assert.ok(await page.locator(".doc-card:nth-child(50) .text-pending").count(), "the 50th card's text is not fetched yet");
  const early = new Set(fetched).size;
  assert.ok(early < 4, `parts fetched before any scroll: ${[...new Set(fetched)]}`);
  await readThrough(page);
  assert.equal(await page.locator(".text-pending").count(), 0, "every card read has its text");
  assert.equal(new Set(fetched).size, 4, "the first view's four parts, once scrolled through");
  // The next page of the list: its texts, in a part not loaded yet, come when it shows.
  // By keyboard: focus goes to the first new card (the button is gone: the list is whole).
  await page.locator('[data-action="more"]').focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((n) => document.querySelectorAll(".doc-card").length === n, 5 * SCALE);
  await page.waitForFunction(() => document.activeElement?.closest(".doc-card") === document.querySelectorAll(".doc-card")[50]);
  await readThrough(page);
  assert.equal(await page.locator(".text-pending").count(), 0);
  assert.equal(new Set(fetched).size, 5);
  // A search reads every text, and finds what is there: a word of that sentence.
  const word = sentence.split(/\s+/).filter((w) => /^[a-zà-ÿ]{6,}$/i.test(w))[0];
  await page.fill("#q", word);
  await page.waitForFunction(() => !document.querySelector(".searching") && document.querySelector(".doc-card mark"));
  assert.ok((await page.locator(".doc-card").count()) > 0);
  // The reader of a document shows its text.
  await page.locator(".doc-card h2 a").first().click();
  await page.waitForSelector(".reader-text .passage");
  // With its mentions, whose places came with the text (they are not in the index).
  const mentions = await page.$$eval(".reader-text a.mention", (els) => els.map((e) => e.textContent));
  assert.ok(mentions.length > 5 && mentions.every((m) => m.trim().length > 1), `${mentions}`);
  assert.equal(fetched.length, new Set(fetched).size, `a part fetched twice: ${fetched}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a part that cannot be loaded says so, a search waits, and Try again loads it", async () => {
  // No offline worker: it would fetch the part itself, past the page's blocked route.
  const { page, problems, context } = await openWatchedPage(browser, { origin: new URL(server.url).origin, serviceWorkers: "block" });
  const html = readFileSync(join(work, "site", "index.html"), "utf8");
  const blocked = html.match(/href=\.\/(texts-[0-9a-f]{16}\.bin) rel=preload data-part/)[1];
  let offline = true;
  await page.route(`**/${blocked}`, (route) => (offline ? route.abort("internetdisconnected") : route.continue()));
  await page.goto(server.url);
  // The app takes over once the parts have arrived or failed.
  await waitForApp(page);
  const failed = page.locator(".doc-card .text-pending.failed");
  assert.ok((await failed.count()) > 0, "the cards of the missing part say their text is not loaded");
  assert.equal((await failed.first().textContent()).trim(), "Texte non chargé.");
  await readThrough(page);
  assert.ok((await page.locator(".doc-card .snippet:not(:has(.text-pending))").count()) > 0, "the other cards show theirs");
  // One notice above the list, with one button (not one per card).
  assert.match(await page.locator(".texts-failed").innerText(), /n’a pas pu être chargé/);
  assert.equal(await page.locator(".retry").count(), 1);
  // A search cannot run without every text: it says so, and finds nothing rather than less;
  // counts are not known (… rather than zeros that would disable every filter).
  await page.fill("#q", "coopération");
  await page.waitForSelector(".searching");
  assert.match(await page.locator(".searching").innerText(), /n’a pas pu être chargé/);
  assert.equal(await page.locator(".doc-card").count(), 0);
  assert.equal(await page.locator(".texts-failed").count(), 0, "the search's own status says it");
  assert.equal((await page.locator('[data-facet="sector"] .count').first().textContent()).trim(), "…");
  assert.equal(await page.locator('.facet-value.disabled[data-facet="sector"]').count(), 0);
  assert.equal((await page.locator("#tab-documents .count").textContent()).trim(), "…");
  // The phone's filter drawer, which hides the results, says why it has no count.
  assert.match(await page.locator(".filters-apply").textContent(), /^Voir les résultats \(recherche : textes chargés \d+ sur 70\)$/);
  // An export now would have nothing to write: it waits for the texts, then says it cannot.
  await page.locator('[data-action="export-csv"]').click();
  await page.waitForFunction(() => /Export impossible/.test(document.querySelector(".export-status")?.textContent ?? ""));
  // Back online: Try again, by keyboard; focus stays in the results.
  offline = false;
  await page.locator(".searching .retry").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".searching") && document.querySelector(".doc-card"));
  assert.equal(await page.evaluate(() => document.activeElement?.id), "results-panel");
  assert.notEqual((await page.locator("#tab-documents .count").textContent()).trim(), "…");
  await page.fill("#q", "");
  await page.waitForFunction(() => document.querySelectorAll(".doc-card").length >= 50);
  await readThrough(page);
  assert.equal(await page.locator(".text-pending").count(), 0, "every text is there now");
  // The console names the file that failed, for whoever investigates; nothing else went wrong.
  assert.ok(problems.length > 0 && problems.every((p) => p.includes(blocked) || /ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), problems.join("\n"));
  await context.close();
});

test("texts that could not be loaded offline come once the network is back, without a click", async () => {
  const { page, problems, context } = await openWatchedPage(browser, { origin: new URL(server.url).origin, serviceWorkers: "block" });
  await page.goto(server.url);
  await waitForApp(page);
  await context.setOffline(true);
  await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" }));
  await page.waitForSelector(".doc-card .text-pending.failed");
  // An export offline cannot get its texts, and says so; back online, that is no longer news.
  await page.locator('[data-action="export-csv"]').click();
  await page.waitForFunction(() => /Export impossible/.test(document.querySelector(".export-status")?.textContent ?? ""));
  await context.setOffline(false);
  await page.waitForFunction(() => !document.querySelector(".text-pending.failed") && !document.querySelector(".texts-failed"));
  await page.waitForFunction(() => (document.querySelector(".export-status")?.textContent ?? "") === "");
  await readThrough(page);
  assert.equal(await page.locator(".text-pending").count(), 0);
  assert.ok(problems.every((p) => /could not be loaded|Failed to fetch|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), problems.join("\n"));
  await context.close();
});

test("the single-file edition carries the parts: it opens from a disk with every text", async () => {
  const { page, problems, context } = await openWatchedPage(browser);
  await page.goto(pathToFileURL(join(work, "site", "mali-russie-explorer.html")).href);
  await waitForApp(page);
  assert.equal(await page.locator("#fatal, .boot.fatal").count(), 0);
  await readThrough(page);
  assert.equal(await page.locator(".text-pending").count(), 0);
  await page.fill("#q", "coopération");
  await page.waitForFunction(() => !document.querySelector(".searching") && document.querySelector(".doc-card mark"));
  assert.deepEqual(problems, []);
  await context.close();
});

test("a link opened while the texts are slow is never a blank page: a search takes over at once and counts them, a document says it is coming", async () => {
  const { page, problems, context } = await phonePage();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(PART, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  // The page as seen at one moment (in one call: the app may take over between two).
  const seen = () =>
    page.evaluate(() => {
      const root = document.documentElement;
      const boot = document.getElementById("boot");
      const wait = document.querySelector(".boot-wait");
      return {
        ready: root.hasAttribute("data-ready"),
        started: root.hasAttribute("data-started"),
        note: !!boot && boot.getClientRects().length > 0 && getComputedStyle(boot).visibility !== "hidden",
        advice: !!wait && getComputedStyle(wait).display !== "none",
      };
    });
  for (const link of ["?q=uranium", "?q=uranium&lang=en"]) {
    await page.goto(`${server.url}${link}`, { waitUntil: "domcontentloaded" });
    // Until the app has taken over, the start-up note says what is happening.
    for (let i = 0, s = await seen(); i < 40 && !s.ready; i++, s = await seen()) {
      assert.ok(s.note, `${link}: a message while the app starts`);
      await page.waitForTimeout(50);
    }
    // The app has taken over without its texts (none has come), and says it is searching them.
    await page.waitForSelector("html[data-ready]", { timeout: 3000 });
    await page.waitForSelector("#searching");
    assert.match(await page.locator("#searching").innerText(), / 70\.$/);
    assert.equal(await page.locator("#boot").count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-applying")), false);
  }
  // A link to a document: the app waits a moment for its text, saying it applies the link.
  await page.goto(`${server.url}?doc=002_054c372ceee383ed`, { waitUntil: "domcontentloaded" });
  let waited = 0;
  for (let i = 0, s = await seen(); i < 80 && !s.ready; i++, s = await seen()) {
    assert.ok(s.note, "a message while the app waits for the text");
    // Started, the app only waits: no advice to reload, and a later error is not a failed start.
    if (s.started) {
      waited++;
      assert.equal(s.advice, false);
    }
    await page.waitForTimeout(100);
  }
  assert.ok(waited > 0, "the app waited for the text");
  await page.waitForSelector('html[data-ready] [data-reader="002_054c372ceee383ed"]');
  release();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reader who scrolls the pre-rendered list before the app starts keeps reading: the same cards, with their texts", async () => {
  const { page, problems, context } = await phonePage();
  // The card at the top of the screen, and how far below the top it starts.
  const topCard = () =>
    page.evaluate(() => {
      const card = [...document.querySelectorAll(".doc-card")].find((c) => c.getBoundingClientRect().bottom > 0);
      return { doc: card.dataset.doc, top: Math.round(card.getBoundingClientRect().top) };
    });
  // Every part held back until the reader has scrolled; the first screen's first.
  const hold = () => {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    return { held, release };
  };
  const first = hold();
  const rest = hold();
  const asked = new Set();
  await page.route(PART, async (route) => {
    asked.add(route.request().url());
    await (asked.size === 1 || route.request().url() === [...asked][0] ? first.held : rest.held);
    await route.continue().catch(() => {});
  });
  await page.goto(server.url, { waitUntil: "domcontentloaded" });
  // The app has started (it asks for a first screen's texts) but waits for them.
  await page.waitForFunction(() => document.querySelectorAll(".doc-card").length >= 50);
  for (let i = 0; i < 100 && asked.size === 0; i++) await page.waitForTimeout(50);
  assert.equal(asked.size, 1);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-ready")), false);
  // The reader scrolls the pre-rendered list down to its 40th card: its text is asked for.
  await page.evaluate(() => document.querySelectorAll(".doc-card")[39].scrollIntoView({ block: "start", behavior: "instant" }));
  await page.evaluate(() => scrollBy({ top: -30, behavior: "instant" }));
  for (let i = 0; i < 100 && asked.size < 2; i++) await page.waitForTimeout(50);
  assert.ok(asked.size >= 2, `parts asked: ${asked.size}`);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-ready")), false, "asked before the app took over");
  // What the reader sees, once the browser has laid the page out around it.
  await page.waitForTimeout(200);
  const reading = await topCard();
  // With the first screen's texts in, the app still waits for those of the cards on screen.
  first.release();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-ready")), false, "waits for the texts on screen");
  rest.release();
  await waitForApp(page);
  // The app's page shows the same cards where they were (its cards need not have the
  // pre-rendered ones' heights: the scroll position alone would show others)...
  const now = await topCard();
  assert.equal(now.doc, reading.doc);
  assert.ok(Math.abs(now.top - reading.top) <= 1, `${now.top} against ${reading.top}`);
  const pendingOnScreen = await page.$$eval(".text-pending", (els) =>
    els.filter((e) => {
      const box = e.getBoundingClientRect();
      return box.bottom > 0 && box.top < innerHeight;
    }).length,
  );
  assert.equal(pendingOnScreen, 0, "no card on screen waits for its text");
  assert.deepEqual(problems, []);
  await context.close();
});

test("show more by keyboard on a phone: focus on the first new item, which the page brings into view", async () => {
  const { page, problems, context } = await phonePage();
  await page.goto(`${server.url}?view=passages`);
  await waitForApp(page);
  // The button has focus, but the reader has scrolled back up with a finger or the wheel.
  const more = page.locator('[data-action="more"]');
  await more.evaluate((b) => b.scrollIntoView({ block: "end", behavior: "instant" }));
  await more.focus({ preventScroll: true });
  await page.evaluate(() => scrollBy({ top: -1500, behavior: "instant" }));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.closest("li") === document.querySelectorAll("#results-panel ol > li")[50]);
  // (Scrolling may be smooth: until it stops.)
  const focused = () =>
    page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    });
  let box = await focused();
  for (let i = 0, last = null; i < 40 && last !== box.top; i++) {
    last = box.top;
    await page.waitForTimeout(100);
    box = await focused();
  }
  assert.ok(box.top >= 0 && box.bottom <= box.height, `focus at ${box.top}–${box.bottom} of ${box.height}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("End on a phone reaches the end of a long list at once: the room kept for unseen items is close to their size", async () => {
  const { page, problems, context } = await phonePage();
  for (const view of ["", "?view=passages"]) {
    await page.goto(`${server.url}${view}`);
    await waitForApp(page);
    await page.keyboard.press("End");
    // Until the page stops moving: scrolling may be smooth, and texts arrive.
    let last = null;
    for (let i = 0; i < 50; i++) {
      await page.waitForTimeout(150);
      const now = await page.evaluate(() => `${scrollY}/${document.documentElement.scrollHeight}`);
      if (now === last) break;
      last = now;
    }
    const end = await page.evaluate(() => {
      const items = document.querySelectorAll("#results-panel ol > li");
      const box = items[items.length - 1].getBoundingClientRect();
      return { items: items.length, top: Math.round(box.top), bottom: Math.round(box.bottom), height: innerHeight };
    });
    assert.equal(end.items, 50, `${view}: the list's first page`);
    assert.ok(end.top < end.height && end.bottom > 0, `${view}: the last item is on screen after one End (${JSON.stringify(end)})`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a filtered view reloaded where it was scrolled stays there (the hidden pre-rendered list is not the one read)", async () => {
  const { page, problems, context } = await phonePage();
  await page.goto(server.url);
  await waitForApp(page);
  // The sector with the most documents, short of all of them: a long list, not the default one.
  const sectors = await page.$$eval('[data-facet="sector"]', (els) =>
    els.map((e) => [e.dataset.value, Number(e.querySelector(".count")?.textContent)]).sort((a, b) => b[1] - a[1]),
  );
  const [sector, n] = sectors.find(([, n]) => n < 5 * SCALE && n >= 25);
  await page.goto(`${server.url}?sector=${sector}`);
  await waitForApp(page);
  assert.equal(await page.locator(".doc-card").count(), Math.min(n, 50));
  await readThrough(page);
  await page.evaluate(() => scrollTo({ top: 2000, behavior: "instant" }));
  await page.waitForTimeout(200);
  const before = await page.evaluate(() => scrollY);
  // The app held back a moment, so that the browser puts the scroll back on the pre-rendered
  // page (the default list, hidden while the filters are applied) before the app takes over.
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue().catch(() => {});
  });
  await page.reload();
  await waitForApp(page);
  // (The browser's own restoring may be animated: until it stops.)
  let now = -1;
  for (let i = 0; i < 40 && now !== (now = await page.evaluate(() => scrollY)); i++) await page.waitForTimeout(100);
  assert.ok(Math.abs(now - before) <= 1, `scrolled to ${before}, then ${now}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a document whose text comes late shows that it is loading, then its text scrolled to the linked passage", async () => {
  const doc = readdirSync(join(work, "seeds")).filter((f) => f.endsWith(".txt")).sort().at(-1).replace(/\.txt$/, "");
  const first = await openWatchedPage(browser, { origin: new URL(server.url).origin });
  await first.page.goto(`${server.url}?doc=${doc}`);
  await waitForApp(first.page);
  const last = (await first.page.locator(".reader-text .passage").count()) - 1;
  assert.ok(last >= 5, `${last + 1} passages`);
  await first.context.close();
  // A new context: nothing in its cache.
  const { page, problems, context } = await openWatchedPage(browser, { origin: new URL(server.url).origin });
  // Every part held back past the app's wait for the first view's texts (4 s).
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/texts-[0-9a-f]{16}\.bin$/, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await page.goto(`${server.url}?doc=${doc}&p=${last}`);
  await waitForApp(page, 20000);
  await page.waitForSelector(".reader-text .text-pending");
  assert.match(await page.locator(".reader-text").textContent(), /Chargement du texte…/);
  release();
  await page.waitForSelector(`#passage-${last}.current`);
  await page.waitForFunction((p) => {
    const box = document.getElementById(`passage-${p}`).getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  }, last);
  assert.deepEqual(problems, []);
  await context.close();
});

test("offline after one visit: the worker keeps the texts read, from the browser's cache, and downloads nothing twice", async () => {
  const { page, problems, context } = await openWatchedPage(browser, { origin: new URL(server.url).origin });
  const html = readFileSync(join(work, "site", "index.html"), "utf8");
  const preloaded = [...html.matchAll(/href=\.\/(texts-[0-9a-f]{16}\.bin) rel=preload data-part/g)].map((m) => m[1]);
  const all = readdirSync(join(work, "site")).filter((f) => PART.test(f));
  const cached = () =>
    page.evaluate(async () => {
      const name = (await caches.keys()).find((k) => k.startsWith("mali-russie-explorer "));
      const keys = name ? await (await caches.open(name)).keys() : [];
      return keys.map((r) => r.url.split("/").pop()).filter((n) => /^texts-/.test(n)).sort();
    });
  const asked = server.requests.length;
  const read = new Set();
  page.on("request", (r) => PART.test(r.url()) && read.add(r.url().split("/").pop()));
  await page.goto(server.url);
  await waitForApp(page);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === "activated");
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  // Installed with the page's files and the parts read so far (the first screen's at least),
  // not every part: a visitor does not download texts for the worker.
  const first = await cached();
  assert.ok(preloaded.every((p) => first.includes(p)), `${first}`);
  assert.ok(first.every((p) => read.has(p)) && first.length < all.length, `${first} of ${all}`);
  // The page's files, named by their content, came from the browser's cache, not again from
  // the host: the wasm once, each part once.
  const served = (re) => server.requests.slice(asked).filter((r) => re.test(r)).length;
  assert.equal(served(/_bg\.wasm$/), 1, "the wasm downloaded once");
  // The rest of the list, read: each part kept as it arrives.
  await readThrough(page);
  await page.locator('[data-action="more"]').click();
  await page.waitForFunction((n) => document.querySelectorAll(".doc-card").length === n, 5 * SCALE);
  await readThrough(page);
  await page.waitForFunction(async (n) => {
    const name = (await caches.keys()).find((k) => k.startsWith("mali-russie-explorer "));
    return (await (await caches.open(name)).keys()).filter((r) => /texts-/.test(r.url)).length === n;
  }, all.length);
  for (const part of all) assert.equal(served(new RegExp(part.replace(".", "\\.") + "$")), 1, `${part} downloaded once`);
  // Offline: the page and every text read open again, from the worker's cache.
  await context.setOffline(true);
  const fromWorker = [];
  page.on("response", (r) => PART.test(r.url()) && fromWorker.push(r.fromServiceWorker()));
  await page.reload();
  await waitForApp(page);
  await page.locator('[data-action="more"]').click();
  await page.waitForFunction((n) => document.querySelectorAll(".doc-card").length === n, 5 * SCALE);
  await readThrough(page);
  assert.equal(await page.locator(".text-pending").count(), 0);
  assert.ok(fromWorker.length > 0 && fromWorker.every(Boolean), `parts served by the worker: ${fromWorker}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a search opened in the timeline asks for the texts too: the other views' counts come", async () => {
  const { page, problems, context } = await openWatchedPage(browser, { origin: new URL(server.url).origin, serviceWorkers: "block" });
  await page.goto(`${server.url}?q=coop%C3%A9ration&view=timeline`);
  await waitForApp(page);
  await page.waitForFunction(() => /^\d+$/.test(document.querySelector("#tab-documents .count")?.textContent.trim() ?? ""));
  assert.ok(Number((await page.locator("#tab-documents .count").textContent()).trim()) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});
