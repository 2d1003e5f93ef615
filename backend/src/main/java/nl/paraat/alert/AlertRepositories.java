package nl.paraat.alert;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

final class AlertRepositories {

    private AlertRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Messages extends CrudRepository<AlertMessage, Long> {

        List<AlertMessage> findByOrganisationOrderByIdDesc(String organisation);

        /** CAP identifiers are unique per sender: Paraat's organisation is the sender. */
        java.util.Optional<AlertMessage> findByOrganisationAndIdentifier(String organisation, String identifier);

        boolean existsByOrganisationAndIdentifier(String organisation, String identifier);

        List<AlertMessage> findByStateOrderByPublishedAtDesc(AlertState state);

        List<AlertMessage> findByStateAndExpiresLessThan(AlertState state, Instant moment);

        List<AlertMessage> findByReferencesIdAndStateIn(long referencesId, Collection<AlertState> states);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Infos extends CrudRepository<AlertInfo, Long> {

        List<AlertInfo> findByAlertIdOrderByLanguage(long alertId);

        List<AlertInfo> findByAlertIdInOrderByLanguage(Collection<Long> alertIds);

        void deleteByAlertId(long alertId);
    }
}
