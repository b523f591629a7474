package com.laundryconnect.realtime.session.auth;

import java.math.BigInteger;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwa.CryptoPrimitive;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * jose4j's ES256, done with Bouncy Castle's ECDSA on P-256. Every WS token is signed once by token-service and checked
 * at every WebSocket upgrade. The JDK's ECDSA rebuilds the public key's multiplication table on every check (400-700 us
 * of CPU on the development machine, two thirds of notification-service's CPU per new session); Bouncy Castle keeps it
 * on the cached key's point (about 80 us). Signing with Bouncy Castle's precomputed multiples of the curve's generator
 * and a deterministic nonce (RFC 6979) takes about 70 us where the JDK takes 125-135 us. Keys that are not P-256 keys
 * stay with jose4j's JDK implementation.
 */
public final class BouncyCastleEs256 extends EcdsaUsingShaAlgorithm.EcdsaP256UsingSha256 {

    private static final int SIGNATURE_LENGTH = 64;
    private static final int MAX_CACHED_KEYS = 32;
    private static boolean registered;

    // An instance field, not a constant: Bouncy Castle initialises when the service runs, never inside a native image.
    private final ECDomainParameters p256 = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));
    private final Map<ECPublicKey, ECPublicKeyParameters> verificationKeys = new ConcurrentHashMap<>();

    /** Makes every jose4j ES256 signature and check in this JVM use this implementation; later calls do nothing. */
    public static synchronized void register() {
        if (!registered) {
            AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().registerAlgorithm(new BouncyCastleEs256());
            registered = true;
        }
    }

    @Override
    public CryptoPrimitive prepareForSign(Key key, ProviderContext providerContext) throws JoseException {
        if (key instanceof ECPrivateKey privateKey && isP256(privateKey)) {
            return new CryptoPrimitive(privateKey);
        }
        return super.prepareForSign(key, providerContext);
    }

    @Override
    public byte[] sign(CryptoPrimitive primitive, byte[] securedInput) throws JoseException {
        if (primitive.getSignature() != null || !(primitive.getKey() instanceof ECPrivateKey privateKey)) {
            return super.sign(primitive, securedInput);
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey.getS(), p256));
        BigInteger[] rs = signer.generateSignature(sha256(securedInput));
        byte[] signature = new byte[SIGNATURE_LENGTH];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, SIGNATURE_LENGTH / 2);
        BigIntegers.asUnsignedByteArray(rs[1], signature, SIGNATURE_LENGTH / 2, SIGNATURE_LENGTH / 2);
        return signature;
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
        if (!isP256(publicKey)) {
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

    private static boolean isP256(ECKey key) {
        return EllipticCurves.P_256.equals(EllipticCurves.getName(key.getParams().getCurve()));
    }

    private static byte[] sha256(byte[] input) throws JoseException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new JoseException("SHA-256 is not available", e);
        }
    }
}
