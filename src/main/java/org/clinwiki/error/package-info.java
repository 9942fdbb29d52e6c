/**
 * What every feature throws when a request cannot be done: {@link org.clinwiki.error.WikiException}
 * and its kinds, which the web layer maps to HTTP statuses and the command line to messages.
 * Depends on nothing.
 */
package org.clinwiki.error;
