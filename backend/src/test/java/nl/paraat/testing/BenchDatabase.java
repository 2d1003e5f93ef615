package nl.paraat.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** A benchmark's own MariaDB database, emptied for each run, and the settings that start Paraat on it. */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    /**
     * Drops and creates the database the URL names, as root without a password.
     *
     * @return datasource settings for it, plus a free server port; add the benchmark's own settings
     */
    public static Map<String, Object> fresh(String url) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1), "root", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", "root");
        properties.put("datasources.default.password", "");
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
