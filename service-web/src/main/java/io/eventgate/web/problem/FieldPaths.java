package io.eventgate.web.problem;

import tools.jackson.core.JacksonException;

/** Field paths the way clients write them ({@code items[0].quantity}), from wherever a problem was found. */
public final class FieldPaths {

    /** The field name for the request body as a whole. */
    public static final String BODY = "(body)";

    private FieldPaths() {
    }

    /** {@code /items/0/quantity} (a JSON Pointer, RFC 6901) as {@code items[0].quantity}; the root is {@code ""}. */
    public static String fromPointer(String pointer) {
        String path = "";
        for (String token : pointer.split("/")) {
            if (!token.isEmpty()) {
                String name = token.replace("~1", "/").replace("~0", "~");
                path = name.chars().allMatch(Character::isDigit) ? path + "[" + name + "]" : property(path, name);
            }
        }
        return path;
    }

    /** Where a Jackson error happened, e.g. {@code items[0].quantity}; {@link #BODY} when it has no path. */
    public static String of(JacksonException e) {
        String path = "";
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path = property(path, reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path = index(path, reference.getIndex());
            }
        }
        return path.isEmpty() ? BODY : path;
    }

    /** The path of a property below {@code parent} ({@code ""} is the body). */
    public static String property(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** The path of an array element below {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
