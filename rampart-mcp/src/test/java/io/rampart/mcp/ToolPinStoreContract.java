package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What every {@link ToolPinStore} does; subclasses supply the store. */
abstract class ToolPinStoreContract {
  static final ObjectMapper JSON = new ObjectMapper();

  abstract ToolPinStore store();

  static ToolPin pin(String tool, String description) throws Exception {
    JsonNode t = JSON.readTree("{\"name\":\"" + tool + "\",\"description\":\"" + description
        + "\",\"inputSchema\":{\"type\":\"object\"}}");
    return ToolPin.of("srv", t);
  }

  @Test
  void firstSightPinsOnceAndKeepsTheFirstDefinition() throws Exception {
    ToolPinStore s = store();
    assertThat(s.putIfAbsent(pin("echo", "v1"))).isTrue();
    assertThat(s.putIfAbsent(pin("echo", "v2"))).isFalse();

    assertThat(s.find("srv", "echo")).contains(pin("echo", "v1"));
    assertThat(s.compare(pin("echo", "v2"))).isInstanceOf(PinComparison.Changed.class);
    assertThat(s.compare(pin("echo", "v1"))).isInstanceOf(PinComparison.Unchanged.class);
    assertThat(s.find("srv", "other")).isEmpty();
  }

  @Test
  void aPendingChangeBecomesThePinOnlyWhenApproved() throws Exception {
    ToolPinStore s = store();
    s.putIfAbsent(pin("echo", "v1"));
    assertThat(s.approve("srv", "echo")).isEmpty();

    s.markPending(pin("echo", "v2"));

    assertThat(s.find("srv", "echo")).contains(pin("echo", "v1"));
    assertThat(s.pending("srv", "echo")).contains(pin("echo", "v2"));
    assertThat(s.approve("srv", "echo")).contains(pin("echo", "v2"));
    assertThat(s.find("srv", "echo")).contains(pin("echo", "v2"));
    assertThat(s.pending("srv", "echo")).isEmpty();
  }

  @Test
  void putReplacesAndClearsPendingListSortsRemoveDeletes() throws Exception {
    ToolPinStore s = store();
    s.put(pin("zeta", "v1"));
    s.put(pin("alpha", "v1"));
    s.markPending(pin("alpha", "v2"));
    s.put(pin("alpha", "v3"));

    assertThat(s.pending("srv", "alpha")).isEmpty();
    assertThat(s.list("srv")).extracting(ToolPin::tool).containsExactly("alpha", "zeta");
    assertThat(s.list("srv").getFirst()).isEqualTo(pin("alpha", "v3"));
    assertThat(s.remove("srv", "zeta")).isTrue();
    assertThat(s.remove("srv", "zeta")).isFalse();
    assertThat(s.list("other")).isEmpty();
  }
}
