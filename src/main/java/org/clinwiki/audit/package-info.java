/**
 * The audit log: who did what to what, when, from where and why. Written through
 * {@link org.clinwiki.audit.AuditLog} on the transaction that does the audited thing (pages,
 * accounts), so the action and its record commit together or not at all. Knows nothing of
 * accounts beyond their id and name.
 */
package org.clinwiki.audit;
