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
        if (!withinLimits(document, 1)) {
            check(document, FieldError.WHOLE_DOCUMENT, 1, errors);
        }
    }

    /** The same walk without error paths: nearly every document is within the limits, and paths cost allocations. */
    private static boolean withinLimits(JsonNode node, int depth) {
        if (node.isTextual()) {
            return node.textValue().indexOf(NUL) < 0;
        }
        if (!node.isContainerNode()) {
            return true;
        }
        if (depth > MAX_NESTING_DEPTH) {
            return false;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().indexOf(NUL) >= 0 || !withinLimits(field.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        for (int index = 0; index < node.size(); index++) {
            if (!withinLimits(node.get(index), depth + 1)) {
                return false;
            }
        }
        return true;
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
