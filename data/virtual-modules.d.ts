/** Modules the build makes (scripts/matcher-index-plugin.ts). */
declare module 'virtual:dramatis-matcher-index' {
  const index: import('../core/matcher').MatcherIndex;
  export default index;
  /** What the matcher and the popup read of each person, in knowledge-base order. */
  export const people: readonly import('../core/indexed-person').IndexedPerson[];
}
declare module 'virtual:dramatis-name-gate' {
  /** The bundled people's name gate (core/name-gate.ts). */
  const gate: import('../core/name-gate').NameGateSource;
  export default gate;
}
