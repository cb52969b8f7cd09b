package io.rampart.core.config;

import static io.rampart.core.config.Configs.BASE;
import static io.rampart.core.config.Configs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed accessors later sections bind with. */
class ConfigNodeTest {
  enum Mode {
    FAIL_OPEN,
    FAIL_CLOSED
  }

  private final BindContext context = new BindContext("rampart.yaml", BASE);

  @Test
  void nodesKnowTheirSourceLineColumnAndPath() {
    ConfigNode root =
        tree("gateway:\n  routes:\n    - name: a\n      upstream: http://a:8080/v1\n", context);
    ConfigNode route =
        root.get("gateway").flatMap(g -> g.get("routes")).orElseThrow().items().getFirst();
    ConfigNode upstream = route.get("upstream").orElseThrow();
    assertThat(upstream.path()).isEqualTo("gateway.routes[0].upstream");
    assertThat(upstream.line()).isEqualTo(4);
    assertThat(upstream.column()).isEqualTo(7);
    assertThat(upstream.source()).isEqualTo("rampart.yaml");
    assertThat(upstream.asUrl()).contains(URI.create("http://a:8080/v1"));
  }

  @Test
  void typedAccessorsConvertScalars() {
    ConfigNode root =
        tree(
            "on: TRUE\nmode: fail-closed\nwait: PT12H\nlist: [a, b]\nheaders: {x-a: 1, x-b: 2}\n",
            context);
    assertThat(root.get("on").flatMap(ConfigNode::asBool)).contains(true);
    assertThat(root.get("mode").flatMap(n -> n.asEnum(Mode.class))).contains(Mode.FAIL_CLOSED);
    assertThat(root.get("wait").flatMap(ConfigNode::asDuration)).contains(Duration.ofHours(12));
    assertThat(root.get("list").orElseThrow().items())
        .extracting(n -> n.asString().orElseThrow())
        .containsExactly("a", "b");
    assertThat(root.get("headers").orElseThrow().entries()).containsOnlyKeys("x-a", "x-b");
    context.throwIfAny();
  }

  @Test
  void conversionFailuresAreCollectedNotThrown() {
    ConfigNode root = tree("on: yes\nmode: sideways\nlist: x\nurl: /relative\nmap: [1]\n", context);
    List<Object> seen = new ArrayList<>();
    root.field("on", ConfigNode::asBool, seen::add);
    root.field("mode", n -> n.asEnum(Mode.class), seen::add);
    root.field("url", ConfigNode::asUrl, seen::add);
    assertThat(root.get("list").orElseThrow().items()).isEmpty();
    assertThat(root.get("map").orElseThrow().entries()).isEmpty();
    assertThat(seen).isEmpty();
    assertThatThrownBy(context::throwIfAny)
        .hasMessage(
            String.join(
                "\n",
                "rampart.yaml:1: on: not a boolean (expected true or false)",
                "rampart.yaml:2: mode: not a valid choice (expected one of: fail-open,"
                    + " fail-closed)",
                "rampart.yaml:3: list: wrong type: a single value (expected a list)",
                "rampart.yaml:4: url: not a URL (expected http(s)://...)",
                "rampart.yaml:5: map: wrong type: a list (expected a map)"));
  }

  @Test
  void nullValuesCountAsAbsentButNullListItemsAreMissing() {
    ConfigNode root = tree("a:\nb: ~\nc: [x, ~]\n", context);
    assertThat(root.get("a")).isEmpty();
    assertThat(root.get("b")).isEmpty();
    assertThat(root.get("c").orElseThrow().items().get(1).asString()).isEmpty();
    assertThatThrownBy(context::throwIfAny)
        .hasMessage("rampart.yaml:3: c[1]: missing value (expected a string)");
  }

  @Test
  void oddKeysAreQuotedInPaths() {
    assertThat(YamlTree.childPath("headers", "x-api-key")).isEqualTo("headers.x-api-key");
    assertThat(YamlTree.childPath("headers", "a.b")).isEqualTo("headers[\"a.b\"]");
    assertThat(YamlTree.childPath("", "new\nline")).isEqualTo("[\"new\\u000aline\"]");
  }
}
