package com.laundryconnect.realtime.session.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Marks a {@link java.math.BigDecimal} field or record component as money, written as the contract's decimal string
 * (section 4; section 11 for {@code "0.00"}) by {@link MoneySerializer}.
 *
 * <p>Registered for reflection, like the records that carry it: Jackson finds the {@link JsonSerialize} it bundles by
 * reading this annotation's own annotations at run time, in a native image too.
 */
@Target({ElementType.ANNOTATION_TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = MoneySerializer.class)
@RegisterForReflection
public @interface Money {
}
