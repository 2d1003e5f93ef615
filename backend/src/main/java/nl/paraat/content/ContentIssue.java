package nl.paraat.content;

import io.micronaut.serde.annotation.Serdeable;

/** A mistake in the content folder, located for the writer who has to fix it. */
@Serdeable
public record ContentIssue(Severity severity, String file, int line, String message) {

    public enum Severity { ERROR, WARNING }

    static ContentIssue error(String file, int line, String message) {
        return new ContentIssue(Severity.ERROR, file, line, message);
    }

    static ContentIssue warning(String file, int line, String message) {
        return new ContentIssue(Severity.WARNING, file, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (isError() ? "" : "warning: ") + message;
    }
}
