package nl.paraat.content;

import nl.paraat.region.RegionService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads and checks a whole content folder; the result is either a complete snapshot or the reasons why not. */
final class ContentLoader {

    static final long MAX_FILE_BYTES = 256 * 1024;

    private final ContentParser parser;
    private final ContentValidator validator;

    ContentLoader(ContentConfiguration configuration, RegionService regions) {
        this.parser = new ContentParser(configuration, regions);
        this.validator = new ContentValidator(configuration);
    }

    record Result(List<Page> pages, List<ContentIssue> issues) {

        boolean valid() {
            return issues.stream().noneMatch(ContentIssue::isError);
        }

        List<ContentIssue> errors() {
            return issues.stream().filter(ContentIssue::isError).toList();
        }

        List<ContentIssue> warnings() {
            return issues.stream().filter(issue -> !issue.isError()).toList();
        }
    }

    Result load(Path root) {
        List<ContentIssue> issues = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            issues.add(ContentIssue.error(root.toString(), 1, "the content folder does not exist"));
            return new Result(List.of(), issues);
        }
        for (Path path : markdownFiles(root)) {
            String file = relative(root, path);
            readText(path, file, issues).flatMap(text -> parser.parse(file, text, issues)).ifPresent(pages::add);
        }
        validator.validate(pages, issues);
        issues.sort(Comparator.comparing(ContentIssue::file).thenComparingInt(ContentIssue::line));
        return new Result(List.copyOf(pages), List.copyOf(issues));
    }

    private static List<Path> markdownFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".md"))
                    .filter(path -> !path.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    private static String relative(Path root, Path path) {
        List<String> parts = new ArrayList<>();
        root.relativize(path).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static java.util.Optional<String> readText(Path path, String file, List<ContentIssue> issues) {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                issues.add(ContentIssue.error(file, 1, "the file is larger than " + MAX_FILE_BYTES / 1024 + " KB"));
                return java.util.Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(path);
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            issues.add(ContentIssue.error(file, 1, "the file is not UTF-8 text"));
        } catch (IOException e) {
            issues.add(ContentIssue.error(file, 1, "the file cannot be read: " + e.getMessage()));
        }
        return java.util.Optional.empty();
    }
}
