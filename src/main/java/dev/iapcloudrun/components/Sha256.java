package dev.iapcloudrun.components;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one digest the program takes: stable runtime account ids, the fingerprints of secrets in plans, and import-file keys. */
public final class Sha256 {

    private Sha256() {}

    /** The SHA-256 of {@code text} (UTF-8), in lower-case hex. */
    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
