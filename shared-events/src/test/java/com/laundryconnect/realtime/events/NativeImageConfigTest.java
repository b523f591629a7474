package com.laundryconnect.realtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.laundryconnect.realtime.events.payload.OrderStatus;
import com.laundryconnect.realtime.events.payload.PlainDecimalStringSerializer;
import com.laundryconnect.realtime.events.payload.SenderRole;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Native images can only bind with Jackson the classes registered for reflection. */
class NativeImageConfigTest {

    @Test
    void everyClassJacksonBindsIsRegisteredForReflection() throws IOException {
        Set<String> expected = new HashSet<>(Set.of(
                CloudEvent.class.getName(), FieldError.class.getName(), OrderStatus.class.getName(),
                SenderRole.class.getName(), PlainDecimalStringSerializer.class.getName()));
        expected.addAll(Arrays.stream(EventType.values()).map(type -> type.payloadClass().getName()).toList());

        try (InputStream config = getClass().getResourceAsStream(
                "/META-INF/native-image/com.laundryconnect.realtime/shared-events/reflect-config.json")) {
            assertNotNull(config);
            JsonNode entries = new ObjectMapper().readTree(config);
            Set<String> registered = StreamSupport.stream(entries.spliterator(), false)
                    .map(entry -> entry.get("name").textValue()).collect(Collectors.toSet());
            assertEquals(expected, registered);
            entries.forEach(entry -> {
                assertEquals(true, entry.path("allDeclaredConstructors").booleanValue(), entry.toString());
                assertEquals(true, entry.path("allDeclaredMethods").booleanValue(), entry.toString());
                assertEquals(true, entry.path("allDeclaredFields").booleanValue(), entry.toString());
            });
        }
    }
}
