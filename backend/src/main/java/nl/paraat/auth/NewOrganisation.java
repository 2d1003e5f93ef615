package nl.paraat.auth;

import java.util.List;

record NewOrganisation(String code, String name, OrganisationKind kind, List<String> area) {
}
