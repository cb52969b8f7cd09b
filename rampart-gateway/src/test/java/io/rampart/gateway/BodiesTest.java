package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodiesTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(String body, long declared, int max) throws Exception {
    return Bodies.read(new ByteArrayInputStream(bytes(body)), declared, max);
  }

  @Test
  void aBodyOfItsDeclaredLengthIsReadWhole() throws Exception {
    assertThat(read("{\"a\":1}", 7, 100)).isEqualTo(bytes("{\"a\":1}"));
    assertThat(read("", 0, 100)).isEmpty();
  }

  @Test
  void withoutALengthOrAboveTheLimitItReadsUpToOneByteOverTheLimit() throws Exception {
    assertThat(read("0123456789", -1, 100)).isEqualTo(bytes("0123456789"));
    assertThat(read("0123456789", -1, 4)).isEqualTo(bytes("01234"));
    assertThat(read("0123456789", 10, 4)).isEqualTo(bytes("01234"));
  }

  @Test
  void moreThanDeclaredIsStillReadSoNothingIsSilentlyDropped() throws Exception {
    assertThat(read("0123456789", 4, 100)).isEqualTo(bytes("0123456789"));
    assertThat(read("0123456789", 4, 6)).isEqualTo(bytes("0123456"));
  }

  @Test
  void lessThanDeclaredIsReturnedAsItIs() throws Exception {
    assertThat(read("0123", 10, 100)).isEqualTo(bytes("0123"));
  }
}
