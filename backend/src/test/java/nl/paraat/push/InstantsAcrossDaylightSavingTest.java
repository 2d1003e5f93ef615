package nl.paraat.push;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instants around the two changes of daylight saving time in the Netherlands go through the real
 * repositories into DATETIME columns as UTC wall time, come back unchanged, and compare in SQL by
 * their moment. The build runs this test once more with the JVM in Europe/Amsterdam, where the hour
 * that repeats on 25 October gives two instants the same local wall time.
 */
@MicronautTest(startApplication = false, transactional = false)
class InstantsAcrossDaylightSavingTest {

    private static final DateTimeFormatter UTC_WALL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Inject
    PushRepositories.Jobs jobs;
    @Inject
    PushRepositories.Chunks chunks;
    @Inject
    DataSource dataSource;
    @Value("${paraat.test.expect-zone:}")
    @Nullable
    String expectedZone;

    @AfterEach
    void clear() {
        PushTestAlerts.clear(dataSource);
    }

    @Test
    void leasesAroundTheChangesOfDaylightSavingTimeAreStoredAsUtcAndReadBackUnchanged() throws SQLException {
        if (expectedZone != null && !expectedZone.isEmpty()) {
            assertThat(ZoneId.systemDefault()).isEqualTo(ZoneId.of(expectedZone));
        }
        PushTestAlerts.clear(dataSource);
        List<Instant> moments = new ArrayList<>();
        moments.addAll(everyHalfHour(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T02:30:00Z")));
        moments.addAll(everyHalfHour(Instant.parse("2027-03-28T00:30:00Z"), Instant.parse("2027-03-28T02:30:00Z")));
        long dispatch = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        PushJob job = jobs.save(new PushJob(null, dispatch, dispatch, moments.size(), moments.get(0), null, null, "fcm"));

        Map<Long, Instant> leases = new HashMap<>();
        for (int i = 0; i < moments.size(); i++) {
            Instant moment = moments.get(i);
            PushChunk chunk = chunks.save(new PushChunk(null, job.id(), i, i, false, "dst", moment, 1, 0, 0, 0, 0, "",
                    moment, moment, null, null, 0, 0));
            leases.put(chunk.id(), moment);
        }

        Map<Long, String> stored = storedLeases(job.id());
        leases.forEach((id, moment) -> {
            PushChunk read = chunks.findById(id).orElseThrow();
            assertThat(read.leaseUntil()).as("lease read back").isEqualTo(moment);
            assertThat(read.firstSentAt()).as("first send read back").isEqualTo(moment);
            assertThat(stored.get(id)).as("DATETIME stored for " + moment).isEqualTo(UTC_WALL_TIME.format(moment));
        });
        for (Instant now : moments) {
            List<Long> expected = leases.entrySet().stream().filter(lease -> lease.getValue().isBefore(now))
                    .map(Map.Entry::getKey).sorted().toList();
            assertThat(chunks.findClaimable(now).stream().map(PushChunk::id).sorted().toList())
                    .as("leases run out before " + now).isEqualTo(expected);
        }
    }

    private static List<Instant> everyHalfHour(Instant from, Instant to) {
        List<Instant> moments = new ArrayList<>();
        for (Instant moment = from; !moment.isAfter(to); moment = moment.plus(Duration.ofMinutes(30))) {
            moments.add(moment);
        }
        return moments;
    }

    /** The lease columns as the database holds them, read as text without any conversion by the driver. */
    private Map<Long, String> storedLeases(long jobId) throws SQLException {
        DataSource target = dataSource instanceof DelegatingDataSource delegating ? delegating.getTargetDataSource() : dataSource;
        Map<Long, String> stored = new HashMap<>();
        try (Connection connection = target.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, CAST(lease_until AS CHAR(19)) FROM push_chunk WHERE job_id = ?")) {
            query.setLong(1, jobId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return stored;
    }
}
