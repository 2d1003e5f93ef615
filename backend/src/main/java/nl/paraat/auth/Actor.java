package nl.paraat.auth;

import java.util.List;

/**
 * A member of an organisation changing something, with the area the organisation is responsible for.
 *
 * @param name         who acts, for the audit log
 * @param organisation the code of the organisation
 * @param area         the area codes (GMxxxx, VRxx or NL) the organisation may act in
 */
public record Actor(String name, String organisation, List<String> area) {
}
