import { expect, test } from "vitest";
import { config } from "@/proxy";
import { SESSION_COOKIE_NAMES } from "@/server/auth/config";

// Next.js reads the proxy's matcher without running the module, so it repeats literals
// that live elsewhere; these keep them the same.
test("server actions skip the proxy only with one of the session cookies the proxy looks for", () => {
  const [pages, sessionlessActions] = config.matcher;
  expect(sessionlessActions?.source).toBe(pages?.source);
  expect(sessionlessActions?.has).toEqual([{ type: "header", key: "next-action" }]);
  const cookies = sessionlessActions?.missing.filter((condition) => condition.type === "cookie").map((condition) => condition.key);
  expect(cookies).toEqual([...SESSION_COOKIE_NAMES]);
  // Whatever says it prefetches skips the proxy, action or not.
  const prefetches = pages?.missing.filter((condition) => condition.key !== "next-action");
  expect(sessionlessActions?.missing).toEqual(expect.arrayContaining(prefetches ?? []));
  expect(pages?.missing).toContainEqual({ type: "header", key: "next-action" });
});
