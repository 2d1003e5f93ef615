package nl.paraat.common;

/**
 * Micronaut reports constraint paths as {@code method.argument.property}; clients know only the
 * parameter or JSON property, so the method prefix is dropped.
 */
final class FieldNames {

    private FieldNames() {
    }

    /** The client-visible name of a violated property: the method and body-argument nodes are dropped. */
    static String fromPropertyPath(jakarta.validation.Path path) {
        java.util.List<String> names = new java.util.ArrayList<>();
        boolean onlyParameter = false;
        for (jakarta.validation.Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                case PARAMETER -> {
                    names.add(node.getName());
                    onlyParameter = true;
                }
                case CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                }
                default -> {
                    if (onlyParameter) {
                        // a property inside the request body: the body argument's own name means nothing to clients
                        names.clear();
                        onlyParameter = false;
                    }
                    if (node.getName() != null) {
                        names.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
                    } else if (node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                }
            }
        }
        return names.isEmpty() ? path.toString() : String.join(".", names);
    }

    static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "number";
        }
        if (type.isEnum()) {
            return "value";
        }
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    static String fromPath(String path) {
        if (path.startsWith("/")) {
            return path.substring(1).replace('/', '.');
        }
        int firstDot = path.indexOf('.');
        if (firstDot < 0) {
            return path;
        }
        String afterMethod = path.substring(firstDot + 1);
        int secondDot = afterMethod.indexOf('.');
        // "create.request.label" -> "label": the request body argument itself is not a client-visible name.
        return secondDot < 0 ? afterMethod : afterMethod.substring(secondDot + 1);
    }

    static String cleanMessage(String message) {
        int location = message.indexOf("\n at [Source");
        if (location > 0) {
            // Jackson appends a source excerpt; keep only the line and column.
            java.util.regex.Matcher position = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)")
                    .matcher(message);
            String where = position.find() ? " (line " + position.group(1) + ", column " + position.group(2) + ")" : "";
            return message.substring(0, location) + where;
        }
        int separator = message.indexOf(": ");
        if (separator > 0 && !message.substring(0, separator).contains(" ")) {
            return message.substring(separator + 2);
        }
        return message;
    }
}
