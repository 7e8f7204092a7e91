package dev.triage.core.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a fresh 12-byte IV per value, under a key derived from a passphrase with PBKDF2-HMAC-SHA256. */
final class SecretCipher {

    static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An encrypted value: its IV and the ciphertext with the GCM tag appended. */
    record Sealed(byte[] iv, byte[] data) {
    }

    private SecretCipher() {
    }

    /** Returns fresh random bytes. */
    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Derives the AES key from the passphrase; the passphrase array is not changed. */
    static SecretKeySpec deriveKey(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, KEY_BITS);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(raw, "AES");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } finally {
            spec.clearPassword();
        }
    }

    /** Encrypts a value bound to a context label (the associated data), so a value moved to another key fails to open. */
    static Sealed seal(SecretKeySpec key, byte[] plain, String context) throws GeneralSecurityException {
        byte[] iv = random(IV_BYTES);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return new Sealed(iv, c.doFinal(plain));
    }

    /** Decrypts a value, failing with {@link AEADBadTagException} when the key, context, IV or ciphertext is wrong. */
    static byte[] open(SecretKeySpec key, Sealed sealed, String context) throws GeneralSecurityException {
        if (sealed.iv().length != IV_BYTES) {
            throw new AEADBadTagException("IV is " + sealed.iv().length + " bytes, expected " + IV_BYTES);
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
        c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return c.doFinal(sealed.data());
    }
}
