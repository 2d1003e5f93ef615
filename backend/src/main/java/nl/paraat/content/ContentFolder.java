package nl.paraat.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the content is read from: the configured folder; else {@code ./content} when Paraat runs
 * from the repository; else the copy packaged inside the jar.
 */
final class ContentFolder {

    private static final String PACKAGED = "content";

    private ContentFolder() {
    }

    static Path locate(ContentConfiguration configuration) {
        if (configuration.path() != null && !configuration.path().isBlank()) {
            return Path.of(configuration.path()).toAbsolutePath().normalize();
        }
        Path working = Path.of(PACKAGED);
        if (Files.isDirectory(working)) {
            return working.toAbsolutePath().normalize();
        }
        return packaged();
    }

    private static Path packaged() {
        URL marker = ContentFolder.class.getClassLoader().getResource(PACKAGED + "/README.md");
        if (marker == null) {
            throw new IllegalStateException("No content folder: set paraat.content.path");
        }
        try {
            URI uri = marker.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
            }
            return jar.getPath("/" + PACKAGED);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
