package io.rampart.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.discovery.HclAst.Body;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HclParserTest {
  @Test
  void parsesExpressionsOfRealModules() {
    Body b = HclParser.parse("""
        locals {
          names   = [for k, v in var.m : upper(k) if v != null]
          byName  = { for s in var.list : s.name => s... }
          splat   = aws_instance.web[*].id
          legacy  = aws_instance.web.*.id
          cond    = var.a == "x" ? 1 : -2.5e3
          heredoc = <<-EOT
            hello ${var.who}
            %{ if var.x }yes%{ endif }
          EOT
          esc     = "a $${literal} \\"q\\""
          obj     = {
            "quoted key" = 1
            (var.k)      = 2,
            plain: 3
          }
          nested  = merge(var.a, { x = [1, 2,
            3] })
        }
        /* block
           comment */
        resource "x" "y" { a = 1 }
        """);
    assertThat(b.blocks()).extracting(HclAst.Block::type).containsExactly("locals", "resource");
    HclEval.Scope s = new HclEval.Scope("");
    var locals = b.blocks("locals").getFirst().body().attributes();
    assertThat(HclEval.eval(locals.get("esc").value(), s)).contains("a ${literal} \"q\"");
    assertThat(HclEval.eval(locals.get("heredoc").value(), s)).isEmpty();
    assertThat(HclEval.references(locals.get("splat").value(), s)).containsExactly("aws_instance.web");
    assertThat(b.blocks("resource").getFirst().line()).isEqualTo(22);
  }

  @Test
  void errorsCarryLines() {
    assertThatThrownBy(() -> HclParser.parse("a = 1\nb = [1,\n"))
        .isInstanceOf(ParseException.class).hasMessageContaining("expected");
    assertThatThrownBy(() -> HclParser.parse("a = 1\n\nb = \"open\n"))
        .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThatThrownBy(() -> HclParser.parse("a = 1\na = 2\n"))
        .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Property(tries = 300)
  void arbitraryInputOnlyEverFailsWithParseException(@ForAll("hclish") String text) {
    try {
      HclParser.parse(text);
    } catch (ParseException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 200)
  void generatedAttributesRoundTrip(@ForAll("names") String name, @ForAll @net.jqwik.api.constraints.LongRange(min = -1_000_000_000_000L) long n,
      @ForAll("strings") String str) {
    Body b = HclParser.parse("# c\n" + name + " {\n  n = " + n + "\n  s = \"" + str + "\"\n}\n");
    var attrs = b.blocks(name).getFirst().body().attributes();
    HclEval.Scope s = new HclEval.Scope("");
    assertThat(HclEval.eval(attrs.get("n").value(), s)).isEqualTo(Optional.of(n));
    assertThat(HclEval.eval(attrs.get("s").value(), s)).isEqualTo(Optional.of(str));
  }

  @Provide
  Arbitrary<String> hclish() {
    return Arbitraries.strings().withChars("abc=\"{}[]()$%<>-#/*\\\n .,:?!0123456789_EOT")
        .ofMaxLength(80);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
        .filter(x -> !x.equals("true") && !x.equals("false") && !x.equals("null")
            && !x.equals("for") && !x.equals("if") && !x.equals("in"));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20)
        .filter(x -> !x.contains("\"") && !x.contains("\\") && !x.contains("${")
            && !x.contains("%{"));
  }
}
