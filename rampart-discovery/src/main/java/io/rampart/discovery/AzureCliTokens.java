package io.rampart.discovery;

import io.rampart.core.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tokens of the signed-in Azure CLI user: runs {@code az account get-access-token --resource
 * https://management.azure.com/ --output json} and caches the token until a minute before it
 * expires. Only the exit code and {@code az}'s own error line are reported, never its output.
 */
final class AzureCliTokens implements TokenSource {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final String az;
  private final Clock clock;
  private Secret cached = Secret.empty();
  private Instant expires = Instant.MIN;

  AzureCliTokens(String az, Clock clock) {
    this.az = az;
    this.clock = clock;
  }

  @Override
  public synchronized Secret token() {
    if (!cached.isEmpty() && clock.instant().isBefore(expires)) {
      return cached;
    }
    List<String> command = List.of(az, "account", "get-access-token", "--resource",
        AzureTokenJson.RESOURCE, "--output", "json");
    try {
      Process p = new ProcessBuilder(command).start();
      p.getOutputStream().close(); // az must not wait for input
      // stderr is drained on its own thread so a chatty az cannot block on a full pipe
      var err = Thread.ofVirtual().start(() -> drain(p));
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new DiscoveryException("azure cli: " + az + " timed out (expected: an answer"
            + " within " + TIMEOUT.toSeconds() + " s)");
      }
      err.join();
      if (p.exitValue() != 0) {
        throw new DiscoveryException("azure cli: " + az + " exited with " + p.exitValue()
            + " (expected: a signed-in 'az login' session)");
      }
      Map<String, Object> body = Values.map(JsonTree.parse(out).root);
      if (!(body.get("accessToken") instanceof String t) || t.isBlank()) {
        throw new DiscoveryException("azure cli: no accessToken in the output (expected: the"
            + " JSON of az account get-access-token)");
      }
      cached = Secret.of(t);
      expires = AzureTokenJson.expiry(body, "expires_on", "expires_in", clock);
      return cached;
    } catch (IOException e) {
      throw new DiscoveryException("azure cli: cannot run " + az + " (expected: the Azure CLI"
          + " on the PATH)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscoveryException("azure cli: interrupted (expected: completion)", e);
    } catch (ParseException e) {
      throw new DiscoveryException("azure cli: output is not JSON (expected: the JSON of az"
          + " account get-access-token)");
    }
  }

  private static void drain(Process p) {
    try {
      p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // the exit code tells what matters
    }
  }
}
