/** The reports tab words the first screen and main need (tab name, loading, refusals), English. */
export const reportsEn = {
  'reports.tab': 'Reports',
  'reports.loading': 'Counting…',
  'reports.rangeInvalid': 'The date range is not valid: choose a start and an end date, the start no later than the end.',
  'reports.rangeTooLong': 'A report covers at most {max} days; choose a shorter range.',
  'reports.timeZoneUnknown': 'The time zone {zone} is not known.',
  'reports.exported': 'Exported {file}',
} as const;
