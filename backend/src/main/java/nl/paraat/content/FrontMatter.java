package nl.paraat.content;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML block at the top of a content file, read as a tree so that every problem can name the
 * line of the field it concerns.
 */
final class FrontMatter {

    static final Set<String> FIELDS = Set.of("id", "kind", "title", "summary", "locale", "scope", "hazards",
            "cap_event_codes", "keywords", "publish_from", "publish_until", "order", "tags", "reading_level", "updated", "sections", "adds_to");

    private final String file;
    private final int firstLine;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final List<ContentIssue> issues;

    private FrontMatter(String file, int firstLine, List<ContentIssue> issues) {
        this.file = file;
        this.firstLine = firstLine;
        this.issues = issues;
    }

    /** @param firstLine the file's line number of the first YAML line */
    static Optional<FrontMatter> parse(String file, String yaml, int firstLine, List<ContentIssue> issues) {
        FrontMatter frontMatter = new FrontMatter(file, firstLine, issues);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? firstLine : firstLine + e.getProblemMark().getLine();
            issues.add(ContentIssue.error(file, line, "front matter is not valid YAML: " + e.getProblem()));
            return Optional.empty();
        } catch (RuntimeException e) {
            issues.add(ContentIssue.error(file, firstLine, "front matter is not valid YAML"));
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            issues.add(ContentIssue.error(file, firstLine, "front matter must be a list of 'field: value' lines"));
            return Optional.empty();
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            int line = frontMatter.line(tuple.getKeyNode());
            if (!FIELDS.contains(key)) {
                issues.add(ContentIssue.warning(file, line, "unknown field '" + key + "' is ignored"));
            } else if (frontMatter.values.containsKey(key)) {
                issues.add(ContentIssue.error(file, line, "field '" + key + "' appears twice"));
            } else {
                frontMatter.values.put(key, tuple.getValueNode());
            }
        }
        return Optional.of(frontMatter);
    }

    int line(String key) {
        Node node = values.get(key);
        return node == null ? firstLine : line(node);
    }

    Optional<Node> node(String key) {
        return Optional.ofNullable(values.get(key));
    }

    int line(Node node) {
        return firstLine + node.getStartMark().getLine();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Optional<String> text(String key) {
        Node node = values.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().strip());
        }
        issues.add(ContentIssue.error(file, line(node), "'" + key + "' must be a single value"));
        return Optional.empty();
    }

    Optional<String> requiredText(String key) {
        if (!has(key)) {
            issues.add(ContentIssue.error(file, firstLine, "required field '" + key + "' is missing"));
            return Optional.empty();
        }
        return text(key);
    }

    /** A list written as {@code [a, b]} or as lines of {@code - a}; a single value counts as a list of one. */
    List<String> list(String key) {
        Node node = values.get(key);
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isBlank() ? List.of() : List.of(scalar.getValue().strip());
        }
        List<String> items = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    items.add(scalar.getValue().strip());
                } else {
                    issues.add(ContentIssue.error(file, line(item), "'" + key + "' must be a list of single values"));
                }
            }
            return items;
        }
        issues.add(ContentIssue.error(file, line(node), "'" + key + "' must be a list"));
        return List.of();
    }
}
