package nl.paraat.common;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Database sessions run in UTC even when the operator's JDBC URL asks for another zone. */
@MicronautTest(startApplication = false, transactional = false)
class UtcDatabaseSessionsTest {

    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String username;
    @Value("${datasources.default.password:}")
    String password;

    @Test
    void sessionsRunInUtcWhateverZoneTheUrlAsksFor() throws SQLException {
        boolean mysql = url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
        String localZoneUrl = mysql ? url + (url.contains("?") ? "&" : "?") + "connectionTimeZone=LOCAL&preserveInstants=false"
                : "jdbc:h2:mem:utc-sessions;MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        try (ApplicationContext instance = ApplicationContext.run(datasource(localZoneUrl), "test")) {
            String zone = mysql ? "SELECT @@session.time_zone"
                    : "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'";
            assertThat(queryOne(instance.getBean(DataSource.class), zone)).isIn("+00:00", "UTC");
        }
    }

    @Test
    void aMariaDbUrlKeepsItsOtherSettingsAndLosesItsOwnZone() {
        assertThat(UtcDatabaseSessions.withUtcSessions("jdbc:mariadb://db:3306/paraat?timezone=Europe/Amsterdam&sslMode=verify-full&PreserveInstants=false"))
                .isEqualTo("jdbc:mariadb://db:3306/paraat?sslMode=verify-full&connectionTimeZone=UTC"
                        + "&forceConnectionTimeZoneToSession=true&preserveInstants=true");
        assertThat(UtcDatabaseSessions.withUtcSessions("jdbc:mariadb://db/paraat"))
                .isEqualTo("jdbc:mariadb://db/paraat?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true");
    }

    @Test
    void anH2UrlWithAnotherZoneIsRefused() {
        String amsterdam = "jdbc:h2:mem:amsterdam-sessions;MODE=MySQL;TIME ZONE=Europe/Amsterdam";
        assertThatThrownBy(() -> ApplicationContext.run(datasource(amsterdam), "test").close())
                .hasStackTraceContaining("remove TIME ZONE=Europe/Amsterdam");
    }

    private Map<String, Object> datasource(String jdbcUrl) {
        return Map.of("datasources.default.url", jdbcUrl, "datasources.default.username", username,
                "datasources.default.password", password, "micronaut.server.port", "-1",
                "paraat.alerts.expiry-check", "1h");
    }

    private static String queryOne(DataSource dataSource, String sql) throws SQLException {
        DataSource target = dataSource instanceof DelegatingDataSource delegating ? delegating.getTargetDataSource() : dataSource;
        try (Connection connection = target.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
