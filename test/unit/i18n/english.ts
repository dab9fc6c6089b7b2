// A check for English left in a German or Chinese text, for the unit and end-to-end tests.

// Words common in English sentences and rare in German or Chinese ones: three in a row is English
// left in a text. Quoted names (table rows, items, models) are left out before looking.
const ENGLISH = new Set(
  (
    'the of and to a an in is it its for on with as by this that from at per or be are was not their our ' +
    'use used using making made weight price typical published footprint footprints product products near ' +
    'whole life grid phase factor assumption category buy choose instead new second-hand refurbished one ' +
    'model models energy classes more less efficient than same estimated compared delivery parcel home ' +
    'shop order orders about years year into fitted fit range wider calibrated assumed methods method ' +
    'reported maker makers only no electricity counted people combined weighted precision set aside'
  ).split(' '),
);

/** The first run of three or more common English words in `text`, or null. */
export function englishRun(text: string): string | null {
  const unquoted = text.replace(/"[^"]*"|„[^“]*“|“[^”]*”|「[^」]*」/g, ' ');
  const words = unquoted.toLowerCase().split(/[^a-z\-’']+/);
  let run: string[] = [];
  for (const word of words) {
    if (word && ENGLISH.has(word)) {
      run.push(word);
      if (run.length >= 3) return run.join(' ');
    } else if (word) run = [];
  }
  return null;
}
