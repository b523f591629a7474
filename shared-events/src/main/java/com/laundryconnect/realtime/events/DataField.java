package com.laundryconnect.realtime.events;

/** One field of an event type's {@code data}, as listed in contract section 8. */
record DataField(String name, FieldFormat format, boolean required) {

    static DataField required(String name, FieldFormat format) {
        return new DataField(name, format, true);
    }

    /** A field marked {@code ?} in the contract: it may be absent or null. */
    static DataField optional(String name, FieldFormat format) {
        return new DataField(name, format, false);
    }
}
