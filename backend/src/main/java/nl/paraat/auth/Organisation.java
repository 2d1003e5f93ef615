package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** @param singlePersonPublishing whether members with the role alert-urgent may publish alone; the operator decides */
@MappedEntity("organisation")
record Organisation(@Id @GeneratedValue @Nullable Long id,
                    String code,
                    String name,
                    OrganisationKind kind,
                    Instant createdAt,
                    boolean singlePersonPublishing) {

    Organisation withSinglePersonPublishing(boolean allowed) {
        return new Organisation(id, code, name, kind, createdAt, allowed);
    }
}
