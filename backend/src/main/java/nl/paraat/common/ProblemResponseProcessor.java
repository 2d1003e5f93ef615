package nl.paraat.common;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Every error response of Paraat passes through here, whether raised by a service, by validation,
 * by body decoding or by routing, so clients always receive one RFC 9457 shape.
 */
@Primary
@Singleton
final class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);

    private final BodyFieldLocator bodyFields;

    ProblemResponseProcessor(BodyFieldLocator bodyFields) {
        this.bodyFields = bodyFields;
    }

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                        @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Problem problem = toProblem(context, status);
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private Problem toProblem(ErrorContext context, HttpStatus status) {
        String instance = context.getRequest().getPath();
        if (status.getCode() >= 500) {
            context.getRootCause().ifPresent(cause -> LOG.error("Unhandled error on {}", instance, cause));
            return new Problem(ProblemTypes.of("internal-error"), status.getReason(), status.getCode(),
                    "The request could not be completed. Try again later.", instance, null);
        }
        if (context.getRootCause().orElse(null) instanceof ProblemException known) {
            return new Problem(ProblemTypes.of(known.type()), status.getReason(), status.getCode(),
                    known.getMessage(), instance, known.errors());
        }
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException violations) {
            return validationProblem(status, instance, violations.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(FieldNames.fromPropertyPath(v.getPropertyPath()), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                    .toList());
        }
        if (cause instanceof ConversionErrorException conversion) {
            if (conversion.getCause() instanceof SerdeException) {
                return validationProblem(status, instance,
                        List.of(bodyFields.locate(context.getRequest(), conversion.getArgument().getType(), conversion.getCause())));
            }
            String field = conversion.getArgument().getName();
            String value = conversion.getConversionError().getOriginalValue().map(Object::toString).orElse("");
            return validationProblem(status, instance, List.of(new Problem.FieldError(field,
                    "'" + FieldNames.abbreviate(value) + "' is not a valid " + FieldNames.typeName(conversion.getArgument().getType()) + ".")));
        }
        if (cause instanceof UnsatisfiedRouteException missing) {
            return validationProblem(status, instance,
                    List.of(new Problem.FieldError(missing.getArgument().getName(), "is required.")));
        }
        List<Problem.FieldError> fieldErrors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(ProblemResponseProcessor::toFieldError)
                .toList();
        String detail = context.getErrors().stream().map(Error::getMessage).findFirst()
                .orElse(status.getReason());
        return new Problem(ProblemTypes.forStatus(status, !fieldErrors.isEmpty()), status.getReason(),
                status.getCode(), FieldNames.cleanMessage(detail), instance, fieldErrors);
    }

    private static Problem validationProblem(HttpStatus status, String instance, List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(java.util.stream.Collectors.joining("; "));
        return new Problem(ProblemTypes.of("validation"), status.getReason(), status.getCode(), detail, instance, errors);
    }

    private static Problem.FieldError toFieldError(Error error) {
        String field = FieldNames.fromPath(error.getPath().orElseThrow());
        return new Problem.FieldError(field, FieldNames.cleanMessage(error.getMessage()));
    }
}
