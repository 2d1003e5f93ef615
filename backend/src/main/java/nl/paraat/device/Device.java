package nl.paraat.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A resident's phone, known only by a random id: no name, number, e-mail or precise location.
 *
 * @param pushTokenDigest SHA-256 of the push token, unique: a token is held by one device only
 * @param locationCell a geohash of at most five characters (about 5 km), for "where I am now"
 * @param lastSeenAt   the last time the app updated the registration; tokens unused for long are retired
 */
@MappedEntity("device")
record Device(@Id @GeneratedValue @Nullable Long id,
              String publicId,
              String secretHash,
              @Nullable String pushToken,
              @Nullable String pushTokenDigest,
              @Nullable Platform platform,
              String locale,
              boolean testAlerts,
              @Nullable String locationCell,
              Instant createdAt,
              Instant lastSeenAt) {
}
