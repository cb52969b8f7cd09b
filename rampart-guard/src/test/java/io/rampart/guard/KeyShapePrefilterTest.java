package io.rampart.guard;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The credential mask runs its key-shape regex only where {@link CredentialMask#mayHoldKeyShape}
 * finds one of the regex's openings. The prefilter must never skip a text the regex would
 * change: every key format, in any ASCII case, anywhere in the text (start, end, after
 * punctuation), is still masked, and on random texts built from the openings' letters the
 * filtered result equals the regex's own.
 */
class KeyShapePrefilterTest {

  private static final String[] KEYS = {
    "AKIAIOSFODNN7EXAMPLE",
    "akiaiosfodnn7example",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "GHS_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "gHr_abcdefghijklmnopqrstuvwxyz0123456789",
    "xoxb-1234567890-abcdefghij",
    "XOXP-1234567890-ABCDEFGHIJ",
    "sk-abcdefghijklmnopqrstuvwx",
    "SK-proj_ABCDEFGHIJKLMNOPQRST",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "EYJHBGCIOIJIUZI1NIJ9.EYJZDWIIOIIXMJM0NTY3ODKWIN0.DOZJGNRYP4J3JVMNHL0W5N_XGL0N3I9PLFUP0THSR8U",
  };

  @Test
  void everyKeyFormatIsStillMaskedWhereverItSits() {
    for (String key : KEYS) {
      assertThat(CredentialMask.mayHoldKeyShape(key.toLowerCase(java.util.Locale.ROOT))).as(key).isTrue();
      assertThat(CredentialMask.mayHoldKeyShape(Folded.of(key).text())).as(key).isTrue();
      assertThat(CredentialMask.apply(key)).as(key).isEqualTo("setting");
      assertThat(CredentialMask.apply("use " + key)).as(key).isEqualTo("use setting");
      assertThat(CredentialMask.apply("(" + key + ") then")).as(key).isEqualTo("(setting) then");
      assertThat(CredentialMask.apply("line one\n" + key + "\nline three"))
          .as(key)
          .isEqualTo("line one\nsetting\nline three");
    }
  }

  @Test
  void maskedAssignmentsBesideKeysStillMaskTheKeys() {
    // The prefilter reads the text before the assignment mask; the regex runs on the masked text.
    assertThat(CredentialMask.apply("api_key=abc sk-abcdefghijklmnopqrstuvwx", "api_key=abc sk-abcdefghijklmnopqrstuvwx"))
        .isEqualTo("setting setting");
    String upper = "DB_PASSWORD: x\nTOKEN XOXB-1234567890-ABCDEFGHIJ";
    assertThat(CredentialMask.apply(upper, Folded.of(upper).text())).isEqualTo("setting\nTOKEN setting");
  }

  @Test
  void ordinaryProseSkipsTheRegex() {
    assertThat(CredentialMask.mayHoldKeyShape("Please summarise the quarterly report for the team."))
        .isFalse();
    assertThat(CredentialMask.mayHoldKeyShape("")).isFalse();
    assertThat(CredentialMask.mayHoldKeyShape("sk")).isFalse();
  }

  @Property(tries = 2_000)
  void filteredResultEqualsTheRegexOnItsOwn(@ForAll("nearKeys") String text) {
    String unfiltered = CredentialMask.KEY_SHAPES.matcher(text).replaceAll("setting");
    String folded = Folded.of(text).text();
    String filtered =
        CredentialMask.mayHoldKeyShape(folded)
            ? CredentialMask.KEY_SHAPES.matcher(text).replaceAll("setting")
            : text;
    assertThat(filtered).isEqualTo(unfiltered);
    if (!unfiltered.equals(text)) {
      assertThat(CredentialMask.mayHoldKeyShape(folded)).isTrue();
      assertThat(CredentialMask.mayHoldKeyShape(text.toLowerCase(java.util.Locale.ROOT))).isTrue();
    }
  }

  // Texts dense in the openings' letters, separators and key characters, so that key shapes
  // (and near misses) occur often.
  @Provide
  Arbitrary<String> nearKeys() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of("akia", "AKIA", "gh", "GH", "xox", "XoX", "sk-", "Sk-", "eyj", "eYJ", "_", "-",
                ".", " ", "\n", "p", "o", "u", "s", "r", "a", "b", "\u212a", "\u0130"),
            Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'z').ofMinLength(1).ofMaxLength(24));
    return piece.list().ofMaxSize(20).map(l -> String.join("", l));
  }
}
