// The keyboard and the charts, as a first-time user finds them: the reader is a dialog, facet
// values are checkboxes, tabs and the histogram take arrow keys, the first filter is a few
// Tab presses away, and every day of a month fits the histogram.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveApp } from "../lib/app.mjs";
import { escapeReader, waitForFocusOn } from "../lib/browser.mjs";

const app = serveApp();
const open = app.open;
const active = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return { id: a.id, tag: a.tagName, href: a.getAttribute("href"), inDialog: !!a.closest("[role=dialog]"), role: a.getAttribute("role") };
  });

test("the reader is a dialog: focus moves in, Tab stays in, Escape closes, focus returns to the opener", async () => {
  const { page, problems, context } = await open();
  const opener = page.locator('[data-doc="002_054c372ceee383ed"] h2 a');
  const href = await opener.getAttribute("href");
  await opener.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector('[data-reader="002_054c372ceee383ed"]');
  await page.waitForFunction(() => document.activeElement?.id === "reader-title");
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(i % 7 === 6 ? "Shift+Tab" : "Tab");
    assert.ok((await active(page)).inDialog, `focus left the dialog after ${i + 1} presses`);
  }
  // The close button stays in view while the text scrolls.
  await page.$eval(".reader", (r) => r.scrollTo(0, r.scrollHeight));
  await page.$eval("[role=dialog]", (d) => d.scrollTo?.(0, d.scrollHeight));
  const close = await page.locator(".reader-close").boundingBox();
  assert.ok(close && close.y >= 0 && close.y + close.height <= 900, JSON.stringify(close));
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector("[role=dialog]"));
  await waitForFocusOn(page, href);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a document opened from a profile: focus to its title, then back to the link in the profile, then to the profile's opener", async () => {
  const { page, problems, context } = await open("?actor=rosatom");
  // A profile opened from the page: the actor's tag on a card that matches it.
  const profileLink = page.locator('.doc-card a.tag[href*="entity=actor.rosatom"]').first();
  const profileHref = await profileLink.getAttribute("href");
  await profileLink.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-entity]");
  await page.waitForFunction(() => document.activeElement?.id === "reader-title");
  // A document the profile cites, by keyboard: focus on its title; Escape, and focus is back
  // on its link in the profile.
  const throughDocument = async () => {
    const link = page.locator('[data-entity] a[href*="doc="]').first();
    const href = await link.getAttribute("href");
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-reader]");
    await page.waitForFunction(() => document.activeElement?.id === "reader-title" && !!document.activeElement.closest("[data-reader]"));
    await escapeReader(page);
    await waitForFocusOn(page, href);
  };
  await throughDocument();
  assert.ok((await active(page)).inDialog, "focus is in the profile again");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector("[role=dialog]"));
  await waitForFocusOn(page, profileHref);
  // A profile opened by a link from outside (a bookmark): the same way back from its document.
  await page.goto(`${app.url()}?entity=actor.rosatom`);
  await page.waitForSelector("html[data-ready] [data-entity]");
  // Opened by a link, the dialog has focus, as opened by a click.
  await page.waitForFunction(() => document.activeElement?.id === "reader-title");
  await throughDocument();
  assert.deepEqual(problems, []);
  await context.close();
});

test("facet values are checkboxes that Space toggles, and focus stays on them", async () => {
  const { page, context } = await open();
  const mining = '[data-facet="sector"][data-value="mining"]';
  assert.equal(await page.getAttribute(mining, "role"), "checkbox");
  assert.equal(await page.getAttribute(mining, "aria-checked"), "false");
  await page.focus(mining);
  await page.keyboard.press(" ");
  await page.waitForFunction(() => location.search.includes("sector=mining"));
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("aria-checked") === "true", mining);
  assert.equal((await active(page)).id, "f-sector-mining");
  assert.equal(await page.evaluate(() => scrollY), 0, "Space did not scroll the page");
  await context.close();
});

