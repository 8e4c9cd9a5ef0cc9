import { rmSync } from "node:fs";
import { SEEDED_TEMPLATE } from "./support/demo-database";

/** Removes the seeded demo that the security specs copied their databases from. */
export default function removeSeededDemo() {
  rmSync(SEEDED_TEMPLATE, { recursive: true, force: true });
}
