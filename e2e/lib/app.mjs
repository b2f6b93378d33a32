// The setup every Chromium test file shares: one browser and one static server for the file,
// and `open(query)`, a watched page at that view of the app once it has rendered its tabs.
import { before, after } from "node:test";
import { startServer } from "./server.mjs";
import { launchChromium, openWatchedPage } from "./browser.mjs";
import { DIST } from "./corpus.mjs";

export function serveApp() {
  let browser;
  let server;
  before(async () => {
    browser = await launchChromium();
    server = await startServer({ root: DIST });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    /** Opens `query` in a fresh context; `options`: viewport, colorScheme. */
    async open(query = "", options = {}) {
      const watched = await openWatchedPage(browser, { origin: new URL(server.url).origin, ...options });
      await watched.page.goto(server.url + query);
      // The app's tabs, not those of the first view pre-rendered in the HTML.
      await watched.page.waitForSelector("html[data-ready] .tabs");
      return watched;
    },
    url: () => server.url,
    browser: () => browser,
  };
}
