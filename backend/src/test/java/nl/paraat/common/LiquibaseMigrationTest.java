package nl.paraat.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the changelog on an empty database of the kind the suite is configured for: a fresh in-memory
 * H2, or a fresh schema on the MariaDB server (dropped afterwards).
 */
@MicronautTest(startApplication = false, transactional = false)
class LiquibaseMigrationTest {

    private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    @Test
    void changelogMigratesAnEmptyDatabaseAndIsIdempotent() throws Exception {
        String schema = "paraat_migration_" + UUID.randomUUID().toString().substring(0, 8);
        boolean mysql = url.startsWith("jdbc:mysql:");
        String emptyUrl = mysql ? withDatabase(url, schema)
                : "jdbc:h2:mem:" + schema + ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        if (mysql) {
            execute(url, "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
        }
        try {
            assertThat(tables(emptyUrl)).isEmpty();

            migrate(emptyUrl);
            migrate(emptyUrl);

            assertThat(tables(emptyUrl)).contains("organisation", "organisation_area", "api_key", "audit_event",
                    "resilience_point", "point_status_change", "point_index_version", "alert", "alert_info", "alert_dispatch", "device", "device_area", "push_job", "push_chunk",
                    "checklist_progress", "checklist_progress_list", "checklist_progress_item", "checklist_progress_need",
                    "checklist_progress_week", "bundle_manifest", "push_bundle_notice", "push_topic_change", "shedlock",
                    "databasechangelog");
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(changeSetsInTheMasterChangelog());
        } finally {
            if (mysql) {
                execute(url, "DROP DATABASE " + schema);
            }
        }
    }

    private void migrate(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password)) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor()), () ->
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                            .execute());
        }
    }

    private TreeSet<String> tables(String jdbcUrl) throws SQLException {
        TreeSet<String> tables = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
             ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(),
                     jdbcUrl.startsWith("jdbc:h2:") ? "PUBLIC" : null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return tables;
    }

    private long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** jdbc:mysql://host:port/db?params with another database name. */
    private static String withDatabase(String jdbcUrl, String database) {
        int hostStart = "jdbc:mysql://".length();
        int pathStart = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?');
        String base = pathStart < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, pathStart);
        return base + "/" + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    /** One changeset per included file: the house rule. */
    private static long changeSetsInTheMasterChangelog() throws java.io.IOException {
        try (java.io.InputStream in = LiquibaseMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/changelog/db.changelog-master.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> line.strip().equals("- include:")).count();
        }
    }
}
