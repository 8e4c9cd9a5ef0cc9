import { readFileSync } from "node:fs";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs, run on real files of the repository with one
// offending line added: each is refused, and the files as they are pass.
const eslint = new ESLint();

async function layerErrors(filePath: string, text: string) {
  const [result] = await eslint.lintText(text, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === "no-restricted-imports" || message.ruleId === "no-restricted-syntax")
    .map((message) => message.message);
}

const withLine = (filePath: string, line: string) => `${line}\n${readFileSync(filePath, "utf8")}`;

describe("the layers", { timeout: 60_000 }, () => {
  it("pass as they are", async () => {
    for (const filePath of ["app/(app)/page.tsx", "db/raw.ts", "server/mail.ts", "server/internal/cycles/close.ts"]) {
      expect(await layerErrors(filePath, readFileSync(filePath, "utf8")), filePath).toEqual([]);
    }
  });

  it("refuse a page that reaches the database or an unchecked building block", async () => {
    expect(await layerErrors("app/(app)/page.tsx", withLine("app/(app)/page.tsx", 'import { openPglite } from "@/db/client";'))).toEqual([
      expect.stringContaining("'@/db/client' import is restricted"),
    ]);
    expect(await layerErrors("app/(app)/page.tsx", withLine("app/(app)/page.tsx", 'import { closeCycle } from "@/server/internal/cycles/close";'))).toEqual([
      expect.stringContaining("server/internal holds unchecked building blocks"),
    ]);
  });

  it("refuse db/ importing the server, and a building block calling the checked layer", async () => {
    expect(await layerErrors("db/raw.ts", withLine("db/raw.ts", 'import { env } from "@/server/env";'))).toEqual([
      expect.stringContaining("db/ is the bottom layer"),
    ]);
    expect(
      await layerErrors("server/internal/cycles/close.ts", withLine("server/internal/cycles/close.ts", 'import { requireAdmin } from "@/server/dal/errors";')),
    ).not.toEqual([]);
  });

  it("refuse a server module that does not start with server-only", async () => {
    const withoutServerOnly = readFileSync("server/mail.ts", "utf8").replace('import "server-only";\n', "");
    expect(await layerErrors("server/mail.ts", withoutServerOnly)).toEqual([expect.stringContaining('starts with `import "server-only";`')]);
  });
});
