package com.laundryconnect.realtime.events;

import java.util.List;
import java.util.stream.Collectors;

/** An event that cannot be accepted, with every problem found in it. */
public class InvalidEventException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidEventException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidEventException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
