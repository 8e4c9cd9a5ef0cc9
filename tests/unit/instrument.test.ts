import { describe, expect, it } from "vitest";
import { ASPECT_KEYS, NEEDS, POLES, RATINGS } from "@/lib/aspects";
import { DEFAULT_LOCALE, describeAbsence, en, INSTRUMENT_TEXTS, instrumentText, orderedAspects, poleStatement, surveyText } from "@/lib/instrument";
import type { AbsentReason } from "@/lib/scoring";

const REASONS: AbsentReason[] = ["team_below_threshold", "below_threshold", "pole_hidden", "no_data", "below_comment_threshold", "no_team_meets_threshold"];

describe("instrument text", () => {
  it("is English by default and lists every language by locale", () => {
    expect(DEFAULT_LOCALE).toBe("en");
    expect(instrumentText()).toBe(en);
    expect(instrumentText("en")).toBe(INSTRUMENT_TEXTS.en);
    for (const [locale, text] of Object.entries(INSTRUMENT_TEXTS)) expect(text.locale).toBe(locale);
  });

  it("words every pole item for a rep ('My manager …') and for the manager ('I …')", () => {
    for (const key of ASPECT_KEYS) {
      for (const pole of POLES) {
        const poleText = en.aspects[key][pole];
        expect(poleText.statement).toMatch(/^My manager [a-z]/);
        expect(poleText.selfStatement).toMatch(/^I [a-z]/);
        expect(poleText.selfStatement).not.toMatch(/my manager/i);
        expect(poleText.label.split(" ").length).toBeLessThanOrEqual(5);
        expect(poleText.explanation.length).toBeGreaterThan(100);
      }
    }
  });

  it("never repeats a statement or explanation", () => {
    const texts = ASPECT_KEYS.flatMap((key) =>
      POLES.flatMap((pole) => {
        const { statement, selfStatement, explanation, label } = en.aspects[key][pole];
        return [statement, selfStatement, explanation, label];
      }),
    );
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("gives every aspect a need question with five distinct labelled answers, 0 keeping the balance", () => {
    for (const key of ASPECT_KEYS) {
      const { question, answers } = en.aspects[key].need;
      expect(question).toMatch(/\?$/);
      const labels = NEEDS.map((need) => answers[need]);
      expect(new Set(labels).size).toBe(5);
      expect(answers[0]).toBe("Keep the current balance");
      expect(answers[-2]).toMatch(/^Much/);
      expect(answers[2]).toMatch(/^Much/);
    }
  });

  it("labels the whole rating scale and the can't-say answers", () => {
    expect(RATINGS.map((r) => en.rating.scale[r])).toEqual(["Never", "Rarely", "Sometimes", "Often", "Always"]);
    expect(en.rating.cantSay).toBe("Can't say");
    expect(en.needCantSay).toBe("Can't say");
    expect(en.poles.management.name).toBe("Managing");
    expect(en.poles.leadership.name).toBe("Leading");
  });
});

describe("orderedAspects and poleStatement", () => {
  it("lists the aspects in instrument order with their keys", () => {
    const aspects = orderedAspects();
    expect(aspects.map((a) => a.key)).toEqual([...ASPECT_KEYS]);
    expect(aspects[2]).toMatchObject({ key: "motivation", name: "Motivation" });
    expect(orderedAspects(en)[6]?.name).toBe("Development");
  });

  it("picks the wording for the person answering", () => {
    expect(poleStatement("motivation", "management", "rater")).toBe(en.aspects.motivation.management.statement);
    expect(poleStatement("motivation", "leadership", "self", en)).toBe(en.aspects.motivation.leadership.selfStatement);
  });

  it("gives the survey the aspects in order and the words it shows, and not the report's", () => {
    const survey = surveyText(en);
    expect(survey.aspects).toEqual(orderedAspects(en));
    expect(survey).toMatchObject({ rating: en.rating, needCantSay: en.needCantSay, raterIntro: en.raterIntro, selfIntro: en.selfIntro, comment: en.comment });
    expect(Object.keys(survey).sort()).toEqual(["aspects", "comment", "needCantSay", "raterIntro", "rating", "selfIntro"]);
  });
});

describe("describeAbsence", () => {
  it("fills in the thresholds and nothing else", () => {
    expect(describeAbsence("below_threshold", { k: 4, commentThreshold: 6 })).toBe("Not shown: fewer than 4 answers.");
    expect(describeAbsence("below_comment_threshold", { k: 4, commentThreshold: 6 })).toBe("Not shown: fewer than 6 people wrote a comment.");
    for (const reason of REASONS) expect(describeAbsence(reason)).not.toMatch(/[{}]/);
  });

  it("names the thresholds actually applied, after clamping", () => {
    expect(describeAbsence("team_below_threshold", { k: 1 })).toBe("Not shown: fewer than 3 people answered.");
    expect(describeAbsence("below_comment_threshold", { k: 7, commentThreshold: 2 }, en)).toBe("Not shown: fewer than 7 people wrote a comment.");
  });
});
