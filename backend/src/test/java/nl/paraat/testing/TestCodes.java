package nl.paraat.testing;

import java.util.UUID;

public final class TestCodes {

    private TestCodes() {
    }

    /** Organisation codes unique per run: the MariaDB test database outlives a test run. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
