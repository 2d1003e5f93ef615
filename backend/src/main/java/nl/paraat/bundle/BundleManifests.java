package nl.paraat.bundle;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface BundleManifests extends GenericRepository<BundleManifest, String> {

    Optional<BundleManifest> findById(String version);

    /** Records a version unless another instance already did; the first record's moment stands. */
    @Query("INSERT IGNORE INTO bundle_manifest (version, region, locale, created_at, manifest)"
            + " VALUES (:version, :region, :locale, :createdAt, :manifest)")
    void insertIfAbsent(String version, String region, String locale, Instant createdAt, String manifest);
}
