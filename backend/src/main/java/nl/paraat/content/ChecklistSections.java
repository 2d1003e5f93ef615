package nl.paraat.content;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a checklist's {@code sections} from its front matter. Quantity rules decide what residents
 * buy, so every mistake in them is an error with its line, never a silent default.
 */
final class ChecklistSections {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal(1000);
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "items");
    private static final Set<String> ITEM_KEYS = Set.of("id", "text", "why", "unit", "quantity", "needs", "water", "fields");
    private static final Set<String> RULE_KEYS = Set.of("quantity", "needs", "water");

    private final FrontMatter front;
    private final String file;
    private final boolean source;
    private final List<ContentIssue> issues;
    private final Set<String> itemIds = new HashSet<>();

    private ChecklistSections(FrontMatter front, String file, boolean source, List<ContentIssue> issues) {
        this.front = front;
        this.file = file;
        this.source = source;
        this.issues = issues;
    }

    /** @param source whether the file is in the source language, the only place rules are written */
    static ChecklistTemplate read(FrontMatter front, String file, boolean source, List<ContentIssue> issues) {
        Node node = front.node("sections").orElse(null);
        if (node == null) {
            if (source) {
                issues.add(ContentIssue.error(file, front.line("kind"), "a checklist needs 'sections' with its items"));
            }
            return new ChecklistTemplate(List.of());
        }
        return new ChecklistSections(front, file, source, issues).sections(node);
    }

    private ChecklistTemplate sections(Node node) {
        List<ChecklistTemplate.Section> sections = new ArrayList<>();
        Set<String> sectionIds = new HashSet<>();
        for (Node entry : sequence(node, "sections")) {
            Map<String, Node> fields = mapping(entry, "a section", SECTION_KEYS);
            String id = id(fields, entry, "section");
            if (id != null && !sectionIds.add(id)) {
                error(entry, "section id '" + id + "' is used twice");
            }
            String title = text(fields, entry, "title", 120, true);
            List<ChecklistTemplate.Item> items = new ArrayList<>();
            Node itemsNode = fields.get("items");
            if (itemsNode == null) {
                error(entry, "section '" + id + "' has no items");
            } else {
                sequence(itemsNode, "items").forEach(item -> items.add(item(item)));
            }
            sections.add(new ChecklistTemplate.Section(id, title, List.copyOf(items)));
        }
        return new ChecklistTemplate(List.copyOf(sections));
    }

    private ChecklistTemplate.Item item(Node node) {
        Map<String, Node> fields = mapping(node, "an item", ITEM_KEYS);
        String id = id(fields, node, "item");
        if (id != null && !itemIds.add(id)) {
            error(node, "item id '" + id + "' is used twice in this checklist");
        }
        if (!source) {
            fields.keySet().stream().filter(RULE_KEYS::contains).forEach(key ->
                    error(fields.get(key), "'" + key + "' is written only in the source-language file; a translation gives the words"));
        }
        String unit = text(fields, node, "unit", 40, false);
        ChecklistTemplate.Quantity quantity = fields.containsKey("quantity") ? quantity(fields.get("quantity")) : null;
        if (source && quantity != null && unit == null) {
            error(node, "item '" + id + "' has a quantity but no 'unit' (e.g. liter, stuks)");
        }
        List<String> needs = new ArrayList<>();
        if (fields.containsKey("needs")) {
            for (String need : values(fields.get("needs"))) {
                if (!ChecklistTemplate.NEEDS.contains(need)) {
                    error(fields.get("needs"), "unknown need '" + need + "'; use " + String.join(", ", ChecklistTemplate.NEEDS));
                } else {
                    needs.add(need);
                }
            }
        }
        boolean water = fields.containsKey("water") && bool(fields.get("water"));
        if (water && (quantity == null || !"liter".equals(unit))) {
            error(node, "a water item needs a quantity in 'liter'");
        }
        List<ChecklistTemplate.Field> prompts = new ArrayList<>();
        if (fields.containsKey("fields")) {
            for (Node field : sequence(fields.get("fields"), "fields")) {
                Map<String, Node> parts = mapping(field, "a field", Set.of("id", "label", "type"));
                String type = text(parts, field, "type", 20, true);
                if (type != null && !ChecklistTemplate.FIELD_TYPES.contains(type)) {
                    error(field, "unknown field type '" + type + "'; use " + String.join(", ", ChecklistTemplate.FIELD_TYPES));
                }
                prompts.add(new ChecklistTemplate.Field(id(parts, field, "field"), text(parts, field, "label", 120, true), type));
            }
        }
        return new ChecklistTemplate.Item(id, text(fields, node, "text", 200, true), text(fields, node, "why", 500, false),
                unit, quantity, List.copyOf(needs), water, List.copyOf(prompts));
    }

    private ChecklistTemplate.Quantity quantity(Node node) {
        Map<String, Node> parts = mapping(node, "a quantity", Set.of("amount", "per"));
        String amountText = text(parts, node, "amount", 20, true);
        String per = text(parts, node, "per", 30, true);
        BigDecimal amount = null;
        try {
            amount = amountText == null ? null : new BigDecimal(amountText);
            if (amount != null && (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
                error(node, "amount must be more than 0 and at most " + MAX_AMOUNT);
                amount = null;
            }
        } catch (NumberFormatException e) {
            error(node, "amount '" + amountText + "' is not a number");
        }
        if (per != null) {
            String counted = per.endsWith("-day") ? per.substring(0, per.length() - 4) : per;
            if (!ChecklistTemplate.COUNTED.contains(counted)) {
                error(node, "unknown 'per' value '" + per + "'; use one of " + String.join(", ", ChecklistTemplate.COUNTED)
                        + ", optionally followed by -day (person-day)");
                per = null;
            }
        }
        return amount == null || per == null ? null : new ChecklistTemplate.Quantity(amount, per);
    }

    private String id(Map<String, Node> fields, Node owner, String what) {
        String id = text(fields, owner, "id", 60, true);
        if (id != null && !ID.matcher(id).matches()) {
            error(fields.get("id"), what + " id '" + id + "' must be lowercase letters, digits and hyphens");
        }
        return id;
    }

    private String text(Map<String, Node> fields, Node owner, String key, int max, boolean required) {
        Node node = fields.get(key);
        if (node == null) {
            if (required) {
                error(owner, "'" + key + "' is missing");
            }
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            error(node, "'" + key + "' must be a single value");
            return null;
        }
        String value = scalar.getValue().strip();
        if (value.length() > max) {
            error(node, "'" + key + "' is " + value.length() + " characters; at most " + max);
        }
        return value;
    }

    private boolean bool(Node node) {
        if (node instanceof ScalarNode scalar && (scalar.getValue().equals("true") || scalar.getValue().equals("false"))) {
            return Boolean.parseBoolean(scalar.getValue());
        }
        error(node, "write true or false");
        return false;
    }

    private List<String> values(Node node) {
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar.getValue().strip());
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence(node, "a list")) {
            if (item instanceof ScalarNode scalar) {
                values.add(scalar.getValue().strip());
            } else {
                error(item, "write single values");
            }
        }
        return values;
    }

    private List<Node> sequence(Node node, String what) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        error(node, what + " must be a list of '- ' entries");
        return List.of();
    }

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        Map<String, Node> fields = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " must be written as 'field: value' lines");
            return fields;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            if (!allowed.contains(key)) {
                error(tuple.getKeyNode(), "unknown field '" + key + "' in " + what + "; use " + String.join(", ", allowed));
            } else {
                fields.put(key, tuple.getValueNode());
            }
        }
        return fields;
    }

    private void error(Node node, String message) {
        issues.add(ContentIssue.error(file, front.line(node), message));
    }
}
