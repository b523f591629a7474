package com.laundryconnect.realtime.k8scheck;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Finds fields that a fabric8 model class does not know. The model classes do not fail on unknown JSON properties:
 * they collect them in {@code additionalProperties}. A misspelt field ({@code readinesProbe}) or one at the wrong level
 * would be ignored by the API server's pruning or refused by its strict validation; here it is reported.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.";

    private UnknownFields() {
    }

    /** Paths of the unknown fields anywhere in {@code object}, e.g. {@code spec.template.spec.containers[0].readinesProbe}. */
    static List<String> in(Object object) {
        List<String> unknown = new ArrayList<>();
        walk(object, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> walk(entry, path + "[" + key + "]", unknown));
            return;
        }
        // Operator resources carry their whole content as additional properties: only their metadata is modelled.
        if (value instanceof GenericKubernetesResource generic) {
            walk(generic.getMetadata(), "metadata", unknown);
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String property = propertyOf(getter);
            if (property == null) {
                continue;
            }
            Object child = invoke(getter, value);
            String childPath = path.isEmpty() ? property : path + "." + property;
            if (property.equals("additionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path.isEmpty() ? String.valueOf(key) : path + "." + key));
                }
            } else {
                walk(child, childPath, unknown);
            }
        }
    }

    /** The bean property a public getter reads, or null for anything else. */
    private static String propertyOf(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
                || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == Boolean.class) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
