package com.laundryconnect.realtime.session.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.junit.jupiter.api.Test;

/** ES256 signatures and checks must be interchangeable with the JDK's, whatever the key cache holds. */
class BouncyCastleEs256Test {

    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final BouncyCastleEs256 bouncyCastle = new BouncyCastleEs256();
    private final EcdsaUsingShaAlgorithm jdk = new EcdsaUsingShaAlgorithm.EcdsaP256UsingSha256();
    private final ProviderContext providers = new ProviderContext();

    @Test
    void agreesWithTheJdkOnGenuineAndAlteredSignaturesAcrossKeys() throws Exception {
        Random random = new Random(20261205);
        KeyPair[] keys = {newKey(), newKey(), newKey()};
        for (int i = 0; i < 300; i++) {
            KeyPair signer = keys[i % keys.length];
            KeyPair checker = i % 7 == 0 ? keys[(i + 1) % keys.length] : signer;
            byte[] input = randomInput(random);
            byte[] signature = sign(signer, input);
            if (i % 3 == 1) {
                signature[random.nextInt(signature.length)] ^= (byte) (1 << random.nextInt(8));
            } else if (i % 3 == 2) {
                input[random.nextInt(input.length)] ^= 1;
            }

            boolean expected = jdk.verifySignature(signature, checker.getPublic(), input, providers);
            assertEquals(expected, bouncyCastle.verifySignature(signature, checker.getPublic(), input, providers), "case " + i);
        }
    }

    @Test
    void acceptsAGenuineSignatureAgainAfterTheKeyIsCached() throws Exception {
        KeyPair key = newKey();
        byte[] input = "eyJhbGciOiJFUzI1NiJ9.eyJ1c2VyX2lkIjoidS0xIn0".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = sign(key, input);

        assertTrue(bouncyCastle.verifySignature(signature, key.getPublic(), input, providers));
        assertTrue(bouncyCastle.verifySignature(signature, key.getPublic(), input, providers));
        assertFalse(bouncyCastle.verifySignature(signature, newKey().getPublic(), input, providers));
    }

    @Test
    void refusesSignaturesOfTheWrongLengthOrOutOfRange() throws Exception {
        KeyPair key = newKey();
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = sign(key, input);

        assertFalse(bouncyCastle.verifySignature(Arrays.copyOf(signature, 63), key.getPublic(), input, providers));
        assertFalse(bouncyCastle.verifySignature(Arrays.copyOf(signature, 65), key.getPublic(), input, providers));
        assertFalse(bouncyCastle.verifySignature(new byte[64], key.getPublic(), input, providers));
        byte[] sIsTheOrder = signature.clone();
        System.arraycopy(unsigned32(P256_ORDER), 0, sIsTheOrder, 32, 32);
        assertFalse(bouncyCastle.verifySignature(sIsTheOrder, key.getPublic(), input, providers));
    }

    @Test
    void leavesKeysOfOtherCurvesToJose4j() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = sign(p384, input);

        assertEquals(jdk.verifySignature(signature, p384.getPublic(), input, providers),
                bouncyCastle.verifySignature(signature, p384.getPublic(), input, providers));
    }

    @Test
    void itsSignaturesPassTheJdksCheckAndAlteredOnesFail() throws Exception {
        Random random = new Random(20261206);
        KeyPair[] keys = {newKey(), newKey(), newKey()};
        for (int i = 0; i < 100; i++) {
            KeyPair key = keys[i % keys.length];
            byte[] input = randomInput(random);
            byte[] signature = bouncyCastle.sign(bouncyCastle.prepareForSign(key.getPrivate(), providers), input);

            assertEquals(64, signature.length, "case " + i);
            assertTrue(jdk.verifySignature(signature, key.getPublic(), input, providers), "case " + i);
            assertFalse(jdk.verifySignature(signature, keys[(i + 1) % keys.length].getPublic(), input, providers));
            input[random.nextInt(input.length)] ^= 1;
            assertFalse(jdk.verifySignature(signature, key.getPublic(), input, providers), "altered case " + i);
        }
    }

    /** RFC 6979, A.2.5: P-256, SHA-256, message "sample"; the nonce is derived from the key and the message. */
    @Test
    void signsTheRfc6979TestVector() throws Exception {
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(
                new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16), p256()));

        byte[] signature = bouncyCastle.sign(bouncyCastle.prepareForSign(key, providers),
                "sample".getBytes(StandardCharsets.US_ASCII));

        assertEquals("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
                + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8", HexFormat.of().withUpperCase()
                .formatHex(signature));
    }

    @Test
    void registrationMakesJose4jUseItForEs256() throws Exception {
        BouncyCastleEs256.register();

        assertEquals(BouncyCastleEs256.class, org.jose4j.jwa.AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                .getAlgorithm("ES256").getClass());
    }

    private static byte[] randomInput(Random random) {
        byte[] input = new byte[50 + random.nextInt(400)];
        random.nextBytes(input);
        return input;
    }

    private static ECParameterSpec p256() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static KeyPair newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** The JWS form of an ES256 signature: r and s, 32 bytes each (RFC 7518 3.4). */
    private static byte[] sign(KeyPair key, byte[] input) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initSign(key.getPrivate());
        signature.update(input);
        return signature.sign();
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length);
    }
}
