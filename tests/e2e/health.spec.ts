import { expect, test } from "@playwright/test";

test("the health check says the embedded database answers, and nothing more", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "pglite" });
});
