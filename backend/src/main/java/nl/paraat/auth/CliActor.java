package nl.paraat.auth;

final class CliActor {

    private CliActor() {
    }

    /** The audit log names command-line actions after the operating-system user who ran them. */
    static String name() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
