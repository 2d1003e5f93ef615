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

        /** A later message of the same chain was published: what is left of this one must not go out. */
        @Query("SELECT COUNT(*) FROM push_dispatch WHERE chain = :chain AND id > :dispatchId")
        long countLaterInChain(String chain, long dispatchId);

        /** Unfinished jobs that a later message of their chain supersedes. */
        @Query("SELECT * FROM push_job WHERE completed_at IS NULL ORDER BY id LIMIT 100")
        List<PushJob> findUnfinished();
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Chunks extends CrudRepository<PushChunk, Long> {

        /**
         * Chunks nobody holds a live lease on, of jobs that no older unfinished job of the same chain
         * holds up: a device never gets an update after its cancellation.
         */
        @Query("SELECT c.* FROM push_chunk c JOIN push_job j ON j.id = c.job_id"
                + " WHERE c.done = FALSE AND (c.lease_until IS NULL OR c.lease_until < :now)"
                + " AND NOT EXISTS (SELECT 1 FROM push_job o WHERE o.chain = j.chain AND o.dispatch_id < j.dispatch_id"
                + " AND o.completed_at IS NULL) ORDER BY c.id LIMIT 20")
        List<PushChunk> findClaimable(Instant now);

        /** Takes the lease only if nobody holds a live one: of two instances, one wins. */
        @Query("UPDATE push_chunk SET lease_owner = :owner, lease_until = :until, attempts = attempts + 1"
                + " WHERE id = :id AND done = FALSE AND (lease_until IS NULL OR lease_until < :now)")
        int claim(long id, String owner, Instant until, Instant now);

        /** The heartbeat: keeps the leases this instance is working on. */
        @Query("UPDATE push_chunk SET lease_until = :until WHERE id IN (:ids) AND lease_owner = :owner AND done = FALSE")
        int renew(java.util.Collection<Long> ids, String owner, Instant until);

        /** Notes the batch about to go on the wire; 0 when the lease went to another instance. */
        @Query("UPDATE push_chunk SET in_flight_to = :inFlightTo WHERE id = :id AND lease_owner = :owner AND done = FALSE")
        int sending(long id, String owner, long inFlightTo);

        /** Records a batch: the totals so far, and where the next batch starts. */
        @Query("UPDATE push_chunk SET cursor_device = :cursor, in_flight_to = NULL, targeted = :targeted, sent = :sent,"
                + " failed = :failed, retired = :retired, failures = :failures, resent = :resent, skipped = :skipped,"
                + " first_sent_at = :first, last_sent_at = :last, done = :done,"
                + " lease_until = CASE WHEN :done THEN NULL ELSE lease_until END"
                + " WHERE id = :id AND lease_owner = :owner AND done = FALSE")
        int record(long id, String owner, long cursor, int targeted, int sent, int failed, int retired, String failures,
                   int resent, int skipped, @io.micronaut.core.annotation.Nullable Instant first,
                   @io.micronaut.core.annotation.Nullable Instant last, boolean done);

        /** Lets the chunk go at once, e.g. when the push service refused the credentials. */
        @Query("UPDATE push_chunk SET lease_until = NULL, in_flight_to = NULL WHERE id = :id AND lease_owner = :owner")
        int release(long id, String owner);

        long countByJobIdAndDoneFalse(long jobId);

        long countByDoneFalse();

        List<PushChunk> findByJobIdIn(java.util.Collection<Long> jobIds);
    }

    /**
     * How many retried messages of some jobs are in each state, by last error.
     *
     * @param oldest when the oldest of them first failed
     * @param latest when the last of them was settled (for sent ones: the last send)
     */
    @io.micronaut.core.annotation.Introspected
    record RetryTally(long jobId, String state, @io.micronaut.core.annotation.Nullable String lastError, long count,
                      @io.micronaut.core.annotation.Nullable Instant oldest, @io.micronaut.core.annotation.Nullable Instant latest) {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Retries extends CrudRepository<PushRetry, Long> {

        @Query("SELECT * FROM push_retry WHERE state = 'pending' AND next_attempt_at <= :now"
                + " AND (lease_until IS NULL OR lease_until < :now) ORDER BY next_attempt_at, id LIMIT 500")
        List<PushRetry> findDue(Instant now);

        /** The pending message that nobody holds and that is due first, whenever that is. */
        @Query("SELECT * FROM push_retry WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < :now)"
                + " ORDER BY next_attempt_at, id LIMIT 1")
        List<PushRetry> findNextPending(Instant now);

        @Query("UPDATE push_retry SET lease_owner = :owner, lease_until = :until"
                + " WHERE id IN (:ids) AND state = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)")
        int claim(java.util.Collection<Long> ids, String owner, Instant until, Instant now);

        List<PushRetry> findByLeaseOwnerAndStateAndIdIn(String leaseOwner, String state, java.util.Collection<Long> ids);

        @Query("UPDATE push_retry SET lease_until = :until WHERE id IN (:ids) AND lease_owner = :owner AND state = 'pending'")
        int renew(java.util.Collection<Long> ids, String owner, Instant until);

        @Query("UPDATE push_retry SET state = :state, last_error = :error, settled_at = :now, attempts = attempts + 1,"
                + " lease_owner = NULL, lease_until = NULL WHERE id IN (:ids) AND lease_owner = :owner AND state = 'pending'")
        int settle(java.util.Collection<Long> ids, String owner, String state,
                   @io.micronaut.core.annotation.Nullable String error, Instant now);

        @Query("UPDATE push_retry SET next_attempt_at = :next, last_error = :error, attempts = attempts + 1,"
                + " lease_owner = NULL, lease_until = NULL WHERE id IN (:ids) AND lease_owner = :owner AND state = 'pending'")
        int later(java.util.Collection<Long> ids, String owner, Instant next, String error);

        /** Skips what nobody is sending now; a message on the wire is settled by its sender. */
        @Query("UPDATE push_retry SET state = 'skipped', last_error = :reason, settled_at = :now"
                + " WHERE job_id = :jobId AND state = 'pending' AND (lease_until IS NULL OR lease_until < :now)")
        int skipPending(long jobId, String reason, Instant now);

        long countByJobIdAndState(long jobId, String state);

        long countByState(String state);

        @Query("SELECT job_id, state, last_error, COUNT(*) AS count, MIN(created_at) AS oldest, MAX(settled_at) AS latest"
                + " FROM push_retry WHERE job_id IN (:jobIds) GROUP BY job_id, state, last_error")
        List<RetryTally> tally(java.util.Collection<Long> jobIds);
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
