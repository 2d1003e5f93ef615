package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The outbox: one published message to push, written in the publication's transaction so that no
 * published message is ever left without one, and at most one per message (a unique key).
 *
 * @param request      the {@link PushRequest} as JSON; null only for pushes that were finished before
 *                     push kept its own requests (changeset 015)
 * @param dispatchedAt when every chunk of its push was sent
 * @param chain        the message's collapse key, shared with its updates and cancellation: a later request of
 *                     the same chain supersedes what this one has not sent yet
 */
@MappedEntity("push_dispatch")
record PushDispatch(@Id @GeneratedValue @Nullable Long id, long alertId, String organisation, @Nullable String request,
                    Instant createdAt, @Nullable Instant dispatchedAt, @Nullable String chain) {
}
