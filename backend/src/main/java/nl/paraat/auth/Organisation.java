package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("organisation")
record Organisation(@Id @GeneratedValue @Nullable Long id,
                    String code,
                    String name,
                    OrganisationKind kind,
                    Instant createdAt) {
}
