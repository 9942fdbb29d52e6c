/**
 * Limits on how fast and how much: per-key rate limits ({@link org.clinwiki.limit.Throttle}:
 * logins, saves, registrations, previews) and bounded concurrency for slow work
 * ({@link org.clinwiki.limit.Gate}: password hashing, diffs). Shared by the features; knows
 * nothing of pages, users or HTTP.
 */
package org.clinwiki.limit;
