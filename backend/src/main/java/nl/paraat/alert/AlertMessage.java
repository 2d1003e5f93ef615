package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * One CAP message with its place in the workflow.
 *
 * @param referencesId           the message this one updates or cancels
 * @param areaCodes              the GM/VR codes targeted, comma-separated
 * @param polygons               CAP polygons, one per line ("lat,lon lat,lon ...")
 * @param circles                CAP circles, one per line ("lat,lon radiusKm")
 * @param affectedMunicipalities every municipality the area touches, comma-separated, for matching residents
 * @param reviewNeeded           published by one person under the immediate-danger exception
 * @param targetCells            the location cells whose devices the message reaches, comma-separated
 * @param areaNote               what of the drawn area was left out because it lies outside the sender's area
 * @param version                optimistic lock: of two simultaneous transitions of one message, one wins
 * @param contributors           every person who wrote, edited or published the message alone, comma-separated
 *                               ({@code member:jdevries}); none of them may approve or review it
 * @param reviewedBy             the second person who reviewed a message published by one person alone
 * @param chainRootId            the first message of the chain this one updates or cancels; null for that first one
 * @param activeChain            the chain's first message id while this message is published, else null; unique,
 *                               so that the database holds at most one active message per chain
 */
@MappedEntity("alert")
record AlertMessage(@Id @GeneratedValue @Nullable Long id,
                    String identifier,
                    String organisation,
                    Cap.Status status,
                    Cap.MsgType msgType,
                    @Nullable Long referencesId,
                    String hazard,
                    Cap.Category category,
                    Cap.Urgency urgency,
                    Cap.Severity severity,
                    Cap.Certainty certainty,
                    @Nullable Cap.ResponseType responseType,
                    @Nullable Instant onset,
                    Instant expires,
                    @Nullable String web,
                    String areaCodes,
                    String polygons,
                    String circles,
                    String affectedMunicipalities,
                    AlertState state,
                    String author,
                    @Nullable String approver,
                    boolean reviewNeeded,
                    Instant createdAt,
                    @Nullable Instant submittedAt,
                    @Nullable Instant publishedAt,
                    @Nullable Instant endedAt,
                    Instant updatedAt,
                    @Nullable String targetCells,
                    @Nullable String areaNote,
                    @Version Long version,
                    @Nullable String contributors,
                    @Nullable String reviewedBy,
                    @Nullable Instant reviewedAt,
                    @Nullable String reviewNote,
                    @Nullable Long chainRootId,
                    @Nullable Long activeChain) {

    AlertMessage withState(AlertState next, @Nullable String approvedBy, boolean review, Instant now) {
        return new AlertMessage(id, identifier, organisation, status, msgType, referencesId, hazard, category, urgency,
                severity, certainty, responseType, onset, expires, web, areaCodes, polygons, circles,
                affectedMunicipalities, next, author, approvedBy != null ? approvedBy : approver, review || reviewNeeded,
                createdAt, next == AlertState.SUBMITTED ? now : submittedAt,
                next == AlertState.PUBLISHED ? now : publishedAt,
                next == AlertState.CANCELLED || next == AlertState.SUPERSEDED || next == AlertState.EXPIRED ? now : endedAt,
                now, targetCells, areaNote, version, contributors, reviewedBy, reviewedAt, reviewNote, chainRootId,
                next == AlertState.PUBLISHED ? chain() : null);
    }

    /** The id of the chain's first message, which names the chain. */
    Long chain() {
        return chainRootId != null ? chainRootId : id;
    }

    /** With {@code person} among the contributors; a system key (null) is no person and adds nobody. */
    AlertMessage contributedBy(@Nullable String person) {
        if (person == null) {
            return this;
        }
        java.util.Set<String> all = new java.util.TreeSet<>(contributorSet());
        all.add(person);
        return new AlertMessage(id, identifier, organisation, status, msgType, referencesId, hazard, category, urgency,
                severity, certainty, responseType, onset, expires, web, areaCodes, polygons, circles,
                affectedMunicipalities, state, author, approver, reviewNeeded, createdAt, submittedAt, publishedAt, endedAt,
                updatedAt, targetCells, areaNote, version, String.join(",", all), reviewedBy, reviewedAt, reviewNote,
                chainRootId, activeChain);
    }

    /** The people who shaped the message; none are known for one written before contributors were recorded. */
    java.util.Set<String> contributorSet() {
        return contributors == null || contributors.isEmpty() ? java.util.Set.of()
                : new java.util.TreeSet<>(java.util.List.of(contributors.split(",")));
    }

    /** @param people null where nobody is known to have shaped the message */
    AlertMessage withContributors(@Nullable java.util.Set<String> people) {
        return new AlertMessage(id, identifier, organisation, status, msgType, referencesId, hazard, category, urgency,
                severity, certainty, responseType, onset, expires, web, areaCodes, polygons, circles,
                affectedMunicipalities, state, author, approver, reviewNeeded, createdAt, submittedAt, publishedAt, endedAt,
                updatedAt, targetCells, areaNote, version, people == null ? null : String.join(",", new java.util.TreeSet<>(people)), reviewedBy,
                reviewedAt, reviewNote, chainRootId, activeChain);
    }

    AlertMessage reviewed(String by, @Nullable String note, Instant now) {
        return new AlertMessage(id, identifier, organisation, status, msgType, referencesId, hazard, category, urgency,
                severity, certainty, responseType, onset, expires, web, areaCodes, polygons, circles,
                affectedMunicipalities, state, author, approver, reviewNeeded, createdAt, submittedAt, publishedAt, endedAt,
                now, targetCells, areaNote, version, contributors, by, now, note, chainRootId, activeChain);
    }
}
