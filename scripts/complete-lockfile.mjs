// `node scripts/complete-lockfile.mjs`, after any change to the dependencies.
//
// The registry mirror on our build machines serves only the linux-x64 builds of native
// packages, so npm leaves other platforms' optional packages (Next's SWC, Tailwind's
// oxide, the import resolver) out of package-lock.json, and `npm ci` then refuses the lock
// as out of sync. Each such package names its platform; an entry with that platform and
// the exact version is enough for npm to know it skips the package here.
import { readFileSync, writeFileSync } from "node:fs";

const OSES = ["android", "darwin", "freebsd", "linux", "win32", "openharmony", "netbsd", "openbsd", "sunos", "aix"];
const CPUS = ["arm64", "x64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "mips64el", "wasm32"];

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const packages = lock.packages;

/** Whether node's resolution from `from` finds `name` anywhere in the lock. */
function resolvable(from, name) {
  const segments = from ? from.split("/node_modules/") : [];
  for (let depth = segments.length; depth >= 0; depth--) {
    const base = segments.slice(0, depth).join("/node_modules/");
    if (packages[base ? `${base}/node_modules/${name}` : `node_modules/${name}`]) return true;
  }
  return false;
}

const added = [];
for (const [from, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolvable(from, name)) continue;
    const parts = name.split("/").pop().split("-");
    const os = OSES.find((candidate) => parts.includes(candidate));
    const cpu = CPUS.find((candidate) => parts.includes(candidate));
    const libc = parts.some((part) => part.startsWith("musl")) ? "musl" : parts.some((part) => part.startsWith("gnu")) ? "glibc" : undefined;
    packages[`node_modules/${name}`] = {
      version,
      ...(cpu && { cpu: [cpu] }),
      ...(entry.dev && { dev: true }),
      ...(libc && os === "linux" && { libc: [libc] }),
      optional: true,
      ...(os && { os: [os] }),
    };
    added.push(name);
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `Added ${added.length} entries: ${added.join(", ")}` : "The lock file is complete.");
