import fc from "fast-check";
import { ASPECT_KEYS } from "@/lib/aspects";
import { SITUATION_KEYS } from "@/lib/situations";
import { CANT_SAY, fieldName, RATER_ITEMS } from "@/lib/survey/fields";
import { thresholdsSchema } from "@/server/dal/settings";

/** A form's fields in the order they are posted. */
export type Entries = [string, string | File][];

const TEMPLATES = [
  "<script>TOKEN()</script>",
  "<img src=x onerror=TOKEN()>",
  '"><svg onload=TOKEN()>',
  "</textarea><script>TOKEN()</script>",
  '<iframe srcdoc="<script>TOKEN()</script>">',
];

/** Markup that would run if the app ever put it out unescaped. Its token makes each one unique. */
export const hostileText = fc
  .tuple(fc.constantFrom(...TEMPLATES), fc.stringMatching(/^[a-z0-9]{8}$/))
  .map(([template, token]) => template.replaceAll("TOKEN", `fuzz_${token}`));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A hostile text's markup, raw, in HTML (the tag right before its token): it was put out without escaping. */
export const INJECTED = new RegExp(
  `(${TEMPLATES.map((template) => escapeRegExp(template.slice(template.lastIndexOf("<", template.indexOf("TOKEN")), template.indexOf("TOKEN")))).join("|")})fuzz_`,
);

/** Whatever a field could carry: markup, any unicode, numbers spelled oddly, nothing at all. */
export const anyText = fc.oneof(
  hostileText,
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom("", " ", "null", "NaN", "-0", "1e309", "0x10", "3.0", "\u0000", "'; DROP TABLE people; --"),
);

const slug = fc.stringMatching(/^[a-z_]{1,12}$/);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notOneOf = (values: readonly string[]) => anyText.filter((value) => !values.includes(value));

const RATINGS = ["1", "2", "3", "4", "5", CANT_SAY];
const NEEDS = ["-2", "-1", "0", "1", "2", CANT_SAY];
const SURVEY_FIELDS = ASPECT_KEYS.flatMap((aspect) => RATER_ITEMS.map((item) => ({ name: fieldName(aspect, item), valid: item === "need" ? NEEDS : RATINGS })));

const replace = (entries: Entries, name: string, value: string): Entries => [...entries.filter(([key]) => key !== name), [name, value]];

/**
 * A rep's survey of their manager, mostly well answered, always with at least one fault:
 * an answer out of range, a question left out, a question the survey does not have, a
 * comment that is too long, or ids that are not ids. None of these may ever be saved.
 */
export function surveyEntries(cycleId: string, managerId: string): fc.Arbitrary<Entries> {
  const answers = fc.tuple(
    ...SURVEY_FIELDS.map(({ valid }) => fc.option(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...valid) }, anyText), { freq: 12 })),
  );
  const field = fc.nat(SURVEY_FIELDS.length - 1).map((index) => SURVEY_FIELDS[index]!);
  const fault = fc.oneof(
    field.chain(({ name, valid }) => notOneOf(valid).map((value) => (entries: Entries) => replace(entries, name, value))),
    field.map(
      ({ name }) =>
        (entries: Entries) =>
          entries.filter(([key]) => key !== name),
    ),
    fc
      .tuple(slug, slug)
      .filter(([aspect, item]) => !SURVEY_FIELDS.some(({ name }) => name === `aspects.${aspect}.${item}`))
      .map(([aspect, item]) => (entries: Entries): Entries => [...entries, [`aspects.${aspect}.${item}`, "3"]]),
    fc.tuple(hostileText, fc.nat(200)).map(
      ([text, extra]) =>
        (entries: Entries) =>
          replace(entries, "comment", `${text}${"x".repeat(1001 + extra)}`),
    ),
    // Not an id, or the id of nothing.
    fc
      .tuple(
        fc.constantFrom("cycleId", "managerId"),
        fc.oneof(
          anyText.filter((value) => !UUID.test(value)),
          fc.uuid(),
        ),
      )
      .map(
        ([name, value]) =>
          (entries: Entries) =>
            replace(entries, name, value),
      ),
  );
  return fc.tuple(answers, fc.option(anyText), fault).map(([values, comment, spoil]) => {
    const entries: Entries = [
      ["cycleId", cycleId],
      ["managerId", managerId],
    ];
    values.forEach((value, index) => value !== null && entries.push([SURVEY_FIELDS[index]!.name, value]));
    if (comment !== null) entries.push(["comment", comment]);
    return spoil(entries);
  });
}

