import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createContext, runInContext } from "node:vm";
import { gzipSync } from "node:zlib";
import type { Row } from "./types.mjs";

/** A string only Recharts' own code contains: the class of the wrapper it renders around every chart. */
const RECHARTS_MARKER = "recharts-wrapper";
const SURVEY_ROUTE = "/assessments/[cycleId]/[managerId]";
const SURVEY_BUDGET_KB = 150;

export interface RouteBundle {
  route: string;
  files: string[];
  gzipKB: number;
  recharts: boolean;
}

/** Client-reference manifests are scripts that assign to a global; run them in a sandbox to read them. */
function clientManifest(file: string): Record<string, { entryJSFiles: Record<string, string[]> }> {
  const sandbox: { self?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
  sandbox.self = sandbox;
  runInContext(readFileSync(file, "utf8"), createContext(sandbox));
  return sandbox.__RSC_MANIFEST ?? {};
}

function findManifests(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return findManifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/** "/(app)/report/[cycle]/page" → "/report/[cycle]": the URL pattern, without route groups. */
const routeOf = (entry: string) => entry.replace(/\/page$/, "").replace(/\/\([^/]+\)/g, "") || "/";

/**
 * First-load JavaScript per page route, gzipped, from the production build's manifests:
 * the framework's root chunks plus every chunk the route's layouts, boundaries and page
 * name. This is what a browser downloads before the page is interactive, on a first visit.
 */
export function routeBundles(buildDir: string): RouteBundle[] {
  const build = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const gzipped = new Map<string, { bytes: number; recharts: boolean }>();
  const sizeOf = (file: string) => {
    let known = gzipped.get(file);
    if (!known) {
      const source = readFileSync(path.join(buildDir, file));
      known = { bytes: gzipSync(source, { level: 9 }).length, recharts: source.includes(RECHARTS_MARKER) };
      gzipped.set(file, known);
    }
    return known;
  };
  return findManifests(path.join(buildDir, "server", "app"))
    .flatMap((file) => Object.entries(clientManifest(file)))
    .filter(([entry]) => !entry.startsWith("/_"))
    .map(([entry, manifest]) => {
      const files = [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])];
      const sizes = files.map(sizeOf);
      return {
        route: routeOf(entry),
        files,
        gzipKB: sizes.reduce((total, size) => total + size.bytes, 0) / 1024,
        recharts: sizes.some((size) => size.recharts),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

export function bundleRows(bundles: readonly RouteBundle[]): Row[] {
  const shared = Math.min(...bundles.map((bundle) => bundle.gzipKB));
  return bundles.map((bundle) => {
    const isSurvey = bundle.route === SURVEY_ROUTE;
    return {
      section: "Build: first-load JavaScript per route (gzip)",
      name: bundle.route,
      value: bundle.gzipKB,
      unit: "KB",
      floor: { name: "the smallest route", value: shared },
      ...(isSurvey && {
        target: { text: `≤ ${SURVEY_BUDGET_KB} KB, no Recharts`, met: bundle.gzipKB <= SURVEY_BUDGET_KB && !bundle.recharts },
      }),
      notes: `${bundle.files.length} chunks${bundle.recharts ? ", includes Recharts" : ""}`,
    };
  });
}
