import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planImport } from "@/lib/org-import";
import { fileHash, readCsv } from "@/server/dal/org-import";

const ADMIN = "admin@org.example";

function read(text: string) {
  const result = readCsv(text);
  if ("error" in result) throw new Error(`unexpected CSV error: ${result.error.message}`);
  return result.records;
}

const planText = (text: string) => {
  const result = readCsv(text);
  if ("error" in result) return { errors: [result.error] };
  return planImport(result.records, [], { importerEmail: ADMIN, mode: "replace" });
};

describe("reading the file", () => {
  it("numbers records by the physical line they start on, across quoted values with line breaks", () => {
    const text = ["email,name,manager_email,admin", `${ADMIN},"The`, `Admin",,true`, `ana@org.example,"Ana`, "", `Silva",${ADMIN},`, "bad-email,Bad,,"].join(
      "\n",
    );
    expect(read(text).map((record) => record.line)).toEqual([1, 2, 4, 7]);
    const result = planText(text);
    expect(result.errors).toEqual([{ line: 7, message: "“bad-email” is not a valid email address." }]);
  });

  it("handles CRLF, CR and LF line ends, a byte-order mark and blank lines", () => {
    const text = `\uFEFFemail,name,manager_email,admin\r\n${ADMIN},Admin,,true\r\rana@org.example,"Ana\r\nSilva",,\nben@org.example,Ben,,maybe`;
    const records = read(text);
    expect(records[0]?.cells[0]).toBe("email");
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 4, 6]);
    expect(planText(text).errors).toEqual([
      { line: 6, message: "“maybe” is not a valid admin value. Use true or false (or yes/no, 1/0), or leave it empty for false." },
    ]);
  });

  it("keeps commas and doubled quotes inside quoted values", () => {
    const [, row] = read(`email,name,manager_email,admin\nana@org.example,"Silva, Ana ""Nan""",,`);
    expect(row?.cells).toEqual(["ana@org.example", 'Silva, Ana "Nan"', "", ""]);
  });

  it("reports a quote that never closes at the line where its record starts", () => {
    const text = `email,name,manager_email,admin\n${ADMIN},Admin,,true\nana@org.example,"Ana,,\nben@org.example,Ben,,\n`;
    expect(readCsv(text)).toEqual({ error: { line: 3, message: "A double quote opened on this line is never closed. Nothing after it was checked." } });
  });

  it("reports a stray quote at the line of its record, after a multi-line value", () => {
    const text = `email,name,manager_email,admin\n${ADMIN},"Ad\nmin",,true\nana@org.example,"Ana"x,,\n`;
    const result = readCsv(text);
    expect(result).toMatchObject({ error: { line: 4 } });
    const opening = readCsv(`email,name,manager_email,admin\nana@org.example,An"a,,\n`);
    expect(opening).toMatchObject({ error: { line: 2 } });
  });

  it("finds line numbers right for any mix of line ends and multi-line values", () => {
    const lineEnd = fc.constantFrom("\n", "\r\n", "\r");
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z ]{0,6}$/),
      fc.tuple(fc.stringMatching(/^[a-z]{0,4}$/), lineEnd, fc.stringMatching(/^[a-z]{0,4}$/)).map(([a, end, b]) => ({ quoted: `${a}${end}${b}` })),
    );
    const row = fc.array(cell, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(row, lineEnd), { minLength: 1, maxLength: 12 }), (rows) => {
        let text = "";
        let line = 1;
        const expected: number[] = [];
        for (const [cells, chosenEnd] of rows) {
          const printed = cells.map((c) => (typeof c === "string" ? c : `"${c.quoted}"`));
          const isBlank = printed.length === 1 && printed[0] === "";
          // A CR then a blank line's LF is one CRLF, which is how every reader sees it.
          const end = isBlank && text.endsWith("\r") && chosenEnd === "\n" ? "\r" : chosenEnd;
          if (!isBlank) expected.push(line);
          text += printed.join(",") + end;
          line += 1 + cells.filter((c) => typeof c !== "string").length;
        }
        const lines = read(text)
          .filter((record) => !(record.cells.length === 1 && record.cells[0] === ""))
          .map((record) => record.line);
        expect(lines).toEqual(expected);
      }),
    );
  });
});

describe("the file's hash", () => {
  it("is the SHA-256 of its UTF-8 bytes", () => {
    expect(fileHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(fileHash("é")).not.toBe(fileHash("e"));
  });
});
