// Launches Debian's Chromium through playwright-core (Playwright's own browser downloads
// cannot work here), and records what a page does wrong: console errors, uncaught
// exceptions, and any request that leaves the page's origin.
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * Opens a page that watches itself.
 * @returns {Promise<{page: import('playwright-core').Page, problems: string[], foreign: string[], context: any}>}
 */
export async function openWatchedPage(
  browser,
  { origin, viewport = { width: 1280, height: 900 }, colorScheme = "light", serviceWorkers = "allow" } = {},
) {
  const context = await browser.newContext({ viewport, colorScheme, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  const foreign = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("request", (req) => {
    const url = req.url();
    if (origin && !url.startsWith(origin) && !url.startsWith("data:")) foreign.push(url);
  });
  return { page, context, problems, foreign };
}

/** Waits until the app has mounted (the document list is rendered) or a fatal notice shows. */
export async function waitForApp(page, timeout = 15000) {
  // Not "[data-doc]": the pre-rendered first view lists the documents before the app runs.
  await page.waitForSelector("html[data-ready], #fatal, .boot.fatal", { state: "attached", timeout });
}

/** Waits until focus is on a link to `href` (where focus returns after a dialog closes). */
export function waitForFocusOn(page, href) {
  return page.waitForFunction((h) => document.activeElement?.getAttribute("href") === h, href);
}

/** Closes the reader with Escape, as a keyboard user does. */
export async function escapeReader(page) {
  await page.keyboard.press("Escape");
  await page.waitForSelector("[data-reader]", { state: "detached" });
}
