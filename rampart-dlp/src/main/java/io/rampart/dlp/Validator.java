package io.rampart.dlp;

import java.util.Locale;

/** Checksum validators a custom detector can require; applied to the match's digits
 * (letters too for mod-97). */
public enum Validator {
  NONE,
  LUHN,
  MOD97,
  VERHOEFF,
  CPF;

  /** Whether {@code value} passes; separators (spaces, dashes, dots) are ignored. */
  public boolean test(CharSequence value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean keep = this == MOD97 ? Character.isLetterOrDigit(c) : c >= '0' && c <= '9';
      if (keep) {
        b.append(Character.toUpperCase(c));
      }
    }
    return switch (this) {
      case NONE -> true;
      case LUHN -> b.length() > 1 && Checksums.luhn(b);
      case MOD97 -> Checksums.ibanMod97(b);
      case VERHOEFF -> b.length() > 1 && Checksums.verhoeff(b);
      case CPF -> Checksums.cpf(b);
    };
  }

  /** Parses the YAML name ({@code none|luhn|mod97|verhoeff|cpf}). */
  public static Validator parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new DlpException("validator: " + name + " (expected: none|luhn|mod97|verhoeff|cpf)");
    }
  }
}