test("result tabs follow the tabs pattern: one tab stop, arrow keys move between tabs", async () => {
  const { page, context } = await open();
  const stops = await page.$$eval("[role=tab]", (ts) => ts.map((t) => t.getAttribute("tabindex")));
  assert.deepEqual(stops.filter((s) => s === "0").length, 1, `${stops}`);
  await page.focus("#tab-documents");
  await page.keyboard.press("ArrowRight");
  assert.equal((await active(page)).id, "tab-timeline");
  await page.keyboard.press("End");
  assert.equal((await active(page)).id, "tab-compare");
  await page.keyboard.press("ArrowRight");
  assert.equal((await active(page)).id, "tab-documents", "wraps around");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search.includes("view=compare"));
  // After arrow keys moved the tab stop, a view chosen otherwise leaves one tab stop, its own.
  await page.focus("#tab-compare");
  await page.keyboard.press("ArrowLeft");
  await page.click("#tab-timeline");
  await page.waitForFunction(() => location.search.includes("view=timeline"));
  const after = await page.$$eval('[role=tab][tabindex="0"]', (ts) => ts.map((t) => t.id));
  assert.deepEqual(after, ["tab-timeline"]);
  await context.close();
});

test("the first filters are a few Tab presses away; the histogram is one tab stop", async () => {
  const { page, context } = await open();
  const skips = await page.$$eval(".skip-link", (as) => as.map((a) => a.textContent));
  assert.deepEqual(skips, ["Aller aux résultats", "Aller aux filtres"]);
  let presses = 0;
  let search = null;
  let reached = null;
  while (presses < 40) {
    await page.keyboard.press("Tab");
    presses++;
    const a = await active(page);
    if (a.id === "q") search ??= presses;
    if (a.id.startsWith("f-sector-")) {
      reached = a.id;
      break;
    }
  }
  assert.ok(search && search <= 6, `the search box after ${search} presses`);
  // Past the two date inputs (three fields each in Chromium) and the histogram, one stop.
  assert.ok(reached && presses <= 16, `the first sector after ${presses} presses`);
  const bars = await page.$$eval(".histogram [data-roving-item]", (bs) => bs.filter((b) => b.tabIndex === 0).length);
  assert.equal(bars, 1, "one bar is a tab stop");
  // Arrow keys move between bars; Enter selects one.
  await page.focus('.histogram [tabindex="0"]');
  await page.keyboard.press("End");
  const last = await page.evaluate(() => document.activeElement.dataset.bucket);
  assert.equal(last, await page.$$eval(".histogram [data-bucket]", (bs) => bs.at(-1).dataset.bucket));
  await context.close();
});

test("a month's day histogram shows all its days, and the 'before' bar selects what it says", async () => {
  const { page, context } = await open("?from=2025-07-01&to=2025-07-31");
  await page.waitForSelector(".histogram.daily");
  const bars = await page.$$eval(".histogram.daily .bar", (bs) => bs.map((b) => b.dataset.bucket));
  assert.equal(bars.length, 31);
  assert.equal(bars.at(-1), "2025-07-31");
  const fits = await page.$eval(".histogram.daily", (h) => {
    const box = h.getBoundingClientRect();
    return [...h.querySelectorAll(".bar")].every((b) => b.getBoundingClientRect().right <= box.right + 0.5 && b.getBoundingClientRect().width > 0);
  });
  assert.ok(fits, "every day is inside the chart");
  await page.goto(app.url());
  await page.waitForSelector('.histogram [data-bucket="earlier"]');
  const label = await page.getAttribute('.histogram [data-bucket="earlier"]', "aria-label");
  await page.click('.histogram [data-bucket="earlier"]');
  await page.waitForFunction(() => location.search.includes("to="));
  const to = new URL(page.url()).searchParams.get("to");
  const [year, month] = to.split("-").map(Number);
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  const names = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
  assert.match(label, new RegExp(`avant ${names[next[1] - 1]} ${next[0]}`), `${label} / to=${to}`);
  // June's bar, clicked: its articles speak of "juin 2025", no day of it. Every day is empty;
  // the chart says how many results it cannot place, and why.
  await page.goto(app.url());
  assert.equal(await page.$$eval(".facet.dates .hint", (h) => h.length), 1, "every result has its month");
  await page.click('.histogram [data-bucket="2025-06-01"]');
  await page.waitForSelector(".histogram.daily");
  const results = await page.$$eval("[data-doc].doc-card", (cs) => cs.length);
  assert.ok(results > 0);
  assert.deepEqual(await page.$$eval(".histogram.daily .bar", (bs) => [...new Set(bs.map((b) => b.dataset.count))]), ["0"]);
  assert.equal(await page.locator(".facet.dates .hint").last().innerText(), `${results} documents hors des barres (date moins précise que le jour).`);
  // Under bars of days the line keeps its room when every result has its day: a click in the
  // facets below does not move them.
  await page.goto(`${app.url()}?from=2025-07-28&to=2025-07-29`);
  await page.waitForSelector("html[data-ready] .histogram.daily");
  const note = await page.$eval(".hint.unplaced", (p) => ({ text: p.textContent, height: p.getBoundingClientRect().height }));
  assert.equal(note.text, "");
  assert.ok(note.height >= 30, `two lines kept: ${note.height}px`);
  await context.close();
});

