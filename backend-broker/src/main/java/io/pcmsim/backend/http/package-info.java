/**
 * The backend's HTTP API (JSON, Javalin on Jetty), grouped by who uses it: {@code /api/v1/owner/...},
 * {@code /api/v1/dealer/...}, {@code /api/v1/assistance/...}, {@code /api/v1/operator/...}, plus
 * {@code /health}. Every route of a group sits under the group's prefix, so access control by role can
 * be added per prefix without moving routes. Documented in {@code docs/api.md}.
 */
@NullMarked
package io.pcmsim.backend.http;

import org.jspecify.annotations.NullMarked;
