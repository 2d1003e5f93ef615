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
                    @Version Long version) {

    AlertMessage withState(AlertState next, @Nullable String approvedBy, boolean review, Instant now) {
        return new AlertMessage(id, identifier, organisation, status, msgType, referencesId, hazard, category, urgency,
                severity, certainty, responseType, onset, expires, web, areaCodes, polygons, circles,
                affectedMunicipalities, next, author, approvedBy != null ? approvedBy : approver, review || reviewNeeded,
                createdAt, next == AlertState.SUBMITTED ? now : submittedAt,
                next == AlertState.PUBLISHED ? now : publishedAt,
                next == AlertState.CANCELLED || next == AlertState.SUPERSEDED || next == AlertState.EXPIRED ? now : endedAt,
                now, targetCells, areaNote, version);
    }
}
