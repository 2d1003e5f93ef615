package nl.paraat.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApiKeyRepository extends CrudRepository<ApiKey, Long> {

    Optional<ApiKey> findByPublicId(String publicId);

    List<ApiKey> findByOrganisationIdOrderById(Long organisationId);
}