const COLUMNS = ["email", "name", "manager_email", "admin"];
const email = fc.oneof(
  fc.tuple(slug, fc.constantFrom("example.com", "northwind.example")).map(([local, domain]) => `${local}@${domain}`),
  anyText,
);
const csvCell = (value: string, quoted: boolean) => (quoted ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * An org-chart file: headers right, shuffled or wrong, people with odd emails, hostile
 * names, unknown managers and admin flags, any line ending, quoted or not. It never
 * lists the importer, so the plan always refuses it (importing it would deactivate them).
 */
export function orgChartFiles(importerEmail: string): fc.Arbitrary<string> {
  const header = fc.oneof(fc.constant(COLUMNS), fc.shuffledSubarray(COLUMNS, { minLength: 1 }), fc.array(anyText, { maxLength: 5 }));
  const person = fc.tuple(email, fc.oneof(hostileText, anyText), fc.oneof(email, fc.constant("")), fc.constantFrom("yes", "no", "true", "0", "", "maybe"));
  return fc
    .record({
      header,
      people: fc.array(person, { maxLength: 25 }),
      bom: fc.boolean(),
      lineEnd: fc.constantFrom("\r\n", "\n", "\r"),
      quoted: fc.boolean(),
      trailer: fc.option(anyText),
    })
    .map(({ header: names, people, bom, lineEnd, quoted, trailer }) => {
      const lines = [names, ...people].map((cells) => cells.map((cell) => csvCell(cell, quoted)).join(","));
      if (trailer !== null) lines.push(trailer);
      return `${bom ? "\uFEFF" : ""}${lines.join(lineEnd)}`;
    })
    .filter((text) => !text.toLowerCase().includes(importerEmail));
}

const thresholdValue = fc.oneof(
  fc.integer({ min: -10, max: 150 }).map(String),
  fc.double().map(String),
  fc.constantFrom("2", "3", "5", "100", "101", " 4 ", "4.0", "٣"),
  anyText,
);

/** Anonymity thresholds that the settings form must refuse: the app's own rules decide which. */
export const thresholdEntries: fc.Arbitrary<Entries> = fc
  .tuple(thresholdValue, thresholdValue)
  .filter(([k, commentThreshold]) => !thresholdsSchema.safeParse({ k, commentThreshold }).success)
  .map(([k, commentThreshold]) => [
    ["k", k],
    ["commentThreshold", commentThreshold],
  ]);

const isSituation = (value: string) => (SITUATION_KEYS as readonly string[]).includes(value);

/**
 * A director's save of a team's situation that must not be saved: another team, no team,
 * a stale or forged basis, situations that do not exist, or more than there are.
 */
export function situationEntries(own: { managerId: string; basedOn: string }, other: { managerId: string; basedOn: string }): fc.Arbitrary<Entries> {
  const managerId = fc.oneof({ weight: 3, arbitrary: fc.constant(own.managerId) }, fc.constant(other.managerId), fc.uuid(), anyText);
  const basedOn = fc.oneof({ weight: 3, arbitrary: fc.constant(own.basedOn) }, fc.constant(""), fc.constant(other.basedOn), fc.uuid(), anyText);
  const situations = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SITUATION_KEYS) }, anyText), { maxLength: 14 });
  return fc
    .tuple(managerId, basedOn, situations)
    .filter(
      ([manager, basis, keys]) => !(manager === own.managerId && basis === own.basedOn && keys.length <= SITUATION_KEYS.length && keys.every(isSituation)),
    )
    .map(([manager, basis, keys]): Entries => [["managerId", manager], ["basedOn", basis], ...keys.map((key): [string, string] => ["situations", key])]);
}
