package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** Configured for two, both workers' batches are on the wire together. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoBatchesOnTheWireTest extends BatchesOnTheWireTest {

    @Override
    int batchesInFlight() {
        return 2;
    }
}
