package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("organisation_area")
record OrganisationArea(@Id @GeneratedValue @Nullable Long id, Long organisationId, String areaCode) {
}
