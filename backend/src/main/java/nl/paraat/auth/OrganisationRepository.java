package nl.paraat.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface OrganisationRepository extends CrudRepository<Organisation, Long> {

    Optional<Organisation> findByCode(String code);

    boolean existsByCode(String code);

    List<Organisation> findAllOrderByCode();
}
