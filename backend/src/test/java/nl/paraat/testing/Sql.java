package nl.paraat.testing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Plain SQL on the test database, outside the application's transactions, for setting up states. */
public final class Sql {

    private static final DateTimeFormatter UTC_LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private Sql() {
    }

    /** A DATETIME literal for the moment, quoted: the database holds UTC wall time, whatever the JVM's zone. */
    public static String utc(Instant moment) {
        return "'" + UTC_LITERAL.format(moment) + "'";
    }

    public static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = target(dataSource).getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number the query answers, such as a count, as committed so far. */
    public static long number(DataSource dataSource, String query) {
        try (Connection connection = target(dataSource).getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pool behind Micronaut's contextual data source: connections of their own, outside any transaction of the server. */
    public static DataSource target(DataSource dataSource) {
        return dataSource instanceof DelegatingDataSource delegating ? delegating.getTargetDataSource() : dataSource;
    }
}
