package nl.paraat.alert;

import nl.paraat.auth.Actor;
import nl.paraat.common.ProblemException;

/**
 * The second pair of eyes is a second person: not a second key or token of the same member, not a system
 * key, and not anyone who wrote or edited the message (an editor could otherwise rewrite a colleague's
 * draft and approve it alone).
 */
final class FourEyes {

    private FourEyes() {
    }

    /** @param step what the second person does, e.g. "approve" or "review" */
    static void requireSecondPerson(AlertMessage message, Actor actor, String step) {
        if (actor.person() == null) {
            throw ProblemException.forbidden("These credentials are a system key, which is no person: to " + step
                    + " a message takes a member of " + actor.organisation() + " who did not write or edit it.");
        }
        if (message.contributors() == null) {
            throw new ProblemException(io.micronaut.http.HttpStatus.CONFLICT, "conflict", "Alert " + message.id()
                    + " was written before Paraat told people apart, so no one can say who shaped it: a member edits it"
                    + " first, and another approves it.", java.util.List.of());
        }
        if (message.contributorSet().contains(actor.person())) {
            throw ProblemException.forbidden(actor.person() + " wrote, edited or published this message; another member of "
                    + actor.organisation() + " must " + step + " it.");
        }
    }

    /** Publishing alone is a privilege of the organisation, held by members with the role alert-urgent. */
    static void requireMayPublishAlone(AlertMessage message, Actor actor) {
        if (!actor.mayPublishAlone()) {
            throw ProblemException.forbidden("Publishing without a second person needs the role 'alert-urgent' of a member,"
                    + " in an organisation the operator granted single-person publishing; "
                    + actor.organisation() + " must approve this message with two people.");
        }
        if (message.severity() != Cap.Severity.Extreme || message.urgency() != Cap.Urgency.Immediate) {
            throw ProblemException.forbidden("Only Extreme and Immediate messages may be published without approval.");
        }
    }
}
