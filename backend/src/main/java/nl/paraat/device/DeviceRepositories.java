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

        @Query("UPDATE device SET push_token = NULL WHERE push_token IS NOT NULL AND last_seen_at < :before")
        int retireTokensUnusedSince(Instant before);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Areas extends CrudRepository<DeviceArea, Long> {

        List<DeviceArea> findByDeviceIdOrderByMunicipality(long deviceId);

        void deleteByDeviceId(long deviceId);
    }
}
