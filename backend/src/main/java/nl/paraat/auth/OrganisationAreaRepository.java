package nl.paraat.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OrganisationAreaRepository extends CrudRepository<OrganisationArea, Long> {

    List<OrganisationArea> findByOrganisationIdOrderByAreaCode(Long organisationId);
}
