/** The topics of quoted positions (no dependencies: bundled into the extension). */

/** Topics a quoted position can belong to; the card groups quotes by these, in this order. */
export const TOPICS = {
  'peace-plan': 'The peace plan and the talks',
  territory: 'Territory',
  'security-guarantees': 'Security guarantees and NATO',
  europe: 'Europe',
  'russia-aims': 'Russia’s aims and conduct',
  'us-role': 'The US role and envoys',
  'sanctions-pressure': 'Sanctions and pressure',
  battlefield: 'The battlefield',
} as const;

/** A topic id (key of TOPICS). */
export type TopicId = keyof typeof TOPICS;
