package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The scanner's branch-free helpers (char tables, bit sets, masked {@code at}) against the plain
 * definitions they replaced: the speed change must not change a single verdict.
 */
class BranchFreeHelpersTest {

  private static boolean plainAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c >= 0x80 && Character.isLetterOrDigit(c));
  }

  @Test
  void alnumTableMatchesTheDefinitionForEveryChar() {
    for (int c = 0; c < 0x10000; c++) {
      assertThat(ScanState.isAlnum((char) c)).as("char %04x", c).isEqualTo(plainAlnum((char) c));
    }
  }

  @Test
  void charBitsHoldExactlyTheirMembers() {
    long[] set = ScanState.charBits("$\u20ac\u00a3#");
    long[] plusColon = ScanState.charBits(set, ":");
    for (int c = 0; c < 0x10000; c++) {
      boolean member = c == '$' || c == '\u20ac' || c == '\u00a3' || c == '#';
      assertThat(ScanState.bit(set, (char) c)).as("char %04x", c).isEqualTo(member ? 1 : 0);
      assertThat(ScanState.bit(plusColon, (char) c)).isEqualTo(member || c == ':' ? 1 : 0);
    }
    assertThat(ScanState.bit(set, ':')).as("charBits(set, ...) copies its set").isZero();
  }

  @Property(tries = 300)
  void atAndAlnumAtReadZeroOutsideTheText(@ForAll @StringLength(max = 40) String text,
      @ForAll @IntRange(min = -50, max = 90) int i) {
    // a longer buffer, as the streaming scanner passes: chars after n are not part of the text
    char[] buffer = (text + "xyz9").toCharArray();
    ScanState st = new ScanState(text, buffer);
    char expected = i >= 0 && i < text.length() ? text.charAt(i) : '\0';
    assertThat(st.at(i)).isEqualTo(expected);
    assertThat(st.alnumAt(i)).isEqualTo(i >= 0 && i < text.length() && plainAlnum(expected));
  }

  @Test
  void emptyTextWithAnEmptyBufferIsReadable() {
    ScanState st = new ScanState("", new char[0]);
    assertThat(st.at(0)).isEqualTo('\0');
    assertThat(st.at(-1)).isEqualTo('\0');
    assertThat(st.alnumAt(0)).isFalse();
  }

  @Test
  void extremeIndexesAreOutsideTheText() {
    ScanState st = new ScanState("abc", "abc".toCharArray());
    assertThat(st.at(Integer.MIN_VALUE)).isEqualTo('\0');
    assertThat(st.at(Integer.MAX_VALUE)).isEqualTo('\0');
  }
}
