import { describe, expect, it } from "vitest";
import { formatDay } from "@/lib/dates";

describe("formatDay", () => {
  it("writes a calendar day in words, whatever the machine's time zone", () => {
    expect(formatDay("2026-12-04")).toBe("4 Dec 2026");
    expect(formatDay("2027-01-01")).toBe("1 Jan 2027");
  });
});
