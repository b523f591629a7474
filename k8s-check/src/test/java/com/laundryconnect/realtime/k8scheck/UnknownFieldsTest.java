package com.laundryconnect.realtime.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The checker itself: a schema check that cannot fail would prove nothing. */
class UnknownFieldsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: example
            spec:
              selector:
                matchLabels:
                  app: example
              template:
                metadata:
                  labels:
                    app: example
                spec:
                  containers:
                    - name: example
                      image: example
                      %s
            """;

    @Test
    void aKnownFieldPasses() {
        Manifests manifests = Manifests.parse(DEPLOYMENT.formatted("readinessProbe: {httpGet: {path: /q/health/ready, port: 8080}}"));
        assertEquals(List.of(), manifests.problems());
        assertEquals(List.of(), UnknownFields.in(manifests.all().getFirst().typed()));
    }

    @Test
    void aMisspeltFieldIsReportedWithItsPath() {
        Manifests manifests = Manifests.parse(DEPLOYMENT.formatted("readinesProbe: {httpGet: {path: /q/health/ready, port: 8080}}"));
        assertEquals(List.of("spec.template.spec.containers[0].readinesProbe"),
                UnknownFields.in(manifests.all().getFirst().typed()));
    }

    @Test
    void aValueOfTheWrongTypeDoesNotDeserialise() {
        Manifests manifests = Manifests.parse(DEPLOYMENT.formatted("ports: [{containerPort: eighty}]"));
        assertEquals(1, manifests.problems().size());
        assertTrue(manifests.problems().getFirst().startsWith("Deployment example does not match the apps/v1/Deployment schema"),
                manifests.problems().getFirst());
    }

    @Test
    void aKindWithoutAKnownSchemaIsReported() {
        Manifests manifests = Manifests.parse("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        assertEquals(List.of("Widget w: no schema is known for example.com/v1/Widget (add it to Schemas)"),
                manifests.problems());
    }
}
