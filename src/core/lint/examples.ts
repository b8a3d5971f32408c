// Rule examples (meta.examples) are checked and documented as of this date, so that
// date rules (deadlines, unsigned minutes) give the same result every day.
export const EXAMPLE_TODAY = '2024-06-01';
