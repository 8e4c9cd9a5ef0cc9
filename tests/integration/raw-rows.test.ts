import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { RowShapeError, selectRows } from "@/db/raw";
import { clock } from "@/lib/clock";
import { statisticsArray } from "@/server/internal/teams-queries";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createPerson } from "../support/org";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("the rows were accepted");
    },
    (error: unknown) => error as Error,
  );

describe("the rows of a raw query", () => {
  it("come back as their schema says, the same on either driver, when the SQL casts what the drivers disagree on", async () => {
    const person = await createPerson(database.db, { name: "Rita Rep" });
    const today = clock.today();
    const rows = await selectRows(
      database.db,
      sql`SELECT p.name, p.is_admin AS "isAdmin", count(*)::int AS "teamSize", ${today}::date::text AS "closesOn",
            ARRAY[1, 2]::int[] || ARRAY[3]::int[] AS stats, array_to_json(ARRAY['large_team']::situation[]) AS situations
          FROM people p WHERE p.id = ${person.id} GROUP BY p.id`,
      z.object({
        name: z.string(),
        isAdmin: z.boolean(),
        teamSize: z.int(),
        closesOn: z.iso.date(),
        stats: z.array(z.int()),
        situations: z.array(z.enum(["large_team"])),
      }),
    );
    expect(rows).toEqual([{ name: "Rita Rep", isAdmin: false, teamSize: 1, closesOn: today, stats: [1, 2, 3], situations: ["large_team"] }]);
  });

  it("with a summary's statistics take whole numbers as doubles, on either driver, and refuse a fraction or a text", async () => {
    const schema = z.object({ stats: statisticsArray });
    const read = (values: SQL) => selectRows(database.db, sql`SELECT ${values} AS stats`, schema);
    expect(await read(sql`ARRAY[0, 7, 123456789012]::float8[]`)).toEqual([{ stats: [0, 7, 123456789012] }]);
    for (const values of [sql`ARRAY[1, 2.5]::float8[]`, sql`ARRAY['1', '2']::text[]`, sql`NULL::float8[]`]) {
      const error = await rejection(read(values));
      expect(error).toBeInstanceOf(RowShapeError);
      expect(error.message).toContain("stats (custom)");
    }
  });

  it("that do not match their schema throw, naming the column but never its value", async () => {
    const person = await createPerson(database.db, { name: "Vera Secret" });
    const error = await rejection(
      selectRows(
        database.db,
        sql`SELECT name, email, is_admin AS "isAdmin" FROM people WHERE id = ${person.id}`,
        z.object({ name: z.string(), email: z.int(), isAdmin: z.boolean() }),
      ),
    );
    expect(error).toBeInstanceOf(RowShapeError);
    expect(error.message).toContain("email");
    expect(error.message).toMatch(/1 of 1 rows/);
    const told = `${error.message} ${error.stack} ${JSON.stringify(error)} ${String(error.cause)}`;
    expect(told).not.toContain(person.email);
    expect(told).not.toMatch(/vera|secret/i);
  });

  it("with a column the schema does not know, or under another name, throw naming the column asked for", async () => {
    const person = await createPerson(database.db, { name: "Sam Snake" });
    const error = await rejection(
      selectRows(
        database.db,
        sql`SELECT p.name, count(r.id)::int AS team_size FROM people p LEFT JOIN people r ON r.reports_to = p.id WHERE p.id = ${person.id} GROUP BY p.id`,
        z.object({ name: z.string(), teamSize: z.int() }),
      ),
    );
    expect(error).toBeInstanceOf(RowShapeError);
    expect(error.message).toMatch(/teamSize \(invalid_type, expected number\)/);
    expect(error.message).not.toMatch(/sam|snake/i);
  });

  it("name the path inside a JSON column, and not the keys or values that came from the data", async () => {
    const person = await createPerson(database.db, { name: "Jo Json" });
    const error = await rejection(
      selectRows(
        database.db,
        sql`SELECT json_build_object('owner', json_build_object('email', email), ${person.email}::text, 1) AS details FROM people WHERE id = ${person.id}`,
        z.object({ details: z.object({ owner: z.object({ email: z.int() }) }).catchall(z.string()) }),
      ),
    );
    expect(error.message).toContain("details.owner.email");
    expect(error.message).not.toContain(person.email);
    expect(error.message).not.toMatch(/jo\.json/i);
  });
});
