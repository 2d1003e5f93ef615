package nl.paraat.device;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class DeviceRepositories {

    private DeviceRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Devices extends CrudRepository<Device, Long> {

        Optional<Device> findByPublicId(String publicId);

        /** The device, its row locked until the transaction ends, so that its writers queue instead of deadlocking. */
        Optional<Device> findByPublicIdForUpdate(String publicId);

        /** The device that holds a push token now, its row locked, so that a token changes hands one registration at a time. */
        Optional<Device> findByPushTokenDigestForUpdate(String pushTokenDigest);

        @Query("UPDATE device SET push_token = NULL, push_token_digest = NULL WHERE push_token IS NOT NULL AND last_seen_at < :before")
        int retireTokensUnusedSince(Instant before);

        /** Only what a push needs: a national alert reads hundreds of thousands of these. */
        @io.micronaut.core.annotation.Introspected
        record Target(long id, String pushToken, String locale, boolean testAlerts) {
        }

        @Query("SELECT DISTINCT d.id, d.push_token, d.locale, d.test_alerts FROM device d JOIN device_area a ON a.device_id = d.id"
                + " WHERE d.id BETWEEN :from AND :to AND d.push_token IS NOT NULL AND a.municipality IN (:municipalities)")
        List<Target> findFollowing(long from, long to, java.util.Collection<String> municipalities);

        @Query("SELECT d.id, d.push_token, d.locale, d.test_alerts FROM device d WHERE d.id BETWEEN :from AND :to"
                + " AND d.push_token IS NOT NULL AND d.location_cell IN (:cells)")
        List<Target> findInCells(long from, long to, java.util.Collection<String> cells);

        @Query("SELECT COALESCE(MAX(id), 0) FROM device")
        long maxId();

        @Query("SELECT COALESCE(MIN(id), 0) FROM device")
        long minId();

        @Query("UPDATE device SET push_token = NULL, push_token_digest = NULL WHERE push_token_digest IN (:digests)")
        int retireTokenDigests(java.util.Collection<String> digests);

        @Query("UPDATE device SET push_token = NULL, push_token_digest = NULL WHERE id IN (:ids) AND push_token IN (:tokens)")
        int retireTokensOf(java.util.Collection<Long> ids, java.util.Collection<String> tokens);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Areas extends CrudRepository<DeviceArea, Long> {

        List<DeviceArea> findByDeviceIdOrderByMunicipality(long deviceId);

        void deleteByDeviceId(long deviceId);
    }
}
