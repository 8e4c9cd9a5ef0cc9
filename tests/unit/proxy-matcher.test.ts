import { expect, test } from "vitest";
import { config } from "@/proxy";
import { SESSION_COOKIE_NAMES } from "@/server/auth/config";

// Next.js reads the proxy's matcher without running the module, so it repeats literals
// that live elsewhere; these keep them the same.
test("server actions skip the proxy only with one of the session cookies the proxy looks for", () => {
  const [pages, sessionlessActions] = config.matcher;
  expect(sessionlessActions?.source).toBe(pages?.source);
  expect(sessionlessActions?.has).toEqual([{ type: "header", key: "next-action" }]);
  expect(sessionlessActions?.missing.map((condition) => condition.key)).toEqual([...SESSION_COOKIE_NAMES]);
  expect(pages?.missing).toContainEqual({ type: "header", key: "next-action" });
});
