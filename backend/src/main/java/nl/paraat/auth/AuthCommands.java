package nl.paraat.auth;

import java.util.List;

/** The command-line entry points of this feature, for the top-level command to mount. */
public final class AuthCommands {

    private AuthCommands() {
    }

    public static List<Class<?>> all() {
        return List.of(OrganisationCommand.class, MemberCommand.class, ApiKeyCommand.class);
    }
}
