package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.Actor;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.push.PushRequests;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where a message goes live and where it ends: the one place that makes a message the active one of
 * its chain, ends the message it replaces, and hands the push to the push feature in the same
 * transaction.
 */
@Singleton
class AlertPublication {

    private final AlertRepositories.Messages messages;
    private final PushRequestBuilder pushRequest;
    private final PushRequests pushes;
    private final AuditService audit;
    private final Clock clock;

    AlertPublication(AlertRepositories.Messages messages, PushRequestBuilder pushRequest, PushRequests pushes,
                     AuditService audit, Clock clock) {
        this.messages = messages;
        this.pushRequest = pushRequest;
        this.pushes = pushes;
        this.audit = audit;
        this.clock = clock;
    }

    AlertMessage own(long id, Actor actor) {
        AlertMessage message = messages.findById(id).orElseThrow(() -> ProblemException.notFound("No alert " + id + "."));
        if (!message.organisation().equals(actor.organisation())) {
            throw ProblemException.forbidden("Alert " + id + " belongs to another organisation.");
        }
        return message;
    }

    AlertMessage publish(AlertMessage message, @Nullable String approver, boolean immediate, Actor actor,
                         String action) {
        requireActive(message);
        Instant now = now();
        if (message.referencesId() != null) {
            // Of two updates of one message only the first to be published replaces it: the version on the
            // original makes a simultaneous second one fail, this check refuses a later one, and the unique
            // active chain refuses any other way of making two active. The original ends first, so that the
            // chain is free when this message takes it.
            AlertMessage original = messages.findById(message.referencesId()).orElseThrow();
            requireCurrent(original);
            AlertState ended = message.msgType() == Cap.MsgType.Cancel ? AlertState.CANCELLED : AlertState.SUPERSEDED;
            messages.update(original.withState(ended, null, false, now));
            audit.record(actor.name(), actor.organisation(), "alert." + ended.code(), AlertSteps.TARGET,
                    original.id().toString(), "by " + message.identifier());
        }
        AlertMessage published = messages.update(message.withState(AlertState.PUBLISHED, approver, immediate, now));
        pushes.request(pushRequest.of(published));
        audit.record(actor.name(), actor.organisation(), action, AlertSteps.TARGET, published.id().toString(),
                published.msgType() + " " + published.identifier());
        return published;
    }

    /** An update or cancellation must replace the message residents see now, never an older one. */
    void requireCurrent(AlertMessage message) {
        if (message.state() == AlertState.PUBLISHED) {
            return;
        }
        AlertMessage current = message;
        for (int step = 0; step < 1000 && current.state() != AlertState.PUBLISHED; step++) {
            java.util.Optional<AlertMessage> next = messages.findByReferencesIdAndStateIn(current.id(),
                    List.of(AlertState.PUBLISHED, AlertState.SUPERSEDED, AlertState.CANCELLED, AlertState.EXPIRED)).stream().findFirst();
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
        }
        String detail = current.state() == AlertState.PUBLISHED && !current.id().equals(message.id())
                ? "Alert " + message.id() + " is " + message.state().code() + "; the current message is alert "
                + current.id() + " (" + current.identifier() + "): update or cancel that one."
                : "Alert " + message.id() + " is " + message.state().code() + " and no message of its chain is active.";
        throw new ProblemException(HttpStatus.CONFLICT, "not-current", detail,
                List.of(new Problem.FieldError("id", detail)));
    }

    void requireActive(AlertMessage message) {
        if (!message.expires().isAfter(now())) {
            throw ProblemException.conflict("expires", "The message has expired; change its expiry first.");
        }
    }

    /** Ends published messages whose time is up; residents stop seeing them at that moment anyway. */
    @Transactional
    int expire() {
        Instant now = now();
        int expired = 0;
        for (AlertMessage message : messages.findByStateAndExpiresLessThan(AlertState.PUBLISHED, now)) {
            messages.update(message.withState(AlertState.EXPIRED, null, false, now));
            audit.record("system", message.organisation(), "alert.expired", AlertSteps.TARGET, message.id().toString(), null);
            expired++;
        }
        return expired;
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
