/** Modules the build makes (scripts/matcher-index-plugin.ts). */
declare module 'virtual:dramatis-matcher-index' {
  const index: import('../core/matcher').MatcherIndex;
  export default index;
}
