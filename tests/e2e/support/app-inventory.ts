import { readdirSync } from "node:fs";
import path from "node:path";

export interface AppRoutes {
  /** Route patterns of every `page.tsx`, e.g. `/report/[cycle]/[manager]`. */
  pages: string[];
  /** Route patterns of every route handler (`route.ts`). */
  handlers: string[];
}

const PAGE = /^page\.(tsx|ts|jsx|js|mdx)$/;
const HANDLER = /^route\.(ts|js)$/;

/** The URL pattern of a folder under app/: route groups `(name)` add nothing to the URL. */
function pattern(segments: string[]) {
  return `/${segments.filter((segment) => !/^\(.+\)$/.test(segment)).join("/")}`;
}

/** Every page and route handler in the app directory, as the file-system router sees them. */
export function discoverRoutes(appDir = path.join(process.cwd(), "app")): AppRoutes {
  const routes: AppRoutes = { pages: [], handlers: [] };
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // Folders starting with _ are private: never routes.
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(path.join(dir, entry.name), [...segments, entry.name]);
      else if (PAGE.test(entry.name)) routes.pages.push(pattern(segments));
      else if (HANDLER.test(entry.name)) routes.handlers.push(pattern(segments));
    }
  };
  walk(appDir, []);
  return { pages: routes.pages.sort(), handlers: routes.handlers.sort() };
}

/** Names on each side that the other lacks: a table of expectations must list exactly what the app has. */
export function tableMismatches(kind: string, found: string[], table: Record<string, unknown>): string[] {
  return [
    ...found.filter((key) => !(key in table)).map((key) => `${kind} ${key} has no row`),
    ...Object.keys(table)
      .filter((key) => !found.includes(key))
      .map((key) => `there is a row for ${kind} ${key}, which the app no longer has`),
  ];
}
