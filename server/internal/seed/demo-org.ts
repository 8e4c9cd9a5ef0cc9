import "server-only";
import type { AspectKey } from "@/lib/aspects";
import type { Direction } from "@/lib/recommendations";
import type { SituationKey } from "@/lib/situations";

/** Every demo account signs in with this password. It is shown on the login page in demo mode only. */
export const DEMO_PASSWORD = "fulcrum-demo";
export const DEMO_DOMAIN = "northwind.example";

export interface DemoPerson {
  name: string;
  /** Email of their manager; none for the top of the tree. */
  reportsTo?: string;
  isAdmin?: boolean;
  /** What the login page says about this account. */
  role?: string;
}

export const demoEmail = (name: string) =>
  `${name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/ +/g, ".")}@${DEMO_DOMAIN}`;

/**
 * How a team sees its manager: the mean each pole is rated at, per aspect, plus what the
 * team asks for. Values are per cycle, oldest first, so a profile can change over time.
 */
export interface Profile {
  management: number[];
  leadership: number[];
  need: Partial<Record<AspectKey, number>>;
  /** The self-view, as an offset from the team's view per pole. */
  selfOffset: { management: number; leadership: number };
  /** Aspects where most of the team answers "can't say" for the leadership item. */
  unclearLeadership?: AspectKey[];
}

const flat = (value: number) => [value, value, value];

export interface DemoTeam {
  manager: string;
  reportsTo: string;
  summary: string;
  reps: string[];
  profile: Profile;
  situations?: SituationKey[];
}

export const VP = "Elena Marquez";
export const ADMIN = "Priya Natarajan";
export const DIRECTORS = ["Marcus Bennett", "Aiko Tanaka"] as const;

export const DEMO_TEAMS: DemoTeam[] = [
  {
    manager: "Daniel Okafor",
    reportsTo: "Marcus Bennett",
    summary: "management-heavy",
    reps: ["Olivia Carter", "Noah Fischer", "Emma Lindqvist", "Lucas Moreau", "Chloe Adeyemi", "Ethan Walsh", "Mia Kowalski"],
    profile: {
      management: flat(4.3),
      leadership: flat(2.2),
      need: { motivation: 1.4, development: 1.2, adaptability: 1 },
      selfOffset: { management: 0, leadership: 1.4 },
    },
    situations: ["period_of_change", "innovation_essential", "competitive_market"],
  },
  {
    manager: "Sofia Rossi",
    reportsTo: "Marcus Bennett",
    summary: "leadership-heavy",
    reps: ["James Whitaker", "Ava Nakamura", "Benjamin Osei", "Isabella Novak", "Henry Dubois", "Amelia Grant", "Samuel Petrov"],
    profile: {
      management: flat(2.3),
      leadership: flat(4.3),
      need: { focus: -1.3, decision_making: -1.1, conflict_resolution: -0.6 },
      selfOffset: { management: -0.2, leadership: -1.1 },
    },
    situations: ["regulated_industry", "short_term_targets", "clear_structure_needed"],
  },
  {
    manager: "Liam O'Brien",
    reportsTo: "Marcus Bennett",
    summary: "balanced, with one aspect the team cannot judge",
    reps: ["Charlotte Hughes", "Oscar Lindberg", "Zoe Papadopoulos", "Leo Martins", "Grace Achterberg", "Jack Thornton"],
    profile: {
      management: flat(3.4),
      leadership: flat(3.5),
      need: {},
      selfOffset: { management: 0.3, leadership: 0.2 },
      unclearLeadership: ["conflict_resolution"],
    },
  },
  {
    manager: "Hannah Schmidt",
    reportsTo: "Marcus Bennett",
    summary: "a team below the anonymity threshold",
    reps: ["Ruby Fitzgerald", "Theo Vasquez"],
    profile: {
      management: flat(3.6),
      leadership: flat(3.1),
      need: {},
      selfOffset: { management: 0, leadership: 0.5 },
    },
  },
  {
    manager: "Rahul Mehta",
    reportsTo: "Aiko Tanaka",
    summary: "versatile: strong on both poles",
    reps: ["Ella Johansson", "William Chen", "Lily Okonkwo", "Max Bauer", "Sophie Laurent", "Adam Novotny", "Nora Haugen", "Felix Romero"],
    profile: {
      management: flat(4.4),
      leadership: flat(4.3),
      need: {},
      selfOffset: { management: -0.6, leadership: -0.7 },
    },
    situations: ["large_team", "long_term_growth", "customer_relationships"],
  },
  {
    manager: "Grace Kim",
    reportsTo: "Aiko Tanaka",
    summary: "improved from managing towards leading over three cycles",
    reps: ["Isaac Brennan", "Freya Mikkelsen", "Daniel Santos", "Alice Dupont", "Hugo Varga", "Evie Sinclair", "Arthur Nwosu"],
    profile: {
      management: [4.2, 4.0, 3.9],
      leadership: [2.0, 2.9, 3.7],
      need: { motivation: 0.9, communication: 0.8, development: 0.6 },
      selfOffset: { management: 0.1, leadership: 0.4 },
    },
    situations: ["period_of_change", "long_term_growth"],
  },
  {
    manager: "Tomás Alvarez",
    reportsTo: "Aiko Tanaka",
    summary: "low on both poles: room to build both",
    reps: ["Layla Farouk", "Owen Gallagher", "Matilda Berg", "Sebastian Ruiz", "Ivy Castellano", "Jacob Lindgren"],
    profile: {
      management: flat(2.5),
      leadership: flat(2.4),
      need: { focus: -0.4, development: 0.5 },
      selfOffset: { management: 1.3, leadership: 1.2 },
    },
  },
  {
    manager: "Fatima Haddad",
    reportsTo: "Aiko Tanaka",
    summary: "balanced, leaning towards leading",
    reps: ["Elijah Moore", "Hazel Anand", "Caleb Jovanovic", "Stella Ferreira", "Nathan Kaur", "Clara Eriksen", "Miles Abernathy"],
    profile: {
      management: flat(3.2),
      leadership: flat(3.9),
      need: { decision_making: -0.5 },
      selfOffset: { management: 0.2, leadership: 0 },
    },
  },
];

