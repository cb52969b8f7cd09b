package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class JsonRpcFuzzTest {
  final JsonRpcCodec codec = JsonRpcCodec.create(new JsonRpcLimits(64 * 1024, 16, 10));

  @Property(tries = 500)
  void garbageBytesOnlyEverRaiseJsonRpcExceptions(@ForAll @Size(max = 300) byte[] bytes) {
    assertDecodesOrRejects(bytes);
  }

  @Property(tries = 500)
  void mutatedMessagesOnlyEverRaiseJsonRpcExceptions(@ForAll("mutated") String text) {
    assertDecodesOrRejects(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void requestsRoundTrip(@ForAll("ids") int id, @ForAll @StringLength(min = 1, max = 40) String method, @ForAll String value) {
    JsonRpcMessage m = new JsonRpcMessage.Request(IntNode.valueOf(id), method,
        Optional.of(JsonNodeFactory.instance.objectNode().put("v", value)));
    assertThat(((JsonRpcPayload.Single) codec.decode(codec.encode(m))).message()).isEqualTo(m);
    JsonRpcMessage n = new JsonRpcMessage.Response(TextNode.valueOf(method), TextNode.valueOf(value));
    assertThat(((JsonRpcPayload.Single) codec.decode(codec.encode(n))).message()).isEqualTo(n);
  }

  private void assertDecodesOrRejects(byte[] bytes) {
    long start = System.nanoTime();
    try {
      assertThat(codec.decode(bytes)).isNotNull();
    } catch (JsonRpcException e) {
      assertThat(e.code()).isIn(JsonRpcError.PARSE_ERROR, JsonRpcError.INVALID_REQUEST);
      assertThat(e.getMessage()).isNotBlank();
    }
    // generous: a loaded CI machine stalls for a second now and then; what this catches is
    // runaway (super-linear) work, which takes minutes on inputs like these
    assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
  }

  @Provide
  Arbitrary<Integer> ids() {
    return Arbitraries.integers();
  }

  @Provide
  Arbitrary<String> mutated() {
    String seed = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"x\",\"arguments\":{\"a\":[1,2,{\"b\":null}]}}},"
        + "{\"jsonrpc\":\"2.0\",\"id\":\"z\",\"error\":{\"code\":-1,\"message\":\"m\"}}]";
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, seed.length() - 1);
    Arbitrary<Character> ch = Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '\\', '1', 'a', '\u0000', '\u00e9', ' ');
    return net.jqwik.api.Combinators.combine(pos.list().ofMaxSize(6), ch.list().ofMaxSize(6), Arbitraries.integers().between(0, 2))
        .as((ps, cs, op) -> {
          StringBuilder sb = new StringBuilder(seed);
          for (int i = 0; i < ps.size(); i++) {
            int p = Math.min(ps.get(i), sb.length() - 1);
            char c = cs.isEmpty() ? 'x' : cs.get(i % cs.size());
            switch (op) {
              case 0 -> sb.setCharAt(p, c);
              case 1 -> sb.insert(p, c);
              default -> sb.deleteCharAt(p);
            }
          }
          return sb.toString();
        });
  }
}
