import { DEMO_TEAMS } from "@/server/internal/seed/demo-org";
import { expect, test } from "./fixtures";

test("the icons answer without a session, and every page links one", async ({ page, request }) => {
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /image\/svg\+xml/],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  await page.goto("/login");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
});

test("robots.txt answers without a session and keeps every crawler out of this private app", async ({ request }) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/text\/plain/);
  const lines = (await response.text()).split("\n").map((line) => line.trim());
  expect(lines).toContain("User-Agent: *");
  expect(lines).toContain("Disallow: /");
});

test("the main navigation marks the page shown, and the section a page belongs to", async ({ signedInAs }) => {
  const page = await signedInAs("manager");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "My report" })).not.toHaveAttribute("aria-current", /.*/);
  await nav.getByRole("link", { name: "My report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^${DEMO_TEAMS[0]!.manager}: `));
  await expect(nav.getByRole("link", { name: "My report" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Home" })).not.toHaveAttribute("aria-current", /.*/);
  // A page inside the section: an earlier cycle's report.
  const earlier = page.getByRole("navigation", { name: "Cycles" }).getByRole("link").last();
  await earlier.click();
  await expect(page).toHaveURL(/\/report\/[0-9a-f-]{36}$/);
  await expect(nav.getByRole("link", { name: "My report" })).toHaveAttribute("aria-current", "page");
});
