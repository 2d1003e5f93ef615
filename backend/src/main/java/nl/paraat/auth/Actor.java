package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A member of an organisation changing something, with the area the organisation is responsible for.
 *
 * @param name         who acts, for the audit log
 * @param organisation the code of the organisation
 * @param area         the area codes (GMxxxx, VRxx or NL) the organisation may act in
 * @param person       the person acting, the same whichever of their keys or tokens they use; null for a
 *                     system key
 * @param mayPublishAlone whether this person may publish an Extreme and Immediate message without a
 *                        second person: the organisation holds that privilege and the caller the role
 */
public record Actor(String name, String organisation, List<String> area, @Nullable String person,
                    boolean mayPublishAlone) {
}
