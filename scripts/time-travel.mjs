// `npm run test:time-travel`: the unit suite and the integration suite on the embedded
// database, again, with the clock moved well into the future, to prove that no test and no
// code path depends on the day it was written on. Debian's `faketime` shifts the clock of
// the whole process tree: Node.js, the Vitest workers and PGlite (PostgreSQL compiled to
// WebAssembly, which reads the time through Node.js), so the app's clock and the
// database's agree, as they do in production.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const SHIFTS = process.argv.length > 2 ? process.argv.slice(2) : ["+400d", "+3y"];

function shiftedToday(shift) {
  const probe = spawnSync("faketime", ["-f", shift, process.execPath, "-e", "process.stdout.write(new Date().toISOString().slice(0, 10))"], {
    encoding: "utf8",
  });
  if (probe.error?.code === "ENOENT") {
    console.error("faketime is not installed. On Debian or Ubuntu: apt-get install faketime (CI installs it).");
    process.exit(1);
  }
  if (probe.status !== 0) {
    console.error(`faketime ${shift} did not run:\n${probe.stderr}`);
    process.exit(1);
  }
  return probe.stdout;
}

for (const shift of SHIFTS) {
  console.log(`\n== The clock moved ${shift}: today is ${shiftedToday(shift)} ==`);
  const run = spawnSync("faketime", ["-f", shift, process.execPath, vitest, "run", "--project", "unit", "--project", "integration-pglite"], {
    cwd: root,
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.error(`The suite failed with the clock moved ${shift}.`);
    process.exit(run.status ?? 1);
  }
}
