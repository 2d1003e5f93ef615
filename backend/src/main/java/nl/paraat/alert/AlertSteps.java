package nl.paraat.alert;

import io.micronaut.http.HttpStatus;
import nl.paraat.common.ProblemException;

import java.util.List;

/** What every step of the workflow checks and says in the same way. */
final class AlertSteps {

    /** How the audit log names an alert as the target of an action. */
    static final String TARGET = "alert";

    private AlertSteps() {
    }

    static void requireState(AlertMessage message, AlertState expected) {
        if (message.state() != expected) {
            throw conflict(message);
        }
    }

    static ProblemException conflict(AlertMessage message) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", "Alert " + message.id() + " is "
                + message.state().code() + "; that step is not possible now.", List.of());
    }

    static String headline(AlertViews.AlertRequest request) {
        AlertViews.InfoRequest dutch = request.infos().get("nl");
        return dutch == null ? "" : dutch.headline();
    }

    static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
    }
}
