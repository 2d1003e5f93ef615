package nl.paraat.point;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PointStatusChangeRepository extends CrudRepository<PointStatusChange, Long> {

    List<PointStatusChange> findByPointIdOrderByIdDesc(long pointId);

    void deleteByPointId(long pointId);
}
