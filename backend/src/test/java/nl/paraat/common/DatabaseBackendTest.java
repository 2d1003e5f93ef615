package nl.paraat.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves which database the suite ran on. The MariaDB run of the build sets
 * {@code paraat.test.expect-database=mariadb}; if its configuration ever stops reaching MariaDB
 * through Connector/J, this test fails instead of the suite passing silently on H2.
 */
@MicronautTest(startApplication = false, transactional = false)
class DatabaseBackendTest {

    @Inject
    DataSource dataSource;
    @Value("${paraat.test.expect-database:h2}")
    @Nullable
    String expected;

    @Test
    void suiteRunsOnTheExpectedDatabase() throws SQLException {
        DataSource target = dataSource instanceof DelegatingDataSource delegating ? delegating.getTargetDataSource() : dataSource;
        try (Connection connection = target.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            if ("mariadb".equals(expected)) {
                // MariaDB's own driver for jdbc:mariadb: URLs, Connector/J for jdbc:mysql: ones
                assertThat(meta.getURL()).matches("jdbc:(mysql|mariadb)://.*");
                assertThat(meta.getDriverName()).contains(meta.getURL().startsWith("jdbc:mariadb:")
                        ? "MariaDB Connector/J" : "MySQL Connector/J");
                assertThat(meta.getDatabaseProductVersion()).containsIgnoringCase("mariadb");
            } else {
                assertThat(meta.getURL()).startsWith("jdbc:h2:");
                assertThat(meta.getDatabaseProductName()).isEqualTo("H2");
            }
        }
    }
}
