package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class OversizedBodiesTest {

  @Test
  void aBodyWithinTheLimitIsReadToItsEnd() {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[3 << 20]);

    assertThat(OversizedBodies.discard(in)).isTrue();
    assertThat(in.available()).isZero();
  }

  @Test
  void aBodyPastTheLimitAsksForTheConnectionToClose() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return len;
      }
    };

    assertThat(OversizedBodies.discard(endless)).isFalse();
  }

  @Test
  void aBrokenBodyAsksForTheConnectionToClose() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("reset");
      }
    };

    assertThat(OversizedBodies.discard(broken)).isFalse();
  }
}
