import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageLinks, pageSpan, spanWords, TEAMS_PAGE_SIZE } from "@/lib/teams/paging";

describe("pageSpan", () => {
  it("finds a page's rows", () => {
    expect(pageSpan(2155, 2, 50)).toEqual({ page: 2, pages: 44, start: 50, end: 100, total: 2155 });
    expect(pageSpan(2155, 44, 50)).toEqual({ page: 44, pages: 44, start: 2150, end: 2155, total: 2155 });
    expect(pageSpan(4, 1, 50)).toEqual({ page: 1, pages: 1, start: 0, end: 4, total: 4 });
  });

  it("reads a page past the last as the last, and an empty table as one empty page", () => {
    expect(pageSpan(120, 9, 50)).toEqual({ page: 3, pages: 3, start: 100, end: 120, total: 120 });
    expect(pageSpan(0, 5, 50)).toEqual({ page: 1, pages: 1, start: 0, end: 0, total: 0 });
    expect(pageSpan(10, 0, 50).page).toBe(1);
  });

  it("puts every row on exactly one page, never more than a page's worth", () => {
    fc.assert(
      fc.property(fc.nat(5_000), fc.integer({ min: 20, max: 500 }), (total, size) => {
        const { pages } = pageSpan(total, 1, size);
        let next = 0;
        for (let page = 1; page <= pages; page++) {
          const span = pageSpan(total, page, size);
          expect(span.start).toBe(next);
          expect(span.end - span.start).toBeLessThanOrEqual(size);
          if (total > 0) expect(span.end).toBeGreaterThan(span.start);
          next = span.end;
        }
        expect(next).toBe(total);
      }),
    );
  });

  it("says where the rows are", () => {
    expect(spanWords(pageSpan(2155, 2, TEAMS_PAGE_SIZE))).toBe(`Teams ${TEAMS_PAGE_SIZE + 1}–${2 * TEAMS_PAGE_SIZE} of 2,155`);
    expect(spanWords(pageSpan(0, 1))).toBe("No teams");
  });
});

describe("pageLinks", () => {
  it("links the first, the last and the pages around this one", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageLinks(6, 200)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 200]);
    expect(pageLinks(4, 200)).toEqual([1, 2, 3, 4, 5, 6, "gap", 200]);
    expect(pageLinks(200, 200)).toEqual([1, "gap", 198, 199, 200]);
  });

  it("lists a bounded number of pages, in order, the current one and both ends included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((pages) => fc.tuple(fc.integer({ min: 1, max: pages }), fc.constant(pages))),
        ([page, pages]) => {
          const links = pageLinks(page, pages);
          const numbers = links.filter((entry): entry is number => entry !== "gap");
          expect(links.length).toBeLessThanOrEqual(9);
          expect(numbers).toContain(page);
          expect(numbers[0]).toBe(1);
          expect(numbers.at(-1)).toBe(pages);
          for (let i = 1; i < links.length; i++) {
            const [before, after] = [links[i - 1], links[i]];
            if (before === "gap" || after === "gap") expect(before).not.toBe(after);
            else expect(after).toBe(before! + 1);
          }
        },
      ),
    );
  });
});
