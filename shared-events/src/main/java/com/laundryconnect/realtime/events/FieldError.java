package com.laundryconnect.realtime.events;

/**
 * One problem with an event, e.g. {@code data.latitude: must be between -90 and 90}.
 *
 * @param field dotted path of the offending field ({@code data.items[2]}); empty for the document as a whole
 */
public record FieldError(String field, String message) {

    public static final String WHOLE_DOCUMENT = "";

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
