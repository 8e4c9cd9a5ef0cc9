import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect } from "vitest";
import type { ClosedReport } from "@/server/dal/report";

// The app's side of a report: its components rendered to markup, and the markup to the
// texts a reader sees.

const ENTITIES: Record<string, string> = { "&amp;": "&", "&#x27;": "'", "&quot;": '"', "&lt;": "<", "&gt;": ">" };
export const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&[#\w]+;/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();

export const render = (component: FunctionComponent<{ report: ClosedReport }>, report: ClosedReport) =>
  renderToStaticMarkup(createElement(component, { report }));

/** Every table in some markup, as rows of cell texts, header row first. */
export const tablesIn = (html: string): string[][][] =>
  [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map(([table]) =>
    [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => text(cell!))),
  );

/** The cells of every row of the first table in some markup, as the reader sees them. */
export const tableRows = (html: string): string[][] => tablesIn(html)[0] ?? expect.fail("no table in the markup");

export const paragraphsIn = (html: string) => [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map(([, paragraph]) => text(paragraph!));
