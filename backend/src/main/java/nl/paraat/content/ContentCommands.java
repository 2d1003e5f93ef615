package nl.paraat.content;

import java.util.List;

/** The command-line entry points of this feature, for the top-level command to mount. */
public final class ContentCommands {

    private ContentCommands() {
    }

    public static List<Class<?>> all() {
        return List.of(ContentCommand.class);
    }
}
