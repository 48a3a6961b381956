/** True when `date` (its UTC minute) is a firing time of the five-field cron `expression`. */
export function cronMatches(expression: string, date: Date): boolean;
