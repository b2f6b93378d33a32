// The same smoke suite in Firefox and in WebKit (Safari's engine), against dist/ served under
// a subpath: the app starts, lists the documents, filters on a click and writes the URL, the
// URL reproduces the view in a new session, Back works, the timeline and the reader open, the
// network draws and the JSON export is built with the filtered documents.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { By, until } from "selenium-webdriver";
import { startServer } from "../lib/server.mjs";
import { clickInView, exportedText, startBrowser } from "../lib/webdriver.mjs";
import { DIST, seedStems } from "../lib/corpus.mjs";

const TIMEOUT = 20000;
let server;

before(async () => {
  server = await startServer({ root: DIST });
});
after(async () => server?.close());

const docIds = (driver) =>
  driver.executeScript("return [...document.querySelectorAll('[data-doc].doc-card')].map((e) => e.dataset.doc)");
const search = async (driver) => new URL(await driver.getCurrentUrl()).search;

for (const engine of ["firefox", "webkit"]) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await startBrowser(engine);
      console.log(`browser: ${browser.version}`);
    });
    after(async () => browser?.stop());

    test(`${engine}: the app starts under /explorer/ and lists every document`, async () => {
      const { driver } = browser;
      await driver.get(server.url);
      await driver.wait(until.elementsLocated(By.css("html[data-ready] [data-doc].doc-card")), TIMEOUT);
      assert.deepEqual(await docIds(driver), seedStems());
      assert.equal((await driver.findElements(By.css("#fatal, .boot.fatal"))).length, 0);
    });

    test(`${engine}: a facet click filters, writes the URL, and the URL reproduces the view; Back works`, async () => {
      const { driver } = browser;
      await driver.get(server.url);
      await driver.wait(until.elementsLocated(By.css('html[data-ready] [data-facet="sector"][data-value="space"]')), TIMEOUT);
      const link = await driver.findElement(By.css('[data-facet="sector"][data-value="space"]'));
      const expected = Number(await link.getAttribute("data-count"));
      await clickInView(driver, link);
      await driver.wait(async () => (await search(driver)).includes("sector=space"), TIMEOUT, "the click writes sector=space");
      await driver.wait(async () => (await docIds(driver)).length === expected, TIMEOUT, `the click shows ${expected} documents`);
      const filtered = await docIds(driver);
      assert.ok(filtered.length > 0 && filtered.length < seedStems().length);
      const shared = await driver.getCurrentUrl();

      // A new session opening the link sees the same documents.
      const other = await startBrowser(engine);
      try {
        await other.driver.get(shared);
        await other.driver.wait(async () => (await docIds(other.driver)).length === filtered.length, TIMEOUT);
        assert.deepEqual(await docIds(other.driver), filtered);
      } finally {
        await other.stop();
      }

      await driver.navigate().back();
      await driver.wait(async () => !(await search(driver)).includes("sector="), TIMEOUT);
      await driver.wait(async () => (await docIds(driver)).length === seedStems().length, TIMEOUT);
    });

    test(`${engine}: the timeline and the reader open from links`, async () => {
      const { driver } = browser;
      await driver.get(`${server.url}?view=timeline&actor=sergei-tsivilev`);
      await driver.wait(until.elementsLocated(By.css("[data-event]")), TIMEOUT);
      const dates = await driver.executeScript("return [...document.querySelectorAll('[data-event]')].map((e) => e.dataset.date)");
      assert.ok(dates.includes("2025-07-29"), JSON.stringify(dates));
      await driver.get(`${server.url}?doc=000_194bb33a507fa3a4&p=3`);
      await driver.wait(until.elementLocated(By.css('[data-reader="000_194bb33a507fa3a4"] .passage.current')), TIMEOUT);
    });

    // Firefox writes the expected format ("jj/mm/aaaa") in an empty field, which reads as empty;
    // WebKit wrote today's date, which reads as a filter set.
    test(`${engine}: an empty date field draws no date`, { skip: engine !== "webkit" && "Firefox shows its format, not a date" }, async () => {
      const { driver } = browser;
      await driver.get(server.url);
      await driver.wait(until.elementsLocated(By.css('html[data-ready] [data-date-input="from"]')), TIMEOUT);
      const input = await driver.findElement(By.css('[data-date-input="from"]'));
      assert.equal(await input.getAttribute("class"), "date-empty");
      // Hiding the field's text by force must change nothing on screen.
      // The whole window (element screenshots come out black in WebKitGTK here).
      await driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
      const drawn = await driver.takeScreenshot();
      await driver.executeScript(`const s = document.querySelector('[data-date-input="from"]').style;
        s.color = 'transparent'; s.setProperty('-webkit-text-fill-color', 'transparent');`);
      // Two frames later, the change is on screen.
      await driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
      const hidden = await driver.takeScreenshot();
      assert.equal(drawn.length > 0, true);
      assert.equal(drawn === hidden, true, "nothing drawn in an empty date field");
    });

    test(`${engine}: the network draws, and the JSON export holds the filtered documents`, async () => {
      const { driver } = browser;
      await driver.get(`${server.url}?view=network&sector=energy`);
      await driver.wait(until.elementsLocated(By.css(".network-svg [data-node]")), TIMEOUT);
      const nodes = await driver.executeScript("return document.querySelectorAll('[data-node]').length");
      const counted = await driver.executeScript("return Number(document.querySelector('[data-view=network] .count').textContent)");
      assert.equal(nodes, counted);
      await driver.get(`${server.url}?sector=energy`);
      await driver.wait(until.elementsLocated(By.css("html[data-ready] [data-doc].doc-card")), TIMEOUT);
      const exported = JSON.parse(await exportedText(driver, "export-json", TIMEOUT));
      assert.deepEqual(exported.documents.map((d) => d.id), await docIds(driver));
      assert.equal(exported.permalink, await driver.getCurrentUrl());
    });
  });
}
