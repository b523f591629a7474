package com.laundryconnect.realtime.session.auth;

import java.math.BigInteger;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * jose4j's ES256, verifying with Bouncy Castle's ECDSA and the verification key's precomputed point multiples kept
 * between tokens. Every WebSocket upgrade checks one ES256 signature against one of token-service's few keys; the
 * JDK's ECDSA rebuilds the key's multiplication table on every check (400-700 us of CPU on the development machine,
 * two thirds of notification-service's CPU per new session), Bouncy Castle keeps it on the key's point (about 80 us).
 * Signing, and any key that is not a P-256 public key, stay with jose4j's JDK implementation.
 */
final class CachedKeyEs256 extends EcdsaUsingShaAlgorithm.EcdsaP256UsingSha256 {

    private static final int SIGNATURE_LENGTH = 64;
    private static final int MAX_CACHED_KEYS = 32;
    private static boolean registered;

    // An instance field, not a constant: Bouncy Castle initialises when the service runs, never inside a native image.
    private final ECDomainParameters p256 = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));
    private final Map<ECPublicKey, ECPublicKeyParameters> verificationKeys = new ConcurrentHashMap<>();

    /** Makes every jose4j ES256 check in this JVM use this implementation; the first call wins, later ones do nothing. */
    static synchronized void register() {
        if (!registered) {
            AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().registerAlgorithm(new CachedKeyEs256());
            registered = true;
        }
    }

    @Override
    public boolean verifySignature(byte[] signature, Key key, byte[] securedInput, ProviderContext providerContext)
            throws JoseException {
        ECPublicKeyParameters p256Key = key instanceof ECPublicKey publicKey ? p256ParametersOf(publicKey) : null;
        if (p256Key == null) {
            return super.verifySignature(signature, key, securedInput, providerContext);
        }
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        BigInteger r = new BigInteger(1, signature, 0, SIGNATURE_LENGTH / 2);
        BigInteger s = new BigInteger(1, signature, SIGNATURE_LENGTH / 2, SIGNATURE_LENGTH / 2);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, p256Key);
        return verifier.verifySignature(sha256(securedInput), r, s);
    }

    /** The key's Bouncy Castle form, kept between checks; null when the key is not on P-256 (the curve is looked up once). */
    private ECPublicKeyParameters p256ParametersOf(ECPublicKey publicKey) throws JoseException {
        ECPublicKeyParameters cached = verificationKeys.get(publicKey);
        if (cached != null) {
            return cached;
        }
        if (!EllipticCurves.P_256.equals(EllipticCurves.getName(publicKey.getParams().getCurve()))) {
            return null;
        }
        ECPublicKeyParameters parameters;
        try {
            // Checks that the point lies on P-256; a key that does not is refused, never used.
            parameters = new ECPublicKeyParameters(
                    p256.getCurve().createPoint(publicKey.getW().getAffineX(), publicKey.getW().getAffineY()), p256);
        } catch (IllegalArgumentException notOnTheCurve) {
            throw new JoseException("The ES256 verification key is not a point of P-256", notOnTheCurve);
        }
        // Keys rotate rarely; a full map means something feeds keys in, and starting over keeps it bounded.
        if (verificationKeys.size() >= MAX_CACHED_KEYS) {
            verificationKeys.clear();
        }
        verificationKeys.put(publicKey, parameters);
        return parameters;
    }

    private static byte[] sha256(byte[] input) throws JoseException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new JoseException("SHA-256 is not available", e);
        }
    }
}
