package nl.paraat.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRepository extends CrudRepository<AuditEvent, Long> {

    List<AuditEvent> findByTargetTypeAndTargetIdOrderByIdDesc(String targetType, String targetId);

    List<AuditEvent> findByOrganisationCodeOrderByIdDesc(String organisationCode, io.micronaut.data.model.Pageable page);
}
