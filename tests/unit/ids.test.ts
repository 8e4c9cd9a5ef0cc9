import { describe, expect, it } from "vitest";
import { uuidField, uuidSchema } from "@/lib/ids";

describe("ids", () => {
  it("accepts a UUID and refuses anything else before it can reach a query", () => {
    expect(uuidSchema.safeParse("3ff62b0f-94ff-492a-a5b5-a70e904be333").success).toBe(true);
    for (const forged of ["", "rep", "1 OR 1=1", "'; DROP TABLE people; --", "../../", null, 42]) {
      expect(uuidSchema.safeParse(forged).success, String(forged)).toBe(false);
    }
  });

  it("answers with the form's own message when the id it sent back is not one", () => {
    expect(
      uuidField("Unknown person.")
        .safeParse("*")
        .error?.issues.map((issue) => issue.message),
    ).toEqual(["Unknown person."]);
    expect(
      uuidField("Unknown person.")
        .safeParse(null)
        .error?.issues.map((issue) => issue.message),
    ).toEqual(["Unknown person."]);
  });
});
