package nl.paraat.common;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pins every database session to UTC, whatever the JVM's zone and whatever the operator's JDBC URL
 * says: DATETIME and TIMESTAMP columns hold no zone, so an {@code Instant} is otherwise written as the
 * JVM's local wall time, and the hour that repeats when daylight saving time ends can no longer be
 * told apart. Connector/J lets the properties given here override those in the URL; MariaDB's driver
 * lets the URL win, so a MariaDB URL's own zone settings are replaced; H2 refuses a setting given
 * twice, so an H2 URL may name the UTC zone itself but no other.
 */
@Singleton
class UtcDatabaseSessions implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Set<String> ZONE_SETTINGS = Set.of("connectiontimezone", "forceconnectiontimezonetosession",
            "preserveinstants", "timezone", "servertimezone");
    private static final Pattern H2_TIME_ZONE = Pattern.compile("(?i);\\s*TIME ZONE\\s*=\\s*([^;]*)");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        String url = datasource.getUrl();
        if (url == null) {
            return datasource;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            // MariaDB's driver takes the same settings, but lets the URL's win over the properties given
            // here: the URL's own zone settings are replaced instead.
            datasource.setUrl(withUtcSessions(url));
        } else if (url.startsWith("jdbc:mysql:")) {
            // Connector/J converts instants to UTC wall time and sets the session's time_zone to match,
            // so that CURRENT_TIMESTAMP and the server's own date functions agree with what it stores.
            datasource.addDataSourceProperty("connectionTimeZone", "UTC");
            datasource.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
            datasource.addDataSourceProperty("preserveInstants", "true");
        } else if (url.startsWith("jdbc:h2:")) {
            Matcher zone = H2_TIME_ZONE.matcher(url);
            if (!zone.find()) {
                datasource.addDataSourceProperty("TIME ZONE", "UTC");
            } else if (!zone.group(1).trim().equalsIgnoreCase("UTC")) {
                throw new ConfigurationException("Paraat stores times as UTC; remove TIME ZONE=" + zone.group(1).trim()
                        + " from the H2 URL of datasource " + datasource.getName() + ".");
            }
        }
        return datasource;
    }

    /** The MariaDB URL with every zone setting of its own replaced by UTC sessions. */
    static String withUtcSessions(String url) {
        int query = url.indexOf('?');
        StringBuilder result = new StringBuilder(query < 0 ? url : url.substring(0, query)).append('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                String name = parameter.split("=", 2)[0];
                if (!parameter.isEmpty() && !ZONE_SETTINGS.contains(name.toLowerCase(Locale.ROOT))) {
                    result.append(parameter).append('&');
                }
            }
        }
        return result.append("connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true").toString();
    }
}
