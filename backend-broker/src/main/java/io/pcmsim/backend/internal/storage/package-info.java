/** JDBC storage on H2 (PostgreSQL mode) or PostgreSQL, schema by Flyway. */
@NullMarked
package io.pcmsim.backend.internal.storage;

import org.jspecify.annotations.NullMarked;
