import type { InstrumentText } from "./types";

/** The English instrument. Every sentence is ours, drawn from the ideas of the source articles. */
export const en: InstrumentText = {
  locale: "en",
  poles: {
    management: {
      name: "Managing",
      description: "Running the business: targets, numbers and process. It gives a team structure, consistent results and goals everyone can measure.",
    },
    leadership: {
      name: "Leading",
      description: "Developing people: direction, growth and change. It gives a team a reason to stretch, lasting commitment and room to improve.",
    },
  },
  versatility:
    "Each aspect has a managing side and a leading side, and you rate them separately. A manager can be strong on both at once. That is the goal, because a sales team needs both a firm grip on the business and people who want to grow. A single slider could not show it.",
  rating: {
    question: "How often does this happen?",
    scale: { 1: "Never", 2: "Rarely", 3: "Sometimes", 4: "Often", 5: "Always" },
    cantSay: "Can't say",
    help: 'Think about the last few months, not one good or bad week. If you have not seen enough to judge, choose "Can\'t say": it is never counted as a low score.',
  },
  needCantSay: "Can't say",
  raterIntro:
    "For each of seven aspects you will read two short statements about your manager and say how often each one happens. Then you say what the team needs more of right now. Your manager only ever sees averages from several people, never your answers.",
  selfIntro:
    "Rate yourself on the same statements your team sees. Your answers are shown next to the team's average, so you can see where your view and theirs differ.",
  comment: {
    prompt: "Anything else you would like your manager to hear?",
    help: "Optional. Comments are shown word for word, in random order, and only when enough people have written one. Leave out names and details that would identify you.",
  },
  absence: {
    team_below_threshold: "Not shown: fewer than {k} people answered.",
    below_threshold: "Not shown: fewer than {k} answers.",
    pole_hidden: "Not shown: needs both the managing and the leading score.",
    no_data: "Not shown: no aspect has enough answers yet.",
    below_comment_threshold: "Not shown: fewer than {commentThreshold} people wrote a comment.",
    no_team_meets_threshold: "Not shown: no team has {k} or more answers on its own.",
  },
  aspects: {
    focus: {
      name: "Focus",
      summary: "Where the manager's attention goes: this quarter's numbers, or where the team is heading.",
      management: {
        label: "Day-to-day execution",
        statement: "My manager keeps our daily work on track and makes sure we have the tools and resources to hit our targets.",
        selfStatement: "I keep the team's daily work on track and make sure they have the tools and resources to hit their targets.",
        explanation:
          "The managing side of focus is about this week and this quarter: activity, pipeline, tools and resources. It gives the team structure and keeps targets within reach. Taken too far, the tasks crowd out the bigger picture and the customer relationships behind the numbers.",
      },
      leadership: {
        label: "Long-term vision",
        statement: "My manager talks about where the team is heading in the long run and helps each of us reach our potential.",
        selfStatement: "I talk about where the team is heading in the long run and help each person reach their potential.",
        explanation:
          "The leading side of focus looks beyond the current quarter: a picture of where the team is going and what each person could become. It gives people a reason to aim high. Without a grip on the daily work, the team can lose sight of what matters this week.",
      },
      need: {
        question: "Right now, should my manager put more weight on daily execution or on the longer-term picture?",
        answers: {
          [-2]: "Much more daily execution",
          [-1]: "A little more daily execution",
          0: "Keep the current balance",
          1: "A little more long-term vision",
          2: "Much more long-term vision",
        },
      },
    },
    decision_making: {
      name: "Decision-making",
      summary: "What decisions rest on: the figures, or judgement and the wider picture.",
      management: {
        label: "Data-driven",
        statement: "My manager bases decisions on figures and analysis of our results, and shows us the numbers behind them.",
        selfStatement: "I base decisions on figures and analysis of the team's results, and show the team the numbers behind them.",
        explanation:
          "Managing-style decisions start from the numbers: conversion rates, pipeline health, results against plan. They are grounded in facts, easy to explain and less open to personal bias. Leaning on data alone can make a team slow to act on what the figures do not show yet.",
      },
      leadership: {
        label: "Judgement and the big picture",
        statement: "My manager uses judgement and fresh thinking when deciding, and keeps the bigger picture in view.",
        selfStatement: "I use judgement and fresh thinking when I decide, and keep the bigger picture in view.",
        explanation:
          "Leading-style decisions draw on intuition, creativity and a sense of the wider context: where the market is moving and what the numbers leave out. They open up new options. Without figures to test them against, they can feel subjective and their results are harder to predict.",
      },
      need: {
        question: "Right now, should my manager's decisions lean more on data or more on judgement and the big picture?",
        answers: {
          [-2]: "Much more data",
          [-1]: "A little more data",
          0: "Keep the current balance",
          1: "A little more judgement and big picture",
          2: "Much more judgement and big picture",
        },
      },
    },
    motivation: {
      name: "Motivation",
      summary: "How the manager gets the team going: rewards from outside, or drive from within.",
      management: {
        label: "Rewards and incentives",
        statement: "My manager motivates us with bonuses, incentives, contests and other rewards tied to results.",
        selfStatement: "I motivate the team with bonuses, incentives, contests and other rewards tied to results.",
        explanation:
          "Extrinsic motivation uses rewards that sit outside the work itself: commission, bonuses, sales contests. It is clear and quick, and it can lift results fast. Used on its own, it tends to buy short bursts of effort rather than commitment and loyalty that last.",
      },
      leadership: {
        label: "Growth, recognition and purpose",
        statement: "My manager motivates us through personal growth, sincere recognition and the feeling that our work matters.",
        selfStatement: "I motivate the team through personal growth, sincere recognition and the feeling that their work matters.",
        explanation:
          "Intrinsic motivation comes from the work itself: learning, being noticed for good work, believing in what the team does. It builds commitment that lasts beyond the next bonus. It takes time to grow and does not replace clear, measurable goals.",
      },
      need: {
        question: "Right now, should my manager motivate us more through rewards or more through growth and purpose?",
        answers: {
          [-2]: "Much more rewards and incentives",
          [-1]: "A little more rewards and incentives",
          0: "Keep the current balance",
          1: "A little more growth and purpose",
          2: "Much more growth and purpose",
        },
      },
    },
    communication: {
      name: "Communication style",
      summary: "How the manager talks to the team: telling what to do, or winning people over and listening.",
      management: {
        label: "Clear direction",
        statement: "My manager gives clear instructions and tells us exactly what is expected of us.",
        selfStatement: "I give clear instructions and tell the team exactly what is expected of them.",
        explanation:
          "Directive communication says what needs to happen, by when and to what standard, so nobody has to guess. It saves time and avoids confusion. Too much of it leaves people carrying out orders instead of sharing what they know.",
      },
      leadership: {
        label: "Inspiring and open",
        statement: "My manager wins us over rather than just instructing, and asks for our ideas.",
        selfStatement: "I try to win the team over rather than just instruct, and I ask for their ideas.",
        explanation:
          "Persuasive communication explains the why, invites ideas and lets people shape the plan. It draws out creativity and a sense of ownership. Without clear expectations next to it, people may be inspired but unsure what exactly is asked of them.",
      },
      need: {
        question: "Right now, should my manager give clearer direction or invite more ideas and dialogue?",
        answers: {
          [-2]: "Much clearer direction",
          [-1]: "A little clearer direction",
          0: "Keep the current balance",
          1: "A little more ideas and dialogue",
          2: "Much more ideas and dialogue",
        },
      },
    },
    adaptability: {
      name: "Adaptability",
      summary: "How the manager treats change: protect what works, or look for what could work better.",
      management: {
        label: "Proven processes",
        statement: "My manager keeps our proven processes and systems running smoothly.",
        selfStatement: "I keep the team's proven processes and systems running smoothly.",
        explanation:
          "The managing side of adaptability protects what already works: stable processes, reliable systems, habits that deliver. It makes results consistent and efficient. Held too tightly, it becomes rigidity, and the team falls behind when customers or competitors move.",
      },
      leadership: {
        label: "Change and improvement",
        statement: "My manager keeps searching for better ways of working and helps us take on change.",
        selfStatement: "I keep searching for better ways of working and help the team take on change.",
        explanation:
          "The leading side looks for better ways of working and welcomes change: new approaches, small experiments, quick responses to a shifting market. It helps the team stay a step ahead of rivals. Change after change without structure can wear people out and leave good processes half built.",
      },
      need: {
        question: "Right now, should my manager focus more on keeping things stable or on changing how we work?",
        answers: {
          [-2]: "Much more stability",
          [-1]: "A little more stability",
          0: "Keep the current balance",
          1: "A little more change and new ideas",
          2: "Much more change and new ideas",
        },
      },
    },
    conflict_resolution: {
      name: "Conflict resolution",
      summary: "How the manager handles disagreement: settle it quickly, or work through its causes together.",
      management: {
        label: "Direct and goal-focused",
        statement: "My manager deals with conflict directly and settles it in line with company goals.",
        selfStatement: "I deal with conflict directly and settle it in line with company goals.",
        explanation:
          "Handling conflict directly means naming it early and settling it against what the business needs. It is quick and keeps everyone pointed at the same objectives. It can leave the cause untouched, so the same conflict comes back later.",
      },
      leadership: {
        label: "Collaborative",
        statement: "My manager gets the people in a conflict talking openly to find the real issue underneath.",
        selfStatement: "I get the people in a conflict talking openly to find the real issue underneath.",
        explanation:
          "The collaborative approach brings the people involved together, encourages open talk and looks for the cause behind the disagreement. Solutions hold longer and trust grows. It takes more time, and it can drift if nobody keeps the business goal in sight.",
      },
      need: {
        question: "Right now, should my manager settle conflicts more directly or work through them more together?",
        answers: {
          [-2]: "Much more direct settling",
          [-1]: "A little more direct settling",
          0: "Keep the current balance",
          1: "A little more working it through together",
          2: "Much more working it through together",
        },
      },
    },
    development: {
      name: "Development",
      summary: "How the manager grows the team: train the skills the targets need, or build on each person's strengths.",
      management: {
        label: "Skills for targets",
        statement: "My manager trains us in the skills we need to reach our sales targets.",
        selfStatement: "I train the team in the skills they need to reach their sales targets.",
        explanation:
          "Managing development trains the skills that move the numbers: product knowledge, handling objections, keeping a clean pipeline. It closes gaps quickly and pays off this quarter. On its own it can overlook what makes each person distinctive.",
      },
      leadership: {
        label: "Individual strengths",
        statement: "My manager helps each of us build on our own strengths and gives us chances to grow.",
        selfStatement: "I help each person build on their own strengths and give them chances to grow.",
        explanation:
          "Leading development starts from the person: their particular talents, where they want to go, and chances that stretch them. It builds loyalty and skills the team keeps for years. Without a link to results, weak performance can go unnoticed.",
      },
      need: {
        question: "Right now, should my manager invest more in skills for our targets or in each person's own strengths?",
        answers: {
          [-2]: "Much more skills training",
          [-1]: "A little more skills training",
          0: "Keep the current balance",
          1: "A little more building on strengths",
          2: "Much more building on strengths",
        },
      },
    },
  },
};
