package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ApiServerLifecycleTest {

  @Test
  void portZeroBindsAnEphemeralPort() {
    try (TestApi api = new TestApi()) {
      assertThat(api.server.port()).isPositive();
      assertThat(api.server.url().toString()).isEqualTo("http://127.0.0.1:" + api.server.port());
      assertThat(api.get("/healthz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void portInUseFailsWithAClearMessage() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      ApiServer server = new TestApi.Fixture().builder()
          .config(new ServerConfig("127.0.0.1", port))
          .build();

      assertThatThrownBy(server::start)
          .isInstanceOf(ServerStartException.class)
          .hasMessage("server.port: " + port
              + ": already in use (expected: a free port, or 0 for any)");
      assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
      server.close();
    }
  }

  @Test
  void closeIsIdempotentAndFinal() {
    TestApi api = new TestApi();
    api.close();
    api.server.close();

    assertThatThrownBy(api.server::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("server: closed (expected: a new server)");
    assertThatThrownBy(api.server::port)
        .hasMessage("server: not running (expected: start() first)");
  }

  @Test
  void startingTwiceIsRefused() {
    try (TestApi api = new TestApi()) {
      assertThatThrownBy(api.server::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("server: started (expected: a new server)");
    }
  }

  @Test
  void missingServicesAreNamed() {
    assertThatThrownBy(() -> ApiServer.builder().config(ServerConfig.DEFAULT).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("eventLog: missing (expected: ApiServer.builder().eventLog(...))");
    assertThatThrownBy(() -> new TestApi.Fixture().builder().configView(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("redactedYaml");
  }

  @Test
  void clashingExtraRoutesAreRefused() {
    Route clash =
        Route.of("GET", "/api/tokens", Access.anyToken(), "dup", call -> Reply.noContent());

    assertThatThrownBy(() -> new TestApi.Fixture().builder().route(clash).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("route: GET /api/tokens (expected: unique");
  }

  @Test
  void bodyLimitIsValidated() {
    assertThatThrownBy(() -> ApiServer.builder().maxBodyBytes(10))
        .hasMessage("maxBodyBytes: 10 (expected: 1024..67108864)");
  }
}
