package nl.paraat.auth;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A new key; {@code key} is shown this once and cannot be recovered later. */
@Serdeable
record IssuedApiKey(String id, String key, String organisation, String label, List<Role> roles) {
}
