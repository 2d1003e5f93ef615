package nl.paraat.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateCountCommandStep;
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
        inAnEmptyDatabase(emptyUrl -> {
            assertThat(tables(emptyUrl)).isEmpty();

            migrate(emptyUrl);
            migrate(emptyUrl);

            assertThat(tables(emptyUrl)).contains("organisation", "organisation_area", "api_key", "audit_event",
                    "resilience_point", "point_status_change", "point_index_version", "alert", "alert_info", "device", "device_area", "push_job", "push_chunk",
                    "checklist_progress", "checklist_progress_list", "checklist_progress_item", "checklist_progress_need",
                    "checklist_progress_week", "bundle_manifest", "push_bundle_notice", "push_topic_change", "push_dispatch", "shedlock",
                    "databasechangelog").doesNotContain("alert_dispatch");
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(changeSetsInTheMasterChangelog());
        });
    }

    /** An installation from before 015: finished pushes carry over under their ids, pending ones are given up. */
    @Test
    void thePushOutboxMovesToPushKeepingFinishedPushes() throws Exception {
        inAnEmptyDatabase(emptyUrl -> {
            migrate(emptyUrl, changeSetsBefore("changes/015-push-outbox.yaml"));
            String at = "'2026-11-25 10:00:00'";
            String alert = "(%d, 'urn:test:%d', '%s', 'Actual', 'Alert', 'flood', 'Met', 'Immediate', 'Extreme', 'Observed',"
                    + " '2026-11-25 12:00:00', 'GM0150', '', '', 'GM0150', 'published', 'author', FALSE, " + at + ", " + at + ")";
            execute(emptyUrl, "INSERT INTO alert (id, identifier, organisation, status, msg_type, hazard, category, urgency,"
                    + " severity, certainty, expires, area_codes, polygons, circles, affected_municipalities, state, author,"
                    + " review_needed, created_at, updated_at) VALUES "
                    + alert.formatted(1, 1, "VR04") + ", " + alert.formatted(2, 2, "VR08"));
            // Dispatch 41 was pushed, 42 was still being pushed; job 3 belongs to a duplicate request that 014 dropped.
            execute(emptyUrl, "INSERT INTO alert_dispatch (id, alert_id, identifier, msg_type, created_at, dispatched_at) VALUES"
                    + " (41, 1, 'urn:test:1', 'Alert', " + at + ", " + at + "), (42, 2, 'urn:test:2', 'Alert', " + at + ", NULL)");
            execute(emptyUrl, "INSERT INTO push_job (id, dispatch_id, alert_id, chunks, created_at, completed_at) VALUES"
                    + " (1, 41, 1, 1, " + at + ", " + at + "), (2, 42, 2, 2, " + at + ", NULL), (3, 43, 1, 1, " + at + ", " + at + ")");
            String chunk = "(%d, %d, %d, %s, 0, 0, 0, 0, 0, '')";
            execute(emptyUrl, "INSERT INTO push_chunk (job_id, device_from, device_to, done, attempts, targeted, sent, failed,"
                    + " retired, failures) VALUES " + String.join(", ", chunk.formatted(1, 1, 10, "TRUE"),
                    chunk.formatted(2, 1, 10, "TRUE"), chunk.formatted(2, 11, 20, "FALSE"), chunk.formatted(3, 1, 10, "TRUE")));

            migrate(emptyUrl, null);

            assertThat(tables(emptyUrl)).contains("push_dispatch").doesNotContain("alert_dispatch");
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM push_dispatch")).isEqualTo(1);
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM push_dispatch WHERE id = 41 AND alert_id = 1"
                    + " AND organisation = 'VR04' AND request IS NULL AND dispatched_at IS NOT NULL")).isEqualTo(1);
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM push_job")).isEqualTo(1);
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM push_chunk")).isEqualTo(1);
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM push_chunk WHERE job_id = 1")).isEqualTo(1);
            // A new request takes an id that no job carried over refers to.
            execute(emptyUrl, "INSERT INTO push_dispatch (alert_id, organisation, request, created_at) VALUES (2, 'VR08', '{}', " + at + ")");
            assertThat(count(emptyUrl, "SELECT id FROM push_dispatch WHERE alert_id = 2")).isGreaterThan(41);
        });
    }

    /** An installation from before 020: of devices sharing a push token, the one seen last keeps it. */
    @Test
    void devicesSharingAPushTokenLeaveItToTheOneSeenLast() throws Exception {
        inAnEmptyDatabase(emptyUrl -> {
            migrate(emptyUrl, changeSetsBefore("changes/020-device-one-push-token-each.yaml"));
            String device = "(%d, 'device%d', '%s', %s, 'android', 'nl', FALSE, NULL, '2026-11-01 00:00:00', '2026-12-01 %s')";
            String hash = "0".repeat(64);
            // 3 differs from 1 and 2 only in case, which MariaDB's default collation compares as equal.
            execute(emptyUrl, "INSERT INTO device (id, public_id, secret_hash, push_token, platform, locale, test_alerts,"
                    + " location_cell, created_at, last_seen_at) VALUES " + String.join(", ",
                    device.formatted(1, 1, hash, "'shared-token'", "10:00:00"), device.formatted(2, 2, hash, "'shared-token'", "11:00:00"),
                    device.formatted(3, 3, hash, "'SHARED-TOKEN'", "09:00:00"), device.formatted(4, 4, hash, "'own-token'", "08:00:00"),
                    device.formatted(5, 5, hash, "NULL", "12:00:00"), device.formatted(6, 6, hash, "'shared-token'", "11:00:00")));

            migrate(emptyUrl, null);

            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM device WHERE push_token = 'shared-token'"
                    + " AND push_token_digest = '" + Secrets.hash("shared-token") + "'")).isEqualTo(1);
            assertThat(count(emptyUrl, "SELECT id FROM device WHERE push_token_digest = '" + Secrets.hash("shared-token") + "'"))
                    .as("of two seen at the same time, the later registration").isEqualTo(6);
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM device WHERE id IN (1, 2) AND push_token IS NULL"
                    + " AND push_token_digest IS NULL")).isEqualTo(2);
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM device WHERE id = 3 AND push_token_digest = '"
                    + Secrets.hash("SHARED-TOKEN") + "'")).isEqualTo(1);
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM device WHERE id = 4 AND push_token_digest = '"
                    + Secrets.hash("own-token") + "'")).isEqualTo(1);
            assertThat(count(emptyUrl, "SELECT COUNT(*) FROM device WHERE id = 5 AND push_token_digest IS NULL")).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> execute(emptyUrl, "UPDATE device SET push_token = 'own-token',"
                    + " push_token_digest = '" + Secrets.hash("own-token") + "' WHERE id = 5")).isInstanceOf(SQLException.class);
        });
    }

    private interface Check {
        void run(String emptyUrl) throws Exception;
    }

    /** Runs the check on an empty database of the suite's kind: a fresh in-memory H2, or a fresh schema on MariaDB. */
    private void inAnEmptyDatabase(Check check) throws Exception {
        String schema = "paraat_migration_" + UUID.randomUUID().toString().substring(0, 8);
        boolean mysql = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
        String emptyUrl = mysql ? withDatabase(url, schema)
                : "jdbc:h2:mem:" + schema + ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        if (mysql) {
            execute(url, "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4");
        }
        try {
            check.run(emptyUrl);
        } finally {
            if (mysql) {
                execute(url, "DROP DATABASE " + schema);
            }
        }
    }

    private void migrate(String jdbcUrl) throws Exception {
        migrate(jdbcUrl, null);
    }

    /** @param changeSets how many changesets to run, from the first; null for all */
    private void migrate(String jdbcUrl, Integer changeSets) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password)) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor()), () -> {
                CommandScope update = changeSets == null
                        ? new CommandScope(UpdateCommandStep.COMMAND_NAME)
                        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        : new CommandScope(UpdateCountCommandStep.COMMAND_NAME)
                        .addArgumentValue(UpdateCountCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                        .addArgumentValue(UpdateCountCommandStep.COUNT_ARG, changeSets);
                update.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database).execute();
            });
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

    /** jdbc:mysql://host:port/db?params (or jdbc:mariadb://...) with another database name. */
    private static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("://") + 3;
        int pathStart = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?');
        String base = pathStart < 0 ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query)) : jdbcUrl.substring(0, pathStart);
        return base + "/" + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    /** How many changesets the master changelog runs before the one in {@code file}. */
    private static int changeSetsBefore(String file) throws java.io.IOException {
        try (java.io.InputStream in = LiquibaseMigrationTest.class.getClassLoader()
                .getResourceAsStream("db/changelog/db.changelog-master.yaml")) {
            java.util.List<String> included = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> line.startsWith("file: ")).map(line -> line.substring(6)).toList();
            assertThat(included).contains(file);
            return included.indexOf(file);
        }
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
