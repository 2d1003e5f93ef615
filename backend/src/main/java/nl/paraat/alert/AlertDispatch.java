package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The outbox: a request to push a published message to residents, written in the same transaction
 * as the publication so that no published message is ever left without one.
 */
@MappedEntity("alert_dispatch")
record AlertDispatch(@Id @GeneratedValue @Nullable Long id,
                     long alertId,
                     String identifier,
                     Cap.MsgType msgType,
                     Instant createdAt,
                     @Nullable Instant dispatchedAt) {
}
