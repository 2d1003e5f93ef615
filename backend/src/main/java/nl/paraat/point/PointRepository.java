package nl.paraat.point;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PointRepository extends CrudRepository<ResiliencePoint, Long> {

    Optional<ResiliencePoint> findByOwnerAndExternalId(String owner, String externalId);

    List<ResiliencePoint> findByOwnerAndExternalIdIn(String owner, Collection<String> externalIds);

    List<ResiliencePoint> findByMunicipalityInOrderById(Collection<String> municipalities);

    List<ResiliencePoint> findByIdIn(Collection<Long> ids);

    /** The candidates for a nearest search without the in-memory index: a box on the indexed coordinates. */
    List<ResiliencePoint> findByLatitudeBetweenAndLongitudeBetweenAndStatusIn(double latitudeFrom, double latitudeTo,
                                                                             double longitudeFrom, double longitudeTo,
                                                                             Collection<PointStatus> statuses);

    @Query("SELECT version FROM point_index_version WHERE id = 1")
    long indexVersion();

    @Query("UPDATE point_index_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP WHERE id = 1")
    void bumpIndexVersion();
}
