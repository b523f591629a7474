package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Limits that apply to every part of an event document: nesting depth, and no NUL character in any
 * text or field name (PostgreSQL cannot store U+0000 in text or jsonb).
 */
final class DocumentLimits {

    static final int MAX_NESTING_DEPTH = 64;
    static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";
    static final String NUL_IN_NAME_MESSAGE = "field name must not contain the NUL character (U+0000)";
    static final String TOO_DEEP_MESSAGE = "must not nest deeper than " + MAX_NESTING_DEPTH + " levels";

    private static final char NUL = '\u0000';

    private DocumentLimits() {
    }

    static void check(JsonNode document, List<FieldError> errors) {
        check(document, Path.WHOLE_DOCUMENT, 1, errors);
    }

    /**
     * Where a node is, written out only for an error: every event is walked, nearly all are within the limits, and
     * building each field's path text cost an allocation per field.
     */
    private record Path(Path parent, String name, int index) {

        static final Path WHOLE_DOCUMENT = new Path(null, null, -1);

        Path child(String fieldName) {
            return new Path(this, fieldName, -1);
        }

        Path element(int elementIndex) {
            return new Path(this, null, elementIndex);
        }

        String text() {
            if (parent == null) {
                return FieldError.WHOLE_DOCUMENT;
            }
            return name != null ? JsonFields.child(parent.text(), name) : JsonFields.element(parent.text(), index);
        }
    }

    /** {@code depth} counts the objects and arrays enclosing {@code node}'s contents, itself included. */
    private static void check(JsonNode node, Path path, int depth, List<FieldError> errors) {
        if (node.isTextual()) {
            if (node.textValue().indexOf(NUL) >= 0) {
                errors.add(new FieldError(path.text(), NUL_MESSAGE));
            }
            return;
        }
        if (!node.isContainerNode()) {
            return;
        }
        if (depth > MAX_NESTING_DEPTH) {
            errors.add(new FieldError(path.text(), TOO_DEEP_MESSAGE));
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Path fieldPath = path.child(field.getKey());
                if (field.getKey().indexOf(NUL) >= 0) {
                    errors.add(new FieldError(fieldPath.text(), NUL_IN_NAME_MESSAGE));
                }
                check(field.getValue(), fieldPath, depth + 1, errors);
            }
        } else {
            for (int index = 0; index < node.size(); index++) {
                check(node.get(index), path.element(index), depth + 1, errors);
            }
        }
    }
}
