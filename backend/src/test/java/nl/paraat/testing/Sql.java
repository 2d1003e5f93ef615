package nl.paraat.testing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain SQL on the test database, outside the application's transactions, for setting up states. */
public final class Sql {

    private Sql() {
    }

    public static void execute(DataSource dataSource, String... statements) {
        DataSource target = dataSource instanceof DelegatingDataSource delegating ? delegating.getTargetDataSource() : dataSource;
        try (Connection connection = target.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
