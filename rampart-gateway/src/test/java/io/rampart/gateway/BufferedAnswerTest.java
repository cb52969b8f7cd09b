package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole-answer listener against a raw socket that answers exactly as told. */
class BufferedAnswerTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  HttpClient client;
  ServerSocket server;
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    client = UpstreamClient.start("test-client", Duration.ofSeconds(5), WAIT, 16);
    server = new ServerSocket(0);
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    server.close();
    client.stop();
  }

  /** Answers one request with {@code head}, then {@code body}, then (if asked) hangs up. */
  void answer(String head, byte[] body, boolean hangUp, boolean holdBeforeHead) {
    Thread.ofVirtual().start(() -> {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
          matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : 0;
        }
        if (holdBeforeHead) {
          release.await();
          return;
        }
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        if (!hangUp) {
          release.await();
        }
      } catch (IOException | InterruptedException e) {
        // the test is over
      }
    });
  }

  BufferedAnswer send(int max) {
    BufferedAnswer whole = new BufferedAnswer(max);
    client.newRequest("http://127.0.0.1:" + server.getLocalPort() + "/v1/x")
        .timeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).send(whole);
    return whole;
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  @Test
  void aBodyWithContentLengthArrivesWhole() throws Exception {
    byte[] body = bytes(5000);
    answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n",
        body, false, false);
    BufferedAnswer whole = send(1 << 20);

    Response r = whole.get(WAIT);

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(((BufferedAnswer.Body) whole.body()).all()).isEqualTo(body);
  }

  @Test
  void aBodyEndedByTheConnectionArrivesWholeAndReadsAsAStream() throws Exception {
    byte[] body = bytes(70_000);
    answer("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n", body,
        true, false);
    BufferedAnswer whole = send(1 << 20);

    whole.get(WAIT);

    try (InputStream in = whole.body()) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
  }

  @Test
  void anOversizedBodyIsCutOneByteAfterTheLimitAndFailsAsAStream() throws Exception {
    answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 3000\r\n\r\n",
        bytes(3000), false, false);
    BufferedAnswer whole = send(1000);

    whole.get(WAIT);

    assertThat(((BufferedAnswer.Body) whole.body()).all()).hasSize(1001);
    assertThatThrownBy(() -> whole.body().read()).isInstanceOf(IOException.class)
        .hasMessageContaining("larger than 1000 bytes");
  }

  @Test
  void aConnectionLostAfterTheHeadersFailsTheBodyNotTheRequest() throws Exception {
    answer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 3000\r\n\r\n",
        bytes(100), true, false);
    BufferedAnswer whole = send(1 << 20);

    assertThat(whole.get(WAIT).getStatus()).isEqualTo(200);
    assertThatThrownBy(() -> ((BufferedAnswer.Body) whole.body()).all())
        .isInstanceOf(IOException.class);
  }

  @Test
  void noHeadersInTimeIsATimeout() {
    answer("", new byte[0], false, true);
    BufferedAnswer whole = send(1 << 20);

    assertThatThrownBy(() -> whole.get(Duration.ofMillis(200)))
        .isInstanceOf(TimeoutException.class);
  }

  @Test
  void aRefusedConnectionIsTheRequestsFailure() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0)) {
      port = closed.getLocalPort();
    }
    BufferedAnswer whole = new BufferedAnswer(1000);
    client.newRequest("http://127.0.0.1:" + port + "/").send(whole);

    assertThatThrownBy(() -> whole.get(WAIT)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(java.net.ConnectException.class);
  }
}
