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
        check(document, FieldError.WHOLE_DOCUMENT, 1, errors);
    }

    /** {@code depth} counts the objects and arrays enclosing {@code node}'s contents, itself included. */
    private static void check(JsonNode node, String path, int depth, List<FieldError> errors) {
        if (node.isTextual()) {
            if (node.textValue().indexOf(NUL) >= 0) {
                errors.add(new FieldError(path, NUL_MESSAGE));
            }
            return;
        }
        if (!node.isContainerNode()) {
            return;
        }
        if (depth > MAX_NESTING_DEPTH) {
            errors.add(new FieldError(path, TOO_DEEP_MESSAGE));
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String fieldPath = JsonFields.child(path, field.getKey());
                if (field.getKey().indexOf(NUL) >= 0) {
                    errors.add(new FieldError(fieldPath, NUL_IN_NAME_MESSAGE));
                }
                check(field.getValue(), fieldPath, depth + 1, errors);
            }
        } else {
            for (int index = 0; index < node.size(); index++) {
                check(node.get(index), JsonFields.element(path, index), depth + 1, errors);
            }
        }
    }
}
