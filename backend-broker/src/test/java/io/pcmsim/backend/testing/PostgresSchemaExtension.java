package io.pcmsim.backend.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;

/**
 * A fresh PostgreSQL schema for a test class: created before the first test (the class is skipped without
 * PostgreSQL, and fails with {@code CI=true}, see {@link ExternalServices#requirePostgres()}), emptied after
 * each test (after the class's own {@code @AfterEach} methods, so a backend they stop is gone by then) and
 * dropped after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresSchemaExtension POSTGRES = new PostgresSchemaExtension();
 * ... POSTGRES.jdbcUrl() ...
 * }</pre>
 *
 * Must be registered on a static field. {@link #keptBetweenTests()} leaves the schema as it is after each test,
 * for classes that empty it themselves when they need to.
 */
public final class PostgresSchemaExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final boolean recreateAfterEach;
    private @Nullable PostgresSchema schema;

    public PostgresSchemaExtension() {
        this(true);
    }

    private PostgresSchemaExtension(boolean recreateAfterEach) {
        this.recreateAfterEach = recreateAfterEach;
    }

    /** A schema that is not emptied after each test. */
    public static PostgresSchemaExtension keptBetweenTests() {
        return new PostgresSchemaExtension(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExternalServices.requirePostgres();
        schema = PostgresSchema.create();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (recreateAfterEach && schema != null) {
            schema.recreate();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (schema != null) {
            schema.drop();
            schema = null;
        }
    }

    /** The schema of the running class. */
    public PostgresSchema schema() {
        if (schema == null) {
            throw new ExtensionConfigurationException(
                    "no PostgreSQL schema: register PostgresSchemaExtension on a static field");
        }
        return schema;
    }

    /** URL whose connections use the schema. */
    public String jdbcUrl() {
        return schema().jdbcUrl();
    }
}
