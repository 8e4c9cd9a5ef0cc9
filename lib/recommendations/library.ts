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
  /**
   * The same action as a rep would see it done, a lowercase verb phrase that completes
   * "Since Q3 2026, how often have you seen Daniel ___?". The next cycle's survey asks reps
   * whether they saw the committed action practised, so it names behaviour, not private work.
   */
  readonly seen: string;
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
        seen: "go through your pipeline and weekly activity goals with you every Monday",
        why: "A fixed rhythm gives the team structure and a daily grip that keeps targets within reach.",
      },
      {
        id: "focus.managing.remove-blockers",
        text: "Ask each rep which tool, data or resource slows them down most, and fix or escalate the top two by Friday.",
        seen: "ask which tool, data or resource slows you down most and then fix it or escalate it",
        why: "Managing well means the team has the tools and resources it needs to hit its numbers.",
      },
      {
        id: "focus.managing.shared-scoreboard",
        text: "Put the month's targets and progress for the whole team on one shared page and update it every Friday.",
        seen: "keep the team's monthly targets and progress on one shared page and update it every week",
        why: "Goals everyone can see and measure keep the team aligned with what the business needs now.",
      },
    ],
    more_leading: [
      {
        id: "focus.leading.one-year-picture",
        text: "Write five sentences on where you want the team to be a year from now, share them at the next team meeting and ask what is missing.",
        seen: "share a picture of where the team should be a year from now and ask what is missing",
        why: "A clear picture of the future gives people a reason to aim beyond this quarter.",
      },
      {
        id: "focus.leading.two-year-question",
        text: "In each one-to-one next week, ask what the person would like to be doing in two years and note one step you can help with.",
        seen: "ask in one-to-ones what you would like to be doing in two years and offer help with one step",
        why: "Leading means helping each person reach their potential, not only this month's number.",
      },
      {
        id: "focus.leading.trend-session",
        text: "Swap one status check next week for a 20-minute team talk about a long-term trend among your customers.",
        seen: "swap a status check for a team talk about a long-term trend among customers",
        why: "Stepping back from tasks stops the bigger picture and customer relationships from being crowded out.",
      },
    ],
    build_both: [
      {
        id: "focus.both.split-meeting",
        text: "Split your next team meeting in two: ten minutes on this week's numbers and blockers, ten on where the team is heading this year.",
        seen: "split team meetings between this week's numbers and blockers and where the team is heading this year",
        why: "A grip on daily work and a long-term direction each make the other believable.",
      },
      {
        id: "focus.both.two-horizon-plan",
        text: "Review one rep's account plan with them twice next week: once for the next 30 days, once for the next 12 months.",
        seen: "review an account plan with you for both the next month and the next year",
        why: "Practising both time horizons on one real case builds both habits at once.",
      },
      {
        id: "focus.both.weekly-log",
        text: "Keep a weekly two-line log: one thing you did to unblock today's work, one thing you did toward the long-term goal.",
        seen: "make time every week both to unblock today's work and to move the team toward its long-term goal",
        why: "When both sides are weak, a simple routine makes each one visible and hard to skip.",
      },
    ],
  },
  decision_making: {
    more_managing: [
      {
        id: "decision.managing.numbers-first",
        text: "Before your next significant decision, write down the two or three figures that should support it and check them first.",
        seen: "check the key figures before making a significant decision",
        why: "Decisions grounded in data are easier to explain and less exposed to personal bias.",
      },
      {
        id: "decision.managing.show-the-figures",
        text: "For one decision next week, show the team the figures you looked at and why they settled the matter.",
        seen: "show the team the figures behind a decision and why they settled the matter",
        why: "Seeing the data behind a decision makes decisions predictable and easier to trust.",
      },
      {
        id: "decision.managing.three-metrics",
        text: "Choose three metrics that best predict the team's results, such as conversion rate or pipeline coverage, and review them every Monday.",
        seen: "review the same few metrics that predict the team's results, such as conversion rate, every week",
        why: "Watching the same measures each week catches problems early instead of deciding on impressions.",
      },
    ],
    more_leading: [
      {
        id: "decision.leading.options-first",
        text: "For one decision next week, ask two reps for options you had not thought of before you open the numbers.",
        seen: "ask you or other reps for options before looking at the numbers for a decision",
        why: "Creative input widens the set of options that data alone would never suggest.",
      },
      {
        id: "decision.leading.field-hour",
        text: "Spend an hour next week with a customer or in the field, and write down one thing the dashboards did not tell you.",
        seen: "spend time with customers or in the field to learn what the dashboards do not show",
        why: "Seeing the bigger picture means noticing what the figures do not show yet.",
      },
      {
        id: "decision.leading.explain-the-direction",
        text: "When you announce your next decision, say how it serves the team's long-term direction, not only what the numbers say.",
        seen: "explain how a decision serves the team's long-term direction, not only what the numbers say",
        why: "Linking decisions to the wider picture helps the team look past the short term.",
      },
    ],
    build_both: [
      {
        id: "decision.both.two-lines",
        text: "For your next important decision, write one line on what the data says and one on what your judgement says, then decide.",
        seen: "explain an important decision by both what the data says and what experience suggests",
        why: "Good decisions need facts and a sense of context; naming each keeps both in use.",
      },
      {
        id: "decision.both.review-with-team",
        text: "Pick one recurring decision, such as how leads are shared out, and review it with the team using last month's figures and their ideas.",
        seen: "review a recurring decision, such as how leads are shared, with the team using recent figures and your ideas",
        why: "Combining the numbers with the team's creativity builds both habits on a real case.",
      },
      {
        id: "decision.both.check-back",
        text: "After a decision next week, put a date in the diary to compare the outcome with the numbers and discuss what you would change.",
        seen: "come back to a past decision to compare the outcome with the numbers and discuss what to change",
        why: "Testing judgement against data sharpens both over time.",
      },
    ],
  },
  motivation: {
    more_managing: [
      {
        id: "motivation.managing.short-contest",
        text: "Run a one-week contest on a single activity that drives results, with a reward everyone understands.",
        seen: "run a short contest on one activity that drives results, with a reward everyone understands",
        why: "Extrinsic rewards give quick, visible focus and can lift results fast.",
      },
      {
        id: "motivation.managing.explain-the-plan",
        text: "Check that every rep can explain exactly how their commission or bonus is earned, and walk through it with anyone who cannot.",
        seen: "check that you can explain how your commission or bonus is earned and walk you through it if not",
        why: "Incentives only drive performance when people understand how to earn them.",
      },
      {
        id: "motivation.managing.reward-a-goal",
        text: "Tie one concrete reward to a measurable team goal for this month and announce it at the next team meeting.",
        seen: "tie a concrete reward to a measurable team goal and announce it to the team",
        why: "A goal with a clear reward keeps the team pointed at the company's objectives.",
      },
    ],
    more_leading: [
      {
        id: "motivation.leading.daily-thanks",
        text: "Each day next week, thank one person for something specific they did and say what it made possible.",
        seen: "thank someone for something specific they did and say what it made possible",
        why: "Sincere recognition builds drive from within that outlasts any bonus.",
      },
      {
        id: "motivation.leading.meaning-question",
        text: "In each one-to-one next week, ask which part of the job the person finds most worthwhile and how they could do more of it.",
        seen: "ask in one-to-ones which part of the job you find most worthwhile and how you could do more of it",
        why: "A sense of purpose creates the lasting commitment that incentives alone do not.",
      },
      {
        id: "motivation.leading.customer-story",
        text: "Open your next team meeting with a customer story that shows why the team's work matters beyond the numbers.",
        seen: "open a team meeting with a customer story that shows why the team's work matters beyond the numbers",
        why: "Purpose keeps people going when the next reward is still far away.",
      },
    ],
    build_both: [
      {
        id: "motivation.both.reward-and-recognise",
        text: "Pick one goal for the month and pair it with a clear reward for reaching it and public thanks for the effort behind it.",
        seen: "pair a team goal with a clear reward for reaching it and public thanks for the effort behind it",
        why: "Rewards spark short-term effort; recognition and purpose make it last. A team needs both.",
      },
      {
        id: "motivation.both.ask-what-drives",
        text: "Ask each rep next week what drives them most (money, recognition, learning or purpose), write it down and use it.",
        seen: "ask what drives you most, such as money, recognition, learning or purpose, and act on your answer",
        why: "Knowing each person's drivers lets you use outside rewards and inner motivation where each works best.",
      },
      {
        id: "motivation.both.growth-reward",
        text: "Add one growth reward to your incentive plan, such as running a training session or shadowing a senior colleague.",
        seen: "offer a chance to grow, such as running a training session or shadowing a senior colleague, as a reward",
        why: "Mixing incentives with chances to grow builds both kinds of motivation at once.",
      },
    ],
  },
  communication: {
    more_managing: [
      {
        id: "communication.managing.who-what-when",
        text: "End every team meeting next week by stating who does what by when, and send it in writing the same day.",
        seen: "end team meetings by stating who does what by when and send it in writing the same day",
        why: "Clear instructions and expectations prevent confusion and wasted effort.",
      },
      {
        id: "communication.managing.three-expectations",
        text: "Write down the three things you expect from each rep this month and go through them in your next one-to-one.",
        seen: "tell you in one-to-ones the three things expected from you this month",
        why: "People perform better when they know exactly what is expected of them.",
      },
      {
        id: "communication.managing.done-looks-like",
        text: "Whenever you hand out a task next week, give the goal, the deadline and what 'done' looks like in one message.",
        seen: "give the goal, the deadline and what done looks like when handing out a task",
        why: "Directive communication saves time and makes results easy to check.",
      },
    ],
    more_leading: [
      {
        id: "communication.leading.listen-first",
        text: "Open your next team meeting with an open question about a current challenge and listen for ten minutes before giving your view.",
        seen: "open a team meeting with a question about a current challenge and listen before giving an opinion",
        why: "Inviting ideas draws out creativity and a sense of ownership.",
      },
      {
        id: "communication.leading.why-first",
        text: "The next time you announce a change, start with why it matters and what it makes possible, and only then explain the steps.",
        seen: "start with why a change matters and what it makes possible before explaining the steps",
        why: "Winning people over earns commitment where instructions only earn compliance.",
      },
      {
        id: "communication.leading.rep-presents",
        text: "Ask one rep to present an idea of their own at the next team meeting, and help them prepare it.",
        seen: "ask a rep to present an idea of their own at a team meeting and help them prepare it",
        why: "Encouraging people to share ideas builds a habit of creative problem-solving.",
      },
    ],
    build_both: [
      {
        id: "communication.both.two-part-meeting",
        text: "Run your next team meeting in two parts: first the why and an open discussion, then clear decisions on who does what.",
        seen: "run team meetings with an open discussion of the why first and clear decisions on who does what after",
        why: "Inspiration without clarity leaves people unsure; clarity without inspiration leaves them passive.",
      },
      {
        id: "communication.both.follow-up-note",
        text: "After each one-to-one next week, send a short note with the agreed actions and one thing you learned from the rep.",
        seen: "send a short note after a one-to-one with the agreed actions and one thing learned from you",
        why: "Writing down expectations and acknowledging ideas practises both styles together.",
      },
      {
        id: "communication.both.message-feedback",
        text: "Ask a trusted rep about one of your team messages next week: was it clear, and did it make them want to act?",
        seen: "ask you or another rep whether a team message was clear and made you want to act",
        why: "Honest feedback on clarity and on energy shows which side needs the work.",
      },
    ],
  },
  adaptability: {
    more_managing: [
      {
        id: "adaptability.managing.one-page-process",
        text: "Write the team's core sales process on one page next week and check with the team that it matches how the work is really done.",
        seen: "write down the team's core sales process and check with the team that it matches the real work",
        why: "A stable, well-defined process makes results consistent and efficient.",
      },
      {
        id: "adaptability.managing.fix-before-new",
        text: "Find the process step that breaks most often and fix it before you start any new initiative.",
        seen: "fix the process step that breaks most often before starting any new initiative",
        why: "Keeping existing systems running well is what makes a team efficient.",
      },
      {
        id: "adaptability.managing.protect-routines",
        text: "Before your next change, agree with the team which current routines stay exactly as they are.",
        seen: "agree with the team which current routines stay exactly as they are before making a change",
        why: "Protecting what works gives people stable ground while other things change.",
      },
    ],
    more_leading: [
      {
        id: "adaptability.leading.two-week-test",
        text: "Ask the team for one thing they would change in how you sell, and run a two-week test of the best idea.",
        seen: "ask the team for one thing to change in how you sell and run a two-week test of the best idea",
        why: "Searching for better ways of working helps the team stay a step ahead of rivals.",
      },
      {
        id: "adaptability.leading.market-change",
        text: "Talk through one recent change in your market or customers with the team and agree one adjustment to how you work.",
        seen: "talk through a recent change in the market or among customers with the team and agree how to adjust",
        why: "Adapting to new market conditions guards against the rigidity a status-quo focus brings.",
      },
      {
        id: "adaptability.leading.drop-a-routine",
        text: "Drop one report, meeting or routine that no longer earns its keep, and tell the team why.",
        seen: "drop a report, meeting or routine that no longer earns its keep and tell the team why",
        why: "Questioning the status quo makes room for innovation.",
      },
    ],
    build_both: [
      {
        id: "adaptability.both.keep-change-list",
        text: "With the team, sort your routines into two columns, keep and change, and act on one item from each column this week.",
        seen: "sort routines with the team into what to keep and what to change, and act on both",
        why: "Adaptability means knowing what to protect as well as what to improve.",
      },
      {
        id: "adaptability.both.measured-experiment",
        text: "When you try a new idea, write down which process it replaces and how you will measure whether it works.",
        seen: "say which process a new idea replaces and how its success will be measured",
        why: "Change lands better when it is run with the same discipline as the processes it replaces.",
      },
      {
        id: "adaptability.both.monthly-review",
        text: "Set up a monthly 30-minute review: what in our process works, what does not, and what we will try next.",
        seen: "hold a monthly review with the team of what in the process works, what does not and what to try next",
        why: "A regular rhythm builds stability and steady improvement together.",
      },
    ],
  },
  conflict_resolution: {
    more_managing: [
      {
        id: "conflict.managing.name-it",
        text: "Name one tension you have been avoiding and raise it with the people involved within 48 hours.",
        seen: "raise a tension directly with the people involved instead of letting it drag on",
        why: "Dealing with conflict directly stops it from spreading and costing results.",
      },
      {
        id: "conflict.managing.state-the-rule",
        text: "When you settle the next dispute, for example over leads or territories, say which rule or company goal you are deciding by.",
        seen: "say which rule or company goal decides a dispute, for example over leads or territories",
        why: "Settling conflicts against clear company objectives keeps everyone aligned.",
      },
      {
        id: "conflict.managing.write-rules",
        text: "Write clear rules for the most frequent source of friction in the team and share them at the next team meeting.",
        seen: "share clear rules for the most frequent source of friction in the team",
        why: "Clear structure prevents the same conflicts and makes decisions fair and predictable.",
      },
    ],
    more_leading: [
      {
        id: "conflict.leading.hear-both",
        text: "In the next disagreement, meet the people involved together and let each explain their view before you suggest anything.",
        seen: "meet the people in a disagreement together and let each explain their view before suggesting anything",
        why: "A collaborative approach brings out the underlying issue instead of just the symptom.",
      },
      {
        id: "conflict.leading.root-question",
        text: "In your next conflict conversation, ask what is really behind it and listen to the whole answer before deciding.",
        seen: "ask what is really behind a conflict and listen to the whole answer before deciding",
        why: "Understanding the real cause makes solutions last and builds trust.",
      },
      {
        id: "conflict.leading.check-back",
        text: "A week after a conflict is settled, check with each person whether it is really resolved for them.",
        seen: "check with each person a week after a conflict is settled whether it is really resolved for them",
        why: "Keeping communication open afterwards stops the same conflict from returning.",
      },
    ],
    build_both: [
      {
        id: "conflict.both.listen-then-decide",
        text: "In your next conflict, first hear everyone out together, then decide clearly and explain how the decision serves the team's goals.",
        seen: "hear everyone out in a conflict, then decide clearly and explain how the decision serves the team's goals",
        why: "Listening builds trust and a clear decision keeps the team on track; conflict needs both.",
      },
      {
        id: "conflict.both.agree-a-process",
        text: "Agree with the team on a simple way to raise disagreements, including when you will step in and decide.",
        seen: "agree with the team on a simple way to raise disagreements, including when to step in and decide",
        why: "A known process makes conflict safe to raise and quick to settle.",
      },
      {
        id: "conflict.both.review-last-conflict",
        text: "Go over the team's last conflict with a trusted rep: what did you handle well, and what did you avoid?",
        seen: "ask you or another rep what went well and what was avoided in handling the team's last conflict",
        why: "Reflecting on a real case shows which side of handling conflict you need to practise.",
      },
    ],
  },
  development: {
    more_managing: [
      {
        id: "development.managing.skill-session",
        text: "Pick the one skill that would most lift this quarter's numbers and run a 30-minute practice session on it next week.",
        seen: "run a practice session on the one skill that would most lift the team's numbers",
        why: "Targeted skills training closes performance gaps quickly.",
      },
      {
        id: "development.managing.join-calls",
        text: "Join one sales call with each rep next week and give each of them one concrete point to improve.",
        seen: "join one of your sales calls and give you one concrete point to improve",
        why: "Close monitoring with timely feedback keeps people on track toward their targets.",
      },
      {
        id: "development.managing.measurable-skill-goal",
        text: "Set a measurable skill goal with each rep in your next one-to-one and check it again in four weeks.",
        seen: "set a measurable skill goal with you and check it again a few weeks later",
        why: "Tying development to measurable results keeps it linked to the team's targets.",
      },
    ],
    more_leading: [
      {
        id: "development.leading.use-strengths",
        text: "In your next one-to-ones, ask each rep what they are best at and plan one way for them to use that strength more.",
        seen: "ask what you are best at and plan a way for you to use that strength more",
        why: "Building on each person's own strengths creates lasting engagement and growth.",
      },
      {
        id: "development.leading.stretch-opportunity",
        text: "Offer one rep a stretch opportunity next week, such as chairing a meeting, mentoring a newcomer or owning a key account.",
        seen: "offer you or another rep a stretch opportunity, such as chairing a meeting or owning a key account",
        why: "Chances to grow are what make good people stay and excel.",
      },
      {
        id: "development.leading.career-step",
        text: "Ask each rep where they want their career to be in two years and agree one step toward it for this quarter.",
        seen: "ask where you want your career to be in two years and agree one step toward it",
        why: "Personal and professional growth builds the loyalty that training for targets alone does not.",
      },
    ],
    build_both: [
      {
        id: "development.both.skill-and-strength",
        text: "For each rep, write one skill to improve for this quarter's targets and one strength to build on, and share both in your next one-to-one.",
        seen: "name one skill for you to improve for the targets and one strength to build on",
        why: "People need skills for today's targets and room to grow their own talents.",
      },
      {
        id: "development.both.peer-coaching",
        text: "Run a peer-coaching session next week in which reps who excel at a skill teach it to the others.",
        seen: "run peer-coaching sessions in which reps who excel at a skill teach it to the others",
        why: "It trains a skill that moves the numbers and recognises individual strengths at the same time.",
      },
      {
        id: "development.both.protected-hour",
        text: "Book one hour every two weeks with each rep for development only, and keep deal reviews out of it.",
        seen: "keep regular time with you for development only, without deal reviews",
        why: "When both kinds of development are low, the first step is making time for them.",
      },
    ],
  },
};
