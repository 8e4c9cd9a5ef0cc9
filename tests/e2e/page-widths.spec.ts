import type { Page } from "@playwright/test";
import { discoverRoutes } from "./support/app-inventory";
import { expect, ROLES, signIn, test, type Role } from "./fixtures";

/**
 * Every page, as each person reaches it by following links, fits a phone from 360 to 414 px
 * and a 1366 px laptop without scrolling sideways. Wide tables scroll inside their own
 * region; the page itself never does.
 */
const WIDTHS = [
  { width: 360, height: 780 },
  { width: 390, height: 844 },
  { width: 414, height: 896 },
  { width: 1366, height: 900 },
];

/** Pages no link leads to, with the reason; every other page must be reached by some role's links. */
const REACHED_OTHERWISE: Record<string, string> = {
  "/invite/[token]": "opened from an emailed sign-in link (sign-in-link specs)",
  "/assessments/[cycleId]/[managerId]/done": "shown after a submission (survey specs, which check its width at 390 px)",
  "/teams/[cycle]": "the cycle picker's form navigates there (teams spec)",
};

const NOT_PAGES = /\/export(\/|$)|\/api\//;
const PAGES = discoverRoutes().pages;

/** The route a URL path belongs to, preferring the one with the most fixed segments (`/admin/people/import` over `[personId]`). */
function routeOf(pathname: string) {
  const segments = pathname.split("/").filter(Boolean);
  const matching = PAGES.filter((route) => {
    const parts = route.split("/").filter(Boolean);
    return parts.length === segments.length && parts.every((part, i) => part.startsWith("[") || part === segments[i]);
  });
  return matching.sort((a, b) => a.split("[").length - b.split("[").length)[0];
}

/** Follows every link in the page's navigation and main content, once per route. */
async function crawl(page: Page, start: string[]) {
  const reached = new Map<string, string>();
  const queue = [...start];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const route = routeOf(new URL(url, "http://x").pathname);
    if (!route || reached.has(route)) continue;
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(400);
    // Signed out, a page sends you to the sign-in page: a crawl that meets it has lost its session.
    expect(new URL(page.url()).pathname.startsWith("/login") && !url.startsWith("/login"), `${url} went to the sign-in page`).toBe(false);
    reached.set(route, url);
    const links = await page.locator("nav a[href^='/'], main a[href^='/']").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
    queue.push(...links.filter((link) => !NOT_PAGES.test(link) && !link.includes("#")));
  }
  return reached;
}

/** Signs in and waits until the session is there: a page opened sooner goes to the sign-in page. */
async function signInAs(page: Page, role: Role) {
  await signIn(page, ROLES[role]);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const { scrollWidth } = document.documentElement;
    if (scrollWidth <= innerWidth) return null;
    const culprit = [...document.querySelectorAll("body *")].find((element) => element.getBoundingClientRect().right > innerWidth + 1);
    return `${scrollWidth} px wide at ${innerWidth}: ${culprit?.tagName.toLowerCase()}${culprit?.id ? `#${culprit.id}` : ""}`;
  });
}

const roles: (Role | null)[] = [null, ...(Object.keys(ROLES) as Role[])];
const startOf = (role: Role | null) => (role ? ["/"] : ["/login", "/login/forgot"]);

for (const role of roles) {
  test(`every page ${role ? `the ${role}` : "anyone signed out"} reaches fits from 360 to 1366 px without scrolling sideways`, async ({ page }) => {
    test.setTimeout(240_000);
    if (role) await signInAs(page, role);
    const reached = await crawl(page, startOf(role));
    const overflowing: string[] = [];
    for (const viewport of WIDTHS) {
      await page.setViewportSize(viewport);
      for (const [route, url] of reached) {
        await page.goto(url);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const overflow = await sidewaysOverflow(page);
        if (overflow) overflowing.push(`${route}: ${overflow}`);
      }
    }
    expect(overflowing).toEqual([]);
  });
}

test("the links above reach every page of the app, but for those reached by a spec of their own", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const reachedByAnyone = new Set<string>();
  for (const role of roles) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    if (role) await signInAs(page, role);
    for (const route of (await crawl(page, startOf(role))).keys()) reachedByAnyone.add(route);
    await context.close();
  }
  const missing = PAGES.filter((route) => !reachedByAnyone.has(route) && !(route in REACHED_OTHERWISE));
  expect(missing).toEqual([]);
});

test("at 1366 px the summary columns of /teams are on screen without scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAs(page, "director");
  await page.goto("/teams");
  const table = page.getByRole("table").first();
  for (const name of [/Overall balance/, /Versatility/, /Fit to (the )?situation/, /Change/]) {
    const header = table.getByRole("columnheader", { name }).first();
    await expect(header).toBeVisible();
    const box = (await header.boundingBox())!;
    expect(box.x + box.width, `${name}`).toBeLessThanOrEqual(1366);
  }
});
