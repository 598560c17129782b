import * as z from 'zod/mini';

/**
 * zod, as the toolbar uses it at every boundary: its mini form (functions rather than methods, so a
 * chunk carries only the checks it uses), with zod's English messages, which the agent reads in a
 * configuration error and web extensions read in an INVALID_PARAMETERS answer. Every module of the
 * toolbar imports zod from here, so the messages are set before anything is parsed.
 */
z.config(z.locales.en());

export { z };
