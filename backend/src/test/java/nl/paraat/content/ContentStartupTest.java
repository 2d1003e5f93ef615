package nl.paraat.content;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentStartupTest {

    @Test
    void invalidContentFolderStopsTheServerFromStarting(@TempDir Path folder) {
        new ContentFiles(folder).page("nl/page/a.md", "a", "page", "nl", "national", "A", "", "[b](page:b)\n");

        assertThatThrownBy(() -> ApplicationContext.run(Map.of("paraat.content.path", folder.toString()), "test").close())
                .hasStackTraceContaining("nl/page/a.md:10: link to unknown page 'b'");
    }
}
