package io.rampart.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The presented token format {@code rpt_<id>_<secret>}: a 12-character id (60 random bits) and
 * a 52-character secret (256 random bits), both lower-case base32 so the token survives URLs,
 * headers and double-click selection. Also the hashing used to store secrets.
 *
 * <p>Secrets are stored as plain SHA-256, not with a slow KDF: slow hashing protects
 * low-entropy passwords from guessing, while a 256-bit random secret cannot be guessed from
 * its hash at any hashing speed, and verification runs on every API request. Imported tokens
 * are caller-chosen and may have less entropy; they require 16+ characters and operators
 * should use long random values.
 */
final class TokenFormat {
  static final String PREFIX = "rpt_";
  static final int ID_LENGTH = 12;
  static final int SECRET_BYTES = 32;
  /** Longest bearer verify() will hash: anything longer is rejected unread. */
  static final int MAX_BEARER = 1024;

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  private static final Pattern ISSUED =
      Pattern.compile("rpt_([a-z2-7]{" + ID_LENGTH + "})_([a-z2-7]{52})");

  /** A presented token split into id and secret. */
  record Parsed(String id, String secret) {}

  private TokenFormat() {}

  static String newId(RandomGenerator random) {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return base32(bytes).substring(0, ID_LENGTH);
  }

  static String newSecret(RandomGenerator random) {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return base32(bytes);
  }

  static String bearer(String id, String secret) {
    return PREFIX + id + "_" + secret;
  }

  static Optional<Parsed> parse(String bearer) {
    Matcher m = ISSUED.matcher(bearer);
    return m.matches() ? Optional.of(new Parsed(m.group(1), m.group(2))) : Optional.empty();
  }

  static boolean looksLikeId(String id) {
    return id.length() == ID_LENGTH && id.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Constant-time: the stored hash is compared without revealing where it differs. */
  static boolean matches(byte[] presentedHash, String storedHex) {
    byte[] stored;
    try {
      stored = HexFormat.of().parseHex(storedHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(presentedHash, stored);
  }

  /** RFC 4648 base32, lower case, no padding. */
  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }
}
