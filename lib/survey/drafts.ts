/**
 * Survey drafts kept in the browser (finding L7). A half-filled survey lives only in the
 * browser's storage until it is submitted, because a draft on the server would be tied to
 * its rater. On a shared computer that storage outlives the person, so everything here is
 * about making drafts easy to find and safe to throw away:
 *
 * - every key the app writes starts with `fulcrum:`, so "clear everything of ours" (at sign
 *   out) needs no list of features;
 * - a draft's key names its owner by a tag, not by name or id, so a draft is only ever read
 *   back by the person who wrote it, and another person's is recognised and removed;
 * - a draft carries its cycle's close date, so it is removed once the cycle has closed, by
 *   comparing with the server's today (the browser's clock may be wrong).
 *
 * Pure functions over a minimal storage interface: no DOM, so they are unit-tested as is.
 */

/** Every key Fulcrum keeps in the browser starts with this. */
export const APP_STORAGE_PREFIX = "fulcrum:";
export const DRAFT_PREFIX = `${APP_STORAGE_PREFIX}draft:`;

const VERSION = 2;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What a draft holds: the radio answers by field name, and the comment. */
export interface DraftContent {
  answers: Record<string, string>;
  comment: string;
}

/** A draft read back from storage; `closesOn` is null for drafts written before it was kept. */
export interface StoredDraft extends DraftContent {
  closesOn: string | null;
}

/** The part of `window.localStorage` and `window.sessionStorage` used here. */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The tag a person's drafts are filed under: the same for the same person on every page,
 * different for someone else, and not their id, name or email, so a key read off the
 * storage does not say whose answers it holds. It is a 53-bit hash (cyrb53), not a secret:
 * it keeps drafts apart and out of plain sight, and clearing them is what protects them.
 */
export function draftOwner(personId: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < personId.length; index++) {
    const code = personId.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export interface DraftAddress {
  owner: string;
  cycleId: string;
  managerId: string;
}

/** `fulcrum:draft:<owner>:<cycleId>:<managerId>`; each part is encoded so that none can hold a colon. */
export function draftKey({ owner, cycleId, managerId }: DraftAddress): string {
  return DRAFT_PREFIX + [owner, cycleId, managerId].map(encodeURIComponent).join(":");
}

/** The parts of a draft key, or null for anything else (including keys of an unknown shape). */
export function parseDraftKey(key: string): DraftAddress | null {
  if (!key.startsWith(DRAFT_PREFIX)) return null;
  const parts = key.slice(DRAFT_PREFIX.length).split(":");
  if (parts.length !== 3 || parts.some((part) => part === "")) return null;
  try {
    const [owner, cycleId, managerId] = parts.map(decodeURIComponent) as [string, string, string];
    return { owner, cycleId, managerId };
  } catch {
    return null;
  }
}

export function serializeDraft(content: DraftContent, closesOn: string): string {
  return JSON.stringify({ v: VERSION, closesOn, answers: content.answers, comment: content.comment });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A stored draft, or null when it cannot be trusted to be one (then it is removed, not
 * shown). The first format, `{ answers, comment }` with no version, is still read: its
 * close date is unknown until the survey page writes the draft again.
 */
export function parseDraft(raw: string): StoredDraft | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { v, closesOn, answers = {}, comment = "" } = value;
  if (v !== undefined && v !== VERSION) return null;
  if (v === VERSION && (typeof closesOn !== "string" || !ISO_DAY.test(closesOn))) return null;
  if (!isRecord(answers) || typeof comment !== "string") return null;
  const entries = Object.entries(answers);
  if (!entries.every((entry): entry is [string, string] => typeof entry[1] === "string")) return null;
  return { answers: Object.fromEntries(entries), comment, closesOn: v === VERSION ? (closesOn as string) : null };
}

/** A cycle takes answers up to and including its close date (server/internal/cycles/close.ts closes it the day after). */
export const hasClosed = (closesOn: string, today: string) => closesOn < today;

/** Every key of ours in one storage, read before any is removed (removing shifts the indexes). */
export function appKeys(storage: KeyValueStorage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key?.startsWith(APP_STORAGE_PREFIX)) keys.push(key);
  }
  return keys;
}

/** At sign-out: nothing of ours stays behind, drafts of every survey included. */
export function clearAppStorage(storage: KeyValueStorage) {
  for (const key of appKeys(storage)) storage.removeItem(key);
}

/**
 * Keeps only what the signed-in person may see: removes another person's drafts, drafts of
 * cycles closed by `today` (the server's) and anything unreadable under the draft prefix.
 * A draft of this person in the first format (their id in the key) is moved under their tag.
 * Keys of ours that are not drafts are left alone; signing out clears those.
 */
export function sweepDrafts(storage: KeyValueStorage, owner: string, today: string) {
  for (const key of appKeys(storage)) {
    if (!key.startsWith(DRAFT_PREFIX)) continue;
    const address = parseDraftKey(key);
    const raw = storage.getItem(key);
    const draft = raw === null ? null : parseDraft(raw);
    if (!address || !draft || (draft.closesOn !== null && hasClosed(draft.closesOn, today))) {
      storage.removeItem(key);
      continue;
    }
    if (address.owner === owner) continue;
    storage.removeItem(key);
    // The first format filed drafts under the person's id; only its holder hashes to the tag.
    const current = draftKey({ ...address, owner });
    if (draftOwner(address.owner) === owner && storage.getItem(current) === null) storage.setItem(current, raw as string);
  }
}
