package io.rampart.core.config;

import static io.rampart.core.config.Configs.BASE;
import static io.rampart.core.config.Configs.failure;
import static io.rampart.core.config.Configs.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per kind of problem, asserting the exact text operators see. */
class ConfigErrorsTest {

  @Test
  void badUrlPointsAtTheListItem() {
    BindContext context = new BindContext("rampart.yaml", BASE);
    ConfigNode root =
        tree(
            "gateway:\n  routes:\n    - upstream: https://ok.example\n    - upstream: ftp://x\n",
            context);
    for (ConfigNode route :
        root.get("gateway").flatMap(g -> g.get("routes")).orElseThrow().items()) {
      route.field("upstream", ConfigNode::asUrl, url -> {});
    }
    assertThatThrownBy(context::throwIfAny)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "rampart.yaml:4: gateway.routes[1].upstream: not a URL (expected http(s)://...)");
  }

  @Test
  void portOutOfRange() {
    assertThat(failure("server:\n  port: 70000\n"))
        .hasMessage("rampart.yaml:2: server.port: invalid value (expected 0..65535)");
  }

  @Test
  void portNotANumber() {
    assertThat(failure("server:\n  host: localhost\n  port: eighty\n"))
        .hasMessage("rampart.yaml:3: server.port: not an integer (expected a whole number)");
  }

  @Test
  void unknownKeyWithSuggestion() {
    assertThat(failure("storage:\n  pool_size: 4\n"))
        .hasMessage(
            "rampart.yaml:2: storage.pool_size: unknown key, did you mean 'pool-size'?"
                + " (expected one of: url, username, password, pool-size)");
    assertThat(failure("sever:\n  port: 1\n"))
        .hasMessage(
            "rampart.yaml:1: sever: unknown key, did you mean 'server'?"
                + " (expected one of: data-dir, server, storage, events)");
  }

  @Test
  void unknownKeyWithoutCloseMatch() {
    assertThat(failure("colour: red\n"))
        .hasMessage(
            "rampart.yaml:1: colour: unknown key (expected one of: data-dir, server, storage,"
                + " events)");
  }

  @Test
  void wrongTypes() {
    assertThat(failure("server: 8080\n"))
        .hasMessage(
            "rampart.yaml:1: server: wrong type: a single value (expected a map with keys: host,"
                + " port)");
    assertThat(failure("server:\n  port: [1, 2]\n"))
        .hasMessage("rampart.yaml:2: server.port: wrong type: a list (expected a whole number)");
    assertThat(failure("storage:\n  username: {a: b}\n"))
        .hasMessage("rampart.yaml:2: storage.username: wrong type: a map (expected a string)");
  }

  @Test
  void badDuration() {
    assertThat(failure("events:\n  retention: 90 days\n"))
        .hasMessage(
            "rampart.yaml:2: events.retention: not a duration"
                + " (expected a duration like 90d, 12h, 30m, 45s or ISO-8601 PT12H)");
    assertThat(failure("events:\n  retention: -P1D\n"))
        .hasMessage("rampart.yaml:2: events.retention: invalid value (expected >= 0)");
  }

  @Test
  void unsetVariableNamesTheVariableAndLine() {
    assertThat(failure("storage:\n  username: app\n  password: ${DB_PASSWORD}\n"))
        .hasMessage(
            "rampart.yaml:3: storage.password: environment variable DB_PASSWORD is not set"
                + " (expected it set, or a default: ${DB_PASSWORD:-...})");
  }

  @Test
  void malformedYamlGivesParserLineAndColumn() {
    ConfigException e = failure("server:\n  host: localhost\n  port: [8080,\n");
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(4);
              assertThat(p.path()).isEmpty();
              assertThat(p.message())
                  .isEqualTo(
                      "malformed YAML at column 1: expected the node content,"
                          + " but found '<stream end>' (while parsing a flow node)");
            });
    assertThat(failure("server:\n  host: a\n port: 1\n").problems().getFirst().line()).isEqualTo(3);
  }

  @Test
  void tabIndentationIsMalformed() {
    assertThat(failure("server:\n\thost: a\n").getMessage())
        .startsWith("rampart.yaml:2: malformed YAML at column 1: found character '\\t(TAB)'");
  }

  @Test
  void duplicateKey() {
    assertThat(failure("server:\n  port: 1\n  port: 2\n"))
        .hasMessage("rampart.yaml:3: server.port: duplicate key (first defined on line 2)");
    assertThat(failure("events: {}\nevents: {}\n"))
        .hasMessage("rampart.yaml:2: events: duplicate key (first defined on line 1)");
  }

  @Test
  void nonMapTopLevel() {
    assertThat(failure("- server\n- storage\n"))
        .hasMessage(
            "rampart.yaml:1: wrong type: a list"
                + " (expected a map with keys: data-dir, server, storage, events)");
    assertThat(failure("just text\n").problems()).hasSize(1);
  }

  @Test
  void severalErrorsAreReportedTogetherInLineOrder() {
    ConfigException e =
        failure(
            "server:\n"
                + "  port: 99999\n"
                + "  hots: x\n"
                + "storage:\n"
                + "  url: mysql://db\n"
                + "  pool-size: 0\n"
                + "  password: ${NOPE}\n"
                + "events:\n"
                + "  retention: soon\n");
    assertThat(e.problems())
        .extracting(ConfigProblem::line, ConfigProblem::path)
        .containsExactly(
            tuple(2, "server.port"),
            tuple(3, "server.hots"),
            tuple(5, "storage.url"),
            tuple(6, "storage.pool-size"),
            tuple(7, "storage.password"),
            tuple(9, "events.retention"));
    assertThat(e.getMessage().lines()).hasSize(6).allMatch(l -> l.startsWith("rampart.yaml:"));
    assertThat(e.problems().get(1).message()).contains("did you mean 'host'?");
  }

  @Test
  void crossFieldFailureFromBuildIsAttributedToTheNamedKey() {
    BindContext context = new BindContext("rampart.yaml", BASE);
    ConfigNode node = tree("a: 1\nb: 2\n", context);
    String result =
        node.build(
            () -> {
              throw new IllegalArgumentException("b: 2 (expected: greater than a)");
            },
            "fallback");
    assertThat(result).isEqualTo("fallback");
    assertThatThrownBy(context::throwIfAny)
        .hasMessage("rampart.yaml:2: b: invalid value (expected greater than a)");
  }

  @Test
  void mergeKeysAndRecursiveAliasesAreRejected() {
    assertThat(failure("base: &b {port: 1}\nserver:\n  <<: *b\n").getMessage())
        .contains("rampart.yaml:3: server: merge keys (<<) are not supported");
    assertThat(failure("server: &s\n  host: [*s]\n").getMessage()).contains("recursive alias");
  }

  @Test
  void aliasBombIsRejectedQuickly() {
    // 45 aliases (under SnakeYAML's limit of 50) that would expand to ~590,000 values
    assertThat(failure(aliasBomb(5)).problems())
        .singleElement()
        .extracting(ConfigProblem::message)
        .isEqualTo("too large after expanding aliases (expected at most 100000 values)");
    assertThat(failure(aliasBomb(10)).getMessage()).contains("aliases").contains("max=50");
  }

  private static String aliasBomb(int levels) {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= levels; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      yaml.append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
    }
    return yaml.toString();
  }

  @Test
  void hostileShapesFailCleanly() {
    assertThat(failure("[".repeat(10_000)).problems())
        .singleElement()
        .extracting(ConfigProblem::message)
        .asString()
        .startsWith("malformed YAML");
    String longKey = "k".repeat(500);
    assertThat(failure(longKey + ": 1\n").problems())
        .singleElement()
        .extracting(ConfigProblem::path)
        .asString()
        .hasSize(80 + 7)
        .endsWith("...\"]");
  }

  @Test
  void missingFileCannotBeRead() {
    ConfigException e =
        (ConfigException)
            catchThrowable(() -> ConfigLoader.load(BASE.resolve("nope/rampart.yaml"), Map.of()));
    assertThat(e).hasMessageEndingWith("rampart.yaml: cannot read (no such file)");
    assertThat(e.problems()).singleElement().extracting(ConfigProblem::line).isEqualTo(0);
  }
}
