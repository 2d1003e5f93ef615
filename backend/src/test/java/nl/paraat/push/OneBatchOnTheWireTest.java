package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** The default: one batch on the wire while the other worker reads its devices and builds its messages. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneBatchOnTheWireTest extends BatchesOnTheWireTest {

    @Override
    int batchesInFlight() {
        return 1;
    }
}
