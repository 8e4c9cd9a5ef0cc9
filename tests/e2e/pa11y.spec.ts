import { existsSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import pa11y from "pa11y";
import { expect, test, type Role } from "./fixtures";

/**
 * pa11y with HTML_CodeSniffer at WCAG 2 AA, a second opinion beside axe: it checks table
 * header associations and forms' submit controls, which axe leaves alone. It runs its own
 * Chromium (through Puppeteer), signed in with the session of the page that found the URL.
 */
const bundled = chromium.executablePath();
const executablePath = existsSync(bundled) ? bundled : "/usr/bin/chromium";

async function codeSnifferErrors(page: Page) {
  const cookies = await page.context().cookies();
  const results = await pa11y(page.url(), {
    standard: "WCAG2AA",
    runners: ["htmlcs"],
    headers: { Cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
    chromeLaunchConfig: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    },
    timeout: 60_000,
  });
  return results.issues.filter((issue) => issue.type === "error").map((issue) => `${issue.code} ${issue.selector}: ${issue.message}`);
}

/** The six pages people spend their time on, each reached the way its person reaches it. */
const MAIN_PAGES: { name: string; role: Role | null; open: (page: Page) => Promise<void> }[] = [
  { name: "sign-in", role: null, open: async (page) => void (await page.goto("/login")) },
  { name: "rep home", role: "rep", open: async (page) => void (await page.goto("/")) },
  {
    name: "survey",
    role: "rep",
    open: async (page) => {
      await page.goto("/");
      await page
        .getByRole("link", { name: /^Rate / })
        .first()
        .click();
      await expect(page).toHaveURL(/\/assessments\//);
    },
  },
  { name: "manager report", role: "manager", open: async (page) => void (await page.goto("/report")) },
  { name: "teams", role: "director", open: async (page) => void (await page.goto("/teams")) },
  { name: "cycles", role: "admin", open: async (page) => void (await page.goto("/admin/cycles")) },
];

for (const { name, role, open } of MAIN_PAGES) {
  test(`pa11y (HTML_CodeSniffer, WCAG 2 AA) finds no error on the ${name} page`, async ({ page, signedInAs }) => {
    test.setTimeout(120_000);
    if (role) await signedInAs(role);
    await open(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await codeSnifferErrors(page)).toEqual([]);
  });
}
