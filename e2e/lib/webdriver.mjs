// Firefox and WebKit over WebDriver: starts the drivers (and a virtual display for WebKit)
// on loopback, opens sessions with selenium-webdriver, and stops everything afterwards.
// Playwright's own Firefox and WebKit builds cannot be downloaded here; Debian's can be driven.
import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { join } from "node:path";
import { Builder, By } from "selenium-webdriver";

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until a WebDriver server answers /status. */
async function waitForDriver(url, child, name) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${name} did not start on ${url}`);
}

/** The MiniBrowser that the WebKitGTK library package installs (found with dpkg -L). */
export function miniBrowserPath() {
  const packages = execFileSync("dpkg-query", ["-W", "-f", "${db:Status-Abbrev} ${Package}\\n", "libwebkit2gtk-*"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  })
    .split("\n")
    .filter((line) => line.startsWith("ii"))
    .map((line) => line.split(" ").pop());
  for (const pkg of packages) {
    let files = "";
    try {
      files = execFileSync("dpkg", ["-L", pkg], { encoding: "utf8" });
    } catch {
      continue;
    }
    const found = files.split("\n").find((f) => f.endsWith("/MiniBrowser") && existsSync(f));
    if (found) return found;
  }
  throw new Error("MiniBrowser not found: is the WebKitGTK library package installed?");
}

function which(name, extra = []) {
  for (const dir of [...extra, ...(process.env.PATH ?? "").split(":")]) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  throw new Error(`${name} not found on PATH`);
}

/**
 * Starts a browser session.
 * @param {"firefox" | "webkit"} engine
 * @returns {Promise<{driver: import('selenium-webdriver').WebDriver, version: string, stop: () => Promise<void>}>}
 */
export async function startBrowser(engine) {
  const children = [];
  const stopChildren = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        for (let i = 0; i < 20 && child.exitCode === null; i++) await sleep(50);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
    }
  };
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let capabilities;
    let env = process.env;
    if (engine === "firefox") {
      const driver = spawn(which("geckodriver", [join(homedir(), ".cargo", "bin")]), ["--host", "127.0.0.1", "--port", String(port)], {
        stdio: "ignore",
      });
      children.push(driver);
      await waitForDriver(url, driver, "geckodriver");
      capabilities = {
        browserName: "firefox",
        "moz:firefoxOptions": { binary: which("firefox-esr"), args: ["-headless"], prefs: { "network.dns.disableIPv6": true } },
      };
    } else {
      // WebKitGTK needs a display: a virtual one. Xvfb picks a free number itself and writes it
      // on its standard output (-displayfd): two browsers at once, or a display left by an
      // earlier run, never collide.
      const xvfb = spawn(which("Xvfb"), ["-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp"], {
        stdio: ["ignore", "pipe", "ignore"],
      });
      children.push(xvfb);
      const number = await new Promise((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error("Xvfb gave no display number")), 10000);
        xvfb.stdout.on("data", (chunk) => {
          out += chunk;
          if (out.includes("\n")) {
            clearTimeout(timer);
            resolve(out.trim());
          }
        });
        xvfb.on("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`Xvfb exited with code ${code}`));
        });
      });
      env = { ...process.env, DISPLAY: `:${number}` };
      const driver = spawn(which("WebKitWebDriver"), [`--host=127.0.0.1`, `--port=${port}`], { stdio: "ignore", env });
      children.push(driver);
      await waitForDriver(url, driver, "WebKitWebDriver");
      capabilities = {
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: miniBrowserPath(), args: ["--automation"] },
      };
    }
    const driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
    // A desktop-sized window: below 52rem the filters become a drawer.
    await driver.manage().window().setRect({ width: 1280, height: 900 });
    const caps = await driver.getCapabilities();
    const version = `${caps.get("browserName")} ${caps.get("browserVersion")}`;
    return {
      driver,
      version,
      stop: async () => {
        try {
          await driver.quit();
        } finally {
          await stopChildren();
        }
      },
    };
  } catch (error) {
    await stopChildren();
    throw error;
  }
}

/**
 * Clicks the export button `action` ("export-csv", "export-json") and returns the text of the
 * file the page built, in this engine. The blob is captured and the download itself (a dialog
 * in some drivers) is not started: downloads are left to the Chromium suite.
 * @param {import('selenium-webdriver').WebDriver} driver
 * @param {string} action
 * @param {number} timeout
 */
export async function exportedText(driver, action, timeout) {
  await driver.executeScript(`
    window.__exported = [];
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => { blob.text().then((t) => window.__exported.push(t)); return make(blob); };
    HTMLAnchorElement.prototype.click = function () {};
  `);
  await driver.findElement(By.css(`[data-action="${action}"]`)).click();
  await driver.wait(() => driver.executeScript("return window.__exported.length === 1"), timeout);
  return driver.executeScript("return window.__exported[0]");
}

/**
 * Scrolls `element` to the middle of its scrolling box at once, then clicks it. Not every
 * driver scrolls nested containers (the filter panel), and the page scrolls smoothly: a click
 * during the animation would land where the element was.
 * @param {import('selenium-webdriver').WebDriver} driver
 * @param {import('selenium-webdriver').WebElement} element
 */
export async function clickInView(driver, element) {
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' })", element);
  await element.click();
}
