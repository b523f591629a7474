package com.laundryconnect.realtime.session.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Random;

import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.junit.jupiter.api.Test;

/** ES256 checks must give exactly the JDK's verdict, whatever the key cache holds. */
class CachedKeyEs256Test {

    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final CachedKeyEs256 cached = new CachedKeyEs256();
    private final EcdsaUsingShaAlgorithm jdk = new EcdsaUsingShaAlgorithm.EcdsaP256UsingSha256();
    private final ProviderContext providers = new ProviderContext();

    @Test
    void agreesWithTheJdkOnGenuineAndAlteredSignaturesAcrossKeys() throws Exception {
        Random random = new Random(20261205);
        KeyPair[] keys = {newKey(), newKey(), newKey()};
        for (int i = 0; i < 300; i++) {
            KeyPair signer = keys[i % keys.length];
            KeyPair checker = i % 7 == 0 ? keys[(i + 1) % keys.length] : signer;
            byte[] input = new byte[50 + random.nextInt(400)];
            random.nextBytes(input);
            byte[] signature = sign(signer, input);
            if (i % 3 == 1) {
                signature[random.nextInt(signature.length)] ^= (byte) (1 << random.nextInt(8));
            } else if (i % 3 == 2) {
                input[random.nextInt(input.length)] ^= 1;
            }

            boolean expected = jdk.verifySignature(signature, checker.getPublic(), input, providers);
            assertEquals(expected, cached.verifySignature(signature, checker.getPublic(), input, providers), "case " + i);
        }
    }

    @Test
    void acceptsAGenuineSignatureAgainAfterTheKeyIsCached() throws Exception {
        KeyPair key = newKey();
        byte[] input = "eyJhbGciOiJFUzI1NiJ9.eyJ1c2VyX2lkIjoidS0xIn0".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = sign(key, input);

        assertTrue(cached.verifySignature(signature, key.getPublic(), input, providers));
        assertTrue(cached.verifySignature(signature, key.getPublic(), input, providers));
        assertFalse(cached.verifySignature(signature, newKey().getPublic(), input, providers));
    }

    @Test
    void refusesSignaturesOfTheWrongLengthOrOutOfRange() throws Exception {
        KeyPair key = newKey();
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = sign(key, input);

        assertFalse(cached.verifySignature(Arrays.copyOf(signature, 63), key.getPublic(), input, providers));
        assertFalse(cached.verifySignature(Arrays.copyOf(signature, 65), key.getPublic(), input, providers));
        assertFalse(cached.verifySignature(new byte[64], key.getPublic(), input, providers));
        byte[] sIsTheOrder = signature.clone();
        System.arraycopy(unsigned32(P256_ORDER), 0, sIsTheOrder, 32, 32);
        assertFalse(cached.verifySignature(sIsTheOrder, key.getPublic(), input, providers));
    }

    @Test
    void leavesKeysOfOtherCurvesToJose4j() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = sign(p384, input);

        assertEquals(jdk.verifySignature(signature, p384.getPublic(), input, providers),
                cached.verifySignature(signature, p384.getPublic(), input, providers));
    }

    @Test
    void registrationMakesJose4jUseItForEs256() throws Exception {
        CachedKeyEs256.register();

        assertEquals(CachedKeyEs256.class, org.jose4j.jwa.AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                .getAlgorithm("ES256").getClass());
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
