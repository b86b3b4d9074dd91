/**
 * The core store, on H2 (PostgreSQL mode) or PostgreSQL, schema by Flyway: every message once
 * ({@code uplink_message}) and the vehicle row, then the services' handlers in the same transaction.
 */
@NullMarked
package io.pcmsim.backend.internal.storage;

import org.jspecify.annotations.NullMarked;
