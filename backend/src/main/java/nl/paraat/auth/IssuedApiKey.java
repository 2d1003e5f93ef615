package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A new key; {@code key} is shown this once and cannot be recovered later.
 *
 * @param member the subject of the member the key belongs to; absent for a system key
 */
@Serdeable
record IssuedApiKey(String id, String key, String organisation, String label, List<Role> roles,
                    @Nullable String member) {
}
