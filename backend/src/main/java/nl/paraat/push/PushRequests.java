package nl.paraat.push;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Push's outbox: other features hand in what to push; the dispatcher reads it back and marks it done. */
@Singleton
public class PushRequests {

    private static final int PARSED_KEPT = 64;
    private final java.util.Map<Long, PushRequest> parsed = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, PushRequest> eldest) {
            return size() > PARSED_KEPT;
        }
    };

    private final PushRepositories.Dispatches dispatches;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<PushRequested> events;

    PushRequests(PushRepositories.Dispatches dispatches, JsonMapper json, Clock clock,
                 ApplicationEventPublisher<PushRequested> events) {
        this.dispatches = dispatches;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Stores the request in the caller's transaction, so that it commits or rolls back with the
     * publication. A second request for the same message breaks a unique key and fails the transaction.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void request(PushRequest request) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        PushDispatch saved = dispatches.save(new PushDispatch(null, request.alertId(), request.organisation(),
                write(request), now, null, request.collapseKey()));
        events.publishEvent(new PushRequested(saved.id()));
    }

    /** Requests whose push has not been planned yet, oldest first. */
    @ReadOnly
    List<PushDispatch> unplanned() {
        return dispatches.findUnplanned();
    }

    @ReadOnly
    Optional<PushDispatch> ofAlert(long alertId) {
        return dispatches.findByAlertId(alertId);
    }

    @ReadOnly
    PushDispatch dispatch(long dispatchId) {
        return dispatches.findById(dispatchId).orElseThrow();
    }

    /**
     * A request's content never changes once written, and every batch of a push and of its retries reads
     * it: the last few are kept parsed instead of read and parsed once per batch.
     */
    PushRequest content(long dispatchId) {
        synchronized (parsed) {
            PushRequest known = parsed.get(dispatchId);
            if (known != null) {
                return known;
            }
        }
        PushRequest content = read(dispatchId);
        synchronized (parsed) {
            parsed.put(dispatchId, content);
        }
        return content;
    }

    private PushRequest read(long dispatchId) {
        PushDispatch dispatch = dispatches.findById(dispatchId).orElseThrow();
        if (dispatch.request() == null) {
            throw new IllegalStateException("Push request " + dispatchId + " keeps no content; it was finished before the upgrade");
        }
        try {
            return json.readValue(dispatch.request(), PushRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    void markDispatched(long dispatchId, Instant when) {
        dispatches.markDispatched(dispatchId, when);
    }

    private String write(PushRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
