import { DEMO_PASSWORD } from "@/server/internal/seed/demo-org";
import { expect, expectNoAxeViolations, ROLES, signIn, test, submitWith } from "./fixtures";
import { builtActions, callAction, form, IDLE, outcome } from "./support/server-actions";

test.describe("sign-in page", () => {
  test("lists the demo accounts and passes an accessibility scan", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const accounts = page.getByRole("table", { name: "Demo accounts and what each one sees" });
    await expect(accounts.getByRole("row")).toHaveCount(15);
    await expect(page.getByText("fulcrum-demo")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("says the same thing for a wrong password and an unknown email", async ({ page }) => {
    await signIn(page, "elena.marquez@northwind.example", "not-the-password");
    const message = page.getByRole("status");
    await expect(message).toHaveText("That email and password do not match an active account.");
    // The email survives the refusal; the password does not.
    await expect(page.getByLabel("Work email")).toHaveValue("elena.marquez@northwind.example");
    await expect(page.getByLabel("Password")).toHaveValue("");
    await signIn(page, "nobody@northwind.example", "not-the-password");
    await expect(message).toHaveText("That email and password do not match an active account.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("sends a visitor without a session to sign in, and back afterwards", async ({ page }) => {
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fteams/);
    await page.getByLabel("Work email").fill("marcus.bennett@northwind.example");
    await page.getByLabel("Password").fill("fulcrum-demo");
    await submitWith(page.getByRole("button", { name: "Sign in" }));
    await expect(page.getByRole("heading", { level: 1, name: "Teams below you" })).toBeVisible();
  });
});

test.describe("each demo role lands on its own home", () => {
  test("a rep sees their assessments and no report, teams or administration", async ({ signedInAs }) => {
    const page = await signedInAs("rep");
    await expect(page.getByRole("heading", { name: "Your assessments" })).toBeVisible();
    await expect(page.getByText("Rate Daniel Okafor")).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(["Home"]);
    await expectNoAxeViolations(page);
  });

  test("a manager sees their report", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await expect(page.getByRole("heading", { name: "Your report" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Home", "My report"]);
    await expect(page.getByRole("heading", { name: "Teams below you" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("a director sees the teams below them", async ({ signedInAs }) => {
    const page = await signedInAs("director");
    await expect(page.getByRole("heading", { name: "Teams below you" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Daniel Okafor" })).toBeVisible();
    await expect(page.getByText("Rahul Mehta")).toHaveCount(0);
    const progress = page.getByRole("table", { name: /Responses so far in/ });
    await expect(progress.getByRole("row", { name: /Daniel Okafor .*of 7/ })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Home", "My report", "Teams"]);
    await expectNoAxeViolations(page);
  });

  test("the VP sees every team", async ({ signedInAs }) => {
    const page = await signedInAs("vp");
    await expect(page.getByText("10 teams in your part of the organisation.")).toBeVisible();
  });

  test("an admin sees administration", async ({ signedInAs }) => {
    const page = await signedInAs("admin");
    await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("signing out ends the session", async ({ signedInAs }) => {
    const page = await signedInAs("manager");
    await submitWith(page.getByRole("button", { name: "Sign out" }));
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/report");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("what a security test got through, now refused", () => {
  test("a line break in callbackUrl sends the person home after sign-in, not to an error", async ({ baseURL }) => {
    const actionId = builtActions().get("app/login/actions.ts#signInAction")!.id;
    for (const callbackUrl of ["/teams\r\nSet-Cookie: injected=1", "/\nx", "/ teams", "//evil.example", "/\\evil.example"]) {
      const answer = await callAction(baseURL!, { path: "/login", actionId, args: [IDLE, form({ email: ROLES.rep, password: DEMO_PASSWORD, callbackUrl })] });
      expect(outcome(answer), JSON.stringify(callbackUrl)).toBe("redirect /");
    }
  });

  test("Auth.js's own endpoints are not served: its sign-out, which did not revoke, and its pages without a CSP", async ({ request }) => {
    for (const path of ["signout", "signin", "session", "csrf", "providers", "error", "callback/credentials"]) {
      expect((await request.get(`/api/auth/${path}`, { maxRedirects: 0 })).status(), `GET ${path}`).toBe(404);
      expect((await request.post(`/api/auth/${path}`, { maxRedirects: 0 })).status(), `POST ${path}`).toBe(404);
    }
  });

  test("a date the audit log cannot search by is refused with a message, and the page still answers", async ({ signedInAs }) => {
    const page = await signedInAs("admin");
    const response = await page.goto("/admin/audit?from=0000-01-01&to=2104-02-30");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "From and To: not a date the log can be searched by" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit log entries" })).toBeVisible();
  });
});
