/**
 * The settings' names, apart from their definitions (the `SETTINGS` table of core/settings.ts, whose keys
 * they are, in its order: tests/settings.test.ts keeps the two in step), so that the script every page
 * runs can name the settings' storage items and start reading them without carrying the table.
 */
export const SETTING_NAMES = [
  'highlightStyle',
  'quoteHighlight',
  'hoverDelayMs',
  'theme',
  'disabledSources',
  'disabledOutlets',
  'disabledSites',
  'corrections',
] as const;
