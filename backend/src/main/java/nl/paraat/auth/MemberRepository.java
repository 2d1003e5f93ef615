package nl.paraat.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface MemberRepository extends CrudRepository<Member, Long> {

    Optional<Member> findByOrganisationIdAndSubject(Long organisationId, String subject);

    List<Member> findByOrganisationIdOrderBySubject(Long organisationId);
}