/** Directors and the VP are rated by their own direct reports too. */
export const LEADER_PROFILES: Record<string, Profile> = {
  [VP]: { management: flat(3.6), leadership: flat(3.9), need: {}, selfOffset: { management: 0, leadership: 0.3 } },
  "Marcus Bennett": {
    management: flat(3.9),
    leadership: flat(3.0),
    need: { development: 0.7 },
    selfOffset: { management: -0.2, leadership: 0.6 },
  },
  "Aiko Tanaka": {
    management: flat(3.1),
    leadership: flat(4.1),
    need: { focus: -0.6 },
    selfOffset: { management: 0.4, leadership: -0.3 },
  },
};

/** Comments a team might write, by the kind of manager they have. */
export const DEMO_COMMENTS: Record<"managing" | "leading" | "neutral", string[]> = {
  managing: [
    "Weekly pipeline reviews keep us honest, but they rarely talk about where the team is heading.",
    "Targets are always crystal clear. I would like more room to try new approaches with accounts.",
    "Great at removing blockers with tools and process. Career conversations do not really happen.",
    "The contest last quarter worked, but it felt like the only thing that motivates us here.",
    "Decisions are fair and based on numbers. Sometimes the numbers miss what customers are telling us.",
    "I always know what is expected of me. I rarely know why it matters beyond the quota.",
  ],
  leading: [
    "Inspiring one-to-ones, and I feel trusted. Sometimes I am not sure what the priority for this week is.",
    "Brilliant at explaining the bigger picture. Forecast reviews get skipped when things are busy.",
    "Encourages us to experiment, which I love, though some of us would like clearer targets.",
    "Always asks for our ideas. Decisions can take a while to land.",
    "Has helped me grow a lot this year. Underperformance on the team is not always addressed.",
    "Makes the work feel meaningful. Would welcome more structure around pipeline hygiene.",
  ],
  neutral: [
    "Fair, approachable and consistent. Keep doing the regular team check-ins.",
    "Good balance between hitting the number and looking after people.",
    "Clear on targets and open to ideas. I would like more coaching on complex deals.",
    "Handles disagreements calmly. Could share more about where the region is going.",
    "Solid manager. The new onboarding plan was a real improvement.",
    "Supportive and organised. More recognition for team wins would go a long way.",
  ],
};

/** What a manager committed to practise after one closed cycle's report. */
export interface DemoCommitment {
  readonly manager: string;
  /** The closed cycle whose report it answers: 0 is the oldest. */
  readonly afterCycle: number;
  /** Each the first library action for its aspect and direction. */
  readonly picks: readonly { readonly aspect: AspectKey; readonly direction: Direction }[];
  /** The mean of the reps' follow-through answers in the next cycle ("how often have you seen …?", 1–5). */
  readonly seen: number;
}

/**
 * Commitments in the past cycles, frozen when the next cycle opened: Grace Kim committed
 * to more leading twice, her team saw her practise it and saw her move that way; Daniel
 * Okafor committed to more leading after the previous cycle, his team rarely saw it, and
 * he stayed where he was; Rahul Mehta committed after the last closed cycle, and the open
 * cycle's survey asks his team about it.
 */
export const DEMO_COMMITMENTS: readonly DemoCommitment[] = [
  {
    manager: "Grace Kim",
    afterCycle: 0,
    picks: [
      { aspect: "development", direction: "more_leading" },
      { aspect: "motivation", direction: "more_leading" },
    ],
    seen: 4.1,
  },
  { manager: "Grace Kim", afterCycle: 1, picks: [{ aspect: "focus", direction: "more_leading" }], seen: 4 },
  {
    manager: "Daniel Okafor",
    afterCycle: 1,
    picks: [
      { aspect: "development", direction: "more_leading" },
      { aspect: "motivation", direction: "more_leading" },
      { aspect: "focus", direction: "more_leading" },
    ],
    seen: 1.8,
  },
  // After the last closed cycle: the open cycle asks Rahul Mehta's reps about it, the demo rep
  // who rates him (on the login page) included.
  { manager: "Rahul Mehta", afterCycle: 2, picks: [{ aspect: "conflict_resolution", direction: "more_leading" }], seen: 3.7 },
];
