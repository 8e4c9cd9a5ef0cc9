import { describe, expect, it } from "vitest";
import {
  appKeys,
  clearAppStorage,
  draftKey,
  draftOwner,
  hasClosed,
  type KeyValueStorage,
  parseDraft,
  parseDraftKey,
  serializeDraft,
  sweepDrafts,
} from "@/lib/survey/drafts";
import { daysFromToday } from "../support/days";

const ALICE = "0b6f1b0e-3c1f-4a52-9a51-6f0e3f6b7a10";
const BOB = "7d2c9e44-8a1b-4f3e-b2c5-1e9d0a4b6c21";
const CYCLE = "5f0c6c2e-8a3b-4c1d-9e2f-0a1b2c3d4e5f";
const MANAGER = "6a1d7d3f-9b4c-4d2e-8f30-1b2c3d4e5f60";
const OTHER_MANAGER = "8c3e9f51-0d6e-4f43-a152-3d4e5f607182";
const content = { answers: { "aspects.focus.management": "4" }, comment: "Weekly one-to-ones help." };

/** window.localStorage, as far as these functions use it. */
class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  constructor(entries: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(entries)) this.items.set(key, value);
  }
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  snapshot() {
    return Object.fromEntries(this.items);
  }
}

const keyFor = (person: string, managerId = MANAGER) => draftKey({ owner: draftOwner(person), cycleId: CYCLE, managerId });

describe("draft keys", () => {
  it("file a draft under one prefix and a tag of its owner, never their id", () => {
    const key = keyFor(ALICE);
    expect(key.startsWith("fulcrum:draft:")).toBe(true);
    expect(key).not.toContain(ALICE);
    expect(parseDraftKey(key)).toEqual({ owner: draftOwner(ALICE), cycleId: CYCLE, managerId: MANAGER });
  });

  it("give each person a tag of their own, the same every time", () => {
    expect(draftOwner(ALICE)).toBe(draftOwner(ALICE));
    expect(draftOwner(ALICE)).not.toBe(draftOwner(BOB));
    expect(draftOwner(ALICE)).toMatch(/^[0-9a-z]+$/);
  });

  it("read back only keys of the draft shape, with colons in a part escaped", () => {
    const odd = { owner: "a:b", cycleId: "c", managerId: "d" };
    expect(parseDraftKey(draftKey(odd))).toEqual(odd);
    expect(parseDraftKey("fulcrum:other:x")).toBeNull();
    expect(parseDraftKey("draft:a:b:c")).toBeNull();
    expect(parseDraftKey("fulcrum:draft:a:b")).toBeNull();
    expect(parseDraftKey("fulcrum:draft:a::c")).toBeNull();
    expect(parseDraftKey("fulcrum:draft:%E0%A4%A:b:c")).toBeNull();
  });
});

describe("stored drafts", () => {
  it("keep the cycle's close date with the answers", () => {
    const closesOn = daysFromToday(14);
    expect(parseDraft(serializeDraft(content, closesOn))).toEqual({ ...content, closesOn });
  });

  it("still read the first format, whose close date is unknown", () => {
    expect(parseDraft(JSON.stringify(content))).toEqual({ ...content, closesOn: null });
    expect(parseDraft("{}")).toEqual({ answers: {}, comment: "", closesOn: null });
  });

  it("refuse anything that is not a draft", () => {
    for (const raw of ["not json", "null", "[]", '"text"', '{"v":3,"closesOn":"x"}', '{"v":2}', '{"v":2,"closesOn":"soon"}']) {
      expect(parseDraft(raw), raw).toBeNull();
    }
    expect(parseDraft(JSON.stringify({ answers: [], comment: "" }))).toBeNull();
    expect(parseDraft(JSON.stringify({ answers: {}, comment: 3 }))).toBeNull();
    expect(parseDraft(JSON.stringify({ answers: { "aspects.focus.need": 2 }, comment: "" }))).toBeNull();
  });

  it("belong to a cycle until the end of its close date", () => {
    const today = daysFromToday(0);
    expect(hasClosed(daysFromToday(-1), today)).toBe(true);
    expect(hasClosed(today, today)).toBe(false);
    expect(hasClosed(daysFromToday(1), today)).toBe(false);
  });
});

describe("clearing at sign-out", () => {
  it("removes every key of ours, every survey's draft included, and nothing else", () => {
    const storage = new MemoryStorage({
      [keyFor(ALICE)]: serializeDraft(content, daysFromToday(3)),
      [keyFor(ALICE, OTHER_MANAGER)]: serializeDraft(content, daysFromToday(3)),
      [`fulcrum:draft:${ALICE}:${CYCLE}:${MANAGER}`]: JSON.stringify(content),
      "fulcrum:something-else": "1",
      "another-app": "kept",
    });
    expect(appKeys(storage)).toHaveLength(4);
    clearAppStorage(storage);
    expect(storage.snapshot()).toEqual({ "another-app": "kept" });
  });
});

describe("sweeping when a page loads", () => {
  const today = daysFromToday(0);
  const open = serializeDraft(content, daysFromToday(5));

  it("keeps the signed-in person's drafts of open cycles, and keys of ours that are not drafts", () => {
    const entries = { [keyFor(ALICE)]: open, [keyFor(ALICE, OTHER_MANAGER)]: serializeDraft(content, today), "fulcrum:setting": "x" };
    const storage = new MemoryStorage(entries);
    sweepDrafts(storage, draftOwner(ALICE), today);
    expect(storage.snapshot()).toEqual(entries);
  });

  it("removes another person's drafts, whatever their format", () => {
    const storage = new MemoryStorage({
      [keyFor(BOB)]: open,
      [`fulcrum:draft:${BOB}:${CYCLE}:${MANAGER}`]: JSON.stringify(content),
      [keyFor(ALICE)]: open,
    });
    sweepDrafts(storage, draftOwner(ALICE), today);
    expect(storage.snapshot()).toEqual({ [keyFor(ALICE)]: open });
  });

  it("removes drafts of cycles that have closed, and unreadable ones", () => {
    const storage = new MemoryStorage({
      [keyFor(ALICE)]: serializeDraft(content, daysFromToday(-1)),
      [keyFor(ALICE, OTHER_MANAGER)]: "{broken",
      "fulcrum:draft:not-a-draft-key": open,
    });
    sweepDrafts(storage, draftOwner(ALICE), today);
    expect(storage.snapshot()).toEqual({});
  });

  it("moves the person's own first-format draft under their tag, without overwriting a newer one", () => {
    const legacy = JSON.stringify(content);
    const moved = new MemoryStorage({ [`fulcrum:draft:${ALICE}:${CYCLE}:${MANAGER}`]: legacy });
    sweepDrafts(moved, draftOwner(ALICE), today);
    expect(moved.snapshot()).toEqual({ [keyFor(ALICE)]: legacy });

    const newer = new MemoryStorage({ [`fulcrum:draft:${ALICE}:${CYCLE}:${MANAGER}`]: legacy, [keyFor(ALICE)]: open });
    sweepDrafts(newer, draftOwner(ALICE), today);
    expect(newer.snapshot()).toEqual({ [keyFor(ALICE)]: open });
  });
});
