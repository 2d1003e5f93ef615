package nl.paraat.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** Base of tests that talk HTTP to the running server; subclasses carry {@code @MicronautTest}. */
public abstract class ServerTestSupport {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected ApplicationContext context;
    @Inject
    protected JsonMapper json;
    protected Http http;

    @BeforeEach
    void connect() {
        http = new Http(server, json);
    }
}
