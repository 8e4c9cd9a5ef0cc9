import "server-only";

const DAY = 86_400_000;

export interface DemoCycle {
  name: string;
  opensOn: string;
  closesOn: string;
  openedAt: Date;
  closedAt: Date;
  state: "open" | "closed";
  /** Which entry of a profile's per-cycle values applies (0 = oldest closed cycle). */
  profileIndex: number;
  participationRate: number;
  /** Days on which participation may be recorded: the cycle's window, up to today. */
  submissionDays: string[];
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const quarterName = (date: Date) => `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`;

function days(from: Date, to: Date) {
  const result: string[] = [];
  for (let t = from.getTime(); t <= to.getTime(); t += DAY) result.push(isoDay(new Date(t)));
  return result;
}

/**
 * The demo's cycles, relative to today so the demo never goes stale: the current quarter's
 * cycle is open (it opened two weeks ago and closes in two weeks), and the three quarters
 * before it each had a four-week cycle that has closed.
 */
export function demoCycleCalendar(today: Date): DemoCycle[] {
  const midnight = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const quarterStart = new Date(Date.UTC(midnight.getUTCFullYear(), Math.floor(midnight.getUTCMonth() / 3) * 3, 1));
  const closed = [3, 2, 1].map((quartersAgo, profileIndex): DemoCycle => {
    const start = new Date(Date.UTC(quarterStart.getUTCFullYear(), quarterStart.getUTCMonth() - 3 * quartersAgo + 1, 3));
    const end = new Date(start.getTime() + 27 * DAY);
    return {
      name: quarterName(start),
      opensOn: isoDay(start),
      closesOn: isoDay(end),
      openedAt: new Date(start.getTime() + 8 * 3_600_000),
      closedAt: new Date(end.getTime() + 18 * 3_600_000),
      state: "closed",
      profileIndex,
      participationRate: 0.9,
      submissionDays: days(start, end),
    };
  });
  const opens = new Date(midnight.getTime() - 14 * DAY);
  const closes = new Date(midnight.getTime() + 14 * DAY);
  const open: DemoCycle = {
    name: quarterName(midnight),
    opensOn: isoDay(opens),
    closesOn: isoDay(closes),
    openedAt: new Date(opens.getTime() + 8 * 3_600_000),
    closedAt: closes,
    state: "open",
    profileIndex: 2,
    participationRate: 0.55,
    submissionDays: days(opens, midnight),
  };
  return [...closed, open];
}
