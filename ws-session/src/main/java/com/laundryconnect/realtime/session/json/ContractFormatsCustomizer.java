package com.laundryconnect.realtime.session.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** Registers {@link ContractFormats} on the application's {@code ObjectMapper}, the one every frame is written with. */
@Singleton
public class ContractFormatsCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new ContractFormats());
    }

    /**
     * Just below {@link #QUARKUS_CUSTOMIZER_PRIORITY}, the priority at which Quarkus registers Jackson's
     * {@code JavaTimeModule}: customizers run from the highest priority to the lowest, and for a type Jackson uses the
     * serializer of the module registered last. At {@link #DEFAULT_PRIORITY} this module would run first, and
     * {@code JavaTimeModule}'s {@code Instant} serializer would win.
     */
    @Override
    public int priority() {
        return QUARKUS_CUSTOMIZER_PRIORITY - 1;
    }
}