test("focus returns to where the user was: a timeline source, a network node, a histogram bar", async () => {
  const { page, problems, context } = await open("?view=timeline");
  // A source link inside a closed "Sources" list of the timeline.
  await page.click('.tl-item[data-event="commission-first-session"] summary');
  const source = page.locator('.tl-item[data-event="commission-first-session"] .tl-sources a').first();
  const href = await source.getAttribute("href");
  await source.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector("[role=dialog]");
  await page.keyboard.press("Escape");
  await waitForFocusOn(page, href);
  // A node of the network (an SVG link).
  await page.goto(app.url() + "?view=network");
  await page.waitForSelector("[data-node]");
  const node = await page.getAttribute("[data-node]", "href");
  await page.focus("[data-node]");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[role=dialog]");
  await page.keyboard.press("Escape");
  await waitForFocusOn(page, node);
  // A bar of the histogram: the chart is rebuilt, focus stays on it.
  await page.goto(app.url());
  await page.focus('.histogram [data-bucket="2025-07-01"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search.includes("from=2025-07"));
  await page.waitForFunction(() => document.activeElement?.closest(".histogram") !== null);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the phone's filter drawer takes focus, keeps Tab inside, closes on Escape and gives focus back", async () => {
  const { page, context } = await open("", { viewport: { width: 375, height: 740 } });
  await page.focus(".filters-toggle");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".filters.open");
  await page.waitForFunction(() => document.activeElement?.classList.contains("filters-close"));
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(i % 9 === 8 ? "Shift+Tab" : "Tab");
    assert.ok(await page.evaluate(() => !!document.activeElement.closest(".filters")), `left the drawer after ${i + 1}`);
  }
  await page.keyboard.press("Escape");
  await page.waitForSelector(".filters:not(.open)", { state: "hidden" });
  await page.waitForFunction(() => document.activeElement?.classList.contains("filters-toggle"));
  // The comparison view fits the phone: only its tables scroll sideways, not the page.
  await page.goto(app.url() + "?view=compare");
  await page.waitForSelector(".fact-grid");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  await context.close();
});

test("the filter panel keeps the user's place: groups as left, focus on the value, scroll when a passage opens", async () => {
  const { page, problems, context } = await open("", { viewport: { width: 1280, height: 700 } });
  // Close one group of actors, keep another open.
  await page.click('details[data-group="niger"] > summary');
  await page.waitForFunction(() => !document.querySelector('details[data-group="niger"]').open);
  const value = '[data-facet="actor"][data-value="moscow"]';
  await page.focus(value);
  await page.keyboard.press(" ");
  await page.waitForFunction(() => location.search.includes("actor=moscow"));
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("aria-checked") === "true", value);
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-actor-moscow", "focus stays on the value");
  assert.equal(await page.evaluate(() => document.querySelector('details[data-group="niger"]').open), false, "a closed group stays closed");
  assert.equal(await page.evaluate(() => document.querySelector('details[data-group="russia"]').open), true, "an open group stays open");
  // Scroll the filter panel, then open a passage: the panel does not move.
  await page.$eval(".filters", (f) => f.scrollTo(0, 400));
  const before = await page.$eval(".filters", (f) => f.scrollTop);
  assert.ok(before > 0);
  await page.$eval('[data-facet="sector"][data-value="energy"]', (a) => (a.dataset.marked = "before"));
  await page.click("[data-doc].doc-card h2 a");
  await page.waitForSelector("[role=dialog]");
  assert.equal(await page.$eval(".filters", (f) => f.scrollTop), before);
  // The panel was not rebuilt at all: the very same elements are there.
  assert.equal(await page.$eval('[data-facet="sector"][data-value="energy"]', (a) => a.dataset.marked), "before");
  assert.deepEqual(problems, []);
  await context.close();
});
