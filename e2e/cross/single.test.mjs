// The single-file edition in Firefox and WebKit, opened from a disk (file://): it starts,
// filters on a click and writes the view into the address, switches views, opens the reader,
// builds a CSV export, and the address reopens the same view in a new session.
import { test, after, before, describe } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { By, until } from "selenium-webdriver";
import { clickInView, exportedText, startBrowser } from "../lib/webdriver.mjs";
import { DIST, seedStems } from "../lib/corpus.mjs";

const TIMEOUT = 20000;
const FILE_URL = pathToFileURL(join(DIST, "mali-russie-explorer.html")).href;
const docIds = (driver) =>
  driver.executeScript("return [...document.querySelectorAll('[data-doc].doc-card')].map((e) => e.dataset.doc)");
const query = async (driver, name) => new URL(await driver.getCurrentUrl()).searchParams.get(name);

for (const engine of ["firefox", "webkit"]) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await startBrowser(engine);
    });
    after(async () => browser?.stop());

    test(`${engine}: the single file from a disk filters, switches views, opens the reader, exports, and its address reopens the view`, async () => {
      const { driver } = browser;
      await driver.get(FILE_URL);
      await driver.wait(until.elementsLocated(By.css("html[data-ready] [data-doc].doc-card")), TIMEOUT);
      assert.deepEqual(await docIds(driver), seedStems());
      assert.equal((await driver.findElements(By.css("#fatal, .boot.fatal"))).length, 0);

      const facet = await driver.findElement(By.css('[data-facet="sector"][data-value="mining"]'));
      const expected = Number(await facet.getAttribute("data-count"));
      await clickInView(driver, facet);
      await driver.wait(async () => (await query(driver, "sector")) === "mining", TIMEOUT);
      await driver.wait(async () => (await docIds(driver)).length === expected, TIMEOUT);
      const filtered = await docIds(driver);
      assert.ok(filtered.length > 0 && filtered.length < seedStems().length);

      await driver.findElement(By.css('[data-view="timeline"]')).click();
      await driver.wait(async () => (await query(driver, "view")) === "timeline", TIMEOUT);
      await driver.wait(until.elementsLocated(By.css("[data-event]")), TIMEOUT);
      const events = await driver.executeScript("return [...document.querySelectorAll('[data-event]')].map((e) => e.dataset.event)");
      const shared = await driver.getCurrentUrl();
      assert.ok(shared.startsWith(FILE_URL + "?"), shared);

      // Back returns to the documents, still filtered.
      await driver.navigate().back();
      await driver.wait(async () => (await query(driver, "view")) === null, TIMEOUT);
      await driver.wait(async () => (await docIds(driver)).length === filtered.length, TIMEOUT);
      await driver.findElement(By.css("[data-doc].doc-card h2 a")).click();
      await driver.wait(until.elementLocated(By.css("[data-reader] .reader-text")), TIMEOUT);

      // The CSV is built in this engine.
      await driver.navigate().back();
      await driver.wait(async () => (await driver.findElements(By.css("[data-reader]"))).length === 0, TIMEOUT);
      const csv = await exportedText(driver, "export-csv", TIMEOUT);
      for (const id of filtered) assert.ok(csv.includes(`\ndocument,${id},`), `the CSV lists ${id}`);

      // A new session opening the address sees the same view.
      const other = await startBrowser(engine);
      try {
        await other.driver.get(shared);
        await other.driver.wait(until.elementsLocated(By.css("[data-event]")), TIMEOUT);
        const again = await other.driver.executeScript("return [...document.querySelectorAll('[data-event]')].map((e) => e.dataset.event)");
        assert.deepEqual(again, events);
      } finally {
        await other.stop();
      }
    });
  });
}
