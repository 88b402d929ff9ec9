/**
 * The ids of the two packs every Dramatis has, apart from the pack format (./pack.ts, with zod), so that
 * the card's script can tell the reader's own sources without carrying the schema.
 */

/** The id of the pack built from data/. */
export const BUNDLED_PACK_ID = 'bundled';
/** The id of the reader's own pack ("My sources": articles the reader saved). */
export const MY_SOURCES_PACK_ID = 'my-sources';
