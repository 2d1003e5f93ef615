package nl.paraat.common;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * Thrown by services for an expected failure that a client can act on.
 * Rendered as problem+json by {@link ProblemResponseProcessor}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail, List.of());
    }

    /** Forbidden because of what one field asks for, e.g. a role the organisation may not hand out. */
    public static ProblemException forbiddenField(String field, String message) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", message,
                List.of(new Problem.FieldError(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
