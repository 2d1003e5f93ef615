package nl.paraat.auth;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
record CallerView(String actor, String authenticatedBy, OrganisationView organisation, List<Role> roles) {
}
