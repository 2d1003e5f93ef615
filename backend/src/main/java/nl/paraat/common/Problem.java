package nl.paraat.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each offending field of a validation failure. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type,
                      String title,
                      int status,
                      @Nullable String detail,
                      @Nullable String instance,
                      @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @param line and {@code column}: where in a document (such as a CAP message) the problem lies, when that is known */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, @Nullable Integer line, @Nullable Integer column) {

        public FieldError(String field, String message) {
            this(field, message, null, null);
        }
    }
}
