// `npm run db:seed`: migrates, then loads the demo organisation into an empty database.
import { seedDemoIfEmpty } from "@/server/internal/seed/demo";
import { openConfiguredDatabase } from "./open";

const handle = await openConfiguredDatabase();
try {
  await handle.migrate();
  const seeded = await handle.exclusively((db) => seedDemoIfEmpty(db));
  console.log(seeded ? `Demo organisation seeded (${handle.kind}).` : `The database already has people in it (${handle.kind}); nothing was seeded.`);
} finally {
  await handle.close();
}
