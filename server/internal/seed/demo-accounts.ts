import "server-only";
import { ADMIN, DEMO_TEAMS, DIRECTORS, VP, demoEmail } from "./demo-org";

/** The demo accounts worth trying, with what each one will see, for the login page. */
export function demoAccounts() {
  const firstRep = (index: number) => DEMO_TEAMS[index]?.reps[0] ?? "";
  const accounts = [
    { name: ADMIN, role: "Admin: people, cycles and settings" },
    { name: VP, role: "VP of Sales: compares every team" },
    ...DIRECTORS.map((name) => ({ name, role: "Director: compares the teams below them" })),
    ...DEMO_TEAMS.map((team) => ({ name: team.manager, role: `Manager: own report (${team.summary})` })),
    { name: firstRep(0), role: `Rep: rates ${DEMO_TEAMS[0]?.manager}` },
    { name: firstRep(4), role: `Rep: rates ${DEMO_TEAMS[4]?.manager}` },
  ];
  return accounts.map((account) => ({ ...account, email: demoEmail(account.name) }));
}
