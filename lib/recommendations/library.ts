import type { AspectKey } from "../aspects";

/**
 * Which way a development action moves a manager. "Build both" is for low versatility:
 * when both poles sit below the middle of the scale, leaning either way misses the point.
 */
export const DIRECTIONS = ["more_managing", "more_leading", "build_both"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Readonly<Record<Direction, string>> = {
  more_managing: "More managing",
  more_leading: "More leading",
  build_both: "Build both",
};

/** One thing a manager can do next week, and why it helps. */
export interface Action {
  /** Stable and unique, e.g. for tracking which action a manager chose. */
  readonly id: string;
  readonly text: string;
  /** One line linking the action to what the pole is good for, or what its absence costs. */
  readonly why: string;
}

/** At least three choices per aspect and direction, checked by the compiler. */
export type ActionChoices = readonly [Action, Action, Action, ...Action[]];

type ActionLibrary = Readonly<Record<AspectKey, Readonly<Record<Direction, ActionChoices>>>>;

/** The library, written by us from the pros and cons in the source articles. */
export const ACTIONS: ActionLibrary = {
  focus: {
    more_managing: [
      {
        id: "focus.managing.weekly-pipeline",
        text: "Block 30 minutes each Monday to go through every rep's pipeline and weekly activity goals with them, one by one.",
        why: "A fixed rhythm gives the team structure and a daily grip that keeps targets within reach.",
      },
      {
        id: "focus.managing.remove-blockers",
        text: "Ask each rep which tool, data or resource slows them down most, and fix or escalate the top two by Friday.",
        why: "Managing well means the team has the tools and resources it needs to hit its numbers.",
      },
      {
        id: "focus.managing.shared-scoreboard",
        text: "Put the month's targets and progress for the whole team on one shared page and update it every Friday.",
        why: "Goals everyone can see and measure keep the team aligned with what the business needs now.",
      },
    ],
    more_leading: [
      {
        id: "focus.leading.one-year-picture",
        text: "Write five sentences on where you want the team to be a year from now, share them at the next team meeting and ask what is missing.",
        why: "A clear picture of the future gives people a reason to aim beyond this quarter.",
      },
      {
        id: "focus.leading.two-year-question",
        text: "In each one-to-one next week, ask what the person would like to be doing in two years and note one step you can help with.",
        why: "Leading means helping each person reach their potential, not only this month's number.",
      },
      {
        id: "focus.leading.trend-session",
        text: "Swap one status check next week for a 20-minute team talk about a long-term trend among your customers.",
        why: "Stepping back from tasks stops the bigger picture and customer relationships from being crowded out.",
      },
    ],
    build_both: [
      {
        id: "focus.both.split-meeting",
        text: "Split your next team meeting in two: ten minutes on this week's numbers and blockers, ten on where the team is heading this year.",
        why: "A grip on daily work and a long-term direction each make the other believable.",
      },
      {
        id: "focus.both.two-horizon-plan",
        text: "Review one rep's account plan with them twice next week: once for the next 30 days, once for the next 12 months.",
        why: "Practising both time horizons on one real case builds both habits at once.",
      },
      {
        id: "focus.both.weekly-log",
        text: "Keep a weekly two-line log: one thing you did to unblock today's work, one thing you did toward the long-term goal.",
        why: "When both sides are weak, a simple routine makes each one visible and hard to skip.",
      },
    ],
  },
  decision_making: {
    more_managing: [
      {
        id: "decision.managing.numbers-first",
        text: "Before your next significant decision, write down the two or three figures that should support it and check them first.",
        why: "Decisions grounded in data are easier to explain and less exposed to personal bias.",
      },
      {
        id: "decision.managing.show-the-figures",
        text: "For one decision next week, show the team the figures you looked at and why they settled the matter.",
        why: "Seeing the data behind a decision makes decisions predictable and easier to trust.",
      },
      {
        id: "decision.managing.three-metrics",
        text: "Choose three metrics that best predict the team's results, such as conversion rate or pipeline coverage, and review them every Monday.",
        why: "Watching the same measures each week catches problems early instead of deciding on impressions.",
      },
    ],
    more_leading: [
      {
        id: "decision.leading.options-first",
        text: "For one decision next week, ask two reps for options you had not thought of before you open the numbers.",
        why: "Creative input widens the set of options that data alone would never suggest.",
      },
      {
        id: "decision.leading.field-hour",
        text: "Spend an hour next week with a customer or in the field, and write down one thing the dashboards did not tell you.",
        why: "Seeing the bigger picture means noticing what the figures do not show yet.",
      },
      {
        id: "decision.leading.explain-the-direction",
        text: "When you announce your next decision, say how it serves the team's long-term direction, not only what the numbers say.",
        why: "Linking decisions to the wider picture helps the team look past the short term.",
      },
    ],
    build_both: [
      {
        id: "decision.both.two-lines",
        text: "For your next important decision, write one line on what the data says and one on what your judgement says, then decide.",
        why: "Good decisions need facts and a sense of context; naming each keeps both in use.",
      },
      {
        id: "decision.both.review-with-team",
        text: "Pick one recurring decision, such as how leads are shared out, and review it with the team using last month's figures and their ideas.",
        why: "Combining the numbers with the team's creativity builds both habits on a real case.",
      },
      {
        id: "decision.both.check-back",
        text: "After a decision next week, put a date in the diary to compare the outcome with the numbers and discuss what you would change.",
        why: "Testing judgement against data sharpens both over time.",
      },
    ],
  },
  motivation: {
    more_managing: [
      {
        id: "motivation.managing.short-contest",
        text: "Run a one-week contest on a single activity that drives results, with a reward everyone understands.",
        why: "Extrinsic rewards give quick, visible focus and can lift results fast.",
      },
      {
        id: "motivation.managing.explain-the-plan",
        text: "Check that every rep can explain exactly how their commission or bonus is earned, and walk through it with anyone who cannot.",
        why: "Incentives only drive performance when people understand how to earn them.",
      },
      {
        id: "motivation.managing.reward-a-goal",
        text: "Tie one concrete reward to a measurable team goal for this month and announce it at the next team meeting.",
        why: "A goal with a clear reward keeps the team pointed at the company's objectives.",
      },
    ],
    more_leading: [
      {
        id: "motivation.leading.daily-thanks",
        text: "Each day next week, thank one person for something specific they did and say what it made possible.",
        why: "Sincere recognition builds drive from within that outlasts any bonus.",
      },
      {
        id: "motivation.leading.meaning-question",
        text: "In each one-to-one next week, ask which part of the job the person finds most worthwhile and how they could do more of it.",
        why: "A sense of purpose creates the lasting commitment that incentives alone do not.",
      },
      {
        id: "motivation.leading.customer-story",
        text: "Open your next team meeting with a customer story that shows why the team's work matters beyond the numbers.",
        why: "Purpose keeps people going when the next reward is still far away.",
      },
    ],
    build_both: [
      {
        id: "motivation.both.reward-and-recognise",
        text: "Pick one goal for the month and pair it with a clear reward for reaching it and public thanks for the effort behind it.",
        why: "Rewards spark short-term effort; recognition and purpose make it last. A team needs both.",
      },
      {
        id: "motivation.both.ask-what-drives",
        text: "Ask each rep next week what drives them most (money, recognition, learning or purpose), write it down and use it.",
        why: "Knowing each person's drivers lets you use outside rewards and inner motivation where each works best.",
      },
      {
        id: "motivation.both.growth-reward",
        text: "Add one growth reward to your incentive plan, such as running a training session or shadowing a senior colleague.",
        why: "Mixing incentives with chances to grow builds both kinds of motivation at once.",
      },
    ],
  },
  communication: {
    more_managing: [
      {
        id: "communication.managing.who-what-when",
        text: "End every team meeting next week by stating who does what by when, and send it in writing the same day.",
        why: "Clear instructions and expectations prevent confusion and wasted effort.",
      },
      {
        id: "communication.managing.three-expectations",
        text: "Write down the three things you expect from each rep this month and go through them in your next one-to-one.",
        why: "People perform better when they know exactly what is expected of them.",
      },
      {
        id: "communication.managing.done-looks-like",
        text: "Whenever you hand out a task next week, give the goal, the deadline and what 'done' looks like in one message.",
        why: "Directive communication saves time and makes results easy to check.",
      },
    ],
    more_leading: [
      {
        id: "communication.leading.listen-first",
        text: "Open your next team meeting with an open question about a current challenge and listen for ten minutes before giving your view.",
        why: "Inviting ideas draws out creativity and a sense of ownership.",
      },
      {
        id: "communication.leading.why-first",
        text: "The next time you announce a change, start with why it matters and what it makes possible, and only then explain the steps.",
        why: "Winning people over earns commitment where instructions only earn compliance.",
      },
      {
        id: "communication.leading.rep-presents",
        text: "Ask one rep to present an idea of their own at the next team meeting, and help them prepare it.",
        why: "Encouraging people to share ideas builds a habit of creative problem-solving.",
      },
    ],
    build_both: [
      {
        id: "communication.both.two-part-meeting",
        text: "Run your next team meeting in two parts: first the why and an open discussion, then clear decisions on who does what.",
        why: "Inspiration without clarity leaves people unsure; clarity without inspiration leaves them passive.",
      },
      {
        id: "communication.both.follow-up-note",
        text: "After each one-to-one next week, send a short note with the agreed actions and one thing you learned from the rep.",
        why: "Writing down expectations and acknowledging ideas practises both styles together.",
      },
      {
        id: "communication.both.message-feedback",
        text: "Ask a trusted rep about one of your team messages next week: was it clear, and did it make them want to act?",
        why: "Honest feedback on clarity and on energy shows which side needs the work.",
      },
    ],
  },
  adaptability: {
    more_managing: [
      {
        id: "adaptability.managing.one-page-process",
        text: "Write the team's core sales process on one page next week and check with the team that it matches how the work is really done.",
        why: "A stable, well-defined process makes results consistent and efficient.",
      },
      {
        id: "adaptability.managing.fix-before-new",
        text: "Find the process step that breaks most often and fix it before you start any new initiative.",
        why: "Keeping existing systems running well is what makes a team efficient.",
      },
      {
        id: "adaptability.managing.protect-routines",
        text: "Before your next change, agree with the team which current routines stay exactly as they are.",
        why: "Protecting what works gives people stable ground while other things change.",
      },
    ],
    more_leading: [
      {
        id: "adaptability.leading.two-week-test",
        text: "Ask the team for one thing they would change in how you sell, and run a two-week test of the best idea.",
        why: "Searching for better ways of working helps the team stay a step ahead of rivals.",
      },
      {
        id: "adaptability.leading.market-change",
        text: "Talk through one recent change in your market or customers with the team and agree one adjustment to how you work.",
        why: "Adapting to new market conditions guards against the rigidity a status-quo focus brings.",
      },
      {
        id: "adaptability.leading.drop-a-routine",
        text: "Drop one report, meeting or routine that no longer earns its keep, and tell the team why.",
        why: "Questioning the status quo makes room for innovation.",
      },
    ],
    build_both: [
      {
        id: "adaptability.both.keep-change-list",
        text: "With the team, sort your routines into two columns, keep and change, and act on one item from each column this week.",
        why: "Adaptability means knowing what to protect as well as what to improve.",
      },
      {
        id: "adaptability.both.measured-experiment",
        text: "When you try a new idea, write down which process it replaces and how you will measure whether it works.",
        why: "Change lands better when it is run with the same discipline as the processes it replaces.",
      },
      {
        id: "adaptability.both.monthly-review",
        text: "Set up a monthly 30-minute review: what in our process works, what does not, and what we will try next.",
        why: "A regular rhythm builds stability and steady improvement together.",
      },
    ],
  },
  conflict_resolution: {
    more_managing: [
      {
        id: "conflict.managing.name-it",
        text: "Name one tension you have been avoiding and raise it with the people involved within 48 hours.",
        why: "Dealing with conflict directly stops it from spreading and costing results.",
      },
      {
        id: "conflict.managing.state-the-rule",
        text: "When you settle the next dispute, for example over leads or territories, say which rule or company goal you are deciding by.",
        why: "Settling conflicts against clear company objectives keeps everyone aligned.",
      },
      {
        id: "conflict.managing.write-rules",
        text: "Write clear rules for the most frequent source of friction in the team and share them at the next team meeting.",
        why: "Clear structure prevents the same conflicts and makes decisions fair and predictable.",
      },
    ],
    more_leading: [
      {
        id: "conflict.leading.hear-both",
        text: "In the next disagreement, meet the people involved together and let each explain their view before you suggest anything.",
        why: "A collaborative approach brings out the underlying issue instead of just the symptom.",
      },
      {
        id: "conflict.leading.root-question",
        text: "In your next conflict conversation, ask what is really behind it and listen to the whole answer before deciding.",
        why: "Understanding the real cause makes solutions last and builds trust.",
      },
      {
        id: "conflict.leading.check-back",
        text: "A week after a conflict is settled, check with each person whether it is really resolved for them.",
        why: "Keeping communication open afterwards stops the same conflict from returning.",
      },
    ],
    build_both: [
      {
        id: "conflict.both.listen-then-decide",
        text: "In your next conflict, first hear everyone out together, then decide clearly and explain how the decision serves the team's goals.",
        why: "Listening builds trust and a clear decision keeps the team on track; conflict needs both.",
      },
      {
        id: "conflict.both.agree-a-process",
        text: "Agree with the team on a simple way to raise disagreements, including when you will step in and decide.",
        why: "A known process makes conflict safe to raise and quick to settle.",
      },
      {
        id: "conflict.both.review-last-conflict",
        text: "Go over the team's last conflict with a trusted rep: what did you handle well, and what did you avoid?",
        why: "Reflecting on a real case shows which side of handling conflict you need to practise.",
      },
    ],
  },
  development: {
    more_managing: [
      {
        id: "development.managing.skill-session",
        text: "Pick the one skill that would most lift this quarter's numbers and run a 30-minute practice session on it next week.",
        why: "Targeted skills training closes performance gaps quickly.",
      },
      {
        id: "development.managing.join-calls",
        text: "Join one sales call with each rep next week and give each of them one concrete point to improve.",
        why: "Close monitoring with timely feedback keeps people on track toward their targets.",
      },
      {
        id: "development.managing.measurable-skill-goal",
        text: "Set a measurable skill goal with each rep in your next one-to-one and check it again in four weeks.",
        why: "Tying development to measurable results keeps it linked to the team's targets.",
      },
    ],
    more_leading: [
      {
        id: "development.leading.use-strengths",
        text: "In your next one-to-ones, ask each rep what they are best at and plan one way for them to use that strength more.",
        why: "Building on each person's own strengths creates lasting engagement and growth.",
      },
      {
        id: "development.leading.stretch-opportunity",
        text: "Offer one rep a stretch opportunity next week, such as chairing a meeting, mentoring a newcomer or owning a key account.",
        why: "Chances to grow are what make good people stay and excel.",
      },
      {
        id: "development.leading.career-step",
        text: "Ask each rep where they want their career to be in two years and agree one step toward it for this quarter.",
        why: "Personal and professional growth builds the loyalty that training for targets alone does not.",
      },
    ],
    build_both: [
      {
        id: "development.both.skill-and-strength",
        text: "For each rep, write one skill to improve for this quarter's targets and one strength to build on, and share both in your next one-to-one.",
        why: "People need skills for today's targets and room to grow their own talents.",
      },
      {
        id: "development.both.peer-coaching",
        text: "Run a peer-coaching session next week in which reps who excel at a skill teach it to the others.",
        why: "It trains a skill that moves the numbers and recognises individual strengths at the same time.",
      },
      {
        id: "development.both.protected-hour",
        text: "Book one hour every two weeks with each rep for development only, and keep deal reviews out of it.",
        why: "When both kinds of development are low, the first step is making time for them.",
      },
    ],
  },
};
