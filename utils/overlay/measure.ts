/** The prefix of every performance measure the content scripts leave (visible in the DevTools Performance panel). */
export const MEASURE_PREFIX = 'gov-report-checker:';
