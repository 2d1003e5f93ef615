package nl.paraat.bundle;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** Which bundle version the devices of each safety region were last told about, and when. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BundleNotices extends GenericRepository<BundleNotices.Notice, String> {

    @io.micronaut.data.annotation.MappedEntity("push_bundle_notice")
    record Notice(@io.micronaut.data.annotation.Id String region, String version, Instant notifiedAt) {
    }

    /** @return 1 when this is the first version seen for the region: the baseline, nothing to tell */
    @Query("INSERT IGNORE INTO push_bundle_notice (region, version, notified_at) VALUES (:region, :version, :at)")
    int insertIfAbsent(String region, String version, Instant at);

    /**
     * Claims the notice of a new version for this instance, unless the region's devices were told
     * less than the minimum interval ago; only one instance's update succeeds.
     *
     * @return 1 when this instance is to send
     */
    @Query("UPDATE push_bundle_notice SET version = :version, notified_at = :at"
            + " WHERE region = :region AND version <> :version AND notified_at <= :toldBefore")
    int claim(String region, String version, Instant at, Instant toldBefore);
}
