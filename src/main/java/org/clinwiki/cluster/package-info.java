/**
 * What running several nodes behind a load balancer asks of each node, apart from HTTP: whose
 * {@code X-Forwarded-For} to believe ({@link org.clinwiki.cluster.TrustedProxies}), and whether
 * this node is fit to serve ({@link org.clinwiki.cluster.Health}). Knows nothing of pages, users
 * or the database beyond what it is handed.
 */
package org.clinwiki.cluster;
