import { expect, test, type Page } from "@playwright/test";
import fc from "fast-check";
import { demoEmail } from "@/server/internal/seed/demo-org";
import { submitWith } from "./fixtures";
import { ownDemo } from "./support/demo-server";
import { FORGERIES, prepareForgeries } from "./support/forgeries";
import { type Entries, hostileText, INJECTED, orgChartFiles, situationEntries, surveyEntries, thresholdEntries } from "./support/fuzz-payloads";
import { activeOrganisation, fileHash, orgCsv } from "./support/org-csv";
import { browserCookie, type Persona, personaCookies, personaHeaders, personaName } from "./support/personas";
import { builtActions, callAction, form, formWithoutJavaScript, IDLE, outcome } from "./support/server-actions";

// Generated payloads for the four forms that take the most input, posted to the real
// server actions: as the browser's JavaScript does, and (where the form allows it) as a
// browser without JavaScript does, which answers with the whole page as HTML. The server
// never fails, never saves any of it, and never puts out the markup it was sent.

/** Every run uses this seed unless FULCRUM_FUZZ_SEED says otherwise; fast-check prints it with any failure. */
const SEED = Number(process.env.FULCRUM_FUZZ_SEED ?? 20_261_123);
const RUNS = 40;

/** Elements that markup sent to the app would have made: event handlers or frames carrying a token, or a script of one. */
function injectedElements(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter(
        (element) =>
          [...element.attributes].some((attribute) => /^(on|srcdoc)/i.test(attribute.name) && attribute.value.includes("fuzz_")) ||
          (element.tagName === "SCRIPT" && /^fuzz_\w+\(\)$/.test(element.textContent?.trim() ?? "")),
      )
      .map((element) => element.outerHTML),
  );
}

test("fuzzed survey, org-chart, threshold and situation payloads never fail the server, are never saved, never inject markup", async ({ browser }) => {
  test.setTimeout(240_000);
  test.info().annotations.push({ type: "fast-check seed", description: String(SEED) });
  const actions = builtActions();
  const demo = await ownDemo(prepareForgeries);
  try {
    const ids = demo.setup;
    const cookies = await personaCookies(demo.authSecret, ids);
    const app = await demo.serve();
    const targets: { key: string; as: Persona; payloads: fc.Arbitrary<Entries>; saved: RegExp }[] = [
      {
        key: "app/(app)/assessments/[cycleId]/[managerId]/actions.ts#submitSurveyAction",
        as: "rep",
        payloads: surveyEntries(ids.openCycle, ids.person.manager),
        saved: /^Thank you/,
      },
      {
        key: "app/(app)/admin/people/import/actions.ts#importAction",
        as: "admin",
        payloads: fc.tuple(orgChartFiles(demoEmail(personaName("admin"))), fc.constantFrom("preview", "apply")).map(([text, intent]): Entries => [
          ["intent", intent],
          // A full replace: the fuzzed files leave the importing admin out, which it refuses.
          ["mode", "replace"],
          ["file", new File([text], "org.csv", { type: "text/csv" })],
          ["fileHash", fileHash(text)],
        ]),
        saved: /^Imported/,
      },
      { key: "app/(app)/admin/settings/actions.ts#updateThresholdsAction", as: "admin", payloads: thresholdEntries, saved: /^Saved/ },
      {
        key: "app/(app)/teams/situations/[manager]/actions.ts#saveSituationsAction",
        as: "director",
        payloads: situationEntries(
          { managerId: ids.person.manager, basedOn: ids.situationBasis },
          { managerId: ids.otherBranchManager, basedOn: ids.otherBranchBasis },
        ),
        saved: /^Saved/,
      },
    ];

    for (const { key, as, payloads, saved } of targets) {
      const page = FORGERIES[key]!.page(ids);
      const actionId = actions.get(key)!.id;
      const headers = personaHeaders(as, cookies);
      // The import form submits through JavaScript only; the others also work without it.
      const withoutJavaScript = key.includes("import") ? undefined : await formWithoutJavaScript(app.url, page, actionId, headers);
      await fc.assert(
        fc.asyncProperty(payloads, async (entries) => {
          const answer = await callAction(app.url, { path: page, actionId, args: [IDLE, form(entries)], headers });
          expect(answer.status, outcome(answer)).toBeLessThan(500);
          expect(outcome(answer)).not.toMatch(saved);
          if (answer.contentType.includes("text/html")) expect(answer.text).not.toMatch(INJECTED);
          if (!withoutJavaScript) return;
          const html = await withoutJavaScript(form(entries));
          expect(html.status, `${key} without JavaScript`).toBeLessThan(500);
          expect(html.text).not.toMatch(INJECTED);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
    expect(await demo.changedTables(), "what the refused payloads wrote").toEqual({});

    // Hostile names that are valid, imported for real: the preview echoes them and the
    // people pages show them stored, each time as text.
    const [renamed, newcomer] = fc.sample(hostileText, { seed: SEED, numRuns: 2 }) as [string, string];
    const repEmail = demoEmail(personaName("rep"));
    const people = await demo.inspect(activeOrganisation);
    const file = orgCsv([
      ...people.map((person) => (person.email === repEmail ? { ...person, name: renamed } : person)),
      { email: "fuzz.newcomer@example.com", name: newcomer, manager_email: people[0]!.email, admin: "no" },
    ]);
    const again = await demo.serve();
    const context = await browser.newContext({ baseURL: again.url });
    await context.addCookies([browserCookie(cookies.admin, again.url)]);
    const admin = await context.newPage();
    const ran: string[] = [];
    admin.on("pageerror", (error) => ran.push(error.message));

    await admin.goto("/admin/people/import");
    await admin.getByLabel(/CSV file/).setInputFiles({ name: "org.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await submitWith(admin.getByRole("button", { name: "Preview" }));
    await expect(admin.getByRole("status")).toHaveText(/^Preview ready: 1 person to add, 1 to update/);
    await expect(admin.getByRole("region", { name: /To add/ }).getByRole("rowheader", { name: newcomer })).toBeVisible();
    await expect(admin.getByRole("region", { name: /To update/ }).getByRole("rowheader", { name: renamed })).toBeVisible();
    expect(await injectedElements(admin)).toEqual([]);
    await submitWith(admin.getByRole("button", { name: "Apply these changes" }));
    await expect(admin.getByRole("status")).toHaveText(/^Imported: 1 person added, 1 updated/);

    await admin.goto("/admin/people?q=fuzz_");
    await expect(admin.getByRole("link", { name: newcomer })).toBeVisible();
    await admin.getByRole("link", { name: renamed }).click();
    await expect(admin.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
    expect(await injectedElements(admin)).toEqual([]);
    expect(ran).toEqual([]);
    await context.close();
  } finally {
    await demo.dispose();
  }
});
