// `npm run db:migrate`: applies the committed migrations. The app also does this on start.
import { openConfiguredDatabase } from "./open";

const handle = await openConfiguredDatabase();
try {
  await handle.migrate();
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
