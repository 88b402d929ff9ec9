/**
 * The bundled people's name gate (core/name-gate.ts), written by the build (scripts/matcher-index-plugin.ts):
 * all the knowledge base the script every page runs carries.
 */
import type { NameGateSource } from '../core/name-gate';
import gate from 'virtual:dramatis-name-gate';

export const BUNDLED_NAME_GATE: NameGateSource = gate;
