/** The web session's cookie. */
export const SESSION_COOKIE = 'truce_session';
