package nl.paraat.push;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A push is complete when every chunk is done and no message of it is pending a retry. */
@Singleton
class JobCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(JobCompletion.class);

    private final PushRepositories.Jobs jobs;
    private final PushRepositories.Chunks chunks;
    private final PushRepositories.Retries retries;
    private final PushRequests requests;
    private final Clock clock;

    JobCompletion(PushRepositories.Jobs jobs, PushRepositories.Chunks chunks, PushRepositories.Retries retries,
                  PushRequests requests, Clock clock) {
        this.jobs = jobs;
        this.chunks = chunks;
        this.retries = retries;
        this.requests = requests;
        this.clock = clock;
    }

    void completeIfDone(PushJob job) {
        if (job.completedAt() != null || chunks.countByJobIdAndDoneFalse(job.id()) > 0
                || retries.countByJobIdAndState(job.id(), PushRetry.PENDING) > 0) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (jobs.complete(job.id(), now) == 1) {
            requests.markDispatched(job.dispatchId(), now);
            LOG.info("Push of alert {} complete", job.alertId());
        }
    }
}
