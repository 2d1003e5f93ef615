package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A person of an organisation. Every key bound to a member and every identity-provider token with the
 * member's subject count as this one person, which is what the four-eyes rule compares.
 *
 * @param subject the identity provider's {@code sub} for this person, or an identifier the organisation
 *                chose (a staff number) where no provider is used
 */
@MappedEntity("member")
record Member(@Id @GeneratedValue @Nullable Long id,
              Long organisationId,
              String subject,
              String displayName,
              Instant createdAt,
              String createdBy,
              @Nullable Instant removedAt,
              @Nullable String removedBy) {

    boolean removed() {
        return removedAt != null;
    }

    /** How alerts and the audit log name this person; the same for each of the person's credentials. */
    String person() {
        return Person.of(subject);
    }
}
