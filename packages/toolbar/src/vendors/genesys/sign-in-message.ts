/** The `type` of the message genesys-sign-in.html posts to the toolbar that opened it (genesys-sign-in.ts). */
export const SIGN_IN_MESSAGE = 'ctikit.genesys-sign-in';
