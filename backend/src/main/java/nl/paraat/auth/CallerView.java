package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** @param person the member behind the credentials; absent for a system key */
@Serdeable
record CallerView(String actor, String authenticatedBy, @Nullable String person, OrganisationView organisation,
                  List<Role> roles) {
}
