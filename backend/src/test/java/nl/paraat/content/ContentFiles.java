package nl.paraat.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes content files into a folder for tests. */
public final class ContentFiles {

    private final Path root;

    public ContentFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Writes a file with the given front matter lines and Markdown body. */
    public ContentFiles write(String file, String frontMatter, String body) {
        return raw(file, "---\n" + frontMatter.strip() + "\n---\n" + body);
    }

    /** A valid page with the usual fields; {@code extra} adds or overrides nothing, it is appended. */
    public ContentFiles page(String file, String id, String kind, String locale, String scope, String title, String extra,
                             String body) {
        return write(file, """
                id: %s
                kind: %s
                title: %s
                summary: Summary of %s.
                locale: %s
                scope: %s
                updated: 2026-11-20
                %s
                """.formatted(id, kind, title, id, locale, scope, extra), body);
    }

    public ContentFiles raw(String file, String text) {
        return bytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public ContentFiles bytes(String file, byte[] bytes) {
        try {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ContentFiles delete(String file) {
        try {
            Files.deleteIfExists(root.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String RISK_BODY = """
            What the hazard is.

            ## Before

            Prepare.

            ## During

            Act.

            ## After

            Recover.
            """;
}
