package nl.paraat.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/** Accepts an organisation's API key as bearer token; the database look-up runs off the event loop. */
@Singleton
final class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final ApiKeyService keys;
    private final Scheduler blocking;

    ApiKeyTokenValidator(ApiKeyService keys, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.keys = keys;
        this.blocking = Schedulers.fromExecutorService(executor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!token.startsWith(ApiKeySecrets.PREFIX)) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> keys.authenticate(token).map(Caller::authentication).orElse(null))
                .subscribeOn(blocking);
    }
}
