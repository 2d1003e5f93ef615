package nl.paraat.push;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

final class PushRepositories {

    private PushRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Jobs extends CrudRepository<PushJob, Long> {

        boolean existsByDispatchId(long dispatchId);

        List<PushJob> findByAlertId(long alertId);

        @Query("UPDATE push_job SET completed_at = :when WHERE id = :id AND completed_at IS NULL")
        int complete(long id, Instant when);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Chunks extends CrudRepository<PushChunk, Long> {

        @Query("SELECT * FROM push_chunk WHERE done = FALSE AND (lease_until IS NULL OR lease_until < :now) ORDER BY id LIMIT 20")
        List<PushChunk> findClaimable(Instant now);

        /** Takes the lease only if nobody holds a live one: of two instances, one wins. */
        @Query("UPDATE push_chunk SET lease_owner = :owner, lease_until = :until, attempts = attempts + 1"
                + " WHERE id = :id AND done = FALSE AND (lease_until IS NULL OR lease_until < :now)")
        int claim(long id, String owner, Instant until, Instant now);

        @Query("UPDATE push_chunk SET done = TRUE, targeted = :targeted, sent = :sent, failed = :failed, retired = :retired,"
                + " failures = :failures, first_sent_at = :first, last_sent_at = :last, lease_until = NULL"
                + " WHERE id = :id AND lease_owner = :owner AND done = FALSE")
        int complete(long id, String owner, int targeted, int sent, int failed, int retired, String failures,
                     @io.micronaut.core.annotation.Nullable Instant first, @io.micronaut.core.annotation.Nullable Instant last);

        long countByJobIdAndDoneFalse(long jobId);

        List<PushChunk> findByJobIdIn(java.util.Collection<Long> jobIds);
    }
}
