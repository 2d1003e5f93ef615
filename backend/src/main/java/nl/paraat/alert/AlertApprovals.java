package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.Actor;
import nl.paraat.common.ProblemException;

import java.util.List;

/**
 * The second pair of eyes: a written message is submitted, then approved by a second person, who
 * publishes it, or rejected back to draft. In immediate danger one person may publish alone where the
 * organisation holds that privilege, and a second person reviews it afterwards.
 */
@Singleton
class AlertApprovals {

    private final AlertRepositories.Messages messages;
    private final AlertPublication publication;
    private final AuditService audit;

    AlertApprovals(AlertRepositories.Messages messages, AlertPublication publication, AuditService audit) {
        this.messages = messages;
        this.publication = publication;
        this.audit = audit;
    }

    @Transactional
    AlertMessage submit(long id, Actor actor) {
        AlertMessage message = publication.own(id, actor);
        AlertSteps.requireState(message, AlertState.DRAFT);
        publication.requireActive(message);
        AlertMessage submitted = messages.update(message.withState(AlertState.SUBMITTED, null, false, publication.now()));
        audit.record(actor.name(), actor.organisation(), "alert.submitted", AlertSteps.TARGET, Long.toString(id), null);
        return submitted;
    }

    @Transactional
    AlertMessage reject(long id, @Nullable String note, Actor actor) {
        AlertMessage message = publication.own(id, actor);
        AlertSteps.requireState(message, AlertState.SUBMITTED);
        AlertMessage back = messages.update(message.withState(AlertState.DRAFT, null, false, publication.now()));
        audit.record(actor.name(), actor.organisation(), "alert.rejected", AlertSteps.TARGET, Long.toString(id), note);
        return back;
    }

    /** The second pair of eyes: a person of the same organisation who did not write or edit the message. */
    @Transactional
    AlertMessage approve(long id, Actor actor) {
        AlertMessage message = publication.own(id, actor);
        AlertSteps.requireState(message, AlertState.SUBMITTED);
        FourEyes.requireSecondPerson(message, actor, "approve");
        return publication.publish(message, actor.name(), false, actor, "alert.approved");
    }

    /**
     * The exception for immediate danger: one person publishes, where the organisation holds that
     * privilege, and the message is flagged until a second person has reviewed it.
     */
    @Transactional
    AlertMessage publishImmediately(long id, Actor actor) {
        AlertMessage message = publication.own(id, actor);
        if (message.state() != AlertState.DRAFT && message.state() != AlertState.SUBMITTED) {
            throw AlertSteps.conflict(message);
        }
        FourEyes.requireMayPublishAlone(message, actor);
        return publication.publish(message.contributedBy(actor.person()), null, true, actor, "alert.published-immediately");
    }

    /** A second person looks at what one person published alone; recorded on the message and in the audit. */
    @Transactional
    AlertMessage review(long id, @Nullable String note, Actor actor) {
        AlertMessage message = publication.own(id, actor);
        if (!message.reviewNeeded() || message.reviewedBy() != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Alert " + id + (message.reviewNeeded()
                    ? " was reviewed by " + message.reviewedBy() + " already." : " was approved by a second person;"
                    + " there is nothing to review."), List.of());
        }
        FourEyes.requireSecondPerson(message, actor, "review");
        AlertMessage reviewed = messages.update(message.reviewed(actor.person(), note, publication.now()));
        audit.record(actor.name(), actor.organisation(), "alert.reviewed", AlertSteps.TARGET, Long.toString(id),
                "by " + actor.person() + (note == null || note.isBlank() ? "" : ": " + note));
        return reviewed;
    }
}
