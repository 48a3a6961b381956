/**
 * Regex fragments shared by several rules: dates and times as bylines and link lists print them.
 * Sources strip `$`/`%` or glue blocks together, so the fragments allow missing spaces.
 */
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s?`;
export const CLOCK = String.raw`\d{1,2}:\d{2}(?:\s?(?:[ap]\.m\.|[AaPp][Mm]))?(?:\s?(?:GMT|UTC|BST|EST|EDT|CET|PT|ET)[+\-−]?\d{0,4}(?::\d\d)?)?`;

/** "Jul 12, 2025, 6:33 a.m.", "Oct 3, 2025 at 10:00 am", "Fri, Jul 11, 2025, 9:00 PM", "17 July 2025, 08:30 GMT0000", "Sat, 12072025 - 11:47", "2026-07-21". */
export const DATE = String.raw`(?:(?:${WEEKDAY})?${MONTH}\s?\d{1,2},?\s?\d{4}|(?:${WEEKDAY})?\d{1,2}\s${MONTH}\s\d{4}|(?:${WEEKDAY})?\d{8}|\d{4}-\d{2}-\d{2})(?:,?\s?(?:-\s?|at\s)?${CLOCK})?`;

/** "3 hours ago", "46 minutes ago". */
export const AGO = String.raw`\d{1,3}\s?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s?ago`;
