import { expect, test } from "@playwright/test";

test("the health check says the database answers, and nothing more: not even which database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
  expect(await response.text()).not.toMatch(/pglite|postgres|version/i);
});
