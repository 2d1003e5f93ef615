package nl.paraat.auth;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * @param area                   the GM/VR codes (or {@code NL}) the organisation may publish for
 * @param singlePersonPublishing whether a member with the role alert-urgent may publish an Extreme and
 *                               Immediate message alone (off unless the operator switched it on)
 */
@Serdeable
public record OrganisationView(String code, String name, OrganisationKind kind, List<String> area, Instant createdAt,
                               boolean singlePersonPublishing) {
}
