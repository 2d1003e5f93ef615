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
    interface Dispatches extends CrudRepository<PushDispatch, Long> {

        /** Pending requests without a job; those with one are under way and must not hold up the rest. */
        @Query("SELECT d.* FROM push_dispatch d WHERE d.dispatched_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM push_job j WHERE j.dispatch_id = d.id) ORDER BY d.id LIMIT 20")
        List<PushDispatch> findUnplanned();

        java.util.Optional<PushDispatch> findByAlertId(long alertId);

        @Query("UPDATE push_dispatch SET dispatched_at = :when WHERE id = :id AND dispatched_at IS NULL")
        int markDispatched(long id, Instant when);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Jobs extends CrudRepository<PushJob, Long> {

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

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface TopicChanges extends CrudRepository<PushTopicChange, Long> {

        /** Due changes that nobody holds, each the oldest of its token and topic: a later one waits for it. */
        @Query("SELECT c.* FROM push_topic_change c WHERE c.next_attempt_at <= :now"
                + " AND (c.lease_until IS NULL OR c.lease_until < :now)"
                + " AND NOT EXISTS (SELECT 1 FROM push_topic_change e WHERE e.token_digest = c.token_digest"
                + " AND e.topic = c.topic AND e.id < c.id) ORDER BY c.id LIMIT 1000")
        List<PushTopicChange> findDue(Instant now);

        /** Takes the leases nobody holds a live one of: of two instances, each change goes to one. */
        @Query("UPDATE push_topic_change SET lease_owner = :owner, lease_until = :until, attempts = attempts + 1"
                + " WHERE id IN (:ids) AND (lease_until IS NULL OR lease_until < :now)")
        int claim(java.util.Collection<Long> ids, String owner, Instant until, Instant now);

        List<PushTopicChange> findByLeaseOwnerOrderById(String leaseOwner);

        @Query("DELETE FROM push_topic_change WHERE id IN (:ids) AND lease_owner = :owner")
        int settle(java.util.Collection<Long> ids, String owner);

        @Query("UPDATE push_topic_change SET lease_owner = NULL, lease_until = NULL, next_attempt_at = :next,"
                + " last_error = :error WHERE id IN (:ids) AND lease_owner = :owner")
        int retryLater(java.util.Collection<Long> ids, String owner, Instant next, String error);
    }
}
