const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"] as const;

/**
 * A small count in words, as running text spells it ("fewer than three", "seven aspects"),
 * so that the text follows its constant; 13 and above, and anything but a whole number, in digits.
 */
export function numberWord(value: number): string {
  return WORDS[value] ?? String(value);
}

/** The same, for the start of a sentence or a heading: "Five", "Two". */
export function capitalisedNumberWord(value: number): string {
  const word = numberWord(value);
  return word.charAt(0).toUpperCase() + word.slice(1);
}
